#include "scenarios/loader/assemble.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "engine/hazards/fire/fire_hazard.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "scenarios/loader/checksum.hpp"
#include "scenarios/loader/fire_assembly.hpp"
#include "scenarios/loader/fire_service_assembly.hpp"
#include "scenarios/loader/flood_assembly.hpp"
#include "scenarios/loader/injects.hpp"
#include "scenarios/loader/memory_check.hpp"
#include "scenarios/loader/micro_assembly.hpp"
#include "scenarios/loader/network_snap.hpp"
#include "scenarios/loader/plan_assembly.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#include "scenarios/loader/shelter_sites.hpp"
#include "scenarios/loader/yaml_reader.hpp"
#include "scenarios/loader/zones.hpp"

namespace ss::scenarios {

namespace {

// How many anonymous resident ids a problem line lists before "and N more".
constexpr std::size_t kListedIds = 20;

// An InputError from a layer below (engine, maps) that knows the field but not the
// scenario file gets the file and line from the scenario's origins.
[[noreturn]] void rethrow_with_origin(const InputError& e, const Origins& origins) {
  if (!e.file().empty()) throw e;
  throw origins.error(e.field(), e.message());
}

ShelterId shelter_by_name(const World& w, const std::string& name, const Origins& origins,
                          const std::string& field) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < w.shelters.size(); ++i) {
    if (w.shelters[i].name == name) return ShelterId(i);
    names.push_back(w.shelters[i].name);
  }
  throw origins.error(field, "no shelter named '" + name + "'" + detail::did_you_mean(name, names));
}

void build_population(const ScenarioDesc& d, const maps::Projector& projector, Assembly& a) {
  a.model.population = load_population(d, a.model.world, projector, a);
}

void build_plan(const ScenarioDesc& d, const NetworkSnapper& snapper, const maps::Projector& projector,
                Model& m) {
  const PlanDesc& p = d.plan;
  m.plan.assignment = p.assignment;
  const bool areas =
      std::ranges::any_of(m.world.shelters, [](const ShelterSite& s) { return s.assembly_area(); });
  m.plan.when_shelters_full = p.when_shelters_full.value_or(areas ? Plan::WhenSheltersFull::AssemblyArea
                                                                  : Plan::WhenSheltersFull::Wait);
  m.plan.warning_time = p.warning_time;
  for (std::size_t i = 0; i < p.closed_roads.size(); ++i) {
    const std::string field = "plan.closed_roads[" + std::to_string(i) + "]";
    for (const EdgeId e : road_edges(p.closed_roads[i], m.world.streets, snapper, projector,
                                     d.shelters.max_snap_distance, d.origins, field))
      if (std::find(m.plan.closed_edges.begin(), m.plan.closed_edges.end(), e) == m.plan.closed_edges.end())
        m.plan.closed_edges.push_back(e);
  }
  std::vector<std::uint8_t> closed(m.world.shelters.size(), 0);
  for (std::size_t i = 0; i < p.closed_shelters.size(); ++i) {
    const ShelterId s = shelter_by_name(m.world, p.closed_shelters[i], d.origins,
                                        "plan.closed_shelters[" + std::to_string(i) + "]");
    if (!closed[s.index()]++) m.plan.closed_shelters.push_back(s);
  }
  if (p.vertical) {  // names of zones and groups resolved here, with the closest name
    VerticalEvacuation& v = m.plan.vertical;
    v = p.vertical->rules;
    v.enabled = true;
    const std::string base = "plan.vertical_evacuation";
    if (!p.vertical->zones.empty()) {
      v.zones.assign(m.world.zone_count(), 0);
      std::vector<std::string> names;
      for (const Zone& z : m.world.zones) names.push_back(z.name);
      for (std::size_t k = 0; k < p.vertical->zones.size(); ++k) {
        const std::string& name = p.vertical->zones[k];
        const auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end())
          throw d.origins.error(base + ".zones[" + std::to_string(k) + "]",
                                "no zone named '" + name + "'" + detail::did_you_mean(name, names));
        v.zones[static_cast<std::size_t>(it - names.begin())] = 1;
      }
    }
    if (!p.vertical->groups.empty()) {
      v.every_group = false;
      std::vector<std::string> names;
      for (std::size_t g = 0; g < GroupIndex::kCount; ++g) names.push_back(GroupIndex::name(g));
      for (std::size_t k = 0; k < p.vertical->groups.size(); ++k) {
        const std::string& name = p.vertical->groups[k];
        const auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end())
          throw d.origins.error(base + ".groups[" + std::to_string(k) + "]",
                                "no group named '" + name + "'" + detail::did_you_mean(name, names));
        v.groups[static_cast<std::size_t>(it - names.begin())] = 1;
      }
    }
  }
  if (p.assignment == Plan::Assignment::ByZone) {
    m.plan.zone_shelter.assign(m.world.zone_count(), ShelterId{});
    for (const auto& [zone, shelter] : p.zone_shelters) {
      const std::string field = "plan.zone_shelters." + zone;
      std::vector<std::string> names;
      std::size_t z = 0;
      for (; z < m.world.zones.size() && m.world.zones[z].name != zone; ++z)
        names.push_back(m.world.zones[z].name);
      if (z == m.world.zones.size()) {
        for (; z < m.world.zones.size(); ++z) names.push_back(m.world.zones[z].name);
        throw d.origins.error(field, "no zone named '" + zone + "'" + detail::did_you_mean(zone, names));
      }
      m.plan.zone_shelter[z] = shelter_by_name(m.world, shelter, d.origins, field);
    }
  }
}

}  // namespace

