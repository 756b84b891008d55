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

using ss::testing::TempDir;

namespace {

const std::string kSchool = std::string(SAFESTREET_SOURCE_DIR) + "/scenarios/school_evacuation.yaml";

ss::SimState run(const ss::Model& m, std::uint64_t seed) {
  ss::Simulation sim(m, seed);
  while (!sim.finished()) sim.step();
  sim.run_to_end();
  return sim.state();
}

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

  const ss::SimState s = run(m, 1);
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
  const ss::SimState s1 = run(a.model, 5), s2 = run(b.model, 5), s3 = run(a.model, 6);
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
  const ss::SimState s = run(m, 1);
  CHECK(ss::compute_metrics(m, s).overall.safe == 20);
}

TEST_CASE("an exit without a capacity takes everyone and is never reported as filled up") {
  TempDir dir;
  const ss::Model m = ss::scenarios::assemble_file(dir.write("s.yaml", two_rooms())).model;
  REQUIRE(m.world.shelters.size() == 1);
  CHECK(m.world.shelters[0].takes_everyone);
  const ss::SimState s = run(m, 1);
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
  const ss::RunMetrics rc = ss::compute_metrics(mc, run(mc, 1));
  CHECK(rc.shelters[0].full_time.has_value());
}

TEST_CASE("a closed exit in a variant sends the whole school to the other one") {
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(kSchool, "east_exit_blocked");
  const ss::SimState s = run(a.model, 1);
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
  const ss::SimState s = run(a.model, 1);
  const ss::RunMetrics r = ss::compute_metrics(a.model, s);
  CHECK(r.overall.safe == 60);  // they all get out in the end
  CHECK(s.records.warnings.stuck == 0);
  const auto j = ss::output::summary_json(a.model, s, r, ss::output::RunInfo{});
  REQUIRE(j.contains("micro"));
  CHECK(j["micro"]["stuck"].get<std::uint64_t>() == s.records.warnings.stuck);
  CHECK(j["micro"]["stuck_time_s"].get<double>() == 5.0);

  // The school with the default stuck time: nobody waits that long.
  const ss::scenarios::Assembly school = ss::scenarios::assemble_file(kSchool);
  const ss::SimState ss1 = run(school.model, 1);
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
  const ss::SimState s = run(m, 1);
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

namespace {

// A micro area over the small test street map: Main street (east–west) and a
// footway north from its middle; the shelter sits at the footway's far end.
std::string map_area(const std::string& shelter_lonlat) {
  return "movement: micro\n"
         "map: {streets: streets.geojson}\n"
         "shelters:\n  list:\n    - {name: Hall, " +
         shelter_lonlat +
         ", capacity: 100}\n"
         "micro:\n"
         "  area:\n"
         "    name: Square\n"
         "    lonlat: [[11.2815, 49.5095], [11.2845, 49.5095], [11.2845, 49.5115], [11.2815, 49.5115]]\n"
         "  params: {grid_cell: 0.2 m}\n"
         "population:\n  residents: [{room: Square, count: 20}]\n"
         "params: {residents: {premove_median: 10 s}}\n"
         "run: {dt: 0.1, duration: 20 min}\n";
}

}  // namespace

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
  const ss::SimState s = run(m, 1);
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

TEST_CASE("a micro area cut from a map: its streets are walkable and people reach the shelter inside it") {
  TempDir dir;
  dir.write("streets.geojson", ss::testing::kStreetsGeoJson);
  const ss::scenarios::Assembly a =
      ss::scenarios::assemble_file(dir.write("s.yaml", map_area("lon: 11.2830, lat: 49.5112")));
  const ss::Model& m = a.model;
  REQUIRE(m.population.size() == 20);
  REQUIRE(m.world.shelters.size() == 1);
  // The street surface: on Main street and the footway, not beside them.
  const ss::Vec2 on_main = m.population.home[0];
  CHECK(m.micro.walkable_at(on_main));
  CHECK(m.micro.walkable.size() == 1);
  const ss::SimState s = run(m, 1);
  CHECK(ss::compute_metrics(m, s).overall.safe == 20);
}

TEST_CASE("a micro area without a shelter inside it is an error naming the shelters") {
  TempDir dir;
  dir.write("streets.geojson", ss::testing::kStreetsGeoJson);
  const auto p = dir.write("s.yaml", map_area("lon: 11.2900, lat: 49.5112"));
  REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 4, "shelters", "no shelter lies inside micro.area");
}

