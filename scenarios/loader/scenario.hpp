#pragma once
// A scenario as plain description structs: what the YAML file says, validated and
// with defaults filled in, but nothing loaded yet. load_scenario() fills these;
// assemble() turns them into an engine Model. Defaults live here, or — for engine
// parameters — in the engine structs embedded below, and nowhere else.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/input_error.hpp"
#include "engine/core/model.hpp"
#include "engine/core/params.hpp"
#include "engine/world/population_synthesis.hpp"
#include "maps/shelter_import.hpp"
#include "scenarios/loader/fire_section.hpp"
#include "scenarios/loader/flood_section.hpp"
#include "scenarios/loader/micro_section.hpp"
#include "scenarios/loader/plan_desc.hpp"

namespace ss::scenarios {

// Where every field came from: the scenario file and the YAML line of each dotted
// field path ("run.dt", "shelters.list[2].capacity"), so errors found later (when
// files are loaded or the model is assembled) still point at the line to fix.
struct Origins {
  std::string file;                    // the scenario file as given
  std::string variant;                 // variant applied, empty for the base
  std::map<std::string, int> line_of;  // field path -> 1-based line

  // Line of `field`, else of its closest recorded parent; 0 when unknown.
  [[nodiscard]] int line(const std::string& field) const;
  [[nodiscard]] InputError error(const std::string& field, const std::string& message) const;
};

struct MapDesc {
  std::string streets;        // required; absolute path after loading
  std::string streets_layer;  // empty: driver default
  std::string buildings;      // empty: the streets file
  std::string buildings_layer;
  std::string terrain;         // optional raster
  double terrain_cell = 30.0;  // m; SRTM's 1" cells are ≈30 m
  std::string crs = "auto";    // "auto" = UTM zone of the data
};

struct RegistryDesc {
  std::string file;
  std::string layer, x_field, y_field, crs;
};

struct PopulationDesc {
  std::optional<RegistryDesc> registry;  // exactly one of registry / synthesize
  std::optional<SynthesisParams> synthesize;
  // Seed of the synthesis: the population is part of the model shared by every run
  // seed, so it has its own seed rather than run.seed.
  std::uint64_t synthesis_seed = 1;
};

struct ShelterEntry {
  std::string name;
  double lon = 0.0, lat = 0.0;  // degrees, WGS 84
  std::int32_t capacity = 0;    // persons, > 0
  bool step_free = true;
  double open_time = 0.0;  // s after start
};

struct ShelterLayerDesc {
  std::string file;
  std::string layer;                        // empty: first layer
  std::string name_field = "name";          // missing value: "shelter <fid>"
  std::string capacity_field = "capacity";  // empty or missing value: polygon area / covered m² per person
  std::string step_free_field;              // optional yes/no field; missing: step-free
  double covered_m2_per_person = maps::ShelterTagRules{}.covered_m2_per_person;
  double open_time = 0.0;  // s after start
};

// Shelters derived from map tags: schools and car parks, where this field's plans
// put people. Capacity rules and their sources: maps/shelter_import.hpp.
struct ShelterFromMapDesc {
  maps::ShelterTagRules rules;
  bool step_free = true;
  double open_time = 0.0;  // s after start
};

struct SheltersDesc {
  std::vector<ShelterEntry> list;
  // Open ground people gather at when every shelter is full (plan.when_shelters_full);
  // capacity 0 = everyone.
  std::vector<ShelterEntry> assembly_areas;
  std::optional<ShelterLayerDesc> layer;
  std::optional<ShelterFromMapDesc> from_map;
  // A shelter farther than this from any street is an input error (off the network).
  double max_snap_distance = 300.0;  // m
};

struct ZonesDesc {
  std::string file;  // GIS polygon layer, or
  std::string layer;
  std::string name_field = "name";
  double grid_cell = 0.0;  // m, > 0: square zones over the map named "Z-<col>-<row>"
};

struct ClosedRoad {
  std::optional<double> lon, lat;       // a point snapped to the nearest street, or
  std::optional<std::int64_t> osm_way;  // every edge of this way
};

// A scripted inject (`injects:`, resolved by scenarios/loader/injects.cpp).
struct InjectDesc {
  double at = 0.0;  // s after the run's start
  Intervention::Kind kind = Intervention::Kind::CloseRoad;
  ClosedRoad road;                        // close_road, open_road
  std::string name;                       // shelter, team, zone or mutual-aid offer by name
  double delay = 0.0;                     // delay_team: s
  std::optional<LonLat> home;             // assist, door_knock: the home nearest this point
  std::optional<std::int64_t> household;  // assist, door_knock: household id as in residents.csv
  std::optional<std::int64_t> building;   // start_fire: the building's map id (else `home` is the point)
  std::string note;                       // for the journal
  std::string field;                      // "injects[3]", for errors while assembling
};

// plan.vertical_evacuation (Plan::vertical); names resolved at assembly.
struct VerticalDesc {
  std::vector<std::string> zones;   // zone names; empty = every zone
  std::vector<std::string> groups;  // group names as in summary.json by_group; empty = everyone
  VerticalEvacuation rules;         // heights and untagged levels
};

struct PlanDesc {
  Plan::Assignment assignment = Plan::Assignment::Nearest;
  std::map<std::string, std::string> zone_shelters;  // zone name -> shelter name (by_zone)
  std::vector<ClosedRoad> closed_roads;
  std::vector<std::string> closed_shelters;  // shelter names
  double warning_time = 0.0;                 // s after start
  // Not given: assembly_area when shelters.assembly_areas lists any, else wait.
  std::optional<Plan::WhenSheltersFull> when_shelters_full;
  std::optional<VerticalDesc> vertical;
  PlanTeamsDesc response;  // warning channels, teams, door-knocking, targets (scenarios/loader/plan_desc.hpp)
  std::vector<InjectDesc> injects;  // the top-level `injects:` list
};

struct VariantDesc {
  std::string name;
  std::string description;
};

struct ScenarioDesc {
  std::string name;
  std::string description;
  std::string folder;  // folder of the scenario file; relative paths resolve against it
  MapDesc map;
  PopulationDesc population;
  SheltersDesc shelters;
  ZonesDesc zones;
  PlanDesc plan;
  Params params;    // engine defaults with the scenario's overrides
  RunSettings run;  // engine defaults with the scenario's values
  // run.memory_limit: bytes a run may take (scenarios/loader/memory_check.hpp); 0 =
  // not set: half of this machine's physical memory.
  double memory_limit = 0.0;
  std::optional<FloodSection> flood;  // the `flood:` block (scenarios/loader/flood_section.hpp)
  std::optional<FireSection> fire;    // the `fire:` block (scenarios/loader/fire_section.hpp)
  // `movement: micro`: the micro block and its population replace map, population
  // and shelters (scenarios/loader/micro_section.hpp, docs/micro.md).
  MovementKind movement = MovementKind::Network;
  std::optional<MicroSection> micro;
  std::vector<VariantDesc> variants;  // all variants the file offers
  std::string variant;                // the one applied, empty for the base
  Origins origins;
};

}  // namespace ss::scenarios
