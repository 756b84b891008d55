#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>

#include "maps/map_import.hpp"
#include "maps/maps_test_support.hpp"
#include "maps/shelter_import.hpp"

using namespace ss;
using namespace ss::maps;

namespace {
// The bundled real map: Lauf an der Pegnitz (OpenStreetMap extract) with the
// SRTM tile N49E011. Loaded once for all tests of this file.
struct Lauf {
  MapData map;
  double seconds = 0.0;
};
const Lauf& lauf() {
  static const Lauf cached = [] {
    MapSources src;
    src.streets = SAFESTREET_SOURCE_DIR "/data/lauf-200115.osm.pbf";
    src.terrain = SAFESTREET_SOURCE_DIR "/data/N49E011.hgt.zip";
    const auto t0 = std::chrono::steady_clock::now();
    Lauf l{load_map(src), 0.0};
    l.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return l;
  }();
  return cached;
}
}  // namespace

TEST_CASE("the Lauf extract loads into one connected walkable network in UTM zone 32N") {
  const MapData& m = lauf().map;
  const StreetGraph& g = m.world.streets;
  // How long loading takes is measured by the benchmarks (bench/), not here.
  INFO("load time " << lauf().seconds << " s");
  CHECK(m.projector.epsg() == 32632);
  CHECK(m.world.crs_name == "WGS 84 / UTM zone 32N");
  CHECK(g.edge_count() > 3000);
  CHECK(g.node_count() > 2500);
  CHECK(m.report.ways_dropped > 0);
  CHECK(m.report.components > 1);
  CHECK(connected_components(g).size.size() == 1);
  CHECK(m.report.dropped_component_bounds.size() == m.report.components - 1);
  CHECK(m.report.area_km2 > 5.0);
  CHECK(m.report.area_km2 < 50.0);
  const bool lengths_ok =
      std::all_of(g.edge_length.begin(), g.edge_length.end(), [](float l) { return l > 0.0f; });
  CHECK(lengths_ok);
  CHECK(g.adj_offset.size() == g.node_count() + 1);
}

TEST_CASE("the Lauf extract has its buildings and land-use areas") {
  const MapData& m = lauf().map;
  CHECK(m.report.buildings > 6000);
  CHECK(m.report.buildings < 7000);
  CHECK(m.report.areas > 100);
  const bool residential = std::any_of(m.world.areas.begin(), m.world.areas.end(),
                                       [](const Area& a) { return a.kind == "residential"; });
  CHECK(residential);
  const bool areas_ok = std::all_of(m.world.buildings.begin(), m.world.buildings.end(),
                                    [](const Building& b) { return b.area > 0.0 && b.source_id > 0; });
  CHECK(areas_ok);
}

TEST_CASE("every Lauf street node gets its elevation from the SRTM tile") {
  const MapData& m = lauf().map;
  CHECK(m.report.terrain);
  CHECK_FALSE(m.world.terrain.empty());
  const auto& z = m.world.streets.node_z;
  const auto [lo, hi] = std::minmax_element(z.begin(), z.end());
  CHECK(*lo >= 300.0f);  // the Pegnitz valley at Lauf lies around 320 m
  CHECK(*hi <= 430.0f);
  CHECK(std::none_of(z.begin(), z.end(), [](float v) { return std::isnan(v); }));
}

TEST_CASE("schools and car parks of Lauf become shelters with a capacity") {
  const auto s = shelters_from_tags(lauf().map.world);
  const auto count = [&](ShelterKind k) {
    return std::count_if(s.begin(), s.end(), [&](const ShelterSite& x) { return x.kind == k; });
  };
  CHECK(count(ShelterKind::School) >= 5);
  CHECK(count(ShelterKind::Parking) >= 5);
  CHECK(std::all_of(s.begin(), s.end(),
                    [](const ShelterSite& x) { return x.capacity > 0 && !x.name.empty(); }));
  const Box& b = lauf().map.world.bounds;
  Box grown = b;
  grown.extend(b.min - Vec2{500, 500});
  grown.extend(b.max + Vec2{500, 500});
  CHECK(std::all_of(s.begin(), s.end(), [&](const ShelterSite& x) { return grown.contains(x.pos); }));
}

