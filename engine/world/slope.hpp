#pragma once
// Walking on slopes and stairs: how much faster or slower than on level ground a
// person walks an edge of the street network, in the direction walked. The network
// model multiplies each walker's free speed by these factors and the way-out fields
// weigh edge lengths by their inverse (docs/movement.md has the relations and sources).
#include <cmath>
#include <cstdint>
#include <span>

#include "engine/core/ids.hpp"
#include "engine/world/population.hpp"
#include "engine/world/world.hpp"

namespace ss {

// --- Slopes: Tobler's hiking function --------------------------------------------
// v(s) = 6 exp(−3.5 |s + 0.05|) km/h with s = dh/dx the grade in the walking direction
// (Tobler 1993, "Three presentations on geographical analysis and modeling",
// NCGIA Technical Report 93-1). Used as a factor on the free speed relative to level
// ground, v(s)/v(0) = exp(−3.5 (|s + 0.05| − 0.05)): 1.19 at its fastest (s = −5 %),
// 0.84 at +5 % and at −15 %, 0.59 at +15 % and at −25 %. Both constants are Tobler's.
inline constexpr double kToblerRate = 3.5;     // per unit of grade
inline constexpr double kToblerOffset = 0.05;  // the grade of the fastest walk is −0.05 (gently down)
// Grades are capped at ±35 %: the steepest public streets on record measure 35–37 %
// over their steepest 10 m (Baldwin Street, Dunedin; Ffordd Pen Llech, Harlech), so a
// steeper figure is a short edge over a DEM artefact or a mistyped tag, and Tobler's fit
// (to Imhof's hiking data) says nothing beyond it. At the cap the factor is 0.29 up and
// 0.42 down.
inline constexpr double kMaxGrade = 0.35;

// v(s)/v(0) for a walk at grade s (rise over horizontal run, positive uphill). A
// non-finite grade counts as level (factor 1); the grade is capped at ±kMaxGrade.
double tobler_factor(double grade);

// --- Stairs ----------------------------------------------------------------------
// A step of an outdoor stair: DIN 18065 (2020) allows risers of 14–19 cm in buildings and
// the step rule 2 R + T = 59–65 cm (Schrittmaßregel); 17 cm risers with 29 cm treads
// (2 × 17 + 29 = 63 cm) are the usual middle. OSM `step_count` × kStepRiser gives a stair's
// height; its slope line is kStepRiser:kStepTread (30.4°).
inline constexpr double kStepRiser = 0.17;  // m
inline constexpr double kStepTread = 0.29;  // m
// SFPE speed along the line of travel on a stair, S = k − a k D (SFPE Handbook of Fire
// Protection Engineering, Gwynne & Rosenbaum, "Employing the hydraulic model in
// assessing emergency movement"; a = 0.266 m²/P). k by riser/tread: 1.00 (7.5/10 in),
// 1.08 (7/11), 1.16 (6.5/12), 1.23 (6.5/13); a 17/29 cm step is nearest 7/11 in
// (178/279 mm), so k = 1.08 m/s. Below 0.54 P/m² the handbook has people walk at the
// speed of that density (its "maximum unimpeded" speed): the free-flow speed is
// k (1 − 0.266 × 0.54) = 0.925 m/s along the stair.
inline constexpr double kSfpeStairK = 1.08;           // m/s, 7/11 in stair
inline constexpr double kSfpeSpeedSlope = 0.266;      // m²/P, the "a" of S = k − a k D
inline constexpr double kSfpeFreeFlowDensity = 0.54;  // P/m², below it the speed no longer rises
inline constexpr double kStairFreeSpeed = kSfpeStairK * (1.0 - kSfpeSpeedSlope * kSfpeFreeFlowDensity);
// SFPE's stair speeds come from drills in office buildings, i.e. people going down, and
// do not tell up from down. Fruin (1971, "Pedestrian planning and design", as quoted in
// PD 7974-6:2004, §G) measured on two stairs by age and sex: down from 1.01 m/s (men
// under 30) to 0.595 m/s (women over 50), up from 0.67 m/s to 0.485 m/s. Ascending is
// taken as descending × 0.67/1.01 (his fastest group, 0.66).
inline constexpr double kStairUpOverDown = 0.67 / 1.01;
// Older people (the age bands from 60 on) are slower on stairs, and markedly so going
// down (Fujiyama & Tyler 2010, "Predicting the walking speed of pedestrians on stairs",
// Transportation Planning and Technology 33(2):177–202): Fruin's slowest group over his
// fastest, 0.595/1.01 = 0.59 down and 0.485/0.67 = 0.72 up.
inline constexpr double kStairOlderDown = 0.595 / 1.01;
inline constexpr double kStairOlderUp = 0.485 / 0.67;
// People with a walking aid: Boyce, Shields & Silcock (1999, Fire Technology 35(1)) give
// 0.81 m/s with a walking stick against 1.25 m/s for non-disabled people on the level;
// that ratio (0.65) is applied on stairs too, up and down (an assumption: no stair
// figure for walking-aid users is pinned in ../shared/VERIFICATION.md).
inline constexpr double kStairWalkingAid = 0.81 / 1.25;

enum class StairWay : std::uint8_t { Up, Down };

// Speed along the stair's slope line (m/s) of a walker of this age band and mobility,
// before the cap at their own free speed. Wheelchair users never use steps (routing
// keeps them off); asked anyway, the answer is that of a walking-aid user.
double stair_speed_along(StairWay way, AgeBand band, Mobility mob);
// Factor on the free speed v0 (m/s) along the edge's horizontal length:
// min(v0, stair_speed_along) / v0 × cos(slope of the stair). Finite and in (0, 1] for any
// input; v0 <= 0 or non-finite gives the factor for v0 = kStairFreeSpeed.
double stair_factor(double free_speed, StairWay way, AgeBand band, Mobility mob);

// The walker the way-out fields plan for on stairs: an adult at Weidmann's (1993) mean
// free speed of 1.34 m/s (../shared/VERIFICATION.md).
inline constexpr double kReferenceWalkSpeed = 1.34;  // m/s

// --- Per edge --------------------------------------------------------------------
// Signed rise (m) walking edge e in its stored direction (edge_from → edge_to), 0 when
// the graph carries none (flat or unknown).
inline float edge_rise_of(const StreetGraph& g, std::size_t e) {
  return e < g.edge_rise.size() && std::isfinite(g.edge_rise[e]) ? g.edge_rise[e] : 0.0f;
}
// Which way a stair edge is walked: `forward` = from edge_from to edge_to. A stair of
// unknown direction (rise 0) counts as going up both ways, the slower of the two.
StairWay stair_way(const StreetGraph& g, std::size_t e, bool forward);
// Speed factor walking edge e forward or backward for a reference walker: Tobler on a
// street, stair_factor() for an adult walking at `reference_speed` on steps.
double edge_walk_factor(const StreetGraph& g, std::size_t e, bool forward, double reference_speed);

// Resolves each edge's final rise after the terrain is known (maps import). On entry
// edge_rise holds the rise a numeric `incline` tag gives (grade × length) or NaN, and
// edge_steps the steps from `step_count`; `tag_sign` (edges, may be empty) the
// direction an `incline` tag gives (+1 up, −1 down along edge_from → edge_to, 0 none).
//  - steps with a count: height count × kStepRiser, the direction from the tag, else
//    from the terrain (node_z), else unknown (rise 0);
//  - a numeric incline: kept (the tag is more local than a DEM);
//  - "up"/"down" without a number: the terrain's height difference with the tag's sign;
//  - otherwise the terrain's difference node_z[to] − node_z[from]; 0 without terrain.
void resolve_edge_rise(StreetGraph& g, std::span<const std::int8_t> tag_sign);

}  // namespace ss
