// Line exits (micro_line_exit(), engine/movement/micro/micro_geometry.cpp): a person
// walks on through the opening and leaves once the body's centre is kExitWalkOn past
// the line to the outside, not before.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/simulation.hpp"
#include "engine/scenes/micro_builders.hpp"

using namespace ss;

namespace {

// A room [0, xw] × [0, 4] with a 1 m line exit in its east wall at x = xw, and one
// walker at (x0, 2) who sets off at once.
Model room_with_line_exit(double xw, double x0) {
  const MicroLineExit e = micro_line_exit({xw, 1.5}, {xw, 2.5}, 0.0);
  Ring ring{{0.0, 0.0}, {xw, 0.0}, {xw, 1.5}, e.opening[2], e.opening[3], {xw, 2.5}, {xw, 4.0}, {0.0, 4.0}};
  Model m = builders::micro_area({std::move(ring)});
  builders::add_line_exit(m, {xw, 1.5}, {xw, 2.5}, "east");
  builders::add_residents(m, {x0, 2.0}, 1, 35);
  builders::instant_departure(m);
  m.run.dt = 0.01;
  m.run.duration = 30.0;
  m.finalize();
  return m;
}

}  // namespace

TEST_CASE(
    "a line exit's area lies kExitWalkOn beyond the line, on its right, and the opening reaches past it") {
  const MicroLineExit e = micro_line_exit({10.0, 1.5}, {10.0, 2.5}, 0.3);
  const double count = 10.0 + kExitWalkOn;
  CHECK(contains(e.exit, {count + 0.01, 2.0}));
  CHECK_FALSE(contains(e.exit, {count - 0.01, 2.0}));
  CHECK_FALSE(contains(e.exit, {10.01, 2.0}));
  CHECK(contains(e.exit, {count + 2.0 * kExitReach - 0.01, 2.0}));
  CHECK(contains(e.opening, {9.71, 2.0}));
  CHECK_FALSE(contains(e.opening, {9.69, 2.0}));
  CHECK(contains(e.opening, {count + kExitReach - 0.01, 2.0}));
  CHECK_FALSE(contains(e.opening, {count + kExitReach + 0.01, 2.0}));
  // Drawn the other way round, the outside is to the west.
  CHECK(contains(micro_line_exit({10.0, 2.5}, {10.0, 1.5}, 0.0).exit, {10.0 - kExitWalkOn - 0.01, 2.0}));
}

TEST_CASE("a body walks on past a line exit and is counted once its centre is kExitWalkOn past the line") {
  // The navigation grid has 0.1 m cells with edges at whole tenths here. With the
  // line at x = 10 the counting edge's cells border the body's; with the line at 10.04
  // the body (at 10.01 past the counting edge) already stands in a cell whose centre
  // lies past it.
  const double line = GENERATE(10.0, 10.04);
  const double wall = line + kExitWalkOn;  // where people are counted
  const Model m = room_with_line_exit(line, wall - 0.03);
  Simulation sim(m, 1);
  sim.step();
  REQUIRE(std::isnan(sim.state().arrival_time[0]));
  CHECK(sim.state().position[0].x < wall);
  double last_x = sim.state().position[0].x;
  while (!sim.finished() && std::isnan(sim.state().arrival_time[0])) {
    last_x = sim.state().position[0].x;
    sim.step();
  }
  REQUIRE_FALSE(std::isnan(sim.state().arrival_time[0]));
  CHECK(last_x < wall);                            // not yet counted at the step before
  CHECK(sim.state().position[0].x >= wall);        // counted where it had walked on to
  CHECK(sim.state().position[0].x < wall + 0.05);  // and no later than it got there
}
