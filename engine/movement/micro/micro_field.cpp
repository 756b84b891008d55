#include "engine/movement/micro/micro_field.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <utility>

namespace ss {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr float kInfF = std::numeric_limits<float>::infinity();

}  // namespace

std::vector<float> fast_marching(int nx, int ny, double h, std::span<const float> cost,
                                 std::span<const std::uint32_t> seeds) {
  const std::size_t n = static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny);
  std::vector<double> t(n, kInf);
  std::vector<std::uint8_t> known(n, 0);
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  for (const std::uint32_t s : seeds) {
    if (!std::isfinite(cost[s]) || t[s] == 0.0) continue;
    t[s] = 0.0;
    heap.emplace(0.0, s);
  }
  auto known_t = [&](long x, long y) {
    if (x < 0 || y < 0 || x >= nx || y >= ny) return kInf;
    const std::size_t i = static_cast<std::size_t>(y) * nx + static_cast<std::size_t>(x);
    return known[i] ? t[i] : kInf;
  };
  while (!heap.empty()) {
    const auto [d, u] = heap.top();
    heap.pop();
    if (known[u] || d > t[u]) continue;
    known[u] = 1;
    const long ux = u % nx, uy = u / nx;
    const long nbr[4][2] = {{ux - 1, uy}, {ux + 1, uy}, {ux, uy - 1}, {ux, uy + 1}};
    for (const auto& q : nbr) {
      if (q[0] < 0 || q[1] < 0 || q[0] >= nx || q[1] >= ny) continue;
      const std::size_t v = static_cast<std::size_t>(q[1]) * nx + static_cast<std::size_t>(q[0]);
      if (known[v] || !std::isfinite(cost[v])) continue;
      // Upwind discretisation of |∇T| = cost (Sethian 1996, eq. 3): solve the
      // quadratic with the smaller known neighbour in x and in y.
      const double a = std::min(known_t(q[0] - 1, q[1]), known_t(q[0] + 1, q[1]));
      const double b = std::min(known_t(q[0], q[1] - 1), known_t(q[0], q[1] + 1));
      const double f = cost[v] * h;
      double nt;
      if (!std::isfinite(a) || !std::isfinite(b) || std::fabs(a - b) >= f)
        nt = std::min(a, b) + f;
      else
        nt = 0.5 * (a + b + std::sqrt(2.0 * f * f - (a - b) * (a - b)));
      if (nt < t[v]) {
        t[v] = nt;
        heap.emplace(nt, static_cast<std::uint32_t>(v));
      }
    }
  }
  std::vector<float> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<float>(t[i]);
  return out;
}

namespace {

// The half-width of the passage each walkable cell lies in: the largest wall distance
// of a walkable cell within `reach` (a square window, max filtered along rows, then
// along columns). In a corridor of half-width w it is w; in the open it exceeds the
// cell's own wall distance by at least `reach`.
std::vector<float> passage_half_width(const MicroGrid& g, double reach) {
  const long r = static_cast<long>(std::ceil(reach / g.h));
  const auto at = [&](long x, long y) { return static_cast<std::size_t>(y * g.nx + x); };
  std::vector<float> rows(g.size(), 0.0f), out(g.size(), 0.0f);
  for (long y = 0; y < g.ny; ++y)
    for (long x = 0; x < g.nx; ++x) {
      float m = 0.0f;
      for (long k = std::max(0L, x - r); k <= std::min<long>(g.nx - 1, x + r); ++k)
        if (g.walkable[at(k, y)]) m = std::max(m, g.wall_distance[at(k, y)]);
      rows[at(x, y)] = m;
    }
  for (long y = 0; y < g.ny; ++y)
    for (long x = 0; x < g.nx; ++x) {
      float m = 0.0f;
      for (long k = std::max(0L, y - r); k <= std::min<long>(g.ny - 1, y + r); ++k)
        m = std::max(m, rows[at(x, k)]);
      out[at(x, y)] = m;
    }
  return out;
}

}  // namespace

std::vector<float> walking_cost(const MicroGrid& g, const MicroParams& p) {
  std::vector<float> cost(g.size(), kInfF);
  const double span = std::max(1e-6, p.wall_margin - p.field_clearance);
  // Where walkers have to turn sideways (MicroGrid::sideways) the field lets centres
  // through cells down to the smallest sideways radius, less half a cell (the grid's
  // wall distance runs up to a cell short of the polygons': a 0.4 m gap's middle cells
  // may read 0.15 m), at the wall penalty carried on past field_clearance, so the way
  // out runs through a narrow place only when no wider one is about as short. (A cost
  // raised further there, by 1 / sideways_speed_factor, made the field's order of who
  // is nearer the way out run against the bodies' order at a gap's mouth: the one
  // beside the mouth waited for one behind it that it blocked, and the 0.4-0.5 m gaps
  // clogged for some speed factors; docs/verification.md "Narrow gaps".)
  const double open_from =
      g.sideways ? std::min(p.field_clearance, smallest_passing_radius(p) - 0.5 * g.h) : p.field_clearance;
  const std::vector<float> half_width = passage_half_width(g, p.wall_margin);
  for (std::size_t i = 0; i < g.size(); ++i) {
    if (!g.walkable[i]) continue;
    const double d = g.wall_distance[i];
    if (d < open_from) continue;
    // The penalty's reach: wall_margin, less in a passage narrower than two margins
    // (MicroParams::lane_band). Along a wall in the open the half-width is at least
    // the cell's wall distance d + wall_margin, so the reach is cut only where d is
    // under lane_band / 2, and by no more than that: at the clearance line the cost is
    // 1.38 there instead of 1.5 (defaults), beyond 0.25 m off the wall it is as before.
    const double margin =
        std::min(p.wall_margin, std::max(p.field_clearance, half_width[i] - 0.5 * p.lane_band));
    const double x = std::max(0.0, (margin - d) / span);
    cost[i] = static_cast<float>(1.0 + p.wall_penalty * x * x);
  }
  return cost;
}

