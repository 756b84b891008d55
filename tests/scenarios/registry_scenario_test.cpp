// A scenario whose residents come from a registry file and whose shelters come from
// a GIS layer: the path a subdistrict office with its own data takes.
#include <catch2/catch.hpp>

#include <string>

#include "engine/core/simulation.hpp"
#include "scenarios/loader/assemble.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::scenarios::assemble_file;
using ss::testing::TempDir;

namespace {

std::string registry_town(const TempDir& dir, const std::string& registry_csv) {
  dir.write("streets.geojson", ss::testing::kStreetsGeoJson);
  dir.write("residents.csv", registry_csv);
  dir.write("shelters.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Sports hall","places":30},"geometry":{"type":"Point","coordinates":[11.2831,49.5121]}},
{"type":"Feature","properties":{"name":"School","places":5},"geometry":{"type":"Point","coordinates":[11.2859,49.5101]}}]})");
  return dir.write("town.yaml",
                   "name: registry town\n"
                   "map: {streets: streets.geojson}\n"
                   "population: {registry: {file: residents.csv}}\n"
                   "shelters: {layer: {file: shelters.geojson, name_field: name, capacity_field: places}}\n"
                   "run: {dt: 1, duration: 2 h}\n");
}

}  // namespace

TEST_CASE("residents from a registry and shelters from a GIS layer evacuate like any other") {
  TempDir dir;
  const std::string file = registry_town(dir,
                                         "id,name,phone,lon,lat,age,mobility,lives_alone,household\n"
                                         "1,Anna Muster,0911 123,11.2802,49.5101,82,walking_aid,yes,h1\n"
                                         "2,Bernd Beispiel,0911 456,11.2812,49.5101,45,walks,no,h2\n"
                                         "3,Carla Beispiel,,11.2812,49.5101,,wheelchair,no,h2\n"
                                         "4,Dora Muster,,11.2850,49.5101,90,bedridden,yes,h3\n"
                                         "5,Emil Test,,11.2840,49.5101,30,,no,\n");
  const auto a = assemble_file(file);
  const ss::Model& m = a.model;
  REQUIRE(m.population.size() == 5);
  REQUIRE(a.registry_report);
  CHECK(a.registry_report->defaulted_age == 1);
  CHECK(a.registry_report->defaulted_mobility == 1);
  // Personal columns are listed as ignored, never read.
  const auto& ignored = a.registry_report->ignored_fields;
  CHECK(std::find(ignored.begin(), ignored.end(), "name") != ignored.end());
  CHECK(std::find(ignored.begin(), ignored.end(), "phone") != ignored.end());
  CHECK(m.population.mobility[3] == ss::Mobility::Bedridden);
  CHECK(m.population.household[1] == m.population.household[2]);  // same household id "h2"
  REQUIRE(m.world.shelters.size() == 2);
  CHECK(a.shelters.from_layer == 2);
  CHECK(m.world.shelters[0].capacity == 30);

  ss::Simulation sim(m, 1);
  sim.run_to_end();
  const auto& s = sim.state();
  CHECK(s.status[0] == ss::Status::Sheltered);
  CHECK(s.status[3] == ss::Status::WaitingForHelp);  // bedridden: needs a team
  CHECK(s.occupancy[0] + s.occupancy[1] == 4);
}

TEST_CASE("a scenario whose registry has a row outside the map fails naming the row's line") {
  TempDir dir;
  const std::string file = registry_town(dir,
                                         "lon,lat,age\n"
                                         "11.2802,49.5101,40\n"
                                         "12.5000,49.5101,40\n");
  try {
    (void)assemble_file(file);
    FAIL("expected an InputError");
  } catch (const ss::InputError& e) {
    INFO(e.what());
    CHECK_THAT(std::string(e.what()), Catch::Contains("residents.csv") && Catch::Contains("line 3"));
  }
}

TEST_CASE("a registry row off the map by a cut-off street piece is told so, with where the piece is") {
  TempDir dir;
  const std::string file = registry_town(dir,
                                         "lon,lat,age\n"
                                         "11.2802,49.5101,40\n"
                                         "11.2905,49.5101,40\n"    // by the cut-off lane
                                         "11.3500,49.5101,40\n");  // by nothing
  // The town's streets and, 300 m east, a lane joined to none of them: the map keeps
  // the town's network and drops the lane.
  dir.write("streets.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"highway":"residential","name":"Main"},
 "geometry":{"type":"LineString","coordinates":[[11.2800,49.5100],[11.2830,49.5100],[11.2860,49.5100]]}},
{"type":"Feature","properties":{"highway":"footway"},
 "geometry":{"type":"LineString","coordinates":[[11.2830,49.5100],[11.2830,49.5120]]}},
{"type":"Feature","properties":{"highway":"track"},
 "geometry":{"type":"LineString","coordinates":[[11.2890,49.5100],[11.2910,49.5100]]}}]})");
  try {
    (void)assemble_file(file);
    FAIL("expected an InputError");
  } catch (const ss::InputError& e) {
    const std::string m = e.what();
    INFO(m);
    CHECK(e.line() == 3);
    CHECK_THAT(m, Catch::Contains("2 problems in 2 rows of 3"));
    CHECK_THAT(m,
               Catch::Contains("row 2 (line 3), lon/lat: x/y outside the map: it sits by a street piece cut "
                               "off from the main network (around lon 11.29000, lat 49.51000)"));
    CHECK_THAT(m, Catch::Contains("row 3 (line 4), lon/lat: x/y outside the map;") ||
                      Catch::EndsWith("row 3 (line 4), lon/lat: x/y outside the map"));
  }
}
