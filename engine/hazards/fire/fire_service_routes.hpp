#pragma once
// Internal to the fire service (fire_service*.cpp): streets near a point, drive
// times over the lanes, where an appliance stops at a building, and the per-run
// bookkeeping those files share. Not part of the engine's interface.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <queue>
#include <utility>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"

namespace ss::fire_service_detail {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr float kInfF = std::numeric_limits<float>::infinity();
inline constexpr float kNaNF = std::numeric_limits<float>::quiet_NaN();
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Key purposes of the service's draws (engine/core/rng.hpp keeps the others; the
// fire's ignitions use 40).
inline constexpr std::uint64_t kHydrantPurpose = 41;
inline constexpr std::uint64_t kExtinguisherPresent = 42;
inline constexpr std::uint64_t kExtinguisherUse = 43;
inline constexpr std::uint64_t kBlockedLane = 44;
inline constexpr std::uint64_t kHomeFloor = 45;

struct NearEdge {
  std::uint32_t edge;
  double offset;  // m from edge_from
  Vec2 point;
  double dist;  // m from the query point
};

// Every street with a segment within r of p, once each, at its closest point.
inline void edges_near(const FireServicePrep& g, const StreetGraph& sg, Vec2 p, double r,
                       std::vector<NearEdge>& out) {
  out.clear();
  if (g.nx == 0) return;
  auto cx = [&](double x) {
    return std::clamp(static_cast<int>(std::floor((x - g.box.min.x) / g.cell)), 0, g.nx - 1);
  };
  auto cy = [&](double y) {
    return std::clamp(static_cast<int>(std::floor((y - g.box.min.y) / g.cell)), 0, g.ny - 1);
  };
  if (p.x + r < g.box.min.x || p.x - r > g.box.max.x || p.y + r < g.box.min.y || p.y - r > g.box.max.y)
    return;
  for (int y = cy(p.y - r); y <= cy(p.y + r); ++y)
    for (int x = cx(p.x - r); x <= cx(p.x + r); ++x) {
      const std::size_t c = static_cast<std::size_t>(y) * g.nx + x;
      for (std::uint32_t k = g.cell_start[c]; k < g.cell_start[c + 1]; ++k) {
        const Vec2 a = sg.shape_points[g.seg_point[k]], b = sg.shape_points[g.seg_point[k] + 1];
        const SegmentProjection pr = project_on_segment(p, a, b);
        if (pr.distance > r) continue;
        const double off = g.seg_offset[k] + pr.t * distance(a, b);
        auto it =
            std::find_if(out.begin(), out.end(), [&](const NearEdge& n) { return n.edge == g.seg_edge[k]; });
        if (it == out.end())
          out.push_back({g.seg_edge[k], off, pr.point, pr.distance});
        else if (pr.distance < it->dist)
          *it = {g.seg_edge[k], off, pr.point, pr.distance};
      }
    }
  std::sort(out.begin(), out.end(), [](const NearEdge& a, const NearEdge& b) { return a.edge < b.edge; });
}

// Distance from p to a building's footprint (0 inside).
inline double ring_distance(const Ring& ring, Vec2 p) {
  if (ring.size() < 3) return ring.empty() ? kInf : distance(ring[0], p);
  if (contains(ring, p)) return 0.0;
  double d = kInf;
  for (std::size_t i = 0; i < ring.size(); ++i)
    d = std::min(d, project_on_segment(p, ring[i], ring[(i + 1) % ring.size()]).distance);
  return d;
}

// Half the diagonal of a building's bounding box: streets within r of its footprint
// lie within r + this of its centroid.
inline double half_extent(const Building& b) {
  Box bb;
  for (const Vec2 p : b.outline) bb.extend(p);
  if (bb.empty()) return 0.0;
  return 0.5 * std::hypot(bb.width(), bb.height()) +
         distance(b.centroid, Vec2{0.5 * (bb.min.x + bb.max.x), 0.5 * (bb.min.y + bb.max.y)});
}

// Shortest drive times from several sources (node, start time, origin tag) over
// edge times `et` (+inf: impassable). via[n]: the edge to take from n toward its
// source (-1 at a source); origin[n]: the tag of the source it leads to.
struct DriveField {
  std::vector<double> time;
  std::vector<std::int32_t> via;
  std::vector<std::int32_t> origin;
};
struct Source {
  NodeId node;
  double time;
  std::int32_t origin;
};
inline void drive_field(const StreetGraph& g, const std::vector<float>& et,
                        const std::vector<Source>& sources, DriveField& f) {
  const std::size_t n = g.node_count();
  f.time.assign(n, kInf);
  f.via.assign(n, -1);
  f.origin.assign(n, -1);
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  for (const Source& s : sources) {
    const std::size_t v = s.node.index();
    if (s.time < f.time[v] || (s.time == f.time[v] && s.origin < f.origin[v])) {
      f.time[v] = s.time;
      f.origin[v] = s.origin;
      f.via[v] = -1;
      heap.push({s.time, static_cast<std::uint32_t>(v)});
    }
  }
  while (!heap.empty()) {
    const auto [d, v] = heap.top();
    heap.pop();
    if (d > f.time[v]) continue;
    for (const EdgeId e : g.incident(NodeId{v})) {
      const float w = et[e.index()];
      if (!std::isfinite(w)) continue;
      const std::size_t u = g.other_end(e, NodeId{v}).index();
      const double nd = d + w;
      if (nd < f.time[u]) {
        f.time[u] = nd;
        f.via[u] = static_cast<std::int32_t>(e.index());
        f.origin[u] = f.origin[v];
        heap.push({nd, static_cast<std::uint32_t>(u)});
      }
    }
  }
}

// Where an appliance can stop to work at a building.
struct Stop {
  std::uint32_t edge;
  double offset;  // m from edge_from
  Vec2 point;
  double dist;  // m from the footprint
  double cost;  // s of hose laying beyond the attack reach (0 for a ladder)
};

struct ServiceView {
  const Model& model;
  const FireDesc& desc;
  const FireServicePrep& prep;
  const std::vector<BuildingFireCourse>& course;

