#include "engine/hazards/fire/fire_hazard.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "engine/core/memory_estimate.hpp"
#include "engine/core/model.hpp"
#include "engine/core/rng.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/core/state_hash.hpp"
#include "engine/hazards/fire/smoke.hpp"
#include "engine/hazards/hazards.hpp"

namespace ss {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

// Key purpose for drawing random ignitions (engine/core/rng.hpp keeps the others).
constexpr std::uint64_t kIgnitionPurpose = 40;

// Soot below this (kg/m³) is negligible everywhere it matters: visibility beyond 3 km
// (K = 8.7 m²/g × 1e-4 g/m³), a CO dose of about 1 ppm.
constexpr double kNegligibleSoot = 1e-7;

// How far downwind the plume's ground-level centre line stays above kNegligibleSoot:
// it rises to a maximum and then falls as ~1/x², so step out past the maximum and
// double until it has thinned enough (at most 20 km).
double plume_reach(double q, double u, double h, int stability) {
  double x = 10.0, peak = 0.0;
  for (; x < 20000.0; x *= 1.25) {
    const double c = plume_ground_concentration(q, u, h, x, 0.0, stability);
    peak = std::max(peak, c);
    if (c < peak && c < kNegligibleSoot) break;
  }
  return std::min(x, 20000.0);
}

// Soot at a cell → extinction, with the run's constants.
double cell_extinction(const SmokeParams& p, double soot) { return extinction(soot, p.mass_extinction); }

}  // namespace

const char* to_string(BuildingFireState s) {
  switch (s) {
    case BuildingFireState::NotBurning: return "not_burning";
    case BuildingFireState::Ignited: return "ignited";
    case BuildingFireState::FullyInvolved: return "fully_involved";
    case BuildingFireState::BurntOut: return "burnt_out";
    case BuildingFireState::Extinguished: return "extinguished";
  }
  return "?";
}

BuildingFireState FireRun::state_of(std::uint32_t b, double t,
                                    const std::vector<BuildingFireCourse>& course) const {
  const float at = spread.ignited[b];
  if (std::isnan(at) || t < at) return BuildingFireState::NotBurning;
  const double since = t - at;
  if (b < service.controlled.size() && t >= service.controlled[b]) {  // controlled by t
    if (t >= service.extinguished[b]) return BuildingFireState::Extinguished;
    if (service.controlled[b] - at >= course[b].out) return BuildingFireState::BurntOut;
    return BuildingFireState::Ignited;  // dying down
  }
  if (since >= course[b].out) return BuildingFireState::BurntOut;
  if (since >= course[b].full) return BuildingFireState::FullyInvolved;
  return BuildingFireState::Ignited;
}

double FireRun::hrr(std::uint32_t b, double t, const std::vector<BuildingFireCourse>& course) const {
  const double at = spread.ignited[b];
  if (std::isnan(at) || t < at) return 0.0;
  if (b < service.controlled.size() && t >= service.controlled[b]) {
    const double tc = service.controlled[b], te = service.extinguished[b];
    if (t >= te) return 0.0;
    return course[b].hrr(tc - at) * (te - t) / (te - tc);
  }
  return course[b].hrr(t - at);
}

bool FireRun::out_by(std::uint32_t b, double t, const std::vector<BuildingFireCourse>& course) const {
  const double at = spread.ignited[b];
  if (std::isnan(at)) return false;
  if (b < service.extinguished.size() && t >= service.extinguished[b]) return true;
  return t - at >= course[b].out;
}

std::int64_t FireHazard::cell_of(Vec2 p) const {
  const RasterGrid& g = desc_.grid;
  if (g.nx <= 0 || g.ny <= 0 || !(g.cell > 0.0)) return -1;
  const double fx = (p.x - g.origin.x) / g.cell, fy = (p.y - g.origin.y) / g.cell;
  if (!(fx >= 0.0) || !(fy >= 0.0) || fx >= g.nx || fy >= g.ny) return -1;
  return static_cast<std::int64_t>(fy) * g.nx + static_cast<std::int64_t>(fx);
}

