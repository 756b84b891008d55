#pragma once
// How long a team takes over each street of its route. Teams on foot walk slopes and
// stairs like residents do: the same relation (engine/world/slope.hpp: Tobler on a
// street, SFPE/Fruin on steps) for an able-bodied adult walking at the team's own
// speed, in the direction walked. Vehicles keep their speed on any grade (no vehicle
// slope rule: planning assumption, a town's streets are well within a car's climb).
// Routing, travel times, positions along a leg and the legs' records all weigh a
// street by these factors, so a team's clock and its place on the map agree.
#include <span>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/plan/plan_state.hpp"
#include "engine/plan/plan_types.hpp"

namespace ss {

// Level-walking speed factor (> 0) of edge e walked away from node `from` at `speed`
// (m/s): 1 in a vehicle.
double team_edge_factor(const Model& model, TravelMode mode, double speed, EdgeId e, NodeId from);

// The same for every edge and direction, for a way-out field (EdgeFilter::walk: [2e]
// edge_from → edge_to, [2e + 1] back): `out` is left empty for a vehicle (plain
// lengths). With `outward` the field's search runs from where the team starts (it
// walks away from the source), so each edge takes the factor of the other direction.
void team_walk_factors(const Model& model, TravelMode mode, double speed, bool outward,
                       std::vector<float>& out);

// The speed a team moves at in its current stage (m/s): carrying or escorting people,
// the slower of its own and the escort speed.
double team_stage_speed(const Team& team, const TeamState& ts);

// Level-walking metres of each street of the team's current path: edge k's length /
// its factor walked from path[k], for a team of this mode at `speed`. `out` has
// path_edges.size() + 1 cumulative entries, from 0.
void team_path_cost(const Model& model, TravelMode mode, double speed, const TeamState& ts,
                    std::vector<double>& out);

}  // namespace ss
