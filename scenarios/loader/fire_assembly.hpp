#pragma once
// Turns the scenario's `fire:` block into the engine's FireDesc: every building of
// the map as fuel with its construction and use (from building:material, building=*
// or amenity=*, the scenario's rules, the defaults), ignitions placed on buildings,
// the random ignitions' candidates, the smoke grid over the map.
#include <string>
#include <vector>

#include "engine/hazards/fire/fire.hpp"
#include "engine/world/world.hpp"
#include "maps/projection.hpp"
#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

// Throws InputError with the scenario's file, line and field (a map without
// buildings, an ignition outside the map or in no building, an unknown class in a
// table, a smoke grid too large for the machine ...). What the user may want to know (fuel classes
// found) goes to `notes`.
FireDesc build_fire(const ScenarioDesc& scenario, const World& world, const maps::Projector& projector,
                    std::vector<std::string>& notes);

}  // namespace ss::scenarios
