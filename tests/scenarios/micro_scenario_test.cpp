// movement: micro in scenario files (scenarios/loader/sections_micro.cpp,
// scenarios/loader/micro_assembly.cpp, maps/micro_geometry_import.cpp): the bundled school
// runs end to end, geometry written as WKT or read from a layer works alike, results
// repeat for a seed, and bad geometry is rejected naming the file, line or feature.
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "output/run_info.hpp"
#include "output/summary.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::testing::run_whole;
using ss::testing::TempDir;

namespace {

const std::string kSchool = std::string(SAFESTREET_SOURCE_DIR) + "/scenarios/school_evacuation.yaml";

// A room [0,10] × [0,10] split by a wall line at x = 5 with a door in it; the exit
// is a 2 m line in the east wall. `extra` is appended to the micro block, `people`
// is the population block.
std::string two_rooms(const std::string& extra = "", const std::string& people = "",
                      const std::string& door = "LINESTRING(5 4.5, 5 5.5)") {
  return "name: two rooms\n"
         "movement: micro\n"
         "micro:\n"
         "  rooms:\n"
         "    - {name: Left, wkt: 'POLYGON((0 0, 5 0, 5 10, 0 10, 0 0))'}\n"
         "    - {name: Right, wkt: 'POLYGON((5 0, 10 0, 10 10, 5 10, 5 0))'}\n"
         "  walls:\n"
         "    - {name: Middle wall, wkt: 'LINESTRING(5 0, 5 10)', thickness: 0.2}\n"
         "  doors:\n"
         "    - {name: Middle door, wkt: '" +
         door +
         "'}\n"
         "  exits:\n"
         "    - {name: Street, wkt: 'LINESTRING(10 4, 10 6)'}\n" +
         extra +
         "population:\n"
         "  seed: 3\n"
         "  shares: {of_60_plus: {bedridden: 0.0}, of_others: {bedridden: 0.0}}\n" +
         (people.empty() ? "  residents:\n    - {room: Left, count: 20}\n" : people) +
         "params:\n"
         "  residents: {premove_median: 5 s, premove_sigma_ln: 0.5}\n"
         "run: {dt: 0.1, duration: 10 min, timeline_interval: 5 s}\n";
}

std::string slurp(const std::string& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("the bundled school evacuation runs on the micro model and everyone leaves") {
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(kSchool);
  const ss::Model& m = a.model;
  REQUIRE(m.movement == ss::MovementKind::Micro);
  CHECK(m.population.size() == 208);  // 8 classes of 25 and their teachers
  REQUIRE(m.world.shelters.size() == 2);
  CHECK(m.world.shelters[0].name == "West exit");
  CHECK(m.world.zones.size() == 9);  // eight classrooms and the corridor
  // Everyone starts in a room of the school, not in a wall.
  for (std::size_t i = 0; i < m.population.size(); ++i) CHECK(m.micro.walkable_at(m.population.home[i]));

  const ss::SimState s = run_whole(m, 1);
  const ss::RunMetrics r = ss::compute_metrics(m, s);
  CHECK(r.overall.safe == 208);
  CHECK(r.shelters[0].arrivals + r.shelters[1].arrivals == 208);
  CHECK(r.shelters[0].arrivals > 50);  // both exits are used
  CHECK(r.shelters[1].arrivals > 50);
  REQUIRE(r.overall.t100);
  CHECK(*r.overall.t100 < 600.0);
  CHECK(s.records.warnings.stuck == 0);
  // Each classroom is a zone of the summary and everyone of it is safe.
  for (std::size_t z = 0; z < 9; ++z) CHECK(r.by_zone[z].safe == r.by_zone[z].residents);
  CHECK(m.world.zones[1].name == "Class 1a");
  CHECK(r.by_zone[1].residents == 26);
}

TEST_CASE("a micro scenario repeats itself exactly for a seed and differs for another") {
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(kSchool);
  const ss::scenarios::Assembly b = ss::scenarios::assemble_file(kSchool);
  // Placement and profiles are part of the model: the same for the same file.
  CHECK(a.model.population.home == b.model.population.home);
  CHECK(a.model.population.age == b.model.population.age);
  const ss::SimState s1 = run_whole(a.model, 5), s2 = run_whole(b.model, 5), s3 = run_whole(a.model, 6);
  CHECK(s1.arrival_time == s2.arrival_time);
  CHECK(s1.shelter == s2.shelter);
  CHECK(s1.arrival_time != s3.arrival_time);
}

TEST_CASE("a population seed moves residents to other start places in their rooms") {
  TempDir dir;
  const auto p1 = dir.write("a.yaml", two_rooms());
  std::string text = two_rooms();
  text.replace(text.find("seed: 3"), 7, "seed: 4");
  const auto p2 = dir.write("b.yaml", text);
  const ss::Model m1 = ss::scenarios::assemble_file(p1).model, m2 = ss::scenarios::assemble_file(p2).model;
  CHECK(m1.population.home != m2.population.home);
  for (const ss::Vec2 h : m1.population.home) CHECK(h.x < 5.0);  // all in the left room
}

TEST_CASE("geometry written as WKT: a wall line with a door lets a room's residents out") {
  TempDir dir;
  const ss::Model m = ss::scenarios::assemble_file(dir.write("s.yaml", two_rooms())).model;
  REQUIRE(m.population.size() == 20);
  const ss::SimState s = run_whole(m, 1);
  CHECK(ss::compute_metrics(m, s).overall.safe == 20);
}

TEST_CASE("an exit without a capacity takes everyone and is never reported as filled up") {
  TempDir dir;
  const ss::Model m = ss::scenarios::assemble_file(dir.write("s.yaml", two_rooms())).model;
  REQUIRE(m.world.shelters.size() == 1);
  CHECK(m.world.shelters[0].takes_everyone);
  const ss::SimState s = run_whole(m, 1);
  const ss::RunMetrics r = ss::compute_metrics(m, s);
  REQUIRE(r.overall.safe == 20);
  CHECK(r.shelters[0].occupancy == r.shelters[0].capacity);  // everyone is out: as many as the capacity
  CHECK_FALSE(r.shelters[0].full_time.has_value());
  CHECK(s.shelter_full[0] == 0);
  // With a capacity given, the same exit fills up when it reaches it.
  std::string capped = two_rooms();
  const std::string exit = "{name: Street, wkt: 'LINESTRING(10 4, 10 6)'}";
  capped.replace(capped.find(exit), exit.size(),
                 "{name: Street, wkt: 'LINESTRING(10 4, 10 6)', capacity: 20}");
  const ss::Model mc = ss::scenarios::assemble_file(dir.write("c.yaml", capped)).model;
  CHECK_FALSE(mc.world.shelters[0].takes_everyone);
  const ss::RunMetrics rc = ss::compute_metrics(mc, run_whole(mc, 1));
  CHECK(rc.shelters[0].full_time.has_value());
}

TEST_CASE("a closed exit in a variant sends the whole school to the other one") {
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(kSchool, "east_exit_blocked");
  const ss::SimState s = run_whole(a.model, 1);
  const ss::RunMetrics r = ss::compute_metrics(a.model, s);
  CHECK(r.shelters[0].arrivals == 208);
  CHECK(r.shelters[1].arrivals == 0);
}

TEST_CASE("the summary gives the stuck count and thresholds, and a queue that moves counts nobody stuck") {
  TempDir dir;
  // 60 people behind one 0.8 m door, everyone leaving at once; with a stuck time of
  // 5 s the back of the queue waits far longer than that without getting 0.5 m on,
  // but always behind someone: waiting in a queue is not being stuck.
  const std::string people = "  residents:\n    - {room: Left, count: 60}\n";
  std::string text = two_rooms("  params: {stuck_time: 5 s}\n", people, "LINESTRING(5 4.6, 5 5.4)");
  text.replace(text.find("premove_median: 5 s"), 19, "premove_median: 1 s");
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(dir.write("s.yaml", text));
  CHECK(a.model.params.micro.stuck_time == 5.0);
  const ss::SimState s = run_whole(a.model, 1);
  const ss::RunMetrics r = ss::compute_metrics(a.model, s);
  CHECK(r.overall.safe == 60);  // they all get out in the end
  CHECK(s.records.warnings.stuck == 0);
  const auto j = ss::output::summary_json(a.model, s, r, ss::output::RunInfo{});
  REQUIRE(j.contains("micro"));
  CHECK(j["micro"]["stuck"].get<std::uint64_t>() == s.records.warnings.stuck);
  CHECK(j["micro"]["stuck_time_s"].get<double>() == 5.0);

  // The school with the default stuck time: nobody waits that long.
  const ss::scenarios::Assembly school = ss::scenarios::assemble_file(kSchool);
  const ss::SimState ss1 = run_whole(school.model, 1);
  const auto js = ss::output::summary_json(school.model, ss1, ss::compute_metrics(school.model, ss1), {});
  CHECK(js["micro"]["stuck"].get<std::uint64_t>() == 0);
}

TEST_CASE("safestreet run on the school writes the usual run files with the stuck count") {
  TempDir dir;
  const std::string out = dir.path() + "/out";
  const std::string cmd =
      std::string(SAFESTREET_BINARY) + " run " + kSchool + " --quiet --out " + out + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string text;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), p)) text += buf.data();
  const int status = pclose(p);
  INFO(text);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  for (const char* f : {"summary.json", "timeline.csv", "residents.csv", "shelters.csv", "occupancy.csv"})
    CHECK(std::filesystem::exists(std::filesystem::path(out) / f));
  const auto j = nlohmann::json::parse(slurp(out + "/summary.json"));
  CHECK(j["overall"]["safe"].get<int>() == 208);
  CHECK(j["micro"]["stuck"].get<int>() == 0);
  CHECK(j["shelters"].size() == 2);
}

