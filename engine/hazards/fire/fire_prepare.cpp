// FireHazard::prepare(): what the fire needs once per model — neighbours, each
// building's course, homes and shelters in buildings, smoke cells under streets,
// streets within each flame's radiant reach, the forecast and the evacuation zone.
#include "engine/hazards/fire/fire_hazard.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/fire/smoke.hpp"

namespace ss {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr std::uint32_t kNone = FireHazard::kNone;
constexpr double kPi = 3.14159265358979323846;

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

}  // namespace

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
        const std::int64_t c =
            cell_of(shape[k] + (shape[k + 1] - shape[k]) * (static_cast<double>(i) / steps));
        if (c < 0) continue;
        const auto u = static_cast<std::uint32_t>(c);
        if (std::find(edge_cells_.begin() + static_cast<std::ptrdiff_t>(first), edge_cells_.end(), u) ==
            edge_cells_.end())
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
    const double reach =
        std::sqrt(desc_.smoke.radiative_fraction * course_[b].peak_hrr / (4.0 * kPi * lowest));
    heat_reach_[b] = static_cast<float>(reach);
    const Vec2 c = desc_.buildings[b].centroid;
    if (gx > 0 && reach > 0.0) {
      for (int y = gyi(c.y - reach); y <= gyi(c.y + reach); ++y)
        for (int x = gxi(c.x - reach); x <= gxi(c.x + reach); ++x)
          for (const std::uint32_t i : grid[static_cast<std::size_t>(y) * gx + x]) {
            const double d = project_on_segment(c, segs[i].a, segs[i].b).distance;
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
  service_prepare(model);
}

}  // namespace ss
