#include <catch2/catch.hpp>

#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "engine/core/state_hash.hpp"
#include "engine/scenes/builders.hpp"
#include "engine/test_support.hpp"

using namespace ss;

namespace {

Model busy_grid() {
  Model m = builders::street_grid(6, 6, 40.0, 2.5);
  builders::add_shelter(m, NodeId{0}, 400, "north-west");
  builders::add_shelter(m, NodeId{35}, 400, "south-east");
  for (int k = 0; k < 36; ++k) {
    const int age = 20 + (k * 7) % 70;
    builders::add_residents(m, {40.0 * (k % 6) + 12.0, 40.0 * (k / 6)}, 15, age,
                            k % 9 == 0 ? Mobility::WalkingAid : Mobility::Walks);
  }
  m.run.duration = 3.0 * 3600.0;
  m.finalize();
  return m;
}

}  // namespace

// hello_evacuation: the smallest complete use of the engine, as documentation.
TEST_CASE("hello_evacuation: build a world, step it, read the results") {
  // A 100 m street with a shelter for 50 at its east end (node 1).
  Model model = builders::corridor(100.0, 3.0, /*segments=*/1, /*capacity=*/50);
  // Ten 30-year-olds live 20 m along the street.
  builders::add_residents(model, {20.0, 0.0}, 10, 30);
  model.plan.warning_time = 60.0;  // everyone is warned one minute in
  model.finalize();                // validates and snaps homes to streets

  Simulation sim(model, /*seed=*/42);
  sim.run_to_end();  // or call sim.step() and read sim.state() in between

  const RunMetrics r = compute_metrics(model, sim.state());
  CHECK(r.overall.safe == 10);
  REQUIRE(r.overall.t100.has_value());
  CHECK(*r.overall.t100 > 60.0 + 80.0 / 1.8);  // after the warning and the walk
}

TEST_CASE("same model and seed give identical runs, and another seed differs") {
  const Model m = busy_grid();
  Simulation a(m, 7), b(m, 7), c(m, 8);
  a.run_to_end();
  b.run_to_end();
  c.run_to_end();
  CHECK(state_hash(a.state()) == state_hash(b.state()));
  CHECK(state_hash(a.state()) != state_hash(c.state()));
}

TEST_CASE("a snapshot restored into a new simulation continues identically") {
  const Model m = busy_grid();
  Simulation a(m, 5);
  a.run_until(600.0);
  const SimState snapshot = a.state();
  a.run_to_end();
  Simulation b(m, 5);
  b.restore(snapshot);
  b.run_to_end();
  CHECK(state_hash(a.state()) == state_hash(b.state()));
}

TEST_CASE("every resident ends in exactly one final state and all reach shelter when capacity suffices") {
  const Model m = busy_grid();
  Simulation sim(m, 1);
  sim.run_to_end();
  const RunMetrics r = compute_metrics(m, sim.state());
  std::uint32_t total = 0;
  for (auto n : r.overall.by_outcome) total += n;
  CHECK(total == m.population.size());
  CHECK(r.overall.safe == m.population.size());
  CHECK(r.overall.by_outcome[static_cast<std::size_t>(Outcome::Sheltered)] == m.population.size());
  std::int32_t occupied = 0;
  for (const auto& s : r.shelters) occupied += s.occupancy;
  CHECK(occupied == static_cast<std::int32_t>(m.population.size()));
  // T50 <= T90 <= T95 <= T100 and the curve in the timeline ends at everyone.
  REQUIRE(r.overall.t100);
  CHECK(*r.overall.t50 <= *r.overall.t90);
  CHECK(*r.overall.t90 <= *r.overall.t95);
  CHECK(*r.overall.t95 <= *r.overall.t100);
  CHECK(sim.state().records.timeline.back().by_status[static_cast<std::size_t>(Status::Sheltered)] ==
        m.population.size());
}

TEST_CASE("timeline rows come every interval and count everyone") {
  const Model m = busy_grid();
  Simulation sim(m, 2);
  sim.run_until(600.0);
  const auto& tl = sim.state().records.timeline;
  REQUIRE(tl.size() == 11);  // t = 0, 60, ..., 600
  for (std::size_t k = 0; k < tl.size(); ++k) {
    CHECK(tl[k].time == Approx(60.0 * k));
    std::uint32_t sum = 0;
    for (auto n : tl[k].by_status) sum += n;
    CHECK(sum == m.population.size());
  }
}

TEST_CASE("a model without streets, shelters or with dt <= 0 is refused with the field named") {
  Model empty;
  empty.world.streets.build_adjacency();
  REQUIRE_THROWS_WITH(empty.finalize(), Catch::Contains("map.streets"));

  Model no_shelter = builders::street_grid(2, 2, 10.0, 2.0);
  builders::add_residents(no_shelter, {1.0, 1.0}, 1);
  REQUIRE_THROWS_WITH(no_shelter.finalize(), Catch::Contains("shelters"));

  Model bad_dt = builders::corridor(10.0, 2.0);
  builders::add_residents(bad_dt, {1.0, 0.0}, 1);
  bad_dt.run.dt = 0.0;
  REQUIRE_THROWS_WITH(bad_dt.finalize(), Catch::Contains("run.dt"));

  Model zero_cap = builders::corridor(10.0, 2.0, 1, 0);
  builders::add_residents(zero_cap, {1.0, 0.0}, 1);
  REQUIRE_THROWS_WITH(zero_cap.finalize(), Catch::Contains("capacity"));

  Model nan_home = builders::corridor(10.0, 2.0);
  builders::add_residents(nan_home, {std::nan(""), 0.0}, 1);
  REQUIRE_THROWS_WITH(nan_home.finalize(), Catch::Contains("non-finite"));
}