void add_input(Assembly& a, const std::string& path) {
  if (path.empty() || std::find(a.input_files.begin(), a.input_files.end(), path) != a.input_files.end())
    return;
  const auto h = fnv1a64_file(path);
  a.input_files.push_back(path);
  a.checksums.push_back(h ? checksum_text(*h) : "unreadable");
}

maps::MapData load_scenario_map(const ScenarioDesc& d) {
  maps::MapSources src;
  src.streets = d.map.streets;
  src.streets_layer = d.map.streets_layer;
  src.buildings = d.map.buildings;
  src.buildings_layer = d.map.buildings_layer;
  src.terrain = d.map.terrain;
  src.terrain_cell = d.map.terrain_cell;
  src.crs = d.map.crs;
  src.origin_file = d.origins.file;
  src.streets_line = d.origins.line("map.streets");
  src.buildings_line = d.origins.line(d.map.buildings.empty() ? "map.streets" : "map.buildings");
  src.terrain_line = d.origins.line("map.terrain");
  return maps::load_map(src);
}

Population load_population(const ScenarioDesc& d, const World& world, const maps::Projector& projector,
                           Assembly& a) {
  Population pop;
  try {
    if (d.population.registry) {
      const RegistryDesc& r = *d.population.registry;
      maps::RegistrySource src{r.file,
                               r.layer,
                               r.x_field,
                               r.y_field,
                               r.crs,
                               d.origins.file,
                               d.origins.line("population.registry.file")};
      maps::RegistryImport imp = maps::load_registry(src, projector, world.bounds, &a.map_report);
      pop = std::move(imp.population);
      a.registry_report = std::move(imp.report);
    } else {
      SynthesisReport rep;
      pop = synthesize_population(world, *d.population.synthesize, d.population.synthesis_seed, rep);
      a.synthesis_report = std::move(rep);
    }
  } catch (const InputError& e) {
    rethrow_with_origin(e, d.origins);
  }
  if (pop.size() == 0) throw d.origins.error("population", "the population is empty");
  return pop;
}

