#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "engine/core/input_error.hpp"
#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "engine/hazards/flood/flood_people.hpp"
#include "engine/scenes/micro_builders.hpp"

using namespace ss;
using builders::rect;

namespace {

Model small_room(int people) {
  Model m = builders::micro_room_with_door(6.0, 1.0);
  Box area;
  area.extend({0.5, 0.5});
  area.extend({5.5, 5.5});
  builders::place_lattice(m, area, people, 0.8);
  builders::instant_departure(m);
  m.run.duration = 300.0;
  return m;
}

std::uint64_t hash(const SimState& s) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&](const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ULL;
  };
  mix(s.position.data(), s.position.size() * sizeof(Vec2));
  mix(s.arrival_time.data(), s.arrival_time.size() * sizeof(float));
  return h;
}

}  // namespace

// hello_micro: a room, residents as bodies, a door; the same metrics as the network model.
TEST_CASE("hello_micro: people in a room leave through its door and are counted safe") {
  Model m = small_room(20);  // 20 residents on a lattice in a 6 m × 6 m room, 1 m door east
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const RunMetrics r = compute_metrics(m, sim.state());
  CHECK(r.overall.safe == 20);
  CHECK(sim.state().occupancy[0] == 20);
  REQUIRE(r.overall.t100.has_value());
  // The door holds the flow back: 20 people need longer than at the highest flows
  // measured through 1 m bottlenecks, about 1.9 P/s (Seyfried et al. 2009,
  // Transportation Science 43). IMO 4's 1.33 P/s bounds a 100-person room's
  // 10-90 % flow and is checked by the verification suite.
  CHECK(*r.overall.t100 > 20 / 1.9);
  for (std::size_t i = 0; i < 20; ++i) CHECK(sim.state().distance[i] > 0.5f);
}

TEST_CASE("the micro model is deterministic: same model and seed, same trajectories") {
  Model m = small_room(30);
  m.finalize();
  Simulation a(m, 3), b(m, 3);
  a.run_until(12.0);
  b.run_until(12.0);
  CHECK(hash(a.state()) == hash(b.state()));
}

TEST_CASE("a micro run restored from a snapshot taken mid-way resumes identically") {
  // The drill's resume and the GUI's time scrubber restore snapshots: a crowd pressing
  // at the door (contacts, queues) must go on exactly as if never interrupted, with an
  // intervention from outside (a closed exit reopened) taken along.
  Model m = small_room(40);
  m.finalize();
  Simulation through(m, 5), resumed(m, 5);
  through.run_until(4.0);
  REQUIRE(through.apply({Intervention::Kind::CloseShelter, 0, "door jammed", 0.0}));
  through.run_until(6.0);
  REQUIRE(through.apply({Intervention::Kind::OpenShelter, 0, "door freed", 0.0}));
  through.run_until(10.0);
  const SimState snapshot = through.state();
  REQUIRE(std::count(snapshot.status.begin(), snapshot.status.end(), Status::Sheltered) > 0);  // some are out
  REQUIRE(std::count(snapshot.status.begin(), snapshot.status.end(), Status::Moving) >
          10);  // a crowd still in
  through.run_until(40.0);
  resumed.run_until(3.0);  // somewhere else in its own run when the snapshot comes in
  resumed.restore(snapshot);
  CHECK(hash(resumed.state()) == hash(snapshot));
  CHECK(resumed.state().records.journal.size() == snapshot.records.journal.size());
  resumed.run_until(40.0);
  CHECK(hash(resumed.state()) == hash(through.state()));
}

TEST_CASE("bodies route around an obstacle to the exit and never enter it") {
  Model m =
      builders::micro_area({rect(0, 0, 20, 6)}, {rect(8, 0, 10, 5)});  // a wall with a 1 m gap at the top
  builders::add_exit(m, rect(19, 0, 20, 6), "east");
  builders::add_residents(m, {2.0, 1.0}, 1, 30);
  builders::instant_departure(m);
  m.run.duration = 120.0;
  m.finalize();
  Simulation sim(m, 1);
  bool inside_wall = false;
  while (!sim.finished()) {
    sim.step();
    const Vec2 p = sim.state().position[0];
    inside_wall = inside_wall || (p.x > 8.0 && p.x < 10.0 && p.y < 5.0);
  }
  CHECK_FALSE(inside_wall);
  CHECK(sim.state().status[0] == Status::Sheltered);
  CHECK(sim.state().distance[0] > 18.0f);  // the detour through the gap is longer than the straight line
}

