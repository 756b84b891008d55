#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "engine/core/input_error.hpp"
#include "maps/map_import.hpp"
#include "maps/maps_test_support.hpp"

using namespace ss;
using namespace ss::maps;

namespace {
std::string line(const std::string& props, const std::string& coords) {
  return R"({"type":"Feature","properties":{)" + props +
         R"(},"geometry":{"type":"LineString","coordinates":[)" + coords + "]}}";
}

// A small street grid near Lauf (49.51 N, 11.28 E); 0.001° is about 72 m east-west
// and 111 m north-south.
//   A: residential along 49.510 from 11.280 to 11.282, width "10 m", maxweight "7.5 t"
//   C: the same way again, reversed, width "12" (a duplicate, mapped twice), parked
//      cars on both sides (parking:lane:both=parallel)
//   B: footway along 11.281 from 49.509 to 49.511, crossing A at a shared vertex
//   F: steps from B's top end
//   H: private service road open to walkers (foot=yes), width "3,5", one lane
//      (lanes=1 is not read: the width tag wins), maxheight "3.5 m"
//   D: motorway, E: service with foot=no, I: railway without highway -> dropped
//   G: a path far away: its own component, dropped
std::string grid_geojson() {
  const std::string features[] = {
      line(R"("highway":"residential","name":"Marktstraße","width":"10 m","maxweight":"7.5 t")",
           "[11.280,49.510],[11.281,49.510],[11.282,49.510]"),
      line(R"("highway":"residential","width":"12","parking:lane:both":"parallel")",
           "[11.282,49.510],[11.281,49.510],[11.280,49.510]"),
      line(R"("highway":"footway")", "[11.281,49.509],[11.281,49.510],[11.281,49.511]"),
      line(R"("highway":"steps")", "[11.281,49.511],[11.2815,49.5115]"),
      line(
          R"("highway":"service","access":"private","foot":"yes","width":"3,5","lanes":"1","maxheight":"3.5 m")",
          "[11.282,49.510],[11.283,49.510]"),
      line(R"("highway":"motorway")", "[11.280,49.509],[11.281,49.509],[11.282,49.509]"),
      line(R"("highway":"service","foot":"no")", "[11.282,49.510],[11.282,49.511]"),
      line(R"("railway":"rail")", "[11.280,49.5095],[11.283,49.5095]"),
      line(R"("highway":"path")", "[11.290,49.520],[11.291,49.520]"),
  };
  std::string s = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < std::size(features); ++i) s += (i ? "," : "") + features[i];
  return s + "]}";
}

MapData load_grid() {
  const auto dir = test::fixture_dir("grid");
  MapSources src;
  src.streets = test::write_file(dir / "grid.geojson", grid_geojson());
  return load_map(src);
}

struct Grid {
  MapData map = load_grid();
  [[nodiscard]] NodeId node_at(double lon, double lat) const {
    const Vec2 p = map.projector.to_local({lon, lat});
    const auto& g = map.world.streets;
    for (std::size_t v = 0; v < g.node_count(); ++v)
      if (distance(g.node_pos[v], p) < 0.05) return NodeId{v};
    return {};
  }
  [[nodiscard]] EdgeId edge_between(NodeId a, NodeId b) const {
    const auto& g = map.world.streets;
    for (std::size_t e = 0; e < g.edge_count(); ++e)
      if ((g.edge_from[e] == a && g.edge_to[e] == b) || (g.edge_from[e] == b && g.edge_to[e] == a))
        return EdgeId{e};
    return {};
  }
};
}  // namespace

