#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "engine/core/input_error.hpp"
#include "maps/maps_test_support.hpp"
#include "maps/registry_import.hpp"

using namespace ss;
using namespace ss::maps;

namespace {
// A map extent around 11.28 E / 49.51 N, about 700 m × 1100 m.
struct Area {
  Projector projector = Projector::utm_for({11.28, 49.51});
  Box bounds;
  Area() {
    bounds.extend(projector.to_local({11.275, 49.505}));
    bounds.extend(projector.to_local({11.285, 49.515}));
  }
};

const char* kRegistry =
    "id,name,phone,lon,lat,age,mobility,lives_alone,household\n"
    "1,Anna,0911 123,11.2805,49.5100,82,wheelchair,yes,H1\n"
    "2,Bob,0911 456,11.2810,49.5105,,walks,no,H1\n"
    "3,\"Carl, Jr.\",0911 789,11.2812,49.5102,,rollator,,H2\n"
    "\n"
    "4,Dora,000,11.2815,49.5108,35,,no,\n"
    "5,Emil,,11.2816,49.5109,90,Bedridden,1,H3\n";

// The error a registry that must be refused gives; the test fails if it loads.
InputError refusal(const RegistrySource& src, const Area& area) {
  try {
    (void)load_registry(src, area.projector, area.bounds);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("the registry " << src.path << " loaded");
  throw std::logic_error("unreachable: FAIL ends the test");
}
}  // namespace

TEST_CASE("a CSV registry yields residents, counting every defaulted value") {
  const Area area;
  const auto dir = test::fixture_dir("registry");
  RegistrySource src;
  src.path = test::write_file(dir / "registry.csv", kRegistry);
  const RegistryImport imp = load_registry(src, area.projector, area.bounds);
  const Population& p = imp.population;
  const RegistryReport& r = imp.report;
  REQUIRE(p.size() == 5);
  CHECK(r.rows == 5);
  CHECK(r.skipped_blank_rows == 0);  // the blank line is not a row at all
  CHECK(p.age[0] == 82);
  CHECK(p.mobility[0] == Mobility::Wheelchair);
  CHECK(p.lives_alone[0] == 1);
  CHECK(p.household[0] == p.household[1]);  // both in H1
  CHECK(p.household[2] != p.household[0]);
  CHECK(p.household[3] != p.household[2]);       // no household: one of its own
  CHECK(p.mobility[2] == Mobility::WalkingAid);  // "rollator"
  CHECK(p.mobility[4] == Mobility::Bedridden);
  CHECK(p.needs_assistance[4] == 1);  // bedridden people need a team by default
  CHECK(p.needs_assistance[0] == 0);
  CHECK(p.age[1] == 40);  // defaults
  CHECK(p.mobility[3] == Mobility::Walks);
  CHECK(r.defaulted_age == 2);
  CHECK(r.defaulted_mobility == 1);
  CHECK(r.defaulted_lives_alone == 1);
  CHECK(r.defaulted_household == 1);
  CHECK(r.defaulted_needs_assistance == 5);  // no such column
  CHECK(distance(p.home[0], area.projector.to_local({11.2805, 49.5100})) < 1e-6);
}

TEST_CASE("a registry cell that is there but cannot be read is an error listing every such cell") {
  const Area area;
  const auto dir = test::fixture_dir("registry_bad_cells");
  RegistrySource src;
  src.path = test::write_file(dir / "registry.csv",
                              "id,lon,lat,age,mobility,lives_alone\n"
                              "1,11.2805,49.5100,-5,walks,no\n"
                              "2,11.2810,49.5105,250,walks,no\n"
                              "3,11.2812,49.5102,abc,flying,maybe\n"
                              "1,11.2815,49.5108,35,walks,no\n");
  try {
    (void)load_registry(src, area.projector, area.bounds);
    FAIL("a registry with ages of -5 and 250, mobility 'flying' and a person listed twice loaded");
  } catch (const InputError& e) {
    const std::string m = e.what();
    INFO(m);
    CHECK(e.line() == 2);  // the first bad cell's line
    CHECK_THAT(m, Catch::Contains("6 problems in 4 rows of 4: "));
    CHECK_THAT(m, Catch::Contains("row 1 (line 2), age: '-5' is not an age"));
    CHECK_THAT(m, Catch::Contains("row 2 (line 3), age: '250'"));
    CHECK_THAT(m, Catch::Contains("row 3 (line 4), mobility: 'flying' is not a mobility"));
    CHECK_THAT(m, Catch::Contains("lives_alone: 'maybe' is not yes/no"));
    CHECK_THAT(m, Catch::Contains("row 4 (line 5), id: the same id as row 1 (line 2)"));
  }
}

TEST_CASE("a large registry with dozens of bad rows lists every kind of problem with the total") {
  const Area area;
  const auto dir = test::fixture_dir("registry_many_bad");
  // 40,000 rows as a planner's office exports them; 36 of them are bad in four ways.
  std::string csv = "id,lon,lat,age,mobility\n";
  std::size_t bad = 0;
  for (int i = 1; i <= 40000; ++i) {
    std::string lon = "11.2805", lat = "49.5100", age = "50", mobility = "walks";
    if (i % 4000 == 7)
      lon = "", ++bad;  // 10 rows without a longitude
    else if (i % 4000 == 9)
      lon = "13.40", ++bad;  // 10 rows in Berlin
    else if (i % 4000 == 11)
      age = "250", ++bad;  // 10 impossible ages
    else if (i % 8000 == 13)
      mobility = "flying", ++bad;  // 5 unknown mobilities
    csv += std::to_string(i) + "," + lon + "," + lat + "," + age + "," + mobility + "\n";
  }
  csv += "5,11.2805,49.5100,50,walks\n";  // and a person listed twice
  ++bad;
  REQUIRE(bad == 36);
  RegistrySource src;
  src.path = test::write_file(dir / "registry.csv", csv);
  const InputError e = refusal(src, area);
  const std::string m = e.what();
  INFO(m.substr(0, 3000));
  CHECK(e.file() == src.path);
  CHECK(e.line() == 8);  // row 7, the first bad one
  CHECK(e.field() == "lon/lat");
  CHECK_THAT(m, Catch::Contains("36 problems in 36 rows of 40001: "));
  CHECK_THAT(m, Catch::Contains("row 7 (line 8), lon/lat: missing or non-numeric coordinates"));
  CHECK_THAT(m, Catch::Contains("row 9 (line 10), lon/lat: x/y outside the map"));
  CHECK_THAT(m, Catch::Contains("row 11 (line 12), age: '250' is not an age"));
  CHECK_THAT(m, Catch::Contains("row 13 (line 14), mobility: 'flying' is not a mobility"));
  // The first 20 are listed, the rest counted.
  CHECK_THAT(m, Catch::EndsWith("; and 16 more"));
  std::size_t listed = 0;
  for (std::size_t at = m.find("row "); at != std::string::npos; at = m.find("; row ", at + 1)) ++listed;
  CHECK(listed == 20);
}

TEST_CASE("a registry with some rows in projected coordinates lists those rows") {
  const Area area;
  const auto dir = test::fixture_dir("registry_some_projected");
  RegistrySource src;
  src.path = test::write_file(dir / "registry.csv",
                              "lon,lat\n11.2805,49.5100\n655000,5486000\n11.2810,49.5105\n655010,5486010\n");
  const InputError e = refusal(src, area);
  const std::string m = e.what();
  INFO(m);
  CHECK(e.line() == 3);
  CHECK_THAT(m, Catch::Contains("2 problems in 2 rows of 4: "));
  CHECK_THAT(m, Catch::Contains("row 2 (line 3), lon/lat: not longitude/latitude degrees"));
  CHECK_THAT(m, Catch::Contains("row 4 (line 5), lon/lat: not longitude/latitude degrees"));
}

TEST_CASE("personal columns of a registry are listed as ignored and never read") {
  const Area area;
  const auto dir = test::fixture_dir("registry_personal");
  RegistrySource src;
  src.path = test::write_file(dir / "registry.csv", kRegistry);
  const RegistryImport imp = load_registry(src, area.projector, area.bounds);
  const auto& ignored = imp.report.ignored_fields;
  CHECK(ignored == std::vector<std::string>{"id", "name", "phone"});
}

TEST_CASE("a registry row outside the map is an input error naming its line") {
  const Area area;
  const auto dir = test::fixture_dir("registry_outside");
  RegistrySource src;
  src.path = test::write_file(dir / "registry.csv",
                              "lon;lat;age\n11.2805;49.5100;30\n11.2805;49.5100;31\n13.40;52.52;50\n");
  try {
    (void)load_registry(src, area.projector, area.bounds);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == src.path);
    CHECK(e.line() == 4);
    CHECK(e.field() == "lon/lat");
    CHECK_THAT(e.message(), Catch::Contains("row 3 (line 4)") && Catch::Contains("outside the map"));
  }
}