TEST_CASE("a closed exit sends people to the other one") {
  Model m = builders::micro_corridor(20.0, 2.0);
  builders::add_exit(m, rect(-1.0, 0.0, 0.0, 2.0), "west");
  m.micro.walkable[0] = rect(-1.0, 0.0, 21.0, 2.0);
  builders::add_residents(m, {15.0, 1.0}, 3, 30);
  builders::instant_departure(m);
  m.plan.closed_shelters = {ShelterId{0}};
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  for (std::size_t i = 0; i < 3; ++i) CHECK(sim.state().shelter[i] == ShelterId{1});
}

TEST_CASE("bad micro input names the field") {
  SECTION("no exit") {
    Model m = builders::micro_area({rect(0, 0, 10, 10)});
    builders::add_residents(m, {5, 5}, 1);
    CHECK_THROWS_WITH(m.finalize(), Catch::Contains("micro.exits"));
  }
  SECTION("a resident inside a wall") {
    Model m = builders::micro_room_with_door(6.0, 1.0);
    m.micro.obstacles.push_back(rect(2, 2, 3, 3));
    builders::add_residents(m, {2.5, 2.5}, 1);
    CHECK_THROWS_WITH(m.finalize(), Catch::Contains("population") && Catch::Contains("inside a wall"));
  }
  SECTION("a resident outside the walkable area") {
    Model m = builders::micro_room_with_door(6.0, 1.0);
    builders::add_residents(m, {-3, 2}, 1);
    CHECK_THROWS_AS(m.finalize(), InputError);
  }
  SECTION("a self-intersecting polygon") {
    Model m = builders::micro_area({{{0, 0}, {10, 10}, {10, 0}, {0, 10}}});
    builders::add_exit(m, rect(9, 4, 10, 6));
    builders::add_residents(m, {9.5, 5}, 1);
    CHECK_THROWS_WITH(m.finalize(),
                      Catch::Contains("micro.walkable[0]") && Catch::Contains("self-intersecting"));
  }
  SECTION("an exit outside the walkable area") {
    Model m = builders::micro_area({rect(0, 0, 10, 10)});
    builders::add_exit(m, rect(20, 0, 21, 1));
    builders::add_residents(m, {5, 5}, 1);
    CHECK_THROWS_WITH(m.finalize(), Catch::Contains("micro.exits[0]") && Catch::Contains("outside"));
  }
  SECTION("a door narrower than a body") {
    Model m = builders::micro_room_with_door(6.0, 0.3);
    builders::add_residents(m, {3, 3}, 1);
    CHECK_THROWS_WITH(m.finalize(), Catch::Contains("narrower than a body"));
  }
}

// The micro model caps speed in water as the network model does: a body wading
// through still water 0.4 m deep walks at the Bernardini et al. (2020) speed.
TEST_CASE("a body walking through water walks at the Bernardini speed in water") {
  Model m = builders::micro_corridor(30.0, 2.0);  // exit beyond x = 30
  builders::add_residents(m, {1.0, 1.0}, 1, 25);
  builders::instant_departure(m);
  m.run.duration = 120.0;
  // A still pond 0.4 m deep over x = 10 … 20 m (bed 1 m below the dry ground).
  FloodDesc f = builders::flat_flood({-2.0, -2.0}, 1.0, 36, 6);
  for (std::size_t c = 0; c < f.grid.size(); ++c) {
    const Vec2 p = f.grid.centre(c);
    if (p.x > 10.0 && p.x < 20.0) {
      f.grid.z[c] = 0.0;
      f.initial_depth[c] = 0.4;
    }
  }
  m.hazards.push_back(std::make_shared<FloodHazard>(std::move(f)));
  m.finalize();

  Simulation sim(m, 1);
  SimState s = sim.state();
  s.free_speed[0] = 1.2f;  // m/s on dry ground
  sim.restore(s);
  double t3 = -1, t8 = -1, t12 = -1, t18 = -1;
  auto mark = [&](double& at, double x) {
    if (at < 0 && sim.state().position[0].x >= x) at = sim.state().time(m.run.dt);
  };
  while (!sim.finished()) {
    sim.step();
    mark(t3, 3.0);
    mark(t8, 8.0);
    mark(t12, 12.0);
    mark(t18, 18.0);
  }
  REQUIRE(sim.state().status[0] == Status::Sheltered);
  const double dry = 5.0 / (t8 - t3), wet = 6.0 / (t18 - t12);
  const double expected =
      water_walking_speed(0.4, 0.0, 25, Mobility::Walks, find_flood(m)->desc().people);  // ≈ 0.50 m/s
  CHECK(dry == Approx(1.2).epsilon(0.05));
  CHECK(wet == Approx(expected).epsilon(0.05));
  CHECK(wet / dry == Approx(expected / 1.2).epsilon(0.07));  // slower by the water factor
}

