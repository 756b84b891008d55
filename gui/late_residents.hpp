#pragma once
// Which residents the map marks as late. The rule: a resident is late when, at the
// time shown, they are not yet safe (not sheltered) and the deadline has passed. The
// deadline is the plan's own: the earliest of its "share safe within" targets
// (engine/plan/targets.hpp, counted from the warning or the start as the target
// says); a plan without one gets three quarters of the run's duration, a view
// choice ("still not safe late in the run"), not a planning figure.
// Header-only and free of SFML so tests/gui/late_residents_test.cpp can read it.
#include <algorithm>
#include <cstddef>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::gui {

inline constexpr double kLateShareOfRunWithoutTarget = 0.75;

// s from the run's start after which residents not yet safe are late.
inline double late_deadline(const Model& m) {
  double deadline = -1.0;
  for (const PlanTarget& t : m.plan.targets) {
    if (t.kind != TargetKind::ShareSafeWithin) continue;
    const double d = (t.after_warning ? m.plan.warning_time : 0.0) + 60.0 * t.minutes;
    deadline = deadline < 0.0 ? d : std::min(deadline, d);
  }
  return deadline >= 0.0 ? deadline : kLateShareOfRunWithoutTarget * m.run.duration;
}

inline bool is_late(const SimState& s, std::size_t resident, double now, double deadline) {
  return now > deadline && s.status[resident] != Status::Sheltered;
}

}  // namespace ss::gui
