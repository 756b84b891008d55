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
#include <functional>

#include "batch/comparison_files.hpp"  // write_file_atomically
#include "i18n/language.hpp"
#include "maps/briefing_map.hpp"  // the briefing map of `safestreet map`
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

#ifdef SS_GUI_EXPORTS_HAZARD_LAYERS
namespace {
// A sheet drawn by `draw` from this run's result files as `safestreet map` reads them
// (written to a private folder first, removed once the sheet is drawn), written to
// `path` whole, as a PDF or PNG by its ending. `what` names the sheet in messages.
bool export_sheet(
    AppContext& ctx, const std::string& path, const std::string& what,
    const std::function<maps::SheetResult(const std::string& run_dir, maps::SheetOptions)>& draw) {
  namespace fs = std::filesystem;
  maps::SheetOptions sheet;
  if (maps::detail::ends_with_ci(path, ".pdf"))
    sheet.format = maps::SheetFormat::Pdf;
  else if (maps::detail::ends_with_ci(path, ".png"))
    sheet.format = maps::SheetFormat::Png;
  else
    return ctx.messages.error(what + ": '" + path + "' is neither a .pdf nor a .png file"), false;
  sheet.version = SAFESTREET_VERSION;
  static int exports = 0;
  const fs::path tmp = fs::temp_directory_path() / ("safestreet-briefing-" + std::to_string(::getpid()) +
                                                    "-" + std::to_string(++exports));
  if (!export_results(ctx, tmp.string())) return false;
  bool ok = true;
  try {
    const maps::SheetResult r = draw(tmp.string(), std::move(sheet));
    batch::write_file_atomically(path, r.bytes);
  } catch (const std::exception& e) {
    ok = false;
    ctx.messages.error(what + " " + path + ": " + e.what());
  }
  std::error_code ec;
  fs::remove_all(tmp, ec);
  return ok;
}
}  // namespace
#endif

bool export_briefing_map(AppContext& ctx, const std::string& path) {
  if (!ctx.session.ready()) return ctx.messages.error("no scene is loaded: no briefing map to draw"), false;
#ifdef SS_GUI_EXPORTS_HAZARD_LAYERS
  // The view's area to 0.1 m, as the message gives it to `safestreet map --extent`,
  // so the command line draws the same sheet from the exported results.
  const Box extent = maps::parse_extent(maps::format_extent(visible_area(ctx.map.camera())));
  const bool ok =
      export_sheet(ctx, path, "briefing map", [&](const std::string& run_dir, maps::SheetOptions sheet) {
        maps::BriefingRequest req;
        req.run_dir = run_dir;
        req.extent = extent;
        req.sheet = std::move(sheet);
        return maps::render_briefing_map(req);
      });
  if (ok)
    ctx.messages.info("briefing map written to " + path + " (at " + format_clock(ctx.session.sim().time()) +
                      ", --extent " + maps::format_extent(extent) + ")");
  return ok;
#else
  (void)path;
  return ctx.messages.error("this build has no briefing maps (maps/ library missing)"), false;
#endif
}

bool export_difference_map(AppContext& ctx, const std::string& reference_dir, const std::string& path) {
  if (!ctx.session.ready()) return ctx.messages.error("no scene is loaded: no difference map to draw"), false;
#ifdef SS_GUI_EXPORTS_HAZARD_LAYERS
  if (reference_dir.empty())
    return ctx.messages.error("difference map: name the run folder to compare this run with"), false;
  const bool ok =
      export_sheet(ctx, path, "difference map", [&](const std::string& run_dir, maps::SheetOptions sheet) {
        maps::DifferenceRequest req;
        req.run_dir = reference_dir;  // changes are this run's times minus the reference's
        req.other_dir = run_dir;
        req.other_label =
            i18n::fill(tr("this run in the GUI at %s"), {format_clock(ctx.session.sim().time())});
        req.sheet = std::move(sheet);
        return maps::render_difference_map(req);
      });
  if (ok)
    ctx.messages.info("difference map written to " + path + " (this run at " +
                      format_clock(ctx.session.sim().time()) + " against " + reference_dir + ")");
  return ok;
#else
  (void)reference_dir;
  (void)path;
  return ctx.messages.error("this build has no difference maps (maps/ library missing)"), false;
#endif
}

}  // namespace ss::gui