TEST_CASE("micro geometry from a GeoJSON layer and residents from a point layer") {
  TempDir dir;
  dir.write("plan.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"kind":"room","name":"Hall"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[8,0],[8,6],[0,6],[0,0]]]}},
{"type":"Feature","properties":{"kind":"obstacle","name":"Pillar"},"geometry":{"type":"Polygon","coordinates":[[[3,2],[4,2],[4,3],[3,3],[3,2]]]}},
{"type":"Feature","properties":{"kind":"exit","name":"Door","capacity":12},"geometry":{"type":"LineString","coordinates":[[8,2],[8,4]]}}]})");
  dir.write("people.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"age":70,"mobility":"walking_aid"},"geometry":{"type":"Point","coordinates":[1,1]}},
{"type":"Feature","properties":{"age":8},"geometry":{"type":"Point","coordinates":[1,5]}},
{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[6,3]}}]})");
  const std::string yaml =
      "movement: micro\n"
      "micro:\n  layers: [{file: plan.geojson}]\n"
      "population:\n  points: {file: people.geojson}\n  residents:\n    - {room: Hall, count: 5}\n"
      "params: {residents: {premove_median: 10 s}}\n"
      "run: {dt: 0.1, duration: 10 min}\n";
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(dir.write("s.yaml", yaml));
  const ss::Model& m = a.model;
  REQUIRE(m.population.size() == 8);
  CHECK(m.population.age[5] == 70);
  CHECK(m.population.mobility[5] == ss::Mobility::WalkingAid);
  CHECK(m.population.age[6] == 8);
  CHECK(m.world.shelters[0].capacity == 12);
  CHECK_FALSE(m.micro.walkable_at({3.5, 2.5}));  // the pillar is cut out
  const ss::SimState s = run_whole(m, 1);
  CHECK(ss::compute_metrics(m, s).overall.safe == 8);
}

