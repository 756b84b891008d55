#include "maps/shelter_import.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ss::maps {

namespace {
std::int32_t persons(double v) {
  if (!(v > 0.0)) return 0;
  return static_cast<std::int32_t>(std::min(std::floor(v), double(std::numeric_limits<std::int32_t>::max())));
}

double floor_area(const Building& b) { return b.area * std::max(b.levels, 1); }

// The named street nearest p within kStreetNameReach, or empty.
std::string nearest_street_name(const StreetGraph& g, Vec2 p) {
  double best = kStreetNameReach;
  const std::string* name = nullptr;
  for (std::size_t e = 0; e < g.edge_count() && e < g.edge_name.size(); ++e) {
    if (g.edge_name[e].empty()) continue;
    const auto pts = g.shape(EdgeId{e});
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
      const double d = project_on_segment(p, pts[i], pts[i + 1]).distance;
      if (d < best) best = d, name = &g.edge_name[e];
    }
  }
  return name ? *name : std::string{};
}

// A shelter's name as people on site would call it (shelter_import.hpp): the map's
// name, else its street address, else "<kind> at <nearest street>", else
// "<kind> <n>".
std::string site_name(const World& w, const std::string& name, const std::string& address, Vec2 pos,
                      const char* kind, int& unnamed) {
  if (!name.empty()) return name;
  if (!address.empty()) return address;
  if (std::string street = nearest_street_name(w.streets, pos); !street.empty())
    return std::string(kind) + " at " + street;
  return std::string(kind) + " " + std::to_string(++unnamed);
}
}  // namespace

std::vector<ShelterSite> shelters_from_tags(const World& world, const ShelterTagRules& rules,
                                            std::vector<std::string>* left_out) {
  std::vector<ShelterSite> out;
  const auto& areas = world.areas;
  const auto& buildings = world.buildings;
  if (rules.schools) {
    // Each building goes to the smallest school area containing its centroid.
    std::vector<std::size_t> school_areas;
    for (std::size_t a = 0; a < areas.size(); ++a)
      if (areas[a].kind == "school") school_areas.push_back(a);
    std::vector<double> site_area(areas.size(), 0.0);
    for (std::size_t a : school_areas) site_area[a] = std::abs(signed_area(areas[a].outline));
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> owner(buildings.size(), kNone);
    for (std::size_t b = 0; b < buildings.size(); ++b) {
      for (std::size_t a : school_areas) {
        const Box box = bounds(areas[a].outline);
        if (!box.contains(buildings[b].centroid) || !contains(areas[a].outline, buildings[b].centroid))
          continue;
        if (owner[b] == kNone || site_area[a] < site_area[owner[b]]) owner[b] = a;
      }
    }
    int unnamed = 0;
    for (std::size_t a : school_areas) {
      double floor = 0.0, largest = -1.0;
      Vec2 pos = centroid(areas[a].outline);
      std::string address = areas[a].address;  // else the largest building's
      for (std::size_t b = 0; b < buildings.size(); ++b) {
        if (owner[b] != a) continue;
        floor += floor_area(buildings[b]);
        if (buildings[b].area > largest) {
          largest = buildings[b].area, pos = buildings[b].centroid;
          if (areas[a].address.empty()) address = buildings[b].address;
        }
      }
      ShelterSite s;
      s.name = site_name(world, areas[a].name, address, pos, "school", unnamed);
      s.pos = pos;
      s.kind = ShelterKind::School;
      s.capacity = largest >= 0.0
                       ? persons(floor * rules.school_usable_share / rules.covered_m2_per_person)
                       : persons(site_area[a] * rules.schoolyard_usable_share / rules.open_m2_per_person);
      if (s.capacity > 0) out.push_back(std::move(s));
    }
    for (std::size_t b = 0; b < buildings.size(); ++b) {
      if (owner[b] != kNone || buildings[b].amenity != "school") continue;
      ShelterSite s;
      s.name = site_name(world, "", buildings[b].address, buildings[b].centroid, "school", unnamed);
      s.pos = buildings[b].centroid;
      s.kind = ShelterKind::School;
      s.capacity =
          persons(floor_area(buildings[b]) * rules.school_usable_share / rules.covered_m2_per_person);
      if (s.capacity > 0) out.push_back(std::move(s));
    }
    // A school mapped as a node (OSM often puts one inside an untagged building) is
    // the building it stands in, sized by that building's floor area as above. A node
    // inside a school area or a school's building is that school already; a node in
    // no mapped building has no floor area to size it and is left out, said why.
    std::vector<char> taken(buildings.size(), 0);
    for (std::size_t b = 0; b < buildings.size(); ++b)
      taken[b] = static_cast<char>(owner[b] != kNone || buildings[b].amenity == "school");
    for (const MapPoint& p : world.amenity_points) {
      if (p.kind != "school") continue;
      const bool in_area = std::any_of(school_areas.begin(), school_areas.end(), [&](std::size_t a) {
        return bounds(areas[a].outline).contains(p.pos) && contains(areas[a].outline, p.pos);
      });
      if (in_area) continue;
      std::size_t in = kNone;
      for (std::size_t b = 0; b < buildings.size() && in == kNone; ++b)
        if (bounds(buildings[b].outline).contains(p.pos) && contains(buildings[b].outline, p.pos)) in = b;
      if (in == kNone) {
        if (left_out)
          left_out->push_back("school node " + (p.name.empty() ? std::string() : "'" + p.name + "' ") +
                              "(OSM node " + std::to_string(p.source_id) +
                              ") stands in no mapped building, so nothing gives its size; left out");
        continue;
      }
      if (taken[in]) continue;
      taken[in] = 1;
      ShelterSite s;
      s.name = site_name(world, p.name, buildings[in].address, buildings[in].centroid, "school", unnamed);
      s.pos = buildings[in].centroid;
      s.kind = ShelterKind::School;
      s.capacity =
          persons(floor_area(buildings[in]) * rules.school_usable_share / rules.covered_m2_per_person);
      if (s.capacity > 0) out.push_back(std::move(s));
    }
  }
  if (rules.parking) {
    int unnamed = 0;
    for (const Area& a : areas) {
      if (a.kind != "parking") continue;
      const double area = std::abs(signed_area(a.outline));
      if (area < rules.min_parking_area) continue;
      ShelterSite s;
      s.pos = centroid(a.outline);
      s.name = site_name(world, a.name, a.address, s.pos, "car park", unnamed);
      s.kind = ShelterKind::Parking;
      s.capacity = persons(area * rules.parking_usable_share / rules.open_m2_per_person);
      if (s.capacity > 0) out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace ss::maps
