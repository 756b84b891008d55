#include "engine/hazards/flood/flood_hazard.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <cstdio>
#include <string>

#include "engine/core/memory_estimate.hpp"
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/core/state_hash.hpp"
#include "engine/hazards/flood/flood_grid.hpp"
#include "engine/hazards/flood/flood_metrics.hpp"
#include "engine/hazards/hazards.hpp"

namespace ss {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

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

// Water where a walker is on edge e, `along` m from edge_from: the cell of the edge's
// line there (the last one the line entered before it); dry when the edge has none.
struct LocalWater {
  double depth = 0.0, speed = 0.0;
};
LocalWater water_at(const FloodLinks& l, const FloodRun& f, EdgeId e, double along) {
  const std::size_t k = e.index();
  const std::uint32_t b = l.edge_offset[k], end = l.edge_offset[k + 1];
  if (b == end) return {};
  const auto first = l.edge_cell_at.begin() + b, last = l.edge_cell_at.begin() + end;
  auto it = std::upper_bound(first, last, along);
  if (it != first) --it;
  const std::uint32_t c = l.edge_cells[static_cast<std::size_t>(it - l.edge_cell_at.begin())];
  return {f.field.h[c], f.field.speed[c]};
}

// Water under a point (the micro model's body centre): its cell; dry outside the grid.
LocalWater water_at(const FloodGrid& g, const FloodRun& f, Vec2 p) {
  const std::int64_t c = g.cell_of(p);
  if (c < 0 || f.field.h.empty()) return {};
  return {f.field.h[static_cast<std::size_t>(c)], f.field.speed[static_cast<std::size_t>(c)]};
}

std::string fixed(double v, int decimals) {
  if (std::isnan(v)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}
std::string one_decimal(double v) { return fixed(v, 1); }

}  // namespace

void FloodHazard::prepare(const Model& model) {
  FloodDesc& f = desc_;
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
        if (std::find(l.edge_cells.begin() + l.edge_offset.back(), l.edge_cells.end(), u) ==
            l.edge_cells.end()) {
          l.edge_cells.push_back(u);
          l.edge_cell_at.push_back(static_cast<float>(along + frac * len));
        }
      }
      along += len;
    }
    l.edge_offset.push_back(static_cast<std::uint32_t>(l.edge_cells.size()));
  }
  l.home_cell.resize(model.population.size());
  for (std::size_t r = 0; r < model.population.size(); ++r)
    l.home_cell[r] = door_cell(g, model.population.home[r]);
  l.shelter_cell.resize(model.world.shelters.size());
  for (std::size_t s = 0; s < model.world.shelters.size();
       ++s) {  // micro exits have no street node: their position
    const ShelterSite& site = model.world.shelters[s];
    l.shelter_cell[s] = door_cell(g, site.node.valid() ? streets.node_pos[site.node.index()] : site.pos);
  }
  home_low_lying_.clear();
  if (!f.low_lying.empty()) {
    home_low_lying_.assign(l.home_cell.size(), 0);
    for (std::size_t r = 0; r < l.home_cell.size(); ++r)
      home_low_lying_[r] = l.home_cell[r] != FloodLinks::kNoCell && f.low_lying[l.home_cell[r]] != 0 ? 1 : 0;
  }

  // The water does not depend on the people, so running the flood alone on the run's
  // own steps (t = k·dt, advanced to t + dt as advance() does) gives exactly the
  // arrival times the run will see: the forecast a planner reads off a flood map.
  // Only dispatch (tasks ranked by it) and vertical evacuation (who may stay upstairs)
  // read it, so it is skipped without either.
  l.home_forecast.clear();
  l.home_depth_forecast.clear();
  if (model.plan.response.teams.empty() && !model.plan.vertical.enabled) return;
  FloodState fs;
  init_flood(f, fs);
  const double dt = model.run.dt;
  for (std::uint64_t k = 0;; ++k) {
    const double t = static_cast<double>(k) * dt;
    if (!(t + 0.5 * dt < model.run.duration)) break;
    advance_flood(f, fs, t + dt);
  }
  l.home_forecast.assign(l.home_cell.size(), kNaN);
  l.home_depth_forecast.assign(l.home_cell.size(), 0.0f);
  for (std::size_t r = 0; r < l.home_cell.size(); ++r)
    if (l.home_cell[r] != FloodLinks::kNoCell) {
      l.home_forecast[r] = fs.arrival[l.home_cell[r]];
      l.home_depth_forecast[r] = fs.max_depth[l.home_cell[r]];
    }
}

