#pragma once
// The "hazards" list of summary.json: every hazard's key figures (Hazard::kpis) as
// [{name, kpis: [{name, value, better}]}]. Batches compare them as <hazard>.<kpi>,
// so a new hazard's figures reach reports without changes here.
#include <nlohmann/json.hpp>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::output {

nlohmann::ordered_json hazards_json(const Model& model, const SimState& state);

}  // namespace ss::output