MicroField build_micro_field(const MicroGrid& g, std::span<const float> cost,
                             std::span<const std::uint8_t> exit_open) {
  std::vector<std::uint32_t> seeds;
  for (std::size_t i = 0; i < g.size(); ++i) {
    const int e = g.exit[i];
    if (e >= 0 && exit_open[static_cast<std::size_t>(e)] && std::isfinite(cost[i]))
      seeds.push_back(static_cast<std::uint32_t>(i));
  }
  const std::vector<float> t = fast_marching(g.nx, g.ny, g.h, cost, seeds);
  MicroField f;
  f.cell.resize(g.size());
  for (std::size_t i = 0; i < g.size(); ++i) f.cell[i].t = t[i];
  auto at = [&](int x, int y) {
    if (x < 0 || y < 0 || x >= g.nx || y >= g.ny) return kInfF;
    return t[static_cast<std::size_t>(y) * g.nx + x];
  };
  // Central differences where both neighbours are reachable, one-sided otherwise
  // (the clearance band keeps cells across a thin wall unreachable, so a
  // difference never spans a wall).
  auto diff = [&](float lo, float c, float hi) -> double {
    const bool l = std::isfinite(lo), r = std::isfinite(hi);
    if (l && r) return (hi - lo) / (2.0 * g.h);
    if (r) return (hi - c) / g.h;
    if (l) return (c - lo) / g.h;
    return 0.0;
  };
  for (int y = 0; y < g.ny; ++y)
    for (int x = 0; x < g.nx; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * g.nx + x;
      const float c = t[i];
      if (!std::isfinite(c) || c == 0.0f) continue;
      const double gx = diff(at(x - 1, y), c, at(x + 1, y));
      const double gy = diff(at(x, y - 1), c, at(x, y + 1));
      const double len = std::hypot(gx, gy);
      if (len <= 0.0) continue;
      f.cell[i].dir_x = static_cast<float>(-gx / len);
      f.cell[i].dir_y = static_cast<float>(-gy / len);
    }
  return f;
}

namespace {

// Nearest cell with a finite T within 5 cells of p's cell (ring by ring, lowest
// index first, so the choice is deterministic); -1 when none.
long nearest_reachable(const MicroGrid& g, const MicroField& f, Vec2 p) {
  const long fx = static_cast<long>(std::floor((p.x - g.origin.x) / g.h));
  const long fy = static_cast<long>(std::floor((p.y - g.origin.y) / g.h));
  long best = -1;
  double best_d = kInf;
  for (long y = fy - 5; y <= fy + 5; ++y)
    for (long x = fx - 5; x <= fx + 5; ++x) {
      if (x < 0 || y < 0 || x >= g.nx || y >= g.ny) continue;
      const long i = y * g.nx + x;
      if (!std::isfinite(f.cell[static_cast<std::size_t>(i)].t)) continue;
      const double d = distance(g.centre(static_cast<int>(x), static_cast<int>(y)), p);
      if (d < best_d) {
        best_d = d;
        best = i;
      }
    }
  return best;
}

}  // namespace

bool field_direction(const MicroGrid& g, const MicroField& f, Vec2 p, Vec2& out) {
  const double fx = (p.x - g.origin.x) / g.h - 0.5, fy = (p.y - g.origin.y) / g.h - 0.5;
  const long x0 = static_cast<long>(std::floor(fx)), y0 = static_cast<long>(std::floor(fy));
  const double wx = fx - static_cast<double>(x0), wy = fy - static_cast<double>(y0);
  double sx = 0.0, sy = 0.0, w = 0.0;
  for (int k = 0; k < 4; ++k) {
    const long x = x0 + (k & 1), y = y0 + (k >> 1);
    if (x < 0 || y < 0 || x >= g.nx || y >= g.ny) continue;
    const FieldCell& fc = f.cell[static_cast<std::size_t>(y * g.nx + x)];
    if (!std::isfinite(fc.t)) continue;
    const double wk = ((k & 1) ? wx : 1.0 - wx) * ((k >> 1) ? wy : 1.0 - wy);
    sx += wk * fc.dir_x;
    sy += wk * fc.dir_y;
    w += wk;
  }
  // sx, sy are blends of unit vectors (|s| <= 1): no overflow or underflow for
  // std::hypot to guard against, so the plain square root will do.
  const double len = std::sqrt(sx * sx + sy * sy);
  if (w > 0.0 && len > 1e-9) {
    out = {sx / len, sy / len};
    return true;
  }
  const long c = nearest_reachable(g, f, p);
  if (c < 0) return false;
  const Vec2 to = g.centre(static_cast<int>(c % g.nx), static_cast<int>(c / g.nx)) - p;
  const double d = norm(to);
  if (d < 1e-9) {
    const FieldCell& fc = f.cell[static_cast<std::size_t>(c)];
    out = {fc.dir_x, fc.dir_y};
    return fc.t > 0.0f;
  }
  out = to * (1.0 / d);
  return true;
}

float field_value(const MicroGrid& g, const MicroField& f, Vec2 p) {
  const long c = g.cell_of(p);
  if (c >= 0 && std::isfinite(f.cell[static_cast<std::size_t>(c)].t))
    return f.cell[static_cast<std::size_t>(c)].t;
  const long n = nearest_reachable(g, f, p);
  return n < 0 ? kInfF : f.cell[static_cast<std::size_t>(n)].t;
}

}  // namespace ss