TEST_CASE("the bundled Lauf school entrance: a micro area of the real map, everyone reaches the entrance") {
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(std::string(SAFESTREET_SOURCE_DIR) +
                                                                 "/scenarios/lauf_school_entrance.yaml");
  const ss::Model& m = a.model;
  REQUIRE(m.population.size() == 150);
  CHECK_FALSE(m.micro.obstacles.empty());  // buildings and blocks are holes in the street surface
  for (std::size_t i = 0; i < m.population.size(); ++i) CHECK(m.micro.walkable_at(m.population.home[i]));
  const ss::SimState s = run(m, 1);
  const ss::RunMetrics r = ss::compute_metrics(m, s);
  CHECK(r.overall.safe == 150);
  CHECK(s.records.warnings.stuck == 0);
}

TEST_CASE("building geometry in map coordinates instead of local metres is an error") {
  TempDir dir;
  const auto p =
      dir.write("s.yaml",
                "movement: micro\nmicro:\n"
                "  rooms: [{name: Hall, wkt: 'POLYGON((650000 5490000, 650010 5490000, 650010 5490010, "
                "650000 5490010, 650000 5490000))'}]\n"
                "  exits: ['LINESTRING(650010 5490004, 650010 5490006)']\n"
                "population:\n  residents: [{room: Hall, count: 5}]\n");
  REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 3, "micro", "local metres");
}

namespace {

// The small test map with two houses beside Main street inside the area, and a
// registry of six residents: a family of three in the west house, an old couple in
// the east house (he with a walker, she bedridden), and one person east of the area.
std::string map_area_registry(const TempDir& dir, const std::string& area_block) {
  dir.write("streets.geojson", ss::testing::kStreetsGeoJson);
  dir.write("buildings.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"building":"house"},"geometry":{"type":"Polygon","coordinates":[[[11.2820,49.51008],[11.2823,49.51008],[11.2823,49.51022],[11.2820,49.51022],[11.2820,49.51008]]]}},
{"type":"Feature","properties":{"building":"house"},"geometry":{"type":"Polygon","coordinates":[[[11.2836,49.51008],[11.2839,49.51008],[11.2839,49.51022],[11.2836,49.51022],[11.2836,49.51008]]]}}]})");
  dir.write("residents.csv",
            "lon,lat,age,mobility,household\n"
            "11.28215,49.51015,40,walks,A\n"
            "11.28215,49.51015,38,walks,A\n"
            "11.28215,49.51015,8,walks,A\n"
            "11.28375,49.51015,82,walking_aid,B\n"
            "11.28375,49.51015,85,bedridden,B\n"
            "11.28550,49.51050,30,walks,C\n");
  return dir.write("s.yaml",
                   "movement: micro\n"                                                  // 1
                   "map: {streets: streets.geojson, buildings: buildings.geojson}\n"    // 2
                   "shelters:\n  list:\n"                                               // 3-4
                   "    - {name: Hall, lon: 11.2830, lat: 49.5112, capacity: 100}\n" +  // 5
                       area_block +
                       "population:\n  registry: {file: residents.csv}\n"
                       "params: {residents: {premove_median: 10 s}}\n"
                       "run: {dt: 0.1, duration: 20 min}\n");
}

const char* kSquare =
    "micro:\n"
    "  area:\n"
    "    name: Square\n"
    "    lonlat: [[11.2815, 49.5095], [11.2845, 49.5095], [11.2845, 49.5115], [11.2815, 49.5115]]\n"
    "  params: {grid_cell: 0.2 m}\n";

}  // namespace

