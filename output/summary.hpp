#pragma once
// summary.json: every key figure of a run in one machine-readable document.
#include <nlohmann/json.hpp>

#include "engine/core/metrics.hpp"
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "output/run_info.hpp"

namespace ss::output {

// Keys keep the order they are written in (ordered_json) so the file reads top-down:
// provenance, run settings, evacuation times, groups, zones, outcomes, shelters,
// warnings, journal, inputs, reports, and "wall_seconds" last. Times are in seconds
// and null when a share was never reached.
nlohmann::ordered_json summary_json(const Model& model, const SimState& state, const RunMetrics& metrics,
                                    const RunInfo& info);

}  // namespace ss::output
