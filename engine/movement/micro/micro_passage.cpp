#include "engine/movement/micro/micro_passage.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/input_error.hpp"
#include "engine/movement/micro/micro_geometry.hpp"

namespace ss {
namespace {

constexpr double kWallSkin = 0.005;  // m, see check_micro_passages

std::string at(Vec2 p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "(%.2f, %.2f)", p.x, p.y);
  return buf;
}

// Widths to the millimetre: a door 5 mm narrower than a body is the difference.
std::string metres(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f m", v);
  return buf;
}

// Walkable cells joined to an exit through cells of at least `clearance` to the
// nearest wall (MicroGrid::wall_distance): a breadth-first fill from the exits.
std::vector<std::uint8_t> reach_with(const MicroGrid& g, float clearance) {
  std::vector<std::uint8_t> seen(g.size(), 0);
  std::vector<std::uint32_t> queue;
  for (std::size_t c = 0; c < g.size(); ++c)
    if (g.walkable[c] && g.exit[c] >= 0 && g.wall_distance[c] >= clearance) {
      seen[c] = 1;
      queue.push_back(static_cast<std::uint32_t>(c));
    }
  for (std::size_t k = 0; k < queue.size(); ++k) {
    const long c = queue[k], x = c % g.nx, y = c / g.nx;
    const long nb[4][2] = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
    for (const auto& q : nb) {
      if (q[0] < 0 || q[1] < 0 || q[0] >= g.nx || q[1] >= g.ny) continue;
      const std::size_t j = static_cast<std::size_t>(q[1] * g.nx + q[0]);
      if (seen[j] || !g.walkable[j] || g.wall_distance[j] < clearance) continue;
      seen[j] = 1;
      queue.push_back(static_cast<std::uint32_t>(j));
    }
  }
  return seen;
}

// The widest way out (maximin path) from every cell: the largest clearance any
// route from it to an exit keeps all along; Dijkstra's order with the bottleneck in
// place of the length. -1 where no route leads out.
std::vector<float> widest_ways(const MicroGrid& g) {
  std::vector<float> best(g.size(), -1.0f);
  using Entry = std::pair<float, std::int64_t>;  // (bottleneck, -cell): largest first, then lowest cell
  std::priority_queue<Entry> heap;
  for (std::size_t c = 0; c < g.size(); ++c)
    if (g.walkable[c] && g.exit[c] >= 0) {
      best[c] = g.wall_distance[c];
      heap.emplace(best[c], -static_cast<std::int64_t>(c));
    }
  std::vector<std::uint8_t> done(g.size(), 0);
  while (!heap.empty()) {
    const auto [v, neg] = heap.top();
    heap.pop();
    const std::int64_t c = -neg;
    if (done[static_cast<std::size_t>(c)]) continue;
    done[static_cast<std::size_t>(c)] = 1;
    const long x = static_cast<long>(c % g.nx), y = static_cast<long>(c / g.nx);
    const long nb[4][2] = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
    for (const auto& q : nb) {
      if (q[0] < 0 || q[1] < 0 || q[0] >= g.nx || q[1] >= g.ny) continue;
      const std::size_t j = static_cast<std::size_t>(q[1] * g.nx + q[0]);
      if (done[j] || !g.walkable[j]) continue;
      const float b = std::min(v, g.wall_distance[j]);
      if (b > best[j]) {
        best[j] = b;
        heap.emplace(b, -static_cast<std::int64_t>(j));
      }
    }
  }
  return best;
}

// The way from `from` to an exit through cells of at least `clearance` (so among
// the widest ways out) that keeps off walls: Dijkstra with a step cost of cell size /
// wall distance, so that it runs through the middle of rooms and gaps and meets walls
// only where the geometry forces it, at the narrow place. Ties go to the lower cell
// index (deterministic). Cells from `from` to the exit; empty when none.
std::vector<std::int64_t> middle_way(const MicroGrid& g, std::int64_t from, float clearance) {
  std::vector<double> cost(g.size(), std::numeric_limits<double>::infinity());
  std::vector<std::int64_t> parent(g.size(), -1);
  using Entry = std::pair<double, std::int64_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  cost[static_cast<std::size_t>(from)] = 0.0;
  heap.emplace(0.0, from);
  while (!heap.empty()) {
    const auto [d, c] = heap.top();
    heap.pop();
    if (d > cost[static_cast<std::size_t>(c)]) continue;
    if (g.exit[static_cast<std::size_t>(c)] >= 0) {
      std::vector<std::int64_t> way;
      for (std::int64_t q = c; q >= 0; q = parent[static_cast<std::size_t>(q)]) way.push_back(q);
      std::reverse(way.begin(), way.end());
      return way;
    }
    const long x = static_cast<long>(c % g.nx), y = static_cast<long>(c / g.nx);
    const long nb[4][2] = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
    for (const auto& q : nb) {
      if (q[0] < 0 || q[1] < 0 || q[0] >= g.nx || q[1] >= g.ny) continue;
      const std::size_t j = static_cast<std::size_t>(q[1] * g.nx + q[0]);
      if (!g.walkable[j] || g.wall_distance[j] < clearance) continue;
      const double nd = d + g.h / std::max(1e-3, static_cast<double>(g.wall_distance[j]));
      if (nd < cost[j]) {
        cost[j] = nd;
        parent[j] = c;
        heap.emplace(nd, static_cast<std::int64_t>(j));
      }
    }
  }
  return {};
}

// The clear half-width at a place the grid finds narrow, measured on the polygons:
// the largest exact wall distance within half a cell of `p` (the grid's estimate is up
// to a cell short of it), so that only what the geometry itself makes too narrow is
// refused.
double exact_clearance(const MicroGeometry& g, Vec2 p, double h) {
  double best = 0.0;
  constexpr int kSamples = 3;  // per half cell and direction (numerical choice: 1.7 cm on a 0.1 m grid)
  for (int iy = -kSamples; iy <= kSamples; ++iy)
    for (int ix = -kSamples; ix <= kSamples; ++ix) {
      const Vec2 q{p.x + 0.5 * ix * h / kSamples, p.y + 0.5 * iy * h / kSamples};
      if (g.walkable_at(q)) best = std::max(best, g.wall_distance(q));
    }
  return best;
}

std::string place_name(const Model& m, Vec2 p) {
  for (const MicroDoor& d : m.micro.doors)
    if (contains(d.area, p)) return " in door " + d.name;
  const ZoneId z = m.world.zone_of(p);
  if (z.index() < m.world.zones.size()) return " in '" + m.world.zones[z.index()].name + "'";
  return "";
}

// The first resident (in index order) whose every way out narrows below
// radius_of(r) + kWallSkin, with the narrowest place and its clear half-width.
struct Blocked {
  std::size_t resident = 0;
  Vec2 place;
  double clear = 0.0;  // m, clear half-width at the place
};

template <class RadiusOf>
std::optional<Blocked> first_blocked(const Model& m, RadiusOf radius_of) {
  const MicroGeometry& geo = m.micro;
  const MicroGrid& g = geo.grid;
  if (geo.periodic_x || g.size() == 0) return std::nullopt;
  const std::size_t n = m.population.size();
  // Residents by body radius: one fill per size (at most a few).
  std::vector<std::pair<float, std::vector<std::uint8_t>>> fills;
  std::vector<float> widest;
  std::vector<float> cleared;  // largest body radius a checked way out from the cell lets through, (cells)
  for (std::size_t r = 0; r < n; ++r) {
    const auto radius = static_cast<float>(radius_of(r));
    auto it = std::find_if(fills.begin(), fills.end(), [&](const auto& f) { return f.first == radius; });
    if (it == fills.end()) {
      // The grid's fill asks for the 5 mm skin too (below): a 0.30 m door reads 0.15 m
      // on the grid and must go to the measurement for a body 0.30 m deep.
      fills.emplace_back(radius, reach_with(g, radius + static_cast<float>(kWallSkin)));
      it = fills.end() - 1;
    }
    const Vec2 home = m.population.home[r];
    const long c = g.cell_of(home);
    if (c < 0 || it->second[static_cast<std::size_t>(c)]) continue;
    if (!cleared.empty() && cleared[static_cast<std::size_t>(c)] >= radius) continue;
    // The grid sees no way out wide enough: follow the widest way out (through the
    // middle) to its narrowest cells and measure the geometry there. A way found wide
    // enough clears every cell on it.
    if (widest.empty()) {
      widest = widest_ways(g);
      cleared.assign(g.size(), 0.0f);
    }
    const float b = widest[static_cast<std::size_t>(c)];
    if (b < 0.0f) continue;  // no way at all: finalize_micro says so
    // The narrowest cells of that way (the grid's estimate; cells within the body's
    // reach of its start place are the start place itself), measured on the polygons:
    // the narrowest of them is the place.
    const std::vector<std::int64_t> way = middle_way(g, c, b);
    float least = std::numeric_limits<float>::infinity();
    for (const std::int64_t k : way)
      if (distance(g.centre(static_cast<int>(k % g.nx), static_cast<int>(k / g.nx)), home) > radius)
        least = std::min(least, g.wall_distance[static_cast<std::size_t>(k)]);
    double clear = std::numeric_limits<double>::infinity();
    Vec2 place;
    int measured = 0;
    constexpr int kMaxMeasured = 64;  // numerical choice: a long corridor's cells, sampled along it
    const auto ties = static_cast<int>(std::count_if(way.begin(), way.end(), [&](std::int64_t k) {
      return g.wall_distance[static_cast<std::size_t>(k)] == least;
    }));
    const int stride = std::max(1, ties / kMaxMeasured);
    int tie = 0;
    for (const std::int64_t k : way) {
      if (g.wall_distance[static_cast<std::size_t>(k)] != least || (tie++ % stride) != 0 ||
          measured >= kMaxMeasured)
        continue;
      const Vec2 q = g.centre(static_cast<int>(k % g.nx), static_cast<int>(k / g.nx));
      if (distance(q, home) <= radius) continue;
      ++measured;
      if (const double d = exact_clearance(geo, q, g.h); d < clear) {
        clear = d;
        place = q;
      }
    }
    // Box2D keeps bodies a skin of b2_polygonRadius (2 × b2_linearSlop = 0.01 m,
    // b2_common.h) off chain shapes and lets contacts overlap by b2_linearSlop
    // (0.005 m): a body needs 5 mm more than its radius on each side (a gap of exactly
    // its width does not let it through; 1 cm more does, tests/engine/movement/micro/).
    if (!(clear < radius + kWallSkin)) {
      for (const std::int64_t k : way) {
        float& v = cleared[static_cast<std::size_t>(k)];
        v = std::max(v, radius);
      }
      continue;
    }
    return Blocked{r, place, clear};
  }
  return std::nullopt;
}

}  // namespace

