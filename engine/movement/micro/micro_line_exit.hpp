#pragma once
// Exits drawn as a line across their opening, as users write them in scenario files
// (docs/micro.md, "How exits count"). Scenario files (scenarios/loader/micro_pieces.cpp)
// and the shared scenes (engine/scenes/micro_builders.cpp) build their exits with
// micro_line_exit(), so both count people at the same place: once the body's centre
// has crossed the line to the outside. A MicroExit given as a ring of 2 points a → b
// is such a line: finalize_micro() replaces it by micro_line_exit(a, b, 0).exit, and
// the walkable area must then reach beyond the line as the opening does.
#include "engine/world/geometry.hpp"

namespace ss {

// How far the walkable area continues beyond a line exit, so that a body passes
// through the opening before it is counted: planning assumption, about one body
// across (0.51 m, MicroParams::radius_adult) and at least two navigation cells at
// the coarsest params.grid_cell (0.25 m).
inline constexpr double kExitReach = 0.5;  // m

// An exit drawn as a line across its opening, a → b, with the outside on the right
// of a → b (a counter-clockwise room's edge).
struct MicroLineExit {
  // Walkable: the opening from `inside` m inside the line to kExitReach beyond it,
  // as wide as the line (it cuts through the wall the exit sits in).
  Ring opening;
  // The exit area: from the line to 2 × kExitReach beyond it, 2 cm narrower than the
  // line at each end, so that the opening's sides past the line stay walls (door
  // posts). It reaches past the opening's far end, which makes that end open: no
  // wall there in Box2D or in the navigation grid's wall distance.
  Ring exit;
};
MicroLineExit micro_line_exit(Vec2 a, Vec2 b, double inside);

}  // namespace ss
