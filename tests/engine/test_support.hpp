#pragma once
// Helpers shared by the engine tests.
#include <cstdint>
#include <cstring>

#include "engine/sim_state.hpp"

namespace ss::testing {

// FNV-1a over the bytes of the result-bearing arrays of a state: two states with
// the same hash walked the same way.
inline std::uint64_t state_hash(const SimState& s) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&](const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ULL;
  };
  auto vec = [&](const auto& v) { mix(v.data(), v.size() * sizeof(v[0])); };
  mix(&s.step, sizeof s.step);
  vec(s.status);
  vec(s.edge);
  vec(s.remaining);
  vec(s.arrival_time);
  vec(s.start_time);
  vec(s.distance);
  vec(s.shelter);
  vec(s.edge_count);
  vec(s.occupancy);
  return h;
}

}  // namespace ss::testing
