// The fire service block (`fire.service:`) of a scenario: what it reads (units, class
// tables, shares), how assembly places stations, hydrants and surveyed obstructions on
// the street network, each kind of bad input named by file, line and field, and the
// bundled Lauf fire scenario with its stations, the map's hydrants and its variants.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "engine/hazards/fire/fire_hazard.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/fire_service_assembly.hpp"
#include "scenarios/loader/network_snap.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::scenarios::assemble_file;
using ss::scenarios::load_scenario;
using ss::testing::TempDir;

namespace {

const char* kHouses = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"osm_way_id":"1","building":"house"},"geometry":{"type":"Polygon","coordinates":[[[11.28050,49.51020],[11.28064,49.51020],[11.28064,49.51032],[11.28050,49.51032],[11.28050,49.51020]]]}}]})";

// The small town (Main street, residential, from 11.2800 to 11.2860 along 49.5100,
// split by a footway north at 11.2830) with a house on fire; `service` is the
// service block from line 11, its keys indented by four spaces.
std::string town(const TempDir& dir, const std::string& service) {
  const std::string path = ss::testing::small_town(dir,
                                                   "fire:\n"                          // 8
                                                   "  ignitions: [{building: 1}]\n"   // 9
                                                   "  wind: {speed: 8, from: 270}\n"  // 10
                                                   "  service:\n" +                   // 11
                                                       service);                      // 12 ...
  dir.write("buildings.geojson", kHouses);  // replaces the small town's house
  return path;
}

const std::string kStation = "    stations: {list: [{name: Main, lon: 11.2815, lat: 49.5101}]}\n";

std::string points(const std::string& features) {
  return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

std::string point(double lon, double lat, const std::string& props) {
  return R"({"type":"Feature","properties":{)" + props + R"(},"geometry":{"type":"Point","coordinates":[)" +
         std::to_string(lon) + "," + std::to_string(lat) + "]}}";
}

const ss::FireServiceDesc& service_of(const ss::scenarios::Assembly& a) {
  const ss::FireHazard* fire = ss::find_fire(a.model);
  REQUIRE(fire);
  return fire->desc().service;
}

std::size_t kind(ss::StreetKind k) { return static_cast<std::size_t>(k); }

}  // namespace

