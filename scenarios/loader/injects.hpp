#pragma once
// Scripted injects in a scenario file (`injects:`, docs/scenarios.md): what happens
// when during a drill, by name or place — a road closes or reopens, a shelter closes
// or opens, a team is held up, a zone is warned by broadcast, a call comes in for a
// household that needs a team. Resolved into Plan::injects, which the engine applies
// through the same entry point as live injects (Simulation::apply) and journals.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/model.hpp"
#include "maps/projection.hpp"
#include "scenarios/loader/network_snap.hpp"
#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

namespace detail {
class Field;
}

// Reads the `injects:` list (each item: `at`, one kind key, optional `note`).
std::vector<InjectDesc> read_injects(const detail::Field& f);

// A road as plan.closed_roads and injects give it: {lon, lat} or {osm_way}.
ClosedRoad read_road(const detail::Field& f);
// The street edges such a road names: every edge of the OSM way, or the street
// nearest the point within max_distance. InputError naming `field` when none.
std::vector<EdgeId> road_edges(const ClosedRoad& road, const StreetGraph& g, const NetworkSnapper& snapper,
                               const maps::Projector& projector, double max_distance, const Origins& origins,
                               const std::string& field);

// What inject targets are resolved against: an assembled (or assembling) model, the
// street snapper and the map's projection. Shared by the scenario's `injects:` and a
// drill's exercise script (drill/msel.hpp), so names and places resolve one way.
struct InjectTargets {
  const Model& model;
  const NetworkSnapper& snapper;
  const maps::Projector& projector;
  double max_snap_distance = 0.0;  // m, shelters.max_snap_distance: reach of a road's point
  bool fire = false;               // the scenario has a fire that start_fire can ignite
};

// The interventions one inject stands for (a road given by OSM way is every edge of
// it). InputError naming `in.field` (through `origins`) when a target does not exist,
// with the closest name as a hint; `problems` gets what does not stop it.
std::vector<Intervention> resolve_inject(const InjectDesc& in, const InjectTargets& targets,
                                         const Origins& origins, std::vector<std::string>& problems);

// Resolves names and places into m.plan.injects (sorted by time, stable). Needs the
// world, population and the plan's teams. InputError naming the inject's field when
// a target does not exist; `problems` gets injects timed after the run ends.
void build_injects(const ScenarioDesc& d, const NetworkSnapper& snapper, const maps::Projector& projector,
                   Model& m, std::vector<std::string>& problems);

}  // namespace ss::scenarios