TEST_CASE("a street grid becomes a graph split at shared vertices, without unwalkable ways") {
  const Grid grid;
  const MapReport& r = grid.map.report;
  const StreetGraph& g = grid.map.world.streets;
  CHECK(r.ways_read == 9);
  CHECK(r.ways_dropped == 3);            // motorway, foot=no, no highway tag
  CHECK(r.duplicate_edges_merged == 2);  // both halves of the doubly mapped street
  CHECK(r.components == 2);
  CHECK(r.nodes_dropped == 2);
  CHECK(r.edges_dropped == 1);
  REQUIRE(r.dropped_component_bounds.size() == 1);
  CHECK(r.dropped_component_bounds[0].contains(grid.map.projector.to_local({11.2905, 49.520})));
  // Junction at (11.281, 49.510) splits A and B: 7 nodes and 6 edges remain.
  CHECK(g.node_count() == 7);
  CHECK(g.edge_count() == 6);
  const NodeId centre = grid.node_at(11.281, 49.510);
  REQUIRE(centre.valid());
  CHECK(g.incident(centre).size() == 4);
  CHECK_FALSE(grid.node_at(11.290, 49.520).valid());  // cut-off path is gone
  CHECK_FALSE(grid.node_at(11.282, 49.511).valid());  // foot=no way is gone
  CHECK(grid.map.projector.epsg() == 32632);
  CHECK(grid.map.world.crs_name == "WGS 84 / UTM zone 32N");
  CHECK(r.area_km2 > 0.0);
  CHECK(grid.map.world.bounds.contains(g.node_pos[centre.index()]));
}

TEST_CASE("widths come from width tags, else from the street class, and merged duplicates keep the widest") {
  const Grid grid;
  const StreetGraph& g = grid.map.world.streets;
  const NodeId west = grid.node_at(11.280, 49.510), centre = grid.node_at(11.281, 49.510);
  const NodeId east = grid.node_at(11.282, 49.510), south = grid.node_at(11.281, 49.509);
  const NodeId top = grid.node_at(11.281, 49.511), stairs = grid.node_at(11.2815, 49.5115);
  const NodeId yard = grid.node_at(11.283, 49.510);
  const EdgeId a1 = grid.edge_between(west, centre), b1 = grid.edge_between(south, centre);
  const EdgeId f = grid.edge_between(top, stairs), h = grid.edge_between(east, yard);
  REQUIRE((a1.valid() && b1.valid() && f.valid() && h.valid()));
  CHECK(g.edge_width[a1.index()] == Approx(12.0));  // duplicate "12" is wider than "10 m"
  CHECK(g.edge_kind[a1.index()] == StreetKind::Residential);
  CHECK(g.edge_width[b1.index()] == Approx(2.0));  // footway default
  CHECK(g.edge_kind[f.index()] == StreetKind::Steps);
  CHECK(g.edge_width[f.index()] == Approx(1.5));  // steps default
  CHECK(g.edge_width[h.index()] == Approx(3.5));  // decimal comma
  CHECK(g.edge_kind[h.index()] == StreetKind::Service);
}

TEST_CASE("vehicle tags in plain columns reach every edge, and a merged duplicate keeps the widest one's") {
  const Grid grid;
  const StreetGraph& g = grid.map.world.streets;
  REQUIRE(g.edge_vehicle.size() == g.edge_count());
  const EdgeId a1 = grid.edge_between(grid.node_at(11.280, 49.510), grid.node_at(11.281, 49.510));
  const EdgeId b1 = grid.edge_between(grid.node_at(11.281, 49.509), grid.node_at(11.281, 49.510));
  const EdgeId h = grid.edge_between(grid.node_at(11.282, 49.510), grid.node_at(11.283, 49.510));
  REQUIRE((a1.valid() && b1.valid() && h.valid()));
  const VehicleWay& market = g.edge_vehicle[a1.index()];  // C (12 m) won over A (10 m): C's tags, all of them
  CHECK(market.carriageway == Approx(12.0));
  CHECK(market.source == VehicleWay::WidthSource::WidthTag);
  CHECK(market.parking == Approx(4.0));
  CHECK(std::isnan(market.maxweight));
  const VehicleWay& yard = g.edge_vehicle[h.index()];
  CHECK(yard.carriageway == Approx(3.5));
  CHECK(yard.maxheight == Approx(3.5));
  CHECK(std::isnan(g.edge_vehicle[b1.index()].carriageway));  // footway without tags
  CHECK(g.edge_vehicle[b1.index()].source == VehicleWay::WidthSource::None);
}