TEST_CASE(
    "a fire service block reads its times, appliance types, lanes, hydrants and rescue in their units") {
  TempDir dir;
  const auto d = load_scenario(
      town(dir,
           "    time_of_day: night\n"
           "    detection_delay: 3 min\n"
           "    call_handling: 90 s\n"
           "    first_alarm: [pumper, ladder, tanker]\n"
           "    appliance_types:\n"
           "      - {name: MLF, kind: pumper, crew: 6, water: 1000 l, flow: 400 l/min, weight: 7.5 t, "
           "height: 3.0 m, hose: 200 m}\n"
           "      - {name: HLF 20, water: 2.5 m3}\n"
           "    stations:\n"
           "      from_map: true\n"
           "      map_crew: professional\n"
           "      map_appliances: [MLF]\n"
           "      list:\n"
           "        - {name: Main, lon: 11.2815, lat: 49.5101, crew: volunteer, appliances: [HLF 20, MLF], "
           "turnout_day: 6 min, turnout_night: 4 min}\n"
           "    lanes:\n"
           "      min_clear_width: 3 m\n"
           "      class_width: {residential: 5 m, service: 3.5 m}\n"
           "      speed: {residential: 36 km/h}\n"
           "      barriers_from_map: false\n"
           "      closing_barriers: [bollard, gate]\n"
           "      blocked_share: {day: {residential: 0.05}, night: {residential: 0.2, living_street: 0.3}}\n"
           "      blocked_width: 1.8 m\n"
           "      sensor_delay: 5 min\n"
           "    hydrants: {from_map: false, out_of_service_share: 0.2, reach: 120 m, flow: 96 m3/h}\n"
           "    extinguishers: {share: 0.3, success: 0.4, time: 90 s}\n"
           "    hose: {attack_reach: 40 m, lay_speed: 3.6 km/h, setup_time: 1 min}\n"
           "    rescue: {stairs: 100 s, ladder_area_width: 6 m, portable_ladder_floors: 1}\n"
           "    knockdown: 15 min\n"));
  REQUIRE(d.fire);
  REQUIRE(d.fire->service);
  const ss::scenarios::FireServiceSection& s = *d.fire->service;
  const ss::FireServiceParams& p = s.params;
  CHECK(p.night);
  CHECK(p.detection_delay == 180.0);
  CHECK(p.call_handling == 90.0);
  CHECK(p.first_alarm == std::vector<ss::ApplianceKind>{ss::ApplianceKind::Pumper, ss::ApplianceKind::Ladder,
                                                        ss::ApplianceKind::Tanker});
  REQUIRE(s.types.size() == 2);
  CHECK(s.types[0].name == "MLF");
  CHECK(*s.types[0].crew == 6);
  CHECK(*s.types[0].water == 1000.0);
  CHECK(*s.types[0].flow == 400.0);
  CHECK(*s.types[0].weight == 7.5);
  CHECK(*s.types[0].hose == 200.0);
  CHECK(*s.types[1].water == 2500.0);
  CHECK_FALSE(s.types[1].kind);
  CHECK(s.stations_from_map);
  CHECK(s.map_crew == ss::CrewKind::Professional);
  CHECK(s.map_appliances == std::vector<std::string>{"MLF"});
  REQUIRE(s.stations.size() == 1);
  CHECK(s.stations[0].name == "Main");
  CHECK(*s.stations[0].crew == ss::CrewKind::Volunteer);
  CHECK(*s.stations[0].turnout_day == 360.0);
  CHECK(*s.stations[0].turnout_night == 240.0);
  CHECK(p.min_clear_width == 3.0);
  CHECK(p.class_width[kind(ss::StreetKind::Residential)] == 5.0);
  CHECK(p.class_width[kind(ss::StreetKind::Service)] == 3.5);
  CHECK(p.class_width[kind(ss::StreetKind::Primary)] == ss::FireServiceParams{}.class_width[0]);  // untouched
  CHECK(p.speed[kind(ss::StreetKind::Residential)] == Approx(10.0));
  CHECK_FALSE(p.barriers_from_map);
  CHECK(p.closing_barriers == std::vector<std::string>{"bollard", "gate"});
  CHECK(p.blocked_share_day[kind(ss::StreetKind::Residential)] == 0.05);
  CHECK(p.blocked_share_night[kind(ss::StreetKind::LivingStreet)] == 0.3);
  CHECK(p.blocked_width == 1.8);
  CHECK(p.sensor_delay == 300.0);
  CHECK_FALSE(s.hydrants_from_map);
  CHECK(p.hydrant_out_of_service == 0.2);
  CHECK(p.hydrant_reach == 120.0);
  CHECK(p.hydrant_flow == Approx(1600.0));
  CHECK(p.extinguisher_share == 0.3);
  CHECK(p.extinguisher_success == 0.4);
  CHECK(p.extinguisher_time == 90.0);
  CHECK(p.attack_reach == 40.0);
  CHECK(p.lay_speed == Approx(1.0));
  CHECK(p.rescue_stairs == 100.0);
  CHECK(p.ladder_area_width == 6.0);
  CHECK(p.portable_ladder_floors == 1);
  CHECK(p.knockdown == 900.0);
}

TEST_CASE("a fire block without service leaves the fire service off, with no sensor network by default") {
  TempDir dir;
  const auto d = load_scenario(
      ss::testing::small_town(dir, "fire:\n  ignitions: [{building: 1}]\n  wind: {speed: 8, from: 270}\n"));
  CHECK_FALSE(d.fire->service);
  const auto s = load_scenario(town(dir, kStation));
  CHECK(std::isnan(s.fire->service->params.sensor_delay));
  CHECK(s.fire->service->params.barriers_from_map);
}

