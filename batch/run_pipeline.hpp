#pragma once
// One run, start to finish: load the scenario (and variant), assemble the model,
// simulate to the end, write the run folder. `safestreet run` is this function with
// a progress bar; a batch starts `safestreet run` once per variant × seed, so every
// run of a batch goes through exactly this code path.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/simulation.hpp"
#include "scenarios/loader/assemble.hpp"

namespace ss::batch {

struct RunRequest {
  std::string scenario;               // scenario file, as given
  std::string variant;                // empty: the base plan
  std::optional<std::uint64_t> seed;  // default: the scenario's run.seed
  std::filesystem::path out;          // run folder, written whole or not at all
  std::string version;                // SafeStreet version recorded in summary.json
  // Frames per s of trajectories.txt (micro runs; `run --trajectories`); 0: as the
  // scenario says (micro.trajectories).
  double trajectory_framerate = 0.0;
};

// Optional callbacks of the front end.
struct RunHooks {
  std::function<void(const scenarios::Assembly&)> loaded;             // before the first step
  std::function<void(const Simulation&)> stepped;                     // after every step
  std::function<nlohmann::json(const scenarios::Assembly&)> reports;  // "reports" of summary.json
};

struct FinishedRun {
  std::unique_ptr<scenarios::Assembly> assembly;  // owns the model the simulation points to
  std::unique_ptr<Simulation> sim;                // at its final state
  double wall_seconds = 0;                        // load excluded: simulation only
  std::vector<std::string> hazard_files;          // hazard layers written, relative to the run folder
};

// Throws ss::InputError for bad input and std::runtime_error when the outputs
// cannot be written (nothing is left half-written at req.out).
FinishedRun execute_run(const RunRequest& req, const RunHooks& hooks = {});

}  // namespace ss::batch
