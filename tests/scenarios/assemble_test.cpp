// Assembly of an engine Model from a scenario: shelters on the network, zones,
// population, plan references resolved by name, and clear errors otherwise.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::scenarios::assemble_file;
using ss::testing::TempDir;

namespace {

// Three houses north of Main street (≈ lat 49.5100), 15 m × 15 m.
const char* kBuildings = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"building":"house"},"geometry":{"type":"Polygon","coordinates":[[[11.2805,49.5102],[11.2807,49.5102],[11.2807,49.51035],[11.2805,49.51035],[11.2805,49.5102]]]}},
{"type":"Feature","properties":{"building":"yes"},"geometry":{"type":"Polygon","coordinates":[[[11.2835,49.5102],[11.2837,49.5102],[11.2837,49.51035],[11.2835,49.51035],[11.2835,49.5102]]]}},
{"type":"Feature","properties":{"building":"garage"},"geometry":{"type":"Polygon","coordinates":[[[11.2845,49.5102],[11.2847,49.5102],[11.2847,49.51035],[11.2845,49.51035],[11.2845,49.5102]]]}}]})";

// Line numbers refer to this text.
std::string small_town(const std::string& shelter_lat = "49.5121", const std::string& plan = "") {
  return "name: small town\n"                                               // 1
         "map: {streets: streets.geojson, buildings: buildings.geojson}\n"  // 2
         "population: {synthesize: {total: 40, seed: 3}}\n"                 // 3
         "shelters:\n"                                                      // 4
         "  list:\n"                                                        // 5
         "    - {name: Hall, lon: 11.2830, lat: " +
         shelter_lat +
         ", capacity: 100}\n"                                             // 6
         "    - {name: Gym, lon: 11.2860, lat: 49.5101, capacity: 10}\n"  // 7
         "zones: {grid: 200 m}\n"                                         // 8
         "run: {dt: 1, duration: 30 min}\n"                               // 9
         + plan;
}

std::string write_town(const TempDir& dir, const std::string& yaml) {
  dir.write("streets.geojson", ss::testing::kStreetsGeoJson);
  dir.write("buildings.geojson", kBuildings);
  return dir.write("town.yaml", yaml);
}

}  // namespace

TEST_CASE("a small town assembles into a finalized model") {
  TempDir dir;
  const std::string file = write_town(dir, small_town());
  const auto a = assemble_file(file);
  const ss::Model& m = a.model;
  REQUIRE(m.world.shelters.size() == 2);
  CHECK(m.world.shelters[0].name == "Hall");
  CHECK(m.world.shelters[0].node.valid());
  CHECK(a.shelters.capacity == 110);
  CHECK(a.shelters.from_list == 2);
  CHECK(m.population.size() == 40);
  REQUIRE(a.synthesis_report);
  CHECK(a.synthesis_report->excluded[static_cast<std::size_t>(ss::BuildingExclusion::ExcludedKind)] == 1);
  CHECK(m.world.zones.size() >= 2);
  CHECK(m.world.zones.front().name == "Z-0-0");
  CHECK(m.finalized());
  REQUIRE(a.input_files.size() == 3);  // scenario, streets, buildings
  CHECK(a.checksums[0].rfind("fnv1a64:", 0) == 0);
}

TEST_CASE("zones come from a GIS polygon layer with a name field") {
  TempDir dir;
  dir.write("zones.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"district":"West"},"geometry":{"type":"Polygon","coordinates":[[[11.279,49.509],[11.283,49.509],[11.283,49.513],[11.279,49.513],[11.279,49.509]]]}},
{"type":"Feature","properties":{"district":"East"},"geometry":{"type":"Polygon","coordinates":[[[11.283,49.509],[11.287,49.509],[11.287,49.513],[11.283,49.513],[11.283,49.509]]]}}]})");
  std::string yaml = small_town();
  yaml.replace(yaml.find("zones: {grid: 200 m}"), 20, "zones: {file: zones.geojson, name_field: district}");
  const auto a = assemble_file(write_town(dir, yaml));
  REQUIRE(a.model.world.zones.size() == 2);
  CHECK(a.model.world.zones[0].name == "West");
  CHECK(a.model.world.zone_name(
            a.model.world.zone_of(a.model.world.zones[1].outline[0] + ss::Vec2{10, 10})) == "East");

  yaml.replace(yaml.find("district}"), 9, "distrikt}");
  REQUIRE_INPUT_ERROR(assemble_file(write_town(dir, yaml)), dir.path() + "/zones.geojson", 0,
                      "zones.name_field", "no field 'distrikt'");
}

TEST_CASE("a shelter far from every street is an input error naming it") {
  TempDir dir;
  const std::string file = write_town(dir, small_town("49.5300"));  // ≈2 km north
  REQUIRE_INPUT_ERROR(assemble_file(file), file, 6, "shelters.list[0]", "shelter 'Hall' is more than 300 m");
}

TEST_CASE("the plan refers to shelters, zones and streets that exist") {
  TempDir dir;
  SECTION("closed shelters and closed roads are resolved") {
    const std::string file = write_town(
        dir, small_town("49.5121",
                        "plan:\n  closed_shelters: [Gym]\n  closed_roads: [{lon: 11.2815, lat: 49.5100}]\n"));
    const auto a = assemble_file(file);
    REQUIRE(a.model.plan.closed_shelters.size() == 1);
    CHECK(a.model.plan.closed_shelters[0].index() == 1);
    CHECK(a.model.plan.closed_edges.size() == 1);
  }
  SECTION("an unknown shelter name suggests the closest") {
    const std::string file = write_town(dir, small_town("49.5121", "plan:\n  closed_shelters: [Gim]\n"));
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 11, "plan.closed_shelters[0]", "did you mean 'Gym'");
  }
  SECTION("an unknown zone in a by-zone plan") {
    const std::string file = write_town(
        dir, small_town("49.5121", "plan:\n  assignment: by_zone\n  zone_shelters: {Z-9-9: Hall}\n"));
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 12, "plan.zone_shelters.Z-9-9", "no zone named 'Z-9-9'");
  }
  SECTION("a closure point far from any street") {
    const std::string file =
        write_town(dir, small_town("49.5121", "plan:\n  closed_roads: [{lon: 11.30, lat: 49.53}]\n"));
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 11, "plan.closed_roads[0]", "no walkable street");
  }
}

