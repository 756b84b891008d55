#include "maps/flood_rasters.hpp"

#include <gdal_alg.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "engine/core/input_error.hpp"
#include "maps/gdal_support.hpp"
#include "maps/terrain_import.hpp"

namespace ss::maps {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

using detail::commit;
using detail::srs_from_wkt;
using detail::temp_name;

// The grid a raster lies on: pixel counts, geotransform and CRS.
struct RasterGrid {
  int nx = 0, ny = 0;
  double gt[6] = {0, 1, 0, 0, 0, 1};
  bool has_gt = false;
  OGRSpatialReference srs;  // empty when the raster has none
};

RasterGrid raster_grid(const std::string& path, const std::string& field) {
  detail::QuietGdal quiet;
  detail::DatasetPtr ds = detail::open_raster(path, detail::Origin{"", 0, field});
  RasterGrid r;
  r.nx = ds->GetRasterXSize();
  r.ny = ds->GetRasterYSize();
  r.has_gt = ds->GetGeoTransform(r.gt) == CE_None;
  if (const OGRSpatialReference* s = ds->GetSpatialRef(); s && !s->IsEmpty()) r.srs = *s;
  return r;
}

std::string number(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.10g", v);
  return b;
}

// How grid `b` differs from grid `a`, or "" when they are the same grid: the pixel
// counts and CRS exactly, the geotransform to 1e-9 of a pixel (rounding in writers).
std::string grid_difference(const RasterGrid& a, const RasterGrid& b) {
  if (a.nx != b.nx || a.ny != b.ny)
    return std::to_string(b.nx) + " x " + std::to_string(b.ny) + " pixels instead of " +
           std::to_string(a.nx) + " x " + std::to_string(a.ny);
  if (a.has_gt != b.has_gt) return b.has_gt ? "a geotransform where the other has none" : "no geotransform";
  const double tol = 1e-9 * std::max(std::fabs(a.gt[1]), std::fabs(a.gt[5]));
  for (int k = 0; k < 6; ++k)
    if (std::fabs(a.gt[k] - b.gt[k]) > tol) {
      auto gt = [](const double* g) {
        return "origin (" + number(g[0]) + ", " + number(g[3]) + "), pixel " + number(g[1]) + " x " +
               number(g[5]) + (g[2] != 0.0 || g[4] != 0.0 ? ", rotated" : "");
      };
      return "geotransform " + gt(b.gt) + " instead of " + gt(a.gt);
    }
  if (a.srs.IsEmpty() != b.srs.IsEmpty())
    return b.srs.IsEmpty() ? "no CRS" : "a CRS where the other has none";
  if (!a.srs.IsEmpty() && !a.srs.IsSame(&b.srs)) {
    const char* na = a.srs.GetName();
    const char* nb = b.srs.GetName();
    return std::string("CRS '") + (nb ? nb : "?") + "' instead of '" + (na ? na : "?") + "'";
  }
  return {};
}

}  // namespace

NativeRaster read_native_raster(const std::string& path, const std::string& field) {
  detail::QuietGdal quiet;
  detail::DatasetPtr ds = detail::open_raster(path, detail::Origin{"", 0, field});
  double gt[6];
  if (ds->GetGeoTransform(gt) != CE_None) throw InputError(path, 0, field, "raster has no geotransform");
  if (gt[2] != 0.0 || gt[4] != 0.0 || gt[5] >= 0.0 || std::fabs(gt[1] + gt[5]) > 1e-6 * gt[1])
    throw InputError(path, 0, field, "raster must be north-up with square pixels");
  NativeRaster r;
  r.nx = ds->GetRasterXSize();
  r.ny = ds->GetRasterYSize();
  r.cell = gt[1];
  r.origin = {gt[0], gt[3] + gt[5] * r.ny};
  if (const OGRSpatialReference* s = ds->GetSpatialRef(); s && !s->IsEmpty()) {
    char* wkt = nullptr;
    s->exportToWkt(&wkt);
    r.crs_wkt = wkt ? wkt : "";
    CPLFree(wkt);
  }
  GDALRasterBand* band = ds->GetRasterBand(1);
  int has_nodata = 0;
  const double nodata = band->GetNoDataValue(&has_nodata);
  std::vector<float> rows(static_cast<std::size_t>(r.nx) * r.ny);
  if (band->RasterIO(GF_Read, 0, 0, r.nx, r.ny, rows.data(), r.nx, r.ny, GDT_Float32, 0, 0) != CE_None)
    throw InputError(path, 0, field, "cannot read the raster: " + detail::QuietGdal::last_message());
  r.values.resize(rows.size());
  for (int j = 0; j < r.ny; ++j)  // GDAL rows run from the north; ours from the south
    for (int i = 0; i < r.nx; ++i) {
      const float v = rows[static_cast<std::size_t>(r.ny - 1 - j) * r.nx + i];
      r.values[static_cast<std::size_t>(j) * r.nx + i] =
          (has_nodata && v == static_cast<float>(nodata)) ? kNaN : v;
    }
  return r;
}

