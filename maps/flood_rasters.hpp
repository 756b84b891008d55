#pragma once
// GDAL side of the flood: rasters read in their own grid (benchmark DEMs), external
// depth/speed raster series resampled onto the flood grid, waterway centre lines
// from the map, and exports (GeoTIFF of depth / arrival time, GeoPackage layers of
// low-lying zones and stranded residents) in the local CRS.
#include <string>
#include <vector>

#include "engine/hazards/flood/flood.hpp"
#include "engine/world/world.hpp"
#include "maps/projection.hpp"

namespace ss::maps {

// A north-up raster read as it is, without reprojection: rows from the south.
// NoData becomes NaN. Throws InputError naming the file when it is unreadable or rotated.
struct NativeRaster {
  Vec2 origin;        // m (raster CRS), south-west corner
  double cell = 0.0;  // pixel width
  int nx = 0, ny = 0;
  std::vector<float> values;  // (ny * nx), row 0 = south
  std::string crs_wkt;        // empty when the raster has none
};
NativeRaster read_native_raster(const std::string& path, const std::string& field);
// The same raster as a TerrainGrid (for resample_terrain).
TerrainGrid to_terrain(const NativeRaster& r);

// Centre lines of OSM waterway=<kinds> from `layer` of `path`, in the local CRS,
// in drawn (= flow) direction.
std::vector<std::vector<Vec2>> load_waterways(const std::string& path, const std::string& layer,
                                              const std::vector<std::string>& kinds,
                                              const Projector& projector);

struct ExternalFrame {
  double time = 0.0;  // s
  std::string depth;  // raster path, m
  std::string speed;  // optional raster path, m/s
};
// Each raster is reprojected and resampled bilinearly onto the flood grid's cell
// centres; NoData and cells outside the raster read as dry (0). Frames must all
// have speed or none; times strictly increasing; every raster of the series (depth
// and speed) on the first depth raster's grid — pixel counts, geotransform, CRS —
// though that grid may differ from the flood grid. Throws InputError (field; the
// file that differs, and how).
ExternalFlood load_external_flood(const std::vector<ExternalFrame>& frames, const FloodGrid& grid,
                                  const Projector& projector, const std::string& field);

// Single-band Float32 GeoTIFF of a flood-grid field (NaN = NoData), written to a
// temporary name then renamed. Throws std::runtime_error when writing fails.
void write_flood_geotiff(const std::string& path, const FloodGrid& grid, const std::vector<float>& values,
                         const std::string& crs_wkt);

// A GeoPackage layer of the polygons where mask != 0 (cells merged by GDALPolygonize).
void write_mask_polygons(const std::string& path, const std::string& layer, const FloodGrid& grid,
                         const std::vector<std::uint8_t>& mask, const std::string& crs_wkt);

struct PointFeature {
  Vec2 pos;
  std::vector<std::pair<std::string, double>> numbers;  // numeric attributes
  std::vector<std::pair<std::string, std::string>> texts;
};
// A GeoPackage polygon layer, as the points below (NaN numbers are written as null).
struct PolygonFeature {
  Ring outline;  // m, local CRS
  std::vector<std::pair<std::string, double>> numbers;
  std::vector<std::pair<std::string, std::string>> texts;
};
void write_polygons(const std::string& path, const std::string& layer,
                    const std::vector<PolygonFeature>& polygons, const std::string& crs_wkt);

// A GeoPackage line layer, as the points below (NaN numbers are written as null).
struct LineFeature {
  std::vector<Vec2> points;  // m, local CRS, at least two
  std::vector<std::pair<std::string, double>> numbers;
  std::vector<std::pair<std::string, std::string>> texts;
};
void write_lines(const std::string& path, const std::string& layer, const std::vector<LineFeature>& lines,
                 const std::string& crs_wkt);

// A GeoPackage point layer (all features with the same attribute names).
void write_points(const std::string& path, const std::string& layer, const std::vector<PointFeature>& points,
                  const std::string& crs_wkt);

}  // namespace ss::maps
