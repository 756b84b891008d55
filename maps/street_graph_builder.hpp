#pragma once
// Turns walkable ways (polylines in the local CRS) into the StreetGraph: ways are
// split into edges at every vertex shared with another way (an OSM junction node)
// and at their ends, and duplicate edges are merged.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/world/world.hpp"

namespace ss::maps {

struct WayInput {
  std::vector<Vec2> points;  // m, local CRS
  float width = 0.0f;        // m
  StreetKind kind = StreetKind::Other;
  std::string name;
  std::int64_t source_id = -1;
  VehicleWay vehicle;  // what the way's tags say for heavy vehicles (vehicle_way())
  // From OSM `incline` (parse_incline): grade along the drawing direction, NaN when
  // untagged or only "up"/"down"; its sign (+1 up, −1 down, 0 none).
  double grade = std::numeric_limits<double>::quiet_NaN();
  int incline_sign = 0;
  int steps = 0;  // OSM `step_count` of the whole way, 0 untagged
};

struct GraphBuildResult {
  StreetGraph graph;  // adjacency built, node_z NaN
  // edge_rise: grade × length from a numeric incline, else NaN (resolve_edge_rise() fills
  // it once the terrain is known); edge_steps: the way's step_count shared out by length.
  std::vector<std::int8_t> incline_sign;  // +1/−1 an incline tag's direction along the edge, 0 none, (edges)
  std::size_t duplicate_edges_merged = 0;
  std::size_t degenerate_ways = 0;  // fewer than two distinct points
};

// Vertices are matched on coordinates rounded to kSnap: identical source
// coordinates (shared OSM nodes) always project to the same point, and 1 cm is
// far below mapping accuracy, so distinct nodes never merge by accident.
inline constexpr double kSnap = 0.01;  // m

// Duplicate edges: same end nodes, lengths within 1 % and polyline midpoints
// within max(2 m, 5 % of the length) — the midpoint test keeps two genuinely
// different streets between the same junctions (e.g. both halves of a ring).
// The widest one is kept, with its kind, name and vehicle description (VehicleWay).
GraphBuildResult build_street_graph(std::vector<WayInput> ways);

}  // namespace ss::maps
