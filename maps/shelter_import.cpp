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
}  // namespace

std::vector<ShelterSite> shelters_from_tags(const World& world, const ShelterTagRules& rules) {
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
        if (!box.contains(buildings[b].centroid) || !contains(areas[a].outline, buildings[b].centroid)) continue;
        if (owner[b] == kNone || site_area[a] < site_area[owner[b]]) owner[b] = a;
      }
    }
    int unnamed = 0;
    auto name_or = [&](const std::string& n) { return n.empty() ? "school " + std::to_string(++unnamed) : n; };
    for (std::size_t a : school_areas) {
      double floor = 0.0, largest = -1.0;
      Vec2 pos = centroid(areas[a].outline);
      for (std::size_t b = 0; b < buildings.size(); ++b) {
        if (owner[b] != a) continue;
        floor += floor_area(buildings[b]);
        if (buildings[b].area > largest) largest = buildings[b].area, pos = buildings[b].centroid;
      }
      ShelterSite s;
      s.name = name_or(areas[a].name);
      s.pos = pos;
      s.kind = ShelterKind::School;
      s.capacity = largest >= 0.0 ? persons(floor * rules.school_usable_share / rules.covered_m2_per_person)
                                  : persons(site_area[a] * rules.schoolyard_usable_share / rules.open_m2_per_person);
      if (s.capacity > 0) out.push_back(std::move(s));
    }
    for (std::size_t b = 0; b < buildings.size(); ++b) {
      if (owner[b] != kNone || buildings[b].amenity != "school") continue;
      ShelterSite s;
      s.name = "school #" + std::to_string(buildings[b].source_id);  // buildings carry their source id
      s.pos = buildings[b].centroid;
      s.kind = ShelterKind::School;
      s.capacity = persons(floor_area(buildings[b]) * rules.school_usable_share / rules.covered_m2_per_person);
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
      s.name = a.name.empty() ? "parking " + std::to_string(++unnamed) : a.name;
      s.pos = centroid(a.outline);
      s.kind = ShelterKind::Parking;
      s.capacity = persons(area * rules.parking_usable_share / rules.open_m2_per_person);
      if (s.capacity > 0) out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace ss::maps
