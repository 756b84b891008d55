#include "engine/hazards/fire/fire_spread.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ss {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Hamada's formulas in the form VERIFICATION.md gives them; the 1.5 divides all three
// directions (the formula for calm air must not depend on which name it has).
constexpr double kHamadaDivisor = 1.5;

double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }

bool segments_cross(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
  const double d1 = cross(b - a, c - a), d2 = cross(b - a, d - a);
  const double d3 = cross(d - c, a - c), d4 = cross(d - c, b - c);
  return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
}

// Closest points of two rings (a point on each): the ends of their least distance,
// and the line of sight between them.
std::pair<Vec2, Vec2> closest_points(const Ring& a, const Ring& b) {
  double best = std::numeric_limits<double>::infinity();
  std::pair<Vec2, Vec2> out{a.front(), b.front()};
  auto consider = [&](Vec2 p, Vec2 s0, Vec2 s1, bool p_on_a) {
    const SegmentProjection q = project_on_segment(p, s0, s1);
    if (q.distance < best) {
      best = q.distance;
      out = p_on_a ? std::pair<Vec2, Vec2>{p, q.point} : std::pair<Vec2, Vec2>{q.point, p};
    }
  };
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) {
      consider(a[i], b[j], b[(j + 1) % b.size()], true);
      consider(b[j], a[i], a[(i + 1) % a.size()], false);
    }
  return out;
}

}  // namespace

std::size_t WindSeries::index_at(double t) const {
  if (time.empty()) return 0;
  const auto it = std::upper_bound(time.begin(), time.end(), t);
  return it == time.begin() ? 0 : static_cast<std::size_t>(it - time.begin()) - 1;
}

Vec2 WindSeries::toward_at(double t) const {
  if (from_deg.empty()) return {0.0, 0.0};
  // Blowing from θ (clockwise from north) means blowing toward θ + 180°:
  // east component sin(θ + 180°) = −sin θ, north component −cos θ.
  const double th = from_deg[index_at(t)] * kPi / 180.0;
  return {-std::sin(th), -std::cos(th)};
}

double hamada_minutes(double a, double d, double V, double fr, SpreadDirection dir) {
  double gap1 = 0.0, gap2 = 0.0, wind = 1.0;
  switch (dir) {
    case SpreadDirection::Downwind:
      gap1 = 8.0 * d / (25.0 + 2.5 * V);
      gap2 = 16.0 * d / (25.0 + 2.5 * V);
      wind = 1.0 + 0.1 * V + 0.007 * V * V;
      break;
    case SpreadDirection::Crosswind:
      gap1 = 8.0 * d / (5.0 + 0.25 * V);
      gap2 = 16.0 * d / (5.0 + 0.25 * V);
      wind = 1.0 + 0.005 * V * V;
      break;
    case SpreadDirection::Upwind:
      gap1 = 8.0 * d / (5.0 + 0.2 * V);
      gap2 = 16.0 * d / (5.0 + 0.2 * V);
      wind = 1.0 + 0.002 * V * V;
      break;
  }
  const double wood = 3.0 + 0.375 * a + gap1;
  const double resistant = 5.0 + 0.625 * a + gap2;
  return ((1.0 - fr) * wood + fr * resistant) / (kHamadaDivisor * wind);
}

SpreadDirection spread_direction(Vec2 dir, Vec2 wind_to, double V, double calm) {
  if (!(V >= calm)) return SpreadDirection::Crosswind;
  // cos of the angle between spread and wind; the boundaries at ±45° are widened by a
  // hair toward the slower side so that rounding in a diagonal's cosine cannot make
  // it the faster direction.
  const double c = dot(dir, wind_to) / std::max(1e-12, norm(dir) * norm(wind_to));
  const double edge = std::sqrt(0.5) + 1e-9;
  if (c >= edge) return SpreadDirection::Downwind;
  if (c <= -edge + 2e-9) return SpreadDirection::Upwind;
  return SpreadDirection::Crosswind;
}

double BuildingFireCourse::hrr(double since) const {
  if (!(since > 0.0) || since >= out) return 0.0;
  if (since < full) return std::min(peak_hrr, 1e6 * (since / growth_time) * (since / growth_time));
  if (since < decay) return peak_hrr;
  return peak_hrr * (out - since) / (out - decay);
}

