#pragma once
// Assembly of a movement: micro scenario (docs/micro.md): building-scale geometry
// from GIS layers and WKT merged into the engine's MicroGeometry (rooms, corridors
// and doors joined, obstacles and walls cut out), one shelter per exit, residents
// placed by room, at points or from a point layer with profiles drawn from shares,
// and the model finalized. assemble() calls it when the scenario says movement: micro.
#include "scenarios/loader/assemble.hpp"

namespace ss::scenarios {

// Throws InputError naming the scenario file and line, or the data file and feature,
// of the geometry at fault: open or self-intersecting polygons, an exit outside the
// walkable area, a door or exit narrower than a body, residents inside a wall or
// without a way out, more residents than a room has start places.
Assembly assemble_micro(const ScenarioDesc& d);

}  // namespace ss::scenarios
