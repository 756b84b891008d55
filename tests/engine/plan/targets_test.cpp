#include <catch2/catch.hpp>

#include <cmath>

#include "engine/scenes/builders.hpp"
#include "engine/core/simulation.hpp"
#include "engine/plan/targets.hpp"

using namespace ss;

namespace {

// A 300 m street: shelter at the east end (node 3), one walker and one bedridden
// resident at the west end (node 0); a team 300 m away at the shelter, on duty.
Model scene() {
  Model m = builders::corridor(300.0, 3.0, 3, 100);
  m.population.add(40, Mobility::Walks, false, false, HouseholdId{7}, {0.0, 0.0});
  m.population.add(88, Mobility::Bedridden, true, true, HouseholdId{8}, {0.0, 0.0});
  builders::instant_departure(m);
  m.params.residents.speed_by_age.fill(1.0);
  m.plan.warning_time = 0.0;
  Team t;
  t.name = "A";
  t.depot = NodeId{3};
  t.speed = 1.0;
  t.escort_speed = 1.0;
  m.plan.response.teams.push_back(t);
  return m;
}

std::vector<TargetResult> run(Model m) {
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  return evaluate_targets(m, sim.state());
}

}  // namespace

TEST_CASE("targets are marked met or missed with the measured value") {
  Model m = scene();
  // The team reaches the bedridden resident after 300 s (5 min).
  m.plan.targets = {
      {TargetKind::VulnerableReachedWithin, 4.0, 1.0, true},
      {TargetKind::VulnerableReachedWithin, 6.0, 1.0, true},
      {TargetKind::ResponseWithin, 5.5, 0.9, true},
      {TargetKind::NoShelterOverCapacity, 0.0, 1.0, true},
      // The walker is safe after 300 s; the carried resident after 300 + 300 + 300 s.
      {TargetKind::ShareSafeWithin, 10.0, 0.5, true},
      {TargetKind::ShareSafeWithin, 10.0, 1.0, true},
      {TargetKind::WarnedWithin, 1.0, 1.0, true},
  };
  const auto r = run(m);
  REQUIRE(r.size() == 7);
  CHECK_FALSE(r[0].met);
  CHECK(*r[0].measured == Approx(5.0).margin(1.0 / 60));
  REQUIRE(r[0].missed.size() == 1);
  CHECK(r[0].missed[0].household == 8);
  CHECK(r[1].met);
  CHECK(r[1].missed.empty());
  CHECK(r[2].met);
  CHECK(r[2].unit == "min");
  CHECK(r[3].met);
  CHECK(*r[3].measured == Approx(0.02));
  CHECK(r[4].met);
  CHECK(*r[4].measured == Approx(0.5));
  CHECK_FALSE(r[5].met);
  CHECK(r[5].missed_count == 1);
  CHECK(r[5].missed[0].household == 8);
  CHECK(r[6].met);
}

TEST_CASE("a vulnerable resident never reached misses the target with no measured value") {
  Model m = scene();
  m.plan.response.teams.clear();
  m.plan.targets = {{TargetKind::VulnerableReachedWithin, 20.0, 1.0, true},
                    {TargetKind::ResponseWithin, 20.0, 0.9, true}};
  const auto r = run(m);
  CHECK_FALSE(r[0].met);
  CHECK_FALSE(r[0].measured);
  CHECK(r[0].missed_count == 1);
  CHECK_FALSE(r[1].met);  // the task waits for a team that never comes
  CHECK_FALSE(r[1].measured);
}
