#pragma once
// Turns the scenario's `flood:` block into the engine's FloodDesc: grid from the
// terrain at the flood cell, land-use roughness, buildings, rivers burned in,
// sources and boundaries placed on cells, external rasters, low-lying zones.
#include <string>
#include <vector>

#include "engine/hazards/flood/flood.hpp"
#include "engine/world/world.hpp"
#include "maps/projection.hpp"
#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

// Throws InputError with the scenario's file, line and field (terrain missing or
// not covering the flood area, a grid too large for memory, a source outside the
// grid, rasters on mismatched grids ...). What does not stop the run but changes it goes to
// `problems`; what the loader found (counts, kinds) to `notes`.
FloodDesc build_flood(const ScenarioDesc& scenario, const World& world, const maps::Projector& projector,
                      std::vector<std::string>& problems, std::vector<std::string>& notes);

// Low-lying cells: bed below `level`, or height above the nearest river cell
// (breadth-first over open cells) below `height`.
std::vector<std::uint8_t> cells_below_level(const FloodGrid& grid, double level);
std::vector<std::uint8_t> cells_near_river_height(const FloodGrid& grid,
                                                  const std::vector<std::uint8_t>& river, double height);

}  // namespace ss::scenarios
