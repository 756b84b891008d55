#include "engine/hazards/fire/fire_hazard.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "engine/core/model.hpp"
#include "engine/core/rng.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/fire/smoke.hpp"
#include "engine/hazards/hazards.hpp"

namespace ss {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr std::uint32_t kNone = FireHazard::kNone;
constexpr double kPi = 3.14159265358979323846;

// Key purpose for drawing random ignitions (engine/core/rng.hpp keeps the others).
constexpr std::uint64_t kIgnitionPurpose = 40;

double point_segment(Vec2 p, Vec2 a, Vec2 b) {
  const Vec2 ab = b - a;
  const double len2 = dot(ab, ab);
  const double t = len2 > 0.0 ? std::clamp(dot(p - a, ab) / len2, 0.0, 1.0) : 0.0;
  return distance(p, a + ab * t);
}

// Buildings whose footprint contains p (first found), else the nearest centroid within
// `reach`; kNone when there is none. A grid of footprint boxes keeps it local.
class BuildingLocator {
 public:
  BuildingLocator(const std::vector<Building>& b, double cell) : b_(b), cell_(cell) {
    for (const Building& x : b)
      for (const Vec2 p : x.outline) box_.extend(p);
    if (box_.empty()) return;
    nx_ = std::max(1, static_cast<int>(std::ceil(box_.width() / cell_)) + 1);
    ny_ = std::max(1, static_cast<int>(std::ceil(box_.height() / cell_)) + 1);
    bucket_.resize(static_cast<std::size_t>(nx_) * ny_);
    for (std::size_t i = 0; i < b.size(); ++i) {
      Box bb;
      for (const Vec2 p : b[i].outline) bb.extend(p);
      if (bb.empty()) continue;
      for (int y = iy(bb.min.y); y <= iy(bb.max.y); ++y)
        for (int x = ix(bb.min.x); x <= ix(bb.max.x); ++x)
          bucket_[static_cast<std::size_t>(y) * nx_ + x].push_back(static_cast<std::uint32_t>(i));
    }
  }
  [[nodiscard]] std::uint32_t find(Vec2 p, double reach) const {
    if (bucket_.empty()) return kNone;
    std::uint32_t best = kNone;
    double best_d = reach;
    const int r = static_cast<int>(std::ceil(reach / cell_));
    const int cx = ix(p.x), cy = iy(p.y);
    for (int y = std::max(0, cy - r); y <= std::min(ny_ - 1, cy + r); ++y)
      for (int x = std::max(0, cx - r); x <= std::min(nx_ - 1, cx + r); ++x)
        for (const std::uint32_t i : bucket_[static_cast<std::size_t>(y) * nx_ + x]) {
          if (x == cx && y == cy && contains(b_[i].outline, p)) return i;
          const double d = distance(p, b_[i].centroid);
          if (d < best_d || (d == best_d && i < best)) {
            best_d = d;
            best = i;
          }
        }
    return best;
  }

 private:
  int ix(double x) const { return std::clamp(static_cast<int>((x - box_.min.x) / cell_), 0, nx_ - 1); }
  int iy(double y) const { return std::clamp(static_cast<int>((y - box_.min.y) / cell_), 0, ny_ - 1); }
  const std::vector<Building>& b_;
  double cell_;
  Box box_;
  int nx_ = 0, ny_ = 0;
  std::vector<std::vector<std::uint32_t>> bucket_;
};

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
  }
  return "?";
}

BuildingFireState FireRun::state_of(std::uint32_t b, double t, const std::vector<BuildingFireCourse>& course) const {
  const float at = spread.ignited[b];
  if (std::isnan(at) || t < at) return BuildingFireState::NotBurning;
  const double since = t - at;
  if (since >= course[b].out) return BuildingFireState::BurntOut;
  if (since >= course[b].full) return BuildingFireState::FullyInvolved;
  return BuildingFireState::Ignited;
}