float FloodHazard::home_max_depth(const Model&, const HazardState& own, ResidentId r) const {
  const FloodLinks& l = desc_.links;
  if (r.index() >= l.home_cell.size() || l.home_cell[r.index()] == FloodLinks::kNoCell) return 0.0f;
  return static_cast<const FloodRun&>(own).field.max_depth[l.home_cell[r.index()]];
}

double FloodHazard::home_water_exposure(const Model&, const HazardState& own, ResidentId r) const {
  const std::vector<double>& e = static_cast<const FloodRun&>(own).home_exposure;
  return r.index() < e.size() ? e[r.index()] : 0.0;
}

std::unique_ptr<HazardState> FloodHazard::start(const Model& model, std::uint64_t) const {
  auto run = std::make_unique<FloodRun>();
  FloodRun& f = *run;
  const std::size_t e = model.world.streets.edge_count(), n = model.population.size(),
                    sh = model.world.shelters.size();
  init_flood(desc_, f.field);
  f.edge_depth.assign(e, 0.0f);
  f.edge_speed.assign(e, 0.0f);
  f.edge_dv.assign(e, 0.0f);
  for (auto& c : f.closed) c.assign(e, 0);
  f.worst_class.assign(n, FloodRun::kNever);
  f.worst_hr.assign(n, 0.0f);
  f.worst_edge.assign(n, EdgeId{});
  f.worst_time.assign(n, kNaN);
  f.wet_time.assign(n, 0.0f);
  f.worst_depth.assign(n, 0.0f);
  f.reached_at_home.assign(n, kNaN);
  f.home_exposure.assign(n, 0.0);
  f.stranded_time.assign(n, kNaN);
  f.shelter_flooded.assign(sh, kNaN);
  f.occupants_flooded.assign(sh, 0);
  return run;
}

void FloodHazard::advance(const Model& model, const SimState& s, HazardState& own, double t,
                          HazardReport& report) const {
  const FloodDesc& fd = desc_;
  const PeopleInWaterParams& p = fd.people;
  const FloodLinks& l = fd.links;
  FloodRun& f = static_cast<FloodRun&>(own);
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
    for (std::size_t c = 0; c < kMoverClassCount; ++c) {
      const std::uint8_t now = closes_for(d, dv, static_cast<MoverClass>(c), f.closed[c][e] != 0, p) ? 1 : 0;
      if (now != f.closed[c][e]) {
        f.closed[c][e] = now;
        changed = true;
      }
    }
  }

  report.closures_changed = changed;

  // Shelters that flood close; their occupants are reported.
  for (std::size_t sh = 0; sh < l.shelter_cell.size(); ++sh) {
    const std::uint32_t c = l.shelter_cell[sh];
    if (c == FloodLinks::kNoCell || !std::isnan(f.shelter_flooded[sh]) || !(h[c] > p.shelter_close_depth))
      continue;
    f.shelter_flooded[sh] = static_cast<float>(t_end);
    f.occupants_flooded[sh] = s.occupancy[sh];
    report.close_shelters.push_back(ShelterId{sh});
    changed = true;
  }
  if (changed) ++f.closure_changes;

  // Residents: exposure on the street, water at home, stranding; the stranded waiting
  // off the active list (SimState::parked) stand in the water too.
  auto resident = [&](const ResidentId r) {
    const std::size_t i = r.index();
    const EdgeId e = s.edge[i];
    if (e.valid()) {
      const LocalWater w = water_at(l, f, e, walker_along(model.world.streets, s, r));
      const double d = w.depth;
      if (d >= p.exposed_depth) {
        const double hr = hazard_rating(d, w.speed, p);
        f.wet_time[i] += static_cast<float>(dt);
        f.worst_depth[i] = std::max(f.worst_depth[i], static_cast<float>(d));
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
        report.reached_home.push_back(r);  // DESIGN.md warning channel "seeing the hazard"
      }
    }
    // Stranded by water: no route to any open shelter. Someone turned away because every
    // reachable shelter is full is the plan's shortfall, not the flood's, and is
    // counted under shelters_full instead.
    if (s.status[i] == Status::Stranded && s.blocked[i] == Outcome::NoRoute && std::isnan(f.stranded_time[i]))
      f.stranded_time[i] = static_cast<float>(t_end);
  };
  for (const ResidentId r : s.active) resident(r);
  for (const ResidentId r : s.parked) resident(r);

  // Each home's exposure: the depth at its door cell integrated over time, counted
  // where the depth reaches exposed_depth (the depth from which the model counts a
  // person as in water; below it the solver's thin films would make every home
  // "wet"). Depth and duration are the two flood characteristics damage to buildings
  // and their contents depends on (Penning-Rowsell et al. 2013, The Multi-Coloured
  // Manual, depth-damage data for short and long duration floods; Kreibich et al.
  // 2009, Nat. Hazards Earth Syst. Sci. 9:1679, flood duration besides depth); their
  // product as one index per home is a planning assumption.
  for (std::size_t i = 0; i < f.home_exposure.size() && i < l.home_cell.size(); ++i) {
    const std::uint32_t c = l.home_cell[i];
    if (c != FloodLinks::kNoCell && h[c] >= p.exposed_depth) f.home_exposure[i] += h[c] * dt;
  }

  while (f.snapshots.size() < fd.snapshot_times.size() &&
         fd.snapshot_times[f.snapshots.size()] <= t_end + 1e-9)
    f.snapshots.emplace_back(h.begin(), h.end());
}

