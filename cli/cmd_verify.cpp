// `safestreet verify`: runs the published verification tests on the movement
// models and the fire spread tests (Hamada) and prints a table (and optionally
// writes JSON). --model network, micro, fire or all (all three); --test keeps the
// tests whose id contains its text; --figures DIR writes the bottleneck width
// figure (SVG) and its data (CSV) from the micro run, whole or not at all. Exit
// code 0 when every test passed, 1 otherwise.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "cli/commands.hpp"
#include "engine/core/input_error.hpp"
#include "output/staged_directory.hpp"
#include "verify/verify.hpp"

namespace ss::cli {
namespace {

// The bottleneck width figure from the micro result's values; a run without that
// test (another --model or --test) has no figure to write, which is an error.
void write_figures(const std::string& dir, const std::vector<verify::Result>& results) {
  const auto it = std::find_if(results.begin(), results.end(), [](const verify::Result& r) {
    return r.id == "Bottleneck widths" && r.model == verify::ModelChoice::Micro;
  });
  if (it == results.end())
    throw InputError(dir, 0, "--figures", "needs the micro test 'Bottleneck widths' (--model micro or all)");
  auto value = [&](const std::string& key) {
    for (const auto& [k, v] : it->values)
      if (k == key) return v;
    return 0.0;
  };
  std::vector<verify::BottleneckFlow> flows;
  for (const verify::BottleneckReference& ref : verify::bottleneck_references()) {
    char w[32];
    std::snprintf(w, sizeof w, "%g", ref.width);  // as the test names its values
    flows.push_back({ref.width, value(std::string("flow_at_") + w),
                     static_cast<int>(value(std::string("persons_at_") + w)),
                     static_cast<int>(value(std::string("arrived_at_") + w))});
  }
  output::StagedDirectory out(dir);
  out.write("bottleneck_widths.csv", verify::bottleneck_csv(flows));
  out.write("bottleneck_widths.svg", verify::bottleneck_svg(flows));
  out.commit();
}

}  // namespace

int verify_command(const VerifyOptions& opt) {
  std::vector<verify::ModelChoice> models;
  if (opt.model == "network" || opt.model == "all") models.push_back(verify::ModelChoice::Network);
  if (opt.model == "micro" || opt.model == "all") models.push_back(verify::ModelChoice::Micro);
  if (opt.model == "fire" || opt.model == "all") models.push_back(verify::ModelChoice::Fire);
  if (models.empty())
    throw InputError("", 0, "--model", "must be network, micro, fire or all, got '" + opt.model + "'");
  verify::Options o;
  if (!opt.data_dir.empty()) o.data_dir = opt.data_dir;
  const std::optional<MicroCalibration> calibration = micro_calibration_from(opt.calibration);
  if (!calibration)
    throw InputError("", 0, "--calibration", "must be imo or measured, got '" + opt.calibration + "'");
  o.calibration = *calibration;
  const std::vector<verify::Result> results = verify::run_all(models, o, opt.test);
  if (results.empty())
    throw InputError("", 0, "--test",
                     "no verification test of --model " + opt.model + " matches '" + opt.test + "'");
  std::cout << verify::format_table(results);
  if (!opt.figures.empty()) write_figures(opt.figures, results);
  if (!opt.json.empty()) {
    // Whole or not at all: write beside, then rename.
    const std::string tmp = opt.json + ".tmp";
    {
      std::ofstream out(tmp);
      out << verify::to_json(results);
      if (!out) throw InputError(opt.json, 0, "--json", "cannot write the file");
    }
    std::filesystem::rename(tmp, opt.json);
  }
  for (const verify::Result& r : results)
    if (!r.pass) return kExitFailure;
  return kExitOk;
}

}  // namespace ss::cli
