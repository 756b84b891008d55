#pragma once
// Warning: who learns of the danger when, and how (DESIGN.md: broadcast channels,
// door-knocking, neighbours, seeing the hazard). A resident's pre-movement delay
// starts when they are warned; those who refuse to leave (Compliance) wait for a
// knock on the door or the hazard at their home.
#include <cstdint>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss {

// Residents who cannot leave without a team (as the registry marks them, and
// everyone bedridden).
inline bool needs_help(const Population& pop, std::size_t i) {
  return pop.needs_assistance[i] != 0 || pop.mobility[i] == Mobility::Bedridden;
}

// Draws and schedules every channel of the plan; called once when a run starts,
// after the pre-movement draws (state.premove).
void init_warning(const Model& model, SimState& state);

// The warning phase of a step starting at t: residents whose channel reaches them by
// t are warned; word of mouth spreads for one step.
void warning_phase(const Model& model, SimState& state, double t);

// Warns r at time t through `source` (no effect when already warned).
void warn_resident(const Model& model, SimState& state, ResidentId r, double t, WarnSource source,
                   std::uint16_t channel = 0);

// A team knocked on r's household door at t: everyone in it is warned, and those who
// refused to leave start getting ready now.
void door_knocked(const Model& model, SimState& state, ResidentId r, double t);

// Hook for hazards (flood, fire): the hazard reached r's home at t. Warns them (they
// see it) and makes those who refused to leave set off at once.
void hazard_at_home(const Model& model, SimState& state, ResidentId r, double t);

// The hazard is in r's home itself (their building caught fire): warned, and they
// leave at once whatever their pre-movement delay or refusal.
void hazard_in_home(const Model& model, SimState& state, ResidentId r, double t);

// Inject: everyone in zone z not yet warned is warned at t.
void broadcast_to_zone(const Model& model, SimState& state, ZoneId z, double t);

// Named zones ordered from the lowest mean terrain elevation of their homes up
// (zones without homes or terrain last). For "low-lying zones" in plans.
std::vector<ZoneId> zones_by_elevation(const World& world, const Population& pop);

}  // namespace ss
