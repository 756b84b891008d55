#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "maps/map_import.hpp"
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
  INFO("load time " << lauf().seconds << " s");
  CHECK(lauf().seconds < 10.0);
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
  const bool lengths_ok = std::all_of(g.edge_length.begin(), g.edge_length.end(), [](float l) { return l > 0.0f; });
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
  CHECK(std::all_of(s.begin(), s.end(), [](const ShelterSite& x) { return x.capacity > 0 && !x.name.empty(); }));
  const Box& b = lauf().map.world.bounds;
  Box grown = b;
  grown.extend(b.min - Vec2{500, 500});
  grown.extend(b.max + Vec2{500, 500});
  CHECK(std::all_of(s.begin(), s.end(), [&](const ShelterSite& x) { return grown.contains(x.pos); }));
}