std::unique_ptr<HazardState> FireHazard::start(const Model& model, std::uint64_t seed) const {
  auto run = std::make_unique<FireRun>();
  FireRun& f = *run;
  spread_init(desc_, f.spread);
  // Random ignitions: distinct candidates drawn with the run's seed (partial Fisher–Yates).
  for (std::size_t k = 0; k < desc_.random_ignitions.size(); ++k) {
    const RandomIgnition& ri = desc_.random_ignitions[k];
    std::vector<std::uint32_t> pool = ri.candidates;
    for (std::uint32_t i = 0; i < ri.count && i < pool.size(); ++i) {
      const double u = uniform01(seed, kIgnitionPurpose, k, i);
      const std::size_t j = i + std::min(pool.size() - i - 1,
                                         static_cast<std::size_t>(u * static_cast<double>(pool.size() - i)));
      std::swap(pool[i], pool[j]);
      spread_offer(f.spread, pool[i], ri.time, 1);
    }
  }
  const std::size_t cells = static_cast<std::size_t>(std::max(0, desc_.grid.nx)) *
                            static_cast<std::size_t>(std::max(0, desc_.grid.ny));
  f.soot.assign(cells, 0.0f);
  f.min_visibility.assign(cells, kInf);
  f.first_smoke.assign(cells, kNaN);
  const std::size_t e = model.world.streets.edge_count(), n = model.population.size();
  f.edge_extinction.assign(e, 0.0f);
  f.edge_flux.assign(e, 0.0f);
  f.edge_cost.assign(e, 1.0f);
  for (auto& c : f.closed) c.assign(e, 0);
  f.fed.assign(n, 0.0f);
  f.exposed_time.assign(n, kNaN);
  f.incapacitated_time.assign(n, kNaN);
  f.home_ignited.assign(n, kNaN);
  f.noticed.assign(n, 0);
  f.trapped_time.assign(n, kNaN);
  f.shelter_closed.assign(model.world.shelters.size(), kNaN);
  f.shelter_evacuated.assign(model.world.shelters.size(), 0);
  service_start(model, f, seed);
  return run;
}

void FireHazard::advance(const Model& model, const SimState& s, HazardState& own, double t,
                         HazardReport& report) const {
  FireRun& f = static_cast<FireRun&>(own);
  const double t_end = t + model.run.dt;
  // Ignitions now due. Everyone at home in a building that catches fire is warned at
  // once; a shelter in it closes.
  auto allow = [&](const SpreadState::Candidate& c) { return service_allows(f, c); };
  spread_until_if(desc_, f.spread, t_end, allow, [&](std::uint32_t b, double at) {
    f.burning.push_back(b);
    service_ignited(s, f, b, at);
    for (std::uint32_t k = residents_offset_[b]; k < residents_offset_[b + 1]; ++k) {
      const ResidentId r = residents_[k];
      const std::size_t i = r.index();
      if (s.edge[i].valid() || s.status[i] == Status::Sheltered || !std::isnan(s.arrival_time[i])) continue;
      f.home_ignited[i] = static_cast<float>(at);
      report.inside_home.push_back(r);
    }
    for (std::size_t sh = 0; sh < shelter_building_.size(); ++sh)
      if (shelter_building_[sh] == b && std::isnan(f.shelter_closed[sh])) {
        f.shelter_closed[sh] = static_cast<float>(at);
        f.shelter_evacuated[sh] = s.occupancy[sh];
        report.evacuate_shelters.push_back(ShelterId{sh});
      }
  });
  service_step(model, s, f, t_end);
  // Every update_interval once anything has ignited (and once at the start).
  if (t_end + 1e-9 >= f.next_update && (f.updates == 0 || !f.spread.order.empty())) {
    update(model, s, f, t_end, report);
    f.next_update = t_end + desc_.smoke.update_interval;
    ++f.updates;
  }
}

