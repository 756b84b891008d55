#include "maps/gdal_support.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <mutex>
#include <stdexcept>

#include "engine/core/input_error.hpp"

namespace ss::maps::detail {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // GeoPackages record when each table last changed (gpkg_contents.last_change,
    // "informative" in OGC 12-128r18, 1.1.3.1.1); with the wall clock there, two
    // identical runs would differ in bytes. A fixed date keeps every output a function
    // of the inputs alone, unless the user sets OGR_CURRENT_DATE themselves.
    if (!CPLGetConfigOption("OGR_CURRENT_DATE", nullptr))
      CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
  });
}

QuietGdal::QuietGdal() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}
QuietGdal::~QuietGdal() { CPLPopErrorHandler(); }
std::string QuietGdal::last_message() {
  const char* m = CPLGetLastErrorMsg();
  return m ? std::string(m) : std::string();
}

OGRSpatialReference srs_from_wkt(const std::string& wkt) {
  OGRSpatialReference s;
  if (!wkt.empty()) s.importFromWkt(wkt.c_str());
  s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return s;
}

std::string temp_name(const std::string& path) {
  const std::filesystem::path p(path);
  return (p.parent_path() / (p.stem().string() + ".tmp" + p.extension().string())).string();
}

void commit(const std::string& tmp, const std::string& path) {
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw std::runtime_error("cannot move " + tmp + " to " + path + ": " + ec.message());
}

bool path_exists(const std::string& path) {
  VSIStatBufL st;
  return VSIStatL(path.c_str(), &st) == 0;
}

namespace {
[[noreturn]] void throw_missing(const std::string& path, const Origin& origin) {
  // The problem is in the scenario (a wrong path), so point at the line naming it.
  throw InputError(origin.file.empty() ? path : origin.file, origin.file.empty() ? 0 : origin.line,
                   origin.field, "file not found: " + path);
}

DatasetPtr open_any(const std::string& path, const Origin& origin, unsigned flags, const char* what) {
  ensure_gdal_registered();
  if (path.empty()) throw InputError(origin.file, origin.line, origin.field, "no file given");
  if (!path_exists(path)) throw_missing(path, origin);
  QuietGdal quiet;
  DatasetPtr ds(
      GDALDataset::FromHandle(GDALOpenEx(path.c_str(), flags | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) {
    std::string msg = std::string("cannot open as ") + what;
    if (const std::string gdal = QuietGdal::last_message(); !gdal.empty()) msg += " (" + gdal + ")";
    throw InputError(path, 0, origin.field, msg);
  }
  return ds;
}
}  // namespace

DatasetPtr open_vector(const std::string& path, const Origin& origin) {
  return open_any(path, origin, GDAL_OF_VECTOR, "a vector data set");
}
DatasetPtr open_raster(const std::string& path, const Origin& origin) {
  return open_any(path, origin, GDAL_OF_RASTER, "a raster");
}

bool is_osm(const std::string& path) { return ends_with_ci(path, ".osm.pbf") || ends_with_ci(path, ".osm"); }

OGRSpatialReference wgs84() {
  OGRSpatialReference s;
  s.SetWellKnownGeogCS("WGS84");
  s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return s;
}

OGRSpatialReference gis_order(const OGRSpatialReference& srs) {
  OGRSpatialReference s(srs);
  s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return s;
}

Transform::Transform(const OGRSpatialReference& from, const OGRSpatialReference& to) {
  QuietGdal quiet;
  const OGRSpatialReference a = gis_order(from), b = gis_order(to);
  ct_.reset(OGRCreateCoordinateTransformation(&a, &b));
  if (!ct_)
    throw std::runtime_error("no coordinate transformation between the CRSs (" + QuietGdal::last_message() +
                             ")");
}

bool Transform::apply(std::vector<Vec2>& pts) const {
  if (pts.empty()) return true;
  std::vector<double> xs(pts.size()), ys(pts.size());
  std::vector<int> ok(pts.size(), 0);
  for (std::size_t i = 0; i < pts.size(); ++i) {
    xs[i] = pts[i].x;
    ys[i] = pts[i].y;
  }
  QuietGdal quiet;
  ct_->Transform(static_cast<int>(pts.size()), xs.data(), ys.data(), nullptr, ok.data());
  bool all = true;
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const bool good = ok[i] && std::isfinite(xs[i]) && std::isfinite(ys[i]);
    pts[i] = good ? Vec2{xs[i], ys[i]} : Vec2{kNaN, kNaN};
    all = all && good;
  }
  return all;
}

bool Transform::apply(Vec2& p) const {
  std::vector<Vec2> one{p};
  const bool ok = apply(one);
  p = one[0];
  return ok;
}

int field_index(OGRFeatureDefn* defn, std::string_view name) {
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    if (iequals(defn->GetFieldDefn(i)->GetNameRef(), name)) return i;
  return -1;
}

std::optional<std::string> field_string(const OGRFeature& f, int index) {
  if (index < 0 || !f.IsFieldSetAndNotNull(index)) return std::nullopt;
  return std::string(f.GetFieldAsString(index));
}

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

std::string trim(std::string_view s) {
  auto sp = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!s.empty() && sp(s.front())) s.remove_prefix(1);
  while (!s.empty() && sp(s.back())) s.remove_suffix(1);
  return std::string(s);
}