TEST_CASE("a registry population in a micro area: residents start on the street nearest their home") {
  TempDir dir;
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(map_area_registry(dir, kSquare));
  const ss::Model& m = a.model;
  // The person east of the area is not part of the run; the others keep their
  // profiles and the family its household.
  REQUIRE(m.population.size() == 5);
  CHECK(m.population.household[0] == m.population.household[1]);
  CHECK(m.population.household[0] == m.population.household[2]);
  CHECK(m.population.household[3] != m.population.household[0]);
  CHECK(m.population.household[3] == m.population.household[4]);
  CHECK(m.population.age[2] == 8);
  CHECK(m.population.mobility[3] == ss::Mobility::WalkingAid);
  CHECK(m.population.needs_assistance[4] == 1);
  // The two houses are holes in the street surface and kept as the area's buildings
  // (the GUI draws them around the streets).
  CHECK(m.world.buildings.size() == 2);
  const bool reported = std::any_of(a.notes.begin(), a.notes.end(), [](const std::string& p) {
    return p.find("5 of the map's 6 residents live inside micro.area") != std::string::npos;
  });
  CHECK(reported);
  // Each starts on the street surface outside the houses, clear of walls and of
  // the others, within a few metres of home (the houses sit beside Main street).
  for (std::size_t i = 0; i < 5; ++i) {
    INFO("resident " << i);
    const ss::Vec2 q = m.population.home[i];
    CHECK(m.micro.walkable_at(q));
    const double r = ss::body_radius(m.population.age[i], m.population.mobility[i], m.params.micro);
    CHECK(m.micro.wall_distance(q) >= r);
    for (std::size_t j = 0; j < i; ++j) CHECK(ss::distance(q, m.population.home[j]) >= 2 * 0.21);
  }
  // Everyone who can walk reaches the hall; the bedridden woman needs a team, which a
  // micro scenario does not have, and stays, reported as needing assistance.
  const ss::SimState s = run(m, 1);
  const ss::RunMetrics r = ss::compute_metrics(m, s);
  CHECK(r.overall.safe == 4);
  CHECK(s.status[4] == ss::Status::WaitingForHelp);
  // The same scenario assembles to the same start places.
  const ss::scenarios::Assembly b = ss::scenarios::assemble_file(map_area_registry(dir, kSquare));
  CHECK(b.model.population.home == m.population.home);
}

TEST_CASE("a registry population in a micro area without residents inside it is an error") {
  TempDir dir;
  const std::string far =
      "micro:\n"
      "  area:\n"
      "    name: Footway\n"
      "    lonlat: [[11.2826, 49.5106], [11.2834, 49.5106], [11.2834, 49.5115], [11.2826, 49.5115]]\n"
      "  params: {grid_cell: 0.2 m}\n";
  const auto p = map_area_registry(dir, far);
  REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 12, "population.registry",
                      "none of the 6 residents lives inside micro.area");
}

TEST_CASE("a registry population with building geometry (no map) is an error naming the field") {
  TempDir dir;
  dir.write("residents.csv", "lon,lat\n11.28,49.51\n");
  const auto p = dir.write("s.yaml",
                           "movement: micro\nmicro:\n"
                           "  rooms: [{name: Hall, wkt: 'POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))'}]\n"
                           "  exits: ['LINESTRING(10 4, 10 6)']\n"
                           "population:\n"
                           "  registry: {file: residents.csv}\n");
  REQUIRE_INPUT_ERROR(ss::scenarios::load_scenario(p), p, 6, "population.registry", "needs micro.area");
}

TEST_CASE(
    "the bundled Heuchling residents: the town's synthesized people living in a micro area walk to the "
    "school") {
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(std::string(SAFESTREET_SOURCE_DIR) +
                                                                 "/scenarios/lauf_heuchling_residents.yaml");
  const ss::Model& m = a.model;
  REQUIRE(a.synthesis_report.has_value());
  // A few hundred of the town's 25,000 live in the area's streets.
  REQUIRE(m.population.size() > 200);
  REQUIRE(m.population.size() < 1000);
  std::size_t helpless = 0;
  for (std::size_t i = 0; i < m.population.size(); ++i) {
    CHECK(m.micro.walkable_at(m.population.home[i]));
    helpless += m.population.needs_assistance[i];
  }
  const ss::SimState s = run(m, 1);
  const ss::RunMetrics r = ss::compute_metrics(m, s);
  CHECK(r.overall.safe == m.population.size() - helpless);
  CHECK(s.records.warnings.stuck == 0);
}

TEST_CASE("micro.trajectories records every walker at the frame rate asked for") {
  TempDir dir;
  const auto p = dir.write("s.yaml", two_rooms("  trajectories: {framerate: 2}\n"));
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(p);
  CHECK(a.model.run.trajectory_framerate == 2.0);
  const ss::SimState s = run(a.model, 1);
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
