#pragma once
// Building-scale micro geometry (movement: micro) from GIS data through GDAL/OGR:
// rooms, corridors, obstacles, walls, doors and exits as features of a GeoJSON or
// GeoPackage layer, or as WKT text, all in local metres (no reprojection: a floor
// plan has no geographic CRS). Also the polygon set operations (through GDAL's GEOS
// support) that merge rooms, corridors and doors into one walkable area. The
// scenario layer (scenarios/loader/micro_assembly.cpp) decides what each kind means.
#include <map>
#include <string>
#include <vector>

#include "engine/world/geometry.hpp"

namespace ss::maps {

// A polygon: outer ring first, then holes. Rings are kept as read: a closed ring
// repeats its first vertex at the end, an open one does not.
using PolygonRingsList = std::vector<Ring>;

// One feature as read, with where it came from so that every later error can name it.
struct MicroFeature {
  std::string where;  // "school.geojson, layer 'school', feature 12 'Class 1a'" or "scenario.yaml line 34"
  std::string file;   // for InputError: the data file (layer) or the scenario file (WKT)
  int line = 0;       // scenario line for WKT, 0 for a layer feature
  std::string field;  // "micro.rooms[2]" or "feature 12"
  std::string kind;   // lower case: room, corridor, walkable, obstacle, wall, door, exit, resident
  std::string name;
  std::map<std::string, std::string> attributes;  // every set attribute as text, names in lower case
  std::vector<PolygonRingsList> polygons;         // m, polygon parts
  std::vector<Ring> lines;                        // m, line parts (vertices in order)
  std::vector<Vec2> points;                       // m, point parts
};

struct MicroLayerSource {
  std::string file;
  std::string layer;  // empty: the first layer
  std::string kind;   // every feature is of this kind, or empty: read kind_field
  std::string kind_field = "kind";
  std::string name_field = "name";
  // Where the scenario named the file, for a missing file.
  std::string origin_file;
  int origin_line = 0;
  std::string origin_field;
};

// Every feature of the layer with a geometry. Throws InputError naming the file (and
// the feature) for an unreadable source, an unknown layer, a feature without kind,
// or a geometry that is neither polygon, line nor point.
std::vector<MicroFeature> read_micro_layer(const MicroLayerSource& src);

// Parses WKT (POLYGON, MULTIPOLYGON, LINESTRING, POINT, ...). Throws InputError(file,
// line, field, ...) when the text is not WKT.
MicroFeature parse_micro_wkt(const std::string& wkt, const std::string& file, int line,
                             const std::string& field);

// Union of polygons (each outer ring then holes, rings closed or not); the result as
// polygon parts, outer ring then holes, without closing vertex. Throws
// std::runtime_error when GDAL was built without GEOS.
std::vector<PolygonRingsList> polygon_union(const std::vector<PolygonRingsList>& polygons);
// a minus b.
std::vector<PolygonRingsList> polygon_difference(const std::vector<PolygonRingsList>& a,
                                                 const std::vector<PolygonRingsList>& b);
// a and b.
std::vector<PolygonRingsList> polygon_intersection(const std::vector<PolygonRingsList>& a,
                                                   const std::vector<PolygonRingsList>& b);
// Area of the intersection of a and b, m².
double intersection_area(const std::vector<PolygonRingsList>& a, const std::vector<PolygonRingsList>& b);

}  // namespace ss::maps
