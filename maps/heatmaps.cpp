#include "maps/heatmaps.hpp"

#include <gdal_alg.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "engine/core/heat_figures.hpp"
#include "maps/flood_rasters.hpp"
#include "maps/gdal_support.hpp"
#include "maps/gpkg_writer.hpp"

namespace ss::maps {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using detail::Band;

// --- the grid and GDAL's rasterizer ------------------------------------------------------

// The values to burn: one geometry in the map's CRS per value.
struct Shapes {
  std::vector<std::unique_ptr<OGRGeometry>> geometry;
  std::vector<double> value;
  void add(std::unique_ptr<OGRGeometry> g, double v) {
    geometry.push_back(std::move(g));
    value.push_back(v);
  }
};

FloodGrid flood_grid_of(const HeatGrid& g) {  // write_flood_geotiff reads the geometry alone
  FloodGrid f;
  f.origin = g.origin;
  f.cell = g.cell;
  f.nx = g.nx;
  f.ny = g.ny;
  return f;
}

// Every cell a shape touches gets its value, the highest where shapes overlap (they are
// burnt in rising order of value, each replacing what lies below; ties keep their
// order: deterministic); others NaN. Rows from the south, as write_flood_geotiff takes them.
std::vector<float> rasterize(const HeatGrid& g, const Shapes& shapes) {
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  if (!mem) throw std::runtime_error("GDAL lacks the MEM driver");
  detail::DatasetPtr ds{mem->Create("", g.nx, g.ny, 1, GDT_Float32, nullptr)};
  if (!ds) throw std::runtime_error("cannot create an in-memory raster for a heat map");
  double gt[6] = {g.origin.x, g.cell, 0.0, g.origin.y + g.ny * g.cell, 0.0, -g.cell};
  ds->SetGeoTransform(gt);
  GDALRasterBand* band = ds->GetRasterBand(1);
  band->Fill(kNaN);
  std::vector<std::size_t> order(shapes.value.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return shapes.value[a] < shapes.value[b]; });
  std::vector<OGRGeometryH> geoms;
  std::vector<double> burn;
  for (const std::size_t k : order) {
    geoms.push_back(OGRGeometry::ToHandle(shapes.geometry[k].get()));
    burn.push_back(shapes.value[k]);
  }
  // ALL_TOUCHED: a street narrower than a cell still shows as a line of cells, a
  // small house as at least one cell.
  const char* opts[] = {"ALL_TOUCHED=TRUE", nullptr};
  const int bands[] = {1};
  if (!geoms.empty() &&
      GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, bands, static_cast<int>(geoms.size()),
                              geoms.data(), nullptr, nullptr, burn.data(), opts, nullptr, nullptr) != CE_None)
    throw std::runtime_error("rasterizing a heat map failed: " + detail::QuietGdal::last_message());
  std::vector<float> rows(static_cast<std::size_t>(g.nx) * g.ny);
  if (band->RasterIO(GF_Read, 0, 0, g.nx, g.ny, rows.data(), g.nx, g.ny, GDT_Float32, 0, 0) != CE_None)
    throw std::runtime_error("cannot read back an in-memory heat map");
  std::vector<float> out(rows.size());
  for (int j = 0; j < g.ny; ++j)  // GDAL rows run from the north; ours from the south
    std::copy_n(rows.begin() + static_cast<std::ptrdiff_t>(g.ny - 1 - j) * g.nx, g.nx,
                out.begin() + static_cast<std::ptrdiff_t>(j) * g.nx);
  return out;
}

std::unique_ptr<OGRGeometry> street_shape(const Model& m, EdgeId e) {
  auto line = std::make_unique<OGRLineString>();
  for (const Vec2 v : m.world.streets.shape(e)) line->addPoint(v.x, v.y);
  return line;
}

