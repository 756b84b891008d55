#pragma once
// Navigation inside a micro area: travel-time fields on the MicroGrid computed by
// fast marching from target cells (Sethian 1996, "A fast marching level set method
// for monotonically advancing fronts", PNAS 93), and the walking direction −∇T
// bodies follow. A field is built for a set of exits once per route change, never
// per body.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/movement/micro/micro_geometry.hpp"
#include "engine/world/geometry.hpp"

namespace ss {

// First-order fast marching: T = 0 at the seeds, |∇T| = cost elsewhere; cells with
// an infinite cost are never reached. Deterministic: ties broken by cell index.
// Returns T per cell (m of cost-weighted distance; +inf where unreachable).
std::vector<float> fast_marching(int nx, int ny, double h, std::span<const float> cost,
                                 std::span<const std::uint32_t> seeds);

// One cell of a field. T and the direction of a cell sit side by side because the
// bodies read them together, cell by cell (one cache line instead of three).
struct FieldCell {
  float t = 0.0f;      // cost-weighted distance to the nearest target, +inf if none
  float dir_x = 0.0f;  // unit walking direction −∇T, 0 at targets/unreachable
  float dir_y = 0.0f;
};

struct MicroField {
  std::vector<FieldCell> cell;  // (cells)
  [[nodiscard]] bool empty() const { return cell.empty(); }
};

// Cost of walking through each cell: +inf off the walkable area and within
// p.field_clearance of a wall; 1 + wall_penalty ((margin − d) / (margin − clearance))²
// within wall_margin of a wall, so paths keep off walls without being forbidden there.
// With g.sideways, cells from the smallest sideways radius (less half a cell) up to
// field_clearance are open too, at that cost carried on (x > 1).
std::vector<float> walking_cost(const MicroGrid& g, const MicroParams& p);

// Field towards the exits marked in `exit_open` (one 0/1 entry per exit).
MicroField build_micro_field(const MicroGrid& g, std::span<const float> cost,
                             std::span<const std::uint8_t> exit_open);

// The walking direction at p: bilinear blend of the directions of the four nearest
// cell centres that have a finite T; the direction of the nearest reachable cell
// within ~0.5 m when none has (a centre pushed into the wall band). False when p is
// nowhere near a reachable cell.
bool field_direction(const MicroGrid& g, const MicroField& f, Vec2 p, Vec2& out);
// T at the nearest reachable cell to p (within ~0.5 m), +inf when none.
float field_value(const MicroGrid& g, const MicroField& f, Vec2 p);

}  // namespace ss