std::string FloodHazard::describe(const Model&) const {
  const FloodGrid& g = desc_.grid;
  char line[256];
  std::snprintf(line, sizeof line, "%s on %d x %d cells of %.0f m; %zu sources, %zu level boundaries%s%s",
                desc_.external ? "external depth rasters" : "local inertial solver", g.nx, g.ny, g.cell,
                desc_.sources.size(), desc_.levels.size(), desc_.rain ? ", rain" : "",
                desc_.low_lying.empty() ? "" : ", a low-lying zone");
  return line;
}

void FloodHazard::add_closures(const HazardState& own, MoverClass c, std::span<std::uint8_t> closed) const {
  const std::vector<std::uint8_t>& w = static_cast<const FloodRun&>(own).closed[static_cast<std::size_t>(c)];
  for (std::size_t e = 0; e < closed.size() && e < w.size(); ++e) closed[e] |= w[e];
}

float FloodHazard::walking_speed(const Model& model, const SimState& s, const HazardState& own, ResidentId r,
                                 const WalkerPlace& at, float v) const {
  const FloodRun& f = static_cast<const FloodRun&>(own);
  const std::size_t i = r.index();
  const LocalWater here =
      at.edge.valid() ? water_at(desc_.links, f, at.edge, at.along) : water_at(desc_.grid, f, at.pos);
  return speed_in_water(here.depth, here.speed, model.mover[i], model.population.age[i],
                        model.population.mobility[i], s.free_speed[i], v, desc_.people);
}

void FloodHazard::kpis(const Model& model, const SimState& state, const HazardState&,
                       std::vector<HazardKpi>& out) const {
  const FloodMetrics m = compute_flood_metrics(model, state);
  out.push_back({"max_depth_m", m.max_depth});
  out.push_back({"flooded_area_m2", m.flooded_area});
  out.push_back({"mass_error", m.mass_error});
  out.push_back({"residents_in_water", static_cast<double>(m.overall.in_water)});
  out.push_back({"residents_reached_at_home", static_cast<double>(m.overall.reached_at_home)});
  out.push_back({"residents_stranded", static_cast<double>(m.overall.stranded)});
  out.push_back({"homes_reached", static_cast<double>(m.homes_reached)});
  out.push_back({"street_closure_changes", static_cast<double>(m.closure_changes)});
}

