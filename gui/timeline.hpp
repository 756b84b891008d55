#pragma once
// The timeline scrubber (left panel, under Time): a bar over the simulated time
// reached so far, with the scenario's scripted injects and the decisions taken live
// marked as ticks (hover for what each was); click or drag to show the run at any
// time reached, then play on from there. Jumps go through Session::jump
// (engine/core/snapshot_store.hpp: the last snapshot before the time, then steps).
// A new decision after a jump back starts a new branch: the run's later decisions
// and its time reached beyond now are discarded (docs/gui.md "Timeline").
#include <string>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/snapshot_store.hpp"

namespace ss::gui {

struct AppContext;

struct TimelineMark {
  double time = 0.0;    // s
  bool inject = false;  // a scripted inject of the scenario; else a live decision
  bool ahead = false;   // after the time on screen: it comes (again) when the run gets there
  std::string text;     // "0:15:00 inject: close road Karlstraße (way 1) — tree across the road"
};

// The marks on a bar that ends at the history's furthest step, oldest first: the
// plan's injects due by then and the branch's live decisions.
std::vector<TimelineMark> timeline_marks(const Model& m, const SnapshotStore& history, double now);

// Shows the run at simulated time `time_s` (clamped to the time reached), as a
// click on the bar does; logs where it went and what it cost. The script's `jump`.
void jump_to(AppContext& ctx, double time_s);

void timeline_section(AppContext& ctx);

}  // namespace ss::gui