// Residents whose homes lie in buildings (holes of the walkable area) start on the
// nearest walkable ground, clear of walls and of each other.
TEST_CASE("start places near homes: the nearest free ground outside the building, bodies apart") {
  // A 20 m × 10 m yard with a 4 m × 4 m house in it and an exit on the east side.
  MicroGeometry g;
  g.walkable.push_back(builders::rect(0.0, 0.0, 20.0, 10.0));
  g.obstacles.push_back(builders::rect(8.0, 3.0, 12.0, 7.0));
  g.exits.push_back({builders::rect(19.0, 4.0, 20.0, 6.0), ShelterId{0}});
  const MicroParams p;
  // Three people at home in the house (its centre), one near its west wall, one far
  // out (70 m east), one already in the yard.
  const std::vector<Vec2> homes = {{10.0, 5.0}, {10.0, 5.0}, {10.0, 5.0},
                                   {8.3, 5.0},  {90.0, 5.0}, {2.0, 2.0}};
  const std::vector<double> radii = {0.255, 0.255, 0.21, 0.255, 0.255, 0.35};
  const auto start = micro_start_places(g, p, homes, radii, 0.05, 50.0);
  REQUIRE(start.size() == homes.size());
  CHECK_FALSE(start[4].has_value());  // 70 m from the yard: left out
  for (const std::size_t i : {0u, 1u, 2u, 3u, 5u}) {
    INFO("resident " << i);
    REQUIRE(start[i].has_value());
    const Vec2 q = *start[i];
    CHECK(g.walkable_at(q));
    CHECK(g.wall_distance(q) >= radii[i] + 0.05 - 1e-9);
    for (const std::size_t j : {0u, 1u, 2u, 3u, 5u})
      if (j < i) CHECK(distance(q, *start[j]) >= radii[i] + radii[j] + 0.05 - 1e-9);
  }
  // The house's walls are 2 m from its centre: the first person stands just outside
  // one of them (2 m plus radius and clearance, within one grid cell).
  CHECK(distance(*start[0], homes[0]) == Approx(2.0 + 0.305).margin(0.15));
  // The one near the west wall steps out of that wall.
  CHECK(start[3]->x < 8.0);
  CHECK(distance(*start[3], homes[3]) < 1.0);
  // Already in the yard: stays at (the grid cell of) home.
  CHECK(distance(*start[5], homes[5]) < 0.1);
  // Deterministic.
  CHECK(micro_start_places(g, p, homes, radii, 0.05, 50.0) == start);
}

