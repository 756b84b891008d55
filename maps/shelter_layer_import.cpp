#include <cmath>

#include "engine/core/input_error.hpp"
#include "maps/gdal_support.hpp"
#include "maps/shelter_import.hpp"

namespace ss::maps {

namespace {
std::optional<bool> parse_flag(std::string_view s) {
  const std::string v = detail::lower(detail::trim(s));
  if (v == "yes" || v == "true" || v == "1" || v == "y") return true;
  if (v == "no" || v == "false" || v == "0" || v == "n") return false;
  return std::nullopt;
}

std::optional<ShelterKind> kind_from(std::string_view s) {
  const std::string v = detail::lower(detail::trim(s));
  if (v == "school") return ShelterKind::School;
  if (v == "parking") return ShelterKind::Parking;
  if (v == "building") return ShelterKind::Building;
  if (v == "open") return ShelterKind::Open;
  return std::nullopt;
}

int required_field(OGRFeatureDefn* defn, const std::string& name, const std::string& path) {
  if (name.empty()) return -1;
  const int i = detail::field_index(defn, name);
  if (i < 0) throw InputError(path, 0, name, "no column '" + name + "' in the shelter layer");
  return i;
}
}  // namespace

std::vector<ShelterSite> shelters_from_layer(const std::string& path, const std::string& layer,
                                             const std::string& name_field, const std::string& capacity_field,
                                             const std::string& step_free_field, const Projector& projector,
                                             const SourceOrigin& origin, double covered_m2_per_person) {
  detail::DatasetPtr ds = detail::open_vector(path, {origin.file, origin.line, origin.field});
  detail::QuietGdal quiet;
  OGRLayer* l = layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer.c_str());
  if (!l) throw InputError(path, 0, origin.field, layer.empty() ? "no layer" : "no layer '" + layer + "'");
  OGRFeatureDefn* defn = l->GetLayerDefn();
  const int name_i = required_field(defn, name_field, path);
  const int cap_i = required_field(defn, capacity_field, path);
  const int step_i = required_field(defn, step_free_field, path);
  // A street address to name a shelter without a name by: OSM's keys, or the
  // shapefile-safe spelling ogr2ogr gives them.
  int street_i = detail::field_index(defn, "addr:street");
  if (street_i < 0) street_i = detail::field_index(defn, "addr_street");
  int number_i = detail::field_index(defn, "addr:housenumber");
  if (number_i < 0) number_i = detail::field_index(defn, "addr_housenumber");
  int kind_i = detail::field_index(defn, "kind");
  if (kind_i < 0) kind_i = detail::field_index(defn, "type");

  struct Raw {
    ShelterSite site;
    std::vector<Vec2> pts;  // source CRS: one point, or the outer ring
    bool polygon = false;
    std::int64_t fid = -1;
  };
  std::vector<Raw> raw;
  Box extent;
  l->ResetReading();
  while (detail::FeaturePtr f{l->GetNextFeature()}) {
    Raw r;
    r.fid = f->GetFID();
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g || g->IsEmpty())
      throw InputError(path, 0, origin.field, "feature " + std::to_string(r.fid) + ": no geometry");
    if (wkbFlatten(g->getGeometryType()) == wkbPoint) {
      r.pts = {{g->toPoint()->getX(), g->toPoint()->getY()}};
    } else {
      auto parts = detail::polygon_parts(g);
      if (parts.empty())
        throw InputError(path, 0, origin.field,
                         "feature " + std::to_string(r.fid) + ": not a point or polygon");
      // The largest part by area in source units; over a few km the ranking survives projection.
      auto largest = std::max_element(parts.begin(), parts.end(), [](const auto& a, const auto& b) {
        return std::abs(signed_area(a.outer)) < std::abs(signed_area(b.outer));
      });
      r.pts = std::move(largest->outer);
      r.polygon = true;
    }
    for (const Vec2& p : r.pts) extent.extend(p);
    r.site.name = detail::field_string(*f, name_i).value_or("");
    if (r.site.name.empty()) {
      const std::string street = detail::trim(detail::field_string(*f, street_i).value_or(""));
      const std::string number = detail::trim(detail::field_string(*f, number_i).value_or(""));
      r.site.name = street.empty()   ? "shelter " + std::to_string(r.fid)
                    : number.empty() ? street
                                     : street + " " + number;
    }
    if (const auto c = detail::parse_double(detail::field_string(*f, cap_i).value_or(""))) {
      if (*c < 0.0)
        throw InputError(path, 0, capacity_field, "feature " + std::to_string(r.fid) + ": negative capacity");
      r.site.capacity = static_cast<std::int32_t>(std::min(*c, 2e9));
    } else {
      r.site.capacity = -1;  // from the area, after projection
    }
    r.site.step_free = parse_flag(detail::field_string(*f, step_i).value_or("")).value_or(true);
    const auto k = kind_from(detail::field_string(*f, kind_i).value_or(""));
    r.site.kind = k ? *k : (r.polygon ? ShelterKind::Building : ShelterKind::Other);
    raw.push_back(std::move(r));
  }
  OGRSpatialReference from;
  if (const OGRSpatialReference* s = l->GetSpatialRef(); s && !s->IsEmpty()) {
    from = detail::gis_order(*s);
  } else if (extent.empty() || (std::abs(extent.min.x) <= 180 && std::abs(extent.max.x) <= 180 &&
                                std::abs(extent.min.y) <= 90 && std::abs(extent.max.y) <= 90)) {
    from = detail::wgs84();
  } else {
    throw InputError(path, 0, origin.field, "shelter layer has no coordinate reference system");
  }
  OGRSpatialReference local;
  local.importFromWkt(projector.wkt().c_str());
  std::vector<ShelterSite> out;
  try {
    const detail::Transform t(from, local);
    for (Raw& r : raw) {
      if (!t.apply(r.pts))
        throw InputError(path, 0, origin.field, "feature " + std::to_string(r.fid) + ": cannot project");
      r.site.pos = r.polygon ? centroid(r.pts) : r.pts[0];
      if (r.site.capacity < 0) {
        if (!r.polygon)
          throw InputError(path, 0, capacity_field.empty() ? origin.field : capacity_field,
                           "feature " + std::to_string(r.fid) + ": point shelter without a capacity");
        r.site.capacity =
            static_cast<std::int32_t>(std::floor(std::abs(signed_area(r.pts)) / covered_m2_per_person));
      }
      out.push_back(std::move(r.site));
    }
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    throw InputError(path, 0, origin.field, e.what());
  }
  return out;
}

}  // namespace ss::maps
