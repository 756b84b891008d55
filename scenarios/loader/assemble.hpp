#pragma once
// Assembly of an engine Model from a scenario description: load the map, place
// shelters, build zones, load or synthesize the population, resolve the plan, apply
// parameter overrides and run settings, then finalize the model.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/memory_estimate.hpp"
#include "engine/core/model.hpp"
#include "engine/world/population_synthesis.hpp"
#include "maps/map_import.hpp"
#include "maps/registry_import.hpp"
#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

struct ShelterCounts {
  std::size_t from_list = 0, from_layer = 0, from_map = 0;
  std::size_t assembly_areas = 0;  // shelters.assembly_areas, not counted above
  std::int64_t capacity = 0;       // persons, all shelters (assembly areas not counted)
};

struct Assembly {
  Model model;  // finalized
  maps::MapReport map_report;
  std::optional<maps::RegistryReport> registry_report;  // population from a registry
  std::optional<SynthesisReport> synthesis_report;      // or synthesized
  ShelterCounts shelters;
  // Things that do not stop the run but make it differ from what the scenario asks
  // for: shelters or homes on cut-off street parts (anonymous resident ids only), too
  // little capacity, injects after the end, ... `safestreet check` exits 3 for them.
  std::vector<std::string> problems;
  // What the loader did that the user may want to know and that changes nothing they
  // asked for: OSM ways dropped as not walkable, fuel classes found, waterways burned
  // into the grid, the fire service found on the map.
  std::vector<std::string> notes;
  // Memory the run will take (scenarios/loader/memory_check.hpp), and the limit it was
  // checked against (bytes): assemble() refuses a scenario over the limit.
  MemoryEstimate memory;
  double memory_limit = 0.0;
  std::vector<std::string> input_files;  // scenario file first, then every file it names
  std::vector<std::string> checksums;    // "fnv1a64:<hex>", parallel to input_files
};

// Called as each stage of the assembly starts, with what it reads or builds ("street
// map and buildings", "terrain", "flood grid", ...), so a caller can show progress.
using AssemblyStage = std::function<void(const char* stage)>;

// Throws ss::InputError naming file, line and field for everything that is wrong
// with the inputs (missing files, shelters off the network, unknown shelter or
// zone names in the plan, closures far from any street, an empty population, ...).
// `stage` (optional) hears of each stage as it starts; it does not change the result.
Assembly assemble(const ScenarioDesc& desc, const AssemblyStage& stage = {});

// Records an input file and its checksum (FNV-1a, "unreadable" when it cannot be
// read) once, for the run's provenance.
void add_input(Assembly& a, const std::string& path);

// The scenario's `map:` sources read through GDAL (maps::load_map), with the
// scenario's file and lines for errors.
maps::MapData load_scenario_map(const ScenarioDesc& desc);

// The scenario's population.registry or population.synthesize over the map's
// world (homes in the map's local CRS), with the import's report in `a`; errors name
// the scenario field. Throws when the population is empty.
Population load_population(const ScenarioDesc& desc, const World& world, const maps::Projector& projector,
                           Assembly& a);

// Loads and assembles in one go: load_scenario(path, variant) then assemble().
Assembly assemble_file(const std::string& path, const std::string& variant = "");

}  // namespace ss::scenarios
