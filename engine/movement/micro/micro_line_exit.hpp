#pragma once
// Exits drawn as a line across their opening, as users write them in scenario files
// (docs/micro.md, "How exits count"). Scenario files (scenarios/loader/micro_pieces.cpp)
// and the shared scenes (engine/scenes/micro_builders.cpp) build their exits with
// micro_line_exit(), so both count people at the same place: once the body's centre
// has walked kExitWalkOn past the line to the outside. A MicroExit given as a ring of 2 points a → b
// is such a line: finalize_micro() replaces it by micro_line_exit(a, b, 0).exit, and
// the walkable area must then reach beyond the line as the opening does.
#include "engine/world/geometry.hpp"

namespace ss {

// How far the walkable area continues beyond a line exit, so that a body passes
// through the opening before it is counted: planning assumption, about one body
// across (0.51 m, MicroParams::radius_adult) and at least two navigation cells at
// the coarsest params.grid_cell (0.25 m).
inline constexpr double kExitReach = 0.5;  // m
// How far a person walks on past the line, between the door posts carried on, before
// it is counted and leaves the scene. People who have passed a door walk on; one who
// vanished on the line would free the doorway for the one behind at once. Modelling
// choice, one body across as kExitReach: it lowered IMO 4's 1 m door flow from 1.30
// to 1.12 P/s and left the 2.8 m long bottlenecks of the width sweep within 0.05 P/s
// (docs/verification.md, "Bottleneck flow against width").
inline constexpr double kExitWalkOn = 0.5;  // m

// An exit drawn as a line across its opening, a → b, with the outside on the right
// of a → b (a counter-clockwise room's edge).
struct MicroLineExit {
  // Walkable: the opening from `inside` m inside the line to kExitWalkOn + kExitReach
  // beyond it, as wide as the line (it cuts through the wall the exit sits in).
  Ring opening;
  // The exit area: from kExitWalkOn past the line to 2 × kExitReach beyond that
  // (people are counted there), 2 cm narrower than the
  // line at each end, so that the opening's sides past the line stay walls (door
  // posts). It reaches past the opening's far end, which makes that end open: no
  // wall there in Box2D or in the navigation grid's wall distance.
  Ring exit;
};
MicroLineExit micro_line_exit(Vec2 a, Vec2 b, double inside);

}  // namespace ss
