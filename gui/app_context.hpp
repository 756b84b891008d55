#pragma once
// Everything the panels, the map and the script act on, in one place. The engine
// state itself is not here: it is read from session.state() when needed.
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "engine/metrics.hpp"
#include "gui/map_view.hpp"
#include "gui/messages.hpp"
#include "gui/session.hpp"
#include "gui/view_state.hpp"

namespace ss::gui {

struct TimeControl {
  bool playing = false;
  double speed = 1.0;      // simulated s per wall s; +inf = as fast as possible
  double stop_at = INFINITY;  // s; playing pauses here (scripts' run_to)
  double achieved = 0.0;   // simulated s per wall s over the last frames
};

// Metrics are a full pass over the residents; the KPI panel refreshes them at 4 Hz
// (and whenever the state jumps to another scene or seed) instead of every frame.
struct MetricsCache {
  RunMetrics metrics;
  std::uint64_t step = ~0ull;
  std::uint64_t generation = 0;
  std::uint64_t seed = 0;
  double wall = -1.0;
};

struct Buffers {  // text typed into panels, kept across frames
  char scenario_path[512] = "";
  char screenshot_path[512] = "safestreet-screenshot.png";
  char results_dir[512] = "safestreet-results";
  int seed = 1;
  int variant = 0;  // index into session.variants(); 0 = base
};

struct AppContext {
  Session session;
  MapView map;
  ViewState view;
  TimeControl time;
  Messages messages;
  MetricsCache metrics;
  Buffers buffers;
  std::string screenshot_request;  // saved after the frame is drawn, then cleared
  std::vector<float> frame_ms;     // frame times since the last stats reset, for --stats
  // Per-phase times of those frames (ms): simulation, panels, map drawing,
  // ImGui rendering + buffer swap; to tell rendering cost from engine cost.
  std::array<std::vector<float>, 4> phase_ms;
  bool quit = false;
  double wall = 0.0;               // s since start, for caches
};

}  // namespace ss::gui
