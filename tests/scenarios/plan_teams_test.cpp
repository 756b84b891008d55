// The plan's channels, teams and targets in a scenario file: resolved into the engine
// Plan, and each kind of bad input named by file, line and field.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "scenarios/loader/assemble.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::scenarios::assemble_file;
using ss::testing::TempDir;

namespace {

// Line numbers refer to the small town; the plan starts on line 8.
std::string town(const TempDir& dir, const std::string& plan) {
  return ss::testing::small_town(dir, "plan:\n" + plan);
}

const std::string kTeam = "{name: Squad, kind: subdistrict, members: 4, depot: {lon: 11.2815, lat: 49.5100}";

}  // namespace

TEST_CASE("a plan with channels, teams and targets is resolved into the engine plan") {
  TempDir dir;
  const std::string file =
      town(dir,
           "  warning_time: 2 min\n"
           "  channels: [{name: siren, kind: siren, start: 1 min, reach: 0.6,\n"
           "              reach_factor: {lives_alone: 0.5}, delay: {median: 30 s}}]\n"
           "  word_of_mouth: {rate_per_min: 0.6}\n"
           "  teams: [" +
               kTeam +
               ", count: 3, mode: vehicle, roles: [assist]}]\n"
               "  door_knock: {all: true}\n"
               "  targets: [{kind: response_within, minutes: 15}, {kind: no_shelter_over_capacity}]\n");
  const auto a = assemble_file(file);
  const ss::Plan& p = a.model.plan;
  REQUIRE(p.warning.channels.size() == 1);
  CHECK(p.warning.channels[0].start == Approx(180.0));  // counted from warning_time
  CHECK(p.warning.channels[0].group_factor[ss::GroupIndex::of_alone(true)] == Approx(0.5));
  CHECK(p.warning.word_of_mouth.rate == Approx(0.01));
  REQUIRE(p.response.teams.size() == 3);
  CHECK(p.response.teams[2].name == "Squad 3");
  CHECK(p.response.teams[0].mode == ss::TravelMode::Vehicle);
  CHECK(p.response.teams[0].depot.valid());
  CHECK(p.response.door_knock_zones.size() == a.model.world.zone_count());
  CHECK(p.targets.size() == 2);
  CHECK_FALSE(p.warning.everyone_at_warning_time);
}

TEST_CASE("bad input in the plan names file, line and field") {
  TempDir dir;
  SECTION("an unknown team role") {
    const std::string file = town(dir, "  teams: [" + kTeam + ", roles: [cooking]}]\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 9, "plan.teams[0].roles[0]", "unknown value 'cooking'");
  }
  SECTION("negative members") {
    const std::string file =
        town(dir, "  teams: [{name: Squad, kind: fire, members: -2, depot: {lon: 11.2815, lat: 49.5100}}]\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 9, "plan.teams[0].members", "positive number of people");
  }
  SECTION("a depot off the network") {
    const std::string file =
        town(dir, "  teams: [{name: Squad, kind: fire, members: 2, depot: {lon: 11.30, lat: 49.53}}]\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 9, "plan.teams[0].depot", "off the street network");
  }
  SECTION("a depot by a map feature the map does not have") {
    const std::string file =
        town(dir, "  teams: [{name: Squad, kind: fire, members: 2, depot: {amenity: fire_station}}]\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 9, "plan.teams[0].depot.amenity", "amenity=fire_station");
  }
  SECTION("an unknown zone for door-knocking") {
    const std::string file = town(dir, "  door_knock: {zones: [Z-9-9]}\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 9, "plan.door_knock.zones[0]", "no zone named 'Z-9-9'");
  }
  SECTION("a target with an unknown metric") {
    const std::string file = town(dir, "  targets: [{kind: happiness, minutes: 3}]\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 9, "plan.targets[0].kind", "unknown value 'happiness'");
  }
  SECTION("door-knocking the low-lying zone without a flood") {
    const std::string file = town(dir, "  door_knock: {low_lying: true}\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 9, "plan.door_knock.low_lying", "needs a hazard zone");
  }
  SECTION("a channel aimed at the low-lying zone without a flood") {
    const std::string file = town(dir, "  channels: [{name: siren, kind: siren, low_lying: true}]\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 9, "plan.channels[0].low_lying", "needs a hazard zone");
  }
  SECTION("a loudspeaker without a route") {
    const std::string file = town(dir, "  channels: [{name: car, kind: loudspeaker}]\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 9, "plan.channels[0]", "needs a route");
  }
}

TEST_CASE("a team's depot may be a map node: OSM maps many care services and police posts as one node") {
  TempDir dir;
  // An OSM file as the map: two streets, one house, and the care service's node
  // (amenity=social_facility) standing by the east end of the main street.
  dir.write("town.osm", R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="49.5100" lon="11.2800" version="1"/>
  <node id="2" lat="49.5100" lon="11.2815" version="1"/>
  <node id="3" lat="49.5100" lon="11.2830" version="1"/>
  <node id="4" lat="49.5115" lon="11.2815" version="1"/>
  <node id="10" lat="49.51020" lon="11.28050" version="1"/>
  <node id="11" lat="49.51020" lon="11.28070" version="1"/>
  <node id="12" lat="49.51035" lon="11.28070" version="1"/>
  <node id="13" lat="49.51035" lon="11.28050" version="1"/>
  <node id="20" lat="49.51005" lon="11.28295" version="1">
    <tag k="amenity" v="social_facility"/>
    <tag k="name" v="Diakonie"/>
  </node>
  <way id="100" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/>
    <tag k="highway" v="residential"/><tag k="name" v="Hauptstraße"/></way>
  <way id="101" version="1"><nd ref="2"/><nd ref="4"/><tag k="highway" v="residential"/></way>
  <way id="102" version="1"><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="10"/>
    <tag k="building" v="house"/></way>
</osm>
)");
  const auto scenario = [&](const std::string& amenity) {
    return dir.write("town.yaml",
                     "name: town mapped in OSM\n"
                     "map: {streets: town.osm}\n"
                     "population: {synthesize: {total: 5, seed: 3}}\n"
                     "shelters:\n"
                     "  list: [{name: Hall, lon: 11.2815, lat: 49.5115, capacity: 100}]\n"
                     "zones: {grid: 200 m}\n"
                     "run: {dt: 1, duration: 30 min}\n"
                     "plan:\n"
                     "  teams: [{name: Care, kind: subdistrict, members: 2, depot: {amenity: " +
                         amenity + "}}]\n");
  };
  const auto a = assemble_file(scenario("social_facility"));
  const ss::Model& m = a.model;
  REQUIRE(m.plan.response.teams.size() == 1);
  const ss::NodeId depot = m.plan.response.teams[0].depot;
  REQUIRE(depot.valid());
  // The street node nearest the care service: the east end of Hauptstraße (node 3),
  // the easternmost of the network.
  const auto& pos = m.world.streets.node_pos;
  const auto east =
      std::max_element(pos.begin(), pos.end(), [](ss::Vec2 l, ss::Vec2 r) { return l.x < r.x; });
  CHECK(depot.index() == static_cast<std::size_t>(east - pos.begin()));

  const std::string file = scenario("police");
  REQUIRE_INPUT_ERROR(assemble_file(file), file, 9, "plan.teams[0].depot.amenity",
                      "no building, area or node with amenity=police");
}