TerrainGrid to_terrain(const NativeRaster& r) {
  TerrainGrid t;
  t.origin = r.origin;
  t.cell = r.cell;
  t.nx = r.nx;
  t.ny = r.ny;
  t.z = r.values;
  return t;
}

std::vector<std::vector<Vec2>> load_waterways(const std::string& path, const std::string& layer,
                                              const std::vector<std::string>& kinds,
                                              const Projector& projector) {
  detail::QuietGdal quiet;
  detail::DatasetPtr ds = detail::open_vector(path, detail::Origin{"", 0, "flood.rivers"});
  OGRLayer* l = layer.empty() ? (detail::is_osm(path) ? ds->GetLayerByName("lines") : ds->GetLayer(0))
                              : ds->GetLayerByName(layer.c_str());
  if (!l) throw InputError(path, 0, "flood.rivers", "no layer '" + (layer.empty() ? "lines" : layer) + "'");
  const int wf = detail::field_index(l->GetLayerDefn(), "waterway");
  if (wf < 0) throw InputError(path, 0, "flood.rivers", "the layer has no 'waterway' field");
  const OGRSpatialReference* src = l->GetSpatialRef();
  const OGRSpatialReference from = src ? detail::gis_order(*src) : detail::wgs84();
  const detail::Transform t(from, srs_from_wkt(projector.wkt()));
  std::vector<std::vector<Vec2>> out;
  l->ResetReading();
  while (detail::FeaturePtr f{l->GetNextFeature()}) {
    const auto w = detail::field_string(*f, wf);
    if (!w || std::find(kinds.begin(), kinds.end(), *w) == kinds.end()) continue;
    for (std::vector<Vec2>& part : detail::line_parts(f->GetGeometryRef())) {
      if (part.size() < 2 || !t.apply(part)) continue;
      out.push_back(std::move(part));
    }
  }
  return out;
}

ExternalFlood load_external_flood(const std::vector<ExternalFrame>& frames, const FloodGrid& grid,
                                  const Projector& projector, const std::string& field) {
  if (frames.empty()) throw InputError("", 0, field, "an external flood needs at least one raster");
  ExternalFlood ext;
  const bool with_speed = !frames.front().speed.empty();
  Box area;
  area.extend(grid.origin);
  area.extend(grid.origin + Vec2{grid.nx * grid.cell, grid.ny * grid.cell});
  auto resample = [&](const std::string& path, const std::string& f) {
    TerrainRequest rq;
    rq.path = path;
    rq.bounds = area;
    rq.cell = grid.cell;
    rq.max_nan_share = 1.0;  // depth rasters leave dry land as NoData
    rq.field = f;
    const TerrainGrid t = load_terrain(rq, projector);
    std::vector<float> v(grid.size());
    for (std::size_t c = 0; c < v.size(); ++c) {
      const float x = t.sample(grid.centre(c));
      v[c] = std::isfinite(x) ? std::max(0.0f, x) : 0.0f;
    }
    return v;
  };
  // One series, one grid: every depth and speed raster must lie on the first depth
  // raster's grid (pixel counts, geotransform, CRS). A frame on another grid is
  // almost always a mix-up (another run, another model, a clipped export), and
  // resampling it silently would blend two floods; the series as a whole may lie
  // on a grid other than the flood grid and is then resampled onto it.
  const RasterGrid first = raster_grid(frames.front().depth, field + "[0].depth");
  auto same_grid = [&](const std::string& path, const std::string& f) {
    const std::string diff = grid_difference(first, raster_grid(path, f));
    if (!diff.empty())
      throw InputError(path, 0, f,
                       "this raster has " + diff + " of " + frames.front().depth +
                           ": the rasters of one external flood series must share one grid");
  };
  for (std::size_t k = 0; k < frames.size(); ++k) {
    const std::string f = field + "[" + std::to_string(k) + "]";
    if (k > 0 && !(frames[k].time > frames[k - 1].time))
      throw InputError("", 0, f + ".time", "raster times must increase strictly");
    if (frames[k].speed.empty() == with_speed)
      throw InputError("", 0, f + ".speed", "give a speed raster for every time or for none");
    if (k > 0) same_grid(frames[k].depth, f + ".depth");
    if (with_speed) same_grid(frames[k].speed, f + ".speed");
    ext.time.push_back(frames[k].time);
    ext.depth.push_back(resample(frames[k].depth, f + ".depth"));
    if (with_speed) ext.speed.push_back(resample(frames[k].speed, f + ".speed"));
  }
  return ext;
}

