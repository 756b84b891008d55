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
#ifdef SS_GUI_EXPORTS_HAZARD_LAYERS
#include <unistd.h>

#include <filesystem>

#include "batch/comparison_files.hpp"  // write_file_atomically
#include "maps/briefing_map.hpp"       // the briefing map of `safestreet map`
#include "maps/gdal_support.hpp"
#endif

namespace ss::gui {

#ifdef SS_GUI_EXPORTS_HAZARD_LAYERS
namespace {
// The map area the window shows, in the map's metres.
Box visible_area(const Camera& cam) {
  const sf::FloatRect vp = cam.viewport();
  Box b;
  b.extend(cam.to_world({vp.left, vp.top}));
  b.extend(cam.to_world({vp.left + vp.width, vp.top + vp.height}));
  return b;
}
}  // namespace
#endif

bool results_export_supported() {
#ifdef SS_GUI_CAN_EXPORT
  return true;
#else
  return false;
#endif
}

bool briefing_export_supported() {
#ifdef SS_GUI_EXPORTS_HAZARD_LAYERS
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

bool export_briefing_map(AppContext& ctx, const std::string& path) {
  if (!ctx.session.ready()) return ctx.messages.error("no scene is loaded: no briefing map to draw"), false;
#ifdef SS_GUI_EXPORTS_HAZARD_LAYERS
  namespace fs = std::filesystem;
  maps::BriefingRequest req;
  if (maps::detail::ends_with_ci(path, ".pdf"))
    req.sheet.format = maps::SheetFormat::Pdf;
  else if (maps::detail::ends_with_ci(path, ".png"))
    req.sheet.format = maps::SheetFormat::Png;
  else
    return ctx.messages.error("briefing map: '" + path + "' is neither a .pdf nor a .png file"), false;
  req.sheet.version = SAFESTREET_VERSION;
  // The view's area to 0.1 m, as the message gives it to `safestreet map --extent`,
  // so the command line draws the same sheet from the exported results.
  req.extent = maps::parse_extent(maps::format_extent(visible_area(ctx.map.camera())));
  // The map is drawn from the run's result files as `safestreet map` reads them: they
  // are written to a private folder first and removed once the sheet is drawn.
  static int exports = 0;
  const fs::path tmp = fs::temp_directory_path() / ("safestreet-briefing-" + std::to_string(::getpid()) +
                                                    "-" + std::to_string(++exports));
  if (!export_results(ctx, tmp.string())) return false;
  req.run_dir = tmp.string();
  bool ok = true;
  try {
    const maps::SheetResult sheet = maps::render_briefing_map(req);
    batch::write_file_atomically(path, sheet.bytes);
  } catch (const std::exception& e) {
    ok = false;
    ctx.messages.error("briefing map " + path + ": " + e.what());
  }
  std::error_code ec;
  fs::remove_all(tmp, ec);
  if (ok)
    ctx.messages.info("briefing map written to " + path + " (at " + format_clock(ctx.session.sim().time()) +
                      ", --extent " + maps::format_extent(*req.extent) + ")");
  return ok;
#else
  return ctx.messages.error("this build has no briefing maps (maps/ library missing)"), false;
#endif
}

}  // namespace ss::gui
