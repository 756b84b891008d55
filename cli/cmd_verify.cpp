// `safestreet verify`: runs the published verification tests on the movement
// models and the fire spread tests (Hamada) and prints a table (and optionally
// writes JSON). --model network, micro, fire or all (all three). Exit code 0 when
// every test passed, 1 otherwise.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "cli/commands.hpp"
#include "engine/core/input_error.hpp"
#include "verify/verify.hpp"

namespace ss::cli {

int verify_command(const VerifyOptions& opt) {
  std::vector<verify::ModelChoice> models;
  if (opt.model == "network" || opt.model == "all") models.push_back(verify::ModelChoice::Network);
  if (opt.model == "micro" || opt.model == "all") models.push_back(verify::ModelChoice::Micro);
  if (opt.model == "fire" || opt.model == "all") models.push_back(verify::ModelChoice::Fire);
  if (models.empty())
    throw InputError("", 0, "--model", "must be network, micro, fire or all, got '" + opt.model + "'");
  verify::Options o;
  if (!opt.data_dir.empty()) o.data_dir = opt.data_dir;
  const std::vector<verify::Result> results = verify::run_all(models, o);
  std::cout << verify::format_table(results);
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
