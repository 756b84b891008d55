#pragma once
// Resolves the plan's channels, teams, door-knocking and targets (PlanTeamsDesc) into
// the engine's Plan: zone names, lowest-lying zones, polygons and routes projected to
// the local CRS, team depots placed on the street network.
#include <string>
#include <vector>

#include "engine/core/model.hpp"
#include "maps/projection.hpp"
#include "scenarios/loader/network_snap.hpp"
#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

// Needs the world (streets, zones, shelters) and the population in `m`. Throws
// InputError naming the field for unknown zones, depots off the network or without a
// matching map feature; adds to `problems` what does not stop a run (a channel that
// starts after the run ends, a shelter that opens after it, a team that never mobilises).
void build_plan_teams(const ScenarioDesc& d, const NetworkSnapper& snapper, const maps::Projector& projector,
                      Model& m, std::vector<std::string>& problems);

}  // namespace ss::scenarios
