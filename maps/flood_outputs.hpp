#pragma once
// The flood's run files, in a folder of their own beside the run outputs:
//   max_depth.tif, arrival_time.tif, depth_<t>s.tif (snapshots)  GeoTIFF, local CRS
//   low_lying.gpkg (layer low_lying), stranded.gpkg (layer stranded)  GeoPackage
//   flood_homes.csv: per resident (anonymous id, zone) flood arrival at home,
//   water reaching them at home, worst hazard class, time in water.
// Each file is written to a temporary name and renamed.
#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/sim_state.hpp"

namespace ss::maps {

// Returns the files written. Requires model.flood. Throws std::runtime_error on I/O failure.
std::vector<std::string> write_flood_outputs(const std::string& dir, const Model& model, const SimState& state);

}  // namespace ss::maps
