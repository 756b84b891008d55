#pragma once
// The flood during a run: the hazards phase of Simulation::step() advances the
// water, reads depth and velocity per street, closes streets per wading class
// (routes are rebuilt only when a closure changes), closes shelters that flood,
// warns residents whom the water reaches at home, and keeps each resident's
// exposure (hazard rating class, where, when, time in water).
#include <array>
#include <cstdint>
#include <vector>

#include "engine/flood_people.hpp"
#include "engine/flood_solver.hpp"
#include "engine/ids.hpp"
#include "engine/routing.hpp"

namespace ss {

struct Model;
struct SimState;

struct FloodRun {
  FloodState field;  // depth, discharges, max depth, arrival times, volumes

  // Streets: the worst point along each edge decides closures (see flood_hazard.cpp);
  // speed and exposure use the water at the resident's own position on the edge.
  std::vector<float> edge_depth;  // m, (edges)
  std::vector<float> edge_speed;  // m/s, (edges)
  std::vector<float> edge_dv;     // m²/s, depth × velocity, (edges)
  std::array<std::vector<std::uint8_t>, kWadingClassCount> closed;  // 0/1 closed by water, (classes, edges)
  std::uint32_t closure_changes = 0;  // steps in which some street closed or reopened for some class
  RouteField vulnerable;  // way out for the elderly and children (WadingClass::ElderlyOrChild)

  // Residents.
  std::vector<WadingClass> wading;         // (residents)
  std::vector<std::uint8_t> worst_class;   // highest hazard class met, kNever if never in water, (residents)
  std::vector<float> worst_hr;             // highest HR met, (residents)
  std::vector<EdgeId> worst_edge;          // street where it was met, (residents)
  std::vector<float> worst_time;           // s, when, (residents)
  std::vector<float> wet_time;             // s spent in water ≥ exposed_depth, (residents)
  std::vector<float> reached_at_home;      // s, water reached them while at home, NaN if not, (residents)
  std::vector<float> stranded_time;        // s, first found stranded, NaN if never, (residents)
  static constexpr std::uint8_t kNever = 0xFF;

  // Shelters.
  std::vector<float> shelter_flooded;          // s, NaN if never, (shelters)
  std::vector<std::int32_t> occupants_flooded; // persons inside when it flooded, (shelters)

  // Depth snapshots at FloodDesc::snapshot_times (those reached so far).
  std::vector<std::vector<float>> snapshots;   // m, (snapshots, cells)
};

// Derives model.flood->links (edge cells, home and shelter cells). Call after
// Model::finalize(); a no-op without a flood.
void link_flood(Model& model);

// Fills state.flood for a run (empty without a flood).
void init_flood_run(const Model& model, SimState& state);

// The hazards phase of the step starting at t (advances the water to t + dt).
void flood_phase(const Model& model, SimState& state, double t);

// Speed of resident r walking on edge e, from v (dry speed with crowding): capped by
// the walking speed in water, and at the floor when the water is beyond their limits.
float flood_speed(const Model& model, const SimState& state, ResidentId r, EdgeId e, float v);

// True when r's home door lies in a cell of the flood's low-lying zone
// (FloodDesc::low_lying); false without a flood or a low-lying zone.
bool home_low_lying(const Model& model, ResidentId r);

// The closure mask a route field of class c should use: plan/inject closures or water.
void closed_for_class(const Model& model, const SimState& state, WadingClass c, std::vector<std::uint8_t>& out);

}  // namespace ss