  [[nodiscard]] const StreetGraph& g() const { return model.world.streets; }
  [[nodiscard]] const FireServiceParams& p() const { return desc.service.params; }

  // Edge times for appliance type a as dispatch sees the lanes at time `known_at`
  // (+inf: the truth).
  void edge_times(const FireServiceRun& r, const ApplianceType& a, double known_at,
                  std::vector<float>& out) const {
    const std::size_t ne = g().edge_count();
    out.assign(ne, kInfF);
    for (std::size_t e = 0; e < ne; ++e) {
      const bool know = r.known_since[e] <= known_at;
      const float w = know ? r.true_width[e] : r.known_width[e];
      const bool closed = know ? r.true_closed[e] != 0 : r.known_closed[e] != 0;
      if (lane_problem(desc.service, prep.lanes, g(), e, &a, w, closed) == LaneProblem::None)
        out[e] = prep.lanes.travel_time[e];
    }
  }

  // Where appliance type a can stop for building b over edge times et. A ladder
  // wants a set-up area (ladder_only); it gets none when there is none.
  void stops(std::uint32_t b, const ApplianceType& a, const std::vector<float>& et, const FireServiceRun& r,
             bool ladder_only, std::vector<Stop>& out) const {
    out.clear();
    const Building& bd = model.world.buildings[b];
    std::vector<NearEdge> near;
    const double ext = half_extent(bd);
    auto collect = [&](double reach, bool ladder) {
      edges_near(prep, g(), bd.centroid, reach + ext, near);
      for (const NearEdge& n : near) {
        if (!std::isfinite(et[n.edge])) continue;
        const double d = ring_distance(bd.outline, n.point);
        if (d > reach) continue;
        if (ladder && r.true_width[n.edge] < p().ladder_area_width &&
            r.known_width[n.edge] < p().ladder_area_width)
          continue;
        const double lay = ladder ? 0.0 : std::max(0.0, d - p().attack_reach) / p().lay_speed;
        out.push_back({n.edge, n.offset, n.point, d, lay});
      }
    };
    if (ladder_only) {
      collect(p().ladder_outreach, true);
      return;
    }
    collect(p().attack_reach, false);
    if (out.empty() && a.hose > p().attack_reach) collect(a.hose, false);
  }

  // Sources of a drive field toward the stops: each stop from both ends of its street.
  void sources(const std::vector<Stop>& st, const std::vector<float>& et, std::vector<Source>& out) const {
    out.clear();
    for (std::size_t k = 0; k < st.size(); ++k) {
      const EdgeId e{st[k].edge};
      const double len = std::max(1e-9, static_cast<double>(g().edge_length[e.index()]));
      const double frac = std::clamp(st[k].offset / len, 0.0, 1.0);
      out.push_back(
          {g().edge_from[e.index()], frac * et[e.index()] + st[k].cost, static_cast<std::int32_t>(k)});
      out.push_back(
          {g().edge_to[e.index()], (1.0 - frac) * et[e.index()] + st[k].cost, static_cast<std::int32_t>(k)});
    }
  }