bool micro_needs_sideways(const Model& m) {
  const MicroParams& p = m.params.micro;
  const Population& pop = m.population;
  // Wheelchairs never turn: only walkers whose full body does not get out count.
  return first_blocked(m,
                       [&](std::size_t r) {
                         return pop.mobility[r] == Mobility::Wheelchair
                                    ? 0.0
                                    : body_radius(pop.age[r], pop.mobility[r], p);
                       })
      .has_value();
}

void check_micro_passages(const Model& m) {
  const MicroParams& p = m.params.micro;
  const Population& pop = m.population;
  const auto blocked =
      first_blocked(m, [&](std::size_t r) { return passing_radius(pop.age[r], pop.mobility[r], p); });
  if (!blocked) return;
  const std::size_t r = blocked->resident;
  const double radius = passing_radius(pop.age[r], pop.mobility[r], p);
  const std::string body =
      pop.mobility[r] == Mobility::Wheelchair
          ? "narrower than a body of its size (a wheelchair, which cannot turn sideways: " +
                metres(2.0 * radius) + " across, "
          : "narrower than a body of its size even turned sideways (" + metres(2.0 * radius) + " deep, ";
  throw InputError("", 0, "population[" + std::to_string(r) + "]",
                   "resident " + std::to_string(r) + " at " + at(pop.home[r]) +
                       " cannot reach any exit: every way out narrows to " + metres(2.0 * blocked->clear) +
                       " at " + at(blocked->place) + place_name(m, blocked->place) + ", " + body +
                       metres(2.0 * (radius + kWallSkin)) +
                       " with the 5 mm the body model keeps off each wall)");
}

}  // namespace ss
