#pragma once
// Reading of raw street and polygon features from GDAL vector sources, before
// projection: the first stage of load_map(). Internal to maps/.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "maps/gdal_support.hpp"
#include "maps/street_rules.hpp"

namespace ss::maps::detail {

struct RawWay {
  std::vector<Vec2> points;  // source CRS
  WayTags tags;
  bool has_highway_column = true;  // false: a plain line layer, every line is a street
  std::string name, width;
  std::int64_t id = -1;
};

struct RawPolygon {
  std::vector<PolygonRings> parts;  // source CRS
  std::string building, amenity, landuse, leisure, name, levels, material;  // material: building:material
  bool has_building_column = true;  // false: a plain polygon layer, every polygon is a building
  std::int64_t id = -1;
};

struct RawSource {
  std::string path;
  std::string layer;                        // layer actually read
  std::optional<OGRSpatialReference> srs;   // nullopt when the layer has none
};

struct RawStreets {
  RawSource source;
  std::vector<RawWay> ways;
};
struct RawPolygons {
  RawSource source;
  std::vector<RawPolygon> polygons;
};

// Reads line features (streets) and, when `polygons_too`, polygon features from
// the same dataset in one pass (the OSM driver parses the file once per pass).
// Throws InputError for missing files, missing layers and layers of the wrong kind.
void read_streets(const std::string& path, const std::string& layer, const Origin& origin, RawStreets& streets,
                  RawPolygons* polygons_too, const std::string& polygon_layer);
// `required` false: a source without any polygon layer yields no polygons
// (out.source.layer stays empty) instead of an error.
void read_polygons(const std::string& path, const std::string& layer, const Origin& origin, RawPolygons& out,
                   bool required);

}  // namespace ss::maps::detail
