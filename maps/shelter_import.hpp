#pragma once
// Shelter sites from a GIS layer (points or polygons) or derived from map tags
// (schools and car parks, the shelters named in the planning setting, DESIGN.md).
// Shelters come back with an invalid `node`: snapping to the network is done
// when the model is assembled.
#include <string>
#include <vector>

#include "engine/world/world.hpp"
#include "maps/projection.hpp"

namespace ss::maps {

struct SourceOrigin {
  std::string file;  // scenario file naming the layer
  int line = 0;
  std::string field = "plan.shelters";
};

// A site without a name or an address is named after the nearest named street this
// close (m): about a block, so that the street is one a visitor would see from it.
inline constexpr double kStreetNameReach = 150.0;

// Capacity rules for shelters derived from tags. Every constant is a parameter.
struct ShelterTagRules {
  bool schools = true;
  bool parking = true;
  // Sphere Handbook 2018, Shelter and Settlement Standard 3 ("Living space"):
  // at least 3.5 m² of covered living space per person.
  double covered_m2_per_person = 3.5;
  // Share of a school's gross floor area (footprint × levels) people can stay in.
  // Assumption: about half — classrooms, halls and the gym — while walls,
  // corridors, stairs, sanitary and technical rooms take the rest.
  double school_usable_share = 0.5;
  // Open-air assembly: China GB 21734-2008 (emergency shelter for earthquake
  // disasters — site and facilities) sets at least 1.5 m² of effective area per person.
  double open_m2_per_person = 1.5;
  // Share of a car park's area that is free to stand on. Assumption: half of the
  // spaces are still occupied by parked cars when people arrive.
  double parking_usable_share = 0.5;
  // Share of a school site without mapped buildings usable as open ground
  // (schoolyard and sports field). Assumption: half of the site.
  double schoolyard_usable_share = 0.5;
  // Car parks smaller than this are ignored. Assumption: below ~40 spaces
  // (about 25 m² each with aisles) a lot is not an organised assembly point.
  double min_parking_area = 1000.0;  // m²
};

// One shelter per school: a school area (amenity=school) takes every building
// whose centroid lies inside it (a building in several school areas goes to the
// smallest) and gets their floor area × usable share / m² per person; its position
// is the centroid of its largest building. A school area without mapped buildings
// counts as open ground (schoolyard). A building tagged amenity=school outside all
// school areas is a school of its own. Car parks (amenity=parking areas) are open
// assembly sites: area × usable share / m² per person. A site is called by its map
// name (name=*), else by its street address (addr:street addr:housenumber of the
// area, or for a school of its largest building: "Hermannstraße 12"), else "school
// at <street>" / "car park at <street>" after the nearest named street within
// kStreetNameReach, else "school <n>" / "car park <n>" (n counts from 1 in map order
// among those). Names may repeat; the scenario loader numbers repeats. A school
// mapped as a node (amenity=school on a node) is the building it stands in, sized the
// same way, unless that building or a school area around it is a school already; a
// school node in no mapped building cannot be sized and is listed in `left_out` with
// the reason. Car parks mapped as nodes are not used: a node gives no area, and
// those in OSM are mostly multi-storey or underground. Schools first (areas,
// buildings, nodes), then car parks, each in map order.
std::vector<ShelterSite> shelters_from_tags(const World& world, const ShelterTagRules& rules = {},
                                            std::vector<std::string>* left_out = nullptr);

// Shelters from any OGR point or polygon layer (empty `layer` = first layer).
// name_field: name column; where it is empty or missing, the street address from
//   addr:street / addr:housenumber columns (or addr_street / addr_housenumber), else
//   "shelter <fid>".
// capacity_field: persons; when empty or a value is missing, polygons get
//   footprint / covered_m2_per_person and points are an InputError.
// step_free_field: yes/no/true/false/1/0 (empty or missing: step-free).
// A `kind` or `type` column with school/parking/building/open sets the kind;
// otherwise polygons are Building, points Other. The layer's CRS is used (no CRS
// and degree-like coordinates: WGS 84); positions are projected to the local CRS.
std::vector<ShelterSite> shelters_from_layer(const std::string& path, const std::string& layer,
                                             const std::string& name_field, const std::string& capacity_field,
                                             const std::string& step_free_field, const Projector& projector,
                                             const SourceOrigin& origin, double covered_m2_per_person = 3.5);

}  // namespace ss::maps