TEST_CASE("the bundled Lauf scenario assembles with room for everyone") {
  const std::string file = std::string(SAFESTREET_SOURCE_DIR) + "/scenarios/lauf.yaml";
  const auto a = assemble_file(file);
  CHECK(a.model.population.size() == 25000);
  CHECK(a.shelters.capacity > static_cast<std::int64_t>(a.model.population.size()));
  CHECK(a.model.world.shelters.size() > 10);
  CHECK(a.model.world.zones.size() > 1);
  CHECK(a.model.finalized());
  CHECK(a.input_files.size() == 3);
}

TEST_CASE(
    "assembly areas come from the scenario and turn the plan to send people there when shelters are full") {
  TempDir dir;
  std::string yaml = small_town();
  yaml.replace(yaml.find("zones:"), 0,
               "  assembly_areas:\n"                                       // 8
               "    - {name: Sportplatz, lon: 11.2801, lat: 49.5101}\n");  // 9
  SECTION("listed areas default the plan to assembly_area; they hold everyone and are not shelter places") {
    const auto a = assemble_file(write_town(dir, yaml));
    const ss::Model& m = a.model;
    REQUIRE(m.world.shelters.size() == 3);
    const ss::ShelterSite& area = m.world.shelters[2];  // after the shelters: their numbers stay
    CHECK(area.name == "Sportplatz");
    CHECK(area.assembly_area());
    CHECK(area.takes_everyone);
    CHECK(area.capacity == 40);
    CHECK(a.shelters.assembly_areas == 1);
    CHECK(a.shelters.capacity == 110);
    CHECK(m.plan.when_shelters_full == ss::Plan::WhenSheltersFull::AssemblyArea);
  }
  SECTION("the plan may still say wait") {
    const auto a = assemble_file(write_town(dir, yaml + "plan: {when_shelters_full: wait}\n"));
    CHECK(a.model.plan.when_shelters_full == ss::Plan::WhenSheltersFull::Wait);
  }
  SECTION("an unknown choice names the field and the choices") {
    const std::string file = write_town(dir, yaml + "plan: {when_shelters_full: go_home}\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 12, "plan.when_shelters_full",
                        "'wait' or 'assembly_area'");
  }
  SECTION("an assembly area may not share a shelter's name") {
    yaml.replace(yaml.find("Sportplatz"), 10, "Gym");
    const std::string file = write_town(dir, yaml);
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 9, "shelters.assembly_areas[0].name", "duplicate");
  }
  SECTION("without assembly areas the plan cannot send people to one") {
    const std::string file = write_town(dir, small_town() + "plan: {when_shelters_full: assembly_area}\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 10, "plan.when_shelters_full", "no assembly area");
  }
}

TEST_CASE("vertical evacuation names zones and groups that exist, with sane heights") {
  TempDir dir;
  auto plan = [&](const std::string& v) {
    return write_town(dir, small_town("49.5121", "plan: {vertical_evacuation: " + v + "}\n"));  // line 10
  };
  SECTION("an unknown zone suggests the closest") {
    const std::string file = plan("{zones: [Z-0-9]}");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 10, "plan.vertical_evacuation.zones[0]", "did you mean");
  }
  SECTION("an unknown group suggests the closest") {
    const std::string file = plan("{groups: [age_80plus]}");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 10, "plan.vertical_evacuation.groups[0]",
                        "did you mean 'age_80_plus'");
  }
  SECTION("a storey of 30 m is a slip") {
    const std::string file = plan("{storey_height: 30 m}");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 10, "plan.vertical_evacuation.storey_height",
                        "2 m to 10 m");
  }
  SECTION("without a flood there is no water to stay above") {
    const std::string file = plan("{untagged_levels: 2}");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 10, "plan.vertical_evacuation", "water depth");
  }
}

TEST_CASE(
    "the bundled flood's upstairs variant lets residents above the water stay, never wheelchair users") {
  const std::string file = std::string(SAFESTREET_SOURCE_DIR) + "/scenarios/lauf_flood.yaml";
  const auto a = assemble_file(file, "upstairs_allowed");
  const ss::Model& m = a.model;
  REQUIRE(m.upstairs_floor.size() == m.population.size());
  std::size_t eligible = 0;
  for (std::size_t r = 0; r < m.population.size(); ++r) {
    if (std::isnan(m.upstairs_floor[r])) continue;
    ++eligible;
    CHECK(m.population.mobility[r] != ss::Mobility::Wheelchair);
    CHECK(m.population.needs_assistance[r] == 0);
    CHECK(m.upstairs_floor[r] >= 2.8f);
  }
  CHECK(eligible > 500);  // most of the elderly and those with walking aids live above the water
  for (std::size_t r = 0; r < m.population.size(); ++r)
    if (!std::isnan(m.upstairs_floor[r]))
      CHECK((ss::age_band(m.population.age[r]) == ss::AgeBand::Elderly ||
             m.population.mobility[r] == ss::Mobility::WalkingAid));
}
