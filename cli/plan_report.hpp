#pragma once
// Lines of `safestreet run`'s summary about the plan: warning, responders' response
// times by team kind, and each plan target met or missed.
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

#include <string>

namespace ss::cli {

// A summary line's label (translated by the caller), padded to the column the values
// start in (17 display columns, the width of "T50/T90/T95/T100 ").
std::string row_label(const char* shown);

void print_plan_summary(const Model& model, const SimState& state, bool finished);

}  // namespace ss::cli
