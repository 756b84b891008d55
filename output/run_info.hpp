#pragma once
// What a run output needs beyond the model and the final state: where the run came
// from and how it was set up. Filled by the command line (or a batch driver); the
// engine never sees it.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
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
  // The run's state hash (engine/core/state_hash.hpp) at the step halfway through its
  // duration, taken while it ran; none when the run ended before it or was not watched.
  struct StepHash {
    std::uint64_t step = 0;
    std::uint64_t hash = 0;
  };
  std::optional<StepHash> halfway_hash;
  // Wall-clock seconds of the run: the only field that differs between identical
  // runs, kept under its own top-level key "wall_seconds" so it can be ignored.
  double wall_seconds = 0.0;
};

}  // namespace ss::output