BuildingFireCourse building_fire_course(const FireBuilding& b, const FireUse& c) {
  BuildingFireCourse f;
  f.growth_time = c.growth_time;
  f.peak_hrr = c.hrr_per_area * b.floor_area;
  const double energy = c.fire_load * b.floor_area;  // J
  const double ta2 = c.growth_time * c.growth_time;
  // Growth to the peak: Q = 1 MW (t/t_α)², energy released ∫Q dt = 1 MW t³ / (3 t_α²).
  f.full = c.growth_time * std::sqrt(f.peak_hrr / 1e6);
  double grown = 1e6 * f.full * f.full * f.full / (3.0 * ta2);
  // Decay from 70 % of the fire load consumed (EN 1991-1-2 E.4(7)). A fire whose
  // growth alone would burn 70 % of its load (a big floor, little fuel) never reaches
  // RHR_f × area: its growth stops at 70 %, which becomes its peak.
  if (grown > 0.7 * energy) {
    f.full = std::cbrt(0.7 * energy * 3.0 * ta2 / 1e6);
    f.peak_hrr = 1e6 * f.full * f.full / ta2;
    grown = 0.7 * energy;
  }
  f.decay = f.full + (0.7 * energy - grown) / f.peak_hrr;
  // Linear decay to zero releases the remaining 30 %: it lasts 2 × rest / peak.
  f.out = f.decay + 2.0 * (0.3 * energy) / f.peak_hrr;
  return f;
}

double ring_gap(const Ring& a, const Ring& b) {
  if (a.empty() || b.empty()) return std::numeric_limits<double>::infinity();
  if (contains(a, b.front()) || contains(b, a.front())) return 0.0;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j)
      if (segments_cross(a[i], a[(i + 1) % a.size()], b[j], b[(j + 1) % b.size()])) return 0.0;
  const auto [p, q] = closest_points(a, b);
  return distance(p, q);
}

namespace {

// Does segment pq pass through ring r (cross an edge, or lie inside)?
bool segment_hits(const Ring& r, Vec2 p, Vec2 q) {
  if (r.size() < 3) return false;
  if (contains(r, p * 0.5 + q * 0.5)) return true;
  for (std::size_t i = 0; i < r.size(); ++i)
    if (segments_cross(p, q, r[i], r[(i + 1) % r.size()])) return true;
  return false;
}

}  // namespace

FireNeighbours find_neighbours(std::span<const Ring> outlines, std::span<const FireBuilding> buildings,
                               double max_gap) {
  const std::size_t n = outlines.size();
  std::vector<Box> boxes(n);
  Box all;
  for (std::size_t i = 0; i < n; ++i) {
    boxes[i] = bounds(outlines[i]);
    if (!boxes[i].empty()) {
      all.extend(boxes[i].min);
      all.extend(boxes[i].max);
    }
  }
  FireNeighbours out;
  out.offset.assign(n + 1, 0);
  if (all.empty()) return out;
  // Buckets of (max_gap + 50 m): every pair within max_gap shares a bucket or a neighbour.
  const double cell = std::max(50.0, max_gap + 50.0);
  const int nx = std::max(1, static_cast<int>(std::ceil(all.width() / cell)) + 1);
  const int ny = std::max(1, static_cast<int>(std::ceil(all.height() / cell)) + 1);
  std::vector<std::vector<std::uint32_t>> bucket(static_cast<std::size_t>(nx) * ny);
  auto bx = [&](double x) { return std::clamp(static_cast<int>((x - all.min.x) / cell), 0, nx - 1); };
  auto by = [&](double y) { return std::clamp(static_cast<int>((y - all.min.y) / cell), 0, ny - 1); };
  for (std::size_t i = 0; i < n; ++i) {
    if (boxes[i].empty()) continue;
    for (int y = by(boxes[i].min.y); y <= by(boxes[i].max.y); ++y)
      for (int x = bx(boxes[i].min.x); x <= bx(boxes[i].max.x); ++x)
        bucket[static_cast<std::size_t>(y) * nx + x].push_back(static_cast<std::uint32_t>(i));
  }
  std::vector<std::vector<std::pair<std::uint32_t, float>>> near(n);
  std::vector<std::uint32_t> seen;
  for (std::size_t i = 0; i < n; ++i) {
    if (boxes[i].empty()) continue;
    const Box& b = boxes[i];
    seen.clear();
    for (int y = by(b.min.y - max_gap); y <= by(b.max.y + max_gap); ++y)
      for (int x = bx(b.min.x - max_gap); x <= bx(b.max.x + max_gap); ++x)
        for (const std::uint32_t j : bucket[static_cast<std::size_t>(y) * nx + x])
          if (j > i) seen.push_back(j);
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (const std::uint32_t j : seen) {
      const Box& c = boxes[j];
      const double dx = std::max({0.0, c.min.x - b.max.x, b.min.x - c.max.x});
      const double dy = std::max({0.0, c.min.y - b.max.y, b.min.y - c.max.y});
      if (dx * dx + dy * dy > max_gap * max_gap) continue;
      const double g = ring_gap(outlines[i], outlines[j]);
      if (!(g <= max_gap)) continue;
      near[i].push_back({j, static_cast<float>(g)});
      near[j].push_back({static_cast<std::uint32_t>(i), static_cast<float>(g)});
    }
  }
  // Fire spreads directly only between buildings that face each other: a pair whose
  // lines of sight (between their closest points, and between their centres) pass
  // through a third building spreads through that building instead (Hamada's time
  // covers one block and one gap). The centre line keeps a block from reaching past
  // its neighbour through the narrow lane beside it.
  std::vector<std::vector<std::uint32_t>> hidden(n);  // j hidden from i by a third building
  for (std::size_t i = 0; i < n; ++i)
    for (const auto& [j, g] : near[i]) {
      if (j < i || g <= 0.0f) continue;
      const auto [p, q] = closest_points(outlines[i], outlines[j]);
      bool blocked = false;
      for (const auto& [k, gk] : near[i]) {
        if (k == j) continue;
        if (segment_hits(outlines[k], p, q) ||
            segment_hits(outlines[k], buildings[i].centroid, buildings[j].centroid)) {
          blocked = true;
          break;
        }
      }
      if (blocked) hidden[i].push_back(j);
    }
  for (std::size_t i = 0; i < n; ++i)
    for (const std::uint32_t j : hidden[i]) {
      std::erase_if(near[i], [&](const auto& e) { return e.first == j; });
      std::erase_if(near[j], [&](const auto& e) { return e.first == i; });
    }
  for (std::size_t i = 0; i < n; ++i) {
    std::sort(near[i].begin(), near[i].end());
    out.offset[i + 1] = out.offset[i] + static_cast<std::uint32_t>(near[i].size());
    for (const auto& [j, g] : near[i]) {
      out.to.push_back(j);
      out.gap.push_back(g);
      const Vec2 d = buildings[j].centroid - buildings[i].centroid;
      const double len = norm(d);
      out.dir.push_back(len > 0.0 ? d * (1.0 / len) : Vec2{0.0, 0.0});
    }
  }
  return out;
}

