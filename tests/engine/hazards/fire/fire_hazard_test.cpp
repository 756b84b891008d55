// What a burning building does to a run: radiant heat closes the street beside it to
// people (not to fire engines) until it burns down, its smoke warns the households
// downwind and slows walkers, and a snapshot taken mid-fire resumes identically.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <memory>

#include "engine/core/simulation.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"
#include "engine/hazards/fire/smoke.hpp"
#include "engine/scenes/builders.hpp"

using namespace ss;

namespace {

// A 300 m street along y = 0 (nodes every 50 m), a shelter at its east end, and one
// 10 m × 10 m two-storey house whose centre is 15 m north of the street at x = 150,
// set on fire at t = 0 in a 5 m/s westerly. Fast growth (t_α 30 s) keeps runs short:
// fully involved at 30 s × √(50 MW / 1 MW) ≈ 212 s, burnt out after ≈ 70 min.
Model street_with_burning_house() {
  Model m = builders::corridor(300.0, 5.0, 6);
  Building b;
  b.outline = {{145.0, 10.0}, {155.0, 10.0}, {155.0, 20.0}, {145.0, 20.0}};
  b.area = 100.0;
  b.centroid = {150.0, 15.0};
  b.levels = 2;
  b.kind = "house";
  m.world.buildings.push_back(b);
  FireDesc f;
  f.constructions = {{"masonry", 0.5, false}};
  f.uses = {{"dwelling", 780e6, 30.0, 250e3}};
  f.buildings = {{b.centroid, 10.0, 200.0, 9.0, 0, 0}};
  f.ignitions = {{0.0, 0}};
  f.wind = {{0.0}, {5.0}, {270.0}};
  f.grid = {{-100.0, -100.0}, 10.0, 60, 30};
  m.hazards.push_back(std::make_shared<FireHazard>(std::move(f)));
  return m;
}

}  // namespace

TEST_CASE(
    "a fully involved house closes the street beside it to walkers but not to fire engines, until it burns "
    "out") {
  Model m = street_with_burning_house();
  builders::add_residents(m, {20.0, 0.0}, 1);
  m.run.duration = 2 * 3600.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(600.0);  // fully involved: 0.3 × 50 MW / (4π (15 m)²) ≈ 5.3 kW/m² at the street
  const FireRun* run = find_fire_run(m, sim.state());
  REQUIRE(run);
  bool walkers = false, vehicles = false;
  for (std::size_t e = 0; e < m.world.streets.edge_count(); ++e) {
    walkers = walkers || sim.state().hazard_effects.closed_for(EdgeId{e}, MoverClass::Adult);
    vehicles = vehicles || sim.state().hazard_effects.closed_for(EdgeId{e}, MoverClass::Vehicle);
  }
  CHECK(walkers);         // above 2.5 kW/m²
  CHECK_FALSE(vehicles);  // below 12.5 kW/m²
  sim.run_until(2 * 3600.0 - 1.0);
  for (std::size_t e = 0; e < m.world.streets.edge_count(); ++e)
    CHECK_FALSE(sim.state().hazard_effects.closed_for(EdgeId{e}, MoverClass::Adult));
  CHECK(find_fire_run(m, sim.state())->state_of(0, sim.time(), find_fire(m)->course()) ==
        BuildingFireState::BurntOut);
}

TEST_CASE("smoke at the door warns a household downwind long before the plan does") {
  Model m = street_with_burning_house();
  builders::add_residents(m, {220.0, 0.0}, 1);  // 70 m downwind (east) of the fire
  builders::add_residents(m, {20.0, 0.0}, 1);   // 130 m upwind
  m.plan.warning_time = 3000.0;
  m.run.duration = 1800.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(1800.0);
  CHECK(sim.state().warned_time[0] < 600.0f);  // warned by the smoke
  CHECK(sim.state().warn.source[0] == WarnSource::Hazard);
  CHECK(std::isnan(sim.state().warned_time[1]));  // upwind: clear air, not yet warned
}

TEST_CASE("walkers slow down in smoke as Frantzich and Nilsson measured") {
  Model m = street_with_burning_house();
  builders::add_residents(m, {20.0, 0.0}, 1);
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(600.0);
  const FireHazard& fire = *find_fire(m);
  const FireRun& run = *find_fire_run(m, sim.state());
  // Downwind on the street the smoke is thick; the speed cap there is v0 (1 − 0.0807 K).
  const WalkerPlace place{EdgeId{}, 0.0, {200.0, 0.0}};
  const std::int64_t c = fire.cell_of(place.pos);
  REQUIRE(c >= 0);
  const double K = extinction(run.soot[static_cast<std::size_t>(c)], 8.7);
  REQUIRE(K > 0.1);
  SimState s = sim.state();
  s.free_speed.assign(1, 1.3f);
  const float v = fire.walking_speed(m, s, run, ResidentId{0}, place, 1.3f);
  CHECK(v == Approx(std::max(0.13, 1.3 * (1.0 - 0.057 / 0.706 * K))).epsilon(1e-5));
  CHECK(v < 1.3f);
}

