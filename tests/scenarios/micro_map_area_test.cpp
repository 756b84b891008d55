// Micro areas cut from a real map and registry populations in them
// (scenarios/loader/micro_assembly.cpp, maps/micro_geometry_import.cpp): the area's
// streets are walkable, residents start on the street nearest their home, and an
// area without its shelter or residents, or geometry in the wrong coordinates, is an
// error naming the field.
#include <algorithm>
#include <string>

#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::testing::run_whole;
using ss::testing::TempDir;

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
  const ss::SimState s = run_whole(m, 1);
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
  const ss::SimState s = run_whole(m, 1);
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
  const ss::SimState s = run_whole(m, 1);
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
  const ss::SimState s = run_whole(m, 1);
  const ss::RunMetrics r = ss::compute_metrics(m, s);
  CHECK(r.overall.safe == m.population.size() - helpless);
  CHECK(s.records.warnings.stuck == 0);
}
