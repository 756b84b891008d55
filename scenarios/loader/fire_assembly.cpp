#include "scenarios/loader/fire_assembly.hpp"

#include <algorithm>
#include <cmath>

#include "scenarios/loader/gis_layer.hpp"
#include "scenarios/loader/memory_check.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::scenarios {
namespace {

// Default construction classes (Hamada's fire-resistant share; Japanese practice
// distinguishes wooden, fire-preventive — masonry or mortar-clad with timber floors —
// and fire-resistant buildings).
std::vector<FireConstruction> default_constructions() {
  return {{"timber", 0.0, false}, {"masonry", 0.5, false}, {"fire_resistant", 1.0, false}};
}

// Default uses, EN 1991-1-2 Annex E: fire load densities (Table E.4, mean, MJ/m²),
// growth rates (Table E.5) and RHR_f 250 kW/m² (E.4).
std::vector<FireUse> default_uses() {
  return {{"dwelling", 780e6, 300.0, 250e3}, {"office", 420e6, 300.0, 250e3},
          {"shop", 600e6, 150.0, 250e3},     {"school", 285e6, 300.0, 250e3},
          {"hospital", 230e6, 300.0, 250e3}, {"hotel", 310e6, 300.0, 250e3},
          {"library", 1500e6, 150.0, 250e3}, {"theatre", 300e6, 150.0, 250e3},
          {"transport", 100e6, 600.0, 250e3}};
}

// OSM building:material → construction (https://wiki.openstreetmap.org/wiki/Key:building:material).
std::map<std::string, std::string> default_materials() {
  return {{"wood", "timber"},
          {"timber_framing", "timber"},
          {"timber", "timber"},
          {"bamboo", "timber"},
          {"brick", "masonry"},
          {"stone", "masonry"},
          {"sandstone", "masonry"},
          {"limestone", "masonry"},
          {"masonry", "masonry"},
          {"plaster", "masonry"},
          {"cement_block", "masonry"},
          {"adobe", "masonry"},
          {"concrete", "fire_resistant"},
          {"reinforced_concrete", "fire_resistant"},
          {"steel", "fire_resistant"},
          {"metal", "fire_resistant"},
          {"glass", "fire_resistant"}};
}

// OSM building=* (and amenity=*) → construction and use; other kinds take `default`.
std::map<std::string, BuildingClassRule> default_kinds() {
  return {{"garage", {"timber", "transport"}},
          {"garages", {"timber", "transport"}},
          {"shed", {"timber", "transport"}},
          {"hut", {"timber", "dwelling"}},
          {"barn", {"timber", "transport"}},
          {"carport", {"timber", "transport"}},
          {"farm_auxiliary", {"timber", "transport"}},
          {"commercial", {"fire_resistant", "office"}},
          {"office", {"fire_resistant", "office"}},
          {"industrial", {"fire_resistant", "transport"}},
          {"warehouse", {"fire_resistant", "transport"}},
          {"retail", {"masonry", "shop"}},
          {"supermarket", {"fire_resistant", "shop"}},
          {"school", {"fire_resistant", "school"}},
          {"kindergarten", {"masonry", "school"}},
          {"university", {"fire_resistant", "school"}},
          {"hospital", {"fire_resistant", "hospital"}},
          {"hotel", {"masonry", "hotel"}},
          {"library", {"masonry", "library"}},
          {"church", {"masonry", "theatre"}},
          {"theatre", {"masonry", "theatre"}},
          {"cinema", {"fire_resistant", "theatre"}}};
}

template <class T>
std::uint8_t index_of(const std::vector<T>& rows, const std::string& name) {
  for (std::size_t k = 0; k < rows.size(); ++k)
    if (rows[k].name == name) return static_cast<std::uint8_t>(k);
  return 0xFF;
}

template <class T>
std::vector<std::string> names_of(const std::vector<T>& rows) {
  std::vector<std::string> out;
  for (const T& r : rows) out.push_back(r.name);
  return out;
}

}  // namespace

