// Exits of micro scenarios as users write them (scenarios/loader/micro_pieces.cpp,
// micro_line_exit() in engine/movement/micro/micro_geometry.cpp): a line exit on the
// outer wall counts a person once the body's centre has walked on past the line, so the
// opening limits the flow whatever micro.door_depth is, and a scenario file builds
// the same geometry as the verification scenes (engine/scenes/micro_builders.cpp).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "engine/core/simulation.hpp"
#include "engine/scenes/micro_builders.hpp"
#include "scenarios/loader/assemble.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::testing::TempDir;

namespace {

// A 10 m × 10 m room with 100 adults who leave at once through a 1 m opening in the
// middle of its east wall: `opening` is the micro geometry after the room.
std::string room(const std::string& opening, const std::string& door_depth = "1.0") {
  return "name: room with one exit\n"
         "movement: micro\n"
         "micro:\n"
         "  rooms:\n"
         "    - {name: Room, wkt: 'POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))'}\n" +
         opening + "  door_depth: " + door_depth +
         "\n"
         "population:\n"
         "  seed: 3\n"
         "  shares: {of_60_plus: {bedridden: 0.0}, of_others: {bedridden: 0.0}}\n"
         "  residents:\n"
         "    - {room: Room, count: 100, age: 35}\n"
         "params:\n"
         "  residents: {premove_median: 0 s, premove_sigma_ln: 0}\n"
         "run: {dt: 0.05, duration: 10 min, timeline_interval: 5 s}\n";
}

const std::string kLineExit = "  exits:\n    - {name: Door, wkt: 'LINESTRING(10 4.5, 10 5.5)'}\n";
// The same line exit in the room's outer wall drawn 0.4 m thick (centred on the edge).
const std::string kLineExitInWall =
    "  walls:\n    - {name: Outer wall, wkt: 'LINESTRING(10 0, 10 10)', thickness: 0.4}\n" + kLineExit;
// The same opening through a 0.4 m wall, counted in the middle of the channel: the
// room of the verification scenes (builders::micro_room_with_door).
const std::string kDoorChannel =
    "  corridors:\n    - {name: Channel, wkt: 'POLYGON((10 4.5, 10.2 4.5, 10.2 5.5, 10 5.5, 10 4.5))'}\n"
    "  exits:\n    - {name: Door, wkt: 'LINESTRING(10.2 4.5, 10.2 5.5)'}\n";

ss::scenarios::Assembly load(const std::string& yaml) {
  TempDir dir;
  return ss::scenarios::assemble_file(dir.write("room.yaml", yaml));
}

// People per second through the exit between the 10th and the 90th person out (the
// start and the tail left out, as the N-t evaluation of bottleneck experiments does,
// Seyfried et al. 2009).
double door_flow(const ss::Model& m) {
  ss::Simulation sim(m, 1);
  while (!sim.finished()) sim.step();
  std::vector<double> t;
  for (const float a : sim.state().arrival_time)
    if (!std::isnan(a)) t.push_back(a);
  REQUIRE(t.size() == 100);
  std::sort(t.begin(), t.end());
  return 80.0 / (t[89] - t[9]);
}

// The scene and the scenario file have the same exit polygon and the same walkable
// and exit cells on the same grid.
void check_same_geometry(const ss::Model& from_file, const ss::Model& built) {
  const ss::MicroGeometry& f = from_file.micro;
  const ss::MicroGeometry& b = built.micro;
  REQUIRE(f.exits.size() == 1);
  REQUIRE(f.exits[0].area.size() == b.exits[0].area.size());
  for (std::size_t i = 0; i < b.exits[0].area.size(); ++i) {
    CHECK(f.exits[0].area[i].x == Approx(b.exits[0].area[i].x).margin(1e-9));
    CHECK(f.exits[0].area[i].y == Approx(b.exits[0].area[i].y).margin(1e-9));
  }
  // The same walkable and exit cells on the same grid.
  REQUIRE(f.grid.nx == b.grid.nx);
  REQUIRE(f.grid.ny == b.grid.ny);
  CHECK(f.grid.origin.x == Approx(b.grid.origin.x).margin(1e-9));
  CHECK(f.grid.origin.y == Approx(b.grid.origin.y).margin(1e-9));
  CHECK(f.grid.walkable == b.grid.walkable);
  CHECK(f.grid.exit == b.grid.exit);
}

}  // namespace

TEST_CASE(
    "a line exit in a 0.4 m outer wall lets people out about as fast as the same opening built as a door "
    "channel") {
  const double line = door_flow(load(room(kLineExitInWall)).model);
  const double channel = door_flow(load(room(kDoorChannel)).model);
  INFO("line exit " << line << " P/s, door channel " << channel << " P/s");
  CHECK(line == Approx(channel).epsilon(0.15));
  // A 1 m door passes about 1.3 P/s (IMO MSC.1/Circ.1533, the specific flow 1.3 P/(m s)).
  CHECK(line < 1.6);
}

