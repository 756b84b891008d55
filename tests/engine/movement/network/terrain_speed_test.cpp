// The network model walks slopes at Tobler's speeds and stairs at the stair speeds of
// engine/world/slope.hpp, in the direction walked.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/simulation.hpp"
#include "engine/scenes/builders.hpp"
#include "engine/test_support.hpp"
#include "engine/world/slope.hpp"

using namespace ss;

namespace {

// Time one resident of `age` takes from 1 mm along edge 0 (a door onto the junction
// itself would first wait there for the junction's flow credit) to the shelter,
// walking at `speed` on the level; dt 0.1 s.
double walk_time(Model& m, double speed, int age = 35, Mobility mob = Mobility::Walks) {
  builders::add_residents(m, {0.001, 0.0}, 1, age, mob);
  builders::instant_departure(m);
  m.params.residents.speed_by_age.fill(speed);
  m.params.residents.speed_walking_aid = speed;
  m.run.dt = 0.1;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const SimState& s = sim.state();
  REQUIRE(s.status[0] == Status::Sheltered);
  REQUIRE(testing::conservation_error(m, s).empty());
  return static_cast<double>(s.arrival_time[0]) - s.start_time[0];
}

// Time one resident of `age` needs from node 0 to the shelter at node 1 of a 200 m
// street rising `rise` m (negative: falling), walking at `speed` on the level.
double hill_time(float rise, double speed, StreetKind kind = StreetKind::Footway, int age = 35,
                 Mobility mob = Mobility::Walks) {
  Model m = builders::corridor(200.0, 3.0);
  m.world.streets.edge_kind[0] = kind;
  m.world.streets.edge_rise[0] = rise;
  return walk_time(m, speed, age, mob);
}

}  // namespace

TEST_CASE("a hill is slower uphill than downhill, at Tobler's speeds") {
  const double up = hill_time(20.0f, 1.3);     // +10 %
  const double down = hill_time(-20.0f, 1.3);  // −10 %
  const double level = hill_time(0.0f, 1.3);
  CHECK(up > level);
  CHECK(down < up);
  CHECK(up == Approx(200.0 / (1.3 * tobler_factor(0.1))).margin(0.2));
  CHECK(down == Approx(200.0 / (1.3 * tobler_factor(-0.1))).margin(0.2));
  CHECK(level == Approx(200.0 / 1.3).margin(0.2));
}

TEST_CASE("stairs are slower than a level street, and up differs from down") {
  const double level = hill_time(0.0f, 1.3);
  const double up = hill_time(20.0f, 1.3, StreetKind::Steps);
  const double down = hill_time(-20.0f, 1.3, StreetKind::Steps);
  CHECK(up > level);
  CHECK(down > level);
  CHECK(up > down);
  CHECK(
      down ==
      Approx(200.0 / (1.3 * stair_factor(1.3, StairWay::Down, AgeBand::Adult, Mobility::Walks))).margin(0.2));
}

TEST_CASE("older people and people with walking aids take longer on stairs") {
  // The same level speed for all, so only the stair model tells them apart.
  for (const float rise : {20.0f, -20.0f}) {
    const double adult = hill_time(rise, 1.3, StreetKind::Steps, 35);
    CHECK(hill_time(rise, 1.3, StreetKind::Steps, 70) > adult);
    CHECK(hill_time(rise, 1.3, StreetKind::Steps, 35, Mobility::WalkingAid) > adult);
  }
  // On the level an older person at the same free speed is not slower.
  CHECK(hill_time(0.0f, 1.3, StreetKind::Footway, 70) == Approx(hill_time(0.0f, 1.3)).margin(0.01));
}

TEST_CASE("RiMEA 2 and 3 scenes: a staircase of 10 m along its slope, up and down") {
  for (const bool up : {true, false}) {
    Model m = builders::staircase(10.0, 2.0, up);
    const double t = walk_time(m, 1.33, 30);
    const double along =
        stair_speed_along(up ? StairWay::Up : StairWay::Down, AgeBand::Adult, Mobility::Walks);
    CHECK(t == Approx(10.0 / along).margin(0.1));
  }
}
