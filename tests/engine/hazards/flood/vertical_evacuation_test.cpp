// Going up instead of out (Plan::vertical): in a flood, residents whose top floor lies
// above the forecast water by the freeboard stay there, where the plan allows it;
// everyone else leaves as before.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/input_error.hpp"
#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "engine/scenes/builders.hpp"

using namespace ss;

namespace {

// A 60 m street along y = 0 with the shelter at its east end. Homes stand 40 m north
// of it at x = 20 in a still pond `depth` deep (bed 1 m below the dry ground around),
// so the street stays dry. `levels` gives each resident's home building its storeys.
struct Home {
  int levels;
  int age = 35;
  Mobility mobility = Mobility::Walks;
};

Model pond_homes(const std::vector<Home>& homes, double depth, VerticalEvacuation v) {
  Model m = builders::corridor(60.0, 3.0, 2, 100);
  for (const Home& h : homes) {
    Building b;
    b.centroid = {20.0, 40.0};
    b.levels = h.levels;
    m.world.buildings.push_back(b);
    m.population.add(h.age, h.mobility, false, false, HouseholdId{m.population.size()}, {20.0, 40.0},
                     BuildingId{m.world.buildings.size() - 1});
  }
  builders::instant_departure(m);
  m.run.duration = 600.0;
  FloodDesc f = builders::flat_flood({-10.0, -20.0}, 5.0, 16, 16);
  for (std::size_t c = 0; c < f.grid.size(); ++c) {
    const Vec2 p = f.grid.centre(c);
    if (p.x > 10.0 && p.x < 30.0 && p.y > 30.0 && p.y < 50.0) {
      f.grid.z[c] = 0.0;
      f.initial_depth[c] = depth;
    }
  }
  m.hazards.push_back(std::make_shared<FloodHazard>(std::move(f)));
  v.enabled = true;
  m.plan.vertical = v;
  return m;
}

Outcome end_of(const Model& m, const SimState& s, std::size_t i) { return outcome_of(m, s, ResidentId{i}); }

}  // namespace

TEST_CASE("residents with a floor above the forecast water stay upstairs, others leave") {
  // 0.9 m of water: a second storey (2.8 m up) clears it by more than the 0.6 m freeboard.
  Model m =
      pond_homes({{2}, {1}, {2, 35, Mobility::Wheelchair}, {0}, {2, 85, Mobility::WalkingAid}}, 0.9, {});
  m.finalize();
  REQUIRE(m.upstairs_floor.size() == 5);
  CHECK(m.upstairs_floor[0] == Approx(2.8));
  CHECK(std::isnan(m.upstairs_floor[1]));  // one storey: nowhere to go up
  CHECK(std::isnan(m.upstairs_floor[2]));  // cannot climb stairs
  CHECK(std::isnan(m.upstairs_floor[3]));  // storeys not tagged, none assumed
  CHECK(m.upstairs_floor[4] == Approx(2.8));
  Simulation sim(m, 1);
  sim.run_to_end();
  const SimState& s = sim.state();
  CHECK(end_of(m, s, 0) == Outcome::SafeUpstairs);
  CHECK(end_of(m, s, 4) == Outcome::SafeUpstairs);
  for (std::size_t i : {1, 2, 3}) CHECK(end_of(m, s, i) == Outcome::Sheltered);  // walked to the shelter
  CHECK(s.arrival_time[0] <= 2.0f);  // up the stairs as soon as they were ready
  CHECK(s.distance[0] == 0.0f);
  const RunMetrics r = compute_metrics(m, s);
  CHECK(r.upstairs.eligible == 2);
  CHECK(r.upstairs.residents == 2);
  CHECK(r.upstairs.max_depth_below == Approx(0.9).margin(0.01));
  CHECK(r.upstairs.min_margin == Approx(1.9).margin(0.01));
  CHECK(r.upstairs.water_reached_floor == 0);
  CHECK(r.overall.safe == 5);
  CHECK(is_safe(Outcome::SafeUpstairs));
}

TEST_CASE("deeper water needs a higher floor, and the plan's assumptions decide the untagged") {
  VerticalEvacuation v;
  v.untagged_levels = 3;
  // 2.5 m of water: 2.8 m is not 0.6 m clear of it, 5.6 m is.
  Model m = pond_homes({{2}, {3}, {0}}, 2.5, v);
  m.finalize();
  CHECK(std::isnan(m.upstairs_floor[0]));
  CHECK(m.upstairs_floor[1] == Approx(5.6));
  CHECK(m.upstairs_floor[2] == Approx(5.6));  // assumed three storeys
}

TEST_CASE("the plan allows going up by group and by zone") {
  SECTION("only the groups named") {
    VerticalEvacuation v;
    v.every_group = false;
    v.groups[GroupIndex::of_age(AgeBand::Elderly)] = 1;
    Model m = pond_homes({{2}, {2, 85}}, 0.9, v);
    m.finalize();
    CHECK(std::isnan(m.upstairs_floor[0]));
    CHECK(m.upstairs_floor[1] == Approx(2.8));
  }
  SECTION("no zone allowed: nobody stays") {
    VerticalEvacuation v;
    Model m = pond_homes({{2}}, 0.9, v);
    m.plan.vertical.zones.assign(m.world.zone_count(), 0);
    m.finalize();
    CHECK(std::isnan(m.upstairs_floor[0]));
  }
}

TEST_CASE("going up needs a hazard that forecasts water depth") {
  Model m = builders::corridor(60.0, 3.0, 2, 100);
  builders::add_residents(m, {20.0, 5.0}, 2);
  m.plan.vertical.enabled = true;
  REQUIRE_THROWS_MATCHES(m.finalize(), InputError, Catch::Predicate<InputError>([](const InputError& e) {
                           return e.field() == "plan.vertical_evacuation";
                         }));
}
