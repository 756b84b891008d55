// Stairs in the micro model (engine/movement/micro/micro_stairs.hpp): bodies on a stair
// area walk at the network model's stair speeds, up or down by their direction, and
// wheelchair users keep off stairs.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/input_error.hpp"
#include "engine/core/simulation.hpp"
#include "engine/scenes/micro_builders.hpp"
#include "engine/world/slope.hpp"

using namespace ss;
using builders::rect;

namespace {

// A hall [0, 12] × [0, 6] with a stair [4, 8] × [0, 4] going up towards +x and an
// exit at its east end; the strip y in [4, 6] beside the stair is level.
Model hall() {
  Model m = builders::micro_area({rect(0.0, 0.0, 12.0, 6.0)});
  builders::add_exit(m, rect(11.0, 0.0, 12.0, 6.0), "east");
  MicroStair s;
  s.area = rect(4.0, 0.0, 8.0, 4.0);
  s.up = {2.0, 0.0};  // any length: made a unit vector
  s.name = "stair";
  m.micro.stairs.push_back(s);
  return m;
}

}  // namespace

TEST_CASE("on a micro stair a body's speed is the stair speed, slower going up and for older people") {
  Model m = hall();
  builders::add_residents(m, {1.0, 2.0}, 1);
  m.finalize();
  const MicroGeometry& g = m.micro;
  CHECK(g.stairs[0].up.x == Approx(1.0));
  const Vec2 on{6.0, 2.0}, off{6.0, 5.0}, east{1.0, 0.0}, west{-1.0, 0.0};
  const double v0 = 1.34;
  const double cos_stair = kStepTread / std::hypot(kStepTread, kStepRiser);
  CHECK(micro_stair_cap(g, off, east, v0, AgeBand::Adult, Mobility::Walks) == v0);
  const double up = micro_stair_cap(g, on, east, v0, AgeBand::Adult, Mobility::Walks);
  const double down = micro_stair_cap(g, on, west, v0, AgeBand::Adult, Mobility::Walks);
  CHECK(up == Approx(kStairFreeSpeed * kStairUpOverDown * cos_stair));  // 0.614 m/s along the slope
  CHECK(down == Approx(kStairFreeSpeed * cos_stair));                   // 0.925 m/s
  CHECK(micro_stair_cap(g, on, Vec2{0.0, 1.0}, v0, AgeBand::Adult, Mobility::Walks) ==
        Approx(up));  // across: up
  CHECK(micro_stair_cap(g, on, west, v0, AgeBand::Elderly, Mobility::Walks) ==
        Approx(down * kStairOlderDown));
  CHECK(micro_stair_cap(g, on, east, v0, AgeBand::Senior, Mobility::WalkingAid) ==
        Approx(up * kStairOlderUp * kStairWalkingAid));
  // A slow walker is held back by their own speed, not the stair's.
  CHECK(micro_stair_cap(g, on, west, 0.5, AgeBand::Adult, Mobility::Walks) == Approx(0.5 * cos_stair));
}

TEST_CASE("a body crossing a micro stair takes longer than on the level beside it") {
  auto time_from = [](Vec2 start) {
    Model m = hall();
    builders::add_residents(m, start, 1);
    builders::instant_departure(m);
    m.run.duration = 60.0;
    m.finalize();
    Simulation sim(m, 1);
    sim.run_to_end();
    REQUIRE(sim.state().status[0] == Status::Sheltered);
    return static_cast<double>(sim.state().arrival_time[0] - sim.state().start_time[0]);
  };
  const double level = time_from({1.0, 5.0});
  const double stair = time_from({1.0, 2.0});
  // 4 m of the way at 0.614 × cos 30.4° = 0.53 m/s instead of about 1.34 m/s: ≈ 4.5 s more.
  CHECK(stair > level + 3.0);
}

TEST_CASE("a wheelchair user whose every way out crosses a micro stair is refused, naming them") {
  Model m = builders::micro_area({rect(0.0, 0.0, 12.0, 6.0)});
  builders::add_exit(m, rect(11.0, 0.0, 12.0, 6.0), "east");
  MicroStair s;
  s.area = rect(4.0, 0.0, 8.0, 6.0);  // wall to wall
  s.up = {1.0, 0.0};
  m.micro.stairs.push_back(s);
  builders::add_residents(m, {1.0, 3.0}, 1, 40, Mobility::Wheelchair);
  try {
    m.finalize();
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.field() == "population[0]");
    CHECK_THAT(e.message(), Catch::Contains("crosses a stair"));
  }
  // With the level strip beside the stair they go round it.
  Model ok = hall();
  builders::add_residents(ok, {1.0, 5.0}, 1, 40, Mobility::Wheelchair);
  builders::instant_departure(ok);
  ok.run.duration = 60.0;
  ok.finalize();
  Simulation sim(ok, 1);
  sim.run_to_end();
  CHECK(sim.state().status[0] == Status::Sheltered);
}

TEST_CASE("a micro stair without a direction is refused naming it") {
  Model m = hall();
  m.micro.stairs[0].up = {0.0, 0.0};
  builders::add_residents(m, {1.0, 5.0}, 1);
  try {
    m.finalize();
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.field() == "micro.stairs[0]");
  }
}
