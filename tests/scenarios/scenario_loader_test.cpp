// The scenario file is the one boundary where input is validated: each kind of bad
// input must name the file, the line and the field.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "scenarios/loader/scenario_loader.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::scenarios::load_scenario;
using ss::testing::TempDir;

namespace {

// Line numbers below refer to this text (line 1 is "name: test").
std::string base_yaml(const std::string& run_dt = "1", const std::string& capacity = "200") {
  return "name: test\n"                                                     // 1
         "map:\n"                                                           // 2
         "  streets: streets.geojson\n"                                     // 3
         "population:\n"                                                    // 4
         "  synthesize:\n"                                                  // 5
         "    total: 100\n"                                                 // 6
         "shelters:\n"                                                      // 7
         "  list:\n"                                                        // 8
         "    - {name: School, lon: 11.283, lat: 49.511, capacity: 300}\n"  // 9
         "    - {name: Hall, lon: 11.284, lat: 49.511, capacity: " +
         capacity +
         "}\n"     // 10
         "run:\n"  // 11
         "  dt: " +
         run_dt +
         "\n"                  // 12
         "  duration: 1 h\n";  // 13
}

std::string write_scenario(const TempDir& dir, const std::string& yaml) {
  dir.write("streets.geojson", ss::testing::kStreetsGeoJson);
  return dir.write("scenario.yaml", yaml);
}

}  // namespace

TEST_CASE("a valid scenario loads with defaults filled in and paths resolved against its folder") {
  TempDir dir;
  const std::string file = write_scenario(dir, base_yaml());
  const auto d = load_scenario(file);
  CHECK(d.name == "test");
  CHECK(d.map.streets == dir.path() + "/streets.geojson");
  CHECK(d.run.dt == 1.0);
  CHECK(d.run.duration == 3600.0);
  CHECK(d.run.seed == 1);  // engine default
  REQUIRE(d.shelters.list.size() == 2);
  CHECK(d.shelters.list[1].capacity == 200);
  CHECK(d.shelters.max_snap_distance == 300.0);
  REQUIRE(d.population.synthesize);
  CHECK(d.population.synthesize->total == 100);
  CHECK(d.population.synthesize->shares.aged_60_plus == Approx(0.198));
  CHECK(d.origins.line("shelters.list[1].capacity") == 10);
}

TEST_CASE("durations accept seconds or text with a unit") {
  TempDir dir;
  for (const auto& [text, seconds] : std::vector<std::pair<std::string, double>>{
           {"45", 45.0}, {"\"90 s\"", 90.0}, {"30 min", 1800.0}, {"0.5 h", 1800.0}, {"2 minutes", 120.0}}) {
    const std::string yaml = base_yaml() + "plan:\n  warning_time: " + text + "\n";
    INFO(text);
    CHECK(load_scenario(write_scenario(dir, yaml)).plan.warning_time == Approx(seconds));
  }
}

TEST_CASE("each kind of bad input names file, line and field") {
  TempDir dir;
  std::string file;
  auto load = [&](const std::string& yaml) {
    file = write_scenario(dir, yaml);
    return load_scenario(file);
  };

  SECTION("a typo in a key is rejected with the closest known key") {
    std::string y = base_yaml();
    y.replace(y.find("duration"), 8, "duraton");
    REQUIRE_INPUT_ERROR(load(y), file, 13, "run.duraton", "did you mean 'duration'");
  }
  SECTION("an unknown top-level section") {
    REQUIRE_INPUT_ERROR(load(base_yaml() + "shelter:\n  list: []\n"), file, 14, "shelter",
                        "did you mean 'shelters'");
  }
  SECTION("a wrong type") {
    REQUIRE_INPUT_ERROR(load(base_yaml("fast")), file, 12, "run.dt", "expected a duration");
  }
  SECTION("a time step of zero or below") {
    REQUIRE_INPUT_ERROR(load(base_yaml("0")), file, 12, "run.dt", "greater than 0");
    REQUIRE_INPUT_ERROR(load(base_yaml("-1 s")), file, 12, "run.dt", "greater than 0");
  }
  SECTION("an absurd duration") {
    std::string y = base_yaml();
    y.replace(y.find("1 h"), 3, "30 d");
    REQUIRE_INPUT_ERROR(load(y), file, 13, "run.duration", "7 days");
  }
  SECTION("zero and negative capacities") {
    REQUIRE_INPUT_ERROR(load(base_yaml("1", "0")), file, 10, "shelters.list[1].capacity", "positive");
    REQUIRE_INPUT_ERROR(load(base_yaml("1", "-5")), file, 10, "shelters.list[1].capacity", "positive");
  }
  SECTION("a share outside [0, 1]") {
    std::string y = base_yaml();
    y.insert(y.find("shelters:"), "    shares: {aged_60_plus: 1.5}\n");
    REQUIRE_INPUT_ERROR(load(y), file, 7, "population.synthesize.shares.aged_60_plus", "between 0 and 1");
  }
  SECTION("NaN and infinite numbers") {
    std::string y = base_yaml();
    y.replace(y.find("lon: 11.283"), 11, "lon: .nan");
    REQUIRE_INPUT_ERROR(load(y), file, 9, "shelters.list[0].lon", "finite");
    REQUIRE_INPUT_ERROR(load(base_yaml(".inf")), file, 12, "run.dt", "finite");
  }
  SECTION("a missing required field") {
    std::string y = base_yaml();
    y.erase(y.find("  streets: streets.geojson\n"), 27);
    y.insert(y.find("population:"), "  terrain_cell: 30\n");
    REQUIRE_INPUT_ERROR(load(y), file, 3, "map.streets", "missing required field 'streets'");
    std::string z = base_yaml();
    z.erase(z.find(", capacity: 300"), 15);
    REQUIRE_INPUT_ERROR(load(z), file, 9, "shelters.list[0].capacity", "missing required field 'capacity'");
  }
  SECTION("a referenced file that does not exist") {
    std::string y = base_yaml();
    y.replace(y.find("streets.geojson"), 15, "nowhere.geojson");
    REQUIRE_INPUT_ERROR(load(y), file, 3, "map.streets", "file not found");
  }
  SECTION("a YAML syntax error") {
    std::string y = base_yaml() + "plan: {warning_time: 5 min\n";
    REQUIRE_INPUT_ERROR(load(y), file, 15, "", "YAML syntax error");
  }
  SECTION("a duplicate shelter name") {
    std::string y = base_yaml();
    y.replace(y.find("name: Hall"), 10, "name: School");
    REQUIRE_INPUT_ERROR(load(y), file, 10, "shelters.list[1].name", "duplicate shelter name");
  }
}

