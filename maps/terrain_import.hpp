#pragma once
// Resampling of a DEM raster (any GDAL raster with a CRS: GeoTIFF, SRTM .hgt or
// .hgt.zip, ESRI ASCII grid, ...) onto a regular grid in the local metric CRS.
#include <string>

#include "engine/world/world.hpp"
#include "maps/projection.hpp"

namespace ss::maps {

struct TerrainRequest {
  std::string path;
  Box bounds;                  // m, local CRS: the area the grid must cover
  double cell = 30.0;          // m
  double max_nan_share = 0.5;  // more unknown cells inside `bounds` than this is an error
  std::string origin_file;     // scenario file naming the raster, for "file not found"
  int origin_line = 0;
  std::string field = "map.terrain";
};

// The grid covers `bounds` plus one cell on every side. Each cell centre is
// transformed into the raster's CRS and sampled bilinearly between pixel centres;
// a NoData pixel among the four makes the cell NaN. Throws InputError naming the
// file when it is missing or unreadable, has no CRS (.hgt files are WGS 84 by
// definition, https://dds.cr.usgs.gov/srtm/version2_1/Documentation/SRTM_Topo.pdf),
// has no georeferencing, or leaves more than max_nan_share of `bounds` unknown.
TerrainGrid load_terrain(const TerrainRequest& request, const Projector& projector);

}  // namespace ss::maps