TEST_CASE("Lauf's shelters from the map carry their map name or a street, hardly ever a bare number") {
  const auto s = shelters_from_tags(lauf().map.world);
  REQUIRE_FALSE(s.empty());
  int by_street = 0, numbered = 0;
  for (const ShelterSite& x : s) {
    INFO(x.name);
    CHECK(x.name.rfind("parking ", 0) != 0);  // the old "parking 17"
    CHECK(x.name.find('#') == std::string::npos);
    by_street += x.name.find(" at ") != std::string::npos ? 1 : 0;
    numbered += (x.name.rfind("car park ", 0) == 0 || x.name.rfind("school ", 0) == 0) &&
                x.name.find(" at ") == std::string::npos;
  }
  // Names from the map itself (name=* on the car park or school) and, for the many
  // unnamed car parks of Lauf, from the street beside them; a number only for the
  // odd car park with no named street within kStreetNameReach.
  const auto named = [&](const std::string& n) {
    return std::any_of(s.begin(), s.end(), [&](const ShelterSite& x) { return x.name == n; });
  };
  CHECK(named("Parkplatz Pegnitzwiese"));
  CHECK(named("Christoph-Jacob-Treu-Gymnasium"));
  CHECK(named("car park at Industriestraße"));
  CHECK(by_street >= 20);
  CHECK(numbered * 20 <= static_cast<int>(s.size()));
}

namespace {
const MapPoint* find_point(const std::vector<MapPoint>& pts, std::int64_t id) {
  const auto it = std::find_if(pts.begin(), pts.end(), [&](const MapPoint& p) { return p.source_id == id; });
  return it == pts.end() ? nullptr : &*it;
}
double metres_from(const MapPoint& p, double lon, double lat) {
  const LonLat ll = lauf().map.projector.to_lonlat(p.pos);
  return test::haversine_m(ll.lon, ll.lat, lon, lat);
}
}  // namespace

TEST_CASE("Lauf's fire stations are found as nodes and as areas") {
  const World& w = lauf().map.world;
  const MapPoint* node = find_point(w.fire_stations, 1524603932);  // amenity=fire_station node, no name
  REQUIRE(node);
  CHECK(metres_from(*node, 11.27125, 49.50452) < 2.0);
  const MapPoint* heuchling = find_point(w.fire_stations, 46618426);  // closed way, centroid of the building
  REQUIRE(heuchling);
  CHECK(heuchling->name == "Freiwillige Feuerwehr Heuchling");
  CHECK(heuchling->kind == "yes");  // building=yes
  CHECK(metres_from(*heuchling, 11.28895, 49.51750) < 10.0);
  // Heuchling is also mapped as a node inside its building (1524603941): the map
  // keeps both, assembly merges stations that close together.
  CHECK(find_point(w.fire_stations, 1524603941));
  CHECK(lauf().map.report.fire_stations == w.fire_stations.size());
}

TEST_CASE("Lauf's hydrants and barriers are read from the points layer within the network's reach") {
  const World& w = lauf().map.world;
  // Counted independently with GDAL's command-line tools: every emergency=fire_hydrant
  // node of the points layer, reprojected to EPSG:32632 and counted within the
  // network's bounds grown by 500 m:
  //   ogr2ogr -f GPKG hyd.gpkg data/lauf-200115.osm.pbf points -t_srs EPSG:32632 -nln h
  //           -where "other_tags LIKE '%\"emergency\"=>\"fire_hydrant\"%'"
  //   ogrinfo -dialect sqlite hyd.gpkg -sql "SELECT COUNT(*) FROM h WHERE ST_X(geom) BETWEEN
  //           662140.6 AND 667595.7 AND ST_Y(geom) BETWEEN 5484917.0 AND 5489428.7"   -> 479
  // (all 479 hydrants of the extract lie within; the same count with -where "barrier IS
  // NOT NULL" gives the 120 barriers: 63 gates, 41 bollards, 8 cycle barriers, ...).
  CHECK(w.hydrants.size() == 479);
  const auto count_kind = [](const std::vector<MapPoint>& pts, const std::string& k) {
    return std::count_if(pts.begin(), pts.end(), [&](const MapPoint& p) { return p.kind == k; });
  };
  CHECK(count_kind(w.hydrants, "pillar") == 152);  // fire_hydrant:type
  CHECK(count_kind(w.hydrants, "underground") == 327);
  CHECK(w.barriers.size() == 120);
  CHECK(count_kind(w.barriers, "bollard") == 41);
  CHECK(count_kind(w.barriers, "gate") == 63);
  Box grown = w.bounds;
  grown.extend(w.bounds.min - Vec2{kPointMargin, kPointMargin});
  grown.extend(w.bounds.max + Vec2{kPointMargin, kPointMargin});
  const auto inside = [&](const MapPoint& p) { return grown.contains(p.pos) && p.source_id > 0; };
  CHECK(std::all_of(w.hydrants.begin(), w.hydrants.end(), inside));
  CHECK(std::all_of(w.barriers.begin(), w.barriers.end(), inside));
}