void FloodHazard::layers(const Model& model, const SimState& s, const HazardState& own,
                         std::vector<HazardLayer>& out) const {
  const FloodRun& f = static_cast<const FloodRun&>(own);
  const FloodGrid& g = desc_.grid;
  const RasterGrid grid{g.origin, g.cell, g.nx, g.ny};
  auto raster = [&](std::string file, std::vector<float> v) {  // buildings hold no water: NoData there
    for (std::size_t c = 0; c < v.size(); ++c)
      if (g.blocked[c]) v[c] = kNaN;
    HazardLayer layer;
    layer.kind = HazardLayer::Kind::Raster;
    layer.file = std::move(file);
    layer.grid = grid;
    layer.values = std::move(v);
    out.push_back(std::move(layer));
  };
  raster("max_depth.tif", f.field.max_depth);
  raster("arrival_time.tif", f.field.arrival);
  for (std::size_t k = 0; k < f.snapshots.size(); ++k)
    raster("depth_" + std::to_string(std::lround(desc_.snapshot_times[k])) + "s.tif", f.snapshots[k]);
  if (!desc_.low_lying.empty()) {
    HazardLayer layer;
    layer.kind = HazardLayer::Kind::MaskPolygons;
    layer.file = "low_lying.gpkg";
    layer.name = "low_lying";
    layer.grid = grid;
    layer.mask = desc_.low_lying;
    out.push_back(std::move(layer));
  }
  const FloodMetrics m = compute_flood_metrics(model, s);
  HazardLayer stranded;
  stranded.kind = HazardLayer::Kind::Points;
  stranded.file = "stranded.gpkg";
  stranded.name = "stranded";
  for (const StrandedResident& r : m.stranded)
    stranded.points.push_back({r.pos,
                               {{"resident", static_cast<double>(r.resident.index())},
                                {"time_s", r.time},
                                {"at_home", r.at_home ? 1.0 : 0.0}},
                               {{"zone", model.world.zone_name(r.zone)}}});
  out.push_back(std::move(stranded));
  // Per resident (anonymous id, zone): flood arrival at home, water at home, worst
  // hazard class met, time in water, deepest water met, and the home's water exposure
  // (depth × time at its door, m·h).
  HazardLayer homes;
  homes.kind = HazardLayer::Kind::Table;
  homes.file = "flood_homes.csv";
  homes.header = {
      "resident",        "zone",        "flood_arrival_s", "reached_at_home_s", "worst_hazard_class",
      "time_in_water_s", "max_depth_m", "home_water_mh"};
  const std::vector<float> arrival = home_arrival_times(model, s);
  homes.rows.reserve(arrival.size());
  for (std::size_t r = 0; r < arrival.size(); ++r)
    homes.rows.push_back({std::to_string(r), model.world.zone_name(model.home_zone[r]),
                          one_decimal(arrival[r]), one_decimal(f.reached_at_home[r]),
                          f.worst_class[r] == FloodRun::kNever ? "" : hazard_class_name(f.worst_class[r]),
                          one_decimal(f.wet_time[r]), fixed(f.worst_depth[r], 2),
                          fixed(f.home_exposure[r] / 3600.0, 3)});
  out.push_back(std::move(homes));
}