// The building's footprint, or its centroid when it has no outline to fill.
std::unique_ptr<OGRGeometry> home_shape(const Building& b) {
  if (b.outline.size() < 3) return std::make_unique<OGRPoint>(b.centroid.x, b.centroid.y);
  OGRLinearRing ring;
  for (const Vec2 v : b.outline) ring.addPoint(v.x, v.y);
  ring.addPoint(b.outline.front().x, b.outline.front().y);
  auto poly = std::make_unique<OGRPolygon>();
  poly->addRing(&ring);
  return poly;
}

// The time to safety surface: Shepard's interpolation at every cell centre over the
// homes with a time, found through a bucket grid of the search radius.
std::vector<float> idw_surface(const HeatGrid& g, const std::vector<Vec2>& pts,
                               const std::vector<double>& v) {
  std::vector<float> out(static_cast<std::size_t>(g.nx) * g.ny, std::numeric_limits<float>::quiet_NaN());
  if (pts.empty()) return out;
  const double r = kIdwRadius;
  const int bx = static_cast<int>(std::ceil(g.nx * g.cell / r)) + 1;
  const int by = static_cast<int>(std::ceil(g.ny * g.cell / r)) + 1;
  std::vector<std::vector<std::size_t>> bucket(static_cast<std::size_t>(bx) * by);
  auto bucket_of = [&](double x, double lo, int n) {
    return std::clamp(static_cast<int>(std::floor((x - lo) / r)), 0, n - 1);
  };
  for (std::size_t k = 0; k < pts.size(); ++k)
    bucket[static_cast<std::size_t>(bucket_of(pts[k].y, g.origin.y, by)) * bx +
           bucket_of(pts[k].x, g.origin.x, bx)]
        .push_back(k);  // in home order within a bucket: the sums below are deterministic
  std::vector<Vec2> near_p;
  std::vector<double> near_v;
  for (int j = 0; j < g.ny; ++j)
    for (int i = 0; i < g.nx; ++i) {
      const Vec2 c = g.centre(i, j);
      const int cx = bucket_of(c.x, g.origin.x, bx), cy = bucket_of(c.y, g.origin.y, by);
      near_p.clear();
      near_v.clear();
      for (int y = std::max(0, cy - 1); y <= std::min(by - 1, cy + 1); ++y)
        for (int x = std::max(0, cx - 1); x <= std::min(bx - 1, cx + 1); ++x)
          for (const std::size_t k : bucket[static_cast<std::size_t>(y) * bx + x]) {
            near_p.push_back(pts[k]);
            near_v.push_back(v[k]);
          }
      out[static_cast<std::size_t>(j) * g.nx + i] = static_cast<float>(shepard_idw(near_p, near_v, c));
    }
  return out;
}

void write_text(const std::string& path, const std::string& text) {
  const std::string tmp = detail::temp_name(path);
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + tmp);
  }
  detail::commit(tmp, path);
}

}  // namespace

HeatGrid heat_grid(const Model& model) {
  Box box = model.world.bounds;
  std::vector<std::uint8_t> home(model.world.buildings.size(), 0);
  for (const BuildingId b : model.population.home_building)
    if (b.valid() && b.index() < home.size()) home[b.index()] = 1;
  for (std::size_t b = 0; b < home.size(); ++b)
    if (home[b]) {
      box.extend(model.world.buildings[b].centroid);
      for (const Vec2 v : model.world.buildings[b].outline) box.extend(v);
    }
  HeatGrid g;
  if (box.empty()) return g;
  g.cell = kHeatCell;
  for (;;) {  // origin on a multiple of the cell, one cell to spare on every side
    g.origin = {(std::floor(box.min.x / g.cell) - 1) * g.cell, (std::floor(box.min.y / g.cell) - 1) * g.cell};
    g.nx = static_cast<int>(std::floor((box.max.x - g.origin.x) / g.cell)) + 2;
    g.ny = static_cast<int>(std::floor((box.max.y - g.origin.y) / g.cell)) + 2;
    if (static_cast<double>(g.nx) * g.ny <= kHeatMaxCells) return g;
    g.cell *= 2.0;
  }
}

