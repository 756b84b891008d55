#include "batch/run_plan.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "batch/comparison_files.hpp"
#include "batch/run_record.hpp"
#include "engine/core/input_error.hpp"
#include "scenarios/loader/scenario_loader.hpp"

namespace ss::batch {
namespace fs = std::filesystem;
namespace {

constexpr const char* kManifest = "batch.json";
constexpr const char* kManifestFormat = "safestreet-batch/1";

InputError option_error(const std::string& option, const std::string& message) {
  return InputError("command line", 0, option, message);
}

}  // namespace

std::vector<std::uint64_t> seeds_one_to(std::uint64_t n) {
  std::vector<std::uint64_t> seeds;
  for (std::uint64_t s = 1; s <= n; ++s) seeds.push_back(s);
  return seeds;
}

BatchPlan plan_batch(const std::string& scenario_path, const std::vector<std::string>& variants,
                     const std::vector<std::uint64_t>& seeds, const fs::path& out) {
  if (seeds.empty()) throw option_error("--seeds", "at least one seed is needed");
  if (std::set<std::uint64_t>(seeds.begin(), seeds.end()).size() != seeds.size())
    throw option_error("--seed-list", "a seed is listed twice");
  if (out.empty()) throw option_error("--out", "an output folder is needed");

  BatchPlan plan;
  plan.scenario_path = scenario_path;
  plan.seeds = seeds;
  plan.out = out;
  const auto base = scenarios::load_scenario(scenario_path);  // checks the base plan
  plan.scenario_name = base.name;
  std::vector<std::string> offered{kBaseVariant};
  plan.descriptions[kBaseVariant] = kBaseDescription;
  for (const auto& v : base.variants) {
    if (v.name == kBaseVariant)
      throw InputError(scenario_path, 0, "variants." + v.name,
                       "a variant may not be called \"base\": a batch uses that name for the base plan");
    offered.push_back(v.name);
    plan.descriptions[v.name] = v.description;
  }
  if (variants.empty() || (variants.size() == 1 && variants[0] == "all")) {
    plan.variants = offered;
  } else {
    for (const std::string& v : variants) {
      if (std::find(offered.begin(), offered.end(), v) == offered.end()) {
        std::string list;
        for (const std::string& o : offered) list += (list.empty() ? "" : ", ") + o;
        throw option_error("--variants",
                           "no variant \"" + v + "\" in " + scenario_path + " (it offers: " + list + ")");
      }
      if (std::find(plan.variants.begin(), plan.variants.end(), v) != plan.variants.end())
        throw option_error("--variants", "variant \"" + v + "\" is listed twice");
    }
    // Keep the scenario's order so the same selection always gives the same batch.
    for (const std::string& o : offered)
      if (std::find(variants.begin(), variants.end(), o) != variants.end()) plan.variants.push_back(o);
  }
  // Apply every patch now: a patch naming a missing field or giving a wrong type is
  // an InputError before any run starts, not a failed run later.
  for (const std::string& v : plan.variants)
    if (v != kBaseVariant) scenarios::load_scenario(scenario_path, v);

  for (std::uint64_t seed : plan.seeds) {
    for (const std::string& v : plan.variants) {
      const fs::path dir = out / v / ("seed-" + std::to_string(seed));
      plan.runs.push_back({v, seed, dir, fs::path(dir.string() + ".log")});
    }
  }
  return plan;
}

void claim_output_folder(const BatchPlan& plan) {
  const fs::path manifest = plan.out / kManifest;
  std::error_code ec;
  if (fs::exists(plan.out, ec) && !fs::is_directory(plan.out, ec))
    throw option_error("--out", "'" + plan.out.string() + "' exists and is not a folder");
  if (fs::exists(manifest, ec)) {
    std::string other;
    try {
      std::ifstream in(manifest);
      const nlohmann::json j = nlohmann::json::parse(in);
      other = j.at("scenario").at("name").get<std::string>();
    } catch (const std::exception& e) {
      throw InputError(manifest.string(), 0, "scenario.name",
                       std::string("not a SafeStreet batch manifest: ") + e.what());
    }
    if (other != plan.scenario_name)
      throw option_error("--out", "'" + plan.out.string() + "' holds a batch of scenario \"" + other +
                                      "\", not \"" + plan.scenario_name + "\"; choose another folder");
  } else if (fs::is_directory(plan.out, ec)) {
    // No manifest: still refuse run folders of another scenario.
    for (const fs::path& run : find_run_folders(plan.out)) {
      std::string scenario;
      try {
        scenario = read_run_folder(run).scenario;
      } catch (const std::runtime_error&) {
        continue;  // an unreadable run is redone, not a reason to refuse the folder
      }
      if (scenario != plan.scenario_name)
        throw option_error("--out", "'" + plan.out.string() + "' holds runs of scenario \"" + scenario +
                                        "\" (" + run.string() + "); choose another folder");
    }
  }
  fs::create_directories(plan.out, ec);
  if (ec) throw option_error("--out", "cannot create '" + plan.out.string() + "': " + ec.message());
  nlohmann::ordered_json j;
  j["format"] = kManifestFormat;
  j["scenario"] = {{"name", plan.scenario_name},
                   {"path", fs::absolute(plan.scenario_path).lexically_normal().string()}};
  j["variants"] = descriptions_json(plan.descriptions);
  write_file_atomically(manifest, j.dump(2) + "\n");
}

void remove_leftovers(const std::vector<RunSpec>& runs) {
  std::error_code ec;
  std::set<fs::path> folders;
  for (const RunSpec& r : runs) folders.insert(r.dir.parent_path());
  for (const fs::path& folder : folders) {
    if (!fs::is_directory(folder, ec)) continue;
    std::vector<fs::path> stale;
    for (const auto& e : fs::directory_iterator(folder, ec)) {
      const std::string name = e.path().filename().string();
      for (const RunSpec& r : runs) {
        const std::string own = r.dir.filename().string();
        if (r.dir.parent_path() == folder &&
            (name.rfind(own + ".tmp-", 0) == 0 || name.rfind(own + ".old-", 0) == 0))
          stale.push_back(e.path());
      }
    }
    for (const fs::path& p : stale) fs::remove_all(p, ec);
  }
}

std::vector<RunSpec> unfinished_runs(const BatchPlan& plan, const std::vector<RunSpec>& runs) {
  std::vector<RunSpec> pending;
  for (const RunSpec& r : runs)
    if (!is_complete_run(r.dir, plan.scenario_name, r.variant, r.seed)) pending.push_back(r);
  return pending;
}

std::vector<RunSpec> shard_of(const std::vector<RunSpec>& runs, std::size_t i, std::size_t n) {
  std::vector<RunSpec> mine;
  for (std::size_t k = i; k < runs.size(); k += n) mine.push_back(runs[k]);
  return mine;
}

}  // namespace ss::batch
