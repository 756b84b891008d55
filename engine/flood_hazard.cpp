#include "engine/flood_hazard.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/model.hpp"
#include "engine/sim_state.hpp"
#include "engine/warning.hpp"

namespace ss {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

void forecast_home_arrival(Model& model);

// The open cell nearest to p (rings of growing radius, lowest bed within the first
// ring that has one): a home's footprint is blocked, the water reaches its door.
std::uint32_t door_cell(const FloodGrid& g, Vec2 p) {
  const std::int64_t c0 = g.cell_of(p);
  if (c0 < 0) return FloodLinks::kNoCell;
  const int cx = static_cast<int>(c0 % g.nx), cy = static_cast<int>(c0 / g.nx);
  for (int r = 0; r <= 5; ++r) {
    std::uint32_t best = FloodLinks::kNoCell;
    for (int dy = -r; dy <= r; ++dy)
      for (int dx = -r; dx <= r; ++dx) {
        if (std::max(std::abs(dx), std::abs(dy)) != r) continue;
        const int x = cx + dx, y = cy + dy;
        if (x < 0 || y < 0 || x >= g.nx || y >= g.ny) continue;
        const std::size_t c = static_cast<std::size_t>(y) * g.nx + x;
        if (g.blocked[c]) continue;
        if (best == FloodLinks::kNoCell || g.z[c] < g.z[best]) best = static_cast<std::uint32_t>(c);
      }
    if (best != FloodLinks::kNoCell) return best;
  }
  return FloodLinks::kNoCell;
}

// Water where resident i walks on edge e: the cell of the edge's line at their
// position (the last one the line entered before it); dry when the edge has none.
struct LocalWater {
  double depth = 0.0, speed = 0.0;
};
LocalWater water_at(const Model& model, const SimState& s, std::size_t i, EdgeId e) {
  const FloodLinks& l = model.flood->links;
  const std::size_t k = e.index();
  const std::uint32_t b = l.edge_offset[k], end = l.edge_offset[k + 1];
  if (b == end) return {};
  const StreetGraph& g = model.world.streets;
  const bool forward = s.toward[i] == g.edge_to[k];
  const float at = forward ? g.edge_length[k] - s.remaining[i] : s.remaining[i];
  const auto first = l.edge_cell_at.begin() + b, last = l.edge_cell_at.begin() + end;
  auto it = std::upper_bound(first, last, at);
  if (it != first) --it;
  const std::uint32_t c = l.edge_cells[static_cast<std::size_t>(it - l.edge_cell_at.begin())];
  return {s.flood.field.h[c], s.flood.field.speed[c]};
}

}  // namespace

void link_flood(Model& model) {
  if (!model.flood) return;
  FloodDesc& f = *model.flood;
  const FloodGrid& g = f.grid;
  const StreetGraph& streets = model.world.streets;
  FloodLinks& l = f.links;
  l = FloodLinks{};
  l.edge_offset.push_back(0);
  for (std::size_t e = 0; e < streets.edge_count(); ++e) {
    const std::span<const Vec2> shape = streets.shape(EdgeId(e));
    // Cells under the centre line, sampled every half cell; blocked cells (a street
    // drawn through a building's corner) carry no water and are left out.
    double along = 0.0;  // m from edge_from
    for (std::size_t k = 0; k + 1 < shape.size(); ++k) {
      const Vec2 a = shape[k], b = shape[k + 1];
      const double len = distance(a, b);
      const int steps = std::max(1, static_cast<int>(std::ceil(len / (0.5 * g.cell))));
      for (int s = 0; s <= steps; ++s) {
        const double frac = static_cast<double>(s) / steps;
        const std::int64_t c = g.cell_of(a + (b - a) * frac);
        if (c < 0 || g.blocked[static_cast<std::size_t>(c)]) continue;
        const auto u = static_cast<std::uint32_t>(c);
        if (std::find(l.edge_cells.begin() + l.edge_offset.back(), l.edge_cells.end(), u) == l.edge_cells.end()) {
          l.edge_cells.push_back(u);
          l.edge_cell_at.push_back(static_cast<float>(along + frac * len));
        }
      }
      along += len;
    }
    l.edge_offset.push_back(static_cast<std::uint32_t>(l.edge_cells.size()));
  }
  l.home_cell.resize(model.population.size());
  for (std::size_t r = 0; r < model.population.size(); ++r) l.home_cell[r] = door_cell(g, model.population.home[r]);
  l.shelter_cell.resize(model.world.shelters.size());
  for (std::size_t s = 0; s < model.world.shelters.size(); ++s) {  // micro exits have no street node: their position
    const ShelterSite& site = model.world.shelters[s];
    l.shelter_cell[s] = door_cell(g, site.node.valid() ? streets.node_pos[site.node.index()] : site.pos);
  }
  forecast_home_arrival(model);
}

