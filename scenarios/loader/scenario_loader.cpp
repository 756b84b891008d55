#include "scenarios/loader/scenario_loader.hpp"

#include <filesystem>

#include "scenarios/loader/injects.hpp"
#include "scenarios/loader/scenario_sections.hpp"
#include "scenarios/loader/sections_micro.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::scenarios {

namespace fs = std::filesystem;
using detail::Field;
using detail::ReadContext;

int Origins::line(const std::string& field) const {
  std::string f = field;
  while (!f.empty()) {
    if (auto it = line_of.find(f); it != line_of.end() && it->second > 0) return it->second;
    const std::size_t cut = f.find_last_of(".[");
    if (cut == std::string::npos) break;
    f.resize(cut);
  }
  return 0;
}

InputError Origins::error(const std::string& field, const std::string& message) const {
  return InputError(file, line(field), field, message);
}

namespace {

// Values a scenario may expand to once its aliases are followed: the commented Lauf
// template has a few hundred; a file of anchors that refer to anchors (each level
// repeating the one before) reaches millions in a few lines and would keep the
// loader busy for minutes.
constexpr std::size_t kMaxYamlValues = 1'000'000;

// Counts `node`'s values with every alias expanded, stopping past `limit`.
std::size_t count_values(const YAML::Node& node, std::size_t limit, std::size_t count = 0) {
  if (++count > limit) return count;
  if (node.IsMap()) {
    for (const auto& kv : node) {
      count = count_values(kv.second, limit, count);
      if (count > limit) return count;
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      count = count_values(item, limit, count);
      if (count > limit) return count;
    }
  }
  return count;
}

YAML::Node parse_file(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError(path, 0, "", "scenario file not found");
  if (fs::is_directory(path, ec)) throw InputError(path, 0, "", "is a folder, not a scenario file");
  try {
    YAML::Node root = YAML::LoadFile(path);
    if (count_values(root, kMaxYamlValues) > kMaxYamlValues)
      throw InputError(
          path, 0, "",
          "expands to more than 1,000,000 values once its YAML aliases are followed (anchors that "
          "repeat anchors?)");
    return root;
  } catch (const YAML::ParserException& e) {
    throw InputError(path, e.mark.line >= 0 ? e.mark.line + 1 : 0, "", "YAML syntax error: " + e.msg);
  } catch (const YAML::BadFile&) {
    throw InputError(path, 0, "", "cannot read the scenario file");
  }
}

// The sections of a scenario file.
const std::initializer_list<std::string_view> kSections = {
    "name", "description", "map",   "population", "shelters", "zones", "plan",   "params",
    "run",  "variants",    "flood", "fire",       "movement", "micro", "injects"};

// Reads the variants section: names, descriptions and (for `wanted`) the patch.
std::vector<VariantDesc> read_variants(const Field& root, const std::string& wanted,
                                       std::optional<Field>& wanted_patch) {
  std::vector<VariantDesc> out;
  const std::optional<Field> vs = root.get("variants");
  if (!vs) return out;
  for (const auto& [name, v] : vs->entries()) {
    v.check_keys({"description", "patch"});
    VariantDesc d{name, {}};
    if (auto desc = v.get("description")) d.description = desc->text();
    const Field patch = v.need("patch");
    if (!patch.is_map()) patch.fail("a variant's patch must be a mapping of scenario sections");
    if (patch.node()["variants"].IsDefined()) patch.fail_at("variants", "a patch cannot change the variants");
    if (name == wanted) wanted_patch = patch;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

std::vector<VariantDesc> list_variants(const std::string& path) {
  YAML::Node root = parse_file(path);
  Origins origins;
  ReadContext ctx{path, "", {}, &origins};
  const Field r(root, "", ctx, 1);
  if (!r.is_map()) r.fail("a scenario file must be a mapping of sections");
  std::optional<Field> unused;
  return read_variants(r, "", unused);
}

ScenarioDesc load_scenario(const std::string& path, const std::string& variant) {
  YAML::Node root = parse_file(path);
  ScenarioDesc desc;
  desc.origins.file = path;
  ReadContext ctx{path, "", {}, &desc.origins};
  {
    const Field r(root, "", ctx, 1);
    if (!r.is_map()) r.fail("a scenario file must be a mapping of sections");
    r.check_keys(kSections);
    std::optional<Field> patch;
    desc.variants = read_variants(r, variant, patch);
    if (!variant.empty()) {
      if (!patch) {
        std::string names;
        for (const VariantDesc& v : desc.variants) names += (names.empty() ? "" : ", ") + v.name;
        throw InputError(path, r.get("variants") ? r.get("variants")->line() : 0, "variants",
                         "unknown variant '" + variant + "'; available: " + (names.empty() ? "none" : names));
      }
      detail::collect_lines(patch->node(), ctx.patch_lines);
      ctx.variant = variant;
      desc.variant = variant;
      desc.origins.variant = variant;
      detail::deep_merge(root, patch->node());
    }
  }

  // Parse the (patched) tree section by section.
  std::error_code ec;
  desc.folder = fs::absolute(fs::path(path), ec).parent_path().lexically_normal().string();
  const Field r(root, "", ctx, 1);
  // Again on the patched tree: a patch's unknown section ("runn:") is an error too,
  // named as part of the variant's patch.
  r.check_keys(kSections);
  if (auto f = r.get("name"))
    desc.name = f->text();
  else
    desc.name = fs::path(path).stem().string();
  if (auto f = r.get("description")) desc.description = f->text();
  const detail::Sections sections{desc.folder};
  desc.movement = detail::read_movement(r);
  if (desc.movement ==
      MovementKind::Micro) {  // building-scale geometry instead of a map (sections_micro.cpp)
    detail::read_micro_scenario(r, sections, desc);
  } else {
    if (r.get("micro")) r.fail_at("micro", "is used with movement: micro only");
    desc.map = sections.map(r.need("map"));
    desc.population = sections.population(r.need("population"));
    desc.shelters = sections.shelters(r.need("shelters"));
    if (auto f = r.get("zones")) desc.zones = sections.zones(*f);
  }
  if (auto f = r.get("plan")) desc.plan = sections.plan(*f);
  if (auto f = r.get("injects")) desc.plan.injects = read_injects(*f);
  if (auto f = r.get("params")) sections.params(*f, desc.params);
  if (auto f = r.get("run")) sections.run(*f, desc.run, desc.memory_limit);
  if (auto f = r.get("flood")) desc.flood = sections.flood(*f);
  if (auto f = r.get("fire")) desc.fire = sections.fire(*f);
  if (desc.plan.warning_time >= desc.run.duration)
    throw desc.origins.error(desc.origins.line("plan.warning_time") ? "plan.warning_time" : "run.duration",
                             "the warning comes at or after the end of the run");
  return desc;
}

}  // namespace ss::scenarios
