#pragma once
// Every hazard's output layers (Hazard::layers) written through GDAL into a folder
// per hazard: rasters as Float32 GeoTIFF, masks as GeoPackage polygons, points,
// polygons and lines as GeoPackage layers, tables as CSV, all in the local CRS of the map.
#include <filesystem>
#include <string>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::maps {

// Writes <dir>/<hazard name>/<layer file> for every layer of every hazard of the
// model; returns the files written. Throws std::runtime_error on I/O failure.
std::vector<std::string> write_hazard_layers(const std::filesystem::path& dir, const Model& model,
                                             const SimState& state);

}  // namespace ss::maps
