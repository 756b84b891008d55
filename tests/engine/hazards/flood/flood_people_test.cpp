// What water does to people in a run: slower walking, streets closed per wading
// class with detours, stranding, hazard ratings, and water reaching homes.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/simulation.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "engine/hazards/flood/flood_metrics.hpp"
#include "engine/scenes/builders.hpp"

namespace {

using namespace ss;

// Streets: a 3 × 2 grid, 100 m apart; the shelter at (200, 0). A pond 0.4 m deep
// (bed 1 m lower, still) covers the bottom street between x = 70 and 130 m; with
// `flood_top` a second pond covers the whole top row.
Model pond_town(bool flood_top, double warning = 0.0, std::int32_t capacity = 100) {
  Model m = builders::street_grid(3, 2, 100.0, 4.0);
  builders::add_shelter(m, NodeId{2}, capacity);
  builders::add_residents(m, {5.0, 0.0}, 5, 30);
  builders::add_residents(m, {5.0, 0.0}, 5, 80);
  builders::add_residents(m, {5.0, 0.0}, 2, 40, Mobility::Wheelchair);
  builders::add_residents(m, {100.0, 5.0}, 1, 40);  // lives by the pond
  builders::instant_departure(m);
  m.plan.warning_time = warning;
  m.run.duration = 1800.0;
  FloodDesc f = builders::flat_flood({-50.0, -50.0}, 10.0, 30, 20);
  for (std::size_t c = 0; c < f.grid.size(); ++c) {
    const Vec2 p = f.grid.centre(c);
    const bool bottom = p.x > 70.0 && p.x < 130.0 && p.y < 30.0;
    const bool top = flood_top && p.y > 70.0 && p.x < 170.0;
    if (bottom || top) {
      f.grid.z[c] = 0.0;
      f.initial_depth[c] = 0.4;
    }
  }
  m.hazards.push_back(std::make_shared<FloodHazard>(std::move(f)));
  m.finalize();
  return m;
}

}  // namespace

TEST_CASE("walking speed in water follows Bernardini et al. 2020 by age") {
  PeopleInWaterParams p;
  CHECK(std::isinf(water_walking_speed(0.1, 0.0, 30, Mobility::Walks, p)));  // too shallow to slow anyone
  // 25 years, still water 0.4 m deep: M = 0.08 m², V = 0.36 × 0.08^-0.13.
  CHECK(water_walking_speed(0.4, 0.0, 25, Mobility::Walks, p) == Approx(0.36 * std::pow(0.08, -0.13)));
  // 78 years: the 61–68 fit divided by 1 + 0.016 × 10.
  CHECK(water_walking_speed(0.4, 0.0, 78, Mobility::Walks, p) == Approx(0.16 * std::pow(0.08, -0.43) / 1.16));
  // Flowing water is slower to walk in than still water.
  CHECK(water_walking_speed(0.4, 1.0, 25, Mobility::Walks, p) <
        water_walking_speed(0.4, 0.0, 25, Mobility::Walks, p));
}

TEST_CASE("hazard rating and classes follow Defra FD2321") {
  PeopleInWaterParams p;
  CHECK(hazard_rating(0.2, 1.0, p) == Approx(0.3));  // below the debris depth: no DF
  CHECK(hazard_rating(0.4, 0.0, p) == Approx(1.2));  // urban DF 1.0
  CHECK(hazard_class(0.3, p) == 0);
  CHECK(hazard_class(1.2, p) == 1);
  CHECK(hazard_class(1.9, p) == 2);
  CHECK(hazard_class(2.5, p) == 3);
  CHECK(closes_for(0.4, 0.0, MoverClass::ElderlyOrChild, false, p));
  CHECK_FALSE(closes_for(0.4, 0.0, MoverClass::Adult, false, p));
  CHECK(closes_for(0.3, 2.1 * 0.3, MoverClass::Adult, false, p));  // d·v 0.63 > 0.6 m²/s
  CHECK(closes_for(0.46, 0.0, MoverClass::Adult, true, p));        // stays closed until below 90 %
}

TEST_CASE("adults wade slowly through a shallow pond while the elderly and wheelchair users go round it") {
  const Model m = pond_town(false);
  Simulation sim(m, 1);
  sim.run_to_end();
  const SimState& s = sim.state();
  for (std::size_t r = 0; r < 12; ++r) REQUIRE(s.status[r] == Status::Sheltered);
  // Adults took the straight 200 m street, the others went back 5 m to the corner
  // and the 400 m way round.
  CHECK(s.distance[0] == Approx(195.0).margin(1.0));
  CHECK(s.distance[5] == Approx(405.0).margin(1.0));
  CHECK(s.distance[10] == Approx(405.0).margin(1.0));
  // The adults were slowed (195 m dry at ≤ 1.9 m/s takes < 110 s).
  CHECK(s.arrival_time[0] > 150.0);
  const FloodMetrics fm = compute_flood_metrics(m, s);
  CHECK(fm.overall.in_water >= 5);
  CHECK(fm.by_group[GroupIndex::of_age(AgeBand::Adult)].ever_in_class[1] >= 5);  // HR 1.2: danger for some
  CHECK(fm.by_group[GroupIndex::of_age(AgeBand::Elderly)].in_water == 0);
  CHECK(fm.mass_error < 1e-3);
}

TEST_CASE("residents with no dry way out are stranded, with where and when") {
  const Model m = pond_town(true);
  Simulation sim(m, 1);
  sim.run_to_end();
  const FloodMetrics fm = compute_flood_metrics(m, sim.state());
  CHECK(sim.state().status[5] == Status::Stranded);
  std::size_t elderly = 0;
  for (const StrandedResident& r : fm.stranded) {
    CHECK(r.time <= 2.0);
    if (r.resident.index() >= 5 && r.resident.index() < 12) ++elderly;
  }
  CHECK(elderly == 7);
}

TEST_CASE("people turned away from a full shelter are not counted as stranded by the water") {
  // Room for 3 of 13: the others reach the shelter (the adults wade the pond, the
  // rest go round) and find it full.
  const Model m = pond_town(false, 0.0, 3);
  Simulation sim(m, 1);
  sim.run_to_end();
  std::size_t full = 0;
  for (std::size_t i = 0; i < m.population.size(); ++i)
    full +=
        sim.state().status[i] == Status::Stranded && sim.state().blocked[i] == Outcome::SheltersFull ? 1 : 0;
  REQUIRE(full >= 5);
  const FloodMetrics fm = compute_flood_metrics(m, sim.state());
  for (const StrandedResident& r : fm.stranded)
    CHECK(sim.state().blocked[r.resident.index()] == Outcome::NoRoute);
  CHECK(fm.stranded.empty());  // every street stays passable to someone; only the shelter was short
}

TEST_CASE("water at the door warns residents before the official warning") {
  const Model m = pond_town(false, 1200.0);
  Simulation sim(m, 1);
  sim.run_until(10.0);
  const SimState& s = sim.state();
  CHECK(s.status[12] != Status::Unaware);  // sees the water at home
  CHECK(s.status[0] == Status::Unaware);   // the others wait for the warning
  CHECK(!std::isnan(find_flood_run(m, s)->reached_at_home[12]));
}
