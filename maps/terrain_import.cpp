#include "maps/terrain_import.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/input_error.hpp"
#include "maps/gdal_support.hpp"

namespace ss::maps {

namespace {
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

OGRSpatialReference raster_srs(GDALDataset& ds, const std::string& path, const std::string& field) {
  const OGRSpatialReference* srs = ds.GetSpatialRef();
  if (srs && !srs->IsEmpty()) return *srs;
  if (detail::ends_with_ci(path, ".hgt") || detail::ends_with_ci(path, ".hgt.zip")) return detail::wgs84();
  throw InputError(path, 0, field,
                   "raster has no coordinate reference system; add one (e.g. gdal_translate -a_srs)");
}
}  // namespace

TerrainGrid load_terrain(const TerrainRequest& rq, const Projector& projector) {
  const detail::Origin origin{rq.origin_file, rq.origin_line, rq.field};
  if (rq.bounds.empty()) throw InputError(rq.path, 0, rq.field, "no map extent to cover with terrain");
  if (!(rq.cell > 0.0))
    throw InputError(rq.origin_file, rq.origin_line, rq.field, "terrain cell must be positive");
  detail::DatasetPtr ds = detail::open_raster(rq.path, origin);
  if (ds->GetRasterCount() < 1) throw InputError(rq.path, 0, rq.field, "raster has no bands");
  const OGRSpatialReference src = raster_srs(*ds, rq.path, rq.field);
  double gt[6], inv[6];
  if (ds->GetGeoTransform(gt) != CE_None || !GDALInvGeoTransform(gt, inv))
    throw InputError(rq.path, 0, rq.field, "raster has no usable georeferencing (geotransform)");

  TerrainGrid grid;
  grid.cell = rq.cell;
  grid.origin = rq.bounds.min - Vec2{rq.cell, rq.cell};
  grid.nx = static_cast<int>(std::ceil(rq.bounds.width() / rq.cell)) + 2;
  grid.ny = static_cast<int>(std::ceil(rq.bounds.height() / rq.cell)) + 2;
  const double cells = static_cast<double>(grid.nx) * grid.ny;
  if (cells > 5e7)
    throw InputError(rq.path, 0, rq.field, "terrain grid too large; use a larger map.terrain_cell");
  const std::size_t n = static_cast<std::size_t>(cells);

  // Cell centres -> raster CRS -> fractional pixel coordinates of pixel centres.
  std::vector<Vec2> pts(n);
  for (int j = 0; j < grid.ny; ++j)
    for (int i = 0; i < grid.nx; ++i)
      pts[static_cast<std::size_t>(j) * grid.nx + i] =
          grid.origin + Vec2{(i + 0.5) * rq.cell, (j + 0.5) * rq.cell};
  OGRSpatialReference local;
  local.importFromWkt(projector.wkt().c_str());
  try {
    detail::Transform(local, src).apply(pts);  // failed points come back NaN
  } catch (const std::exception& e) {
    throw InputError(rq.path, 0, rq.field,
                     std::string("cannot transform into the raster's CRS: ") + e.what());
  }
  const int W = ds->GetRasterXSize(), H = ds->GetRasterYSize();
  double pmin_x = INFINITY, pmin_y = INFINITY, pmax_x = -INFINITY, pmax_y = -INFINITY;
  for (Vec2& p : pts) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
      p = {NAN, NAN};
      continue;
    }
    const double px = inv[0] + p.x * inv[1] + p.y * inv[2] - 0.5;  // relative to pixel centres
    const double py = inv[3] + p.x * inv[4] + p.y * inv[5] - 0.5;
    if (!std::isfinite(px) || !std::isfinite(py)) {  // a geotransform of absurd scale
      p = {NAN, NAN};
      continue;
    }
    p = {px, py};
    pmin_x = std::min(pmin_x, px), pmax_x = std::max(pmax_x, px);
    pmin_y = std::min(pmin_y, py), pmax_y = std::max(pmax_y, py);
  }
  // Read only the window the grid needs (plus one pixel for interpolation). Clamped
  // before converting: pixel coordinates from a raster's geotransform can be far
  // outside what an int holds.
  auto pixel = [](double v, int size) {
    return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(size)));
  };
  const int x0 = pixel(std::floor(pmin_x) - 1, W);
  const int y0 = pixel(std::floor(pmin_y) - 1, H);
  const int x1 = pixel(std::ceil(pmax_x) + 2, W);
  const int y1 = pixel(std::ceil(pmax_y) + 2, H);
  const int ww = x1 - x0, wh = y1 - y0;
  grid.z.assign(n, kNaN);
  if (ww > 0 && wh > 0 && std::isfinite(pmin_x)) {
    GDALRasterBand* band = ds->GetRasterBand(1);
    std::vector<float> buf(static_cast<std::size_t>(ww) * wh);
    detail::QuietGdal quiet;
    if (band->RasterIO(GF_Read, x0, y0, ww, wh, buf.data(), ww, wh, GDT_Float32, 0, 0, nullptr) != CE_None)
      throw InputError(rq.path, 0, rq.field,
                       "cannot read raster data (" + detail::QuietGdal::last_message() + ")");
    int has_nodata = 0;
    const double nodata = band->GetNoDataValue(&has_nodata);
    int has_scale = 0, has_offset = 0;
    const double scale = band->GetScale(&has_scale), offset = band->GetOffset(&has_offset);
    auto value = [&](int i, int j) -> double {
      const float v = buf[static_cast<std::size_t>(j - y0) * ww + (i - x0)];
      if (std::isnan(v) ||
          (has_nodata && static_cast<double>(v) == static_cast<double>(static_cast<float>(nodata))))
        return NAN;
      return v * (has_scale ? scale : 1.0) + (has_offset ? offset : 0.0);
    };
    for (std::size_t k = 0; k < n; ++k) {
      const Vec2 p = pts[k];
      if (!(p.x >= -0.5 && p.y >= -0.5 && p.x <= W - 0.5 && p.y <= H - 0.5)) continue;  // NaN: no pixel
      // Pixels at the raster's edge use the edge value for the outer half pixel.
      const double u = std::clamp(p.x, 0.0, W - 1.0), v = std::clamp(p.y, 0.0, H - 1.0);
      const int i0 = std::clamp(static_cast<int>(std::floor(u)), x0, x1 - 1);
      const int j0 = std::clamp(static_cast<int>(std::floor(v)), y0, y1 - 1);
      const int i1 = std::min(i0 + 1, x1 - 1), j1 = std::min(j0 + 1, y1 - 1);
      const double fx = std::clamp(u - i0, 0.0, 1.0), fy = std::clamp(v - j0, 0.0, 1.0);
      const double z = (value(i0, j0) * (1 - fx) + value(i1, j0) * fx) * (1 - fy) +
                       (value(i0, j1) * (1 - fx) + value(i1, j1) * fx) * fy;
      grid.z[k] = std::isfinite(z) ? static_cast<float>(z) : kNaN;
    }
  }
  // Coverage of the requested bounds (without the margin).
  std::size_t inside = 0, unknown = 0;
  for (int j = 1; j + 1 < grid.ny; ++j)
    for (int i = 1; i + 1 < grid.nx; ++i) {
      ++inside;
      if (std::isnan(grid.z[static_cast<std::size_t>(j) * grid.nx + i])) ++unknown;
    }
  if (inside == 0)
    inside = n, unknown = static_cast<std::size_t>(
                    std::count_if(grid.z.begin(), grid.z.end(), [](float z) { return std::isnan(z); }));
  if (static_cast<double>(unknown) > rq.max_nan_share * static_cast<double>(inside))
    throw InputError(rq.path, 0, rq.field,
                     "raster does not cover the map: " + std::to_string(unknown) + " of " +
                         std::to_string(inside) + " terrain cells have no elevation");
  return grid;
}

}  // namespace ss::maps
