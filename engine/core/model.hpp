#pragma once
// The immutable model of one run: world, population, plan, parameters, run
// settings and hazards. Built once (scenarios/ assembles it), prepared once by
// finalize(), then shared as const by every Simulation of every seed and thread.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/core/intervention.hpp"
#include "engine/core/params.hpp"
#include "engine/hazards/hazard.hpp"
#include "engine/movement/micro/micro_geometry.hpp"
#include "engine/plan/plan_types.hpp"
#include "engine/world/population.hpp"
#include "engine/world/world.hpp"

namespace ss {

struct ScriptedInject {
  double time = 0.0;  // s after the run's start
  Intervention intervention;
};

// Going up instead of out (docs/plan.md "Going up instead of out"): in a flood,
// residents whose home has an upper floor above the forecast water shelter there
// instead of leaving, where the plan allows it. The Life Safety Model (HR Wallingford)
// and HEC-LifeSim both model such sheltering in place on upper storeys.
struct VerticalEvacuation {
  bool enabled = false;
  std::vector<std::uint8_t> zones;                        // 1 = allowed, (zone_count); empty = every zone
  std::array<std::uint8_t, GroupIndex::kCount> groups{};  // 1 = allowed (any of a resident's groups)
  bool every_group = true;                                // no groups named: everyone
  // Floor to floor, m: 2.4 m clear room height (Musterbauordnung 2002 §47(1), rooms
  // for living) plus about 0.4 m of floor slab; a planning default, configurable.
  double storey_height = 2.8;
  // The top floor must lie this far above the forecast water, m: the UK Environment
  // Agency's standing advice sets finished floor levels 600 mm above the design flood.
  double freeboard = 0.6;
  int untagged_levels = 0;  // storeys assumed where building:levels is not tagged; 0: not eligible
};

struct Plan {
  enum class Assignment : std::uint8_t { Nearest, ByZone };
  Assignment assignment = Assignment::Nearest;
  // With ByZone: shelter for residents of each zone (world.zone_count()); an invalid
  // id means "nearest with room". When the assigned shelter is full or closed its
  // residents go on to the nearest shelter with room.
  std::vector<ShelterId> zone_shelter;
  // What residents do who learn that no open shelter with room can be reached
  // (docs/plan.md "When every shelter is full", a stated planning assumption): wait
  // where they are until the routes change, or walk to the nearest open assembly area
  // (ShelterKind::AssemblyArea) and stay there.
  enum class WhenSheltersFull : std::uint8_t { Wait, AssemblyArea };
  WhenSheltersFull when_shelters_full = WhenSheltersFull::Wait;
  VerticalEvacuation vertical;
  std::vector<EdgeId> closed_edges;        // closed from the start
  std::vector<ShelterId> closed_shelters;  // closed from the start
  // s after start when the plan is activated: teams mobilise from here, tasks are
  // created, and — without warning channels — everyone is warned.
  double warning_time = 0.0;
  WarningPlan warning;              // channels, word of mouth, compliance (engine/plan/warning.hpp)
  ResponsePlan response;            // teams and tasks (engine/plan/responders.hpp)
  std::vector<PlanTarget> targets;  // marked met or missed at the end (engine/plan/targets.hpp)
  // Scripted injects (a drill's script, or a replayed session), in time order: each
  // goes through Simulation::apply() at the first step starting at or after `time`,
  // exactly as a live inject, and is journaled.
  std::vector<ScriptedInject> injects;
};

struct RunSettings {
  double dt = 1.0;                 // s, fixed step
  double duration = 3.0 * 3600.0;  // s
  std::uint64_t seed = 1;
  double timeline_interval = 60.0;  // s between timeline rows
  // Micro runs: every walker's position this many times per simulated second into
  // RunRecords::trajectory (trajectories.txt, docs/micro.md); 0: none. A whole number
  // of steps per frame (1 / (framerate dt) an integer).
  double trajectory_framerate = 0.0;  // frames per s
};

// Which movement model moves the residents (DESIGN.md: two interchangeable models).
enum class MovementKind : std::uint8_t { Network, Micro };

struct Model {
  World world;
  Population population;
  Plan plan;
  Params params;
  RunSettings run;
  // The hazards (flood, fire, ...), advanced in this order each step
  // (engine/hazards/hazard.hpp). Each is prepared once by finalize(); shared by copies.
  std::vector<std::shared_ptr<Hazard>> hazards;
  MovementKind movement = MovementKind::Network;
  MicroGeometry micro;  // the walkable area, obstacles and exits with movement: micro

  // Derived by finalize(): each home snapped to its nearest street.
  std::vector<EdgeId> home_edge;      // (residents)
  std::vector<float> home_offset;     // m from edge_from along the edge, (residents)
  std::vector<float> home_snap_dist;  // m from home to the street, (residents)
  std::vector<ZoneId> home_zone;      // (residents)
  std::vector<ZoneId> shelter_zone;   // (shelters)
  std::vector<MoverClass> mover;      // walker class for hazard closures and speeds, (residents)
  // Each street's walking speed factor relative to level ground in each direction, from
  // its slope (Tobler) or stair (an adult at 1.34 m/s), engine/world/slope.hpp: [2e] walking
  // edge_from → edge_to, [2e + 1] back. The network model's speeds on streets and the
  // way-out fields' costs (length / factor) use it. Empty for a micro model.
  std::vector<float> walk_factor;  // (2 × edges)
  // Earliest forecast of any hazard reaching each home: s after the start, NaN never;
  // empty when no hazard forecasts (dispatch ranks tasks by it).
  std::vector<float> home_threat;  // s, (residents)
  // 1 when the home lies in some hazard's evacuation zone (a flood's low-lying zone);
  // empty when no hazard has one. Target of warning channels and door-knocking.
  std::vector<std::uint8_t> home_in_hazard_zone;  // (residents)
  // Plan::vertical: the height of the top floor above the ground at each home of a
  // resident who may shelter there (m), NaN for everyone else; empty when the plan has
  // no vertical evacuation. Decided once from the hazards' forecast depth at the door.
  std::vector<float> upstairs_floor;  // m, (residents)

  // The one place a model is prepared, once, before any run: checks the invariants
  // a run relies on, derives the fields above (homes snapped to streets, or the micro
  // navigation grid), then prepares every hazard (links, forecasts) and combines
  // their forecasts and zones. Throws InputError (field names the offending part) on
  // an empty network, a shelter off the network, non-positive capacities, dt <= 0
  // and the like. Steps never change the model.
  void finalize();

 private:
  void finalize_network();  // streets checked, homes snapped
  void prepare_hazards();   // mover classes, each hazard's prepare(), combined forecasts and zones
  void decide_upstairs();   // Plan::vertical: upstairs_floor from the hazards' depth forecasts

 public:
  [[nodiscard]] bool finalized() const {
    return home_edge.size() == population.size() && !population.age.empty();
  }
};

// True when r's home lies in some hazard's evacuation zone (Model::home_in_hazard_zone).
inline bool home_in_hazard_zone(const Model& m, ResidentId r) {
  return !m.home_in_hazard_zone.empty() && m.home_in_hazard_zone[r.index()] != 0;
}

}  // namespace ss
