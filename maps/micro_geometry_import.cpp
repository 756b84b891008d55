#include "maps/micro_geometry_import.hpp"

#include <filesystem>
#include <memory>
#include <stdexcept>

#include "engine/core/input_error.hpp"
#include "maps/gdal_support.hpp"

namespace ss::maps {
namespace {

using detail::lower;

struct GeometryDelete {
  void operator()(OGRGeometry* g) const { OGRGeometryFactory::destroyGeometry(g); }
};
using GeometryPtr = std::unique_ptr<OGRGeometry, GeometryDelete>;

Ring raw_ring(const OGRLinearRing* r) {
  Ring out;
  if (!r) return out;
  out.reserve(static_cast<std::size_t>(r->getNumPoints()));
  for (int i = 0; i < r->getNumPoints(); ++i) out.push_back({r->getX(i), r->getY(i)});
  return out;
}

// Collects the parts of any geometry; false when a part is of another type (curves,
// surfaces, TINs) than polygon, line or point.
bool collect(const OGRGeometry* g, MicroFeature& f) {
  if (!g || g->IsEmpty()) return true;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon: {
      const OGRPolygon* p = g->toPolygon();
      PolygonRingsList rings{raw_ring(p->getExteriorRing())};
      for (int i = 0; i < p->getNumInteriorRings(); ++i) rings.push_back(raw_ring(p->getInteriorRing(i)));
      f.polygons.push_back(std::move(rings));
      return true;
    }
    case wkbLineString: {
      const OGRLineString* l = g->toLineString();
      Ring pts;
      for (int i = 0; i < l->getNumPoints(); ++i) pts.push_back({l->getX(i), l->getY(i)});
      f.lines.push_back(std::move(pts));
      return true;
    }
    case wkbPoint: f.points.push_back({g->toPoint()->getX(), g->toPoint()->getY()}); return true;
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbMultiPoint:
    case wkbGeometryCollection:
      for (const OGRGeometry* part : *g->toGeometryCollection())
        if (!collect(part, f)) return false;
      return true;
    default: return false;
  }
}

OGRPolygon to_ogr(const PolygonRingsList& rings) {
  OGRPolygon poly;
  for (const Ring& r : rings) {
    OGRLinearRing lr;
    for (const Vec2 p : r) lr.addPoint(p.x, p.y);
    lr.closeRings();
    poly.addRing(&lr);
  }
  return poly;
}

// Union of the polygons as one geometry; nullptr for none.
GeometryPtr merged(const std::vector<PolygonRingsList>& polygons) {
  if (!OGRGeometryFactory::haveGEOS())
    throw std::runtime_error("GDAL was built without GEOS: micro geometry cannot be merged");
  OGRMultiPolygon all;
  for (const PolygonRingsList& p : polygons) {
    if (p.empty()) continue;
    OGRPolygon poly = to_ogr(p);
    all.addGeometry(&poly);
  }
  if (all.IsEmpty()) return nullptr;
  // Cascaded union (GEOS): the parts may overlap, which a plain multipolygon may not.
  GeometryPtr u(all.getNumGeometries() == 1 ? all.getGeometryRef(0)->clone() : all.UnionCascaded());
  if (!u) throw std::runtime_error("polygon union failed (" + detail::QuietGdal::last_message() + ")");
  return u;
}

std::vector<PolygonRingsList> parts_of(const OGRGeometry* g) {
  MicroFeature f;
  collect(g, f);
  for (PolygonRingsList& p : f.polygons)
    for (Ring& r : p)
      if (r.size() >= 2 && r.front() == r.back()) r.pop_back();
  return std::move(f.polygons);
}

}  // namespace