std::int64_t FireHazard::cell_of(Vec2 p) const {
  const RasterGrid& g = desc_.grid;
  if (g.nx <= 0 || g.ny <= 0 || !(g.cell > 0.0)) return -1;
  const double fx = (p.x - g.origin.x) / g.cell, fy = (p.y - g.origin.y) / g.cell;
  if (!(fx >= 0.0) || !(fy >= 0.0) || fx >= g.nx || fy >= g.ny) return -1;
  return static_cast<std::int64_t>(fy) * g.nx + static_cast<std::int64_t>(fx);
}

void FireHazard::prepare(const Model& model) {
  const std::vector<Building>& bs = model.world.buildings;
  const std::size_t nb = desc_.buildings.size();
  std::vector<Ring> outlines(nb);
  for (std::size_t b = 0; b < nb && b < bs.size(); ++b) outlines[b] = bs[b].outline;
  desc_.neighbours = find_neighbours(outlines, desc_.buildings, desc_.params.max_gap);
  course_.resize(nb);
  for (std::size_t b = 0; b < nb; ++b)
    course_[b] = building_fire_course(desc_.buildings[b], desc_.uses[desc_.buildings[b].use]);

  // Homes and shelters in buildings: the footprint holding the point, else the nearest
  // building within 15 m (a registry point on the pavement in front of its house).
  const BuildingLocator locate(bs, 50.0);
  const std::size_t n = model.population.size();
  home_building_.assign(n, kNone);
  home_cell_.assign(n, kNone);
  residents_offset_.assign(nb + 1, 0);
  for (std::size_t r = 0; r < n; ++r) {
    const Vec2 p = model.population.home[r];
    home_building_[r] = locate.find(p, 15.0);
    const std::int64_t c = cell_of(p);
    if (c >= 0) home_cell_[r] = static_cast<std::uint32_t>(c);
    if (home_building_[r] != kNone) ++residents_offset_[home_building_[r] + 1];
  }
  for (std::size_t b = 0; b < nb; ++b) residents_offset_[b + 1] += residents_offset_[b];
  residents_.assign(residents_offset_.back(), ResidentId{});
  {
    std::vector<std::uint32_t> fill(residents_offset_.begin(), residents_offset_.end() - 1);
    for (std::size_t r = 0; r < n; ++r)
      if (home_building_[r] != kNone) residents_[fill[home_building_[r]]++] = ResidentId{r};
  }
  const std::size_t ns = model.world.shelters.size();
  shelter_building_.assign(ns, kNone);
  shelter_cell_.assign(ns, kNone);
  for (std::size_t s = 0; s < ns; ++s) {
    const ShelterSite& site = model.world.shelters[s];
    shelter_building_[s] = locate.find(site.pos, 15.0);
    const std::int64_t c = cell_of(site.pos);
    if (c >= 0) shelter_cell_[s] = static_cast<std::uint32_t>(c);
  }

  // Smoke cells under every street, sampled every half cell along its line.
  const StreetGraph& streets = model.world.streets;
  edge_offset_.assign(1, 0);
  edge_cells_.clear();
  for (std::size_t e = 0; e < streets.edge_count(); ++e) {
    const std::span<const Vec2> shape = streets.shape(EdgeId(e));
    const std::size_t first = edge_cells_.size();
    for (std::size_t k = 0; k + 1 < shape.size(); ++k) {
      const double len = distance(shape[k], shape[k + 1]);
      const int steps = std::max(1, static_cast<int>(std::ceil(len / (0.5 * desc_.grid.cell))));
      for (int i = 0; i <= steps; ++i) {
        const std::int64_t c = cell_of(shape[k] + (shape[k + 1] - shape[k]) * (static_cast<double>(i) / steps));
        if (c < 0) continue;
        const auto u = static_cast<std::uint32_t>(c);
        if (std::find(edge_cells_.begin() + static_cast<std::ptrdiff_t>(first), edge_cells_.end(), u) == edge_cells_.end())
          edge_cells_.push_back(u);
      }
    }
    edge_offset_.push_back(static_cast<std::uint32_t>(edge_cells_.size()));
  }

  // Streets within each building's radiant reach: where its flame at peak could
  // still pass the lowest limit of any class (the point-source flux falls as 1/r²).
  double lowest = HUGE_VAL;
  for (const double q : desc_.smoke.max_radiant) lowest = std::min(lowest, q);
  struct Seg {
    std::uint32_t edge;
    Vec2 a, b;
  };
  std::vector<Seg> segs;
  Box box;
  for (std::size_t e = 0; e < streets.edge_count(); ++e) {
    const std::span<const Vec2> shape = streets.shape(EdgeId(e));
    for (std::size_t k = 0; k + 1 < shape.size(); ++k) {
      segs.push_back({static_cast<std::uint32_t>(e), shape[k], shape[k + 1]});
      box.extend(shape[k]);
      box.extend(shape[k + 1]);
    }
  }
  const double cell = 50.0;
  const int gx = box.empty() ? 0 : static_cast<int>(std::ceil(box.width() / cell)) + 1;
  const int gy = box.empty() ? 0 : static_cast<int>(std::ceil(box.height() / cell)) + 1;
  std::vector<std::vector<std::uint32_t>> grid(static_cast<std::size_t>(std::max(0, gx * gy)));
  auto gxi = [&](double x) { return std::clamp(static_cast<int>((x - box.min.x) / cell), 0, gx - 1); };
  auto gyi = [&](double y) { return std::clamp(static_cast<int>((y - box.min.y) / cell), 0, gy - 1); };
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const Seg& s = segs[i];
    for (int y = gyi(std::min(s.a.y, s.b.y)); y <= gyi(std::max(s.a.y, s.b.y)); ++y)
      for (int x = gxi(std::min(s.a.x, s.b.x)); x <= gxi(std::max(s.a.x, s.b.x)); ++x)
        grid[static_cast<std::size_t>(y) * gx + x].push_back(static_cast<std::uint32_t>(i));
  }
  heat_offset_.assign(1, 0);
  heat_reach_.assign(nb, 0.0f);
  heat_edge_.clear();
  heat_dist_.clear();
  std::vector<std::pair<std::uint32_t, float>> near;
  for (std::size_t b = 0; b < nb; ++b) {
    near.clear();
    const double reach = std::sqrt(desc_.smoke.radiative_fraction * course_[b].peak_hrr / (4.0 * kPi * lowest));
    heat_reach_[b] = static_cast<float>(reach);
    const Vec2 c = desc_.buildings[b].centroid;
    if (gx > 0 && reach > 0.0) {
      for (int y = gyi(c.y - reach); y <= gyi(c.y + reach); ++y)
        for (int x = gxi(c.x - reach); x <= gxi(c.x + reach); ++x)
          for (const std::uint32_t i : grid[static_cast<std::size_t>(y) * gx + x]) {
            const double d = point_segment(c, segs[i].a, segs[i].b);
            if (d <= reach) near.push_back({segs[i].edge, static_cast<float>(d)});
          }
    }
    std::sort(near.begin(), near.end());  // by edge, then distance: keep each edge's nearest
    for (std::size_t k = 0; k < near.size(); ++k) {
      if (k > 0 && near[k].first == near[k - 1].first) continue;
      heat_edge_.push_back(near[k].first);
      heat_dist_.push_back(near[k].second);
    }
    heat_offset_.push_back(static_cast<std::uint32_t>(heat_edge_.size()));
  }

  // The forecast: the spread does not depend on people, so the scheduled ignitions
  // alone give when fire reaches each home (random and live ignitions are not known
  // in advance). Dispatch ranks tasks by it.
  SpreadState fs;
  spread_init(desc_, fs);
  spread_until(desc_, fs, model.run.duration, [](std::uint32_t, double) {});
  home_forecast_.assign(n, kNaN);
  for (std::size_t r = 0; r < n; ++r)
    if (home_building_[r] != kNone) home_forecast_[r] = fs.ignited[home_building_[r]];

  // The evacuation zone around the scheduled ignitions.
  home_in_zone_.clear();
  const FireZone& z = desc_.zone;
  if ((z.radius > 0.0 || z.downwind > 0.0) && !desc_.ignitions.empty()) {
    home_in_zone_.assign(n, 0);
    const double cos_half = std::cos(z.half_angle * kPi / 180.0);
    for (const Ignition& ig : desc_.ignitions) {
      const Vec2 o = desc_.buildings[ig.building].centroid;
      const Vec2 w = desc_.wind.toward_at(ig.time);
      for (std::size_t r = 0; r < n; ++r) {
        const Vec2 d = model.population.home[r] - o;
        const double len = norm(d);
        const bool near_fire = len <= z.radius;
        const bool downwind = len <= z.downwind && len > 0.0 && norm(w) > 0.0 && dot(d, w) / len >= cos_half;
        if (near_fire || downwind) home_in_zone_[r] = 1;
      }
    }
  }
}

