#include "maps/map_features.hpp"

#include "engine/core/input_error.hpp"

namespace ss::maps::detail {

namespace {

bool is_line_type(OGRwkbGeometryType t) {
  t = wkbFlatten(t);
  return t == wkbLineString || t == wkbMultiLineString;
}
bool is_polygon_type(OGRwkbGeometryType t) {
  t = wkbFlatten(t);
  return t == wkbPolygon || t == wkbMultiPolygon;
}

std::string layer_names(GDALDataset& ds) {
  std::string s;
  for (OGRLayer* l : ds.GetLayers()) s += (s.empty() ? "" : ", ") + std::string(l->GetName());
  return s.empty() ? "none" : s;
}

// Geometry type of a layer; for layers declaring an unknown type (GeoJSON with
// mixed content, some Shapefiles) the type of its first geometry.
OGRwkbGeometryType effective_type(OGRLayer& l) {
  const OGRwkbGeometryType t = l.GetGeomType();
  if (wkbFlatten(t) != wkbUnknown) return t;
  l.ResetReading();
  OGRwkbGeometryType found = wkbUnknown;
  while (FeaturePtr f{l.GetNextFeature()}) {
    if (const OGRGeometry* g = f->GetGeometryRef()) {
      found = g->getGeometryType();
      break;
    }
  }
  l.ResetReading();
  return found;
}

OGRLayer* pick_layer(GDALDataset& ds, const std::string& name, bool (*want)(OGRwkbGeometryType),
                     const char* kind, const std::string& path, const Origin& origin, bool required) {
  if (!name.empty()) {
    OGRLayer* l = ds.GetLayerByName(name.c_str());
    if (!l)
      throw InputError(path, 0, origin.field, "no layer '" + name + "' (layers: " + layer_names(ds) + ")");
    return l;
  }
  for (OGRLayer* l : ds.GetLayers())
    if (want(effective_type(*l))) return l;
  if (!required) return nullptr;
  throw InputError(path, 0, origin.field,
                   std::string("no ") + kind + " layer (layers: " + layer_names(ds) + ")");
}

// Column lookup for one layer: tags come from a column of that name or, for data
// converted from OSM, from the `other_tags` hstore column.
class TagReader {
 public:
  explicit TagReader(OGRFeatureDefn* defn) : defn_(defn), other_(field_index(defn, "other_tags")) {
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      if (is_vehicle_key(defn->GetFieldDefn(i)->GetNameRef())) vehicle_columns_.push_back(i);
  }
  [[nodiscard]] bool has_column(std::string_view key) const { return field_index(defn_, key) >= 0; }
  void load(const OGRFeature& f) {
    other_tags_ = other_ >= 0 ? parse_hstore(field_string(f, other_).value_or("")) : Tags{};
    feature_ = &f;
  }
  [[nodiscard]] std::string get(std::string_view key) const {
    if (const int i = field_index(defn_, key); i >= 0) return field_string(*feature_, i).value_or("");
    return tag(other_tags_, key).value_or("");
  }
  // The tags vehicle_way() reads: plain columns of those names, then other_tags.
  [[nodiscard]] Tags vehicle_tags() const {
    Tags out;
    for (const int i : vehicle_columns_)
      if (auto v = field_string(*feature_, i))
        out.emplace_back(defn_->GetFieldDefn(i)->GetNameRef(), std::move(*v));
    for (const auto& [k, v] : other_tags_)
      if (is_vehicle_key(k)) out.emplace_back(k, v);
    return out;
  }
  [[nodiscard]] std::int64_t id() const {
    for (const char* k : {"osm_id", "osm_way_id"})
      if (const auto v = parse_int(get(k))) return *v;
    return feature_->GetFID() == OGRNullFID ? -1 : static_cast<std::int64_t>(feature_->GetFID());
  }