void write_flood_geotiff(const std::string& path, const FloodGrid& grid, const std::vector<float>& values,
                         const std::string& crs_wkt) {
  detail::ensure_gdal_registered();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (!drv) throw std::runtime_error("GDAL has no GTiff driver");
  const std::string tmp = temp_name(path);
  char* opts[] = {const_cast<char*>("COMPRESS=DEFLATE"), nullptr};
  {
    detail::DatasetPtr ds{drv->Create(tmp.c_str(), grid.nx, grid.ny, 1, GDT_Float32, opts)};
    if (!ds) throw std::runtime_error("cannot create " + tmp);
    double gt[6] = {grid.origin.x, grid.cell, 0.0, grid.origin.y + grid.ny * grid.cell, 0.0, -grid.cell};
    ds->SetGeoTransform(gt);
    if (!crs_wkt.empty()) ds->SetProjection(crs_wkt.c_str());
    std::vector<float> rows(values.size());
    for (int j = 0; j < grid.ny; ++j)
      for (int i = 0; i < grid.nx; ++i)
        rows[static_cast<std::size_t>(grid.ny - 1 - j) * grid.nx + i] =
            values[static_cast<std::size_t>(j) * grid.nx + i];
    GDALRasterBand* b = ds->GetRasterBand(1);
    b->SetNoDataValue(std::numeric_limits<double>::quiet_NaN());
    if (b->RasterIO(GF_Write, 0, 0, grid.nx, grid.ny, rows.data(), grid.nx, grid.ny, GDT_Float32, 0, 0) !=
        CE_None)
      throw std::runtime_error("cannot write " + tmp);
  }
  commit(tmp, path);
}

void write_mask_polygons(const std::string& path, const std::string& layer, const FloodGrid& grid,
                         const std::vector<std::uint8_t>& mask, const std::string& crs_wkt) {
  detail::ensure_gdal_registered();
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!mem || !gpkg) throw std::runtime_error("GDAL lacks the MEM or GPKG driver");
  detail::DatasetPtr r{mem->Create("", grid.nx, grid.ny, 1, GDT_Byte, nullptr)};
  double gt[6] = {grid.origin.x, grid.cell, 0.0, grid.origin.y + grid.ny * grid.cell, 0.0, -grid.cell};
  r->SetGeoTransform(gt);
  std::vector<std::uint8_t> rows(mask.size());
  for (int j = 0; j < grid.ny; ++j)
    for (int i = 0; i < grid.nx; ++i)
      rows[static_cast<std::size_t>(grid.ny - 1 - j) * grid.nx + i] =
          mask[static_cast<std::size_t>(j) * grid.nx + i];
  GDALRasterBand* band = r->GetRasterBand(1);
  if (band->RasterIO(GF_Write, 0, 0, grid.nx, grid.ny, rows.data(), grid.nx, grid.ny, GDT_Byte, 0, 0) !=
      CE_None)
    throw std::runtime_error("cannot fill the in-memory mask");
  const std::string tmp = temp_name(path);
  std::filesystem::remove(tmp);
  {
    detail::DatasetPtr out{gpkg->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr)};
    if (!out) throw std::runtime_error("cannot create " + tmp);
    OGRSpatialReference srs = srs_from_wkt(crs_wkt);
    OGRLayer* l = out->CreateLayer(layer.c_str(), crs_wkt.empty() ? nullptr : &srs, wkbPolygon, nullptr);
    if (!l) throw std::runtime_error("cannot create layer " + layer);
    OGRFieldDefn fd("value", OFTInteger);
    l->CreateField(&fd);
    if (GDALPolygonize(band, band, l, 0, nullptr, nullptr, nullptr) != CE_None)
      throw std::runtime_error("polygonizing " + layer + " failed");
  }
  commit(tmp, path);
}

