#pragma once
// A run's results as one GeoPackage for QGIS (results.gpkg): homes, streets,
// shelters, zones and response tasks as layers in the map's CRS, each with a default
// style in the `layer_styles` table QGIS reads, so that dragging the file into QGIS
// shows a readable map at once (docs/results.md).
#include <string>

#include "engine/core/metrics.hpp"
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::maps {

// Writes `path` (whole or not at all: through a temporary file). Throws
// std::runtime_error on I/O failure.
void write_results_gpkg(const std::string& path, const Model& model, const SimState& state,
                        const RunMetrics& metrics);

}  // namespace ss::maps