TEST_CASE("a registry row without numeric coordinates is an input error") {
  const Area area;
  const auto dir = test::fixture_dir("registry_nan");
  RegistrySource src;
  src.path = test::write_file(dir / "registry.csv", "x,y\n11.2805,49.51\n11.2805,\n");
  CHECK_THROWS_WITH(load_registry(src, area.projector, area.bounds), Catch::Contains("line 3"));
  src.path = test::write_file(dir / "registry_nan.csv", "x,y\nnan,49.51\n");
  CHECK_THROWS_AS(load_registry(src, area.projector, area.bounds), InputError);
}

TEST_CASE("projected registry coordinates need their CRS named") {
  const Area area;
  const auto dir = test::fixture_dir("registry_utm");
  const Vec2 home = area.projector.to_local({11.2805, 49.5100});
  RegistrySource src;
  src.path = test::write_file(dir / "registry.csv", "easting,northing\n" + std::to_string(home.x) + "," +
                                                        std::to_string(home.y) + "\n");
  CHECK_THROWS_WITH(load_registry(src, area.projector, area.bounds), Catch::Contains("name their CRS"));
  src.crs = "EPSG:32632";
  const RegistryImport imp = load_registry(src, area.projector, area.bounds);
  REQUIRE(imp.population.size() == 1);
  CHECK(distance(imp.population.home[0], home) < 0.01);
}

TEST_CASE("a missing registry file names the scenario line") {
  const Area area;
  RegistrySource src;
  src.path = "/nonexistent/registry.csv";
  src.origin_file = "drill.yaml";
  src.origin_line = 12;
  try {
    (void)load_registry(src, area.projector, area.bounds);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == "drill.yaml");
    CHECK(e.line() == 12);
    CHECK_THAT(e.message(), Catch::Contains("/nonexistent/registry.csv"));
  }
}

TEST_CASE("registry mobility words map onto the four mobility classes") {
  CHECK(mobility_from_registry("Walking aid") == Mobility::WalkingAid);
  CHECK(mobility_from_registry("walker") == Mobility::WalkingAid);
  CHECK(mobility_from_registry("WHEELCHAIR") == Mobility::Wheelchair);
  CHECK(mobility_from_registry("walks") == Mobility::Walks);
  CHECK_FALSE(mobility_from_registry("flying"));
  CHECK_FALSE(mobility_from_registry(""));
}
