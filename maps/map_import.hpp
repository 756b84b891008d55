#pragma once
// Import of streets, buildings, land-use areas and terrain from any GDAL source
// into the engine's World, reprojected to the local UTM zone.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/world/world.hpp"
#include "maps/projection.hpp"

namespace ss::maps {

struct MapSources {
  std::string streets;          // path to any OGR source (.osm.pbf, .osm, .gpkg, .shp, .geojson)
  std::string streets_layer;    // empty: "lines" for OSM, else the first line layer
  std::string buildings;        // empty: same file as streets
  std::string buildings_layer;  // empty: "multipolygons" for OSM, else first polygon layer
  std::string terrain;          // optional GDAL raster (GeoTIFF, .hgt/.hgt.zip, ASCII grid)
  double terrain_cell = 30.0;   // m, cell of the resampled terrain grid
  std::string crs = "auto";     // "auto" = UTM zone of the data, or a CRS definition
  // Where each of the above was named, for error messages (scenario file and line).
  std::string origin_file;
  int streets_line = 0, buildings_line = 0, terrain_line = 0;
};

struct MapReport {
  std::size_t ways_read = 0;     // line features read
  std::size_t ways_dropped = 0;  // not walkable (motorway, access=no, foot=no, ...)
  std::size_t duplicate_edges_merged = 0;
  std::size_t components = 0;     // before keeping the largest
  std::size_t nodes_dropped = 0;  // nodes outside the largest component
  std::size_t edges_dropped = 0;
  std::vector<Box> dropped_component_bounds;  // m, extent of each cut-off component
  std::size_t buildings = 0;
  std::size_t areas = 0;
  std::size_t fire_stations = 0;  // nodes and areas, within the bounds + kPointMargin
  std::size_t hydrants = 0;
  std::size_t barriers = 0;
  double area_km2 = 0.0;  // of the street network's bounding box
  bool terrain = false;
  std::string source_crs;          // CRS of the street source, as its name
  std::vector<std::string> notes;  // things the user should know
};

// The extent of the cut-off street piece that `p` (local CRS) lies by, if any: within
// a piece's box grown by 50 m, since a building beside such a street lies just
// outside the street's own box.
std::optional<Box> cut_off_piece_near(const MapReport& report, Vec2 p);

// Point features (fire stations, hydrants, barriers) farther than this outside the
// street network's bounds serve no street of the model and are dropped.
inline constexpr double kPointMargin = 500.0;  // m

struct MapData {
  // streets (largest component, adjacency built, edge_vehicle from the tags), buildings,
  // areas, terrain, crs; from OSM sources also fire stations (nodes and areas), hydrants
  // and barriers (other sources: none, except polygons tagged amenity=fire_station)
  World world;
  Projector projector;
  MapReport report;
};

// Throws ss::InputError naming the file (and scenario line) on missing/unreadable
// files, no walkable streets, a raster without CRS or not covering the streets.
MapData load_map(const MapSources& sources);

}  // namespace ss::maps
