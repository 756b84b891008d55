// Results export: the same files as `safestreet run --out DIR`, written from the
// live state through the output library when it is built in.
#include "gui/actions.hpp"

#if defined(SS_GUI_WITH_OUTPUT) && __has_include("output/run_outputs.hpp")
#include "output/run_outputs.hpp"
#define SS_GUI_CAN_EXPORT 1
#endif
#if defined(SS_GUI_CAN_EXPORT) && defined(SS_GUI_WITH_SCENARIOS)
#include "engine/core/metrics.hpp"
#include "maps/hazard_layers.hpp"  // the hazards' GIS layers, as `safestreet run` writes them
#include "maps/heatmaps.hpp"       // heatmaps/, as `safestreet run` writes them
#include "maps/results_gpkg.hpp"   // results.gpkg for QGIS
#define SS_GUI_EXPORTS_HAZARD_LAYERS 1
#endif

namespace ss::gui {

bool results_export_supported() {
#ifdef SS_GUI_CAN_EXPORT
  return true;
#else
  return false;
#endif
}

bool export_results(AppContext& ctx, const std::string& dir) {
  if (!ctx.session.ready()) return ctx.messages.error("no scene is loaded: nothing to export"), false;
#ifdef SS_GUI_CAN_EXPORT
  output::RunInfo info;
  info.scenario_path = ctx.session.source().scenario;
  info.scenario_name = ctx.session.name();
  info.variant = ctx.session.source().variant;
  info.version = "safestreet-gui";
  info.input_checksums = ctx.session.inputs();
  info.problems = ctx.session.problems();
  info.notes = ctx.session.notes();
  info.finished = ctx.session.sim().finished();
  info.problems.push_back("exported from the GUI at simulated time " +
                          format_clock(ctx.session.sim().time()));
  try {
    const Model& model = ctx.session.model();
    const SimState& state = ctx.session.state();
#ifdef SS_GUI_EXPORTS_HAZARD_LAYERS
    // Inside the staged folder, like every run of the command line and of a batch
    // (batch/run_pipeline.cpp): the folder appears whole or not at all.
    output::write_run_outputs(dir, model, state, info, [&](const std::filesystem::path& staging) {
      (void)maps::write_hazard_layers(staging, model, state);
      maps::write_results_gpkgs(staging, model, state, compute_metrics(model, state));
      (void)maps::write_heatmaps(staging, model, state);
    });
#else
    output::write_run_outputs(dir, model, state, info);
#endif
  } catch (const std::exception& e) {
    return ctx.messages.error(std::string("export failed: ") + e.what()), false;
  }
  ctx.messages.info("results written to " + dir);
  return true;
#else
  return ctx.messages.error("this build has no results writer (output/ library missing)"), false;
#endif
}

}  // namespace ss::gui
