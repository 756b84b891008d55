#pragma once
// One run, start to finish: load the scenario (and variant), assemble the model,
// simulate to the end, write the run folder. `safestreet run` is this function with
// a progress bar; a batch runs `safestreet run`'s code once per variant × seed (in a
// forked process on a model loaded once per variant, or started as its own process),
// so every run of a batch goes through exactly this code path.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/simulation.hpp"
#include "output/run_info.hpp"
#include "scenarios/loader/assemble.hpp"

namespace ss::batch {

// A scenario (and variant) read and assembled into its model, ready for any number of
// runs: the model is immutable once assembled, so runs of several seeds can share it.
struct LoadedScenario {
  std::shared_ptr<const scenarios::Assembly> assembly;
  std::string name;  // the scenario's `name:`
};

struct RunRequest {
  std::string scenario;               // scenario file, as given
  std::string variant;                // empty: the base plan
  std::optional<std::uint64_t> seed;  // default: the scenario's run.seed
  std::filesystem::path out;          // run folder, written whole or not at all
  std::string version;                // SafeStreet version recorded in summary.json
  // Frames per s of trajectories.txt (micro runs; `run --trajectories`); 0: as the
  // scenario says (micro.trajectories).
  double trajectory_framerate = 0.0;
  // Threads of the flood solver (`run --flood-threads`); < 0: as the scenario says
  // (flood.solver.threads), 0: automatic. Results do not depend on it.
  int flood_threads = -1;
  // Already loaded with load_run_scenario() for this scenario and variant (a batch
  // loads each variant once and starts its runs from it); null: execute_run loads it.
  std::shared_ptr<const LoadedScenario> preloaded{};
};

// Optional callbacks of the front end.
struct RunHooks {
  std::function<void(const scenarios::Assembly&)> loaded;             // before the first step
  std::function<void(const Simulation&)> stepped;                     // after every step
  std::function<nlohmann::json(const scenarios::Assembly&)> reports;  // "reports" of summary.json
};

struct FinishedRun {
  std::shared_ptr<const scenarios::Assembly> assembly;  // owns the model the simulation points to
  std::unique_ptr<Simulation> sim;                      // at its final state
  double wall_seconds = 0;                              // load excluded: simulation only
  std::vector<std::string> hazard_files;                // hazard layers written, relative to the run folder
};

// Reads req.scenario with req.variant and assembles the model (req.trajectory_framerate
// applied), as execute_run does. Throws ss::InputError for bad input.
LoadedScenario load_run_scenario(const RunRequest& req);

// Throws ss::InputError for bad input and std::runtime_error when the outputs
// cannot be written (nothing is left half-written at req.out).
FinishedRun execute_run(const RunRequest& req, const RunHooks& hooks = {});

// The pieces of execute_run for front ends that drive the steps themselves (a drill
// applies its injects and decisions between steps, drill/drill_runner.hpp), so their
// run folders come out of the same code.
//
// The step halfway through the run's duration, whose state hash summary.json gives.
std::uint64_t halfway_step(const Model& model);
// Writes the run folder of `run` (its simulation at the final state, timeline closed
// by run_to_end) for `req`: whole or not at all. `scenario_name` is the scenario's
// `name:`; `halfway` the state hash taken at halfway_step(), if the run got there.
void write_run_folder(const RunRequest& req, const std::string& scenario_name, FinishedRun& run,
                      const std::optional<output::RunInfo::StepHash>& halfway, const RunHooks& hooks = {});

}  // namespace ss::batch
