#pragma once
// Lines of `safestreet run`'s summary about the plan: warning, responders' response
// times by team kind, and each plan target met or missed.
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

#include <string>

namespace ss::cli {

void print_plan_summary(const Model& model, const SimState& state, bool finished);

}  // namespace ss::cli