void FloodHazard::memory_parts(const Model& model, std::size_t residents,
                               std::vector<MemoryPart>& out) const {
  const auto cells = static_cast<double>(desc_.grid.size());
  constexpr double kFloat = sizeof(float);
  // The grid in the model and the water in the run (kFloodBytesPerCell), and at the end
  // the maximum depth and arrival rasters handed to the output.
  out.push_back({"flood grid", "flood.cell", cells * (kFloodBytesPerCell + 2.0 * kFloat)});
  // Depth snapshots: kept in the run's state, and copied once more into the output rasters.
  if (!desc_.snapshot_times.empty())
    out.push_back({"flood depth snapshots", "flood.snapshots",
                   static_cast<double>(desc_.snapshot_times.size()) * cells * 2.0 * kFloat});
  if (desc_.external) {  // frames of depth (and speed) read from files
    double frames = 0.0;
    for (const auto& d : desc_.external->depth) frames += heap_bytes(d);
    for (const auto& v : desc_.external->speed) frames += heap_bytes(v);
    out.push_back({"flood frames", "flood.external", frames});
  }
  // People: their exposure in the state, their door cells, the forecast and the zone
  // (FloodLinks), and a row of flood_homes.csv (eight short texts) at the end.
  const double per_resident =
      SS_ELEMENT_BYTES(FloodRun::worst_class) + SS_ELEMENT_BYTES(FloodRun::worst_hr) +
      SS_ELEMENT_BYTES(FloodRun::worst_edge) + SS_ELEMENT_BYTES(FloodRun::worst_time) +
      SS_ELEMENT_BYTES(FloodRun::wet_time) + SS_ELEMENT_BYTES(FloodRun::worst_depth) +
      SS_ELEMENT_BYTES(FloodRun::reached_at_home) + SS_ELEMENT_BYTES(FloodRun::home_exposure) +
      SS_ELEMENT_BYTES(FloodRun::stranded_time) + SS_ELEMENT_BYTES(FloodLinks::home_cell) +
      SS_ELEMENT_BYTES(FloodLinks::home_forecast) + SS_ELEMENT_BYTES(FloodLinks::home_depth_forecast) +
      sizeof(std::uint8_t) + sizeof(std::vector<std::string>) + 8.0 * sizeof(std::string);
  // Streets: water and closures per class in the state, and the cells along each street
  // (one per cell length, at least one) with where the street enters each.
  double along = 0.0;
  const StreetGraph& g = model.world.streets;
  const double cell = desc_.grid.cell > 0.0 ? desc_.grid.cell : 1.0;
  for (const float len : g.edge_length) along += std::ceil(static_cast<double>(len) / cell) + 1.0;
  const double per_edge = SS_ELEMENT_BYTES(FloodRun::edge_depth) + SS_ELEMENT_BYTES(FloodRun::edge_speed) +
                          SS_ELEMENT_BYTES(FloodRun::edge_dv) + kMoverClassCount * sizeof(std::uint8_t) +
                          SS_ELEMENT_BYTES(FloodLinks::edge_offset);
  out.push_back(
      {"flood: people and streets", "population",
       static_cast<double>(residents) * per_resident + static_cast<double>(g.edge_count()) * per_edge +
           along * (SS_ELEMENT_BYTES(FloodLinks::edge_cells) + SS_ELEMENT_BYTES(FloodLinks::edge_cell_at))});
}

const FloodHazard* find_flood(const Model& model) { return find_hazard<FloodHazard>(model); }

const FloodRun* find_flood_run(const Model& model, const SimState& state) {
  return find_hazard_state<FloodHazard, FloodRun>(model, state);
}

// The flood's part of the run's state hash, member by member in declaration order.
void hash_part(StateHasher& h, const FloodVolumes& v) {
  h.all(v.initial, v.inflow, v.rain, v.boundary, v.outflow, v.stored);
}

// Every field but the depth limiter's scratch rows (limit_below, limit_here), which
// each sub-step overwrites before reading.
void hash_part(StateHasher& h, const FloodState& f) {
  h.all(f.time, f.h, f.qx, f.qy, f.speed, f.max_depth, f.arrival, f.volumes, f.wet_x0, f.wet_x1, f.deepest,
        f.wall_z, f.speed_x0, f.speed_x1, f.substeps, f.last_substep, f.cell_updates, f.negative_depths,
        f.clipped_volume);
}

void FloodRun::hash_state(StateHasher& h) const {
  h.all(field, edge_depth, edge_speed, edge_dv, closed, closure_changes, worst_class, worst_hr, worst_edge,
        worst_time, wet_time, worst_depth, reached_at_home, home_exposure, stranded_time, shelter_flooded,
        occupants_flooded, snapshots);
}

#if defined(__x86_64__) && defined(__GLIBCXX__)  // see engine/core/state_hash.cpp
static_assert(sizeof(FloodVolumes) == 48, "a member of FloodVolumes is not in the state hash");
static_assert(sizeof(FloodState) == 416, "a member of FloodState is not in the state hash");
static_assert(sizeof(FloodRun) == 912, "a member of FloodRun is not in the state hash");
#endif

}  // namespace ss
