#pragma once
// The "flood" block of summary.json: mass balance, solver figures, exposure by
// hazard class per group and zone, the longest exposure, stranded residents with
// where and when, residents the water reached at home, and flooded shelters.
#include <nlohmann/json.hpp>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::output {

// Requires a model with a flood (find_flood). Resident ids are the anonymous run ids.
nlohmann::ordered_json flood_summary_json(const Model& model, const SimState& state);

}  // namespace ss::output