bool iequals(std::string_view a, std::string_view b) { return a.size() == b.size() && lower(a) == lower(b); }

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

std::optional<double> parse_double(std::string_view s) {
  const std::string t = trim(s);
  if (t.empty()) return std::nullopt;
  const char* b = t.data();
  const char* e = b + t.size();
  if (*b == '+') ++b;
  double v = 0.0;
  const auto r = std::from_chars(b, e, v);
  if (r.ec != std::errc() || r.ptr != e || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<long long> parse_int(std::string_view s) {
  const auto d = parse_double(s);
  if (!d || std::floor(*d) != *d || std::abs(*d) > 9e15) return std::nullopt;
  return static_cast<long long>(*d);
}

namespace {
std::vector<Vec2> ring_points(const OGRLinearRing* r) {
  std::vector<Vec2> pts;
  if (!r) return pts;
  const int n = r->getNumPoints();
  pts.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) pts.push_back({r->getX(i), r->getY(i)});
  if (pts.size() >= 2 && pts.front() == pts.back()) pts.pop_back();  // Ring closes implicitly
  return pts;
}

void add_polygon(const OGRPolygon* p, std::vector<PolygonRings>& out) {
  if (!p || p->IsEmpty()) return;
  PolygonRings pr;
  pr.outer = ring_points(p->getExteriorRing());
  if (pr.outer.size() < 3) return;
  for (int i = 0; i < p->getNumInteriorRings(); ++i) {
    auto h = ring_points(p->getInteriorRing(i));
    if (h.size() >= 3) pr.holes.push_back(std::move(h));
  }
  out.push_back(std::move(pr));
}

void add_line(const OGRLineString* l, std::vector<std::vector<Vec2>>& out) {
  if (!l || l->getNumPoints() < 2) return;
  std::vector<Vec2> pts;
  pts.reserve(static_cast<std::size_t>(l->getNumPoints()));
  for (int i = 0; i < l->getNumPoints(); ++i) pts.push_back({l->getX(i), l->getY(i)});
  out.push_back(std::move(pts));
}
}  // namespace

std::vector<PolygonRings> polygon_parts(const OGRGeometry* g) {
  std::vector<PolygonRings> out;
  if (!g) return out;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon: add_polygon(g->toPolygon(), out); break;
    case wkbMultiPolygon:
      for (const OGRPolygon* p : *g->toMultiPolygon()) add_polygon(p, out);
      break;
    default: break;
  }
  return out;
}

std::vector<std::vector<Vec2>> line_parts(const OGRGeometry* g) {
  std::vector<std::vector<Vec2>> out;
  if (!g) return out;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbLineString: add_line(g->toLineString(), out); break;
    case wkbMultiLineString:
      for (const OGRLineString* l : *g->toMultiLineString()) add_line(l, out);
      break;
    default: break;
  }
  return out;
}

}  // namespace ss::maps::detail
