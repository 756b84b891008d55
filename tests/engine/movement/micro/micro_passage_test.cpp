// Gaps narrower than a body (micro_passage.cpp, micro_substep.cpp): walkers turn
// sideways and pass them down to their torso depth, slower; wheelchairs never turn;
// scenes without such gaps are left as they were.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/input_error.hpp"
#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "engine/scenes/micro_builders.hpp"

using namespace ss;

namespace {

// One resident of `age` and `mobility` in a 4 m room with a door of `door` (m) in a
// wall 0.4 m thick, walking at once.
Model room_with(double door, int age, Mobility mobility) {
  Model m = builders::micro_room_with_door(4.0, door);
  builders::add_residents(m, {1.0, 2.0}, 1, age, mobility);
  builders::instant_departure(m);
  m.run.duration = 120.0;
  return m;
}

// Seconds from the start until resident 0 is out, or NaN.
double time_out(const Model& m) {
  Simulation sim(m, 1);
  sim.run_to_end();
  return sim.state().arrival_time[0];
}

}  // namespace

TEST_CASE("an adult passes a 0.40 m door sideways, slower than through a 1 m door") {
  Model narrow = room_with(0.40, 30, Mobility::Walks);
  REQUIRE_NOTHROW(narrow.finalize());
  CHECK(narrow.micro.grid.sideways);
  Model wide = room_with(1.0, 30, Mobility::Walks);
  wide.finalize();
  CHECK_FALSE(wide.micro.grid.sideways);
  const double t_narrow = time_out(narrow), t_wide = time_out(wide);
  INFO("0.40 m door: " << t_narrow << " s, 1 m door: " << t_wide << " s");
  REQUIRE(std::isfinite(t_narrow));
  CHECK(t_narrow > t_wide);
  CHECK(t_narrow < t_wide + 10.0);  // a step or two sideways, not a wait
}

TEST_CASE("a walker with a walking aid and a child turn sideways too") {
  for (const auto& [age, mob] : {std::pair{70, Mobility::WalkingAid}, std::pair{10, Mobility::Walks}}) {
    Model m = room_with(0.40, age, mob);
    m.finalize();
    CHECK(std::isfinite(time_out(m)));
  }
}

TEST_CASE("a door narrower than the sideways body is refused, naming the place and the depth") {
  Model m = room_with(0.28, 30, Mobility::Walks);
  try {
    m.finalize();
    FAIL("a 0.28 m door was accepted for a 0.30 m deep body");
  } catch (const InputError& e) {
    INFO(e.what());
    CHECK(e.field() == "population[0]");
    CHECK_THAT(e.message(), Catch::Contains("narrows to 0.280 m") &&
                                Catch::Contains("even turned sideways") && Catch::Contains("0.300 m deep") &&
                                Catch::Contains("narrower than a body"));
  }
}

TEST_CASE("a wheelchair does not turn: a door an adult passes sideways is refused for it") {
  Model m = room_with(0.45, 40, Mobility::Wheelchair);
  try {
    m.finalize();
    FAIL("a 0.45 m door was accepted for a wheelchair");
  } catch (const InputError& e) {
    INFO(e.what());
    CHECK(e.field() == "population[0]");
    CHECK_THAT(e.message(), Catch::Contains("narrows to 0.450 m") && Catch::Contains("a wheelchair") &&
                                Catch::Contains("0.700 m across"));
  }
}

TEST_CASE("bodies in a gap narrower than themselves shrink only while they pass it") {
  // 20 adults through a 0.45 m door: everyone gets out, nobody is stuck, and the
  // flow is a sideways one (Kretz et al. 2006 measured about 1 P/s at 0.4-0.5 m).
  Model m = builders::micro_room_with_door(6.0, 0.45);
  Box area;
  area.extend({0.5, 0.5});
  area.extend({5.5, 5.5});
  builders::place_lattice(m, area, 20, 0.8, 25);
  builders::instant_departure(m);
  m.run.duration = 300.0;
  m.finalize();
  REQUIRE(m.micro.grid.sideways);
  Simulation sim(m, 1);
  sim.run_to_end();
  CHECK(compute_metrics(m, sim.state()).overall.safe == 20);
  CHECK(sim.state().records.warnings.stuck == 0);
}

TEST_CASE("the same narrow scene and seed give the same positions bit for bit") {
  Model m = builders::micro_room_with_door(6.0, 0.45);
  Box area;
  area.extend({0.5, 0.5});
  area.extend({5.5, 5.5});
  builders::place_lattice(m, area, 12, 0.8, 25);
  builders::instant_departure(m);
  m.run.duration = 30.0;
  m.finalize();
  Simulation a(m, 7), b(m, 7);
  a.run_to_end();
  b.run_to_end();
  for (std::size_t i = 0; i < 12; ++i) {
    CHECK(a.state().position[i].x == b.state().position[i].x);
    CHECK(a.state().position[i].y == b.state().position[i].y);
  }
}
