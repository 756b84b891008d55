#pragma once
// A run's results as GeoPackages for QGIS: results.gpkg in the map's CRS and
// results_wgs84.gpkg, the same layers reprojected to WGS 84 (longitude first). Homes,
// streets (walkers, crowding, queues, hazard maxima), closures, shelters, zones,
// response tasks and team tracks as layers, each with a default style in the
// `layer_styles` table QGIS reads, so that dragging the file into QGIS shows a
// readable map at once (docs/results.md).
#include <filesystem>
#include <string>
#include <vector>

#include "engine/core/metrics.hpp"
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::maps {

// The map's own CRS (none for micro scenarios), or WGS 84 (EPSG:4326, longitude first).
enum class ResultsCrs { Map, Wgs84 };

// Writes `path` (whole or not at all: through a temporary file). Throws
// std::runtime_error on I/O failure, or for ResultsCrs::Wgs84 when the map has no CRS.
void write_results_gpkg(const std::string& path, const Model& model, const SimState& state,
                        const RunMetrics& metrics, ResultsCrs crs = ResultsCrs::Map);

// Every run's GeoPackages into `dir`: results.gpkg and, when the map has a CRS,
// results_wgs84.gpkg. Returns the names of the files written.
std::vector<std::string> write_results_gpkgs(const std::filesystem::path& dir, const Model& model,
                                             const SimState& state, const RunMetrics& metrics);

}  // namespace ss::maps
