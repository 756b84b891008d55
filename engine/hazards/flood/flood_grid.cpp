#include "engine/hazards/flood/flood_grid.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "engine/core/input_error.hpp"

namespace ss {
namespace {

// Land-use kinds (OSM landuse=* / leisure=*) whose ground is vegetated.
bool is_green(const std::string& kind) {
  static const std::set<std::string, std::less<>> kGreen = {
      "grass",      "meadow",        "park",       "forest",
      "farmland",   "orchard",       "allotments", "recreation_ground",
      "cemetery",   "village_green", "garden",     "pitch",
      "playground", "greenfield",    "vineyard",   "wood"};
  return kGreen.contains(kind);
}

struct CellRange {
  int x0, x1, y0, y1;  // inclusive; empty when x1 < x0
};

CellRange cells_under(const FloodGrid& g, Box b) {
  CellRange r{static_cast<int>(std::floor((b.min.x - g.origin.x) / g.cell - 0.5)),
              static_cast<int>(std::ceil((b.max.x - g.origin.x) / g.cell - 0.5)),
              static_cast<int>(std::floor((b.min.y - g.origin.y) / g.cell - 0.5)),
              static_cast<int>(std::ceil((b.max.y - g.origin.y) / g.cell - 0.5))};
  r.x0 = std::max(r.x0, 0);
  r.y0 = std::max(r.y0, 0);
  r.x1 = std::min(r.x1, g.nx - 1);
  r.y1 = std::min(r.y1, g.ny - 1);
  return r;
}

template <class Fn>
void for_cells_in_ring(const FloodGrid& g, std::span<const Vec2> ring, Fn&& fn) {
  if (ring.size() < 3) return;
  const CellRange r = cells_under(g, bounds(ring));
  for (int iy = r.y0; iy <= r.y1; ++iy)
    for (int ix = r.x0; ix <= r.x1; ++ix) {
      const std::size_t c = static_cast<std::size_t>(iy) * g.nx + ix;
      if (contains(ring, g.centre(c))) fn(c);
    }
}

}  // namespace

FloodGrid resample_terrain(const TerrainGrid& terrain, Box area, double cell, std::size_t max_cells,
                           const std::string& field, double max_unknown_share, double memory_bytes) {
  if (terrain.empty()) throw InputError("", 0, field, "a flood needs terrain: set map.terrain");
  if (!(cell > 0.0)) throw InputError("", 0, field, "the flood cell must be greater than 0");
  const double w = std::ceil(area.width() / cell), h = std::ceil(area.height() / cell);
  if (!(w >= 1.0 && h >= 1.0)) throw InputError("", 0, field, "the flood area is empty");
  const double bytes = w * h * kFloodBytesPerCell;
  auto too_big = [&](const std::string& limit) {
    char size[96];
    std::snprintf(size, sizeof size, "a %g m flood grid of %.0f x %.0f cells would need about %.2f GB, ",
                  cell, w, h, bytes / 1e9);
    return InputError("", 0, field, size + limit + "; choose a larger cell or a smaller flood.margin");
  };
  if (w * h > static_cast<double>(max_cells))
    throw too_big("more than the limit of " + std::to_string(max_cells) + " cells (flood.max_cells)");
  if (bytes > memory_bytes) {
    char mem[64];
    std::snprintf(mem, sizeof mem, "more than the limit of %.2f GB", memory_bytes / 1e9);
    throw too_big(std::string(mem) + " for the run's memory (run.memory_limit)");
  }
  FloodGrid g;
  g.origin = area.min;
  g.cell = cell;
  g.nx = static_cast<int>(w);
  g.ny = static_cast<int>(h);
  const std::size_t n = g.size();
  g.z.resize(n);
  g.manning.assign(n, 0.04f);
  g.blocked.assign(n, 0);
  std::size_t unknown = 0;
  for (std::size_t c = 0; c < n; ++c) {
    const float z = terrain.sample(g.centre(c));
    if (std::isnan(z)) {
      ++unknown;
      g.blocked[c] = 1;
      g.z[c] = 0.0;
    } else {
      g.z[c] = z;
    }
  }
  if (static_cast<double>(unknown) > max_unknown_share * static_cast<double>(n))
    throw InputError(
        "", 0, field,
        std::to_string(unknown) + " of " + std::to_string(n) +
            " flood cells fall outside the terrain or on NoData: the DEM does not cover the flood area");
  return g;
}

void apply_land_use(FloodGrid& g, const StreetGraph& streets, std::span<const Area> areas,
                    const FloodLandUse& land) {
  std::fill(g.manning.begin(), g.manning.end(), static_cast<float>(land.other));
  for (const Area& a : areas)
    if (is_green(a.kind))
      for_cells_in_ring(g, a.outline, [&](std::size_t c) { g.manning[c] = static_cast<float>(land.green); });
  for (std::size_t e = 0; e < streets.edge_count(); ++e)
    for (const std::uint32_t c : cells_along(g, streets.shape(EdgeId(e))))
      g.manning[c] = static_cast<float>(land.road);
}

std::size_t apply_buildings(FloodGrid& g, std::span<const Building> buildings, bool block,
                            const FloodLandUse& land) {
  std::size_t count = 0;
  for (const Building& b : buildings)
    for_cells_in_ring(g, b.outline, [&](std::size_t c) {
      if (block) {
        count += g.blocked[c] ? 0 : 1;
        g.blocked[c] = 1;
      } else {
        ++count;
        g.manning[c] = static_cast<float>(land.building);
      }
    });
  return count;
}

std::size_t burn_channel(FloodGrid& g, std::span<const std::vector<Vec2>> lines, double width, double depth,
                         const FloodLandUse& land, std::vector<std::uint8_t>* mask) {
  if (mask) mask->assign(g.size(), 0);
  std::vector<double> bed(g.size(), HUGE_VAL);
  const double half = std::max(0.5 * width, 0.5 * g.cell);  // at least the cell the line crosses
  for (const std::vector<Vec2>& line : lines) {
    if (line.size() < 2) continue;
    double running = HUGE_VAL;
    for (std::size_t k = 0; k + 1 < line.size(); ++k) {
      const Vec2 a = line[k], b = line[k + 1];
      const double len = distance(a, b);
      const int steps = std::max(1, static_cast<int>(std::ceil(len / (0.5 * g.cell))));
      for (int s = 0; s <= steps; ++s) {
        const Vec2 p = a + (b - a) * (static_cast<double>(s) / steps);
        const std::int64_t here = g.cell_of(p);
        if (here < 0) continue;
        running = std::min(running, g.z[static_cast<std::size_t>(here)]);
        const double level = running - depth;
        Box box;
        box.extend({p.x - half, p.y - half});
        box.extend({p.x + half, p.y + half});
        const CellRange r = cells_under(g, box);
        for (int iy = r.y0; iy <= r.y1; ++iy)
          for (int ix = r.x0; ix <= r.x1; ++ix) {
            const std::size_t c = static_cast<std::size_t>(iy) * g.nx + ix;
            if (distance(g.centre(c), p) <= half || static_cast<std::int64_t>(c) == here)
              bed[c] = std::min(bed[c], level);
          }
      }
    }
  }
  std::size_t count = 0;
  for (std::size_t c = 0; c < g.size(); ++c) {
    if (bed[c] == HUGE_VAL) continue;
    ++count;
    if (mask) (*mask)[c] = 1;
    g.z[c] = std::min(g.z[c], bed[c]);
    g.blocked[c] = 0;  // a river runs under bridges and through mapped buildings' edges
    g.manning[c] = static_cast<float>(land.water);
  }
  return count;
}

std::vector<std::uint32_t> cells_along(const FloodGrid& g, std::span<const Vec2> line) {
  std::vector<std::uint32_t> out;
  auto add = [&](Vec2 p) {
    const std::int64_t c = g.cell_of(p);
    if (c < 0 || g.blocked[static_cast<std::size_t>(c)]) return;
    const auto u = static_cast<std::uint32_t>(c);
    if (std::find(out.begin(), out.end(), u) == out.end()) out.push_back(u);
  };
  if (line.size() == 1) add(line[0]);
  for (std::size_t k = 0; k + 1 < line.size(); ++k) {
    const Vec2 a = line[k], b = line[k + 1];
    const int steps = std::max(1, static_cast<int>(std::ceil(distance(a, b) / (0.5 * g.cell))));
    for (int s = 0; s <= steps; ++s) add(a + (b - a) * (static_cast<double>(s) / steps));
  }
  return out;
}

std::vector<std::uint32_t> cells_in_disc(const FloodGrid& g, Vec2 centre, double radius) {
  std::vector<std::uint32_t> out;
  Box box;
  box.extend({centre.x - radius, centre.y - radius});
  box.extend({centre.x + radius, centre.y + radius});
  const CellRange r = cells_under(g, box);
  for (int iy = r.y0; iy <= r.y1; ++iy)
    for (int ix = r.x0; ix <= r.x1; ++ix) {
      const std::size_t c = static_cast<std::size_t>(iy) * g.nx + ix;
      if (!g.blocked[c] && distance(g.centre(c), centre) <= radius)
        out.push_back(static_cast<std::uint32_t>(c));
    }
  if (out.empty()) {
    const std::int64_t c = g.cell_of(centre);
    if (c >= 0 && !g.blocked[static_cast<std::size_t>(c)]) out.push_back(static_cast<std::uint32_t>(c));
  }
  return out;
}

}  // namespace ss
