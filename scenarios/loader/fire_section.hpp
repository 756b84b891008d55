#pragma once
// The scenario file's `fire:` block as plain description structs (positions still in
// WGS 84, files resolved): read by Sections::fire() (sections_fire.cpp), turned into
// an engine FireDesc by build_fire() (fire_assembly.cpp). Its `service:` block is read
// by Sections::fire_service() (sections_fire_service.cpp) and assembled by
// build_fire_service() (fire_service_assembly.cpp).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/hazards/fire/fire.hpp"
#include "scenarios/loader/flood_section.hpp"

namespace ss::scenarios {

// A building to set on fire: by its map id (OSM way or relation id) or by a point
// (the building containing it, else the nearest within FireSection::snap).
struct IgnitionDesc {
  double time = 0.0;  // s after the start
  std::optional<std::int64_t> building;
  std::optional<LonLatPoint> at;
  std::string field;  // "fire.ignitions[0]", for errors found at assembly
};

struct RandomIgnitionDesc {
  double time = 0.0;
  std::uint32_t count = 1;
  std::string file,
      layer;  // candidates: buildings holding (or nearest to) its features; empty = every building
  std::string field;
};

// A row of the construction or use table, as overrides of the defaults.
struct ClassOverride {
  std::optional<double> fire_resistant;  // construction
  std::optional<bool> non_combustible;   // construction
  std::optional<double> fire_load;       // use, J/m²
  std::optional<double> growth_time;     // use, s
  std::optional<double> hrr_per_area;    // use, W/m²
};

struct BuildingClassRule {
  std::string construction, use;  // empty: keep the default's
};

// An appliance type of `fire.service.appliance_types`: overrides of the default type
// of that name (engine default_appliance_types()), or a new type starting from the
// first default type of its kind.
struct ApplianceTypeDesc {
  std::string name;
  std::optional<ApplianceKind> kind;
  std::optional<int> crew;               // persons
  std::optional<double> water, flow;     // L, L/min
  std::optional<double> weight, height;  // t, m
  std::optional<double> hose;            // m
  std::string field;                     // "fire.service.appliance_types[0]"
};

// A station of `fire.service.stations.list`.
struct FireStationDesc {
  std::string name;
  LonLatPoint at;
  std::optional<CrewKind> crew;                        // else stations.map_crew
  std::optional<std::vector<std::string>> appliances;  // type names, one per appliance; else map_appliances
  std::optional<double> turnout_day, turnout_night;    // s; else default_turnout(crew)
  std::string field;                                   // "fire.service.stations.list[0]"
};

// A survey layer of things in the appliances' way (points or lines along streets).
struct ObstructionLayerDesc {
  std::string file, layer;
  // Attribute names; a field named in the file must exist in the layer. Missing
  // values: kind "obstruction", width lanes.blocked_width, not closed, known.
  std::string kind_field = "kind", width_field = "width", closed_field = "closed", known_field = "known";
  bool kind_given = false, width_given = false, closed_given = false, known_given = false;
};

// A hydrant layer with inspection data.
struct HydrantLayerDesc {
  std::string file, layer;
  std::string working_field = "working";  // 1/0, yes/no, true/false; empty: unknown
  std::string name_field = "name";
  bool working_given = false, name_given = false;
};

// `fire.service:` (the fire service turns out when present).
struct FireServiceSection {
  FireServiceParams params;              // engine defaults with the file's overrides
  std::vector<ApplianceTypeDesc> types;  // overrides and additions, in file order
  bool stations_from_map = false;        // amenity=fire_station nodes and areas of the map
  CrewKind map_crew = CrewKind::Volunteer;
  std::vector<std::string> map_appliances{"HLF 20"};
  std::vector<FireStationDesc> stations;
  bool hydrants_from_map = true;  // emergency=fire_hydrant nodes of the map
  std::optional<HydrantLayerDesc> hydrant_layer;
  std::optional<ObstructionLayerDesc> obstruction_layer;
};

struct FireSection {
  std::vector<IgnitionDesc> ignitions;
  std::vector<RandomIgnitionDesc> random;
  WindSeries wind;  // at least one row
  FireParams params;
  SmokeParams smoke;
  FireZone zone;
  double snap = 30.0;                                  // m: a point ignition's building within this
  int default_levels = 2;                              // storeys when building:levels is not tagged
  std::map<std::string, ClassOverride> constructions;  // overrides and additions
  std::map<std::string, ClassOverride> uses;
  std::map<std::string, std::string> materials;    // building:material → construction
  std::map<std::string, BuildingClassRule> kinds;  // building=* / amenity=* → construction, use
  BuildingClassRule fallback;                      // `default:`
  std::map<std::string, int> line_of;              // field → line, for class names checked at assembly
  std::optional<FireServiceSection> service;       // `service:`, the fire service
};

}  // namespace ss::scenarios
