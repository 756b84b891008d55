#pragma once
// Turns the scenario's `fire.service:` block into the engine's FireServiceDesc:
// appliance types (defaults with the file's overrides), stations from the map and the
// list snapped to a street node appliances can leave from, hydrants from the map and
// an inspection layer, surveyed obstructions snapped to the streets they stand on.
// OSM barriers are not placed here: the engine's prepare() snaps World::barriers when
// FireServiceParams::barriers_from_map is set.
#include <string>
#include <vector>

#include "engine/hazards/fire/fire_service.hpp"
#include "engine/world/world.hpp"
#include "maps/projection.hpp"
#include "scenarios/loader/network_snap.hpp"
#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

// Throws InputError with the scenario's file, line and field (a listed station off the
// map, an appliance type not defined, a hydrant layer without points, an obstruction
// on no street ...). What does not stop the run but changes it goes to
// `problems`; what the loader found (counts, kinds) to `notes`.
FireServiceDesc build_fire_service(const ScenarioDesc& scenario, const World& world,
                                   const maps::Projector& projector, const NetworkSnapper& snapper,
                                   std::vector<std::string>& problems, std::vector<std::string>& notes);

}  // namespace ss::scenarios