void FireHazard::update(const Model& model, const SimState& s, FireRun& f, double t,
                        HazardReport& report) const {
  const SmokeParams& p = desc_.smoke;
  const double interval = f.updates == 0 ? 0.0 : p.update_interval;
  std::erase_if(f.burning, [&](std::uint32_t b) { return f.out_by(b, t, course_); });

  // Smoke: a Gaussian plume from every burning building, at its height, in the wind now.
  std::fill(f.soot.begin(), f.soot.end(), 0.0f);
  const RasterGrid& g = desc_.grid;
  const Vec2 w = desc_.wind.toward_at(t);
  const double u = std::max(p.min_wind, desc_.wind.speed_at(t));
  const Vec2 wn = norm(w) > 0.0 ? w * (1.0 / norm(w)) : Vec2{1.0, 0.0};
  for (const std::uint32_t b : f.burning) {
    const double hrr = f.hrr(b, t, course_);
    if (!(hrr > 0.0)) continue;
    const double q = hrr / p.heat_of_combustion * p.soot_yield;  // kg/s of soot
    const FireBuilding& fb = desc_.buildings[b];
    // Only the plume's cone is visited: downwind up to where its centre line thins
    // below kNegligibleSoot, and ±4 σy (+ a cell) across.
    const double reach = plume_reach(q, u, fb.height, p.stability);
    const double half = 4.0 * briggs_urban(reach, p.stability).sy + g.cell;
    Box cone;
    const Vec2 across{-wn.y, wn.x};
    for (const Vec2 corner :
         {fb.centroid + across * half, fb.centroid - across * half, fb.centroid + wn * reach + across * half,
          fb.centroid + wn * reach - across * half})
      cone.extend(corner);
    const int x0 = std::max(0, static_cast<int>(std::floor((cone.min.x - g.origin.x) / g.cell)));
    const int x1 = std::min(g.nx - 1, static_cast<int>(std::floor((cone.max.x - g.origin.x) / g.cell)));
    const int y0 = std::max(0, static_cast<int>(std::floor((cone.min.y - g.origin.y) / g.cell)));
    const int y1 = std::min(g.ny - 1, static_cast<int>(std::floor((cone.max.y - g.origin.y) / g.cell)));
    for (int iy = y0; iy <= y1; ++iy) {
      const double cy = g.origin.y + (iy + 0.5) * g.cell - fb.centroid.y;
      for (int ix = x0; ix <= x1; ++ix) {
        const double cx = g.origin.x + (ix + 0.5) * g.cell - fb.centroid.x;
        const double x = cx * wn.x + cy * wn.y;  // downwind
        if (x <= 0.0 || x > reach) continue;
        const double y = -cx * wn.y + cy * wn.x;  // crosswind
        const PlumeSpread sp = briggs_urban(x, p.stability);
        if (std::fabs(y) > 4.0 * sp.sy + g.cell) continue;
        f.soot[static_cast<std::size_t>(iy) * g.nx + ix] +=
            static_cast<float>(plume_ground_concentration(q, u, fb.height, x, y, p.stability));
      }
    }
    // The building's own cells: smoke pours out at street level next to the fire.
    const std::int64_t own = cell_of(fb.centroid);
    if (own >= 0) {
      const double near = plume_ground_concentration(q, u, fb.height, 0.5 * g.cell, 0.0, p.stability);
      f.soot[static_cast<std::size_t>(own)] =
          std::max(f.soot[static_cast<std::size_t>(own)], static_cast<float>(near));
    }
  }
  for (std::size_t c = 0; c < f.soot.size(); ++c) {
    const double v = visibility(cell_extinction(p, f.soot[c]), p.sign_constant);
    if (v < f.min_visibility[c]) f.min_visibility[c] = static_cast<float>(v);
    if (v < p.notice_visibility && std::isnan(f.first_smoke[c])) f.first_smoke[c] = static_cast<float>(t);
  }

  // Streets: the densest smoke along each, and the radiant heat of every fully
  // involved (or decaying) building within reach.
  const std::size_t ne = f.edge_extinction.size();
  for (std::size_t e = 0; e < ne; ++e) {
    float k = 0.0f;
    for (std::uint32_t i = edge_offset_[e]; i < edge_offset_[e + 1]; ++i)
      k = std::max(k, f.soot[edge_cells_[i]]);
    f.edge_extinction[e] = static_cast<float>(cell_extinction(p, k));
  }
  std::fill(f.edge_flux.begin(), f.edge_flux.end(), 0.0f);
  // Streets next to a fully involved building (within its radiant reach at peak):
  // there smoke too thick to see through closes them. Farther downwind the plume
  // slows and doses walkers but leaves the street open, so that people caught in
  // it can still walk out of it.
  std::vector<std::uint8_t> next_to_fire(ne, 0);
  for (const std::uint32_t b : f.burning) {
    const double hrr = f.hrr(b, t, course_);
    const bool controlled = b < f.service.controlled.size() && t >= f.service.controlled[b];
    const bool involved = !controlled && t - f.spread.ignited[b] >= course_[b].full;
    for (std::uint32_t k = heat_offset_[b]; k < heat_offset_[b + 1]; ++k) {
      f.edge_flux[heat_edge_[k]] +=
          static_cast<float>(radiant_flux(hrr, p.radiative_fraction, heat_dist_[k]));
      if (involved) next_to_fire[heat_edge_[k]] = 1;
    }
  }
  bool changed = false;
  const double k_limit = p.sign_constant / p.min_visibility;  // visibility below the limit ⇔ K above this
  // Route costs for people on foot: the time factor of walking in that smoke
  // (Frantzich & Nilsson: 1 / max(0.1, 1 − 0.0807 K)), times 10 where it is too thick
  // to see through (planning assumption: people take any other way they can find,
  // but can still walk out of smoke they are in). Quantised to a few steps so that
  // routes are rebuilt only when the smoke changes noticeably.
  for (std::size_t e = 0; e < ne; ++e) {
    const double K = f.edge_extinction[e];
    double factor = 1.0 / std::max(0.1, 1.0 - 0.057 / 0.706 * K);
    if (K > k_limit) factor *= 10.0;
    static constexpr float kSteps[] = {1.0f, 1.5f, 3.0f, 10.0f, 30.0f, 100.0f};
    float q = 1.0f;
    for (const float st : kSteps)
      if (factor >= st) q = st;
    if (q != f.edge_cost[e]) {
      f.edge_cost[e] = q;
      changed = true;
    }
  }
  for (std::size_t c = 0; c < kMoverClassCount; ++c) {
    // Vehicles keep going through smoke (their crews wear breathing apparatus); only
    // heat stops them.
    const bool smoke_closes = static_cast<MoverClass>(c) != MoverClass::Vehicle;
    for (std::size_t e = 0; e < ne; ++e) {
      const bool now = (smoke_closes && next_to_fire[e] && f.edge_extinction[e] > k_limit) ||
                       f.edge_flux[e] > p.max_radiant[c];
      if (now != (f.closed[c][e] != 0)) {
        f.closed[c][e] = now ? 1 : 0;
        changed = true;
      }
    }
  }
  if (changed) {
    report.closures_changed = true;
    ++f.closure_changes;
  }

  // Shelters threatened by heat close and their occupants move on; shelters in smoke
  // too thick to see through close to newcomers, and those inside stay under cover
  // rather than being sent out into the plume.
  for (std::size_t sh = 0; sh < shelter_cell_.size(); ++sh) {
    if (!std::isnan(f.shelter_closed[sh])) continue;
    const Vec2 pos = model.world.shelters[sh].pos;
    // Only flames within their reach count (as for streets): the point-source sum of a
    // whole burning district far away would count radiation that the buildings in
    // between block.
    double flux = 0.0;
    for (const std::uint32_t b : f.burning) {
      const double r = distance(pos, desc_.buildings[b].centroid);
      if (r <= heat_reach_[b]) flux += radiant_flux(f.hrr(b, t, course_), p.radiative_fraction, r);
    }
    const std::uint32_t c = shelter_cell_[sh];
    const bool smoky = c != kNone && cell_extinction(p, f.soot[c]) > k_limit;
    if (flux > p.max_radiant[0]) {
      f.shelter_closed[sh] = static_cast<float>(t);
      f.shelter_evacuated[sh] = s.occupancy[sh];
      report.evacuate_shelters.push_back(ShelterId{sh});
    } else if (smoky) {
      f.shelter_closed[sh] = static_cast<float>(t);
      report.close_shelters.push_back(ShelterId{sh});
    }
  }

  // People: smoke at the door warns those at home; CO dose outdoors (the street they
  // are on) and in a burning home they have not left.
  const double co_per_soot = p.carbon_monoxide_yield / p.soot_yield;
  const double notice_k = p.sign_constant / p.notice_visibility;
  auto dose = [&](std::size_t i, double ppm) {
    if (!(ppm > 0.0) || !(interval > 0.0)) return;
    f.fed[i] += static_cast<float>(fed_co(ppm, interval));
    if (f.fed[i] >= p.fed_exposed && std::isnan(f.exposed_time[i])) f.exposed_time[i] = static_cast<float>(t);
    if (f.fed[i] >= p.fed_incapacitated && std::isnan(f.incapacitated_time[i]))
      f.incapacitated_time[i] = static_cast<float>(t);
  };
  // Walkers and the stranded waiting off the active list (SimState::parked) breathe the smoke.
  auto breathe = [&](const ResidentId r) {
    const std::size_t i = r.index();
    const EdgeId e = s.edge[i];
    if (e.valid()) {
      const double soot = f.edge_extinction[e.index()] / (p.mass_extinction * 1000.0);
      dose(i, co_ppm(soot * co_per_soot));
    } else if (!f.noticed[i] && home_cell_[i] != kNone && s.status[i] != Status::Sheltered &&
               cell_extinction(p, f.soot[home_cell_[i]]) > notice_k) {
      f.noticed[i] = 1;
      report.reached_home.push_back(r);
    }
  };
  for (const ResidentId r : s.active) breathe(r);
  for (const ResidentId r : s.parked) breathe(r);
  for (const std::uint32_t b : f.burning) {
    if (t - f.spread.ignited[b] < course_[b].full) continue;
    if (b < f.service.controlled.size() && t >= f.service.controlled[b]) continue;  // under control
    for (std::uint32_t k = residents_offset_[b]; k < residents_offset_[b + 1]; ++k) {
      const std::size_t i = residents_[k].index();
      if (s.edge[i].valid() || s.status[i] == Status::Sheltered || !std::isnan(s.arrival_time[i])) continue;
      if (i < f.service.rescued_time.size() && t >= f.service.rescued_time[i]) continue;  // brought out
      if (s.status[i] == Status::WaitingForHelp && std::isnan(f.trapped_time[i]))
        f.trapped_time[i] = static_cast<float>(t);
      dose(i, p.co_inside_burning);
    }
  }
}

