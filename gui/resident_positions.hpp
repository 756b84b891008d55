#pragma once
// Where each resident is on the map right now, derived from the engine state on
// demand (never stored across frames beyond one scratch vector).
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::gui {

// Point at `offset` m from the start of polyline `pts` (clamped to its ends).
Vec2 point_along(std::span<const Vec2> pts, double offset);

// Position of resident r: at its shelter when sheltered; with the micro model at its
// body (SimState::position); else on its edge when on the network (interpolated
// along the street polyline), else at home.
Vec2 resident_position(const Model& model, const SimState& state, ResidentId r);

// All residents' positions into `out` (resized to the population).
void resident_positions(const Model& model, const SimState& state, std::vector<Vec2>& out);

}  // namespace ss::gui
