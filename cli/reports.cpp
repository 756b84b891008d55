#include "cli/reports.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cli/plan_report.hpp"
#include "engine/core/display_text.hpp"
#include "engine/plan/targets.hpp"

namespace ss::cli {
namespace {

using nlohmann::ordered_json;

ordered_json map_json(const maps::MapReport& r, const World& w) {
  ordered_json j;
  j["nodes"] = w.streets.node_count();
  j["edges"] = w.streets.edge_count();
  double length = 0.0;
  for (const float l : w.streets.edge_length) length += l;
  j["street_length_km"] = length / 1000.0;
  j["ways_read"] = r.ways_read;
  j["ways_dropped_not_walkable"] = r.ways_dropped;
  j["duplicate_edges_merged"] = r.duplicate_edges_merged;
  j["components"] = r.components;
  j["nodes_dropped_cut_off"] = r.nodes_dropped;
  j["edges_dropped_cut_off"] = r.edges_dropped;
  j["buildings"] = r.buildings;
  j["areas"] = r.areas;
  j["area_km2"] = r.area_km2;
  j["terrain"] = r.terrain;
  j["source_crs"] = r.source_crs;
  j["local_crs"] = w.crs_name;
  j["notes"] = r.notes;
  return j;
}

ordered_json population_json(const scenarios::Assembly& a) {
  const Population& pop = a.model.population;
  ordered_json j;
  j["residents"] = pop.size();
  std::array<std::size_t, GroupIndex::kCount> groups{};
  std::size_t assistance = 0;
  for (std::size_t i = 0; i < pop.size(); ++i) {
    ++groups[GroupIndex::of_age(age_band(pop.age[i]))];
    ++groups[GroupIndex::of_mobility(pop.mobility[i])];
    ++groups[GroupIndex::of_alone(pop.lives_alone[i] != 0)];
    assistance += pop.needs_assistance[i] ? 1 : 0;
  }
  ordered_json g;
  for (std::size_t k = 0; k < GroupIndex::kCount; ++k) g[GroupIndex::name(k)] = groups[k];
  j["by_group"] = g;
  j["needs_assistance"] = assistance;
  std::vector<std::size_t> by_zone(a.model.world.zone_count(), 0);
  for (const ZoneId z : a.model.home_zone) ++by_zone[z.index()];
  ordered_json zones;
  for (std::size_t z = 0; z < by_zone.size(); ++z)
    if (by_zone[z] > 0) zones[a.model.world.zone_name(ZoneId{z})] = by_zone[z];
  j["by_zone"] = zones;
  if (a.synthesis_report) {
    const SynthesisReport& s = *a.synthesis_report;
    ordered_json sj;
    sj["buildings_total"] = s.buildings_total;
    sj["buildings_used"] = s.buildings_used;
    sj["buildings_inhabited"] = s.buildings_inhabited;
    for (std::size_t k = 0; k < kBuildingExclusionCount; ++k)
      sj["excluded_" + std::string(to_string(static_cast<BuildingExclusion>(k)))] = s.excluded[k];
    sj["residential_floor_area_m2"] = s.floor_area_m2;
    sj["households"] = s.households;
    sj["notes"] = s.notes;
    j["synthesis"] = sj;
  }
  if (a.registry_report) {
    const maps::RegistryReport& r = *a.registry_report;
    ordered_json rj;
    rj["rows"] = r.rows;
    rj["defaulted_age"] = r.defaulted_age;
    rj["defaulted_mobility"] = r.defaulted_mobility;
    rj["defaulted_lives_alone"] = r.defaulted_lives_alone;
    rj["defaulted_household"] = r.defaulted_household;
    rj["defaulted_needs_assistance"] = r.defaulted_needs_assistance;
    rj["ignored_fields"] = r.ignored_fields;
    rj["notes"] = r.notes;
    j["registry"] = rj;
  }
  return j;
}

ordered_json shelters_json(const scenarios::Assembly& a) {
  ordered_json j;
  j["count"] = a.model.world.shelters.size();
  j["capacity"] = a.shelters.capacity;
  j["from_list"] = a.shelters.from_list;
  j["from_layer"] = a.shelters.from_layer;
  j["from_map"] = a.shelters.from_map;
  j["assembly_areas"] = a.shelters.assembly_areas;
  ordered_json list = ordered_json::array();
  for (const ShelterSite& s : a.model.world.shelters)
    list.push_back({{"name", s.name},
                    {"kind", to_string(s.kind)},
                    {"capacity", s.capacity},
                    {"step_free", s.step_free},
                    {"open_time_s", s.open_time}});
  j["list"] = list;
  return j;
}

ordered_json zones_json(const scenarios::Assembly& a) {
  const World& w = a.model.world;
  std::vector<std::size_t> residents(w.zone_count(), 0);
  for (const ZoneId z : a.model.home_zone) ++residents[z.index()];
  ordered_json list = ordered_json::array();
  // Zone 0 is "outside every zone": listed only when someone lives there.
  for (std::size_t z = 0; z < w.zone_count(); ++z)
    if (z > 0 || residents[z] > 0)
      list.push_back({{"name", w.zone_name(ZoneId{z})}, {"residents", residents[z]}});
  return list;
}

ordered_json memory_json(const scenarios::Assembly& a) {
  ordered_json parts = ordered_json::array();
  for (const MemoryPart& p : a.memory.parts)
    parts.push_back({{"what", p.what}, {"field", p.field}, {"bytes", std::llround(p.bytes)}});
  // The limit depends on the machine (half its memory by default): `check --json` adds
  // it, summary.json keeps to what the inputs decide.
  return {{"estimate_bytes", std::llround(a.memory.total())}, {"parts", std::move(parts)}};
}

ordered_json teams_json(const Model& m) {
  ordered_json list = ordered_json::array();
  for (const Team& t : m.plan.response.teams) {
    list.push_back({{"name", t.name},
                    {"kind", to_string(t.kind)},
                    {"members", t.members},
                    {"mode", to_string(t.mode)},
                    {"mobilisation_s", t.mobilisation}});
    if (t.aid >= 0) list.back()["mutual_aid"] = m.plan.response.mutual_aid[t.aid].name;
  }
  return list;
}

// `text` cut to at most `width` display columns (whole code points), then padded.
std::string column(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return pad_display(text, width);
  std::string cut;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t j = i + 1;
    while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
    if (display_width(cut + text.substr(i, j - i)) > width - 1) break;
    cut += text.substr(i, j - i);
    i = j;
  }
  return pad_display(cut + "…", width);
}

// Width of the name column: the longest name, at most `cap` columns.
template <class Range, class Name>
std::size_t name_width(const Range& items, Name name, std::size_t cap = 32) {
  std::size_t w = 8;
  for (const auto& it : items) w = std::max(w, display_width(name(it)));
  return std::min(w, cap);
}

void list_lines(std::ostream& out, const char* label, const std::vector<std::string>& lines) {
  if (lines.empty()) {
    out << pad_display(label, 10) << "none\n";
    return;
  }
  out << pad_display(label, 10) << lines.size() << "\n";
  for (const std::string& l : lines) out << "  - " << l << "\n";
}

void print_variants(std::ostream& out, const std::map<std::string, std::string>& variants,
                    const std::string& chosen) {
  out << "variants  " << variants.size() << " (this check: " << (chosen.empty() ? "base" : chosen) << ")\n";
  std::size_t w = 8;
  for (const auto& [name, _] : variants) w = std::max(w, display_width(name));
  for (const auto& [name, description] : variants) {
    // One line each: a YAML block description keeps its line breaks and final newline.
    std::string text = description;
    std::replace(text.begin(), text.end(), '\n', ' ');
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << "        " << ((chosen.empty() ? name == "base" : name == chosen) ? "* " : "  ") << column(name, w)
        << "  " << text << "\n";
  }
}

}  // namespace

