// The `fire:` section end to end on a small town: what it reads, what a run does with
// it (ignition, spread to the neighbour, residents warned and leaving, outputs), and
// each kind of bad fire input named by file, line and field.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "engine/core/simulation.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"
#include "maps/hazard_layers.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::scenarios::assemble_file;
using ss::scenarios::load_scenario;
using ss::testing::TempDir;

namespace {

// Three houses on the north side of Main street: A and B 4 m apart, C 40 m east of
// B (beyond the 16 m firebreak gap). Map ids 1, 2, 3.
const char* kHouses = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"osm_way_id":"1","building":"house"},"geometry":{"type":"Polygon","coordinates":[[[11.28050,49.51020],[11.28064,49.51020],[11.28064,49.51032],[11.28050,49.51032],[11.28050,49.51020]]]}},
{"type":"Feature","properties":{"osm_way_id":"2","building":"house"},"geometry":{"type":"Polygon","coordinates":[[[11.28070,49.51020],[11.28084,49.51020],[11.28084,49.51032],[11.28070,49.51032],[11.28070,49.51020]]]}},
{"type":"Feature","properties":{"osm_way_id":"3","building":"house"},"geometry":{"type":"Polygon","coordinates":[[[11.28140,49.51020],[11.28154,49.51020],[11.28154,49.51032],[11.28140,49.51032],[11.28140,49.51020]]]}}]})";

// The small town with three houses and `fire` as the fire block from line 8.
std::string town(const TempDir& dir, const std::string& fire) {
  const std::string path = ss::testing::small_town(dir, "fire:\n" + fire);
  dir.write("buildings.geojson", kHouses);
  return path;
}

const std::string kWest = "  wind: {speed: 8, from: 270}\n";

}  // namespace

TEST_CASE("a fire block reads ignitions, a wind series, class rules and smoke settings") {
  TempDir dir;
  const auto d = load_scenario(town(dir,
                                    "  ignitions:\n"
                                    "    - {building: 1, time: 2 min}\n"
                                    "    - {at: {lon: 11.2814, lat: 49.5102}, time: 1 h}\n"
                                    "  wind:\n"
                                    "    - {time: 0, speed: 8, from: 270}\n"
                                    "    - {time: 30 min, speed: 3, from: 180}\n"
                                    "  max_gap: 12 m\n"
                                    "  materials: {wood: timber}\n"
                                    "  kinds: {house: {construction: timber, use: dwelling}}\n"
                                    "  smoke: {cell: 10 m, stability: F, min_visibility: 8 m}\n"
                                    "  zone: {radius: 200 m}\n"));
  REQUIRE(d.fire);
  CHECK(d.fire->ignitions.size() == 2);
  CHECK(d.fire->ignitions[0].building == 1);
  CHECK(d.fire->ignitions[1].time == 3600.0);
  CHECK(d.fire->wind.time == std::vector<double>{0.0, 1800.0});
  CHECK(d.fire->wind.from_deg[1] == 180.0);
  CHECK(d.fire->params.max_gap == 12.0);
  CHECK(d.fire->smoke.stability == 5);
  CHECK(d.fire->smoke.min_visibility == 8.0);
  CHECK(d.fire->kinds.at("house").construction == "timber");
}

TEST_CASE("a fire spreads to the house next door but not across the gap, and warns the people inside") {
  TempDir dir;
  const auto a = assemble_file(town(dir, "  ignitions: [{building: 1}]\n" + kWest));
  const ss::FireHazard* fire = ss::find_fire(a.model);
  REQUIRE(fire);
  ss::Simulation sim(a.model, 1);
  sim.run_to_end();
  const ss::FireRun* run = ss::find_fire_run(a.model, sim.state());
  REQUIRE(run);
  CHECK(run->spread.ignited[0] == 0.0f);
  // B is 4 m downwind of A: Hamada's downwind time for a ≈ 15 m, d = 4 m, V = 8 m/s.
  REQUIRE_FALSE(std::isnan(run->spread.ignited[1]));
  const double a_side = fire->desc().buildings[0].side;
  const double expected = 60.0 * ss::hamada_minutes(a_side, 4.0, 8.0, 0.5, ss::SpreadDirection::Downwind);
  CHECK(run->spread.ignited[1] == Approx(expected).epsilon(0.08));  // the map gap is ≈ 4.3 m
  CHECK(std::isnan(run->spread.ignited[2]));                        // 40 m away: beyond max_gap
  // Everyone who lived in A was warned when it caught fire, and left at once.
  std::size_t in_a = 0;
  for (std::size_t r = 0; r < a.model.population.size(); ++r) {
    if (fire->home_building()[r] != 0) continue;
    ++in_a;
    CHECK(sim.state().warned_time[r] <= 1.0f);
    CHECK(run->home_ignited[r] == 0.0f);
  }
  CHECK(in_a > 0);
}

