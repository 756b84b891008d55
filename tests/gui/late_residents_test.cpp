// Which residents the map marks as late (gui/late_residents.hpp).
#include <catch2/catch.hpp>

#include "engine/core/simulation.hpp"
#include "engine/scenes/builders.hpp"
#include "gui/late_residents.hpp"

using namespace ss;
using namespace ss::gui;

namespace {
PlanTarget target(TargetKind kind, double minutes, double share, bool after_warning = true) {
  PlanTarget t;
  t.kind = kind;
  t.minutes = minutes;
  t.share = share;
  t.after_warning = after_warning;
  return t;
}
}  // namespace

TEST_CASE("the late deadline is the plan's earliest share-safe target, counted as the target counts") {
  Model m = builders::street_grid(3, 3, 70.0, 3.0);
  m.plan.warning_time = 300.0;
  m.run.duration = 7200.0;
  // Without a share-safe target: three quarters of the run.
  CHECK(late_deadline(m) == Approx(5400.0));
  m.plan.targets.push_back(target(TargetKind::WarnedWithin, 5.0, 0.9));  // not about being safe
  CHECK(late_deadline(m) == Approx(5400.0));
  m.plan.targets.push_back(target(TargetKind::ShareSafeWithin, 60.0, 0.95));  // after the warning
  CHECK(late_deadline(m) == Approx(300.0 + 3600.0));
  m.plan.targets.push_back(target(TargetKind::ShareSafeWithin, 45.0, 0.5, false));
  CHECK(late_deadline(m) == Approx(2700.0));
}

TEST_CASE("a resident not safe after the deadline is late, a sheltered one never") {
  Model m = builders::street_grid(3, 3, 70.0, 3.0);
  builders::add_shelter(m, NodeId{8}, 100, "school", true);
  m.population.add(40, Mobility::Walks, false, false, HouseholdId{0}, {0.0, 0.0});
  m.population.add(40, Mobility::Walks, false, false, HouseholdId{1}, {70.0, 0.0});
  m.finalize();
  Simulation sim(m, 1);
  SimState s = sim.state();
  s.status[0] = Status::Sheltered;
  s.status[1] = Status::Moving;
  CHECK_FALSE(is_late(s, 0, 1000.0, 600.0));
  CHECK(is_late(s, 1, 1000.0, 600.0));
  CHECK_FALSE(is_late(s, 1, 600.0, 600.0));  // at the deadline itself, not yet
  s.status[1] = Status::WaitingForHelp;
  CHECK(is_late(s, 1, 601.0, 600.0));
}