TEST_CASE("an assembled fire service has its stations on streets, its types resolved and its layers placed") {
  TempDir dir;
  dir.write("hydrants.geojson", points(point(11.2812, 49.5101, R"("working":"yes","name":"H1")") + "," +
                                       point(11.2840, 49.5101, R"("working":"0","name":"H2")") + "," +
                                       point(11.2850, 49.5099, R"("name":"H3")")));
  dir.write(
      "obstructions.geojson",
      points(
          point(11.2818, 49.51003, R"("kind":"goods","width_m":"1.5","closed":"no","known":"no")") + "," +
          R"({"type":"Feature","properties":{"kind":"roadworks","closed":"yes"},"geometry":{"type":"LineString","coordinates":[[11.2820,49.51002],[11.2845,49.51002]]}})"));
  const auto a = assemble_file(
      town(dir,
           "    appliance_types:\n"
           "      - {name: MLF, kind: pumper, crew: 6}\n"
           "      - {name: HLF 20, crew: 8}\n"
           "    stations:\n"
           "      list:\n"
           "        - {name: Main, lon: 11.2815, lat: 49.5101, appliances: [HLF 20, MLF, DLK 23/12]}\n"
           "        - {name: East, lon: 11.2857, lat: 49.5102, crew: professional}\n"
           "    lanes:\n"
           "      barriers_from_map: false\n"
           "      obstructions: {layer: {file: obstructions.geojson, width_field: width_m}}\n"
           "    hydrants: {from_map: false, layer: {file: hydrants.geojson}}\n"));
  const ss::FireServiceDesc& s = service_of(a);
  CHECK(s.enabled);
  CHECK_FALSE(s.params.barriers_from_map);

  // Types: the three defaults (HLF 20 with a crew of 8 now), and MLF added.
  auto type = [&](const std::string& name) {
    for (std::size_t k = 0; k < s.types.size(); ++k)
      if (s.types[k].name == name) return k;
    FAIL("no type " << name);
    return std::size_t{0};
  };
  CHECK(s.types.size() == 4);
  CHECK(s.types[type("HLF 20")].crew == 8);
  CHECK(s.types[type("MLF")].crew == 6);
  CHECK(s.types[type("MLF")].water ==
        s.types[type("HLF 20")].water);  // a new pumper starts from the default pumper

  // Stations: snapped to a node of Main street; East takes the default kit and a professional turnout.
  REQUIRE(s.stations.size() == 2);
  const ss::StreetGraph& g = a.model.world.streets;
  for (const ss::FireStation& st : s.stations) {
    REQUIRE(st.node.valid());
    bool on_main = false;  // not at the footway's far end
    for (const ss::EdgeId e : g.incident(st.node))
      on_main = on_main || g.edge_kind[e.index()] == ss::StreetKind::Residential;
    CHECK(on_main);
  }
  CHECK(s.stations[0].appliances == std::vector<std::uint8_t>{static_cast<std::uint8_t>(type("HLF 20")),
                                                              static_cast<std::uint8_t>(type("MLF")),
                                                              static_cast<std::uint8_t>(type("DLK 23/12"))});
  CHECK(s.stations[1].appliances == std::vector<std::uint8_t>{static_cast<std::uint8_t>(type("HLF 20"))});
  CHECK(s.stations[1].crew == ss::CrewKind::Professional);
  CHECK(s.stations[1].turnout_night == ss::default_turnout(ss::CrewKind::Professional).night);

  // Hydrants from the inspection layer: working, out of service, unknown.
  REQUIRE(s.hydrants.size() == 3);
  CHECK(s.hydrants[0].working == 1);
  CHECK(s.hydrants[0].name == "H1");
  CHECK(s.hydrants[1].working == 0);
  CHECK(s.hydrants[2].working == -1);

  // Obstructions: the point on the west half of Main; the roadworks line on both halves, not the footway.
  REQUIRE(s.obstructions.size() == 3);
  CHECK(s.obstructions[0].kind == "goods");
  CHECK(s.obstructions[0].width == 1.5);
  CHECK_FALSE(s.obstructions[0].closed);
  CHECK_FALSE(s.obstructions[0].known);
  CHECK(s.obstructions[1].kind == "roadworks");
  CHECK(s.obstructions[1].closed);
  CHECK(s.obstructions[1].known);
  CHECK(s.obstructions[1].width == s.params.blocked_width);  // no width field value
  CHECK(s.obstructions[1].edge != s.obstructions[2].edge);
  for (const ss::Obstruction& o : s.obstructions) {
    REQUIRE(o.edge.valid());
    CHECK(g.edge_kind[o.edge.index()] == ss::StreetKind::Residential);
  }
}

