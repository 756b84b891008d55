#pragma once
// Building the flood grid from the world: the terrain resampled to the flood cell,
// buildings as blocked cells, Manning roughness by land use, river channels burned
// into the bed from waterway centre lines, and the cells a source covers.
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/hazards/flood/flood.hpp"
#include "engine/world/world.hpp"

namespace ss {

// Manning n by land use, s/m^(1/3). Roads 0.02 and everything else 0.04 are the
// values of the ARR Project 15 Merewether setup (Smith & Wasko 2012, as run by
// ANUGA's validation suite); green 0.05 and channels 0.035 from Chow (1959) Table
// 5-6 (light brush and trees; clean winding natural streams 0.033–0.040).
// Buildings, when they do not block flow, get a high roughness (ARR P15's
// "increased roughness" representation; 0.5 is a planning assumption).
struct FloodLandUse {
  double road = 0.02;
  double other = 0.04;
  double green = 0.05;
  double water = 0.035;
  double building = 0.5;
};

// Estimated bytes per flood cell in model and state (bed, roughness, mask, depth,
// two face discharges, speed, max depth, arrival time, per-cell links): used to
// refuse grids that would not fit before anything is allocated.
inline constexpr double kFloodBytesPerCell = 64.0;

// Grid over `area` (grown to whole cells) with the bed sampled bilinearly from the
// terrain at each cell centre. Cells the terrain leaves unknown (outside it, NoData)
// are blocked. Throws InputError (field) when the terrain is empty, the area needs
// more than max_cells cells or more than memory_bytes at kFloodBytesPerCell (both
// checked before allocating), or more than max_unknown_share of the cells are
// unknown (the DEM does not cover the area).
FloodGrid resample_terrain(const TerrainGrid& terrain, Box area, double cell, std::size_t max_cells,
                           const std::string& field, double max_unknown_share = 0.0,
                           double memory_bytes = HUGE_VAL);

// Cells whose centre lies inside a building footprint become blocked (no flow
// across their faces) — or, with block = false, get land.building roughness.
// Returns the number of cells affected.
std::size_t apply_buildings(FloodGrid& grid, std::span<const Building> buildings, bool block,
                            const FloodLandUse& land);

// Roughness of every cell: streets (cells their centre lines cross) as roads,
// green land-use areas as green, the rest as other. Call before apply_buildings
// and burn_channel, which overwrite their cells.
void apply_land_use(FloodGrid& grid, const StreetGraph& streets, std::span<const Area> areas,
                    const FloodLandUse& land);

// Burns a channel of `width` and `depth` under each line, drawn in flow direction
// (the OpenStreetMap convention for waterway=*). The bed follows the running
// minimum of the terrain along the line minus depth, so the channel never climbs
// on noisy terrain (SRTM is ±several m under trees and bridges). Returns the
// number of channel cells; `mask` (optional) gets 1 on each.
std::size_t burn_channel(FloodGrid& grid, std::span<const std::vector<Vec2>> lines, double width,
                         double depth, const FloodLandUse& land, std::vector<std::uint8_t>* mask = nullptr);

// Open cells crossed by a polyline (sampled every half cell), in order, no repeats.
std::vector<std::uint32_t> cells_along(const FloodGrid& grid, std::span<const Vec2> line);
// Open cells whose centre lies within `radius` of `centre` (at least the cell containing it).
std::vector<std::uint32_t> cells_in_disc(const FloodGrid& grid, Vec2 centre, double radius);

}  // namespace ss
