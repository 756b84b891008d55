// The `flood:` section: values read with units, and each kind of bad flood input
// named by file, line and field.
#include <catch2/catch.hpp>

#include <string>

#include "engine/hazards/flood/flood_hazard.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::scenarios::load_scenario;
using ss::testing::TempDir;

namespace {

// Line numbers below refer to this text; the flood block starts on line 10.
std::string flood_yaml(const std::string& flood) {
  return "name: flood test\n"                                               // 1
         "map:\n"                                                           // 2
         "  streets: streets.geojson\n"                                     // 3
         "population:\n"                                                    // 4
         "  synthesize:\n"                                                  // 5
         "    total: 100\n"                                                 // 6
         "shelters:\n"                                                      // 7
         "  list:\n"                                                        // 8
         "    - {name: School, lon: 11.283, lat: 49.511, capacity: 300}\n"  // 9
         "flood:\n" +
         flood;  // 10
}

std::string write(const TempDir& dir, const std::string& flood) {
  dir.write("streets.geojson", ss::testing::kStreetsGeoJson);
  return dir.write("scenario.yaml", flood_yaml(flood));
}

}  // namespace

TEST_CASE("a flood block reads hydrographs with units, outflow sides and people limits") {
  TempDir dir;
  const auto d =
      load_scenario(write(dir,
                          "  cell: 5 m\n"
                          "  sources:\n"
                          "    - name: breach\n"
                          "      at: {lon: 11.281, lat: 49.510}\n"
                          "      discharge: {unit: l/s, values: [[0, 0], [10 min, 5000]]}\n"
                          "  rain: {unit: mm/h, values: [[0 s, 36]]}\n"
                          "  outflow: [{side: west}, {side: north, slope: 0.01}]\n"
                          "  people: {max_depth: {wheelchair: 0.15}, hazard_classes: [0.5, 1.0, 1.5]}\n"
                          "  snapshots: [10 min, 1 h]\n"));
  REQUIRE(d.flood);
  CHECK(d.flood->cell == 5.0);
  CHECK(d.flood->sources.at(0).discharge.time.back() == 600.0);
  CHECK(d.flood->sources.at(0).discharge.value.back() == Approx(5.0));
  CHECK(d.flood->rain->value.at(0) == Approx(1e-5));
  CHECK(d.flood->outflows.size() == 2);
  CHECK(d.flood->outflows[1].side == ss::GridSide::North);
  CHECK(d.flood->people.max_depth[2] == 0.15);
  CHECK(d.flood->people.max_depth[0] == 0.5);  // default kept
  CHECK(d.flood->people.hr_limits[2] == 1.5);
  CHECK(d.flood->snapshots.size() == 2);
}

