#include "scenarios/loader/flood_assembly.hpp"

#include <algorithm>
#include <cmath>
#include <deque>

#include "maps/flood_rasters.hpp"
#include "scenarios/loader/gis_layer.hpp"
#include "scenarios/loader/memory_check.hpp"

namespace ss::scenarios {
namespace {

std::vector<std::uint32_t> place_cells(const FloodPlace& p, const FloodGrid& g,
                                       const maps::Projector& projector) {
  if (p.at)
    return p.radius > 0.0 ? cells_in_disc(g, projector.to_local({p.at->lon, p.at->lat}), p.radius)
                          : cells_along(g, std::vector<Vec2>{projector.to_local({p.at->lon, p.at->lat})});
  std::vector<Vec2> line;
  for (const LonLatPoint& q : p.line) line.push_back(projector.to_local({q.lon, q.lat}));
  return cells_along(g, line);
}

}  // namespace

std::vector<std::uint8_t> cells_below_level(const FloodGrid& g, double level) {
  std::vector<std::uint8_t> m(g.size(), 0);
  for (std::size_t c = 0; c < g.size(); ++c) m[c] = !g.blocked[c] && g.z[c] < level ? 1 : 0;
  return m;
}

std::vector<std::uint8_t> cells_near_river_height(const FloodGrid& g, const std::vector<std::uint8_t>& river,
                                                  double height) {
  // Height above the nearest drainage (HAND, Rennó et al. 2008, Remote Sens.
  // Environ. 112:3469), simplified: nearest by grid steps instead of flow paths.
  std::vector<std::uint32_t> source(g.size(), FloodLinks::kNoCell);
  std::deque<std::uint32_t> queue;
  for (std::size_t c = 0; c < g.size(); ++c)
    if (river[c]) {
      source[c] = static_cast<std::uint32_t>(c);
      queue.push_back(static_cast<std::uint32_t>(c));
    }
  while (!queue.empty()) {
    const std::uint32_t c = queue.front();
    queue.pop_front();
    const int x = static_cast<int>(c % g.nx), y = static_cast<int>(c / g.nx);
    const int nb[4][2] = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
    for (const auto& n : nb) {
      if (n[0] < 0 || n[1] < 0 || n[0] >= g.nx || n[1] >= g.ny) continue;
      const std::size_t k = static_cast<std::size_t>(n[1]) * g.nx + n[0];
      if (source[k] != FloodLinks::kNoCell || g.blocked[k]) continue;
      source[k] = source[c];
      queue.push_back(static_cast<std::uint32_t>(k));
    }
  }
  std::vector<std::uint8_t> m(g.size(), 0);
  for (std::size_t c = 0; c < g.size(); ++c)
    m[c] = source[c] != FloodLinks::kNoCell && !river[c] && g.z[c] - g.z[source[c]] < height ? 1 : 0;
  return m;
}

FloodDesc build_flood(const ScenarioDesc& sd, const World& world, const maps::Projector& projector,
                      std::vector<std::string>& problems, std::vector<std::string>& notes) {
  const FloodSection& d = *sd.flood;
  const Origins& o = sd.origins;
  FloodDesc f;
  // The grid covers the street network plus the margin, clipped to the terrain.
  const TerrainGrid& t = world.terrain;
  Box area;
  area.extend(world.bounds.min - Vec2{d.margin, d.margin});
  area.extend(world.bounds.max + Vec2{d.margin, d.margin});
  if (!t.empty()) {
    area.min = {std::max(area.min.x, t.origin.x), std::max(area.min.y, t.origin.y)};
    area.max = {std::min(area.max.x, t.origin.x + t.nx * t.cell),
                std::min(area.max.y, t.origin.y + t.ny * t.cell)};
  }
  try {
    f.grid = resample_terrain(t, area, d.cell, d.max_cells, "flood.cell", 0.0, memory_limit(sd));
  } catch (const InputError& e) {
    throw o.error(t.empty() ? "flood" : "flood.cell", e.message());
  }
  apply_land_use(f.grid, world.streets, world.areas, d.manning);
  apply_buildings(f.grid, world.buildings, d.block_buildings, d.manning);
  std::vector<std::uint8_t> river(f.grid.size(), 0);
  if (d.rivers) {
    const std::string file = d.rivers->file.empty() ? sd.map.streets : d.rivers->file;
    std::vector<std::vector<Vec2>> lines;
    try {
      lines = maps::load_waterways(file, d.rivers->layer, d.rivers->kinds, projector);
    } catch (const InputError& e) {
      throw o.error("flood.rivers", e.message());
    }
    if (lines.empty()) problems.push_back("flood.rivers: no waterway of the given kinds in " + file);
    const std::size_t n = burn_channel(f.grid, lines, d.rivers->width, d.rivers->depth, d.manning, &river);
    notes.push_back("flood: " + std::to_string(lines.size()) + " waterway lines burned into " +
                    std::to_string(n) + " cells");
  }
  for (const FloodSourceDesc& s : d.sources) {
    FlowSource fs{s.name, place_cells(s.place, f.grid, projector), s.discharge};
    if (fs.cells.empty())
      throw o.error(s.field, "the source lies outside the flood grid or only on buildings");
    f.sources.push_back(std::move(fs));
  }
  for (const FloodLevelDesc& l : d.levels) {
    LevelBoundary lb{l.name, place_cells(l.place, f.grid, projector), l.level};
    if (lb.cells.empty()) throw o.error(l.field, "the level boundary lies outside the flood grid");
    f.levels.push_back(std::move(lb));
  }
  f.rain = d.rain;
  f.outflows = d.outflows;
  f.solver = d.solver;
  f.people = d.people;
  f.snapshot_times = d.snapshots;
  if (!d.external.empty()) {
    std::vector<maps::ExternalFrame> frames;
    for (const auto& [time, files] : d.external) frames.push_back({time, files.first, files.second});
    try {
      f.external = maps::load_external_flood(frames, f.grid, projector, "flood.external");
    } catch (const InputError& e) {
      throw o.error(e.field().empty() ? "flood.external" : e.field(), e.file() + ": " + e.message());
    }
  }
  if (d.low_lying) {
    const LowLyingDesc& ll = *d.low_lying;
    if (ll.below_level) f.low_lying = cells_below_level(f.grid, *ll.below_level);
    if (ll.above_river_below) f.low_lying = cells_near_river_height(f.grid, river, *ll.above_river_below);
    if (!ll.file.empty()) {
      const LayerData layer = read_layer(ll.file, ll.layer, projector, "flood.low_lying.file");
      f.low_lying.assign(f.grid.size(), 0);
      for (const LayerFeature& feat : layer.features)
        for (const Ring& ring : feat.polygons)
          for (std::size_t c = 0; c < f.grid.size(); ++c)
            if (contains(ring, f.grid.centre(c))) f.low_lying[c] = 1;
    }
  }
  return f;
}

}  // namespace ss::scenarios