bool FireHazard::add_route_costs(const HazardState& own, MoverClass c, std::span<float> cost) const {
  if (c == MoverClass::Vehicle) return false;  // engines drive through smoke (breathing apparatus)
  const FireRun& f = static_cast<const FireRun&>(own);
  bool any = false;
  for (std::size_t e = 0; e < cost.size() && e < f.edge_cost.size(); ++e)
    if (f.edge_cost[e] != 1.0f) {
      cost[e] *= f.edge_cost[e];
      any = true;
    }
  return any;
}

bool FireHazard::active(const HazardState& own, double) const {
  const FireRun& f = static_cast<const FireRun&>(own);
  return !f.burning.empty() || !f.spread.heap.empty();
}

void FireHazard::add_closures(const HazardState& own, MoverClass c, std::span<std::uint8_t> closed) const {
  const std::vector<std::uint8_t>& m = static_cast<const FireRun&>(own).closed[static_cast<std::size_t>(c)];
  for (std::size_t e = 0; e < closed.size() && e < m.size(); ++e) closed[e] |= m[e];
}

float FireHazard::walking_speed(const Model&, const SimState& s, const HazardState& own, ResidentId r,
                                const WalkerPlace& at, float v) const {
  const FireRun& f = static_cast<const FireRun&>(own);
  const std::size_t i = r.index();
  if (!std::isnan(f.incapacitated_time[i])) return 0.0f;  // FED ≥ 1: they go no farther
  double K = 0.0;
  if (at.edge.valid()) {
    K = f.edge_extinction[at.edge.index()];
  } else {
    const std::int64_t c = cell_of(at.pos);
    if (c >= 0) K = extinction(f.soot[static_cast<std::size_t>(c)], desc_.smoke.mass_extinction);
  }
  if (!(K > 0.0)) return v;
  return std::min(v, static_cast<float>(smoke_walking_speed(s.free_speed[i], K)));
}

