// Places a body cannot pass (refused when the model is built) and crowds that stop
// during a run (reported with their place), micro_passage.cpp and micro_jam.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "engine/core/input_error.hpp"
#include "engine/core/simulation.hpp"
#include "engine/scenes/micro_builders.hpp"

using namespace ss;
using builders::rect;

namespace {

// Two 5 m × 5 m rooms joined by a corridor x 5 … 13 m of the given width centred at
// y = 2.5 m, an exit at the far (east) end of the second room.
Model rooms_and_corridor(double width) {
  const double y0 = 2.5 - 0.5 * width, y1 = 2.5 + 0.5 * width;
  Model m = builders::micro_area({{{0, 0},
                                   {5, 0},
                                   {5, y0},
                                   {13, y0},
                                   {13, 0},
                                   {18, 0},
                                   {18, 5},
                                   {13, 5},
                                   {13, y1},
                                   {5, y1},
                                   {5, 5},
                                   {0, 5}}});
  m.world.zones.push_back({"West room", rect(0, 0, 5, 5)});
  m.world.zones.push_back({"Corridor", rect(5, y0, 13, y1)});
  m.world.zones.push_back({"East room", rect(13, 0, 18, 5)});
  return m;
}

}  // namespace

TEST_CASE("a corridor narrower than a body is refused, naming where it narrows") {
  Model m = rooms_and_corridor(0.28);
  builders::add_exit(m, rect(17.5, 2.0, 18.0, 3.0), "east");
  builders::add_residents(m, {2.0, 2.5}, 1, 30);  // an adult: 0.51 m across, 0.30 m deep sideways
  try {
    m.finalize();
    FAIL("a 0.28 m corridor was accepted for a body 0.30 m deep");
  } catch (const InputError& e) {
    INFO(e.what());
    CHECK(e.field() == "population[0]");
    CHECK_THAT(e.message(), Catch::Contains("cannot reach any exit") &&
                                Catch::Contains("narrows to 0.280 m") && Catch::Contains("in 'Corridor'") &&
                                Catch::Contains("0.300 m deep"));
    // The coordinates lie in the corridor.
    const std::size_t at = e.message().find(" at (", e.message().find("narrows"));
    REQUIRE(at != std::string::npos);
    const double x = std::stod(e.message().substr(at + 5));
    CHECK(x >= 4.9);
    CHECK(x <= 13.1);
  }
}

TEST_CASE("a corridor a little wider than a body is accepted and walked through") {
  Model m = rooms_and_corridor(0.56);
  builders::add_exit(m, rect(17.5, 2.0, 18.0, 3.0), "east");
  builders::add_residents(m, {2.0, 2.5}, 1, 30);
  builders::instant_departure(m);
  m.run.duration = 120.0;
  REQUIRE_NOTHROW(m.finalize());
  Simulation sim(m, 1);
  sim.run_to_end();
  CHECK(sim.state().status[0] == Status::Sheltered);
  CHECK(sim.state().records.jams.empty());
}

TEST_CASE("a child fits where an adult does not: the check goes by each body") {
  // Turned sideways a child is 0.24 m deep and an adult 0.30 m (FDS+Evac torso depths).
  Model m = rooms_and_corridor(0.305);
  builders::add_exit(m, rect(17.5, 2.0, 18.0, 3.0), "east");
  builders::add_residents(m, {2.0, 2.5}, 1, 10);  // a child
  CHECK_NOTHROW(m.finalize());
  builders::add_residents(m, {2.0, 1.0}, 1, 30);
  CHECK_THROWS_WITH(m.finalize(), Catch::Contains("population[1]"));
}

TEST_CASE("a crowd that stops in a corridor is reported with its place") {
  // The corridor is checked for bodies 0.51 m across; the bodies made 0.60 m across
  // afterwards stand for any stop the check at assembly cannot foresee: they reach
  // the corridor's 0.56 m mouth and get no further.
  Model m = rooms_and_corridor(0.56);
  builders::add_exit(m, rect(17.5, 2.0, 18.0, 3.0), "east");
  Box room;
  room.extend({0.5, 0.5});
  room.extend({4.5, 4.5});
  builders::place_lattice(m, room, 10, 0.8);
  builders::instant_departure(m);
  m.run.duration = 240.0;
  m.finalize();
  m.params.micro.radius_adult = 0.30;
  Simulation sim(m, 1);
  sim.run_to_end();
  const SimState& s = sim.state();
  REQUIRE(std::count(s.status.begin(), s.status.end(), Status::Sheltered) == 0);
  REQUIRE(s.records.jams.size() == 1);
  const MicroJam& jam = s.records.jams.front();
  INFO("jam of " << jam.people << " at (" << jam.centre.x << ", " << jam.centre.y << ") from " << jam.since
                 << " s, reported at " << jam.time << " s");
  CHECK(jam.people == 10);
  // Where they stand: in the west room, crowded towards the corridor's mouth at x = 5 m.
  CHECK(jam.centre.x > 3.0);
  CHECK(jam.max.x <= 5.3);
  CHECK(jam.centre.y == Approx(2.5).margin(0.5));
  CHECK(jam.min.x < jam.centre.x);
  CHECK(jam.min.y < jam.max.y);
  // Reported one window after the stop began, long before the run's end.
  CHECK(jam.time - jam.since == Approx(m.params.micro.jam_time));
  CHECK(jam.time < 120.0);
}

TEST_CASE("a slow queue that still moves is not reported as a jam") {
  // 20 people walk 0.15 m/s along a 1.2 m corridor: nobody reaches the exit for
  // minutes, but the queue keeps coming nearer it.
  Model m = builders::micro_corridor(40.0, 1.2);
  Box start;
  start.extend({0.3, 0.0});
  start.extend({12.3, 1.2});
  REQUIRE(builders::place_lattice(m, start, 20, 0.6) == 20);
  builders::instant_departure(m);
  m.run.duration = 600.0;
  m.finalize();
  Simulation sim(m, 1);
  SimState s = sim.state();
  s.free_speed.assign(s.free_speed.size(), 0.15f);
  sim.restore(s);
  sim.run_to_end();
  const SimState& end = sim.state();
  const float first = *std::min_element(end.arrival_time.begin(), end.arrival_time.end());
  CHECK(first > 2.0 * m.params.micro.jam_time);  // no arrival in the first windows
  CHECK(std::count(end.status.begin(), end.status.end(), Status::Sheltered) == 20);
  CHECK(end.records.jams.empty());
}