TEST_CASE("bad fire service input is an error naming the file, line and field") {
  TempDir dir;
  SECTION("a listed station outside the map") {
    const std::string p = town(dir, "    stations: {list: [{name: Far, lon: 11.40, lat: 49.60}]}\n");
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 12, "fire.service.stations.list[0]", "outside the map");
  }
  SECTION("an appliance type that is not defined") {
    const std::string p = town(dir,
                               "    stations:\n      list:\n        - {name: Main, lon: 11.2815, lat: "
                               "49.5101, appliances: [HLF 20, HLF 2O]}\n");
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 14, "fire.service.stations.list[0].appliances[1]",
                        "no appliance type named 'HLF 2O' (did you mean 'HLF 20'?)");
  }
  SECTION("a map station kit that is not defined") {
    const std::string p = town(dir,
                               "    stations:\n      map_appliances: [LF 10]\n      list: [{name: Main, lon: "
                               "11.2815, lat: 49.5101}]\n");
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 13, "fire.service.stations.map_appliances[0]",
                        "no appliance type named 'LF 10'");
  }
  SECTION("a new appliance type without its kind") {
    const std::string p = town(dir, "    appliance_types: [{name: LF 10, crew: 9}]\n" + kStation);
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 12, "fire.service.appliance_types[0].name", "needs its kind");
  }
  SECTION("a negative lane width") {
    std::string p = town(dir, kStation + "    lanes: {class_width: {residential: -1 m}}\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 13, "fire.service.lanes.class_width.residential", "negative");
    p = town(dir, kStation + "    lanes:\n      min_clear_width: -3.5 m\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 14, "fire.service.lanes.min_clear_width", "negative");
    p = town(dir, kStation + "    lanes:\n      blocked_width: -2\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 14, "fire.service.lanes.blocked_width", "negative");
  }
  SECTION("a share outside 0 to 1") {
    const std::string p =
        town(dir, kStation + "    lanes:\n      blocked_share: {night: {residential: 1.5}}\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 14, "fire.service.lanes.blocked_share.night.residential",
                        "between 0 and 1");
    const std::string q = town(dir, kStation + "    hydrants: {out_of_service_share: -0.1}\n");
    REQUIRE_INPUT_ERROR(load_scenario(q), q, 13, "fire.service.hydrants.out_of_service_share",
                        "between 0 and 1");
  }
  SECTION("an unknown street class or key, with a suggestion") {
    std::string p = town(dir, kStation + "    lanes:\n      class_width: {residental: 5 m}\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 14, "fire.service.lanes.class_width.residental",
                        "did you mean 'residential'");
    p = town(dir, kStation + "    lanes:\n      min_clear_widht: 3 m\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 14, "fire.service.lanes.min_clear_widht",
                        "did you mean 'min_clear_width'");
  }
  SECTION("a quantity in the wrong unit") {
    const std::string p =
        town(dir, "    appliance_types: [{name: X, kind: tanker, water: 1000 gal}]\n" + kStation);
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 12, "fire.service.appliance_types[0].water",
                        "expected a volume");
  }
  SECTION("a service without stations") {
    const std::string p = town(dir, "    stations: {from_map: false}\n");
    REQUIRE_INPUT_ERROR(load_scenario(p), p, 12, "fire.service.stations", "at least one station");
  }
  SECTION("a hydrant layer without points") {
    dir.write(
        "lines.geojson",
        points(
            R"({"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[11.281,49.51],[11.282,49.51]]}})"));
    std::string p = town(dir, kStation + "    hydrants: {layer: {file: lines.geojson}}\n");
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 13, "fire.service.hydrants.layer", "point layer");
    dir.write("empty.geojson", points(""));
    p = town(dir, kStation + "    hydrants: {layer: {file: empty.geojson}}\n");
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 13, "fire.service.hydrants.layer", "no hydrant points");
  }
  SECTION("a hydrant layer without the working field named") {
    dir.write("h.geojson", points(point(11.2812, 49.5101, R"("ok":"1")")));
    const std::string p =
        town(dir, kStation + "    hydrants:\n      layer: {file: h.geojson, working_field: working}\n");
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 14, "fire.service.hydrants.layer.working_field",
                        "no field 'working'");
  }
  SECTION("an obstruction on no street") {
    dir.write("obs.geojson", points(point(11.2815, 49.5110, R"("kind":"skip")")));
    const std::string p =
        town(dir, kStation + "    lanes:\n      obstructions: {layer: {file: obs.geojson}}\n");
    REQUIRE_INPUT_ERROR(assemble_file(p), p, 14, "fire.service.lanes.obstructions.layer",
                        "lies on no street");
    REQUIRE_THROWS_WITH(assemble_file(p), Catch::Contains("obs.geojson") && Catch::Contains("feature 0"));
  }
}

namespace {
const std::string kLauf = std::string(SAFESTREET_SOURCE_DIR) + "/scenarios/lauf_fire.yaml";
}