TEST_CASE("a missing scenario file is an input error naming it") {
  REQUIRE_INPUT_ERROR(load_scenario("/nonexistent/scenario.yaml"), "/nonexistent/scenario.yaml", 0, "",
                      "scenario file not found");
}

TEST_CASE("a variant's patch is deep-merged onto the base before parsing") {
  TempDir dir;
  const std::string yaml = base_yaml() +
                           "plan:\n"                                                               // 14
                           "  warning_time: 5 min\n"                                               // 15
                           "variants:\n"                                                           // 16
                           "  late:\n"                                                             // 17
                           "    description: later warning\n"                                      // 18
                           "    patch:\n"                                                          // 19
                           "      plan: {warning_time: 20 min}\n"                                  // 20
                           "      run: {duration: 2 h}\n"                                          // 21
                           "  one_shelter:\n"                                                      // 22
                           "    patch:\n"                                                          // 23
                           "      shelters:\n"                                                     // 24
                           "        list: [{name: Gym, lon: 11.283, lat: 49.51, capacity: 50}]\n"  // 25
                           "  broken:\n"                                                           // 26
                           "    patch:\n"                                                          // 27
                           "      run: {dt: 0}\n";                                                 // 28
  const std::string file = write_scenario(dir, yaml);

  const auto base = load_scenario(file);
  CHECK(base.plan.warning_time == 300.0);
  CHECK(base.variants.size() == 3);

  const auto late = load_scenario(file, "late");
  CHECK(late.variant == "late");
  CHECK(late.plan.warning_time == 1200.0);
  CHECK(late.run.duration == 7200.0);
  CHECK(late.run.dt == 1.0);  // maps merge: untouched keys stay
  CHECK(late.shelters.list.size() == 2);

  const auto one = load_scenario(file, "one_shelter");
  REQUIRE(one.shelters.list.size() == 1);  // sequences replace
  CHECK(one.shelters.list[0].name == "Gym");

  REQUIRE_INPUT_ERROR(load_scenario(file, "broken"), file, 28, "run.dt", "variant 'broken'");
  REQUIRE_INPUT_ERROR(load_scenario(file, "lat"), file, 17, "variants",
                      "available: late, one_shelter, broken");
}

TEST_CASE("a null in a patch removes the key") {
  TempDir dir;
  const std::string yaml =
      base_yaml() + "zones: {grid: 500 m}\nvariants:\n  no_zones: {patch: {zones: null}}\n";
  const std::string file = write_scenario(dir, yaml);
  CHECK(load_scenario(file).zones.grid_cell == 500.0);
  CHECK(load_scenario(file, "no_zones").zones.grid_cell == 0.0);
}

TEST_CASE("the bundled Lauf scenario and its variants load") {
  const std::string file = std::string(SAFESTREET_SOURCE_DIR) + "/scenarios/lauf.yaml";
  const auto d = load_scenario(file);
  CHECK(d.run.dt == 1.0);
  CHECK(d.run.duration == 3.0 * 3600.0);
  REQUIRE(d.population.synthesize);
  CHECK(d.population.synthesize->total == 25000);
  CHECK(d.variants.size() >= 2);
  for (const auto& v : d.variants) CHECK_NOTHROW(load_scenario(file, v.name));
  CHECK(load_scenario(file, "late_warning").plan.warning_time == d.plan.warning_time + 15 * 60);
}
