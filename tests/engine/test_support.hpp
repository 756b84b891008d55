#pragma once
// Helpers shared by the engine tests.
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

}  // namespace ss::testing