double shepard_idw(std::span<const Vec2> points, std::span<const double> values, Vec2 p, double radius,
                   double power) {
  double sw = 0.0, swv = 0.0;
  for (std::size_t k = 0; k < points.size() && k < values.size(); ++k) {
    const double d = distance(points[k], p);
    if (d > radius || std::isnan(values[k])) continue;
    if (d == 0.0) return values[k];  // Shepard's definition at a data point
    const double w = power == 2.0 ? 1.0 / (d * d) : std::pow(d, -power);
    sw += w;
    swv += w * values[k];
  }
  return sw > 0.0 ? swv / sw : kNaN;
}

std::vector<std::string> write_heatmaps(const std::filesystem::path& dir, const Model& model,
                                        const SimState& state) {
  if (model.movement == MovementKind::Micro) return {};  // no streets: the micro model has its own outputs
  const HeatGrid g = heat_grid(model);
  if (g.nx <= 0 || g.ny <= 0) return {};
  detail::ensure_gdal_registered();
  const std::filesystem::path folder = dir / "heatmaps";
  std::filesystem::create_directories(folder);
  std::vector<std::string> files;
  auto write = [&](const std::string& name, const std::vector<float>& values,
                   const std::vector<Band>& bands) {
    const std::string tif = (folder / (name + ".tif")).string();
    write_flood_geotiff(tif, flood_grid_of(g), values, model.world.crs_wkt);
    files.push_back(tif);
    // QGIS loads name.qml beside name.tif as the layer's default style.
    const std::string qml = (folder / (name + ".qml")).string();
    write_text(qml, detail::qml(detail::pseudocolor(bands)));
    files.push_back(qml);
  };

  // Streets: their peak crowd density and time with a queue, along their lines.
  const std::vector<double> density = street_peak_density(model, state);
  const std::vector<double> queue = street_queue_minutes(model, state);
  Shapes by_density, by_queue;
  for (std::size_t e = 0; e < model.world.streets.edge_count(); ++e) {
    if (e < density.size() && !std::isnan(density[e]))
      by_density.add(street_shape(model, EdgeId{e}), density[e]);
    if (e < queue.size()) by_queue.add(street_shape(model, EdgeId{e}), queue[e]);
  }
  write("peak_density", rasterize(g, by_density), detail::bands(HeatFigure::PeakDensity));
  write("queue_minutes", rasterize(g, by_queue), detail::bands(HeatFigure::QueueMinutes));

  // Homes: water exposure and smoke dose on their footprints (only where there is
  // some: a run in which no home got wet writes no water map rather than zeros).
  const HomeHeat homes = home_heat(model, state);
  Shapes wet, smoky;
  std::vector<Vec2> safe_at;
  std::vector<double> safe_min;
  for (std::size_t h = 0; h < homes.size(); ++h) {
    const Building& b = model.world.buildings[homes.building[h].index()];
    if (homes.water_exposure_mh[h] > 0.0) wet.add(home_shape(b), homes.water_exposure_mh[h]);
    if (homes.smoke_dose[h] > 0.0) smoky.add(home_shape(b), homes.smoke_dose[h]);
    if (!std::isnan(homes.safe_median_min[h])) {
      safe_at.push_back(b.centroid);
      safe_min.push_back(homes.safe_median_min[h]);
    }
  }
  if (!wet.value.empty())
    write("water_exposure", rasterize(g, wet), detail::bands(HeatFigure::WaterExposure));
  if (!smoky.value.empty()) write("smoke_dose", rasterize(g, smoky), detail::bands(HeatFigure::SmokeDose));
  if (!safe_at.empty())
    write("time_to_safety", idw_surface(g, safe_at, safe_min), detail::bands(HeatFigure::TimeToSafety));
  return files;
}

}  // namespace ss::maps