FireDesc build_fire(const ScenarioDesc& sd, const World& world, const maps::Projector& projector,
                    std::vector<std::string>& notes) {
  const FireSection& d = *sd.fire;
  const Origins& o = sd.origins;
  if (world.buildings.empty())
    throw o.error("fire",
                  "the map has no buildings to burn (map.buildings, or building polygons in map.streets)");
  FireDesc f;
  f.params = d.params;
  f.smoke = d.smoke;
  f.zone = d.zone;
  f.wind = d.wind;

  // Tables: defaults, then the scenario's overrides and additions.
  f.constructions = default_constructions();
  f.uses = default_uses();
  for (const auto& [name, c] : d.constructions) {
    std::uint8_t k = index_of(f.constructions, name);
    if (k == 0xFF) {
      f.constructions.push_back({name, 0.0, false});
      k = static_cast<std::uint8_t>(f.constructions.size() - 1);
    }
    if (c.fire_resistant) f.constructions[k].fire_resistant = *c.fire_resistant;
    if (c.non_combustible) f.constructions[k].non_combustible = *c.non_combustible;
  }
  for (const auto& [name, c] : d.uses) {
    std::uint8_t k = index_of(f.uses, name);
    if (k == 0xFF) {
      f.uses.push_back({name, 780e6, 300.0, 250e3});
      k = static_cast<std::uint8_t>(f.uses.size() - 1);
    }
    if (c.fire_load) f.uses[k].fire_load = *c.fire_load;
    if (c.growth_time) f.uses[k].growth_time = *c.growth_time;
    if (c.hrr_per_area) f.uses[k].hrr_per_area = *c.hrr_per_area;
  }
  if (f.constructions.size() > 250 || f.uses.size() > 250)
    throw o.error("fire", "at most 250 constructions and uses");
  auto construction = [&](const std::string& name, const std::string& field) {
    const std::uint8_t k = index_of(f.constructions, name);
    if (k == 0xFF)
      throw o.error(field, "unknown construction '" + name + "'" +
                               detail::did_you_mean(name, names_of(f.constructions)) +
                               "; define it under fire.constructions");
    return k;
  };
  auto use = [&](const std::string& name, const std::string& field) {
    const std::uint8_t k = index_of(f.uses, name);
    if (k == 0xFF)
      throw o.error(field, "unknown use '" + name + "'" + detail::did_you_mean(name, names_of(f.uses)) +
                               "; define it under fire.uses");
    return k;
  };
  std::map<std::string, std::string> materials = default_materials();
  for (const auto& [m, c] : d.materials) materials[m] = c;
  std::map<std::string, BuildingClassRule> kinds = default_kinds();
  for (const auto& [k, r] : d.kinds) {
    BuildingClassRule& row = kinds[k];
    if (!r.construction.empty()) row.construction = r.construction;
    if (!r.use.empty()) row.use = r.use;
  }
  // Every class a rule names must exist (a typo in a table is an error, never a
  // silently different fire).
  for (const auto& [m, c] : d.materials) (void)construction(c, "fire.materials." + m);
  for (const auto& [k, r] : d.kinds) {
    if (!r.construction.empty()) (void)construction(r.construction, "fire.kinds." + k + ".construction");
    if (!r.use.empty()) (void)use(r.use, "fire.kinds." + k + ".use");
  }
  const std::uint8_t default_construction = construction(
      d.fallback.construction.empty() ? "masonry" : d.fallback.construction, "fire.default.construction");
  const std::uint8_t default_use =
      use(d.fallback.use.empty() ? "dwelling" : d.fallback.use, "fire.default.use");

  // Buildings as fuel: a material tag decides construction, the kind (or amenity)
  // decides use and, without a material, construction too.
  f.buildings.resize(world.buildings.size());
  std::size_t tagged = 0;
  for (std::size_t b = 0; b < world.buildings.size(); ++b) {
    const Building& w = world.buildings[b];
    FireBuilding& fb = f.buildings[b];
    fb.centroid = w.centroid;
    fb.side = std::sqrt(std::max(w.area, 1.0));
    const int levels = w.levels > 0 ? w.levels : d.default_levels;
    fb.floor_area = std::max(w.area, 1.0) * levels;
    fb.height = 3.0 * (levels + 1);  // 3 m a storey, one more for the roof
    fb.construction = default_construction;
    fb.use = default_use;
    auto rule = kinds.find(w.kind);
    if (rule == kinds.end() && !w.amenity.empty()) rule = kinds.find(w.amenity);
    if (rule != kinds.end()) {
      if (!rule->second.construction.empty())
        fb.construction = index_of(f.constructions, rule->second.construction);
      if (!rule->second.use.empty()) fb.use = index_of(f.uses, rule->second.use);
    }
    if (!w.material.empty()) {
      const auto m = materials.find(w.material);
      if (m != materials.end()) {
        fb.construction = index_of(f.constructions, m->second);
        ++tagged;
      }
    }
  }
  notes.push_back(
      "fire: " + std::to_string(world.buildings.size()) + " buildings, " + std::to_string(tagged) +
      " with a known building:material; the others by building kind (fire.kinds) or fire.default");

  // The smoke grid over the map with a margin, refused before allocating when it
  // would not fit (cells, or memory for the few float fields per cell).
  const double margin = 200.0;
  RasterGrid& g = f.grid;
  g.cell = f.smoke.cell;
  g.origin = {world.bounds.min.x - margin, world.bounds.min.y - margin};
  const double nxd = std::ceil((world.bounds.width() + 2 * margin) / g.cell);
  const double nyd = std::ceil((world.bounds.height() + 2 * margin) / g.cell);
  const double cells = nxd * nyd;
  constexpr double kBytesPerCell = 3 * sizeof(float);  // soot, lowest visibility, first smoke
  if (!(cells <= static_cast<double>(f.smoke.max_cells)) || cells * kBytesPerCell > memory_limit(sd))
    throw o.error("fire.smoke.cell", "a " + std::to_string(g.cell) + " m smoke grid over the map needs " +
                                         std::to_string(static_cast<long long>(cells)) + " cells (limit " +
                                         std::to_string(f.smoke.max_cells) +
                                         ", fire.smoke.max_cells, and run.memory_limit); use a coarser cell");
  g.nx = static_cast<int>(nxd);
  g.ny = static_cast<int>(nyd);

  // Ignitions: by map id, or the building containing (else nearest to) a point.
  Box map_box = world.bounds;
  for (const IgnitionDesc& ig : d.ignitions) {
    std::uint32_t found = 0xFFFFFFFFu;
    if (ig.building) {
      if (const auto b = world.building_with_id(*ig.building)) found = static_cast<std::uint32_t>(*b);
      if (found == 0xFFFFFFFFu)
        throw o.error(ig.field + ".building",
                      "no building with id " + std::to_string(*ig.building) + " on the map");
    } else {
      const Vec2 p = projector.to_local({ig.at->lon, ig.at->lat});
      if (!map_box.contains(p)) throw o.error(ig.field + ".at", "the ignition point lies outside the map");
      if (const auto b = world.building_at(p, d.snap)) found = static_cast<std::uint32_t>(*b);
      if (found == 0xFFFFFFFFu)
        throw o.error(ig.field + ".at", "no building contains the ignition point or lies within " +
                                            std::to_string(static_cast<int>(d.snap)) +
                                            " m of it (fire.snap)");
    }
    if (f.constructions[f.buildings[found].construction].non_combustible)
      throw o.error(ig.field, "the building is of a non-combustible construction and cannot be set on fire");
    f.ignitions.push_back({ig.time, found});
  }
  std::stable_sort(f.ignitions.begin(), f.ignitions.end(),
                   [](const Ignition& a, const Ignition& b) { return a.time < b.time; });

  for (const RandomIgnitionDesc& r : d.random) {
    RandomIgnition ri;
    ri.time = r.time;
    ri.count = r.count;
    if (r.file.empty()) {
      for (std::size_t b = 0; b < world.buildings.size(); ++b)
        ri.candidates.push_back(static_cast<std::uint32_t>(b));
    } else {
      const LayerData layer = read_layer(r.file, r.layer, projector, r.field + ".candidates.file");
      std::vector<std::uint8_t> pick(world.buildings.size(), 0);
      for (const LayerFeature& feat : layer.features) {
        for (std::size_t b = 0; b < world.buildings.size(); ++b) {
          const Building& w = world.buildings[b];
          bool hit = false;
          for (const Ring& ring : feat.polygons) hit = hit || contains(ring, w.centroid);
          for (const Vec2 p : feat.points) hit = hit || contains(w.outline, p);
          if (hit) pick[b] = 1;
        }
      }
      for (std::size_t b = 0; b < pick.size(); ++b)
        if (pick[b]) ri.candidates.push_back(static_cast<std::uint32_t>(b));
      if (ri.candidates.empty())
        throw o.error(r.field + ".candidates",
                      "no building of the map lies in the candidate layer " + r.file);
    }
    std::erase_if(ri.candidates, [&](std::uint32_t b) {
      return f.constructions[f.buildings[b].construction].non_combustible;
    });
    if (ri.candidates.size() < ri.count)
      throw o.error(r.field + ".count", "asks for " + std::to_string(ri.count) + " ignitions among " +
                                            std::to_string(ri.candidates.size()) + " candidate buildings");
    f.random_ignitions.push_back(std::move(ri));
  }
  return f;
}

}  // namespace ss::scenarios
