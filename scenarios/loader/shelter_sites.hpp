#pragma once
// Shelter sites from the three sources a scenario may name (a list of lon/lat
// points, a GIS layer, map tags), then placed on the street network.
#include <string>
#include <vector>

#include "engine/world/world.hpp"
#include "maps/map_import.hpp"
#include "scenarios/loader/network_snap.hpp"
#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

struct ShelterCandidate {
  ShelterSite site;    // node not yet set
  std::string field;   // scenario field it came from, e.g. "shelters.list[2]"
  std::string source;  // "list", "layer" or "from_map"
  std::string file;    // the layer file for layer shelters (errors name it), else empty
};

std::vector<ShelterCandidate> shelters_from_list(const SheltersDesc& desc, const maps::Projector& projector);
// Assembly areas (ShelterKind::AssemblyArea); capacity 0 stays 0 until the population
// is known (everyone, set by the assembly).
std::vector<ShelterCandidate> assembly_areas_from_list(const SheltersDesc& desc,
                                                       const maps::Projector& projector);
// Through maps::shelters_from_layer / shelters_from_tags (capacity rules there).
std::vector<ShelterCandidate> shelters_from_layer(const ShelterLayerDesc& desc,
                                                  const maps::Projector& projector, const Origins& origins);
// Schools and car parks from the map's tags; map features that could not be used
// (a school node in no building) are added to `problems` with the reason.
std::vector<ShelterCandidate> shelters_from_map(const World& world, const ShelterFromMapDesc& desc,
                                                std::vector<std::string>& problems);

// Snaps each candidate to the nearer end of its nearest street and appends it to
// world.shelters. A listed or layer shelter farther than max_snap from every kept
// street is an InputError naming it; a from_map one is left out with a problem.
// Shelters inside the extent of a cut-off street component are named in problems.
void place_shelters(const std::vector<ShelterCandidate>& candidates, World& world,
                    const NetworkSnapper& snapper, const maps::MapReport& map, double max_snap,
                    const Origins& origins, std::vector<std::string>& problems);

}  // namespace ss::scenarios