std::size_t FireHazard::intervention_targets(const Model& model, Intervention::Kind k) const {
  return k == Intervention::Kind::StartFire ? std::min(model.world.buildings.size(), desc_.buildings.size())
                                            : 0;
}

void FireHazard::intervene(const Model&, HazardState& own, const Intervention& iv, double t) const {
  if (iv.kind == Intervention::Kind::StartFire)
    spread_offer(static_cast<FireRun&>(own).spread, iv.target, t, 1);
}

void FireHazard::memory_parts(const Model& model, std::size_t residents, std::vector<MemoryPart>& out) const {
  constexpr double kFloat = sizeof(float);
  // Smoke grid: soot, lowest visibility and first smoke in the run, and the last two
  // copied into the output rasters at the end.
  const double cells = static_cast<double>(desc_.grid.nx) * static_cast<double>(desc_.grid.ny);
  out.push_back({"smoke grid", "fire.smoke.cell",
                 cells * (SS_ELEMENT_BYTES(FireRun::soot) + SS_ELEMENT_BYTES(FireRun::min_visibility) +
                          SS_ELEMENT_BYTES(FireRun::first_smoke) + 2.0 * kFloat)});
  // Buildings as fuel: description, course, spread, what prepare() links to them, the
  // fire service's per-building arrays; neighbours within max_gap (as prepared, else
  // eight each: a building in a terraced or dense street; planning assumption).
  const auto buildings = static_cast<double>(desc_.buildings.size());
  const double per_building =
      sizeof(FireBuilding) + sizeof(BuildingFireCourse) + SS_ELEMENT_BYTES(SpreadState::ignited) +
      SS_ELEMENT_BYTES(SpreadState::source) + SS_ELEMENT_BYTES(SpreadState::caught_from) +
      SS_ELEMENT_BYTES(SpreadState::order) + SS_ELEMENT_BYTES(FireRun::burning) +
      3.0 * sizeof(std::uint32_t) + SS_ELEMENT_BYTES(FireServiceRun::extinguisher) +
      SS_ELEMENT_BYTES(FireServiceRun::incident_of) + SS_ELEMENT_BYTES(FireServiceRun::controlled) +
      SS_ELEMENT_BYTES(FireServiceRun::extinguished) + SS_ELEMENT_BYTES(FireServiceRun::protected_from) +
      SS_ELEMENT_BYTES(FireServiceRun::water_flow) + SS_ELEMENT_BYTES(FireServiceRun::response_time) +
      2.0 * sizeof(std::uint8_t);
  const double per_neighbour = SS_ELEMENT_BYTES(FireNeighbours::to) + SS_ELEMENT_BYTES(FireNeighbours::gap) +
                               SS_ELEMENT_BYTES(FireNeighbours::dir) + sizeof(SpreadState::Candidate);
  const double neighbours =
      desc_.neighbours.to.empty() ? 8.0 * buildings : static_cast<double>(desc_.neighbours.to.size());
  out.push_back({"fire: buildings", "map.buildings", buildings * per_building + neighbours * per_neighbour});
  // People: dose, times, rescue in the run; home building, smoke cell, forecast, zone
  // and floor from prepare(). Streets: smoke, heat, cost and closures per class; the
  // smoke cells under each (one per cell length); the fire service's lanes.
  const double per_resident =
      SS_ELEMENT_BYTES(FireRun::fed) + SS_ELEMENT_BYTES(FireRun::exposed_time) +
      SS_ELEMENT_BYTES(FireRun::incapacitated_time) + SS_ELEMENT_BYTES(FireRun::home_ignited) +
      SS_ELEMENT_BYTES(FireRun::noticed) + SS_ELEMENT_BYTES(FireRun::trapped_time) +
      SS_ELEMENT_BYTES(FireServiceRun::rescued_time) + SS_ELEMENT_BYTES(FireServiceRun::no_ladder) +
      4.0 * sizeof(std::uint32_t) + sizeof(float) + 2.0 * sizeof(std::uint8_t);
  const StreetGraph& g = model.world.streets;
  double along = 0.0;
  const double cell = desc_.grid.cell > 0.0 ? desc_.grid.cell : 1.0;
  for (const float len : g.edge_length) along += std::ceil(static_cast<double>(len) / cell) + 1.0;
  const double per_edge =
      SS_ELEMENT_BYTES(FireRun::edge_extinction) + SS_ELEMENT_BYTES(FireRun::edge_flux) +
      SS_ELEMENT_BYTES(FireRun::edge_cost) + kMoverClassCount * sizeof(std::uint8_t) + sizeof(std::uint32_t) +
      SS_ELEMENT_BYTES(FireServiceRun::true_width) + SS_ELEMENT_BYTES(FireServiceRun::true_closed) +
      SS_ELEMENT_BYTES(FireServiceRun::known_since) + SS_ELEMENT_BYTES(FireServiceRun::known_width) +
      SS_ELEMENT_BYTES(FireServiceRun::known_closed) + SS_ELEMENT_BYTES(FireLanes::clear_width) +
      SS_ELEMENT_BYTES(FireLanes::map_width) + SS_ELEMENT_BYTES(FireLanes::travel_time) +
      SS_ELEMENT_BYTES(FireLanes::closed) + SS_ELEMENT_BYTES(FireLanes::why);
  out.push_back({"fire: people and streets", "population",
                 static_cast<double>(residents) * per_resident +
                     static_cast<double>(g.edge_count()) * per_edge + along * sizeof(std::uint32_t)});
}