TEST_CASE("Lauf's streets carry their carriageway widths, lanes and vehicle limits") {
  const StreetGraph& g = lauf().map.world.streets;
  REQUIRE(g.edge_vehicle.size() == g.edge_count());
  const auto count = [&](auto pred) {
    return std::count_if(g.edge_vehicle.begin(), g.edge_vehicle.end(), pred);
  };
  CHECK(count([](const VehicleWay& v) { return v.source == VehicleWay::WidthSource::WidthTag; }) > 100);
  CHECK(count([](const VehicleWay& v) { return v.source == VehicleWay::WidthSource::Lanes; }) > 100);
  CHECK(count([](const VehicleWay& v) { return !std::isnan(v.maxweight); }) > 10);
  // The old town's lanes are signed maxwidth=2: Spitalstraße, Lukasgasse, Hellergasse.
  for (const std::int64_t way : {23260986, 24207650, 32066874}) {
    INFO("way " << way);
    std::size_t edges = 0;
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
      if (g.edge_source_id[e] != way) continue;
      ++edges;
      CHECK(g.edge_vehicle[e].maxwidth == Approx(2.0));
    }
    CHECK(edges > 0);
  }
  // The Marktplatz tunnel (way 46051124, tunnel=yes) is signed 3.7 m high.
  std::size_t tunnel = 0;
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    if (g.edge_source_id[e] != 46051124) continue;
    ++tunnel;
    CHECK(g.edge_vehicle[e].maxheight == Approx(3.7));
  }
  CHECK(tunnel > 0);
}

TEST_CASE("Lauf's amenities mapped as nodes are kept, and its school nodes become shelters") {
  const World& w = lauf().map.world;
  // The Diakonie's ambulatory care service is only a node (osm node 4450241072).
  const MapPoint* care = find_point(w.amenity_points, 4450241072);
  REQUIRE(care);
  CHECK(care->kind == "social_facility");
  CHECK(care->name == "Diakonie Unteres Pegnitztal");
  CHECK(metres_from(*care, 11.2838233, 49.5144426) < 2.0);
  // Fire station nodes are amenity nodes too.
  CHECK(find_point(w.amenity_points, 1524603932));
  // The adult education centre (Volkshochschule) is two school nodes, each inside an
  // untagged building (ways 45179095 and 45574179): both sites are shelters.
  const auto s = shelters_from_tags(w);
  for (const char* name : {"Volkshochschule Unteres Pegnitztal", "VHS Unteres Pegnitztal"}) {
    INFO(name);
    const auto it = std::find_if(s.begin(), s.end(), [&](const ShelterSite& x) { return x.name == name; });
    REQUIRE(it != s.end());
    CHECK(it->kind == ShelterKind::School);
    CHECK(it->capacity > 0);
  }
}

TEST_CASE("Lauf's streets get their rise from the terrain, and its stairs from step_count and incline") {
  const StreetGraph& g = lauf().map.world.streets;
  REQUIRE(g.edge_rise.size() == g.edge_count());
  REQUIRE(g.edge_steps.size() == g.edge_count());
  std::size_t sloped = 0, steep = 0, counted_stairs = 0, directed_stairs = 0;
  std::vector<float> lengths(g.edge_length.begin(), g.edge_length.end());
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    REQUIRE(std::isfinite(g.edge_rise[e]));
    const double grade = std::fabs(g.edge_rise[e]) / g.edge_length[e];
    if (g.edge_kind[e] != StreetKind::Steps) {
      sloped += g.edge_rise[e] != 0.0f;
      steep += grade > 0.10;
      continue;
    }
    if (g.edge_steps[e] > 0) {
      ++counted_stairs;
      // The height is the step count's, whichever way it goes.
      if (g.edge_rise[e] != 0.0f) CHECK(std::fabs(g.edge_rise[e]) == Approx(g.edge_steps[e] * 0.17));
    }
    directed_stairs += g.edge_rise[e] != 0.0f;
  }
  std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2, lengths.end());
  INFO("edges " << g.edge_count() << ", sloped " << sloped << ", steeper than 10 % " << steep
                << ", stairs with "
                << "step_count " << counted_stairs << ", stairs of known direction " << directed_stairs
                << ", median edge length " << lengths[lengths.size() / 2] << " m");
  // The Pegnitz valley town lies on slopes: nearly every street rises or falls a little,
  // a few are steep (the 30 m SRTM grid smooths the rest).
  CHECK(sloped > g.edge_count() * 9 / 10);
  CHECK(steep > 0);
  CHECK(steep < g.edge_count() / 10);
  // 18 steps ways carry step_count in the extract (2020-01-15), a few off the main network.
  CHECK(counted_stairs >= 10);
  CHECK(directed_stairs > counted_stairs / 2);
}
