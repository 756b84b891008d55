// micro.stairs in scenario files (scenarios/loader/micro_stairs_section.cpp): stair
// areas load into the model, and a bad entry or a wheelchair user cut off by a stair
// is rejected naming the file, line and field.
#include <string>

#include "engine/core/simulation.hpp"
#include "scenarios/loader/assemble.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::testing::TempDir;

namespace {

// Two rooms joined by a door at x = 5, an exit in the east wall at x = 10; `stairs` is
// the micro.stairs block (from line 13), `people` the population's residents.
std::string with_stairs(const std::string& stairs,
                        const std::string& people = "    - {room: Left, count: 4}\n") {
  return "name: stairs\n"
         "movement: micro\n"
         "micro:\n"
         "  rooms:\n"
         "    - {name: Left, wkt: 'POLYGON((0 0, 5 0, 5 10, 0 10, 0 0))'}\n"
         "    - {name: Right, wkt: 'POLYGON((5 0, 10 0, 10 10, 5 10, 5 0))'}\n"
         "  walls:\n"
         "    - {name: Middle wall, wkt: 'LINESTRING(5 0, 5 10)', thickness: 0.2}\n"
         "  doors:\n"
         "    - {name: Middle door, wkt: 'LINESTRING(5 4.5, 5 5.5)'}\n"
         "  exits:\n"
         "    - {name: Street, wkt: 'LINESTRING(10 4, 10 6)'}\n" +
         stairs +
         "population:\n"
         "  seed: 3\n"
         "  residents:\n" +
         people + "run: {dt: 0.1, duration: 10 min}\n";
}

}  // namespace

TEST_CASE("a micro scenario's stairs load with their way up") {
  TempDir dir;
  const auto p =
      dir.write("s.yaml", with_stairs("  stairs:\n"
                                      "    - {name: Steps, wkt: 'POLYGON((6 3, 8 3, 8 7, 6 7, 6 3))', "
                                      "up: [0, 3]}\n"));
  const ss::Model m = ss::scenarios::assemble_file(p).model;
  REQUIRE(m.micro.stairs.size() == 1);
  CHECK(m.micro.stairs[0].up.y == Approx(1.0));
  CHECK(m.micro.stairs[0].name == "micro.stairs[0] 'Steps'");
  CHECK(ss::stair_at(m.micro, {7.0, 5.0}) == 0);
  CHECK(ss::stair_at(m.micro, {9.0, 5.0}) == -1);
}

TEST_CASE("a malformed micro stair is rejected naming the file, line and field") {
  TempDir dir;
  SECTION("up with one number") {
    const auto p = dir.write(
        "s.yaml", with_stairs("  stairs:\n    - {wkt: 'POLYGON((6 3, 8 3, 8 7, 6 3))', up: [1]}\n"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 14, "micro.stairs[0].up", "[x, y]");
  }
  SECTION("up of zero length") {
    const auto p = dir.write(
        "s.yaml", with_stairs("  stairs:\n    - {wkt: 'POLYGON((6 3, 8 3, 8 7, 6 3))', up: [0, 0]}\n"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 14, "micro.stairs[0].up", "must not be [0, 0]");
  }
  SECTION("no way up") {
    const auto p =
        dir.write("s.yaml", with_stairs("  stairs:\n    - {wkt: 'POLYGON((6 3, 8 3, 8 7, 6 3))'}\n"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 14, "micro.stairs[0].up", "missing");
  }
  SECTION("a line instead of a polygon") {
    const auto p =
        dir.write("s.yaml", with_stairs("  stairs:\n    - {wkt: 'LINESTRING(6 3, 8 3)', up: [1, 0]}\n"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 14, "micro.stairs[0]", "one POLYGON");
  }
  SECTION("a self-intersecting polygon") {
    const auto p = dir.write(
        "s.yaml", with_stairs("  stairs:\n    - {wkt: 'POLYGON((6 3, 8 7, 8 3, 6 7, 6 3))', up: [1, 0]}\n"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 14, "micro.stairs[0]", "self-intersecting");
  }
}

TEST_CASE("a wheelchair user whose only way out crosses a micro stair is rejected at their residents entry") {
  TempDir dir;
  // The stair fills the right room from wall to wall between the door and the exit.
  const auto p = dir.write(
      "s.yaml", with_stairs("  stairs:\n    - {wkt: 'POLYGON((6 0, 8 0, 8 10, 6 10, 6 0))', up: [1, 0]}\n",
                            "    - {room: Left, count: 1, mobility: wheelchair}\n"));
  REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 18, "population.residents[0]", "crosses a stair");
}