namespace {

// The water does not depend on the people, so running the flood alone on the run's
// own steps (t = k·dt, advanced to t + dt as flood_phase does) gives exactly the
// arrival times the run will see: the forecast a planner reads off a flood map.
void forecast_home_arrival(Model& model) {
  FloodDesc& f = *model.flood;
  FloodLinks& l = f.links;
  l.home_forecast.clear();
  if (model.plan.response.teams.empty()) return;
  FloodState fs;
  init_flood(f, fs);
  const double dt = model.run.dt;
  for (std::uint64_t k = 0;; ++k) {
    const double t = static_cast<double>(k) * dt;
    if (!(t + 0.5 * dt < model.run.duration)) break;
    advance_flood(f, fs, t + dt);
  }
  l.home_forecast.assign(l.home_cell.size(), kNaN);
  for (std::size_t r = 0; r < l.home_cell.size(); ++r)
    if (l.home_cell[r] != FloodLinks::kNoCell) l.home_forecast[r] = fs.arrival[l.home_cell[r]];
}

}  // namespace

void init_flood_run(const Model& model, SimState& state) {
  if (!model.flood) return;
  FloodRun& f = state.flood;
  const std::size_t e = model.world.streets.edge_count(), n = model.population.size(), sh = model.world.shelters.size();
  init_flood(*model.flood, f.field);
  f.edge_depth.assign(e, 0.0f);
  f.edge_speed.assign(e, 0.0f);
  f.edge_dv.assign(e, 0.0f);
  for (auto& c : f.closed) c.assign(e, 0);
  f.wading.resize(n);
  for (std::size_t r = 0; r < n; ++r) f.wading[r] = wading_class(model.population.age[r], model.population.mobility[r]);
  f.worst_class.assign(n, FloodRun::kNever);
  f.worst_hr.assign(n, 0.0f);
  f.worst_edge.assign(n, EdgeId{});
  f.worst_time.assign(n, kNaN);
  f.wet_time.assign(n, 0.0f);
  f.reached_at_home.assign(n, kNaN);
  f.stranded_time.assign(n, kNaN);
  f.shelter_flooded.assign(sh, kNaN);
  f.occupants_flooded.assign(sh, 0);
}

