#pragma once
// Passages too narrow for a body anywhere on the way out of a micro area: a corridor
// that narrows, a gap between obstacles, a door. finalize_micro() calls it once the
// navigation grid exists; it names the place so the geometry can be fixed.
#include "engine/core/model.hpp"

namespace ss {

// Throws InputError on "population[<r>]" for the first resident whose every way to an
// exit runs through a place narrower than its body can pass (2 × passing_radius: a
// walker turned sideways, a wheelchair as it is), naming the place: its coordinates,
// the clear width there, and the door (MicroGeometry::doors) or named room (zone) it
// lies in. Needs model.micro.grid.
void check_micro_passages(const Model& m);

// Whether some walker's every way out is narrower than its full body (2 × body_radius),
// so that it has to turn sideways somewhere (MicroGrid::sideways). Needs model.micro.grid
// without its sideways flag's effects (it reads the wall distances only).
bool micro_needs_sideways(const Model& m);

}  // namespace ss
