#include "scenarios/loader/gis_layer.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <strings.h>
#include <cmath>
#include <memory>
#include <mutex>

namespace ss::scenarios {

namespace {

struct CloseDataset {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};
struct DestroyFeature {
  void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
struct DestroyTransform {
  void operator()(OGRCoordinateTransformation* t) const { OCTDestroyCoordinateTransformation(t); }
};

bool iequal(const std::string& a, const std::string& b) { return strcasecmp(a.c_str(), b.c_str()) == 0; }

void add_ring(const OGRLinearRing* r, std::vector<Ring>& out) {
  if (!r) return;
  Ring ring;
  for (int i = 0; i < r->getNumPoints(); ++i) ring.push_back({r->getX(i), r->getY(i)});
  if (ring.size() > 1 && ring.front() == ring.back()) ring.pop_back();  // OGR repeats the first point
  if (ring.size() >= 3) out.push_back(std::move(ring));
}

void collect(const OGRGeometry* g, LayerFeature& f) {
  if (!g) return;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: f.points.push_back({g->toPoint()->getX(), g->toPoint()->getY()}); break;
    case wkbPolygon: add_ring(g->toPolygon()->getExteriorRing(), f.polygons); break;
    case wkbLineString: {
      const OGRLineString* l = g->toLineString();
      std::vector<Vec2> line;
      for (int i = 0; i < l->getNumPoints(); ++i) line.push_back({l->getX(i), l->getY(i)});
      if (line.size() >= 2) f.lines.push_back(std::move(line));
      break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (const OGRGeometry* part : *g->toGeometryCollection()) collect(part, f);
      break;
    default: break;  // curves and surfaces of other kinds carry no place here
  }
}

}  // namespace

LayerData read_layer(const std::string& file, const std::string& layer, const maps::Projector& projector,
                     const std::string& field) {
  static std::once_flag registered;
  std::call_once(registered, [] { GDALAllRegister(); });
  CPLPushErrorHandler(CPLQuietErrorHandler);
  std::unique_ptr<GDALDataset, CloseDataset> ds(
      GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  CPLPopErrorHandler();
  if (!ds)
    throw InputError(file, 0, field,
                     "cannot open as a GIS vector source: " + std::string(CPLGetLastErrorMsg()));
  OGRLayer* lyr = layer.empty() ? (ds->GetLayerCount() > 0 ? ds->GetLayer(0) : nullptr)
                                : ds->GetLayerByName(layer.c_str());
  if (!lyr) {
    std::string names;
    for (int i = 0; i < ds->GetLayerCount(); ++i)
      names += (i ? ", " : "") + std::string(ds->GetLayer(i)->GetName());
    throw InputError(file, 0, field,
                     (layer.empty() ? "no layer" : "no layer '" + layer + "'") + " (layers: " + names + ")");
  }
  LayerData out;
  out.layer = lyr->GetName();
  OGRFeatureDefn* defn = lyr->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    out.field_names.push_back(defn->GetFieldDefn(i)->GetNameRef());

  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation, DestroyTransform> ct;
  const OGRSpatialReference* srs = lyr->GetSpatialRef();
  if (srs) {
    OGRSpatialReference src(*srs);
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    ct.reset(OGRCreateCoordinateTransformation(&src, &wgs84));
    if (!ct) throw InputError(file, 0, field, "its CRS cannot be transformed to WGS 84");
  }
  lyr->ResetReading();
  for (std::unique_ptr<OGRFeature, DestroyFeature> feat(lyr->GetNextFeature()); feat;
       feat.reset(lyr->GetNextFeature())) {
    LayerFeature f;
    f.fid = feat->GetFID();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      if (feat->IsFieldSetAndNotNull(i))
        f.fields[out.field_names[static_cast<std::size_t>(i)]] = feat->GetFieldAsString(i);
    collect(feat->GetGeometryRef(), f);
    auto to_local = [&](Vec2& p) {
      double x = p.x, y = p.y;
      if (ct && !ct->Transform(1, &x, &y)) x = y = NAN;
      if (!std::isfinite(x) || !std::isfinite(y) || x < -180.0 || x > 180.0 || y < -90.0 || y > 90.0)
        throw InputError(file, 0, field + " (feature " + std::to_string(f.fid) + ")",
                         srs ? "coordinates do not transform to WGS 84"
                             : "the layer has no CRS and its coordinates are not longitude/latitude degrees");
      p = projector.to_local({x, y});
    };
    for (Vec2& p : f.points) to_local(p);
    for (Ring& r : f.polygons)
      for (Vec2& p : r) to_local(p);
    for (std::vector<Vec2>& l : f.lines)
      for (Vec2& p : l) to_local(p);
    out.features.push_back(std::move(f));
  }
  return out;
}

std::string field_value(const LayerFeature& f, const std::string& name) {
  for (const auto& [k, v] : f.fields)
    if (iequal(k, name)) return v;
  return {};
}

bool has_field(const LayerData& d, const std::string& name) {
  for (const std::string& n : d.field_names)
    if (iequal(n, name)) return true;
  return false;
}

}  // namespace ss::scenarios
