#include "scenarios/loader/micro_assembly.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "engine/movement/micro/micro_geometry.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/memory_check.hpp"
#include "scenarios/loader/micro_parts.hpp"
#include "scenarios/loader/micro_stairs_section.hpp"

namespace ss::scenarios {
namespace {

using namespace micro;

void build_plan(const ScenarioDesc& d, Model& m) {
  const PlanDesc& p = d.plan;
  const PlanTeamsDesc& r = p.response;
  const char* no = "is not available with movement: micro (it needs the street network)";
  if (!p.closed_roads.empty())
    throw d.origins.error("plan.closed_roads", "a micro scenario has no streets to close");
  if (p.assignment != Plan::Assignment::Nearest)
    throw d.origins.error("plan.assignment",
                          "by_zone is not available with movement: micro; people take the nearest open exit");
  if (r.channels_given) throw d.origins.error("plan.channels", no);
  if (!r.teams.empty()) throw d.origins.error("plan.teams", no);
  if (r.door_knock_set) throw d.origins.error("plan.door_knock", no);
  if (!r.targets.empty()) throw d.origins.error("plan.targets", no);
  if (p.vertical) throw d.origins.error("plan.vertical_evacuation", no);
  if (p.when_shelters_full == Plan::WhenSheltersFull::AssemblyArea)
    throw d.origins.error("plan.when_shelters_full", no);
  if (!p.injects.empty())
    throw d.origins.error("injects", "scripted injects work with the network model only (movement: network)");
  m.plan.warning_time = p.warning_time;
  m.plan.warning.everyone_at_warning_time = true;
  m.plan.warning.word_of_mouth = r.word_of_mouth;
  m.plan.warning.compliance = r.compliance;
  for (std::size_t i = 0; i < p.closed_shelters.size(); ++i) {
    const std::string& name = p.closed_shelters[i];
    std::size_t s = 0;
    while (s < m.world.shelters.size() && m.world.shelters[s].name != name) ++s;
    if (s == m.world.shelters.size())
      throw d.origins.error("plan.closed_shelters[" + std::to_string(i) + "]",
                            "no exit named '" + name + "'");
    if (std::find(m.plan.closed_shelters.begin(), m.plan.closed_shelters.end(), ShelterId{s}) ==
        m.plan.closed_shelters.end())
      m.plan.closed_shelters.push_back(ShelterId{s});
  }
}

}  // namespace

Assembly assemble_micro(const ScenarioDesc& d) {
  Assembly a;
  Model& m = a.model;
  {
    std::error_code ec;
    add_input(a, std::filesystem::absolute(d.origins.file, ec).lexically_normal().string());
  }
  const MicroSection& s = *d.micro;
  MapAreaContext context;
  const std::vector<Piece> pieces = collect_pieces(d, a, context);
  Geometry g;
  try {
    g = build_geometry(pieces, s);
  } catch (const InputError& e) {
    if (!e.file().empty()) throw;
    throw d.origins.error(e.field(), e.message());
  } catch (const std::runtime_error& e) {  // GDAL without GEOS, or a failed overlay
    throw d.origins.error("micro", e.what());
  }

  std::vector<ResidentOrigin> origin;
  m.params = d.params;
  m.population = build_population(d, g, pieces, origin, a);
  add_map_residents(d, g, context.residents, m.population, origin, a);
  m.world.buildings = std::move(context.buildings);  // drawn around the streets, nothing else

  // A door or exit must let every resident through as narrow as its body gets: a
  // walker turned sideways, a wheelchair as it is (passing_radius, MicroParams).
  double r_max = 0.0;
  std::size_t widest = 0;
  for (std::size_t i = 0; i < m.population.size(); ++i)
    if (const double r = passing_radius(m.population.age[i], m.population.mobility[i], m.params.micro);
        r > r_max) {
      r_max = r;
      widest = i;
    }
  const std::string body = m.population.size() == 0 ? std::string()
                           : m.population.mobility[widest] == Mobility::Wheelchair
                               ? "narrower than a body can pass: the wheelchair of resident " +
                                     std::to_string(widest) + " (" + metres(2.0 * r_max) +
                                     " across) cannot turn sideways"
                               : "narrower than a body can pass even turned sideways (" +
                                     metres(2.0 * r_max) + " deep, resident " + std::to_string(widest) + ")";
  for (const Piece* p : g.doors) {
    const double w = distance(p->f.lines[0][0], p->f.lines[0][1]);
    if (w < 2.0 * r_max) fail(p->f, "is " + metres(w) + " wide, " + body);
  }
  for (const Piece* p : g.exits)
    if (!p->f.lines.empty() && distance(p->f.lines[0][0], p->f.lines[0][1]) < 2.0 * r_max)
      fail(p->f, "is " + metres(distance(p->f.lines[0][0], p->f.lines[0][1])) + " wide, " + body);

  // One shelter per exit; an exit without capacity takes everyone (it leads outdoors).
  std::map<std::string, const Piece*> exit_names;
  for (std::size_t e = 0; e < g.exits.size(); ++e) {
    const Piece& p = *g.exits[e];
    ShelterSite site;
    site.name = p.f.name.empty() ? "exit " + std::to_string(e + 1) : p.f.name;
    if (const auto [it, fresh] = exit_names.emplace(site.name, &p); !fresh)
      fail(p.f, "another exit has the same name (" + it->second->f.where + ")");
    site.capacity =
        static_cast<std::int32_t>(p.capacity.value_or(static_cast<std::int64_t>(m.population.size())));
    site.step_free = p.step_free.value_or(true);
    site.open_time = p.open_time.value_or(0.0);
    site.kind = ShelterKind::Open;
    site.takes_everyone = !p.capacity.has_value();
    site.pos = centroid(g.exit_areas[e]);
    m.world.shelters.push_back(site);
    m.micro.exits.push_back({g.exit_areas[e], ShelterId{e}});
    a.shelters.capacity += site.capacity;
  }
  a.shelters.from_list = m.world.shelters.size();
  m.micro.walkable = std::move(g.micro.walkable);
  m.micro.obstacles = std::move(g.micro.obstacles);
  m.micro.doors = std::move(g.micro.doors);
  m.micro.stairs = build_micro_stairs(d);
  // Every named room, corridor or walkable polygon is a zone of the summary.
  for (const Piece* p : g.places)
    for (const PolygonRingsList& poly : p->f.polygons) {
      Ring outline = poly[0];
      if (outline.size() >= 2 && outline.front() == outline.back()) outline.pop_back();
      m.world.zones.push_back({p->f.name, std::move(outline)});
    }

  build_plan(d, m);
  m.run = d.run;
  m.movement = MovementKind::Micro;
  a.memory_limit = memory_limit(d);
  a.memory = estimate_memory(d, m);  // before the navigation grid and the bodies
  check_memory(d, a.memory, a.memory_limit);
  try {
    m.finalize();
  } catch (const InputError& e) {
    const std::string& f = e.field();
    if (f.rfind("population[", 0) == 0) {  // a resident's position: name where it was placed
      const std::size_t r = std::strtoul(f.c_str() + 11, nullptr, 10);
      if (r < origin.size())
        throw InputError(origin[r].file, origin[r].line, origin[r].field,
                         origin[r].what + ": " + e.message());
    }
    if (f.rfind("micro.exits[", 0) == 0) {
      const std::size_t x = std::strtoul(f.c_str() + 12, nullptr, 10);
      if (x < g.exits.size()) fail(g.exits[x]->f, e.message());
    }
    if (!e.file().empty()) throw;
    throw d.origins.error(f, e.message());
  }
  if (a.shelters.capacity < static_cast<std::int64_t>(m.population.size()))
    a.problems.push_back("exit capacity (" + std::to_string(a.shelters.capacity) +
                         ") is below the population (" + std::to_string(m.population.size()) +
                         "): not everyone can leave");
  return a;
}

}  // namespace ss::scenarios