TEST_CASE(
    "the Lauf fire scenario's service has its three stations, the main station's kit and the map's "
    "hydrants") {
  const ss::scenarios::ScenarioDesc d = load_scenario(kLauf);
  REQUIRE(d.fire->service);
  CHECK(d.fire->service->params.night);
  CHECK(d.fire->service->params.extinguisher_share == 0.3);
  // The map and the service alone (the whole model is assembled by the integration tests).
  const ss::maps::MapData map = ss::scenarios::load_scenario_map(d);
  const ss::scenarios::NetworkSnapper snapper(map.world.streets);
  std::vector<std::string> problems, notes;
  const ss::FireServiceDesc s =
      ss::scenarios::build_fire_service(d, map.world, map.projector, snapper, problems, notes);
  std::string said;
  for (const std::string& pr : problems) said += pr + "\n";
  for (const std::string& n : notes) said += n + "\n";
  INFO(said);
  CHECK(map.world.fire_stations.size() >= 3);
  REQUIRE(s.stations.size() == 3);
  CHECK(s.stations[0].name == "FF Lauf");
  std::vector<std::string> kit;
  for (const std::uint8_t t : s.stations[0].appliances) kit.push_back(s.types[t].name);
  CHECK(kit == std::vector<std::string>{"HLF 20", "HLF 20", "DLK 23/12", "TLF 4000"});
  for (const ss::FireStation& st : s.stations) {
    INFO(st.name);
    REQUIRE(st.node.valid());
    CHECK(ss::distance(map.world.streets.node_pos[st.node.index()], st.pos) <
          150.0);  // on a street by the station
    CHECK(st.crew == ss::CrewKind::Volunteer);
  }
  CHECK(s.stations[1].appliances.size() == 1);
  CHECK(s.hydrants.size() == map.world.hydrants.size());
  CHECK(s.hydrants.size() > 100);
  CHECK(s.hydrants[0].working == -1);
  CHECK(s.params.barriers_from_map);
}

TEST_CASE("the Lauf fire scenario's variants load and change lanes and hydrants as they say") {
  const auto base = load_scenario(kLauf);
  const std::size_t res = kind(ss::StreetKind::Residential), liv = kind(ss::StreetKind::LivingStreet);
  const ss::FireServiceParams& b = base.fire->service->params;
  CHECK(b.blocked_share_night[res] == 0.15);
  CHECK(b.blocked_share_day[res] == 0.05);

  const ss::FireServiceParams surveyed = load_scenario(kLauf, "lanes_surveyed").fire->service->params;
  for (std::size_t k = 0; k < surveyed.blocked_share_night.size(); ++k) {
    CHECK(surveyed.blocked_share_night[k] == 0.0);
    CHECK(surveyed.blocked_share_day[k] == 0.0);
  }
  CHECK(surveyed.barriers_from_map);

  const ss::FireServiceParams blocked = load_scenario(kLauf, "lanes_blocked_night").fire->service->params;
  CHECK(blocked.blocked_share_night[res] == 2 * b.blocked_share_night[res]);
  CHECK(blocked.blocked_share_night[liv] == 2 * b.blocked_share_night[liv]);
  CHECK(blocked.blocked_share_day == b.blocked_share_day);

  CHECK(load_scenario(kLauf, "hydrants_out_fifth").fire->service->params.hydrant_out_of_service == 0.2);
  // A later call reaches the brigade as late as the plan.
  CHECK(b.detection_delay == base.plan.warning_time);
  const auto late = load_scenario(kLauf, "late_detection");
  CHECK(late.fire->service->params.detection_delay == late.plan.warning_time);

  const ss::FireServiceParams weekly = load_scenario(kLauf, "weekly_inspection").fire->service->params;
  CHECK(weekly.hydrant_out_of_service == 0.02);
  CHECK(weekly.hydrant_out_of_service < b.hydrant_out_of_service);
  for (std::size_t k = 0; k < weekly.blocked_share_night.size(); ++k) {
    CHECK(weekly.blocked_share_night[k] == Approx(b.blocked_share_night[k] / 3).margin(0.001));
    CHECK(weekly.blocked_share_day[k] == Approx(b.blocked_share_day[k] / 3).margin(0.001));
  }

  // Every variant of the file still loads, the older ones with the service unchanged;
  // fire_unattended removes it.
  for (const ss::scenarios::VariantDesc& v : ss::scenarios::list_variants(kLauf)) {
    INFO(v.name);
    const auto d = load_scenario(kLauf, v.name);
    if (v.name == "fire_unattended") {
      CHECK_FALSE(d.fire->service);
      continue;
    }
    REQUIRE(d.fire->service);
    CHECK(d.fire->service->stations.size() == 3);
  }
}