TEST_CASE("bad flood input names file, line and field") {
  TempDir dir;
  SECTION("hydrograph times out of order") {
    const std::string p = write(dir,
                                "  sources:\n"                                         // 11
                                "    - at: {lon: 11.281, lat: 49.510}\n"               // 12
                                "      discharge:\n"                                   // 13
                                "        unit: m3/s\n"                                 // 14
                                "        values: [[0, 1], [1 h, 5], [30 min, 2]]\n");  // 15
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 15, "flood.sources[0].discharge.values[2][0]", "increase");
  }
  SECTION("negative flows") {
    const std::string p = write(dir,
                                "  sources:\n"
                                "    - at: {lon: 11.281, lat: 49.510}\n"
                                "      discharge: {unit: m3/s, values: [[0, -3]]}\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 13, "flood.sources[0].discharge.values[0][1]", "negative");
  }
  SECTION("an unknown unit") {
    const std::string p = write(dir,
                                "  sources:\n"
                                "    - at: {lon: 11.281, lat: 49.510}\n"
                                "      discharge: {unit: cfs, values: [[0, 3]]}\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 13, "flood.sources[0].discharge.unit", "m3/s");
  }
  SECTION("no water at all") {
    const std::string p = write(dir, "  cell: 10 m\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 11, "flood", "needs water");
  }
  SECTION("a wrong outflow side") {
    const std::string p = write(dir,
                                "  rain: {unit: mm/h, values: [[0, 10]]}\n"
                                "  outflow: [{side: up}]\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 12, "flood.outflow[0].side", "west");
  }
  SECTION("a negative number of solver threads") {
    const std::string p = write(dir,
                                "  rain: {unit: mm/h, values: [[0, 10]]}\n"  // 11
                                "  solver:\n"                                // 12
                                "    threads: -2\n");                        // 13
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 13, "flood.solver.threads", "0 (automatic)");
  }
}

TEST_CASE("the flood solver's thread settings are read, and 0 threads means automatic") {
  TempDir dir;
  const ss::scenarios::ScenarioDesc d =
      load_scenario(write(dir,
                          "  rain: {unit: mm/h, values: [[0, 10]]}\n"
                          "  solver: {threads: 3, parallel_min_cells: 1000}\n"));
  REQUIRE(d.flood);
  CHECK(d.flood->solver.threads == 3);
  CHECK(d.flood->solver.parallel_min_cells == 1000);
  const ss::scenarios::ScenarioDesc dflt =
      load_scenario(write(dir, "  rain: {unit: mm/h, values: [[0, 10]]}\n"));
  CHECK(dflt.flood->solver.threads == 0);
}

TEST_CASE("assembling a flood: the grid, and sources outside it or without terrain are errors") {
  TempDir dir;
  dir.write("streets.geojson", ss::testing::kStreetsGeoJson);
  dir.write("residents.csv", "lon,lat\n11.2815,49.5101\n11.2845,49.5101\n");
  const std::string dem = SAFESTREET_SOURCE_DIR "/data/N49E011.hgt.zip";
  auto scenario = [&](const std::string& terrain, const std::string& source) {
    return dir.write("s.yaml",
                     "name: t\nmap:\n  streets: streets.geojson\n" + terrain +
                         "population:\n  registry:\n    file: residents.csv\n"
                         "shelters:\n  list:\n    - {name: School, lon: 11.283, lat: 49.511, capacity: 300}\n"
                         "flood:\n  cell: 20 m\n  sources:\n    - at: " +
                         source +
                         "\n"
                         "      discharge: {unit: m3/s, values: [[0, 5]]}\n");
  };
  SECTION("a good flood builds its grid over the streets and links them") {
    const auto a =
        ss::scenarios::assemble_file(scenario("  terrain: " + dem + "\n", "{lon: 11.2815, lat: 49.5100}"));
    const ss::FloodHazard* flood = ss::find_flood(a.model);
    REQUIRE(flood);
    CHECK(flood->desc().grid.nx > 10);
    CHECK(flood->desc().links.edge_offset.size() == a.model.world.streets.edge_count() + 1);
    CHECK(flood->desc().sources.at(0).cells.size() == 1);
  }
  SECTION("a source outside the grid") {
    const std::string p = scenario("  terrain: " + dem + "\n", "{lon: 11.40, lat: 49.60}");
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 14, "flood.sources[0]", "outside the flood grid");
  }
  SECTION("a cell needing more cells than flood.max_cells, said before allocating") {
    const std::string p = dir.write(
        "s.yaml", "name: t\nmap:\n  streets: streets.geojson\n  terrain: " + dem +
                      "\npopulation:\n  registry:\n    file: residents.csv\n"
                      "shelters:\n  list:\n    - {name: School, lon: 11.283, lat: 49.511, capacity: 300}\n"
                      "flood:\n  cell: 1 m\n  max_cells: 1000\n  sources:\n"
                      "    - at: {lon: 11.2815, lat: 49.5100}\n"
                      "      discharge: {unit: m3/s, values: [[0, 5]]}\n");
    REQUIRE_INPUT_ERROR(ss::scenarios::assemble_file(p), p, 12, "flood.cell", "would need about");
  }
  SECTION("no terrain") {
    const std::string p = scenario("", "{lon: 11.2815, lat: 49.5100}");
    CHECK_THROWS_WITH(ss::scenarios::assemble_file(p), Catch::Contains("map.terrain"));
  }
}
