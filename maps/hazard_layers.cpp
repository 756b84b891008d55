#include "maps/hazard_layers.hpp"

#include <fstream>
#include <stdexcept>

#include "maps/flood_rasters.hpp"

namespace ss::maps {
namespace {

// The GDAL writers take a flood grid; only its geometry is read.
FloodGrid grid_of(const RasterGrid& r) {
  FloodGrid g;
  g.origin = r.origin;
  g.cell = r.cell;
  g.nx = r.nx;
  g.ny = r.ny;
  return g;
}

void write_table(const std::string& path, const HazardLayer& t) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    auto line = [&](const std::vector<std::string>& cells) {
      for (std::size_t k = 0; k < cells.size(); ++k) out << (k ? "," : "") << cells[k];
      out << '\n';
    };
    line(t.header);
    for (const auto& row : t.rows) line(row);
    if (!out) throw std::runtime_error("cannot write " + tmp);
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace

std::vector<std::string> write_hazard_layers(const std::filesystem::path& dir, const Model& model,
                                             const SimState& state) {
  std::vector<std::string> files;
  const std::string& crs = model.world.crs_wkt;
  std::vector<HazardLayer> layers;
  for (std::size_t k = 0; k < model.hazards.size(); ++k) {
    layers.clear();
    model.hazards[k]->layers(model, state, state.hazards[k].get(), layers);
    const std::filesystem::path folder = dir / std::string(model.hazards[k]->name());
    std::filesystem::create_directories(folder);
    for (const HazardLayer& l : layers) {
      const std::string path = (folder / l.file).string();
      switch (l.kind) {
        case HazardLayer::Kind::Raster: write_flood_geotiff(path, grid_of(l.grid), l.values, crs); break;
        case HazardLayer::Kind::MaskPolygons:
          write_mask_polygons(path, l.name, grid_of(l.grid), l.mask, crs);
          break;
        case HazardLayer::Kind::Points: {
          std::vector<PointFeature> pts;
          pts.reserve(l.points.size());
          for (const HazardLayer::Point& p : l.points) pts.push_back({p.pos, p.numbers, p.texts});
          write_points(path, l.name, pts, crs);
          break;
        }
        case HazardLayer::Kind::Polygons: {
          std::vector<PolygonFeature> polys;
          polys.reserve(l.polygons.size());
          for (const HazardLayer::Polygon& p : l.polygons) polys.push_back({p.outline, p.numbers, p.texts});
          write_polygons(path, l.name, polys, crs);
          break;
        }
        case HazardLayer::Kind::Lines: {
          std::vector<LineFeature> lines;
          lines.reserve(l.lines.size());
          for (const HazardLayer::Line& p : l.lines) lines.push_back({p.points, p.numbers, p.texts});
          write_lines(path, l.name, lines, crs);
          break;
        }
        case HazardLayer::Kind::Table: write_table(path, l); break;
      }
      files.push_back(path);
    }
  }
  return files;
}

}  // namespace ss::maps
