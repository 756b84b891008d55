#include "batch/variant_descriptions.hpp"

#include <fstream>

#include "batch/run_record.hpp"
#include "scenarios/loader/scenario_loader.hpp"

namespace ss::batch {
namespace fs = std::filesystem;
namespace {

std::optional<nlohmann::json> read_json(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

// The scenario path a manifest or summary names ("scenario": {"path": ...}).
Descriptions from_named_scenario(const nlohmann::json& j) {
  if (!j.contains("scenario") || !j["scenario"].is_object() || !j["scenario"].contains("path") ||
      !j["scenario"]["path"].is_string())
    return {};
  const std::string path = j["scenario"]["path"].get<std::string>();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return {};
  try {
    return scenario_descriptions(path);
  } catch (const std::exception&) {
    return {};  // changed or broken since the runs: no descriptions rather than a failure
  }
}

}  // namespace

Descriptions scenario_descriptions(const std::string& scenario_path) {
  Descriptions d{{kBaseVariant, kBaseDescription}};
  for (const scenarios::VariantDesc& v : scenarios::list_variants(scenario_path)) d[v.name] = v.description;
  return d;
}

nlohmann::json descriptions_json(const Descriptions& d) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [name, text] : d) j[name] = text;
  return j;
}

Descriptions find_descriptions(const fs::path& dir) {
  if (const auto manifest = read_json(dir / "batch.json")) {
    if (manifest->contains("variants") && (*manifest)["variants"].is_object()) {
      Descriptions d;
      for (const auto& [name, text] : (*manifest)["variants"].items())
        if (text.is_string()) d[name] = text.get<std::string>();
      return d;
    }
    return from_named_scenario(*manifest);
  }
  if (const auto summary = read_json(dir / "summary.json")) return from_named_scenario(*summary);
  return {};
}

}  // namespace ss::batch
