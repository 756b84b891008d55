#include "engine/movement/micro/micro_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

#include "engine/core/input_error.hpp"
#include "engine/core/model.hpp"
#include "engine/movement/micro/micro_field.hpp"
#include "engine/movement/micro/micro_line_exit.hpp"
#include "engine/movement/micro/micro_passage.hpp"

namespace ss {
namespace {

[[noreturn]] void fail(const std::string& field, const std::string& message) {
  throw InputError("", 0, field, message);
}

std::string at(Vec2 p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "(%.2f, %.2f)", p.x, p.y);
  return buf;
}

double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }

// Proper or touching intersection of segments ab and cd.
bool segments_intersect(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
  const double d1 = cross(b - a, c - a), d2 = cross(b - a, d - a);
  const double d3 = cross(d - c, a - c), d4 = cross(d - c, b - c);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  auto on = [](Vec2 p, Vec2 q, Vec2 r, double c) {  // r on segment pq, given collinear
    return c == 0.0 && std::min(p.x, q.x) <= r.x && r.x <= std::max(p.x, q.x) && std::min(p.y, q.y) <= r.y &&
           r.y <= std::max(p.y, q.y);
  };
  return on(a, b, c, d1) || on(a, b, d, d2) || on(c, d, a, d3) || on(c, d, b, d4);
}

}  // namespace

void check_micro_ring(Ring& r, const std::string& field) {
  if (r.size() >= 2 && r.front() == r.back()) r.pop_back();
  for (const Vec2 p : r)
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) fail(field, "has a non-finite vertex");
  if (r.size() < 3) fail(field, "is not a polygon (needs at least 3 distinct vertices)");
  const std::size_t n = r.size();
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      if (j == i + 1 || (i == 0 && j == n - 1)) continue;  // neighbours share a vertex
      if (segments_intersect(r[i], r[(i + 1) % n], r[j], r[(j + 1) % n]))
        fail(field, "intersects itself near " + at(r[i]) + " (self-intersecting polygon)");
    }
  if (std::fabs(signed_area(r)) < 1e-6) fail(field, "has no area");
}

MicroLineExit micro_line_exit(Vec2 a, Vec2 b, double inside) {
  const Vec2 d = b - a;
  const Vec2 out = Vec2{d.y, -d.x} * (1.0 / norm(d));  // unit normal to the right of a → b
  // Both rings counter-clockwise: from the inner (left) side across to the outer one.
  const auto band = [&](double from, double to) -> Ring {
    return {b + out * from, a + out * from, a + out * to, b + out * to};
  };
  // The exit is kPostInset narrower than the opening at each side: build_walls()
  // (micro_movement.cpp) leaves out an edge that has an exit 1 cm beside it, and the
  // opening's sides past the line are to stay walls, the door posts a body squeezes
  // past until its centre is out. No body's centre comes that near a wall.
  constexpr double kPostInset = 0.02;  // m
  const Vec2 u = d * (kPostInset / norm(d));
  const Vec2 from = out * kExitWalkOn, to = out * (kExitWalkOn + 2.0 * kExitReach);
  const Ring exit{b - u + from, a + u + from, a + u + to, b - u + to};
  return {band(-inside, kExitWalkOn + kExitReach), exit};
}

namespace {

double ring_distance(const Ring& r, Vec2 p) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < r.size(); ++i)
    best = std::min(best, project_on_segment(p, r[i], r[(i + 1) % r.size()]).distance);
  return best;
}