Assembly assemble(const ScenarioDesc& d, const AssemblyStage& stage_fn) {
  auto stage = [&](const char* what) {
    if (stage_fn) stage_fn(what);
  };
  if (d.movement == MovementKind::Micro) {  // building-scale geometry, no map
    stage("micro area: rooms, walls, exits and people");
    return assemble_micro(d);
  }
  Assembly a;
  Model& m = a.model;
  {
    std::error_code ec;
    add_input(a, std::filesystem::absolute(d.origins.file, ec).lexically_normal().string());
  }

  stage(d.map.terrain.empty() ? "street map and buildings" : "street map, buildings and terrain");
  maps::MapData map = load_scenario_map(d);
  m.world = std::move(map.world);
  a.map_report = std::move(map.report);
  for (const std::string& f : {d.map.streets, d.map.buildings, d.map.terrain}) add_input(a, f);
  const NetworkSnapper snapper(m.world.streets);

  // Shelters: listed first (users refer to them by name), then layer, then map tags.
  stage("shelters and zones");
  std::vector<ShelterCandidate> candidates = shelters_from_list(d.shelters, map.projector);
  a.shelters.from_list = candidates.size();
  if (d.shelters.layer) {
    add_input(a, d.shelters.layer->file);
    std::vector<ShelterCandidate> more = shelters_from_layer(*d.shelters.layer, map.projector, d.origins);
    a.shelters.from_layer = more.size();
    candidates.insert(candidates.end(), more.begin(), more.end());
  }
  if (d.shelters.from_map) {
    std::vector<ShelterCandidate> more = shelters_from_map(m.world, *d.shelters.from_map, a.problems);
    if (more.empty())
      a.problems.push_back("shelters.from_map found no school or car park on the map large enough to use");
    candidates.insert(candidates.end(), more.begin(), more.end());
  }
  {  // assembly areas last: the shelters keep their numbers with or without them
    std::vector<ShelterCandidate> more = assembly_areas_from_list(d.shelters, map.projector);
    candidates.insert(candidates.end(), more.begin(), more.end());
  }
  place_shelters(candidates, m.world, snapper, a.map_report, d.shelters.max_snap_distance, d.origins,
                 a.problems);
  for (const ShelterSite& s : m.world.shelters) {
    if (s.assembly_area())
      ++a.shelters.assembly_areas;
    else
      a.shelters.capacity += s.capacity;
  }
  a.shelters.from_map =
      m.world.shelters.size() - a.shelters.from_list - a.shelters.from_layer - a.shelters.assembly_areas;
  if (m.world.shelters.empty())
    throw d.origins.error("shelters", "no shelter could be placed on the street network");

  if (!d.zones.file.empty()) {
    add_input(a, d.zones.file);
    m.world.zones = zones_from_layer(d.zones, map.projector, a.problems);
  } else if (d.zones.grid_cell > 0.0) {
    m.world.zones = grid_zones(m.world.bounds, d.zones.grid_cell);
  }

  if (d.population.registry) add_input(a, d.population.registry->file);
  m.run = d.run;
  a.memory_limit = memory_limit(d);
  if (d.population.synthesize && d.population.synthesize->total > 0)  // before drawing them
    check_memory(d, estimate_memory(d, m, static_cast<std::size_t>(d.population.synthesize->total)),
                 a.memory_limit);
  stage(d.population.registry ? "resident registry" : "population synthesis");
  build_population(d, map.projector, a);
  for (ShelterSite& s : m.world.shelters)  // an assembly area with no capacity given holds everyone
    if (s.takes_everyone && s.capacity == 0) s.capacity = static_cast<std::int32_t>(m.population.size());
  stage("plan, teams and injects");
  build_plan(d, snapper, map.projector, m);
  build_plan_teams(d, snapper, map.projector, m, a.problems);
  build_injects(d, snapper, map.projector, m, a.problems);
  m.params = d.params;
  if (d.flood) stage("flood grid");
  if (d.flood)  // the flood grid on the terrain (scenarios/loader/flood_assembly.hpp)
    m.hazards.push_back(
        std::make_shared<FloodHazard>(build_flood(d, m.world, map.projector, a.problems, a.notes)));
  if (d.fire) {  // the map's buildings as fuel, ignitions, wind (scenarios/loader/fire_assembly.hpp)
    stage(d.fire->service ? "fire: fuel, wind and fire service" : "fire: fuel and wind");
    FireDesc fire = build_fire(d, m.world, map.projector, a.notes);
    for (const RandomIgnitionDesc& r : d.fire->random)
      if (!r.file.empty()) add_input(a, r.file);
    if (const auto& service =
            d.fire->service) {  // stations, hydrants, obstructions (fire_service_assembly.hpp)
      fire.service = build_fire_service(d, m.world, map.projector, snapper, a.problems, a.notes);
      if (service->hydrant_layer) add_input(a, service->hydrant_layer->file);
      if (service->obstruction_layer) add_input(a, service->obstruction_layer->file);
    }
    m.hazards.push_back(std::make_shared<FireHazard>(std::move(fire)));
  }
  // Everything is known now: refuse a run that would not fit before the hazards
  // prepare (a flood's forecast runs the water once) and the run allocates its state.
  a.memory = estimate_memory(d, m);
  check_memory(d, a.memory, a.memory_limit);
  stage("linking homes, shelters and hazards to the streets");
  try {
    m.finalize();  // also links each hazard to streets, homes and shelters, and forecasts
  } catch (const InputError& e) {
    rethrow_with_origin(e, d.origins);
  }
  {  // targets "low_lying: true" need a hazard's evacuation zone (flood.low_lying)
    const bool zone = !m.home_in_hazard_zone.empty();
    const auto& channels = d.plan.response.channels;
    for (std::size_t k = 0; k < channels.size(); ++k)
      if (channels[k].target.low_lying && !zone)
        throw d.origins.error(
            "plan.channels[" + std::to_string(k) + "].low_lying",
            "needs a hazard zone: a flood's low-lying zone (flood.low_lying) or a fire's zone (fire.zone)");
    if (d.plan.response.door_knock.low_lying && !zone)
      throw d.origins.error(
          "plan.door_knock.low_lying",
          "needs a hazard zone: a flood's low-lying zone (flood.low_lying) or a fire's zone (fire.zone)");
  }
  if (d.flood) {
    if (d.flood->rivers) add_input(a, d.flood->rivers->file);
    for (const auto& frame : d.flood->external) {
      add_input(a, frame.second.first);
      add_input(a, frame.second.second);
    }
    if (d.flood->low_lying) add_input(a, d.flood->low_lying->file);
  }

  // Homes the street network does not reach: name them (anonymous ids only).
  std::vector<std::size_t> far;
  for (std::size_t i = 0; i < m.home_snap_dist.size(); ++i)
    if (!(m.home_snap_dist[i] <= d.shelters.max_snap_distance)) far.push_back(i);
  if (!far.empty()) {
    std::string ids;
    for (std::size_t k = 0; k < std::min(far.size(), kListedIds); ++k)
      ids += (k ? ", " : "") + std::to_string(far[k]);
    if (far.size() > kListedIds) ids += ", and " + std::to_string(far.size() - kListedIds) + " more";
    a.problems.push_back(
        std::to_string(far.size()) + " residents live more than " +
        std::to_string(std::lround(d.shelters.max_snap_distance)) +
        " m from the kept street network (on a cut-off part or outside it); resident ids: " + ids);
  }
  std::int64_t open_capacity = 0;  // in shelters not closed from the start
  for (std::size_t k = 0; k < m.world.shelters.size(); ++k)
    if (std::find(m.plan.closed_shelters.begin(), m.plan.closed_shelters.end(), ShelterId{k}) ==
        m.plan.closed_shelters.end())
      open_capacity += m.world.shelters[k].capacity;
  if (!m.world.shelters.empty() && open_capacity == 0 && m.population.size() > 0)
    a.problems.push_back(
        "every shelter is closed from the start (plan.closed_shelters): nobody can be sheltered "
        "unless an inject opens one");
  else if (open_capacity < a.shelters.capacity &&
           open_capacity < static_cast<std::int64_t>(m.population.size()))
    a.problems.push_back("the shelters open from the start have room for " + std::to_string(open_capacity) +
                         " of the population (" + std::to_string(m.population.size()) +
                         "); the others are closed (plan.closed_shelters)");
  if (a.shelters.capacity < static_cast<std::int64_t>(m.population.size()))
    a.problems.push_back("shelter capacity (" + std::to_string(a.shelters.capacity) +
                         ") is below the population (" + std::to_string(m.population.size()) +
                         "): not everyone can be sheltered");
  for (const std::string& n : a.map_report.notes) a.notes.push_back("map: " + n);
  return a;
}

Assembly assemble_file(const std::string& path, const std::string& variant) {
  return assemble(load_scenario(path, variant));
}

}  // namespace ss::scenarios
