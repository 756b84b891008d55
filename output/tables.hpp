#pragma once
// The CSV files of a run, each rendered whole into a string (the caller decides
// where it goes). Columns are listed in docs and in each function's comment; empty
// cells mean "not reached / not known". No personal data: residents appear by index
// with their reporting group and home zone only, never their home or exact age.
#include <string>

#include "engine/core/metrics.hpp"
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::output {

// time_s,time_min,<status>...(one per Status),<group>...(GroupIndex::name, safe so
// far),zone_<zone name>...(safe so far),warned_share,warned_total,warned_<channel>...,
// warned_door_knock,warned_neighbours,warned_hazard,warned_inject (the warning curve,
// output/tasks_tables.hpp); one row per SimState::timeline row.
std::string timeline_csv(const Model& model, const SimState& state);

// id,age_band,mobility,lives_alone,needs_assistance,zone,warned_s,start_s,
// arrival_s,distance_m,shelter,outcome; one row per resident, id = resident index.
std::string residents_csv(const Model& model, const SimState& state);

// scope,name,residents,<outcome>...(one per Outcome, to_string); one row for all
// residents (scope "overall"), one per reporting group (scope "group", GroupIndex::name)
// and one per zone (scope "zone", the zone's name): who ended how, at the end.
std::string outcomes_csv(const Model& model, const RunMetrics& metrics);

// id,name,kind,x_m,y_m,capacity,arrivals,occupancy,peak_occupancy,full_time_s,
// closed,step_free,open_time_s,elevation_m,waiting_outside; one row per shelter (local
// metric CRS position; waiting_outside: turned away with every shelter full, waiting at its door).
std::string shelters_csv(const Model& model, const RunMetrics& metrics);

// time_s,time_min,<shelter name>...; occupancy of each shelter at each timeline row.
// Repeated names get " (#id)" appended so every column is unambiguous.
std::string occupancy_csv(const Model& model, const SimState& state);

// step,time_s,kind,target,target_name,note; one row per applied intervention.
std::string journal_csv(const Model& model, const SimState& state);

// Street name of a road intervention's edge or name of a shelter's site; "" if unknown.
std::string intervention_target_name(const Model& model, const Intervention& iv);

}  // namespace ss::output