void rasterise(MicroGeometry& g, double h) {
  Box b;
  for (const Ring& r : g.walkable)
    for (const Vec2 p : r) b.extend(p);
  MicroGrid& grid = g.grid;
  grid.h = h;
  grid.origin = {b.min.x - 2.0 * h, b.min.y - 2.0 * h};
  grid.nx = static_cast<int>(std::ceil(b.width() / h)) + 4;
  grid.ny = static_cast<int>(std::ceil(b.height() / h)) + 4;
  if (static_cast<double>(grid.nx) * grid.ny > 5e7)
    fail("micro.walkable", "is too large for the navigation grid (more than 50 million cells)");
  const std::size_t n = static_cast<std::size_t>(grid.nx) * grid.ny;
  grid.walkable.assign(n, 0);
  grid.exit.assign(n, -1);
  std::vector<std::uint32_t> wall_seeds;
  // Scanlines: per row, each ring's crossings of the row's centre line give the runs
  // of cell centres inside it, by the same crossing test and arithmetic as
  // contains() (engine/world/geometry.cpp), so every cell gets exactly walkable_at() of its
  // centre (tested) at the cost of the edges crossing the row instead of every
  // vertex of every ring per cell.
  std::vector<std::uint16_t> in_walk(static_cast<std::size_t>(grid.nx)),
      in_block(static_cast<std::size_t>(grid.nx));
  std::vector<double> xs;
  auto mark = [&](const Ring& r, double cy, auto&& each_cell) {
    xs.clear();
    const std::size_t n = r.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
      const Vec2 a = r[i], b = r[j];
      if ((a.y > cy) != (b.y > cy)) xs.push_back((b.x - a.x) * (cy - a.y) / (b.y - a.y) + a.x);
    }
    std::sort(xs.begin(), xs.end());
    // A centre cx is inside when an odd number of crossings lie strictly right of
    // it: cx in [xs[2m], xs[2m+1]).
    for (std::size_t k = 0; k + 1 < xs.size(); k += 2) {
      long x = std::max(0L, static_cast<long>(std::floor((xs[k] - grid.origin.x) / h - 0.5)));
      while (x < grid.nx && grid.centre(static_cast<int>(x), 0).x < xs[k]) ++x;
      for (; x < grid.nx && grid.centre(static_cast<int>(x), 0).x < xs[k + 1]; ++x)
        each_cell(static_cast<std::size_t>(x));
    }
  };
  std::vector<Box> exit_box(g.exits.size());
  for (std::size_t e = 0; e < g.exits.size(); ++e) exit_box[e] = bounds(g.exits[e].area);
  for (int y = 0; y < grid.ny; ++y) {
    const double cy = grid.centre(0, y).y;
    std::fill(in_walk.begin(), in_walk.end(), 0);
    std::fill(in_block.begin(), in_block.end(), 0);
    for (const Ring& r : g.walkable) mark(r, cy, [&](std::size_t x) { ++in_walk[x]; });
    for (const Ring& r : g.obstacles) mark(r, cy, [&](std::size_t x) { ++in_block[x]; });
    const std::size_t row = static_cast<std::size_t>(y) * static_cast<std::size_t>(grid.nx);
    // walkable_at: inside an odd number of walkable rings' crossings taken ring by
    // ring (any ring), and inside no obstacle.
    for (std::size_t x = 0; x < static_cast<std::size_t>(grid.nx); ++x)
      grid.walkable[row + x] = in_walk[x] > 0 && in_block[x] == 0 ? 1 : 0;
    // Exits: the first exit whose polygon holds the centre; exits go in reverse so
    // that the lowest index is written last.
    for (std::size_t e = g.exits.size(); e-- > 0;) {
      if (cy < exit_box[e].min.y || cy > exit_box[e].max.y) continue;
      mark(g.exits[e].area, cy, [&](std::size_t x) { grid.exit[row + x] = static_cast<std::int16_t>(e); });
    }
  }
  // Wall distance by fast marching from the walkable cells that touch a wall; cells
  // outside the walkable area but inside an exit are openings, not walls. With the
  // periodic corridor the two ends are open too.
  for (int y = 0; y < grid.ny; ++y)
    for (int x = 0; x < grid.nx; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * grid.nx + x;
      if (!grid.walkable[i]) continue;
      const int nb[4][2] = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
      for (const auto& q : nb) {
        const std::size_t j = static_cast<std::size_t>(q[1]) * grid.nx + q[0];
        const bool open_end = g.periodic_x && q[1] == y;
        if (!grid.walkable[j] && grid.exit[j] < 0 && !open_end) {
          wall_seeds.push_back(static_cast<std::uint32_t>(i));
          break;
        }
      }
    }
  std::vector<float> unit(n, std::numeric_limits<float>::infinity());
  for (std::size_t i = 0; i < n; ++i)
    if (grid.walkable[i]) unit[i] = 1.0f;
  grid.wall_distance = fast_marching(grid.nx, grid.ny, h, unit, wall_seeds);
  for (float& d : grid.wall_distance)
    d += static_cast<float>(0.5 * h);  // seeds sit half a cell from the wall
}

}  // namespace