TEST_CASE("a map that is not OSM has no fire stations, hydrants or barriers, and that is no error") {
  const Grid grid;
  CHECK(grid.map.world.fire_stations.empty());
  CHECK(grid.map.world.hydrants.empty());
  CHECK(grid.map.world.barriers.empty());
  CHECK(grid.map.report.hydrants == 0);
}

TEST_CASE("edge lengths are metres along the ground") {
  const Grid grid;
  const StreetGraph& g = grid.map.world.streets;
  const EdgeId ew = grid.edge_between(grid.node_at(11.280, 49.510), grid.node_at(11.281, 49.510));
  const EdgeId ns = grid.edge_between(grid.node_at(11.281, 49.509), grid.node_at(11.281, 49.510));
  const EdgeId diag = grid.edge_between(grid.node_at(11.281, 49.511), grid.node_at(11.2815, 49.5115));
  REQUIRE((ew.valid() && ns.valid() && diag.valid()));
  CHECK(g.edge_length[ew.index()] ==
        Approx(test::haversine_m(11.280, 49.510, 11.281, 49.510)).epsilon(0.005));
  CHECK(g.edge_length[ns.index()] ==
        Approx(test::haversine_m(11.281, 49.509, 11.281, 49.510)).epsilon(0.005));
  CHECK(g.edge_length[diag.index()] ==
        Approx(test::haversine_m(11.281, 49.511, 11.2815, 49.5115)).epsilon(0.005));
  CHECK(g.edge_length[ew.index()] == Approx(72.3).margin(0.5));
}

TEST_CASE("a line layer without a highway column keeps every line as a street of default width") {
  const auto dir = test::fixture_dir("plain_lines");
  MapSources src;
  src.streets = test::write_file(dir / "plain.geojson",
                                 R"({"type":"FeatureCollection","features":[)" +
                                     line(R"("id":1)", "[11.280,49.510],[11.281,49.510]") + "," +
                                     line(R"("id":2)", "[11.281,49.510],[11.281,49.511]") + "]}");
  const MapData m = load_map(src);
  CHECK(m.world.streets.edge_count() == 2);
  CHECK(m.world.streets.edge_kind[0] == StreetKind::Other);
  CHECK(m.world.streets.edge_width[0] == Approx(3.0));
  CHECK(m.report.ways_dropped == 0);
}

TEST_CASE("a map without walkable streets is an input error naming the file") {
  const auto dir = test::fixture_dir("motorway_only");
  MapSources src;
  src.streets =
      test::write_file(dir / "motorway.geojson",
                       R"({"type":"FeatureCollection","features":[)" +
                           line(R"("highway":"motorway")", "[11.280,49.510],[11.281,49.510]") + "]}");
  try {
    (void)load_map(src);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == src.streets);
    CHECK(e.field() == "map.streets");
    CHECK_THAT(e.message(), Catch::Contains("no walkable streets"));
  }
}

TEST_CASE("a missing street file is an input error at the scenario line naming the path") {
  MapSources src;
  src.streets = "/nonexistent/streets.osm.pbf";
  src.origin_file = "drill.yaml";
  src.streets_line = 7;
  try {
    (void)load_map(src);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == "drill.yaml");
    CHECK(e.line() == 7);
    CHECK_THAT(std::string(e.what()), Catch::Contains("/nonexistent/streets.osm.pbf"));
  }
}

