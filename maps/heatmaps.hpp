#pragma once
// Heat maps of a network run: Float32 GeoTIFFs in the run folder's heatmaps/ on one
// grid over the map (crowd density and queues along the streets, water exposure and
// smoke dose on the home buildings, time to safety as a surface), each with a QGIS
// style sidecar (.qml) of the same name. docs/results.md "Heat maps".
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::maps {

// Planning assumptions: a 10 m cell shows a street (a few metres wide) and a house
// apart from its neighbour while a 20 km² subdistrict stays under a million cells;
// past kHeatMaxCells the cell doubles until the grid fits.
inline constexpr double kHeatCell = 10.0;  // m
inline constexpr double kHeatMaxCells = 16.0 * 1024 * 1024;
// Time to safety is interpolated from homes within this distance (planning
// assumption: a few blocks, so a pocket of slow homes is not smeared over the town).
inline constexpr double kIdwRadius = 150.0;  // m
inline constexpr double kIdwPower = 2.0;     // Shepard 1968

// The heat maps' common grid: north-up, `cell` m square, origin at the south-west
// corner on a multiple of the cell, covering the street network and every home
// building with a cell to spare.
struct HeatGrid {
  Vec2 origin;        // m, south-west corner
  double cell = 0.0;  // m
  int nx = 0, ny = 0;
  [[nodiscard]] Vec2 centre(int i, int j) const {  // j counts rows from the south
    return {origin.x + (i + 0.5) * cell, origin.y + (j + 0.5) * cell};
  }
};
HeatGrid heat_grid(const Model& model);

// Inverse distance weighting (Shepard 1968, "A two-dimensional interpolation function
// for irregularly-spaced data", Proc. 23rd ACM National Conference, eq. for power 2):
// Σ wᵢ vᵢ / Σ wᵢ with wᵢ = dᵢ^-power over the points within `radius` of p; a point's
// own value at its location; NaN when no point is within reach.
double shepard_idw(std::span<const Vec2> points, std::span<const double> values, Vec2 p,
                   double radius = kIdwRadius, double power = kIdwPower);

// Writes <dir>/heatmaps/*.tif and *.qml for a network run (none for a micro run);
// returns the files written. A map without a home that got wet writes no
// water_exposure.tif, without a smoke dose no smoke_dose.tif, without anyone safe
// no time_to_safety.tif. Throws std::runtime_error on I/O failure.
std::vector<std::string> write_heatmaps(const std::filesystem::path& dir, const Model& model,
                                        const SimState& state);

}  // namespace ss::maps