TEST_CASE("bad micro geometry is rejected naming the file, line or feature") {
  TempDir dir;
  SECTION("a self-intersecting room written as WKT names its scenario line") {
    std::string text = two_rooms();
    text.replace(text.find("POLYGON((0 0, 5 0, 5 10, 0 10, 0 0))"), 36,
                 "POLYGON((0 0, 5 10, 5 0, 0 10, 0 0))");
    const auto p = dir.write("s.yaml", text);
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 5, "micro.rooms[0]", "self-intersecting");
  }
  SECTION("an open polygon in a layer names the file and feature") {
    const auto geo = dir.write("open.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"kind":"room","name":"Lab"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[6,0],[6,4],[0,4]]]}}]})");
    const auto p = dir.write("s.yaml",
                             "movement: micro\nmicro:\n  layers: [{file: open.geojson}]\n"
                             "population:\n  residents: [{room: Lab, count: 2}]\n");
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), geo, 0, "layer 'open', feature 0 'Lab'",
                        "open polygon");
  }
  SECTION("a door shallower than the wall it sits in names the door, the wall and door_depth") {
    const auto p = dir.write("s.yaml", two_rooms("  door_depth: 0.2\n"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 10, "micro.doors[0]",
                        "sits in wall 'Middle wall'");
    try {
      (void)ss::scenarios::assemble_file(p);
    } catch (const ss::InputError& e) {
      CHECK_THAT(e.message(), Catch::Contains("0.20 m thick, but micro.door_depth is 0.20 m"));
    }
  }
  SECTION("a door_depth smaller than two navigation cells names door_depth") {
    const auto p = dir.write("s.yaml", two_rooms("  door_depth: 0.05\n"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 4, "micro.door_depth",
                        "less than two navigation cells");
  }
  SECTION("an exit away from every room") {
    std::string text = two_rooms();
    text.replace(text.find("LINESTRING(10 4, 10 6)"), 22, "LINESTRING(14 4, 14 6)");
    const auto p = dir.write("s.yaml", text);
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 12, "micro.exits[0]",
                        "outside the walkable area");
  }
  SECTION("a resident placed inside a wall") {
    const auto p = dir.write("s.yaml", two_rooms("", "  residents:\n    - {at: [5.0, 8.0]}\n"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 17, "population.residents[0].at", "inside wall");
  }
  SECTION("a resident of a point layer inside a pillar names the feature") {
    dir.write("plan.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"kind":"room","name":"Hall"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[8,0],[8,6],[0,6],[0,0]]]}},
{"type":"Feature","properties":{"kind":"obstacle","name":"Pillar"},"geometry":{"type":"Polygon","coordinates":[[[3,2],[4,2],[4,3],[3,3],[3,2]]]}},
{"type":"Feature","properties":{"kind":"exit"},"geometry":{"type":"LineString","coordinates":[[8,2],[8,4]]}}]})");
    const auto pts = dir.write("people.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,1]}},
{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[3.5,2.5]}}]})");
    const auto p = dir.write("s.yaml",
                             "movement: micro\nmicro:\n  layers: [{file: plan.geojson}]\n"
                             "population:\n  points: {file: people.geojson}\n");
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), pts, 0, "layer 'people', feature 1",
                        "inside obstacle");
  }
  SECTION("a door narrower than a body") {
    const auto p = dir.write("s.yaml", two_rooms("", "", "LINESTRING(5 4.875, 5 5.125)"));  // 0.25 m
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 10, "micro.doors[0]", "narrower than a body");
  }
  SECTION("a gap narrower than a body on the way out names the place and the room") {
    // A cabinet across the right room leaves 0.25 m at its north end.
    const auto p = dir.write(
        "s.yaml",
        two_rooms(
            "  obstacles:\n    - {name: Cabinet, wkt: 'POLYGON((7 0, 7.5 0, 7.5 9.75, 7 9.75, 7 0))'}\n"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 19, "population.residents[0]",
                        "every way out narrows to 0.2");
    try {
      (void)ss::scenarios::assemble_file(p);
    } catch (const ss::InputError& e) {
      // Measured by the cabinet's corner, within half a grid cell of the cell it finds narrowest.
      CHECK_THAT(e.message(), Catch::Contains("in 'Right'") && Catch::Contains("0.300 m deep") &&
                                  Catch::Contains("at (7.05, 9.85)"));
    }
  }
  SECTION("a door just wider than the door check asks but too narrow for a body names the door") {
    // 0.305 m: as wide as an adult turned sideways (0.30 m) but not the 5 mm more a
    // body needs off each wall.
    const auto p = dir.write("s.yaml", two_rooms("", "", "LINESTRING(5 4.8475, 5 5.1525)"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 17, "population.residents[0]",
                        "in door micro.doors[0] 'Middle door'");
  }
  SECTION("a room without a door: its residents cannot reach an exit") {
    std::string text = two_rooms();
    text.erase(text.find("  doors:\n"), text.find("  exits:\n") - text.find("  doors:\n"));
    const auto p = dir.write("s.yaml", text);
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 15, "population.residents[0]",
                        "cannot reach any exit");
  }
  SECTION("more residents than a room has start places") {
    const auto p = dir.write("s.yaml", two_rooms("", "  residents:\n    - {room: Left, count: 500}\n"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 17, "population.residents[0].count",
                        "start places");
  }
  SECTION("an unknown room name gets a suggestion") {
    const auto p = dir.write("s.yaml", two_rooms("", "  residents:\n    - {room: Lefft, count: 5}\n"));
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 17, "population.residents[0].room",
                        "did you mean 'Left'");
  }
  SECTION("text that is not WKT") {
    std::string text = two_rooms();
    text.replace(text.find("LINESTRING(10 4, 10 6)"), 22, "LINE(10 4, 10 6)");
    const auto p = dir.write("s.yaml", text);
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 12, "micro.exits[0]", "not WKT");
  }
  SECTION("network sections are refused with movement: micro") {
    const auto p = dir.write("s.yaml", two_rooms() + "shelters:\n  list: []\n");
    REQUIRE_INPUT_ERROR(ss::scenarios::load_scenario(p), p, 22, "shelters", "exits under micro");
  }
  SECTION("an unknown movement model") {
    const auto p = dir.write("s.yaml", "movement: agents\n");
    REQUIRE_INPUT_ERROR(ss::scenarios::load_scenario(p), p, 1, "movement", "one of network");
  }
}

