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
  std::string incline, step_count;  // OSM `incline`, `step_count` (parse_incline, parse_step_count)
  Tags vehicle;  // the tags vehicle_way() reads (is_vehicle_key), from columns or other_tags
  std::int64_t id = -1;
};

struct RawPolygon {
  std::vector<PolygonRings> parts;                                          // source CRS
  std::string building, amenity, landuse, leisure, name, levels, material;  // material: building:material
  std::string address;  // addr:street and addr:housenumber ("Hermannstraße 12"), empty without a street
  bool has_building_column = true;  // false: a plain polygon layer, every polygon is a building
  std::int64_t id = -1;
};

// A point feature: amenity=* (fire stations, police, schools, ... for depots and
// shelters), emergency=fire_hydrant or barrier=* (one node may be several).
struct RawPoint {
  Vec2 pos;  // source CRS
  bool station = false, hydrant = false;
  std::string amenity;       // amenity=* value, empty if none
  std::string barrier;       // barrier=* value, empty if none
  std::string hydrant_type;  // fire_hydrant:type
  std::string name, ref;
  std::int64_t id = -1;
};

struct RawSource {
  std::string path;
  std::string layer;                       // layer actually read
  std::optional<OGRSpatialReference> srs;  // nullopt when the layer has none
};

struct RawStreets {
  RawSource source;
  std::vector<RawWay> ways;
};
struct RawPolygons {
  RawSource source;
  std::vector<RawPolygon> polygons;
};
struct RawPoints {
  RawSource source;  // layer empty when none was read (not an OSM source)
  std::vector<RawPoint> points;
};

// Reads line features (streets) and, when `polygons_too`, polygon features from
// the same dataset in one pass (the OSM driver parses the file once per pass).
// From an OSM source, `points_too` (when given) gets the fire stations, hydrants and
// barriers of its `points` layer in the same pass; other sources give none.
// Throws InputError for missing files, missing layers and layers of the wrong kind.
void read_streets(const std::string& path, const std::string& layer, const Origin& origin,
                  RawStreets& streets, RawPolygons* polygons_too, const std::string& polygon_layer,
                  RawPoints* points_too = nullptr);
// `required` false: a source without any polygon layer yields no polygons
// (out.source.layer stays empty) instead of an error.
void read_polygons(const std::string& path, const std::string& layer, const Origin& origin, RawPolygons& out,
                   bool required);

}  // namespace ss::maps::detail