TEST_CASE("the flow through a line exit does not depend on door_depth") {
  const double shallow = door_flow(load(room(kLineExit, "0.2")).model);
  const double deep = door_flow(load(room(kLineExit, "1.0")).model);
  INFO("door_depth 0.2 m: " << shallow << " P/s, 1.0 m: " << deep << " P/s");
  CHECK(shallow == Approx(deep).epsilon(0.10));
  // Before, the exit was a strip centred on the line that counted people in its
  // inner half: 3.6 P/s at door_depth 0.5 m, 7.1 P/s at 2 m. A bare hole in the
  // wall (no posts) passes more than a door through a wall, but not that.
  CHECK(deep < 2.0);
  const double in_wall = door_flow(load(room(kLineExitInWall, "1.0")).model);
  const double in_wall_deep = door_flow(load(room(kLineExitInWall, "2.0")).model);
  CHECK(in_wall == Approx(in_wall_deep).epsilon(0.10));
}

TEST_CASE("a scenario file builds the door channel of the verification scenes cell for cell") {
  // builders::micro_room_with_door(8, 5, 1): the IMO 4 room of safestreet verify.
  const ss::Model built = [] {
    ss::Model m = ss::builders::micro_room_with_door(8.0, 5.0, 1.0);
    ss::builders::add_residents(m, {4.0, 2.5}, 1, 35);
    m.finalize();
    return m;
  }();
  const ss::scenarios::Assembly a = load(
      "name: IMO 4 room\n"
      "movement: micro\n"
      "micro:\n"
      "  rooms:\n"
      "    - {name: Room, wkt: 'POLYGON((0 0, 8 0, 8 5, 0 5, 0 0))'}\n"
      "  corridors:\n"
      "    - {name: Channel, wkt: 'POLYGON((8 2, 8.2 2, 8.2 3, 8 3, 8 2))'}\n"
      "  exits:\n"
      "    - {name: door, wkt: 'LINESTRING(8.2 2, 8.2 3)'}\n"
      "population:\n"
      "  residents: [{at: [4, 2.5], age: 35}]\n");
  check_same_geometry(a.model, built);
}

TEST_CASE("a scenario file builds the bottleneck of the verification scenes cell for cell") {
  // builders::micro_bottleneck(5, 5, 1, 2.8): the 1 m point of the bottleneck widths.
  const ss::Model built = [] {
    ss::Model m = ss::builders::micro_bottleneck(5.0, 5.0, 1.0, 2.8);
    ss::builders::add_residents(m, {2.5, 2.5}, 1, 35);
    m.finalize();
    return m;
  }();
  const ss::scenarios::Assembly a = load(
      "name: bottleneck\n"
      "movement: micro\n"
      "micro:\n"
      "  rooms:\n"
      "    - {name: Waiting area, wkt: 'POLYGON((0 0, 5 0, 5 5, 0 5, 0 0))'}\n"
      "  corridors:\n"
      "    - {name: Bottleneck, wkt: 'POLYGON((5 2, 7.6 2, 7.6 3, 5 3, 5 2))'}\n"
      "  exits:\n"
      "    - {name: bottleneck, wkt: 'LINESTRING(7.6 2, 7.6 3)'}\n"
      "population:\n"
      "  residents: [{at: [2.5, 2.5], age: 35}]\n");
  check_same_geometry(a.model, built);
}

TEST_CASE("a line exit across the middle of a room is refused: it has no outside") {
  try {
    load(room("  exits:\n    - {name: Door, wkt: 'LINESTRING(5 4.5, 5 5.5)'}\n"));
    FAIL("no error");
  } catch (const ss::InputError& e) {
    CHECK(e.field() == "micro.exits[0]");
    CHECK(std::string(e.what()).find("walkable ground on both sides") != std::string::npos);
  }
}

TEST_CASE("a door too shallow to bridge the gap between two rooms says so and how deep it must be") {
  TempDir dir;
  const auto gap = [](const std::string& depth) {
    return "name: two rooms with a gap\n"
           "movement: micro\n"
           "micro:\n"
           "  rooms:\n"
           "    - {name: Left, wkt: 'POLYGON((0 0, 4.8 0, 4.8 10, 0 10, 0 0))'}\n"
           "    - {name: Right, wkt: 'POLYGON((5.2 0, 10 0, 10 10, 5.2 10, 5.2 0))'}\n"
           "  doors:\n"
           "    - {name: Gap door, wkt: 'LINESTRING(5 4.5, 5 5.5)'}\n"
           "  exits:\n"
           "    - {name: Street, wkt: 'LINESTRING(10 4, 10 6)'}\n"
           "  door_depth: " +
           depth +
           "\n"
           "population:\n"
           "  residents: [{room: Left, count: 5}]\n";
  };
  const std::string p = dir.write("gap.yaml", gap("0.2"));
  try {
    ss::scenarios::assemble_file(p);
    FAIL("no error");
  } catch (const ss::InputError& e) {
    CHECK(e.file() == p);
    CHECK(e.line() == 8);
    CHECK(e.field() == "micro.doors[0]");
    CHECK_THAT(e.message(), Catch::Contains("micro.door_depth is 0.20 m") &&
                                Catch::Contains("make micro.door_depth at least 0.50 m") &&
                                !Catch::Contains("narrower than a body"));
  }
  // As deep as it says, the same rooms load.
  CHECK_NOTHROW(ss::scenarios::assemble_file(dir.write("deep.yaml", gap("0.5"))));
}

TEST_CASE("a line exit in a wall thicker than door_depth names door_depth, not a narrow passage") {
  try {
    load(room(kLineExitInWall, "0.3"));
    FAIL("no error");
  } catch (const ss::InputError& e) {
    CHECK(e.field() == "micro.exits[0]");
    CHECK_THAT(e.message(), Catch::Contains("0.40 m thick, but micro.door_depth is 0.30 m"));
  }
}