 private:
  OGRFeatureDefn* defn_;
  int other_;
  std::vector<int> vehicle_columns_;
  Tags other_tags_;
  const OGRFeature* feature_ = nullptr;
};

void add_way(const OGRFeature& f, TagReader& tr, bool has_highway, std::vector<RawWay>& out) {
  tr.load(f);
  for (auto& pts : line_parts(f.GetGeometryRef())) {
    RawWay w;
    w.points = std::move(pts);
    w.has_highway_column = has_highway;
    w.tags = {tr.get("highway"), tr.get("foot"), tr.get("access"), tr.get("motorroad"), tr.get("area")};
    w.name = tr.get("name");
    w.width = tr.get("width");
    w.incline = tr.get("incline");
    w.step_count = tr.get("step_count");
    w.vehicle = tr.vehicle_tags();
    w.id = tr.id();
    out.push_back(std::move(w));
  }
}

void add_polygon(const OGRFeature& f, TagReader& tr, bool has_building, std::vector<RawPolygon>& out) {
  auto parts = polygon_parts(f.GetGeometryRef());
  if (parts.empty()) return;
  tr.load(f);
  RawPolygon p;
  p.parts = std::move(parts);
  p.has_building_column = has_building;
  p.building = tr.get("building");
  p.amenity = tr.get("amenity");
  p.landuse = tr.get("landuse");
  p.leisure = tr.get("leisure");
  p.name = tr.get("name");
  p.levels = tr.get("building:levels");
  if (p.levels.empty()) p.levels = tr.get("levels");
  p.material = tr.get("building:material");
  // A street address names a place as well as a name does (a car park without a
  // name is "Hermannstraße 12"); a house number without its street does not.
  if (std::string street = tr.get("addr:street"); !street.empty()) {
    const std::string number = tr.get("addr:housenumber");
    p.address = number.empty() ? street : street + " " + number;
  }
  p.id = tr.id();
  out.push_back(std::move(p));
}

// The OSM `points` layer holds every tagged node (thousands in a small town); only
// those whose columns or other_tags can name an amenity, hydrant or barrier are parsed.
class PointFilter {
 public:
  explicit PointFilter(OGRFeatureDefn* defn) : other_(field_index(defn, "other_tags")) {
    for (const char* k : {"amenity", "emergency", "barrier"})
      if (const int i = field_index(defn, k); i >= 0) columns_.push_back(i);
  }
  [[nodiscard]] bool maybe(const OGRFeature& f) const {
    for (const int i : columns_)
      if (f.IsFieldSetAndNotNull(i)) return true;
    if (other_ < 0 || !f.IsFieldSetAndNotNull(other_)) return false;
    const std::string_view o = f.GetFieldAsString(other_);
    return o.find("fire_") != std::string_view::npos || o.find("\"barrier\"") != std::string_view::npos ||
           o.find("\"amenity\"") != std::string_view::npos;
  }

 private:
  int other_;
  std::vector<int> columns_;
};

void add_point(const OGRFeature& f, const PointFilter& filter, TagReader& tr, std::vector<RawPoint>& out) {
  const OGRGeometry* g = f.GetGeometryRef();
  if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint || !filter.maybe(f)) return;
  tr.load(f);
  RawPoint p;
  p.amenity = tr.get("amenity");
  p.station = p.amenity == "fire_station";
  p.hydrant = tr.get("emergency") == "fire_hydrant";
  p.barrier = tr.get("barrier");
  if (p.barrier == "no") p.barrier.clear();
  if (p.amenity.empty() && !p.hydrant && p.barrier.empty()) return;
  const OGRPoint* pt = g->toPoint();
  p.pos = {pt->getX(), pt->getY()};
  p.hydrant_type = tr.get("fire_hydrant:type");
  p.name = tr.get("name");
  p.ref = tr.get("ref");
  p.id = tr.id();
  out.push_back(std::move(p));
}

std::optional<OGRSpatialReference> layer_srs(OGRLayer& l) {
  const OGRSpatialReference* s = l.GetSpatialRef();
  if (!s || s->IsEmpty()) return std::nullopt;
  return gis_order(*s);
}

void read_layer_polygons(OGRLayer& l, RawPolygons& out) {
  TagReader tr(l.GetLayerDefn());
  const bool has_building = tr.has_column("building") || tr.has_column("other_tags");
  l.ResetReading();
  while (FeaturePtr f{l.GetNextFeature()}) add_polygon(*f, tr, has_building, out.polygons);
  out.source.layer = l.GetName();
  out.source.srs = layer_srs(l);
}

}  // namespace

