#pragma once
// Key figures of the flood in a run: the mass balance, who was in water how
// dangerous (Defra FD2321 hazard classes) by group and zone, the longest exposure,
// who was stranded where and when, who the water reached at home, and the flood's
// arrival at homes and shelters.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/flood/flood_people.hpp"
#include "engine/hazards/flood/flood_solver.hpp"

namespace ss {

struct FloodExposure {
  std::uint32_t residents = 0;
  std::uint32_t in_water = 0;  // ever on a street with water ≥ exposed_depth
  // ever in water at least as deep as an adult still wades through
  // (PeopleInWaterParams::max_depth of adults, 0.5 m by default: Bernardini et al. 2020)
  std::uint32_t in_deep_water = 0;
  std::array<std::uint32_t, kHazardClassCount> ever_in_class{};  // by the highest class each met
  std::uint32_t reached_at_home = 0;                             // the water reached them while still at home
  std::uint32_t stranded = 0;                                    // ever found with no way out
  double longest_exposure = 0.0;                                 // s in water, the longest of one resident
};

struct StrandedResident {
  ResidentId resident;
  double time = 0.0;  // s, first found stranded
  Vec2 pos;           // m, where: the junction they wait at, or their home
  bool at_home = false;
  ZoneId zone;  // of `pos`
};

struct ShelterFlood {
  std::optional<double> arrival;  // s, flood arrival at its entrance (≥ arrival_depth)
  std::optional<double> closed;   // s, flooded beyond shelter_close_depth and closed
  std::int32_t occupants = 0;     // inside when it closed
};

struct FloodMetrics {
  FloodVolumes volumes;
  double mass_error = 0.0;  // relative
  std::uint64_t substeps = 0, cell_updates = 0, negative_depths = 0;
  int nx = 0, ny = 0;
  double cell = 0.0;          // m
  double max_depth = 0.0;     // m, anywhere
  double flooded_area = 0.0;  // m², cells reached (max depth ≥ arrival_depth)
  FloodExposure overall;
  std::array<FloodExposure, GroupIndex::kCount> by_group;
  std::vector<FloodExposure> by_zone;  // by home zone, (zones)
  std::optional<ResidentId> longest_resident;
  std::optional<EdgeId> longest_worst_edge;  // where that resident met their worst water
  std::vector<StrandedResident> stranded;
  std::vector<ShelterFlood> shelters;        // (shelters)
  std::uint32_t homes_reached = 0;           // residents whose home the water reached (at home or not)
  std::optional<double> first_home_arrival;  // s
  std::uint32_t closure_changes = 0;
  std::array<std::uint32_t, kMoverClassCount> closed_at_end{};  // streets closed by water per class
};

// Requires a model with a flood (find_flood) and a state from a Simulation of it.
FloodMetrics compute_flood_metrics(const Model& model, const SimState& state);

// Per resident: flood arrival at their home (s, NaN if never).
std::vector<float> home_arrival_times(const Model& model, const SimState& state);

}  // namespace ss