TEST_CASE("a file that is not GIS data is an input error naming the file") {
  const auto dir = test::fixture_dir("garbage");
  MapSources src;
  src.streets = test::write_file(dir / "streets.geojson", "this is not json");
  CHECK_THROWS_AS(load_map(src), InputError);
  src.streets = test::write_file(
      dir / "points.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                              R"("geometry":{"type":"Point","coordinates":[11.28,49.51]}}]})");
  CHECK_THROWS_WITH(load_map(src), Catch::Contains("no line layer"));
}

TEST_CASE("a user-named metric CRS is used instead of the automatic UTM zone") {
  const auto dir = test::fixture_dir("crs");
  MapSources src;
  src.streets = test::write_file(dir / "grid.geojson", grid_geojson());
  src.crs = "EPSG:25832";
  const MapData m = load_map(src);
  CHECK(m.projector.epsg() == 25832);
  src.crs = "EPSG:4326";  // degrees are not a local metric CRS
  CHECK_THROWS_AS(load_map(src), InputError);
}

TEST_CASE("incline and step_count tags give each edge its rise, and bad ones are noted, not fatal") {
  // Four ways in a row along 49.510 N, each about 72 m, drawn west to east.
  const std::string features[] = {
      line(R"("highway":"footway","incline":"10%")", "[11.280,49.510],[11.281,49.510]"),
      line(R"("highway":"footway","incline":"up")", "[11.281,49.510],[11.282,49.510]"),
      line(R"("highway":"footway","incline":"steep")", "[11.282,49.510],[11.283,49.510]"),
      line(R"("highway":"steps","incline":"down","step_count":"12")", "[11.283,49.510],[11.284,49.510]"),
  };
  std::string s = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < std::size(features); ++i) s += (i ? "," : "") + features[i];
  s += "]}";
  MapSources src;
  src.streets = test::write_file(test::fixture_dir("incline") / "incline.geojson", s);
  const MapData map = load_map(src);
  const StreetGraph& g = map.world.streets;
  REQUIRE(g.edge_count() == 4);
  REQUIRE(g.edge_rise.size() == 4);
  REQUIRE(g.edge_steps.size() == 4);
  CHECK(g.edge_rise[0] == Approx(0.10 * g.edge_length[0]));
  CHECK(g.edge_rise[1] == 0.0f);  // "up" without terrain: no size to give it
  CHECK(g.edge_rise[2] == 0.0f);  // unreadable: the terrain would decide; there is none
  CHECK(g.edge_kind[3] == StreetKind::Steps);
  CHECK(g.edge_steps[3] == 12);
  CHECK(g.edge_rise[3] == Approx(-12 * 0.17));
  for (std::size_t e = 0; e < g.edge_count(); ++e) CHECK(std::isfinite(g.edge_rise[e]));
  const auto& notes = map.report.notes;
  CHECK(std::any_of(notes.begin(), notes.end(), [](const std::string& n) {
    return n == "incline tag unreadable on 1 way: the slope comes from the terrain";
  }));
}

TEST_CASE("a merged duplicate drawn the other way turns its incline round to the edge's direction") {
  // The same footway mapped twice: first west to east without tags, then east to west,
  // wider (so its description wins) and rising 10 % in its own drawing direction.
  const std::string s =
      R"({"type":"FeatureCollection","features":[)" +
      line(R"("highway":"footway")", "[11.280,49.510],[11.281,49.510]") + "," +
      line(R"("highway":"footway","width":"5","incline":"10%")", "[11.281,49.510],[11.280,49.510]") + "]}";
  MapSources src;
  src.streets = test::write_file(test::fixture_dir("incline_twice") / "twice.geojson", s);
  const MapData map = load_map(src);
  const StreetGraph& g = map.world.streets;
  REQUIRE(g.edge_count() == 1);
  CHECK(g.edge_width[0] == Approx(5.0f));
  const bool west_to_east = g.node_pos[g.edge_from[0].index()].x < g.node_pos[g.edge_to[0].index()].x;
  CHECK(g.edge_rise[0] == Approx((west_to_east ? -0.10 : 0.10) * g.edge_length[0]));
}
