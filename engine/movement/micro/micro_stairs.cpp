#include "engine/movement/micro/micro_stairs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "engine/core/input_error.hpp"
#include "engine/core/model.hpp"
#include "engine/movement/micro/micro_field.hpp"
#include "engine/movement/micro/micro_geometry.hpp"
#include "engine/world/slope.hpp"

namespace ss {

namespace {

std::string stair_name(const MicroGeometry& g, std::size_t i) {
  const std::string& n = g.stairs[i].name;
  return n.empty() ? "micro.stairs[" + std::to_string(i) + "]" : n;
}

std::string at(Vec2 p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "(%.2f, %.2f)", p.x, p.y);
  return buf;
}

}  // namespace

void check_micro_stairs(MicroGeometry& g) {
  for (std::size_t i = 0; i < g.stairs.size(); ++i) {
    MicroStair& s = g.stairs[i];
    const std::string field = "micro.stairs[" + std::to_string(i) + "]";
    check_micro_ring(s.area, field);
    const double len = norm(s.up);
    if (!std::isfinite(len) || !(len > 0.0))
      throw InputError("", 0, field,
                       "up must be a direction [x, y] (m) of non-zero length: the way up the stair in plan");
    s.up = s.up * (1.0 / len);
  }
}

int stair_at(const MicroGeometry& g, Vec2 p) {
  for (std::size_t i = 0; i < g.stairs.size(); ++i)
    if (contains(g.stairs[i].area, p)) return static_cast<int>(i);
  return -1;
}

double micro_stair_cap(const MicroGeometry& g, Vec2 p, Vec2 dir, double v0, AgeBand band, Mobility mob) {
  const int s = stair_at(g, p);
  if (s < 0) return v0;
  const StairWay way =
      dot(dir, g.stairs[static_cast<std::size_t>(s)].up) < 0.0 ? StairWay::Down : StairWay::Up;
  // stair_factor() is relative to the free speed and already holds the cosine.
  return v0 * stair_factor(v0, way, band, mob);
}

std::vector<float> step_free_cost(const MicroGeometry& g, std::span<const float> cost) {
  std::vector<float> out(cost.begin(), cost.end());
  if (g.stairs.empty()) return out;
  const MicroGrid& grid = g.grid;
  for (const MicroStair& s : g.stairs) {
    const Box b = bounds(s.area);
    const int x0 = std::max(0, static_cast<int>(std::floor((b.min.x - grid.origin.x) / grid.h)));
    const int y0 = std::max(0, static_cast<int>(std::floor((b.min.y - grid.origin.y) / grid.h)));
    const int x1 = std::min(grid.nx - 1, static_cast<int>(std::floor((b.max.x - grid.origin.x) / grid.h)));
    const int y1 = std::min(grid.ny - 1, static_cast<int>(std::floor((b.max.y - grid.origin.y) / grid.h)));
    for (int iy = y0; iy <= y1; ++iy)
      for (int ix = x0; ix <= x1; ++ix)
        if (contains(s.area, grid.centre(ix, iy)))
          out[static_cast<std::size_t>(iy) * static_cast<std::size_t>(grid.nx) +
              static_cast<std::size_t>(ix)] = std::numeric_limits<float>::infinity();
  }
  return out;
}

void check_micro_stairs_step_free(const Model& m, std::span<const float> cost) {
  const MicroGeometry& g = m.micro;
  if (g.stairs.empty() || g.periodic_x) return;
  const Population& pop = m.population;
  bool any = false;
  for (std::size_t r = 0; r < pop.size(); ++r) any = any || pop.mobility[r] == Mobility::Wheelchair;
  if (!any) return;
  // The exits of step-free shelters, as the wheelchair users' field uses them.
  std::vector<std::uint8_t> open(g.exits.size(), 0);
  for (std::size_t e = 0; e < g.exits.size(); ++e)
    open[e] = m.world.shelters[g.exits[e].shelter.index()].step_free;
  const MicroField with_stairs = build_micro_field(g.grid, cost, open);
  const MicroField without = build_micro_field(g.grid, step_free_cost(g, cost), open);
  for (std::size_t r = 0; r < pop.size(); ++r) {
    if (pop.mobility[r] != Mobility::Wheelchair) continue;
    const Vec2 h = pop.home[r];
    const std::string field = "population[" + std::to_string(r) + "]";
    const std::string who = "resident " + std::to_string(r) + " at " + at(h) + " uses a wheelchair";
    if (const int s = stair_at(g, h); s >= 0)
      throw InputError("", 0, field,
                       who + " and starts on a stair (" + stair_name(g, static_cast<std::size_t>(s)) +
                           "); wheelchair users never use stairs");
    if (std::isfinite(field_value(g.grid, with_stairs, h)) && !std::isfinite(field_value(g.grid, without, h)))
      throw InputError("", 0, field,
                       who +
                           " and every way to a step-free exit crosses a stair (micro.stairs); "
                           "wheelchair users never use stairs: add a ramp, a lift or another exit");
  }
}

}  // namespace ss
