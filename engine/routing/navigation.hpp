#pragma once
// Decisions shared by every movement model: which way-out field a resident
// follows, whether a shelter takes them, and rebuilding the fields when shelters
// or streets change.
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss {

// A shelter takes people when it is open (plan, interventions, opening time) and has room.
bool shelter_open(const Model& model, const SimState& state, ShelterId s, double t);
bool shelter_accepts(const Model& model, const SimState& state, ShelterId s, ResidentId r, double t);

// Residents bound for an assembly area (SimState::to_assembly) follow its field;
// wheelchair users follow the step-free field; residents with an assigned open
// shelter with room follow its field; everyone else heads for the nearest with room.
const RouteField& route_field_for(const Model& model, const SimState& state, ResidentId r, double t);

// Puts r into shelter s at time t (s): occupancy, arrivals, full flag, route refresh.
void admit(const Model& model, SimState& state, ResidentId r, ShelterId s, double t);

// Why a resident with no way out is stuck: every shelter closed or full, or no path.
Outcome blocked_reason(const Model& model, const SimState& state, double t);

// A resident with no way out because every shelter is full sets off for the nearest
// assembly area when the plan says so (Plan::WhenSheltersFull::AssemblyArea): marks
// them (SimState::to_assembly) and returns true once; false when they wait instead.
bool head_for_assembly(const Model& model, SimState& state, ResidentId r, double t);

// One reverse search per field from the shelters that currently take people.
void rebuild_routes(const Model& model, SimState& state, double t);

// The streets closed to mover class c: plan and inject closures, and what the
// hazards close for that class (HazardEffects), 0/1 per edge.
void closed_for(const SimState& state, MoverClass c, std::vector<std::uint8_t>& out);

// Persons an edge holds before people upstream must wait (storage capacity).
inline std::uint32_t storage_capacity(const StreetGraph& g, EdgeId e, const MovementParams& p) {
  const double cap = p.storage_density * g.edge_length[e.index()] * g.edge_width[e.index()];
  return cap < 1.0 ? 1u : static_cast<std::uint32_t>(cap);
}

}  // namespace ss