std::string memory_text(const scenarios::Assembly& a) {
  // The largest parts, at most three, those of at least a tenth of the whole.
  std::vector<const MemoryPart*> parts;
  for (const MemoryPart& p : a.memory.parts) parts.push_back(&p);
  std::stable_sort(parts.begin(), parts.end(),
                   [](const MemoryPart* x, const MemoryPart* y) { return x->bytes > y->bytes; });
  std::string s = "about ";
  s.append(format_bytes(a.memory.total()));
  s.append(" at the peak (limit ").append(format_bytes(a.memory_limit)).append(")");
  for (std::size_t k = 0; k < parts.size() && k < 3 && parts[k]->bytes >= 0.1 * a.memory.total(); ++k)
    s.append(k == 0 ? ": " : ", ").append(parts[k]->what).append(" ").append(format_bytes(parts[k]->bytes));
  return s;
}

nlohmann::ordered_json assembly_report(const scenarios::Assembly& a) {
  ordered_json j;
  j["map"] = map_json(a.map_report, a.model.world);
  j["population"] = population_json(a);
  j["shelters"] = shelters_json(a);
  ordered_json hazards = ordered_json::array();
  for (const auto& h : a.model.hazards)
    hazards.push_back({{"name", std::string(h->name())}, {"description", h->describe(a.model)}});
  j["hazards"] = std::move(hazards);
  j["zones"] = zones_json(a);
  j["teams"] = teams_json(a.model);
  j["memory"] = memory_json(a);
  ordered_json targets = ordered_json::array();
  for (const PlanTarget& t : a.model.plan.targets) targets.push_back(target_text(t));
  j["targets"] = std::move(targets);
  j["problems"] = a.problems;
  j["notes"] = a.notes;
  return j;
}

