#pragma once
// Everything the panels, the map and the script act on, in one place. The engine
// state itself is not here: it is read from session.state() when needed.
#include <array>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/metrics.hpp"
#include "engine/plan/targets.hpp"
#include "gui/event_log.hpp"
#include "gui/frame_stats.hpp"
#include "gui/map_view.hpp"
#include "gui/messages.hpp"
#include "gui/plot.hpp"
#include "gui/session.hpp"
#include "gui/ui_fonts.hpp"
#include "gui/view_state.hpp"

namespace ss::gui {

class DrillMode;  // gui/drill_mode.hpp

struct TimeControl {
  bool playing = false;
  double speed = 1.0;         // simulated s per wall s; +inf = as fast as possible
  double stop_at = INFINITY;  // s; playing pauses here (scripts' run_to)
  double achieved = 0.0;      // simulated s per wall s over the last frames
};

// Metrics are a full pass over the residents; the KPI panel refreshes them at 4 Hz
// (and whenever the state jumps to another scene or seed) instead of every frame.
struct MetricsCache {
  RunMetrics metrics;
  // With teams or plan targets: response times and each target evaluated on the
  // state as it stands (engine/plan/targets.hpp), refreshed with the metrics.
  ResponseMetrics response;
  std::vector<TargetResult> targets;
  std::uint32_t open_tasks = 0, taken_tasks = 0;
  std::uint64_t step = ~0ull;
  std::uint64_t generation = 0;
  std::uint64_t seed = 0;
  double wall = -1.0;
};

// The plotted series, rebuilt only when the timeline gains a row (once per
// timeline interval of simulated time), the run changes or the group axis does,
// instead of being reassembled and reallocated every frame.
struct PlotCache {
  int axis = 0;          // 0 age, 1 mobility, 2 lives alone: a view setting, not run state
  std::vector<float> x;  // s
  std::vector<Series> curves, occupancy;
  std::size_t rows = ~std::size_t{0};
  std::uint64_t generation = 0, seed = 0;
  int built_axis = -1;
};

struct Buffers {  // text typed into panels, kept across frames
  char scenario_path[512] = "";
  char screenshot_path[512] = "safestreet-screenshot.png";
  char results_dir[512] = "safestreet-results";
  char briefing_path[512] = "safestreet-briefing.pdf";
  char compare_dir[512] = "";  // the run folder a difference map compares this run with
  char difference_path[512] = "safestreet-difference.pdf";
  int seed = 1;
  int variant = 0;  // index into session.variants(); 0 = base
};

// Text face and UI scale. A change of scale is asked for here (the Display control,
// the script) and applied by App between frames: the font atlas cannot be rebuilt
// while ImGui builds a frame with it.
struct UiSettings {
  float wanted_scale = 1.0f;  // factor asked for, kMinUiScale..kMaxUiScale
  std::string font_file = kDefaultFontFile;
  std::string cjk_font_file = kCjkFontFile;  // merged in for zh-CN (gui/ui_fonts.hpp)
  FontReport font;                           // the font in use
};

// Screen rectangles of laid-out text, recorded by panels whose text must neither be
// clipped nor run into its neighbour (the key figures' targets), for dump_ui.
struct LayoutProbe {
  std::string name;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the item's rectangle, px
  float clip_x0 = 0, clip_x1 = 0;        // the horizontal extent it is drawn into, px
};

struct AppContext {
  Session session;
  MapView map;
  ViewState view;
  TimeControl time;
  Messages messages;
  MetricsCache metrics;
  PlotCache plots;
  Buffers buffers;
  std::string screenshot_request;  // saved after the frame is drawn, then cleared
  // Frame and per-phase times since the last stats reset (script: stats_reset), for
  // --stats and --frame-stats.
  FrameStats stats;
  UiSettings ui;
  EventLog log;
  // Filled by panels each frame (cleared by App before the panels are built).
  std::vector<LayoutProbe> probes;
  bool quit = false;
  double wall = 0.0;  // s since start, for caches
  // Drill mode (--drill, --resume): the drill being played; null otherwise.
  std::shared_ptr<DrillMode> drill;

  // The UI scale in effect: map line widths, dot sizes and label sizes multiply by
  // it (the same factor the panels' text and widgets are drawn at).
  [[nodiscard]] float ui_scale() const { return view.ui_scale; }
};

}  // namespace ss::gui