bool MicroGeometry::walkable_at(Vec2 p) const {
  bool in = false;
  for (const Ring& r : walkable) in = in || contains(r, p);
  if (!in) return false;
  for (const Ring& r : obstacles)
    if (contains(r, p)) return false;
  return true;
}

double MicroGeometry::wall_distance(Vec2 p) const {
  double best = std::numeric_limits<double>::infinity();
  for (const Ring& r : walkable) best = std::min(best, ring_distance(r, p));
  for (const Ring& r : obstacles) best = std::min(best, ring_distance(r, p));
  return best;
}

std::vector<std::optional<Vec2>> micro_start_places(MicroGeometry g, const MicroParams& p,
                                                    std::span<const Vec2> homes,
                                                    std::span<const double> radii, double clearance,
                                                    double max_distance) {
  for (MicroExit& e : g.exits)
    if (e.area.size() == 2 && !(e.area[0] == e.area[1]))
      e.area = micro_line_exit(e.area[0], e.area[1], 0.0).exit;
  rasterise(g, p.grid_cell);
  const MicroGrid& grid = g.grid;
  const std::vector<std::uint8_t> all_open(g.exits.size(), 1);
  const MicroField reach = build_micro_field(grid, walking_cost(grid, p), all_open);

  // Bodies placed so far, bucketed by 1 m cells (wider than any two radii plus a
  // clearance of up to 0.3 m, so a 3 × 3 neighbourhood holds every possible overlap).
  constexpr double kBucket = 1.0;
  std::unordered_map<std::int64_t, std::vector<std::size_t>> placed_in;
  auto key = [](long bx, long by) {
    return (static_cast<std::int64_t>(bx) << 32) ^ static_cast<std::int64_t>(by & 0xffffffff);
  };
  std::vector<std::optional<Vec2>> out(homes.size());
  const long rings = static_cast<long>(std::ceil(max_distance / grid.h)) + 1;
  for (std::size_t r = 0; r < homes.size(); ++r) {
    const Vec2 home = homes[r];
    const double need_wall = radii[r] + clearance;
    const long hx = static_cast<long>(std::floor((home.x - grid.origin.x) / grid.h));
    const long hy = static_cast<long>(std::floor((home.y - grid.origin.y) / grid.h));
    double best_d2 = max_distance * max_distance;
    std::optional<Vec2> best;
    auto consider = [&](long x, long y) {
      if (x < 0 || y < 0 || x >= grid.nx || y >= grid.ny) return;
      const std::size_t c =
          static_cast<std::size_t>(y) * static_cast<std::size_t>(grid.nx) + static_cast<std::size_t>(x);
      if (!grid.walkable[c] || grid.wall_distance[c] < need_wall || !std::isfinite(reach.cell[c].t)) return;
      const Vec2 q = grid.centre(static_cast<int>(x), static_cast<int>(y));
      const double d2 = (q.x - home.x) * (q.x - home.x) + (q.y - home.y) * (q.y - home.y);
      if (d2 >= best_d2) return;
      const long bx = static_cast<long>(std::floor(q.x / kBucket)),
                 by = static_cast<long>(std::floor(q.y / kBucket));
      for (long dy = -1; dy <= 1; ++dy)
        for (long dx = -1; dx <= 1; ++dx) {
          const auto it = placed_in.find(key(bx + dx, by + dy));
          if (it == placed_in.end()) continue;
          for (const std::size_t o : it->second)
            if (distance(*out[o], q) < radii[r] + radii[o] + clearance) return;
        }
      // The grid's wall distance is a cell-centre estimate; the exact test decides.
      if (!g.walkable_at(q) || g.wall_distance(q) < need_wall) return;
      best = q;
      best_d2 = d2;
    };
    for (long k = 0; k <= rings; ++k) {
      // Every cell of ring k lies at least (k - 1) cells from the home.
      if (best && static_cast<double>(k - 1) * grid.h > std::sqrt(best_d2)) break;
      if (k == 0) {
        consider(hx, hy);
        continue;
      }
      for (long x = hx - k; x <= hx + k; ++x) {
        consider(x, hy - k);
        consider(x, hy + k);
      }
      for (long y = hy - k + 1; y <= hy + k - 1; ++y) {
        consider(hx - k, y);
        consider(hx + k, y);
      }
    }
    if (!best) continue;
    out[r] = best;
    placed_in[key(static_cast<long>(std::floor(best->x / kBucket)),
                  static_cast<long>(std::floor(best->y / kBucket)))]
        .push_back(r);
  }
  return out;
}