void print_assembly_report(std::ostream& out, const scenarios::Assembly& a, const std::string& scenario_path,
                           const std::map<std::string, std::string>& variants, const std::string& chosen) {
  const ordered_json j = assembly_report(a);
  const auto& m = j["map"];
  char line[512];
  out << "scenario  " << scenario_path << "\n";
  print_variants(out, variants, chosen);
  {
    const RunSettings& run = a.model.run;
    const double steps = std::ceil(run.duration / run.dt);
    std::snprintf(line, sizeof line, "%g s", run.dt);
    out << "run       " << format_clock(run.duration) << " in "
        << format_count(static_cast<std::uint64_t>(steps)) << " steps of " << line
        << ", a timeline row every " << format_clock(run.timeline_interval) << ", seed " << run.seed << "\n";
  }
  out << "memory    " << memory_text(a) << "\n";
  if (a.model.movement == MovementKind::Micro) {  // bodies in a walkable area, no street network
    const MicroGeometry& g = a.model.micro;
    // Walkable area from the navigation grid (cells whose centre is walkable).
    const auto cells = static_cast<double>(std::count(g.grid.walkable.begin(), g.grid.walkable.end(), 1));
    std::snprintf(line, sizeof line,
                  "area      micro: %zu walkable parts, %zu obstacles, %zu exits, %.0f m² walkable\n",
                  g.walkable.size(), g.obstacles.size(), g.exits.size(), cells * g.grid.h * g.grid.h);
    out << line;
  } else {
    std::snprintf(line, sizeof line, "map       %zu nodes, %zu edges, %.1f km of streets, %.2f km² (%s)\n",
                  m["nodes"].get<std::size_t>(), m["edges"].get<std::size_t>(),
                  m["street_length_km"].get<double>(), m["area_km2"].get<double>(),
                  a.model.world.crs_name.c_str());
    out << line;
    std::snprintf(
        line, sizeof line,
        "          %zu components before cleaning; kept the largest, dropped %zu nodes / %zu edges\n",
        m["components"].get<std::size_t>(), m["nodes_dropped_cut_off"].get<std::size_t>(),
        m["edges_dropped_cut_off"].get<std::size_t>());
    out << line;
    std::snprintf(line, sizeof line, "          %zu buildings, terrain %s\n",
                  m["buildings"].get<std::size_t>(), a.map_report.terrain ? "yes" : "no");
    out << line;
  }
  const auto& p = j["population"];
  out << "residents " << format_count(p["residents"].get<std::size_t>()) << " ("
      << format_count(p["needs_assistance"].get<std::size_t>()) << " need assistance)\n";
  for (const auto& [name, count] : p["by_group"].items())
    out << "          " << pad_display(name, 24) << " " << format_count(count.get<std::size_t>()) << "\n";
  const auto& zones = j["zones"];
  if (!zones.empty()) {
    out << "zones     " << zones.size() << "\n";
    const std::size_t w =
        name_width(zones, [](const auto& z) { return z["name"].template get<std::string>(); });
    for (const auto& z : zones)
      out << "          " << column(z["name"].get<std::string>(), w) << "  "
          << format_count(z["residents"].get<std::size_t>()) << " residents\n";
  }
  const auto& s = j["shelters"];
  out << "shelters  " << s["count"].get<std::size_t>() << " with room for "
      << format_count(
             static_cast<std::uint64_t>(std::max<std::int64_t>(0, s["capacity"].get<std::int64_t>())))
      << " (list " << s["from_list"].get<std::size_t>() << ", layer " << s["from_layer"].get<std::size_t>()
      << ", from map " << s["from_map"].get<std::size_t>() << ")\n";
  const auto& sites = a.model.world.shelters;
  const std::size_t sw = name_width(
      sites, [](const ShelterSite& x) { return x.name; }, 40);
  for (const ShelterSite& site : sites) {
    std::snprintf(line, sizeof line, "  %-8s %7d%s", to_string(site.kind), site.capacity,
                  site.step_free ? "" : "  (not step-free)");
    out << "          " << column(site.name, sw) << line << "\n";
  }
  const auto& teams = a.model.plan.response.teams;
  if (!teams.empty()) {
    out << "teams     " << teams.size() << "\n";
    const std::size_t tw = name_width(teams, [](const Team& t) { return t.name; });
    const auto& offers = a.model.plan.response.mutual_aid;
    for (const Team& t : teams) {
      const bool aid = t.aid >= 0 && static_cast<std::size_t>(t.aid) < offers.size();
      const std::string when = aid ? "mutual aid (" + offers[t.aid].name + "), ready " +
                                         format_clock(offers[t.aid].delay) + " after its request"
                                   : "mobilised after " + format_clock(t.mobilisation);
      std::snprintf(line, sizeof line, "  %-14s %3d members, %s, %s", to_string(t.kind), t.members,
                    to_string(t.mode), when.c_str());
      out << "          " << column(t.name, tw) << line << "\n";
    }
  }
  if (!a.model.plan.targets.empty()) {
    out << "targets   " << a.model.plan.targets.size() << "\n";
    for (const PlanTarget& t : a.model.plan.targets) out << "          " << target_text(t) << "\n";
  }
  for (const auto& h : j["hazards"])
    out << pad_display(h["name"].get<std::string>(), 9) << " " << h["description"].get<std::string>() << "\n";
  list_lines(out, "notes", a.notes);
  list_lines(out, "problems", a.problems);
}

}  // namespace ss::cli