double pair_spread_seconds(const FireDesc& fire, std::uint32_t from, std::size_t k, double t) {
  const FireNeighbours& nb = fire.neighbours;
  const std::uint32_t to = nb.to[k];
  const FireBuilding& a = fire.buildings[from];
  const FireBuilding& b = fire.buildings[to];
  // Fire crosses the burning building (its side a) and the gap; the fire-resistant
  // share is that of the pair (Hamada's fr is a share of the buildings in the area).
  const double fr = 0.5 * (fire.constructions[a.construction].fire_resistant +
                           fire.constructions[b.construction].fire_resistant);
  const double V = fire.wind.speed_at(t);
  const SpreadDirection dir = spread_direction(nb.dir[k], fire.wind.toward_at(t), V, fire.params.calm_wind);
  return 60.0 * hamada_minutes(a.side, nb.gap[k], V, fr, dir);
}

namespace {

bool later(const SpreadState::Candidate& a, const SpreadState::Candidate& b) {
  return a.time > b.time || (a.time == b.time && a.building > b.building);
}

}  // namespace

void spread_init(const FireDesc& fire, SpreadState& s) {
  s = SpreadState{};
  s.ignited.assign(fire.buildings.size(), std::numeric_limits<float>::quiet_NaN());
  s.source.assign(fire.buildings.size(), 0);
  s.caught_from.assign(fire.buildings.size(), SpreadState::kNoSource);
  for (const Ignition& ig : fire.ignitions) spread_offer(s, ig.building, ig.time, 1);
}

void spread_offer(SpreadState& s, std::uint32_t b, double t, std::uint8_t how, std::uint32_t from) {
  if (b >= s.ignited.size() || !std::isnan(s.ignited[b])) return;
  s.heap.push_back({t, b, how, from});
  std::push_heap(s.heap.begin(), s.heap.end(), later);
}

namespace detail {

bool spread_pop_due(SpreadState& s, double t_end, SpreadState::Candidate& out) {
  if (s.heap.empty() || !(s.heap.front().time <= t_end)) return false;
  std::pop_heap(s.heap.begin(), s.heap.end(), later);
  out = s.heap.back();
  s.heap.pop_back();
  return true;
}

void spread_ignite(const FireDesc& fire, SpreadState& s, const SpreadState::Candidate& c) {
  s.ignited[c.building] = static_cast<float>(c.time);
  s.source[c.building] = c.how;
  s.caught_from[c.building] = c.from;
  s.order.push_back(c.building);
  const FireNeighbours& nb = fire.neighbours;
  if (nb.offset.size() <= c.building + 1) return;
  for (std::uint32_t k = nb.offset[c.building]; k < nb.offset[c.building + 1]; ++k) {
    const std::uint32_t to = nb.to[k];
    if (!std::isnan(s.ignited[to]) || fire.constructions[fire.buildings[to].construction].non_combustible)
      continue;
    spread_offer(s, to, c.time + pair_spread_seconds(fire, c.building, k, c.time), 2, c.building);
  }
}

}  // namespace detail

}  // namespace ss