// Issue 15: a 0.45 m door is narrower than an adult's 0.51 m body, but people pass
// such gaps sideways (Kretz et al. 2006); a wheelchair cannot.
TEST_CASE("a 0.45 m door with only adults loads and everyone leaves through it sideways") {
  TempDir dir;
  const auto p =
      dir.write("narrow.yaml", two_rooms("", "  residents:\n    - {room: Left, count: 10, age: 30}\n",
                                         "LINESTRING(5 4.775, 5 5.225)"));
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(p);
  const ss::Model& m = a.model;
  REQUIRE(m.population.size() == 10);
  CHECK(m.micro.grid.sideways);
  const ss::SimState s = run_whole(m, 1);
  CHECK(ss::compute_metrics(m, s).overall.safe == 10);
  CHECK(s.records.warnings.stuck == 0);
}

TEST_CASE("the same 0.45 m door with a wheelchair user is refused, naming the door and the wheelchair") {
  TempDir dir;
  const auto p =
      dir.write("narrow.yaml", two_rooms("",
                                         "  residents:\n    - {room: Left, count: 10, age: 30}\n"
                                         "    - {room: Left, count: 1, age: 40, mobility: wheelchair}\n",
                                         "LINESTRING(5 4.775, 5 5.225)"));
  REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 10, "micro.doors[0]", "wheelchair");
  try {
    (void)ss::scenarios::assemble_file(p);
  } catch (const ss::InputError& e) {
    CHECK_THAT(e.message(), Catch::Contains("0.45 m wide") && Catch::Contains("resident 10") &&
                                Catch::Contains("cannot turn sideways"));
  }
}