std::string FireHazard::describe(const Model&) const {
  std::size_t zone = 0;
  for (const std::uint8_t z : home_in_zone_) zone += z;
  char line[320];
  std::snprintf(line, sizeof line,
                "%zu buildings as fuel, %zu neighbour pairs within %.0f m; %zu ignitions, %zu drawn per seed; wind %.1f m/s "
                "from %.0f deg%s; smoke grid %d x %d of %.0f m; %zu residents in the fire's zone",
                desc_.buildings.size(), desc_.neighbours.to.size() / 2, desc_.params.max_gap, desc_.ignitions.size(),
                desc_.random_ignitions.size(), desc_.wind.speed_at(0.0), desc_.wind.from_deg.empty() ? 0.0 : desc_.wind.from_deg[0],
                desc_.wind.time.size() > 1 ? " (a series)" : "", desc_.grid.nx, desc_.grid.ny, desc_.grid.cell, zone);
  return line;
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
      const std::size_t j = i + std::min(pool.size() - i - 1, static_cast<std::size_t>(u * static_cast<double>(pool.size() - i)));
      std::swap(pool[i], pool[j]);
      spread_offer(f.spread, pool[i], ri.time, 1);
    }
  }
  const std::size_t cells = static_cast<std::size_t>(std::max(0, desc_.grid.nx)) * static_cast<std::size_t>(std::max(0, desc_.grid.ny));
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
  return run;
}