const FireHazard* find_fire(const Model& model) { return find_hazard<FireHazard>(model); }

const FireRun* find_fire_run(const Model& model, const SimState& state) {
  return find_hazard_state<FireHazard, FireRun>(model, state);
}

// The fire's part of the run's state hash, member by member in declaration order.
void hash_part(StateHasher& h, const SpreadState::Candidate& c) { h.all(c.time, c.building, c.how, c.from); }

void hash_part(StateHasher& h, const SpreadState& s) {
  h.all(s.ignited, s.source, s.caught_from, s.heap, s.order);
}

void hash_part(StateHasher& h, const Obstruction& o) {
  h.all(o.edge, o.pos, o.kind, o.width, o.closed, o.known);
}

void hash_part(StateHasher& h, const FireIncident& i) {
  h.all(i.origin, i.ignited, i.alarm, i.put_out_by_residents, i.first_engine, i.first_alarm_complete,
        i.controlled, i.buildings, i.requested, i.tanker_requested, i.closed, i.water, i.members);
}

void hash_part(StateHasher& h, const ApplianceTask& t) {
  h.all(t.incident, t.appliance, t.building, t.dispatched, t.turnout, t.planned_drive, t.drive, t.arrived,
        t.hose, t.hose_lay_delay, t.water_on, t.waiting_for_water, t.hydrant, t.rescued, t.no_ladder_position,
        t.reroutes, t.note, t.first_alarm, t.on_scene);
  h.all(t.stop, t.stop_node, t.hydrant_on, t.shuttle, t.next_delivery, t.rescue_free, t.ladder_position,
        t.ladder_set_up);
}