TEST_CASE("micro.trajectories records every walker at the frame rate asked for") {
  TempDir dir;
  const auto p = dir.write("s.yaml", two_rooms("  trajectories: {framerate: 2}\n"));
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(p);
  CHECK(a.model.run.trajectory_framerate == 2.0);
  const ss::SimState s = run_whole(a.model, 1);
  const ss::TrajectoryRecord& t = s.records.trajectory;
  CHECK(t.framerate == 2.0);
  CHECK(t.frames() == s.step / 5 + 1);  // dt 0.1 s: every fifth step, and the start
  REQUIRE(!t.points.empty());
  for (const ss::TrajectoryPoint& q : t.points) CHECK(a.model.micro.walkable_at({q.x, q.y}));
}

TEST_CASE("a trajectory frame rate that does not fall on steps names the field and line") {
  TempDir dir;
  const auto p = dir.write("s.yaml", two_rooms("  trajectories: {framerate: 3}\n"));
  REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 13, "micro.trajectories.framerate",
                      "not a whole number of steps");
  const auto q = dir.write("q.yaml", two_rooms("  trajectories: {framerate: -1}\n"));
  CHECK_THROWS_WITH(ss::scenarios::assemble_file(q), Catch::Contains("micro.trajectories.framerate"));
}

// micro.params.calibration (MicroCalibration): the measured calibration lets a crowd
// through a 1 m door faster than the default, which holds it to IMO's 1.33 P/s;
// the summary says which one ran.
TEST_CASE("micro.params.calibration measured lets the crowd through a 1 m door sooner") {
  TempDir dir;
  const std::string people = "  residents:\n    - {room: Left, count: 60}\n";
  auto last_out = [&](const std::string& params, ss::MicroCalibration want) {
    std::string text = two_rooms(params, people);
    text.replace(text.find("premove_median: 5 s"), 19, "premove_median: 1 s");
    const ss::scenarios::Assembly a = ss::scenarios::assemble_file(dir.write("s.yaml", text));
    CHECK(a.model.params.micro.calibration == want);
    const ss::SimState s = run_whole(a.model, 1);
    const ss::RunMetrics r = ss::compute_metrics(a.model, s);
    CHECK(r.overall.safe == 60);
    const auto j = ss::output::summary_json(a.model, s, r, ss::output::RunInfo{});
    CHECK(j["micro"]["calibration"].get<std::string>() == ss::to_string(want));
    return *std::max_element(s.arrival_time.begin(), s.arrival_time.end());
  };
  const float imo = last_out("", ss::MicroCalibration::Imo);
  const float measured = last_out("  params: {calibration: measured}\n", ss::MicroCalibration::Measured);
  INFO("last out: imo " << imo << " s, measured " << measured << " s");
  CHECK(measured < imo);
  CHECK(last_out("  params: {calibration: imo}\n", ss::MicroCalibration::Imo) == imo);
}

TEST_CASE("an unknown micro calibration names the field and the two there are") {
  TempDir dir;
  const auto p = dir.write("s.yaml", two_rooms("  params: {calibration: fast}\n"));
  CHECK_THROWS_WITH(ss::scenarios::assemble_file(p),
                    Catch::Contains("micro.params.calibration") && Catch::Contains("imo") &&
                        Catch::Contains("measured") && Catch::Contains("'fast'"));
}
