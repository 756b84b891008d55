#pragma once
// Responders: teams of the plan leave their depot after mobilisation, knock on doors
// and carry or escort people who cannot leave alone to an accessible shelter. Tasks
// are dispatched by priority and travel time (engine/plan/dispatch.cpp); every task's
// creation, dispatch, arrival and completion is recorded.
//
// Simplification: teams travel the street network at their own speed (on foot times
// the slope or stair factor of each street, engine/plan/team_travel.hpp) along the
// quickest path over the edges their mode may use, found when they set off; they are
// not slowed by pedestrian crowds and do not take up room on the streets. A street
// ahead that closes while they travel (inject, or water too deep for teams on foot
// or vehicles) makes them re-plan from the next junction (docs/plan.md).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss {

void init_responders(const Model& model, SimState& state);

// Advances every team from t to t + dt: arrivals, work on site, escorts, handovers
// and dispatch of idle teams, in time order. Tasks are created when the plan is
// activated (Plan::warning_time).
void responders_phase(const Model& model, SimState& state, double t);

// True while a team is on a task or an open task is waiting for a team that can do it.
bool responders_busy(const Model& model, const SimState& state);

// Teams that found open tasks of their roles but none reachable by the streets open to
// their mode, and have not moved since: a plan whose fire engines cannot reach a
// single flooded home, say. Reported rather than left idle without a word.
std::vector<TeamId> teams_without_reachable_task(const Model& model, const SimState& state);

// A task for r's household, created at t; returns its id (invalid when r needs no
// such task, e.g. an assist task for a household where nobody needs help).
TaskId add_task(const Model& model, SimState& state, TaskKind kind, ResidentId r, double t, bool from_inject);

// Interventions of the plan (DelayTeam, BroadcastWarning, AddAssistTask,
// AddDoorKnockTask, RequestMutualAid): the number of valid targets, and their effect at time t.
bool is_plan_intervention(Intervention::Kind k);
std::size_t plan_intervention_targets(const Model& model, Intervention::Kind k);
void apply_plan_intervention(const Model& model, SimState& state, const Intervention& iv, double t);

// Asks for mutual-aid offer `offer` at t: its reserve teams mobilise, ready at their
// depot the offer's delay later (not before the plan's activation plus that delay).
// A second request for the same offer changes nothing.
void request_mutual_aid(const Model& model, SimState& state, std::size_t offer, double t);
// When offer `offer`'s teams are (or were) ready: NaN while it has not been asked for.
double mutual_aid_ready(const Model& model, const SimState& state, std::size_t offer);

// Where a team is at time t (m, local CRS), along the polylines of the streets of its
// current route; for drawing.
Vec2 team_position(const Model& model, const SimState& state, TeamId team, double t);
// The rest of a travelling team's route at time t, from team_position() to the end of
// its leg along the streets' polylines (m, local CRS); empty when it is not travelling.
void team_route_ahead(const Model& model, const SimState& state, TeamId team, double t,
                      std::vector<Vec2>& out);

// --- internal to responders.cpp / dispatch.cpp

// Home node of resident r (the end of their street nearer their door) and the metres
// from that node to the door along the street.
NodeId home_node(const Model& model, ResidentId r, float* leg = nullptr);
// Picks the best task for an idle team and sets it on its way, departing at `depart`;
// false when no open task is one it can do and reach.
bool dispatch_team(const Model& model, SimState& state, TeamId team, double depart);
// Streets a team of this mode may not use now: plan and inject closures, water too
// deep for it (MoverClass ResponderOnFoot / Vehicle) and, for vehicles, footways,
// paths and steps; 0/1 per edge.
std::vector<std::uint8_t> team_closed_edges(const Model& model, const SimState& state, TravelMode mode);
// Sends a team carrying people from where it is to the nearest open step-free shelter
// with room for them; false when none can be reached.
bool send_to_shelter(const Model& model, SimState& state, TeamId team, double depart);

}  // namespace ss
