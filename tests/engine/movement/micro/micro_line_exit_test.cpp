// Line exits (micro_line_exit(), engine/movement/micro/micro_geometry.cpp): a person
// walks on through the opening and leaves once the body's centre is kExitWalkOn past
// the line to the outside, not before.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

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

TEST_CASE("people walking on past a door hold up the one behind them: a crowd leaves a room slower") {
  // The IMO 4 room (8 m x 5 m, 1 m door, 100 persons at once): counted on the line
  // itself, a person vanished in the doorway and freed it for the one behind at once.
  // Walking on kExitWalkOn before leaving lowers the door's flow (1.30 -> 1.12 P/s in
  // the mean of ten layouts with the earlier defaults, docs/verification.md); here one
  // lattice layout, 10-90 %.
  const auto flow = [](bool walk_on) {
    Model m = builders::micro_room_with_door(8.0, 5.0, 1.0);
    if (!walk_on) {  // the exit area moved back onto the line
      const MicroLineExit e = micro_line_exit({8.2, 2.0}, {8.2, 3.0}, 0.2);
      Ring at_line = e.exit;
      for (Vec2& q : at_line) q.x -= kExitWalkOn;
      m.micro.exits.front().area = at_line;
    }
    Box area;
    area.extend({0.26, 0.26});
    area.extend({7.74, 4.74});
    builders::place_lattice(m, area, 100, 0.53, 35);
    builders::instant_departure(m);
    m.run.dt = 0.05;
    m.run.duration = 300.0;
    m.finalize();
    Simulation sim(m, 1);
    while (!sim.finished()) sim.step();
    std::vector<double> t;
    for (const float a : sim.state().arrival_time)
      if (!std::isnan(a)) t.push_back(a);
    REQUIRE(t.size() == 100);
    std::sort(t.begin(), t.end());
    return 80.0 / (t[89] - t[9]);
  };
  const double on = flow(true), at_line = flow(false);
  INFO("walking on " << on << " P/s, counted on the line " << at_line << " P/s");
  CHECK(on < 0.95 * at_line);
}
