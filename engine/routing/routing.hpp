#pragma once
// Way-out fields: one reverse shortest-path search from a set of target shelters
// gives every node its distance to the nearest of them and the edge to take next,
// so routing costs one search per field instead of one per resident.
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/world/world.hpp"

namespace ss {

struct RouteField {
  std::vector<float> dist;        // m of level walking to the nearest target, +inf if none reachable, (nodes)
  std::vector<EdgeId> next_edge;  // edge to take from each node, invalid at targets / unreachable, (nodes)
  std::vector<ShelterId> target;  // the shelter this node leads to, (nodes)
  [[nodiscard]] bool reachable(NodeId n) const {
    return dist[n.index()] < std::numeric_limits<float>::infinity();
  }
};

// Which edges a field may use.
struct EdgeFilter {
  std::span<const std::uint8_t> closed;  // 0/1 per edge; empty = none closed
  bool step_free = false;                // skip StreetKind::Steps (wheelchair users)
  // Cost factor ≥ 1 per edge (a hazard that makes a street slower or worse to walk,
  // e.g. smoke): the field's distances are lengths × factor; empty = plain lengths.
  std::span<const float> cost;
  // Walking speed factor per edge and direction (Model::walk_factor, (2 × edges)): a
  // street costs length / factor in the direction walked toward the target, so the
  // field's distances are metres of level walking; empty = plain lengths (teams).
  std::span<const float> walk{};
};

// Multi-source Dijkstra from the nodes of `targets` (each with its own shelter id).
// Deterministic: ties broken by node index.
void build_route_field(const StreetGraph& g, std::span<const ShelterSite> shelters,
                       std::span<const ShelterId> targets, const EdgeFilter& filter, RouteField& out);

struct RouteFields {
  RouteField nearest;            // to the nearest open shelter with room
  RouteField nearest_step_free;  // same for wheelchair users: no steps, step-free shelters only
  // With hazards: the way out for the elderly and children over the streets still
  // passable for their class (MoverClass::ElderlyOrChild); empty without hazards.
  RouteField nearest_elderly_child;
  // For plans that assign shelters by zone: a field per assigned shelter
  // (empty vector for shelters nobody is assigned to).
  std::vector<RouteField> to_shelter;  // (shelters)
  // With Plan::WhenSheltersFull::AssemblyArea: to the nearest open assembly area with
  // room, for walkers and (step-free) for wheelchair users; empty otherwise.
  RouteField to_assembly;
  RouteField to_assembly_step_free;
};

}  // namespace ss
