#pragma once
// What water does to a person: walking speed in water (Bernardini et al. 2020),
// whether a street is passable for a wading class (depth and depth × velocity
// limits), and the hazard rating HR = d (v + 0.5) + DF (Defra/EA FD2320/FD2321).
// Pure functions of depth, velocity and profile; sources in VERIFICATION.md.
#include <cstdint>

#include "engine/hazards/flood/flood.hpp"
#include "engine/world/population.hpp"

namespace ss {

// Walking speed in water of depth d (m) and velocity u (m/s) for a person of `age`
// (Bernardini, Quagliarini, D'Orazio & Postacchini 2020, "Towards the simulation of
// flood evacuation in urban scenarios: experiments to estimate human motion speed
// in floodwaters", Safety Science 123:104563): V = α M^β with the momentum
// parameter M = u² d / g + d² / 2 (m²), for d ≥ params.slow_from_depth, by age group
// (α, β); above 68 divided by 1 + 0.016 (age − 68). +inf when the water does not
// slow people (shallower than slow_from_depth). People with a walking aid or in a
// wheelchair use the 61–68 curve (assumption: no published wheelchair data).
double water_walking_speed(double d, double u, int age, Mobility m, const PeopleInWaterParams& p);

// Whether the water closes a street for a class: deeper than it can wade, or d·v
// beyond its stability limit. With `was_closed`, the street reopens only below 90 %
// of both limits, so depth noise at a limit does not flip routes every step.
bool closes_for(double d, double dv, MoverClass c, bool was_closed, const PeopleInWaterParams& p);

// Speed of a walker of class c (age, mobility, free speed v0) in water of depth d (m)
// and velocity u (m/s), from v (its speed on dry ground with crowding): capped by
// water_walking_speed, and at min_factor × v0 when the water is beyond the class's
// limits (closes_for) so they still inch out. The one rule both movement models use.
float speed_in_water(double d, double u, MoverClass c, int age, Mobility m, float v0, float v,
                     const PeopleInWaterParams& p);

// Hazard rating HR = d (v + 0.5) + DF, DF = 0 below debris_depth (FD2321 eq. 13.1).
double hazard_rating(double d, double v, const PeopleInWaterParams& p);
// Class 0 low, 1 danger for some, 2 for most, 3 for all (limits in params).
std::uint8_t hazard_class(double hr, const PeopleInWaterParams& p);
inline constexpr std::size_t kHazardClassCount = 4;
const char* hazard_class_name(std::size_t c);

}  // namespace ss