double body_radius(int age, Mobility mobility, const MicroParams& p) {
  if (mobility == Mobility::Wheelchair) return p.radius_wheelchair;
  if (age < p.child_age) return p.radius_child;
  if (age >= p.elderly_age) return p.radius_elderly;
  return p.radius_adult;
}

double passing_radius(int age, Mobility mobility, const MicroParams& p) {
  if (mobility == Mobility::Wheelchair) return p.radius_wheelchair;
  const double full = body_radius(age, mobility, p);
  if (age < p.child_age) return std::min(full, p.sideways_radius_child);
  if (age >= p.elderly_age) return std::min(full, p.sideways_radius_elderly);
  return std::min(full, p.sideways_radius_adult);
}

double smallest_passing_radius(const MicroParams& p) {
  return std::min({p.sideways_radius_adult, p.sideways_radius_elderly, p.sideways_radius_child,
                   p.radius_adult, p.radius_elderly, p.radius_child});
}

void finalize_micro(Model& m) {
  MicroGeometry& g = m.micro;
  const MicroParams& p = m.params.micro;
  if (!(p.substep > 0.0) || !(p.grid_cell > 0.0) || !(p.relaxation_time > 0.0) || !(p.time_gap > 0.0))
    fail("params.micro", "substep, grid_cell, relaxation_time and time_gap must be positive");
  if (!(p.sideways_speed_factor > 0.0 && p.sideways_speed_factor <= 1.0) ||
      !(smallest_passing_radius(p) > 0.0))
    fail("params.micro",
         "sideways_speed_factor must lie in (0, 1] and every body and sideways radius be positive");
  if (g.walkable.empty()) fail("micro.walkable", "movement: micro needs a walkable area");
  if (g.exits.empty() && !g.periodic_x) fail("micro.exits", "the micro geometry has no exit");
  if (!m.plan.closed_edges.empty()) fail("plan.closed_roads", "a micro scenario has no streets to close");
  for (std::size_t i = 0; i < g.walkable.size(); ++i)
    check_micro_ring(g.walkable[i], "micro.walkable[" + std::to_string(i) + "]");
  for (std::size_t i = 0; i < g.obstacles.size(); ++i)
    check_micro_ring(g.obstacles[i], "micro.obstacles[" + std::to_string(i) + "]");
  for (std::size_t i = 0; i < g.exits.size(); ++i) {
    MicroExit& e = g.exits[i];
    const std::string field = "micro.exits[" + std::to_string(i) + "]";
    if (e.area.size() == 2 && !(e.area[0] == e.area[1]))
      e.area = micro_line_exit(e.area[0], e.area[1], 0.0).exit;
    check_micro_ring(e.area, field);
    if (!e.shelter.valid() || e.shelter.index() >= m.world.shelters.size())
      fail(field, "names an unknown shelter");
  }
  if (m.world.shelters.empty() && !g.periodic_x) fail("shelters", "the scenario has no shelters (exits)");
  for (std::size_t s = 0; s < m.world.shelters.size(); ++s) {
    ShelterSite& site = m.world.shelters[s];
    const std::string field = "shelters[" + site.name + "]";
    const auto it = std::find_if(g.exits.begin(), g.exits.end(),
                                 [&](const MicroExit& e) { return e.shelter.index() == s; });
    if (it == g.exits.end()) {
      if (g.periodic_x) continue;  // nobody leaves a periodic corridor
      fail(field, "has no exit in the micro geometry");
    }
    site.pos = centroid(it->area);
  }
  check_micro_stairs(g);
  rasterise(g, p.grid_cell);
  for (std::size_t i = 0; i < g.exits.size(); ++i) {
    bool touches = false;
    for (std::size_t c = 0; c < g.grid.size() && !touches; ++c)
      touches = g.grid.exit[c] == static_cast<int>(i) && g.grid.walkable[c];
    if (!touches) fail("micro.exits[" + std::to_string(i) + "]", "lies outside the walkable area");
  }
  const std::size_t n = m.population.size();
  g.grid.sideways = micro_needs_sideways(m);
  g.grid.cost = walking_cost(g.grid, p);
  const std::vector<std::uint8_t> all_open(g.exits.size(), 1);
  const MicroField reach = g.periodic_x ? MicroField{} : build_micro_field(g.grid, g.grid.cost, all_open);
  for (std::size_t r = 0; r < n; ++r) {
    const Vec2 h = m.population.home[r];
    const std::string who = "resident " + std::to_string(r) + " at " + at(h);
    // The field names the resident's index so callers can name where it was placed.
    const std::string field = "population[" + std::to_string(r) + "]";
    if (!std::isfinite(h.x) || !std::isfinite(h.y))
      fail(field, "resident " + std::to_string(r) + " has a non-finite position");
    if (!g.walkable_at(h))
      fail(field, who + " is inside a wall or outside the walkable area (micro.walkable)");
  }
  // Places narrower than a body, named; then what the navigation field cannot cross
  // (closed within field_clearance of a wall) or no way out at all.
  check_micro_passages(m);
  for (std::size_t r = 0; r < n && !g.periodic_x; ++r) {
    const Vec2 h = m.population.home[r];
    if (!std::isfinite(field_value(g.grid, reach, h)))
      fail("population[" + std::to_string(r) + "]",
           "resident " + std::to_string(r) + " at " + at(h) +
               " cannot reach any exit: a door or passage on the way "
               "is narrower than a body");
  }
  check_micro_stairs_step_free(m, g.grid.cost);

  Box b;
  for (const Ring& r : g.walkable)
    for (const Vec2 q : r) b.extend(q);
  m.world.bounds = b;
  m.home_edge.assign(n, EdgeId{});
  m.home_offset.assign(n, 0.0f);
  m.home_snap_dist.assign(n, 0.0f);
  m.home_zone.resize(n);
  for (std::size_t r = 0; r < n; ++r) m.home_zone[r] = m.world.zone_of(m.population.home[r]);
  m.shelter_zone.resize(m.world.shelters.size());
  for (std::size_t s = 0; s < m.world.shelters.size(); ++s)
    m.shelter_zone[s] = m.world.zone_of(m.world.shelters[s].pos);
}

}  // namespace ss