namespace {

// A GeoPackage layer of features that share their attribute names (taken from the
// first), each with the geometry `geometry(feature)` makes; NaN numbers are null.
template <class Feature, class MakeGeometry>
void write_features(const std::string& path, const std::string& layer, const std::vector<Feature>& features,
                    const std::string& crs_wkt, OGRwkbGeometryType type, MakeGeometry&& geometry) {
  detail::ensure_gdal_registered();
  GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!gpkg) throw std::runtime_error("GDAL lacks the GPKG driver");
  const std::string tmp = temp_name(path);
  std::filesystem::remove(tmp);
  {
    detail::DatasetPtr out{gpkg->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr)};
    if (!out) throw std::runtime_error("cannot create " + tmp);
    OGRSpatialReference srs = srs_from_wkt(crs_wkt);
    OGRLayer* l = out->CreateLayer(layer.c_str(), crs_wkt.empty() ? nullptr : &srs, type, nullptr);
    if (!l) throw std::runtime_error("cannot create layer " + layer);
    if (!features.empty()) {
      for (const auto& [name, v] : features.front().numbers) {
        OGRFieldDefn fd(name.c_str(), OFTReal);
        l->CreateField(&fd);
      }
      for (const auto& [name, v] : features.front().texts) {
        OGRFieldDefn fd(name.c_str(), OFTString);
        l->CreateField(&fd);
      }
    }
    if (l->StartTransaction() != OGRERR_NONE) throw std::runtime_error("cannot write to " + tmp);
    for (const Feature& p : features) {
      detail::FeaturePtr f{OGRFeature::CreateFeature(l->GetLayerDefn())};
      for (const auto& [name, v] : p.numbers) {
        if (std::isnan(v))
          f->SetFieldNull(f->GetFieldIndex(name.c_str()));
        else
          f->SetField(name.c_str(), v);
      }
      for (const auto& [name, v] : p.texts) f->SetField(name.c_str(), v.c_str());
      auto g = geometry(p);
      f->SetGeometry(&g);
      if (l->CreateFeature(f.get()) != OGRERR_NONE)
        throw std::runtime_error("cannot write a feature to " + layer);
    }
    if (l->CommitTransaction() != OGRERR_NONE) throw std::runtime_error("cannot write to " + tmp);
  }
  commit(tmp, path);
}

}  // namespace

void write_points(const std::string& path, const std::string& layer, const std::vector<PointFeature>& points,
                  const std::string& crs_wkt) {
  write_features(path, layer, points, crs_wkt, wkbPoint,
                 [](const PointFeature& p) { return OGRPoint(p.pos.x, p.pos.y); });
}

void write_lines(const std::string& path, const std::string& layer, const std::vector<LineFeature>& lines,
                 const std::string& crs_wkt) {
  write_features(path, layer, lines, crs_wkt, wkbLineString, [](const LineFeature& p) {
    OGRLineString line;
    for (const Vec2 v : p.points) line.addPoint(v.x, v.y);
    return line;
  });
}

void write_polygons(const std::string& path, const std::string& layer,
                    const std::vector<PolygonFeature>& polygons, const std::string& crs_wkt) {
  write_features(path, layer, polygons, crs_wkt, wkbPolygon, [](const PolygonFeature& p) {
    OGRLinearRing ring;
    for (const Vec2 v : p.outline) ring.addPoint(v.x, v.y);
    if (!p.outline.empty()) ring.addPoint(p.outline.front().x, p.outline.front().y);
    OGRPolygon poly;
    poly.addRing(&ring);
    return poly;
  });
}

}  // namespace ss::maps