void hash_part(StateHasher& h, const ApplianceRun& a) {
  h.all(a.type, a.station, a.node, a.free_at, a.task, a.manned, a.path, a.path_time, a.stop);
}

void hash_part(StateHasher& h, const FireServiceRun& r) {
  h.all(r.seed, r.retry_dispatch, r.appliances, r.incidents, r.tasks, r.hydrant_working, r.extinguisher,
        r.incident_of, r.obstructions, r.true_width, r.true_closed, r.known_since);
  h.all(r.controlled, r.extinguished, r.protected_from, r.water_flow, r.rescued_time, r.no_ladder,
        r.response_time, r.known_width, r.known_closed);
}

void FireRun::hash_state(StateHasher& h) const {
  h.all(spread, burning, next_update, updates, soot, min_visibility, first_smoke, edge_extinction, edge_flux,
        edge_cost, closed, closure_changes);
  h.all(fed, exposed_time, incapacitated_time, home_ignited, noticed, trapped_time, shelter_closed,
        shelter_evacuated, service);
}

#if defined(__x86_64__) && defined(__GLIBCXX__)  // see engine/core/state_hash.cpp
static_assert(sizeof(SpreadState::Candidate) == 24,
              "a member of SpreadState::Candidate is not in the state hash");
static_assert(sizeof(SpreadState) == 120, "a member of SpreadState is not in the state hash");
static_assert(sizeof(Obstruction) == 72, "a member of Obstruction is not in the state hash");
static_assert(sizeof(FireIncident) == 128, "a member of FireIncident is not in the state hash");
static_assert(sizeof(ApplianceTask) == 208, "a member of ApplianceTask is not in the state hash");
static_assert(sizeof(ApplianceRun) == 96, "a member of ApplianceRun is not in the state hash");
static_assert(sizeof(FireServiceRun) == 472, "a member of FireServiceRun is not in the state hash");
static_assert(sizeof(FireRun) == 1104, "a member of FireRun is not in the state hash");
#endif

}  // namespace ss
