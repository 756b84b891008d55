#pragma once
// The scenario file's `fire:` block as plain description structs (positions still in
// WGS 84, files resolved): read by Sections::fire() (sections_fire.cpp), turned into
// an engine FireDesc by build_fire() (fire_assembly.cpp).
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
  double time = 0.0;                  // s after the start
  std::optional<std::int64_t> building;
  std::optional<LonLatPoint> at;
  std::string field;                  // "fire.ignitions[0]", for errors found at assembly
};

struct RandomIgnitionDesc {
  double time = 0.0;
  std::uint32_t count = 1;
  std::string file, layer;            // candidates: buildings holding (or nearest to) its features; empty = every building
  std::string field;
};

// A row of the construction or use table, as overrides of the defaults.
struct ClassOverride {
  std::optional<double> fire_resistant;       // construction
  std::optional<bool> non_combustible;        // construction
  std::optional<double> fire_load;            // use, J/m²
  std::optional<double> growth_time;          // use, s
  std::optional<double> hrr_per_area;         // use, W/m²
};

struct BuildingClassRule {
  std::string construction, use;  // empty: keep the default's
};

struct FireSection {
  std::vector<IgnitionDesc> ignitions;
  std::vector<RandomIgnitionDesc> random;
  WindSeries wind;                            // at least one row
  FireParams params;
  SmokeParams smoke;
  FireZone zone;
  double snap = 30.0;                         // m: a point ignition's building within this
  int default_levels = 2;                     // storeys when building:levels is not tagged
  std::map<std::string, ClassOverride> constructions;   // overrides and additions
  std::map<std::string, ClassOverride> uses;
  std::map<std::string, std::string> materials;         // building:material → construction
  std::map<std::string, BuildingClassRule> kinds;       // building=* / amenity=* → construction, use
  BuildingClassRule fallback;                           // `default:`
  std::map<std::string, int> line_of;                   // field → line, for class names checked at assembly
};

}  // namespace ss::scenarios