void read_streets(const std::string& path, const std::string& layer, const Origin& origin,
                  RawStreets& streets, RawPolygons* polygons, const std::string& polygon_layer,
                  RawPoints* points) {
  DatasetPtr ds = open_vector(path, origin);
  streets.source.path = path;
  if (polygons) polygons->source.path = path;
  QuietGdal quiet;
  if (is_osm(path)) {
    // One interleaved pass over all layers: the OSM driver's recommended mode
    // (https://gdal.org/drivers/vector/osm.html, "Interleaved reading").
    const std::string lines_name = layer.empty() ? "lines" : layer;
    const std::string poly_name = polygon_layer.empty() ? "multipolygons" : polygon_layer;
    OGRLayer* lines = ds->GetLayerByName(lines_name.c_str());
    if (!lines) throw InputError(path, 0, origin.field, "no layer '" + lines_name + "' in the OSM file");
    OGRLayer* polys = polygons ? ds->GetLayerByName(poly_name.c_str()) : nullptr;
    if (polygons && !polys)
      throw InputError(path, 0, origin.field, "no layer '" + poly_name + "' in the OSM file");
    // The points layer rides along in the same pass: the driver builds its features
    // anyway, so the stations, hydrants and barriers cost only their own filtering.
    OGRLayer* pts = points ? ds->GetLayerByName("points") : nullptr;
    TagReader line_tags(lines->GetLayerDefn());
    std::optional<TagReader> poly_tags, point_tags;
    std::optional<PointFilter> point_filter;
    if (polys) poly_tags.emplace(polys->GetLayerDefn());
    if (pts) {
      point_tags.emplace(pts->GetLayerDefn());
      point_filter.emplace(pts->GetLayerDefn());
      points->source = {path, "points", layer_srs(*pts)};
    }
    streets.source.layer = lines_name;
    streets.source.srs = layer_srs(*lines);
    if (polygons) {
      polygons->source.layer = poly_name;
      polygons->source.srs = layer_srs(*polys);
    }
    OGRLayer* from = nullptr;
    while (FeaturePtr f{ds->GetNextFeature(&from, nullptr, nullptr, nullptr)}) {
      if (from == lines)
        add_way(*f, line_tags, true, streets.ways);
      else if (polys && from == polys)
        add_polygon(*f, *poly_tags, true, polygons->polygons);
      else if (pts && from == pts)
        add_point(*f, *point_filter, *point_tags, points->points);
    }
    if (const std::string err = QuietGdal::last_message();
        CPLGetLastErrorType() >= CE_Failure && !err.empty())
      throw InputError(path, 0, origin.field, "error while reading: " + err);
    return;
  }
  OGRLayer* lines = pick_layer(*ds, layer, is_line_type, "line", path, origin, true);
  TagReader tr(lines->GetLayerDefn());
  const bool has_highway = tr.has_column("highway") || tr.has_column("other_tags");
  lines->ResetReading();
  while (FeaturePtr f{lines->GetNextFeature()}) add_way(*f, tr, has_highway, streets.ways);
  streets.source.layer = lines->GetName();
  streets.source.srs = layer_srs(*lines);
  if (polygons) {
    if (OGRLayer* l =
            pick_layer(*ds, polygon_layer, is_polygon_type, "polygon", path, origin, !polygon_layer.empty()))
      read_layer_polygons(*l, *polygons);
  }
}

void read_polygons(const std::string& path, const std::string& layer, const Origin& origin, RawPolygons& out,
                   bool required) {
  DatasetPtr ds = open_vector(path, origin);
  out.source.path = path;
  QuietGdal quiet;
  const std::string name = layer.empty() && is_osm(path) ? "multipolygons" : layer;
  if (OGRLayer* l = pick_layer(*ds, name, is_polygon_type, "polygon", path, origin, required))
    read_layer_polygons(*l, out);
}

}  // namespace ss::maps::detail