std::vector<MicroFeature> read_micro_layer(const MicroLayerSource& src) {
  detail::QuietGdal quiet;
  const detail::DatasetPtr ds =
      detail::open_vector(src.file, {src.origin_file, src.origin_line, src.origin_field});
  OGRLayer* layer = nullptr;
  if (src.layer.empty()) {
    if (ds->GetLayerCount() > 0) layer = ds->GetLayer(0);
  } else {
    layer = ds->GetLayerByName(src.layer.c_str());
  }
  if (!layer) {
    std::string names;
    for (int i = 0; i < ds->GetLayerCount(); ++i)
      names += (i ? ", " : "") + std::string(ds->GetLayer(i)->GetName());
    throw InputError(src.file, 0, "layer",
                     "no layer '" + src.layer + "'; available: " + (names.empty() ? "none" : names));
  }
  const std::string file_name = std::filesystem::path(src.file).filename().string();
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  const int kind_i = src.kind.empty() ? detail::field_index(defn, src.kind_field) : -1;
  if (src.kind.empty() && kind_i < 0)
    throw InputError(src.file, 0, "layer " + std::string(layer->GetName()),
                     "has no '" + src.kind_field +
                         "' field saying what each feature is (room, corridor, obstacle, "
                         "wall, door, exit); name it with kind_field or give the whole layer a kind");
  const int name_i = detail::field_index(defn, src.name_field);
  std::vector<MicroFeature> out;
  layer->ResetReading();
  for (detail::FeaturePtr feat(layer->GetNextFeature()); feat; feat.reset(layer->GetNextFeature())) {
    MicroFeature f;
    f.file = src.file;
    f.name = detail::field_string(*feat, name_i).value_or("");
    f.field = "layer '" + std::string(layer->GetName()) + "', feature " + std::to_string(feat->GetFID()) +
              (f.name.empty() ? "" : " '" + f.name + "'");
    f.where = file_name + ", " + f.field;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      if (auto v = detail::field_string(*feat, i))
        f.attributes[lower(defn->GetFieldDefn(i)->GetNameRef())] = *v;
    f.kind =
        lower(detail::trim(src.kind.empty() ? detail::field_string(*feat, kind_i).value_or("") : src.kind));
    if (f.kind.empty()) throw InputError(src.file, 0, f.field, "has no " + src.kind_field);
    const OGRGeometry* g = feat->GetGeometryRef();
    if (!g || g->IsEmpty()) throw InputError(src.file, 0, f.field, "has no geometry");
    if (!collect(g, f))
      throw InputError(src.file, 0, f.field,
                       std::string("geometry ") + g->getGeometryName() + " is not a polygon, line or point");
    out.push_back(std::move(f));
  }
  return out;
}

MicroFeature parse_micro_wkt(const std::string& wkt, const std::string& file, int line,
                             const std::string& field) {
  detail::QuietGdal quiet;
  MicroFeature f;
  f.file = file;
  f.line = line;
  f.field = field;
  f.where = field;
  OGRGeometry* raw = nullptr;
  const OGRErr err = OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &raw);
  const GeometryPtr g(raw);
  if (err != OGRERR_NONE || !g)
    throw InputError(file, line, field,
                     "is not WKT geometry (e.g. POLYGON((0 0, 4 0, 4 3, 0 3, 0 0))): '" + wkt.substr(0, 60) +
                         (wkt.size() > 60 ? "...'" : "'"));
  if (g->IsEmpty()) throw InputError(file, line, field, "is an empty geometry");
  if (!collect(g.get(), f))
    throw InputError(file, line, field,
                     std::string("geometry ") + g->getGeometryName() + " is not a polygon, line or point");
  return f;
}

std::vector<PolygonRingsList> polygon_union(const std::vector<PolygonRingsList>& polygons) {
  detail::QuietGdal quiet;
  const GeometryPtr u = merged(polygons);
  return u ? parts_of(u.get()) : std::vector<PolygonRingsList>{};
}

std::vector<PolygonRingsList> polygon_difference(const std::vector<PolygonRingsList>& a,
                                                 const std::vector<PolygonRingsList>& b) {
  detail::QuietGdal quiet;
  const GeometryPtr ga = merged(a);
  if (!ga) return {};
  const GeometryPtr gb = merged(b);
  if (!gb) return parts_of(ga.get());
  const GeometryPtr d(ga->Difference(gb.get()));
  if (!d) throw std::runtime_error("polygon difference failed (" + detail::QuietGdal::last_message() + ")");
  return parts_of(d.get());
}

std::vector<PolygonRingsList> polygon_intersection(const std::vector<PolygonRingsList>& a,
                                                   const std::vector<PolygonRingsList>& b) {
  detail::QuietGdal quiet;
  const GeometryPtr ga = merged(a), gb = merged(b);
  if (!ga || !gb) return {};
  const GeometryPtr i(ga->Intersection(gb.get()));
  if (!i) throw std::runtime_error("polygon intersection failed (" + detail::QuietGdal::last_message() + ")");
  return parts_of(i.get());
}

double intersection_area(const std::vector<PolygonRingsList>& a, const std::vector<PolygonRingsList>& b) {
  detail::QuietGdal quiet;
  const GeometryPtr ga = merged(a), gb = merged(b);
  if (!ga || !gb) return 0.0;
  const GeometryPtr i(ga->Intersection(gb.get()));
  return i ? OGR_G_Area(OGRGeometry::ToHandle(i.get())) : 0.0;
}

}  // namespace ss::maps
