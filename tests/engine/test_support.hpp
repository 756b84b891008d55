#pragma once
// Helpers shared by the engine tests.
#include <cmath>
#include <string>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::testing {

// Everyone is in exactly one place (at home, on one edge, in one shelter) and the
// per-edge and per-shelter counters match the residents. Empty when all holds.
inline std::string conservation_error(const Model& m, const SimState& s) {
  std::vector<std::uint32_t> count(m.world.streets.edge_count(), 0), queued(count.size(), 0);
  std::vector<std::int32_t> in_shelter(m.world.shelters.size(), 0);
  for (std::size_t i = 0; i < m.population.size(); ++i) {
    const bool on_edge = s.edge[i].valid();
    const bool sheltered = s.status[i] == Status::Sheltered;
    if (on_edge && sheltered)
      return "resident " + std::to_string(i) + " is both on a street and in a shelter";
    if (on_edge) ++count[s.edge[i].index()];
    if (on_edge && s.remaining[i] <= 0.0f) ++queued[s.edge[i].index()];
    if (sheltered) ++in_shelter[s.shelter[i].index()];
  }
  for (std::size_t e = 0; e < count.size(); ++e) {
    if (count[e] != s.edge_count[e]) return "edge " + std::to_string(e) + " count mismatch";
    if (queued[e] != s.edge_queued[e]) return "edge " + std::to_string(e) + " queue mismatch";
  }
  if (in_shelter != s.occupancy) return "shelter occupancy mismatch";
  return {};
}

// A street of width 3 m from a to b, straight, rising `rise` m from a to b.
inline EdgeId link(StreetGraph& g, NodeId a, NodeId b, double rise,
                   StreetKind kind = StreetKind::Residential) {
  const Vec2 pts[] = {g.node_pos[a.index()], g.node_pos[b.index()]};
  const EdgeId e = g.add_edge(a, b, pts, 3.0f, kind);
  g.edge_rise[e.index()] = static_cast<float>(rise);
  return e;
}

// From S (node 0) to T (node 2), 100 m apart at the same height: straight over a crest
// H (node 1) `hill` m high halfway, or round it through D (node 3) on the level,
// `detour` m long. Edges: 0 S–H, 1 H–T, 2 S–D, 3 D–T; adjacency built.
inline void hill_or_detour_streets(StreetGraph& g, double hill, double detour, StreetKind kind) {
  const double half = detour / 2.0;
  g.add_node({0.0, 0.0}, 0.0f);
  g.add_node({50.0, 0.0}, static_cast<float>(hill));
  g.add_node({100.0, 0.0}, 0.0f);
  g.add_node({50.0, std::sqrt(half * half - 50.0 * 50.0)}, 0.0f);
  link(g, NodeId{0}, NodeId{1}, hill, kind);
  link(g, NodeId{1}, NodeId{2}, -hill, kind);
  link(g, NodeId{0}, NodeId{3}, 0.0, kind);
  link(g, NodeId{3}, NodeId{2}, 0.0, kind);
  g.build_adjacency();
}

}  // namespace ss::testing