TEST_CASE("a live fire started through the intervention entry point is journaled and burns") {
  TempDir dir;
  const auto a = assemble_file(town(dir, "  ignitions: [{building: 1, time: 2 h}]\n" + kWest));
  ss::Simulation sim(a.model, 1);
  sim.run_until(60.0);
  CHECK(sim.apply({ss::Intervention::Kind::StartFire, 2, "a new fire here", 0.0}));
  CHECK_FALSE(sim.apply({ss::Intervention::Kind::StartFire, 99, "no such building", 0.0}));
  sim.run_until(120.0);
  const ss::FireRun* run = ss::find_fire_run(a.model, sim.state());
  REQUIRE(run);
  CHECK(run->spread.ignited[2] == Approx(60.0));
  CHECK(sim.state().records.journal.size() == 1);
  CHECK(std::isnan(run->spread.ignited[0]));  // the scheduled one is not due yet
}

TEST_CASE("a fire run writes its buildings, visibility and first-smoke layers") {
  TempDir dir;
  const auto a =
      assemble_file(town(dir, "  ignitions: [{building: 1}]\n" + kWest + "  smoke: {cell: 10 m}\n"));
  ss::Simulation sim(a.model, 1);
  sim.run_to_end();
  const auto files = ss::maps::write_hazard_layers(dir.path() + "/out", a.model, sim.state());
  CHECK(files.size() == 3);
  for (const char* f :
       {"/out/fire/buildings.gpkg", "/out/fire/min_visibility.tif", "/out/fire/first_smoke.tif"})
    CHECK(std::filesystem::file_size(dir.path() + f) > 0);
}

TEST_CASE("bad fire input is an error naming the file, line and field") {
  TempDir dir;
  SECTION("an ignition point outside the map") {
    const std::string p = town(dir, "  ignitions: [{at: {lon: 12.5, lat: 49.5}}]\n" + kWest);
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 9, "fire.ignitions[0].at", "outside the map");
  }
  SECTION("an ignition point in no building") {
    const std::string p = town(dir, "  ignitions: [{at: {lon: 11.2830, lat: 49.5110}}]\n" + kWest);
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 9, "fire.ignitions[0].at", "no building");
  }
  SECTION("a building id not on the map") {
    const std::string p = town(dir, "  ignitions: [{building: 77}]\n" + kWest);
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 9, "fire.ignitions[0].building", "no building with id 77");
  }
  SECTION("a negative wind speed") {
    const std::string p = town(dir, "  ignitions: [{building: 1}]\n  wind: {speed: -3, from: 270}\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 10, "fire.wind.speed", "negative");
  }
  SECTION("a wind direction outside 0 to 360 degrees") {
    const std::string p = town(dir, "  ignitions: [{building: 1}]\n  wind: {speed: 3, from: 400}\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 10, "fire.wind.from", "0 to 360");
  }
  SECTION("a wind series out of order") {
    const std::string p = town(dir,
                               "  ignitions: [{building: 1}]\n"
                               "  wind:\n"
                               "    - {time: 0, speed: 3, from: 270}\n"
                               "    - {time: 1 h, speed: 3, from: 270}\n"
                               "    - {time: 30 min, speed: 3, from: 270}\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 13, "fire.wind[2].time", "increase");
  }
  SECTION("a material table naming an unknown class") {
    const std::string p =
        town(dir, "  ignitions: [{building: 1}]\n" + kWest + "  materials: {wood: timbre}\n");
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 11, "fire.materials.wood", "unknown construction 'timbre'");
  }
  SECTION("a map without buildings") {
    dir.write("streets.geojson", ss::testing::kStreetsGeoJson);
    dir.write("residents.csv", "lon,lat,age\n11.2810,49.5101,40\n11.2840,49.5101,70\n");
    const std::string p =
        dir.write("bare.yaml",
                  "name: bare\n"                                                         // 1
                  "map: {streets: streets.geojson}\n"                                    // 2
                  "population: {registry: {file: residents.csv}}\n"                      // 3
                  "shelters:\n"                                                          // 4
                  "  list: [{name: Hall, lon: 11.2830, lat: 49.5121, capacity: 100}]\n"  // 5
                  "fire:\n"                                                              // 6
                  "  ignitions: [{building: 1}]\n"                                       // 7
                  "  wind: {speed: 8, from: 270}\n");                                    // 8
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 7, "fire", "no buildings");
  }
  SECTION("a smoke grid too large, refused before allocating") {
    const std::string p =
        town(dir, "  ignitions: [{building: 1}]\n" + kWest + "  smoke: {cell: 2 m, max_cells: 1000}\n");
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 11, "fire.smoke.cell", "cells");
  }
  SECTION("a fire without ignitions") {
    const std::string p = town(dir, kWest);
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 9, "fire", "at least one ignition");
  }
}
