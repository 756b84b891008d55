// When every shelter is full and the plan names assembly areas
// (Plan::WhenSheltersFull::AssemblyArea): residents walk to the nearest one and stay
// there; while a shelter has room nobody goes to one.
#include <catch2/catch.hpp>

#include "engine/core/input_error.hpp"
#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "engine/scenes/builders.hpp"
#include "engine/test_support.hpp"

using namespace ss;

namespace {

// A 60 m street from node 0 (x = 0) to node 2 (x = 60): the shelter at the east end
// (node 2) with room for `room`, an assembly area at the west end (node 0); 12
// residents leave from x = 20, nearer the assembly area.
Model town(std::int32_t room, Plan::WhenSheltersFull when) {
  Model m = builders::corridor(60.0, 3.0, 2, room);
  const ShelterId area = builders::add_shelter(m, NodeId{0}, 8, "Sportplatz");
  m.world.shelters[area.index()].kind = ShelterKind::AssemblyArea;
  builders::add_residents(m, {20.0, 0.0}, 12);
  builders::instant_departure(m);
  m.params.residents.speed_by_age.fill(1.3);
  m.plan.when_shelters_full = when;
  m.run.duration = 900.0;
  return m;
}

std::uint32_t outcome(const RunMetrics& r, Outcome o) {
  return r.overall.by_outcome[static_cast<std::size_t>(o)];
}

}  // namespace

TEST_CASE(
    "with every shelter full, residents walk to the assembly area and the run ends when all are there") {
  Model m = town(5, Plan::WhenSheltersFull::AssemblyArea);
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const SimState& s = sim.state();
  CHECK(sim.time() < 600.0);  // nobody left waiting: the run ends early
  CHECK(s.active.empty());
  CHECK(s.parked.empty());
  CHECK(s.occupancy[0] == 5);  // the shelter
  CHECK(s.occupancy[1] == 7);  // the assembly area
  const RunMetrics r = compute_metrics(m, s);
  CHECK(outcome(r, Outcome::Sheltered) == 5);
  CHECK(outcome(r, Outcome::AtAssemblyArea) == 7);
  CHECK(outcome(r, Outcome::SheltersFull) == 0);
  CHECK(r.overall.safe == 12);  // at the assembly area counts as safe
  CHECK(r.shelters_full_waits.heading_to_assembly == 0);
  CHECK(is_safe(Outcome::AtAssemblyArea));
  CHECK_FALSE(is_safe(Outcome::SheltersFull));
  // They walked to the shelter's door first (40 m), were turned away and walked back
  // past their start to the assembly area (60 m).
  for (std::size_t i = 0; i < m.population.size(); ++i)
    if (s.shelter[i].index() == 1) CHECK(s.distance[i] == Approx(100.0).margin(1.0));
  REQUIRE(testing::conservation_error(m, s).empty());
}

TEST_CASE("an assembly area is never a destination while a shelter has room, even when nearer") {
  Model m = town(100, Plan::WhenSheltersFull::AssemblyArea);
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  CHECK(sim.state().occupancy[0] == 12);
  CHECK(sim.state().occupancy[1] == 0);
  CHECK(sim.state().arrivals[1] == 0);
}

TEST_CASE("a full assembly area sends the rest waiting, as shelters do") {
  Model m = town(2, Plan::WhenSheltersFull::AssemblyArea);  // 2 + 8 places for 12
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(600.0);
  const RunMetrics r = compute_metrics(m, sim.state());
  CHECK(outcome(r, Outcome::Sheltered) == 2);
  CHECK(outcome(r, Outcome::AtAssemblyArea) == 8);
  CHECK(outcome(r, Outcome::SheltersFull) == 2);
  CHECK(sim.state().parked.size() == 2);
}

TEST_CASE("with the plan to wait, assembly areas stay unused and residents wait where they are") {
  Model m = town(5, Plan::WhenSheltersFull::Wait);
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(600.0);
  const RunMetrics r = compute_metrics(m, sim.state());
  CHECK(outcome(r, Outcome::SheltersFull) == 7);
  CHECK(outcome(r, Outcome::AtAssemblyArea) == 0);
  CHECK(sim.state().occupancy[1] == 0);
  CHECK(r.shelters_full_waits.at_shelters == 7);
}

TEST_CASE("assembly areas are checked against the plan") {
  SECTION("sending people to assembly areas needs one") {
    Model m = builders::corridor(60.0, 3.0, 2, 5);
    builders::add_residents(m, {20.0, 0.0}, 3);
    m.plan.when_shelters_full = Plan::WhenSheltersFull::AssemblyArea;
    REQUIRE_THROWS_MATCHES(m.finalize(), InputError, Catch::Predicate<InputError>([](const InputError& e) {
                             return e.field() == "plan.when_shelters_full";
                           }));
  }
  SECTION("a zone is assigned a shelter, not an assembly area") {
    Model m = town(5, Plan::WhenSheltersFull::AssemblyArea);
    m.plan.assignment = Plan::Assignment::ByZone;
    m.plan.zone_shelter.assign(m.world.zone_count(), ShelterId{1});
    REQUIRE_THROWS_MATCHES(m.finalize(), InputError, Catch::Predicate<InputError>([](const InputError& e) {
                             return e.field() == "plan.zone_shelters" &&
                                    e.message().find("Sportplatz") != std::string::npos;
                           }));
  }
}
