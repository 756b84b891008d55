#include "scenarios/loader/zones.hpp"

#include <cmath>
#include <set>

#include "scenarios/loader/gis_layer.hpp"

namespace ss::scenarios {

std::vector<Zone> grid_zones(const Box& bounds, double cell) {
  std::vector<Zone> out;
  if (bounds.empty() || !(cell > 0.0)) return out;
  const int nx = std::max(1, static_cast<int>(std::ceil(bounds.width() / cell)));
  const int ny = std::max(1, static_cast<int>(std::ceil(bounds.height() / cell)));
  for (int row = 0; row < ny; ++row) {
    for (int col = 0; col < nx; ++col) {
      const Vec2 a{bounds.min.x + col * cell, bounds.min.y + row * cell};
      // Counter-clockwise ring; World::zone_of uses the even-odd rule, so a point on
      // a shared edge goes to whichever cell is listed first — deterministic.
      out.push_back(Zone{"Z-" + std::to_string(col) + "-" + std::to_string(row),
                         Ring{a, {a.x + cell, a.y}, {a.x + cell, a.y + cell}, {a.x, a.y + cell}}});
    }
  }
  return out;
}

std::vector<Zone> zones_from_layer(const ZonesDesc& desc, const maps::Projector& projector,
                                   std::vector<std::string>& problems) {
  const LayerData data = read_layer(desc.file, desc.layer, projector, "zones.file");
  if (!has_field(data, desc.name_field))
    throw InputError(desc.file, 0, "zones.name_field",
                     "layer '" + data.layer + "' has no field '" + desc.name_field + "'");
  std::vector<Zone> out;
  std::set<std::string> names;
  for (const LayerFeature& f : data.features) {
    const std::string where = "zones (feature " + std::to_string(f.fid) + ")";
    const std::string name = field_value(f, desc.name_field);
    if (name.empty()) throw InputError(desc.file, 0, where, "zone without a " + desc.name_field);
    if (f.polygons.empty()) throw InputError(desc.file, 0, where, "zone '" + name + "' is not a polygon");
    if (!names.insert(name).second)
      throw InputError(desc.file, 0, where, "duplicate zone name '" + name + "'");
    const Ring* best = &f.polygons.front();
    for (const Ring& r : f.polygons)
      if (std::abs(signed_area(r)) > std::abs(signed_area(*best))) best = &r;
    if (f.polygons.size() > 1)
      problems.push_back("zone '" + name + "' has " + std::to_string(f.polygons.size()) +
                         " parts; only the largest is used");
    out.push_back(Zone{name, *best});
  }
  if (out.empty()) throw InputError(desc.file, 0, "zones.file", "the layer has no zones");
  return out;
}

}  // namespace ss::scenarios