  // Where to stop for building b, given a drive field `fld` from the appliance(s):
  // a stop within reach with the least arrival (hose laying included); a ladder wants
  // a set-up area first. When no stop within reach can be reached, the nearest point
  // the field reaches: the crew lays hose from there, and beyond its appliance's hose
  // it cannot attack (beyond_hose).
  struct Choice {
    bool ok = false;
    Stop stop{};
    NodeId end;            // the node the drive comes in from
    double arrive = kInf;  // s, arrival plus hose-laying cost
    bool ladder_position = false;
    bool beyond_hose = false;
  };
  Choice choose(std::uint32_t b, const ApplianceType& a, const std::vector<float>& et,
                const FireServiceRun& r, const DriveField& fld, bool ladder) const {
    Choice c;
    std::vector<Stop> st;
    auto best_of = [&](const std::vector<Stop>& list) {
      for (const Stop& sp : list) {
        const std::size_t e = sp.edge;
        const double len = std::max(1e-9, static_cast<double>(g().edge_length[e]));
        const double frac = std::clamp(sp.offset / len, 0.0, 1.0);
        const NodeId ends[2] = {g().edge_from[e], g().edge_to[e]};
        const double part[2] = {frac * et[e], (1.0 - frac) * et[e]};
        for (int k = 0; k < 2; ++k) {
          const double t = fld.time[ends[k].index()] + part[k] + sp.cost;
          if (t < c.arrive) {
            c.ok = true;
            c.arrive = t;
            c.stop = sp;
            c.end = ends[k];
          }
        }
      }
    };
    if (ladder) {
      stops(b, a, et, r, true, st);
      best_of(st);
      if (c.ok) {
        c.ladder_position = true;
        return c;
      }
    }
    stops(b, a, et, r, false, st);
    best_of(st);
    if (c.ok) return c;
    const Building& bd = model.world.buildings[b];
    const double ext = half_extent(bd);
    std::vector<NearEdge> near;
    for (const double reach : {600.0, 1200.0, 2500.0}) {
      edges_near(prep, g(), bd.centroid, reach + ext, near);
      double best_d = kInf;
      for (const NearEdge& n : near) {
        const std::size_t e = n.edge;
        if (!std::isfinite(et[e]) || !(std::isfinite(fld.time[g().edge_from[e].index()]) ||
                                       std::isfinite(fld.time[g().edge_to[e].index()])))
          continue;
        const double d = ring_distance(bd.outline, n.point);
        if (d < best_d) {
          best_d = d;
          st.assign(1, {n.edge, n.offset, n.point, d, std::max(0.0, d - p().attack_reach) / p().lay_speed});
        }
      }
      if (!std::isfinite(best_d)) continue;
      best_of(st);
      c.beyond_hose = ladder || best_d > a.hose;
      return c;
    }
    return c;
  }

  // The edges of the drive from the field's source to `end`, in driving order.
  void path_to(const DriveField& fld, NodeId end, std::vector<std::uint32_t>& out) const {
    out.clear();
    NodeId at = end;
    while (at.valid() && fld.via[at.index()] >= 0) {
      const auto e = static_cast<std::uint32_t>(fld.via[at.index()]);
      out.push_back(e);
      at = g().other_end(EdgeId{e}, at);
    }
    std::reverse(out.begin(), out.end());
  }
};

// A resident at home who cannot leave alone and is not yet brought out.
inline bool waiting_at_home(const SimState& s, const FireServiceRun& r, std::size_t i) {
  return !s.edge[i].valid() && s.status[i] == Status::WaitingForHelp && std::isnan(s.arrival_time[i]) &&
         std::isnan(r.rescued_time[i]);
}

// Building b burns at t and is neither out nor under control.
inline bool burning_at(const FireRun& f, const std::vector<BuildingFireCourse>& course, std::uint32_t b,
                       double t) {
  return !std::isnan(f.spread.ignited[b]) && f.spread.ignited[b] <= t && !f.out_by(b, t, course) &&
         !(t >= f.service.controlled[b]);
}

}  // namespace ss::fire_service_detail
