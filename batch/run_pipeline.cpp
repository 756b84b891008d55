#include "batch/run_pipeline.hpp"

#include <chrono>
#include <cmath>
#include <optional>

#include "engine/core/input_error.hpp"
#include "engine/core/metrics.hpp"
#include "engine/core/state_hash.hpp"
#include "maps/hazard_layers.hpp"
#include "maps/heatmaps.hpp"
#include "maps/results_gpkg.hpp"
#include "output/run_outputs.hpp"
#include "scenarios/loader/scenario_loader.hpp"

namespace ss::batch {

std::uint64_t halfway_step(const Model& model) {
  return static_cast<std::uint64_t>(std::ceil(model.run.duration / model.run.dt)) / 2;
}

LoadedScenario load_run_scenario(const RunRequest& req) {
  scenarios::ScenarioDesc desc = scenarios::load_scenario(req.scenario, req.variant);
  if (req.flood_threads >= 0 && desc.flood) desc.flood->solver.threads = req.flood_threads;
  LoadedScenario loaded;
  loaded.name = desc.name;
  if (req.trajectory_framerate != 0.0) {
    desc.run.trajectory_framerate = req.trajectory_framerate;
    try {
      loaded.assembly = std::make_shared<const scenarios::Assembly>(scenarios::assemble(desc));
    } catch (const InputError& e) {  // the option, not the file, asked for them
      if (e.field().rfind("micro.trajectories", 0) != 0) throw;
      throw InputError("", 0, "--trajectories", e.message());
    }
  } else {
    loaded.assembly = std::make_shared<const scenarios::Assembly>(scenarios::assemble(desc));
  }
  return loaded;
}

FinishedRun execute_run(const RunRequest& req, const RunHooks& hooks) {
  FinishedRun run;
  const LoadedScenario loaded = req.preloaded ? *req.preloaded : load_run_scenario(req);
  run.assembly = loaded.assembly;
  const scenarios::Assembly& a = *run.assembly;
  const Model& model = a.model;
  if (hooks.loaded) hooks.loaded(a);

  const auto t0 = std::chrono::steady_clock::now();
  run.sim = std::make_unique<Simulation>(model, req.seed.value_or(model.run.seed));
  Simulation& sim = *run.sim;
  // The state hash halfway through the duration goes into summary.json beside the final
  // one, so two runs can be compared at half time as well as at the end.
  const std::uint64_t halfway = halfway_step(model);
  std::optional<output::RunInfo::StepHash> halfway_hash;
  while (!sim.finished()) {
    sim.step();
    if (sim.state().step == halfway)
      halfway_hash = output::RunInfo::StepHash{halfway, state_hash(sim.state())};
    if (hooks.stepped) hooks.stepped(sim);
  }
  sim.run_to_end();  // closes the timeline with the final state
  run.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  write_run_folder(req, loaded.name, run, halfway_hash, hooks);
  return run;
}

void write_run_folder(const RunRequest& req, const std::string& scenario_name, FinishedRun& run,
                      const std::optional<output::RunInfo::StepHash>& halfway, const RunHooks& hooks) {
  const scenarios::Assembly& a = *run.assembly;
  const Model& model = a.model;
  const Simulation& sim = *run.sim;
  output::RunInfo info;
  info.scenario_path = req.scenario;
  info.scenario_name = scenario_name;
  info.variant = req.variant;
  info.version = req.version;
  for (std::size_t i = 0; i < a.input_files.size() && i < a.checksums.size(); ++i)
    info.input_checksums.emplace_back(a.input_files[i], a.checksums[i]);
  info.problems = a.problems;
  info.notes = a.notes;
  if (hooks.reports) info.extra = hooks.reports(a);
  info.wall_seconds = run.wall_seconds;
  info.halfway_hash = halfway;
  // Each hazard's GIS layers in a folder of its own (flood/, fire/), and the run's
  // results for QGIS (results.gpkg and its WGS 84 copy, the heat maps in heatmaps/),
  // inside the staged run folder.
  output::write_run_outputs(req.out, model, sim.state(), info, [&](const std::filesystem::path& staging) {
    maps::write_results_gpkgs(staging, model, sim.state(), compute_metrics(model, sim.state()));
    (void)maps::write_heatmaps(staging, model, sim.state());
    for (const std::string& f : maps::write_hazard_layers(staging, model, sim.state()))
      run.hazard_files.push_back(std::filesystem::path(f).lexically_relative(staging).string());
  });
}

}  // namespace ss::batch