TEST_CASE("a snapshot taken while the fire burns resumes identically") {
  Model m = street_with_burning_house();
  builders::add_residents(m, {220.0, 0.0}, 3);
  builders::add_residents(m, {150.0, 15.0}, 2);  // they live in the burning house
  m.run.duration = 1800.0;
  m.finalize();
  Simulation a(m, 4);
  a.run_until(400.0);
  const SimState snapshot = a.state();
  a.run_until(1800.0);
  Simulation b(m, 4);
  b.restore(snapshot);
  b.run_until(1800.0);
  const FireRun& ra = *find_fire_run(m, a.state());
  const FireRun& rb = *find_fire_run(m, b.state());
  CHECK(ra.fed == rb.fed);
  CHECK(ra.soot == rb.soot);
  const auto& ta = a.state().arrival_time;
  const auto& tb = b.state().arrival_time;
  REQUIRE(ta.size() == tb.size());
  CHECK(std::memcmp(ta.data(), tb.data(), ta.size() * sizeof(float)) == 0);  // NaN for not yet arrived
  CHECK(ra.home_ignited[3] == 0.0f);  // the two living in it learnt of the fire at once
}

TEST_CASE("people sheltered in a building that catches fire leave it and walk on to the next shelter") {
  Model m = street_with_burning_house();
  // A hall in the house itself (its door at the street node below it), and the
  // corridor's own shelter 150 m east. The house catches fire at 5 min, once everyone
  // is inside the hall.
  const ShelterId hall = builders::add_shelter(m, NodeId{3}, 100, "hall in the house");
  m.world.shelters[hall.index()].pos = {150.0, 15.0};
  builders::add_residents(m, {140.0, 0.0}, 5);
  builders::instant_departure(m);
  m.run.duration = 1200.0;
  FireDesc d = std::dynamic_pointer_cast<FireHazard>(m.hazards[0])->desc();
  d.ignitions = {{300.0, 0}};
  m.hazards[0] = std::make_shared<FireHazard>(std::move(d));
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(290.0);
  for (std::size_t r = 0; r < 5; ++r) REQUIRE(sim.state().shelter[r] == hall);
  sim.run_until(1200.0);
  const FireRun& run = *find_fire_run(m, sim.state());
  CHECK(run.shelter_closed[hall.index()] == Approx(300.0));
  CHECK(run.shelter_evacuated[hall.index()] == 5);
  CHECK(sim.state().occupancy[hall.index()] == 0);
  for (std::size_t r = 0; r < 5; ++r) {
    CHECK(sim.state().status[r] == Status::Sheltered);
    CHECK(sim.state().shelter[r] == ShelterId{0});  // the corridor's exit
    CHECK(sim.state().turned_away[r] >= 1);
    CHECK(sim.state().arrival_time[r] > 300.0f);
  }
}

TEST_CASE("reopening a shelter the plan closed never reopens one a fire made unsafe") {
  Model m = street_with_burning_house();
  const ShelterId hall = builders::add_shelter(m, NodeId{3}, 100, "hall in the house");
  m.world.shelters[hall.index()].pos = {150.0, 15.0};
  builders::add_residents(m, {140.0, 0.0}, 5);
  builders::instant_departure(m);
  m.run.duration = 1200.0;
  FireDesc d = std::dynamic_pointer_cast<FireHazard>(m.hazards[0])->desc();
  d.ignitions = {{300.0, 0}};
  m.hazards[0] = std::make_shared<FireHazard>(std::move(d));
  // The plan closes the corridor's own shelter from the start.
  m.plan.closed_shelters = {ShelterId{0}};
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(400.0);  // the fire closed the hall at 300 s
  REQUIRE(sim.state().shelter_closed[hall.index()] != 0);
  // A drill inject opens both: the plan's closure is lifted, the fire's is not.
  sim.apply({Intervention::Kind::OpenShelter, static_cast<std::uint32_t>(hall.index()), "inject", 0.0});
  sim.apply({Intervention::Kind::OpenShelter, 0, "inject", 0.0});
  sim.run_until(1200.0);
  CHECK(sim.state().shelter_closed[hall.index()] == kShelterClosedByHazard);
  CHECK(sim.state().shelter_closed[0] == 0);
  CHECK(sim.state().occupancy[hall.index()] == 0);
  for (std::size_t r = 0; r < 5; ++r) CHECK(sim.state().shelter[r] == ShelterId{0});
}
