// Fuzz target: building geometry for micro scenarios, as users draw it — WKT written
// into a scenario, or a GeoJSON layer exported from a drawing tool — read through
// GDAL (parse_micro_wkt, read_micro_layer), then merged into one walkable area the
// way the micro assembly does (polygon_union, polygon_difference through GEOS). The
// first byte chooses the form: even for WKT, odd for GeoJSON. Only ss::InputError may
// come out of the readers, and every coordinate they hand on must be finite.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_support.hpp"
#include "maps/micro_geometry_import.hpp"

namespace {

void require_finite(const ss::maps::MicroFeature& f) {
  auto check = [&](ss::Vec2 p) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
      std::fprintf(stderr, "fuzz: %s: a coordinate is not finite (%g, %g)\n", f.where.c_str(), p.x, p.y);
      std::abort();
    }
  };
  for (const auto& poly : f.polygons)
    for (const auto& ring : poly)
      for (ss::Vec2 p : ring) check(p);
  for (const auto& line : f.lines)
    for (ss::Vec2 p : line) check(p);
  for (ss::Vec2 p : f.points) check(p);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool geojson = (data[0] & 1) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<ss::maps::MicroFeature> features;
  if (geojson) {
    ss::maps::MicroLayerSource src;
    src.file = ss::fuzz::write_scratch("plan.geojson", text);
    src.origin_file = "fuzzed.yaml";
    src.origin_line = 1;
    src.origin_field = "micro.layers[0]";
    ss::fuzz::expect_input_errors_only("read_micro_layer",
                                       [&] { features = ss::maps::read_micro_layer(src); });
  } else {
    ss::fuzz::expect_input_errors_only("parse_micro_wkt", [&] {
      features.push_back(ss::maps::parse_micro_wkt(std::string(text), "fuzzed.yaml", 1, "micro.rooms[0]"));
    });
  }
  std::vector<ss::maps::PolygonRingsList> polygons;
  for (const auto& f : features) {
    require_finite(f);
    for (const auto& p : f.polygons) polygons.push_back(p);
  }
  if (polygons.empty()) return 0;
  // The set operations take what the readers accepted; GEOS reports invalid rings as
  // runtime errors, which the assembly turns into an InputError naming the feature.
  try {
    const auto merged = ss::maps::polygon_union(polygons);
    const std::vector<ss::maps::PolygonRingsList> first(polygons.begin(), polygons.begin() + 1);
    (void)ss::maps::polygon_difference(merged, first);
  } catch (const std::runtime_error&) {}
  return 0;
}