void FireHazard::advance(const Model& model, const SimState& s, HazardState& own, double t, HazardReport& report) const {
  FireRun& f = static_cast<FireRun&>(own);
  const double t_end = t + model.run.dt;
  // Ignitions now due. Everyone at home in a building that catches fire is warned at
  // once; a shelter in it closes.
  spread_until(desc_, f.spread, t_end, [&](std::uint32_t b, double at) {
    f.burning.push_back(b);
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
  if (t_end + 1e-9 >= f.next_update && (!f.burning.empty() || f.updates == 0 || !f.spread.order.empty())) {
    update(model, s, f, t_end, report);
    f.next_update = t_end + desc_.smoke.update_interval;
    ++f.updates;
  }
}

void FireHazard::update(const Model& model, const SimState& s, FireRun& f, double t, HazardReport& report) const {
  const SmokeParams& p = desc_.smoke;
  const double interval = f.updates == 0 ? 0.0 : p.update_interval;
  std::erase_if(f.burning, [&](std::uint32_t b) { return t - f.spread.ignited[b] >= course_[b].out; });

  // Smoke: a Gaussian plume from every burning building, at its height, in the wind now.
  std::fill(f.soot.begin(), f.soot.end(), 0.0f);
  const RasterGrid& g = desc_.grid;
  const Vec2 w = desc_.wind.toward_at(t);
  const double u = std::max(p.min_wind, desc_.wind.speed_at(t));
  const Vec2 wn = norm(w) > 0.0 ? w * (1.0 / norm(w)) : Vec2{1.0, 0.0};
  for (const std::uint32_t b : f.burning) {
    const double hrr = course_[b].hrr(t - f.spread.ignited[b]);
    if (!(hrr > 0.0)) continue;
    const double q = hrr / p.heat_of_combustion * p.soot_yield;  // kg/s of soot
    const FireBuilding& fb = desc_.buildings[b];
    // Only the plume's cone is visited: downwind up to where its centre line thins
    // below kNegligibleSoot, and ±4 σy (+ a cell) across.
    const double reach = plume_reach(q, u, fb.height, p.stability);
    const double half = 4.0 * briggs_urban(reach, p.stability).sy + g.cell;
    Box cone;
    const Vec2 across{-wn.y, wn.x};
    for (const Vec2 corner : {fb.centroid + across * half, fb.centroid - across * half,
                              fb.centroid + wn * reach + across * half, fb.centroid + wn * reach - across * half})
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
      f.soot[static_cast<std::size_t>(own)] = std::max(f.soot[static_cast<std::size_t>(own)], static_cast<float>(near));
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
    for (std::uint32_t i = edge_offset_[e]; i < edge_offset_[e + 1]; ++i) k = std::max(k, f.soot[edge_cells_[i]]);
    f.edge_extinction[e] = static_cast<float>(cell_extinction(p, k));
  }
  std::fill(f.edge_flux.begin(), f.edge_flux.end(), 0.0f);
  // Streets next to a fully involved building (within its radiant reach at peak):
  // there smoke too thick to see through closes them. Farther downwind the plume
  // slows and doses walkers but leaves the street open, so that people caught in
  // it can still walk out of it.
  std::vector<std::uint8_t>& next_to_fire = f.scratch_near;
  next_to_fire.assign(ne, 0);
  for (const std::uint32_t b : f.burning) {
    const double since = t - f.spread.ignited[b];
    const double hrr = course_[b].hrr(since);
    const bool involved = since >= course_[b].full;
    for (std::uint32_t k = heat_offset_[b]; k < heat_offset_[b + 1]; ++k) {
      f.edge_flux[heat_edge_[k]] += static_cast<float>(radiant_flux(hrr, p.radiative_fraction, heat_dist_[k]));
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
      const bool now = (smoke_closes && next_to_fire[e] && f.edge_extinction[e] > k_limit) || f.edge_flux[e] > p.max_radiant[c];
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
      if (r <= heat_reach_[b]) flux += radiant_flux(course_[b].hrr(t - f.spread.ignited[b]), p.radiative_fraction, r);
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
  for (const ResidentId r : s.active) {
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
  }
  for (const std::uint32_t b : f.burning) {
    if (t - f.spread.ignited[b] < course_[b].full) continue;
    for (std::uint32_t k = residents_offset_[b]; k < residents_offset_[b + 1]; ++k) {
      const std::size_t i = residents_[k].index();
      if (s.edge[i].valid() || s.status[i] == Status::Sheltered || !std::isnan(s.arrival_time[i])) continue;
      if (s.status[i] == Status::WaitingForHelp && std::isnan(f.trapped_time[i])) f.trapped_time[i] = static_cast<float>(t);
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
  return k == Intervention::Kind::StartFire ? std::min(model.world.buildings.size(), desc_.buildings.size()) : 0;
}

void FireHazard::intervene(const Model&, HazardState& own, const Intervention& iv, double t) const {
  if (iv.kind == Intervention::Kind::StartFire) spread_offer(static_cast<FireRun&>(own).spread, iv.target, t, 1);
}

std::vector<std::string> FireHazard::timeline_columns() const {
  return {"buildings_burning", "buildings_burnt_out", "buildings_ignited", "burnt_area_m2"};
}

void FireHazard::timeline_values(const Model&, const HazardState& own, double t, std::vector<double>& out) const {
  const FireRun& f = static_cast<const FireRun&>(own);
  double burning = 0, out_ = 0, ignited = 0, area = 0;
  for (const std::uint32_t b : f.spread.order) {
    const BuildingFireState st = f.state_of(b, t, course_);
    if (st == BuildingFireState::NotBurning) continue;
    ++ignited;
    area += desc_.buildings[b].side * desc_.buildings[b].side;  // footprint, m²
    if (st == BuildingFireState::BurntOut) ++out_;
    else ++burning;
  }
  out.insert(out.end(), {burning, out_, ignited, area});
}

void FireHazard::kpis(const Model& model, const SimState& s, const HazardState& own, std::vector<HazardKpi>& out) const {
  const FireRun& f = static_cast<const FireRun&>(own);
  const double t = s.time(model.run.dt);
  std::vector<double> row;
  timeline_values(model, own, t, row);
  std::size_t exposed = 0, incapacitated = 0, ignited_home = 0, trapped = 0;
  for (std::size_t i = 0; i < f.fed.size(); ++i) {
    exposed += std::isnan(f.exposed_time[i]) ? 0 : 1;
    incapacitated += std::isnan(f.incapacitated_time[i]) ? 0 : 1;
    ignited_home += std::isnan(f.home_ignited[i]) ? 0 : 1;
    trapped += std::isnan(f.trapped_time[i]) ? 0 : 1;
  }
  std::size_t shelters = 0, moved_on = 0;
  for (std::size_t k = 0; k < f.shelter_closed.size(); ++k) {
    shelters += std::isnan(f.shelter_closed[k]) ? 0 : 1;
    moved_on += static_cast<std::size_t>(std::max(0, f.shelter_evacuated[k]));
  }
  float min_vis = kInf;
  for (std::size_t c = 0; c < f.min_visibility.size(); ++c) min_vis = std::min(min_vis, f.min_visibility[c]);
  out.push_back({"buildings_ignited", row[2]});
  out.push_back({"buildings_burnt_out", row[1]});
  out.push_back({"burnt_area_m2", row[3]});
  out.push_back({"residents_exposed", static_cast<double>(exposed)});
  out.push_back({"residents_incapacitated", static_cast<double>(incapacitated)});
  out.push_back({"residents_home_caught_fire", static_cast<double>(ignited_home)});
  out.push_back({"residents_trapped_waiting_for_help", static_cast<double>(trapped)});
  out.push_back({"shelters_closed", static_cast<double>(shelters)});
  out.push_back({"sheltered_residents_moved_on", static_cast<double>(moved_on)});
  out.push_back({"street_closure_changes", static_cast<double>(f.closure_changes)});
  out.push_back({"min_visibility_m", std::isfinite(min_vis) ? static_cast<double>(min_vis) : std::nan(""), false});
}

void FireHazard::layers(const Model& model, const SimState&, const HazardState& own, std::vector<HazardLayer>& out) const {
  const FireRun& f = static_cast<const FireRun&>(own);
  // Every building that ignited, with its times (s after the start; NaN = not reached).
  HazardLayer b;
  b.kind = HazardLayer::Kind::Polygons;
  b.file = "buildings.gpkg";
  b.name = "burning_buildings";
  for (const std::uint32_t k : f.spread.order) {
    const double at = f.spread.ignited[k];
    const Building& w = model.world.buildings[k];
    const FireBuilding& fb = desc_.buildings[k];
    HazardLayer::Polygon poly;
    poly.outline = w.outline;
    poly.numbers = {{"osm_id", static_cast<double>(w.source_id)},
                    {"ignited_s", at},
                    {"fully_involved_s", at + course_[k].full},
                    {"burnt_out_s", at + course_[k].out},
                    {"peak_hrr_mw", course_[k].peak_hrr / 1e6},
                    {"floor_area_m2", fb.floor_area}};
    poly.texts = {{"how", f.spread.source[k] == 1 ? "ignition" : "spread"},
                  {"construction", desc_.constructions[fb.construction].name},
                  {"use", desc_.uses[fb.use].name}};
    b.polygons.push_back(std::move(poly));
  }
  out.push_back(std::move(b));
  auto raster = [&](std::string file, const std::vector<float>& v) {
    HazardLayer l;
    l.kind = HazardLayer::Kind::Raster;
    l.file = std::move(file);
    l.grid = desc_.grid;
    l.values = v;
    for (float& x : l.values)
      if (!std::isfinite(x)) x = kNaN;  // clear air / never: NoData
    out.push_back(std::move(l));
  };
  raster("min_visibility.tif", f.min_visibility);
  raster("first_smoke.tif", f.first_smoke);
}

const FireHazard* find_fire(const Model& model) { return find_hazard<FireHazard>(model); }

const FireRun* find_fire_run(const Model& model, const SimState& state) {
  return find_hazard_state<FireHazard, FireRun>(model, state);
}

}  // namespace ss
