#pragma once
// The immutable model of one run: world, population, plan, parameters and run
// settings. Built once (scenarios/ assembles it), finalized, then shared as const
// by every Simulation of every seed and thread.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/flood.hpp"
#include "engine/ids.hpp"
#include "engine/intervention.hpp"
#include "engine/micro_geometry.hpp"
#include "engine/params.hpp"
#include "engine/plan_types.hpp"
#include "engine/population.hpp"
#include "engine/world.hpp"

namespace ss {

struct ScriptedInject {
  double time = 0.0;  // s after the run's start
  Intervention intervention;
};

struct Plan {
  enum class Assignment : std::uint8_t { Nearest, ByZone };
  Assignment assignment = Assignment::Nearest;
  // With ByZone: shelter for residents of each zone (world.zone_count()); an invalid
  // id means "nearest with room". When the assigned shelter is full or closed its
  // residents go on to the nearest shelter with room.
  std::vector<ShelterId> zone_shelter;
  std::vector<EdgeId> closed_edges;     // closed from the start
  std::vector<ShelterId> closed_shelters;  // closed from the start
  // s after start when the plan is activated: teams mobilise from here, tasks are
  // created, and — without warning channels — everyone is warned.
  double warning_time = 0.0;
  WarningPlan warning;                  // channels, word of mouth, compliance (engine/warning.hpp)
  ResponsePlan response;                // teams and tasks (engine/responders.hpp)
  std::vector<PlanTarget> targets;      // marked met or missed at the end (engine/targets.hpp)
  // Scripted injects (a drill's script, or a replayed session), in time order: each
  // goes through Simulation::apply() at the first step starting at or after `time`,
  // exactly as a live inject, and is journaled.
  std::vector<ScriptedInject> injects;
};

struct RunSettings {
  double dt = 1.0;                 // s, fixed step
  double duration = 3.0 * 3600.0;  // s
  std::uint64_t seed = 1;
  double timeline_interval = 60.0; // s between timeline rows
};

// Which movement model moves the residents (DESIGN.md: two interchangeable models).
enum class MovementKind : std::uint8_t { Network, Micro };

struct Model {
  World world;
  Population population;
  Plan plan;
  Params params;
  RunSettings run;
  std::optional<FloodDesc> flood;  // the flood hazard, when the scenario has one (engine/flood.hpp)
  MovementKind movement = MovementKind::Network;
  MicroGeometry micro;  // the walkable area, obstacles and exits with movement: micro

  // Derived by finalize(): each home snapped to its nearest street.
  std::vector<EdgeId> home_edge;      // (residents)
  std::vector<float> home_offset;     // m from edge_from along the edge, (residents)
  std::vector<float> home_snap_dist;  // m from home to the street, (residents)
  std::vector<ZoneId> home_zone;      // (residents)
  std::vector<ZoneId> shelter_zone;   // (shelters)

  // Checks invariants a run relies on and derives the fields above. Throws
  // InputError (field names the offending part) on an empty network, a shelter
  // off the network, non-positive capacities, dt <= 0 and the like.
  void finalize();
  [[nodiscard]] bool finalized() const { return home_edge.size() == population.size() && !population.age.empty(); }
};

}  // namespace ss