// The navigation grid's cells are walkable exactly where walkable_at() says their
// centres are, and belong to the exit whose polygon holds their centre.
TEST_CASE("the navigation grid matches the exact walkable test cell by cell") {
  // A non-convex floor (a star with 7 points) with a square hole, an L-shaped
  // obstacle crossing the hole's edge, and an exit overlapping a second one.
  Ring star;
  for (int k = 0; k < 14; ++k) {
    const double a = 2.0 * M_PI * k / 14.0, r = k % 2 ? 4.0 : 10.0;
    star.push_back({12.0 + r * std::cos(a), 11.0 + r * std::sin(a)});
  }
  Model m = builders::micro_area(
      {star},
      {rect(10.0, 9.0, 13.0, 12.0), {{13, 12}, {15, 12}, {15, 13.3}, {14.1, 13.3}, {14.1, 15}, {13, 15}}});
  builders::add_exit(m, rect(20.5, 10.0, 22.5, 11.0), "east");
  builders::add_exit(m, rect(21.0, 10.8, 23.0, 12.0), "east 2");
  builders::add_residents(m, {11.0, 14.0}, 1, 35);
  m.params.micro.grid_cell = 0.13;  // not a divisor of anything in the geometry
  m.finalize();
  const MicroGrid& g = m.micro.grid;
  std::size_t walkable = 0, mismatched = 0, exits = 0;
  for (int y = 0; y < g.ny; ++y)
    for (int x = 0; x < g.nx; ++x) {
      const std::size_t c =
          static_cast<std::size_t>(y) * static_cast<std::size_t>(g.nx) + static_cast<std::size_t>(x);
      const Vec2 q = g.centre(x, y);
      const bool exact = m.micro.walkable_at(q);
      walkable += exact;
      mismatched += (g.walkable[c] != 0) != exact;
      int exit = -1;
      for (std::size_t e = 0; e < m.micro.exits.size() && exit < 0; ++e)
        if (contains(m.micro.exits[e].area, q)) exit = static_cast<int>(e);
      exits += exit >= 0;
      mismatched += g.exit[c] != exit;
    }
  CHECK(walkable > 5000);
  CHECK(exits > 100);
  CHECK(mismatched == 0);
}

TEST_CASE("a body wedged in a gap narrower than itself with nobody ahead is counted as stuck") {
  // A wall across a 20 m × 10 m hall leaves a 0.5 m slit at the bottom and a 2 m
  // gap at the top. The navigation field keeps only field_clearance (0.2 m) off
  // walls, so it leads through the slit, the short way; a wheelchair (0.70 m, ISO
  // 7193) cannot pass it and presses into the slit with free floor beyond.
  Model m = builders::micro_area({rect(0, 0, 20, 10)}, {rect(8, 0.5, 10, 8)});
  builders::add_exit(m, rect(19, 0, 20, 10), "east");
  builders::add_residents(m, {2.0, 1.0}, 1, 35, Mobility::Wheelchair);
  builders::instant_departure(m);
  m.params.micro.stuck_time = 10.0;
  m.run.duration = 40.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  CHECK(sim.state().status[0] == Status::Moving);  // still in front of the slit
  CHECK(sim.state().position[0].x < 8.0);
  CHECK(sim.state().records.warnings.stuck == 1);
}

TEST_CASE("a queue behind a narrow door is not stuck: waiting behind someone is no stuck resident") {
  // 36 people behind a 0.8 m door leave at once; the last wait far longer than the
  // stuck time without getting 0.5 m on, always with a body just ahead of them.
  Model m = builders::micro_room_with_door(6.0, 0.8);
  Box area;
  area.extend({0.5, 0.5});
  area.extend({5.5, 5.5});
  builders::place_lattice(m, area, 36, 0.8);
  builders::instant_departure(m);
  m.params.micro.stuck_time = 10.0;
  m.run.duration = 300.0;
  m.finalize();
  Simulation sim(m, 1);
  double longest_wait = 0.0;  // s, longest time anyone stood within 0.5 m of one place
  std::vector<Vec2> anchor = sim.state().position;
  std::vector<double> since(36, 0.0);
  while (!sim.finished()) {
    sim.step();
    for (std::size_t i = 0; i < 36; ++i) {
      if (sim.state().status[i] != Status::Moving) continue;
      if (distance(sim.state().position[i], anchor[i]) > 0.5) {
        anchor[i] = sim.state().position[i];
        since[i] = sim.time();
      }
      longest_wait = std::max(longest_wait, sim.time() - since[i]);
    }
  }
  CHECK(compute_metrics(m, sim.state()).overall.safe == 36);
  CHECK(longest_wait > 2.0 * m.params.micro.stuck_time);  // the old rule would have counted them
  CHECK(sim.state().records.warnings.stuck == 0);
}
