#pragma once
// What a run output needs beyond the model and the final state: where the run came
// from and how it was set up. Filled by the command line (or a batch driver); the
// engine never sees it.
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace ss::output {

struct RunInfo {
  std::string scenario_path;  // as given on the command line
  std::string scenario_name;
  std::string variant;  // empty for the base scenario
  std::string version;  // SafeStreet version that produced the run
  // (input file, checksum) of every file the run read, so a result can be traced to
  // its exact inputs. The seed is not here: it is taken from SimState::seed, the one
  // the simulation actually used.
  std::vector<std::pair<std::string, std::string>> input_checksums;
  std::vector<std::string> problems;  // non-fatal problems found while loading
  std::vector<std::string> notes;     // what the loader did (ways dropped, counts found)
  // false for results taken mid-run (the GUI's export): targets still open stay open.
  bool finished = true;
  // Loader reports (map, population, ...) copied verbatim under "reports".
  nlohmann::json extra = nlohmann::json::object();
  // Wall-clock seconds of the run: the only field that differs between identical
  // runs, kept under its own top-level key "wall_seconds" so it can be ignored.
  double wall_seconds = 0.0;
};

}  // namespace ss::output
