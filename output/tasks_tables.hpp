#pragma once
// Run outputs of the plan: tasks.csv, teams.csv, the warning curve columns of
// timeline.csv and the "plan" object of summary.json (responders' response times,
// targets met or missed). Households appear by anonymous id and zone only.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::output {

// id,kind,household,zone,vulnerability,from_inject,created_s,dispatched_s,arrived_s,
// response_s,completed_s,team,team_kind,carried,shelter,failed; one row per task.
std::string tasks_csv(const Model& model, const SimState& state);

// id,name,kind,mode,members,roles,depot_x_m,depot_y_m,mobilisation_s,stage,tasks_done,
// people_escorted,busy_s,distance_m; one row per team.
std::string teams_csv(const Model& model, const SimState& state);

// The warning curve: residents warned by each time, in total, by each channel and by
// door-knocking, neighbours, the hazard and injects.
struct WarningCurve {
  std::vector<std::string> header;  // warned_share, warned_total, warned_<channel>..., warned_door_knock, ...
  std::vector<std::vector<double>> rows;  // (timeline rows, header)
};
WarningCurve warning_curve(const Model& model, const SimState& state);

// "plan": {"warning": {by source}, "responders": {by team kind, by zone, by task kind},
//          "teams": [...], "targets": [{kind, met, measured, ..., missed_households}]}
nlohmann::ordered_json plan_summary_json(const Model& model, const SimState& state, bool finished);

}  // namespace ss::output