void flood_phase(const Model& model, SimState& s, double t) {
  const FloodDesc& fd = *model.flood;
  const PeopleInWaterParams& p = fd.people;
  const FloodLinks& l = fd.links;
  FloodRun& f = s.flood;
  const double dt = model.run.dt;
  const double t_end = t + dt;
  advance_flood(fd, f.field, t_end);
  const std::vector<double>& h = f.field.h;

  // Passability of each street from its deepest point: a walker must cross the
  // deepest place to get through, so the maximum (not the mean) decides closures.
  // Speed and exposure use the water where each resident is (water_at).
  bool changed = false;
  for (std::size_t e = 0; e + 1 < l.edge_offset.size(); ++e) {
    double d = 0.0, v = 0.0, dv = 0.0;
    for (std::uint32_t k = l.edge_offset[e]; k < l.edge_offset[e + 1]; ++k) {
      const std::uint32_t c = l.edge_cells[k];
      const double u = f.field.speed[c];
      d = std::max(d, h[c]);
      if (h[c] >= p.exposed_depth) v = std::max(v, u);
      dv = std::max(dv, h[c] * u);
    }
    f.edge_depth[e] = static_cast<float>(d);
    f.edge_speed[e] = static_cast<float>(v);
    f.edge_dv[e] = static_cast<float>(dv);
    for (std::size_t c = 0; c < kWadingClassCount; ++c) {
      const std::uint8_t now = closes_for(d, dv, static_cast<WadingClass>(c), f.closed[c][e] != 0, p) ? 1 : 0;
      if (now != f.closed[c][e]) { f.closed[c][e] = now; changed = true; }
    }
  }

  // Shelters that flood close; their occupants are reported.
  for (std::size_t sh = 0; sh < l.shelter_cell.size(); ++sh) {
    const std::uint32_t c = l.shelter_cell[sh];
    if (c == FloodLinks::kNoCell || !std::isnan(f.shelter_flooded[sh]) || !(h[c] > p.shelter_close_depth)) continue;
    f.shelter_flooded[sh] = static_cast<float>(t_end);
    f.occupants_flooded[sh] = s.occupancy[sh];
    s.shelter_closed[sh] = 1;
    changed = true;
  }
  if (changed) {
    s.routes_dirty = true;
    ++f.closure_changes;
  }

  // Residents: exposure on the street, water at home, stranding.
  for (const ResidentId r : s.active) {
    const std::size_t i = r.index();
    const EdgeId e = s.edge[i];
    if (e.valid()) {
      const LocalWater w = water_at(model, s, i, e);
      const double d = w.depth;
      if (d >= p.exposed_depth) {
        const double hr = hazard_rating(d, w.speed, p);
        f.wet_time[i] += static_cast<float>(dt);
        const std::uint8_t cls = hazard_class(hr, p);
        if (f.worst_class[i] == FloodRun::kNever || hr > f.worst_hr[i]) {
          f.worst_hr[i] = static_cast<float>(hr);
          f.worst_edge[i] = e;
          f.worst_time[i] = static_cast<float>(t_end);
        }
        if (f.worst_class[i] == FloodRun::kNever || cls > f.worst_class[i]) f.worst_class[i] = cls;
      }
    } else if (std::isnan(f.reached_at_home[i]) && s.status[i] != Status::Sheltered) {
      const std::uint32_t c = l.home_cell[i];
      if (c != FloodLinks::kNoCell && h[c] >= p.home_reached_depth) {
        f.reached_at_home[i] = static_cast<float>(t_end);
        hazard_at_home(model, s, r, t_end);  // DESIGN.md warning channel "seeing the hazard"
      }
    }
    if (s.status[i] == Status::Stranded && std::isnan(f.stranded_time[i])) f.stranded_time[i] = static_cast<float>(t_end);
  }

  while (f.snapshots.size() < fd.snapshot_times.size() && fd.snapshot_times[f.snapshots.size()] <= t_end + 1e-9)
    f.snapshots.emplace_back(h.begin(), h.end());
}

float flood_speed(const Model& model, const SimState& s, ResidentId r, EdgeId e, float v) {
  const FloodRun& f = s.flood;
  const PeopleInWaterParams& p = model.flood->people;
  const std::size_t i = r.index();
  const float floor = static_cast<float>(p.min_factor) * s.free_speed[i];
  const LocalWater here = water_at(model, s, i, e);
  if (closes_for(here.depth, here.depth * here.speed, f.wading[i], false, p)) return std::min(v, floor);  // beyond their limits: inching
  const double w = water_walking_speed(here.depth, here.speed, model.population.age[i], model.population.mobility[i], p);
  return std::max(std::min(v, static_cast<float>(w)), std::min(v, floor));
}

bool home_low_lying(const Model& model, ResidentId r) {
  if (!model.flood || model.flood->low_lying.empty() || model.flood->links.home_cell.empty()) return false;
  const std::uint32_t c = model.flood->links.home_cell[r.index()];
  return c != FloodLinks::kNoCell && model.flood->low_lying[c] != 0;
}

void closed_for_class(const Model& model, const SimState& s, WadingClass c, std::vector<std::uint8_t>& out) {
  out = s.edge_closed;
  if (!model.flood || s.flood.closed[0].empty()) return;
  const std::vector<std::uint8_t>& w = s.flood.closed[static_cast<std::size_t>(c)];
  for (std::size_t e = 0; e < out.size(); ++e) out[e] |= w[e];
}

}  // namespace ss
