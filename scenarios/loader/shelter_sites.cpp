#include "scenarios/loader/shelter_sites.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace ss::scenarios {

namespace {

std::string metres(double d) { return std::to_string(static_cast<long long>(std::lround(d))) + " m"; }

std::vector<ShelterCandidate> from_entries(const std::vector<ShelterEntry>& entries, const std::string& key,
                                           ShelterKind kind, const maps::Projector& projector) {
  std::vector<ShelterCandidate> out;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ShelterEntry& e = entries[i];
    ShelterCandidate c;
    c.site.name = e.name;
    c.site.pos = projector.to_local({e.lon, e.lat});
    c.site.capacity = e.capacity;
    c.site.step_free = e.step_free;
    c.site.open_time = e.open_time;
    c.site.kind = kind;
    // An assembly area without a capacity holds everyone (capacity set to the
    // population once it is known, as micro exits do).
    c.site.takes_everyone = kind == ShelterKind::AssemblyArea && e.capacity == 0;
    c.field = "shelters." + key + "[" + std::to_string(i) + "]";
    c.source = "list";
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::vector<ShelterCandidate> shelters_from_list(const SheltersDesc& desc, const maps::Projector& projector) {
  return from_entries(desc.list, "list", ShelterKind::Other, projector);
}

std::vector<ShelterCandidate> assembly_areas_from_list(const SheltersDesc& desc,
                                                       const maps::Projector& projector) {
  return from_entries(desc.assembly_areas, "assembly_areas", ShelterKind::AssemblyArea, projector);
}

std::vector<ShelterCandidate> shelters_from_layer(const ShelterLayerDesc& desc,
                                                  const maps::Projector& projector, const Origins& origins) {
  const maps::SourceOrigin origin{origins.file, origins.line("shelters.layer.file"), "shelters.layer"};
  std::vector<ShelterSite> sites =
      maps::shelters_from_layer(desc.file, desc.layer, desc.name_field, desc.capacity_field,
                                desc.step_free_field, projector, origin, desc.covered_m2_per_person);
  std::vector<ShelterCandidate> out;
  for (ShelterSite& s : sites) {
    s.open_time = desc.open_time;
    out.push_back({std::move(s), "shelters.layer", "layer", desc.file});
  }
  return out;
}

std::vector<ShelterCandidate> shelters_from_map(const World& world, const ShelterFromMapDesc& desc,
                                                std::vector<std::string>& problems) {
  std::vector<ShelterCandidate> out;
  std::vector<std::string> left_out;
  std::vector<ShelterSite> sites = maps::shelters_from_tags(world, desc.rules, &left_out);
  for (std::string& why : left_out) problems.push_back("shelters.from_map: " + std::move(why));
  for (ShelterSite& s : sites) {
    s.step_free = desc.step_free;
    s.open_time = desc.open_time;
    out.push_back({std::move(s), "shelters.from_map", "from_map", ""});
  }
  return out;
}

void place_shelters(const std::vector<ShelterCandidate>& candidates, World& world,
                    const NetworkSnapper& snapper, const maps::MapReport& map, double max_snap,
                    const Origins& origins, std::vector<std::string>& problems) {
  std::set<std::string> names;
  for (const ShelterSite& s : world.shelters) names.insert(s.name);
  for (const ShelterCandidate& c : candidates) {
    const bool cut_off = maps::cut_off_piece_near(map, c.site.pos).has_value();
    const std::string cut_note =
        cut_off ? "; it lies on a part of the street network cut off from the main one" : "";
    ShelterSite s = c.site;
    if (!names.insert(s.name).second) {
      // Map names repeat (two car parks called "Parkplatz"); the plan names shelters,
      // so derived ones get a number, while a repeated name the user wrote is an error.
      if (c.source == "from_map") {
        const std::string base = s.name;
        for (int k = 2; !names.insert(s.name).second; ++k) s.name = base + " (" + std::to_string(k) + ")";
      } else if (!c.file.empty()) {
        throw InputError(c.file, 0, c.field, "duplicate shelter name '" + s.name + "'");
      } else {
        throw origins.error(c.field, "duplicate shelter name '" + s.name + "'");
      }
    }
    if (s.capacity < 1 && !s.takes_everyone) {
      const std::string msg = "shelter '" + s.name + "' has no capacity (" + std::to_string(s.capacity) + ")";
      if (c.source == "from_map") {
        problems.push_back(msg + "; left out");
        continue;
      }
      if (!c.file.empty()) throw InputError(c.file, 0, c.field, msg);
      throw origins.error(c.field + ".capacity", msg);
    }
    const auto hit = snapper.nearest(c.site.pos, max_snap);
    if (!hit) {
      const std::string msg = "shelter '" + s.name + "' is more than " + metres(max_snap) +
                              " (shelters.max_snap_distance) from the nearest walkable street" + cut_note;
      if (c.source == "from_map") {
        problems.push_back(msg + "; left out");
        continue;
      }
      if (!c.file.empty()) throw InputError(c.file, 0, c.field, msg);
      throw origins.error(c.field, msg);
    }
    s.node = hit->nearer_node;
    if (cut_off && hit->distance > 25.0)
      problems.push_back("shelter '" + s.name + "'" + cut_note +
                         "; people reach it from the nearest kept street, " + metres(hit->distance) +
                         " away");
    world.shelters.push_back(std::move(s));
  }
}

}  // namespace ss::scenarios
