// The fire service (fire_service.hpp): lanes, stations and appliances, dispatch,
// driving with obstructions found on the way, hose lays, water, suppression by fire
// flow, exposure protection, rescue. Called from FireHazard::prepare/start/advance.
#include "engine/hazards/fire/fire_service.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <string>
#include <tuple>
#include <utility>

#include "engine/core/model.hpp"
#include "engine/core/rng.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"

namespace ss {

const char* to_string(ApplianceKind k) {
  switch (k) {
    case ApplianceKind::Pumper: return "pumper";
    case ApplianceKind::Ladder: return "ladder";
    case ApplianceKind::Tanker: return "tanker";
  }
  return "?";
}

const char* to_string(LaneProblem p) {
  switch (p) {
    case LaneProblem::None: return "";
    case LaneProblem::NotForVehicles: return "not_for_vehicles";
    case LaneProblem::Narrow: return "narrow";
    case LaneProblem::Weight: return "weight";
    case LaneProblem::Height: return "height";
    case LaneProblem::Closed: return "closed";
  }
  return "?";
}

std::vector<ApplianceType> default_appliance_types() {
  return {
      {"HLF 20", ApplianceKind::Pumper, 9, 2000.0, 800.0, 16.0, 3.3, 300.0},
      {"DLK 23/12", ApplianceKind::Ladder, 3, 0.0, 0.0, 16.0, 3.3, 0.0},
      {"TLF 4000", ApplianceKind::Tanker, 3, 4000.0, 800.0, 18.0, 3.3, 300.0},
  };
}

Turnout default_turnout(CrewKind c) {
  return c == CrewKind::Professional ? Turnout{80.0, 80.0} : Turnout{300.0, 240.0};
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr float kInfF = std::numeric_limits<float>::infinity();
constexpr float kNaNF = std::numeric_limits<float>::quiet_NaN();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Key purposes of the service's draws (engine/core/rng.hpp keeps the others; the
// fire's ignitions use 40).
constexpr std::uint64_t kHydrantPurpose = 41;
constexpr std::uint64_t kExtinguisherPresent = 42;
constexpr std::uint64_t kExtinguisherUse = 43;
constexpr std::uint64_t kBlockedLane = 44;
constexpr std::uint64_t kHomeFloor = 45;

struct NearEdge {
  std::uint32_t edge;
  double offset;  // m from edge_from
  Vec2 point;
  double dist;    // m from the query point
};

// Every street with a segment within r of p, once each, at its closest point.
void edges_near(const FireServicePrep& g, const StreetGraph& sg, Vec2 p, double r, std::vector<NearEdge>& out) {
  out.clear();
  if (g.nx == 0) return;
  auto cx = [&](double x) { return std::clamp(static_cast<int>(std::floor((x - g.box.min.x) / g.cell)), 0, g.nx - 1); };
  auto cy = [&](double y) { return std::clamp(static_cast<int>(std::floor((y - g.box.min.y) / g.cell)), 0, g.ny - 1); };
  if (p.x + r < g.box.min.x || p.x - r > g.box.max.x || p.y + r < g.box.min.y || p.y - r > g.box.max.y) return;
  for (int y = cy(p.y - r); y <= cy(p.y + r); ++y)
    for (int x = cx(p.x - r); x <= cx(p.x + r); ++x) {
      const std::size_t c = static_cast<std::size_t>(y) * g.nx + x;
      for (std::uint32_t k = g.cell_start[c]; k < g.cell_start[c + 1]; ++k) {
        const Vec2 a = sg.shape_points[g.seg_point[k]], b = sg.shape_points[g.seg_point[k] + 1];
        const SegmentProjection pr = project_on_segment(p, a, b);
        if (pr.distance > r) continue;
        const double off = g.seg_offset[k] + pr.t * distance(a, b);
        auto it = std::find_if(out.begin(), out.end(), [&](const NearEdge& n) { return n.edge == g.seg_edge[k]; });
        if (it == out.end()) out.push_back({g.seg_edge[k], off, pr.point, pr.distance});
        else if (pr.distance < it->dist) *it = {g.seg_edge[k], off, pr.point, pr.distance};
      }
    }
  std::sort(out.begin(), out.end(), [](const NearEdge& a, const NearEdge& b) { return a.edge < b.edge; });
}

// Distance from p to a building's footprint (0 inside).
double ring_distance(const Ring& ring, Vec2 p) {
  if (ring.size() < 3) return ring.empty() ? kInf : distance(ring[0], p);
  if (contains(ring, p)) return 0.0;
  double d = kInf;
  for (std::size_t i = 0; i < ring.size(); ++i)
    d = std::min(d, project_on_segment(p, ring[i], ring[(i + 1) % ring.size()]).distance);
  return d;
}

// Half the diagonal of a building's bounding box: streets within r of its footprint
// lie within r + this of its centroid.
double half_extent(const Building& b) {
  Box bb;
  for (const Vec2 p : b.outline) bb.extend(p);
  if (bb.empty()) return 0.0;
  return 0.5 * std::hypot(bb.width(), bb.height()) + distance(b.centroid, Vec2{0.5 * (bb.min.x + bb.max.x), 0.5 * (bb.min.y + bb.max.y)});
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
void drive_field(const StreetGraph& g, const std::vector<float>& et, const std::vector<Source>& sources, DriveField& f) {
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
  double dist;    // m from the footprint
  double cost;    // s of hose laying beyond the attack reach (0 for a ladder)
};

}  // namespace

// ---- prepare ------------------------------------------------------------------

void FireHazard::service_prepare(const Model& model) {
  service_ = FireServicePrep{};
  const FireServiceDesc& d = desc_.service;
  if (!d.enabled) return;
  const FireServiceParams& p = d.params;
  const StreetGraph& g = model.world.streets;
  const std::size_t ne = g.edge_count();
  FireServicePrep& prep = service_;

  // The segment grid.
  for (const Vec2 q : g.shape_points) prep.box.extend(q);
  if (!prep.box.empty() && ne > 0) {
    prep.nx = std::max(1, static_cast<int>(std::ceil(prep.box.width() / prep.cell)) + 1);
    prep.ny = std::max(1, static_cast<int>(std::ceil(prep.box.height() / prep.cell)) + 1);
    std::vector<std::vector<std::tuple<std::uint32_t, std::uint32_t, float>>> cells(static_cast<std::size_t>(prep.nx) * prep.ny);
    for (std::size_t e = 0; e < ne; ++e) {
      float off = 0.0f;
      for (std::uint32_t k = g.shape_offset[e]; k + 1 < g.shape_offset[e + 1]; ++k) {
        const Vec2 a = g.shape_points[k], b = g.shape_points[k + 1];
        const int x0 = static_cast<int>(std::floor((std::min(a.x, b.x) - prep.box.min.x) / prep.cell));
        const int x1 = static_cast<int>(std::floor((std::max(a.x, b.x) - prep.box.min.x) / prep.cell));
        const int y0 = static_cast<int>(std::floor((std::min(a.y, b.y) - prep.box.min.y) / prep.cell));
        const int y1 = static_cast<int>(std::floor((std::max(a.y, b.y) - prep.box.min.y) / prep.cell));
        for (int y = std::max(0, y0); y <= std::min(prep.ny - 1, y1); ++y)
          for (int x = std::max(0, x0); x <= std::min(prep.nx - 1, x1); ++x)
            cells[static_cast<std::size_t>(y) * prep.nx + x].emplace_back(static_cast<std::uint32_t>(e), k, off);
        off += static_cast<float>(distance(a, b));
      }
    }
    prep.cell_start.assign(cells.size() + 1, 0);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      prep.cell_start[c + 1] = prep.cell_start[c] + static_cast<std::uint32_t>(cells[c].size());
      for (const auto& [e, k, off] : cells[c]) {
        prep.seg_edge.push_back(e);
        prep.seg_point.push_back(k);
        prep.seg_offset.push_back(off);
      }
    }
  }

  // The lanes as mapped: carriageway (tagged, else the class default) less parked cars.
  FireLanes& L = prep.lanes;
  L.clear_width.assign(ne, 0.0f);
  L.map_width.assign(ne, 0.0f);
  L.travel_time.assign(ne, kInfF);
  L.closed.assign(ne, 0);
  L.why.assign(ne, std::string{});
  for (std::size_t e = 0; e < ne; ++e) {
    const auto k = static_cast<std::size_t>(g.edge_kind[e]);
    const VehicleWay v = e < g.edge_vehicle.size() ? g.edge_vehicle[e] : VehicleWay{};
    const double carriage = std::isnan(v.carriageway) ? p.class_width[k] : v.carriageway;
    const double speed = p.speed[k];
    if (!(p.class_width[k] > 0.0) || !(speed > 0.0)) {
      L.why[e] = std::string("highway=") + to_string(g.edge_kind[e]);
      continue;  // footways, paths, steps, pedestrian streets, cycleways: no lanes
    }
    L.map_width[e] = static_cast<float>(std::max(0.0, carriage - v.parking));
    L.travel_time[e] = static_cast<float>(g.edge_length[e] / speed);
    if (v.parking > 0.0f) L.why[e] = "parking";
  }
  prep.mapped = d.obstructions;
  if (p.barriers_from_map) {
    std::vector<NearEdge> near;
    for (const MapPoint& b : model.world.barriers) {
      if (std::find(p.closing_barriers.begin(), p.closing_barriers.end(), b.kind) == p.closing_barriers.end()) continue;
      edges_near(prep, g, b.pos, p.barrier_snap, near);
      if (near.empty()) continue;
      const auto best = std::min_element(near.begin(), near.end(), [](const NearEdge& a, const NearEdge& c) {
        return a.dist < c.dist || (a.dist == c.dist && a.edge < c.edge);
      });
      Obstruction o;
      o.edge = EdgeId{best->edge};
      o.pos = b.pos;
      o.kind = "barrier=" + b.kind;
      o.closed = true;
      o.known = true;
      prep.mapped.push_back(o);
    }
  }
  L.clear_width = L.map_width;
  for (const Obstruction& o : prep.mapped) {
    if (!o.known || !o.edge.valid() || o.edge.index() >= ne) continue;  // unknown ones: FireServiceRun
    const std::size_t e = o.edge.index();
    L.clear_width[e] = std::max(0.0f, L.clear_width[e] - static_cast<float>(o.width));
    if (o.closed) L.closed[e] = 1;
    L.why[e] += (L.why[e].empty() ? "" : ";") + o.kind;
  }

  // Storeys and the floor of every home.
  const std::size_t nb = desc_.buildings.size();
  prep.levels.assign(nb, 1);
  for (std::size_t b = 0; b < nb; ++b) {
    const int lv = b < model.world.buildings.size() && model.world.buildings[b].levels > 0
                       ? model.world.buildings[b].levels
                       : static_cast<int>(std::lround(desc_.buildings[b].height / 3.0));
    prep.levels[b] = static_cast<std::uint8_t>(std::clamp(lv, 1, 60));
  }
  prep.floor.assign(model.population.size(), 0);
  for (std::size_t i = 0; i < prep.floor.size(); ++i) {
    const std::uint32_t b = home_building_[i];
    if (b == kNone) continue;
    const double u = uniform01(0, kHomeFloor, i, 0);  // fixed with the population, not the run
    prep.floor[i] = static_cast<std::uint8_t>(std::min<int>(prep.levels[b] - 1, static_cast<int>(u * prep.levels[b])));
  }

  // A set-up area for a turntable ladder: a street appliances can use, wide enough,
  // within the ladder's outreach of the facade.
  prep.ladder_position.assign(nb, 0);
  std::vector<NearEdge> near;
  for (std::size_t b = 0; b < nb && b < model.world.buildings.size(); ++b) {
    const Building& bd = model.world.buildings[b];
    edges_near(prep, g, bd.centroid, p.ladder_outreach + half_extent(bd), near);
    for (const NearEdge& n : near) {
      if (!std::isfinite(L.travel_time[n.edge]) || L.closed[n.edge] ||
          L.clear_width[n.edge] < std::max(p.ladder_area_width, p.min_clear_width))
        continue;
      if (ring_distance(bd.outline, n.point) <= p.ladder_outreach) {
        prep.ladder_position[b] = 1;
        break;
      }
    }
  }
}

// ---- helpers over a run ---------------------------------------------------------

namespace {

struct ServiceView {
  const Model& model;
  const FireDesc& desc;
  const FireServicePrep& prep;
  const std::vector<BuildingFireCourse>& course;

  [[nodiscard]] const StreetGraph& g() const { return model.world.streets; }
  [[nodiscard]] const FireServiceParams& p() const { return desc.service.params; }

  // Edge times for appliance type a as dispatch sees the lanes at time `known_at`
  // (+inf: the truth).
  void edge_times(const FireServiceRun& r, const ApplianceType& a, double known_at, std::vector<float>& out) const {
    const std::size_t ne = g().edge_count();
    out.assign(ne, kInfF);
    for (std::size_t e = 0; e < ne; ++e) {
      const float tt = prep.lanes.travel_time[e];
      if (!std::isfinite(tt)) continue;
      const bool know = r.known_since[e] <= known_at;
      const float w = know ? r.true_width[e] : r.known_width[e];
      const bool closed = know ? r.true_closed[e] != 0 : r.known_closed[e] != 0;
      if (closed || w < p().min_clear_width) continue;
      const VehicleWay v = e < g().edge_vehicle.size() ? g().edge_vehicle[e] : VehicleWay{};
      if (v.maxweight < a.weight || v.maxheight < a.height || v.maxwidth < a.width) continue;
      out[e] = tt;
    }
  }

  // Where appliance type a can stop for building b over edge times et. A ladder
  // wants a set-up area (ladder_only); it gets none when there is none.
  void stops(std::uint32_t b, const ApplianceType& a, const std::vector<float>& et, const FireServiceRun& r, bool ladder_only,
             std::vector<Stop>& out) const {
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
        if (ladder && r.true_width[n.edge] < p().ladder_area_width && r.known_width[n.edge] < p().ladder_area_width) continue;
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
      out.push_back({g().edge_from[e.index()], frac * et[e.index()] + st[k].cost, static_cast<std::int32_t>(k)});
      out.push_back({g().edge_to[e.index()], (1.0 - frac) * et[e.index()] + st[k].cost, static_cast<std::int32_t>(k)});
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
    NodeId end;                // the node the drive comes in from
    double arrive = kInf;      // s, arrival plus hose-laying cost
    bool ladder_position = false;
    bool beyond_hose = false;
  };
  Choice choose(std::uint32_t b, const ApplianceType& a, const std::vector<float>& et, const FireServiceRun& r,
                const DriveField& fld, bool ladder) const {
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
        if (!std::isfinite(et[e]) || !(std::isfinite(fld.time[g().edge_from[e].index()]) || std::isfinite(fld.time[g().edge_to[e].index()])))
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

}  // namespace

// ---- start ---------------------------------------------------------------------

void FireHazard::service_start(const Model& model, FireRun& f, std::uint64_t seed) const {
  const FireServiceDesc& d = desc_.service;
  FireServiceRun& r = f.service;
  r = FireServiceRun{};
  if (!d.enabled) return;
  const FireServiceParams& p = d.params;
  const StreetGraph& g = model.world.streets;
  const std::size_t ne = g.edge_count(), nb = desc_.buildings.size();
  r.seed = seed;
  for (std::size_t s = 0; s < d.stations.size(); ++s)
    for (const std::uint8_t t : d.stations[s].appliances) {
      ApplianceRun a;
      a.type = t;
      a.station = static_cast<std::uint32_t>(s);
      a.node = d.stations[s].node;
      r.appliances.push_back(a);
    }
  r.hydrant_working.assign(d.hydrants.size(), 1);
  for (std::size_t h = 0; h < d.hydrants.size(); ++h)
    r.hydrant_working[h] = d.hydrants[h].working >= 0
                               ? static_cast<std::uint8_t>(d.hydrants[h].working)
                               : static_cast<std::uint8_t>(uniform01(seed, kHydrantPurpose, h, 0) >= p.hydrant_out_of_service);
  r.extinguisher.assign(nb, 0);
  for (std::size_t b = 0; b < nb; ++b)
    r.extinguisher[b] = static_cast<std::uint8_t>(uniform01(seed, kExtinguisherPresent, b, 0) < p.extinguisher_share);
  r.incident_of.assign(nb, -1);
  r.controlled.assign(nb, kNaNF);
  r.extinguished.assign(nb, kNaNF);
  r.protected_from.assign(nb, kNaNF);
  r.water_flow.assign(nb, 0.0f);
  r.rescued_time.assign(model.population.size(), kNaNF);
  r.no_ladder.assign(model.population.size(), 0);

  // Lanes this run: the mapped and surveyed obstructions (known), plus lanes blocked
  // at random for this seed (unknown until found or reported by sensors).
  const FireLanes& L = service_.lanes;
  r.obstructions = service_.mapped;
  const PerStreetKind& share = p.night ? p.blocked_share_night : p.blocked_share_day;
  // A station's exit is signed and kept clear (no parking at fire-station exits and
  // fire lanes, German StVO §12): no car is drawn in the streets that leave it.
  std::vector<std::uint8_t> kept_clear(ne, 0);
  for (const FireStation& st : d.stations)
    for (std::size_t e = 0; e < ne; ++e)
      if (distance(g.node_pos[g.edge_from[e].index()], st.pos) <= p.station_clear ||
          distance(g.node_pos[g.edge_to[e].index()], st.pos) <= p.station_clear)
        kept_clear[e] = 1;
  for (std::size_t e = 0; e < ne; ++e) {
    const double sh = share[static_cast<std::size_t>(g.edge_kind[e])];
    if (!(sh > 0.0) || !std::isfinite(L.travel_time[e]) || kept_clear[e]) continue;
    if (uniform01(seed, kBlockedLane, e, 0) >= sh) continue;
    Obstruction o;
    o.edge = EdgeId{e};
    const auto pts = g.shape(EdgeId{e});
    o.pos = pts.empty() ? Vec2{} : pts[pts.size() / 2];
    o.kind = "blocked_lane";
    o.width = p.blocked_width;
    o.known = false;
    r.obstructions.push_back(o);
  }
  r.known_width = L.clear_width;
  r.known_closed = L.closed;
  r.true_width = L.clear_width;
  r.true_closed = L.closed;
  r.known_since.assign(ne, kInf);
  for (const Obstruction& o : r.obstructions) {
    if (o.known || !o.edge.valid()) continue;  // mapped ones are already in L
    const std::size_t e = o.edge.index();
    r.true_width[e] = std::max(0.0f, r.true_width[e] - static_cast<float>(o.width));
    if (o.closed) r.true_closed[e] = 1;
    if (std::isfinite(p.sensor_delay)) r.known_since[e] = p.sensor_delay;
  }
  // Edges without hidden obstructions: known from the start (dispatch's view is the truth).
  for (std::size_t e = 0; e < ne; ++e)
    if (r.true_width[e] == r.known_width[e] && r.true_closed[e] == r.known_closed[e]) r.known_since[e] = 0.0;

  // Response isochrones: the first pumper from any station to each building over the
  // lanes of this run as they are, turnout and hose laying included.
  r.response_time.assign(nb, kNaNF);
  const ServiceView view{model, desc_, service_, course_};
  std::int32_t pumper_type = -1;
  for (const ApplianceRun& a : r.appliances)
    if (d.types[a.type].kind == ApplianceKind::Pumper) {
      pumper_type = a.type;
      break;
    }
  if (pumper_type < 0) return;
  const ApplianceType& pt = d.types[static_cast<std::size_t>(pumper_type)];
  std::vector<float> et;
  view.edge_times(r, pt, kInf, et);
  std::vector<Source> src;
  for (const ApplianceRun& a : r.appliances)
    if (d.types[a.type].kind == ApplianceKind::Pumper && a.node.valid()) {
      const FireStation& st = d.stations[a.station];
      src.push_back({a.node, p.night ? st.turnout_night : st.turnout_day, 0});
    }
  DriveField fld;
  drive_field(g, et, src, fld);
  for (std::size_t b = 0; b < nb && b < model.world.buildings.size(); ++b) {
    const ServiceView::Choice c = view.choose(static_cast<std::uint32_t>(b), pt, et, r, fld, false);
    if (c.ok && !c.beyond_hose) r.response_time[b] = static_cast<float>(c.arrive);
  }
}

// ---- ignitions -------------------------------------------------------------------

void FireHazard::service_ignited(const SimState& s, FireRun& f, std::uint32_t b, double at) const {
  FireServiceRun& r = f.service;
  if (!desc_.service.enabled || b >= r.incident_of.size()) return;
  const FireServiceParams& p = desc_.service.params;
  const std::uint32_t from = f.spread.caught_from[b];
  if (from != SpreadState::kNoSource && r.incident_of[from] >= 0 &&
      !r.incidents[static_cast<std::size_t>(r.incident_of[from])].closed) {
    FireIncident& inc = r.incidents[static_cast<std::size_t>(r.incident_of[from])];
    r.incident_of[b] = r.incident_of[from];
    inc.members.push_back(b);
    ++inc.buildings;
    return;
  }
  FireIncident inc;
  inc.origin = b;
  inc.ignited = at;
  inc.alarm = at + p.detection_delay + p.call_handling;
  inc.members.push_back(b);
  for (const ApplianceKind k : p.first_alarm) inc.requested.push_back(static_cast<std::uint8_t>(k));
  // A working extinguisher in the building and someone at home: they may put out a
  // fire of their own building while it is still small (before its growth time).
  if (r.extinguisher[b] && from == SpreadState::kNoSource && p.extinguisher_time < course_[b].growth_time) {
    bool home = false;
    for (std::uint32_t k = residents_offset_[b]; k < residents_offset_[b + 1] && !home; ++k) {
      const std::size_t i = residents_[k].index();
      home = !s.edge[i].valid() && s.status[i] != Status::Sheltered && std::isnan(s.arrival_time[i]);
    }
    if (home && uniform01(r.seed, kExtinguisherUse, b, r.incidents.size()) < p.extinguisher_success) {
      r.controlled[b] = static_cast<float>(at + p.extinguisher_time);
      r.extinguished[b] = static_cast<float>(at + 2.0 * p.extinguisher_time);
      inc.put_out_by_residents = true;
      inc.controlled = at + p.extinguisher_time;
      inc.requested.clear();
      inc.closed = true;
    }
  }
  r.incident_of[b] = static_cast<std::int32_t>(r.incidents.size());
  r.incidents.push_back(std::move(inc));
}

bool FireHazard::service_allows(const FireRun& f, const SpreadState::Candidate& c) const {
  const FireServiceRun& r = f.service;
  if (r.controlled.empty()) return true;
  if (c.from != SpreadState::kNoSource && c.time >= r.controlled[c.from]) return false;  // its source is under control
  if (c.how == 2 && c.time >= r.protected_from[c.building]) return false;  // crews keep it wet
  return true;
}

// ---- the step ----------------------------------------------------------------------

void FireHazard::service_step(const Model& model, const SimState& s, FireRun& f, double t_end) const {
  FireServiceRun& r = f.service;
  const FireServiceDesc& d = desc_.service;
  if (!d.enabled) return;
  const FireServiceParams& p = d.params;
  const StreetGraph& g = model.world.streets;
  const ServiceView view{model, desc_, service_, course_};
  const double dt = model.run.dt;

  auto at_home_needing_help = [&](std::size_t i) {
    return !s.edge[i].valid() && s.status[i] == Status::WaitingForHelp && std::isnan(s.arrival_time[i]) &&
           std::isnan(r.rescued_time[i]);
  };
  auto burning = [&](std::uint32_t b, double t) {
    return !std::isnan(f.spread.ignited[b]) && f.spread.ignited[b] <= t && !f.out_by(b, t, course_) && !(t >= r.controlled[b]);
  };

  // 1. Dispatch: incidents whose alarm has come and that still want appliances, by
  // life risk (people at home who cannot leave alone), then spread risk (unburnt
  // neighbours of its burning buildings), then alarm time.
  // Dispatch is tried again only when something changed: an alarm came, an appliance
  // came free, a tender was called for.
  bool changed = r.retry_dispatch;
  for (const FireIncident& inc : r.incidents) changed = changed || (inc.alarm <= t_end && inc.alarm > t_end - dt);
  for (const ApplianceRun& ap : r.appliances) changed = changed || (ap.free_at <= t_end && ap.free_at > t_end - dt);
  r.retry_dispatch = false;
  std::vector<std::tuple<long, long, double, std::size_t>> waiting;
  for (std::size_t k = 0; k < r.incidents.size() && changed; ++k) {
    const FireIncident& inc = r.incidents[k];
    if (inc.closed || inc.requested.empty() || inc.alarm > t_end) continue;
    long life = 0, spread = 0;
    for (const std::uint32_t b : inc.members) {
      for (std::uint32_t q = residents_offset_[b]; q < residents_offset_[b + 1]; ++q)
        life += at_home_needing_help(residents_[q].index()) ? 1 : 0;
      if (!burning(b, t_end)) continue;
      const FireNeighbours& nb = desc_.neighbours;
      for (std::uint32_t q = nb.offset[b]; q < nb.offset[b + 1]; ++q) spread += std::isnan(f.spread.ignited[nb.to[q]]) ? 1 : 0;
    }
    waiting.emplace_back(-life, -spread, inc.alarm, k);
  }
  std::sort(waiting.begin(), waiting.end());
  std::vector<float> et, truth;
  std::vector<Source> src;
  std::vector<std::uint32_t> path;
  DriveField fld;
  for (const auto& w : waiting) {
    const std::size_t k = std::get<3>(w);
    FireIncident& inc = r.incidents[k];
    std::uint32_t target = inc.origin;  // the first of its buildings still burning
    for (const std::uint32_t b : inc.members)
      if (burning(b, t_end)) {
        target = b;
        break;
      }
    std::vector<std::uint8_t> still;
    for (const std::uint8_t entry : inc.requested) {
      const std::uint8_t kind = entry & 0x7F;  // high bit: requested beyond the first alarm
      // The appliance of this kind that would be there first: one drive field from all
      // free ones, each starting at its own time (turnout included).
      std::int32_t best = -1;
      double best_t = kInf;
      std::vector<std::uint8_t> done_types;
      for (std::size_t a = 0; a < r.appliances.size(); ++a) {
        const ApplianceRun& first = r.appliances[a];
        const ApplianceType& ty = d.types[first.type];
        if (static_cast<std::uint8_t>(ty.kind) != kind ||
            std::find(done_types.begin(), done_types.end(), first.type) != done_types.end())
          continue;
        done_types.push_back(first.type);
        src.clear();
        for (std::size_t q = 0; q < r.appliances.size(); ++q) {
          const ApplianceRun& ap = r.appliances[q];
          if (ap.type != first.type || ap.task >= 0 || ap.free_at > t_end || !ap.node.valid()) continue;
          const FireStation& st = d.stations[ap.station];
          const double turnout = ap.manned ? 0.0 : (p.night ? st.turnout_night : st.turnout_day);
          src.push_back({ap.node, std::max(inc.alarm, ap.free_at) + turnout, static_cast<std::int32_t>(q)});
        }
        if (src.empty()) continue;
        view.edge_times(r, ty, inc.alarm, et);
        drive_field(g, et, src, fld);
        const ServiceView::Choice c = view.choose(target, ty, et, r, fld, ty.kind == ApplianceKind::Ladder);
        if (c.ok && c.arrive < best_t) {
          best_t = c.arrive;
          best = fld.origin[c.end.index()];
        }
      }
      if (best < 0) {
        // Wait for one to come free, unless the service has none of this kind at all.
        bool exists = false;
        for (const ApplianceRun& ap : r.appliances) exists = exists || static_cast<std::uint8_t>(d.types[ap.type].kind) == kind;
        if (exists) still.push_back(entry);
        continue;
      }
      // Send it: drive the route known at dispatch; a street found blocked on the way
      // becomes known to everyone (radio) and the crew re-plans from where it is.
      ApplianceRun& ap = r.appliances[static_cast<std::size_t>(best)];
      const ApplianceType& ty = d.types[ap.type];
      const bool ladder = ty.kind == ApplianceKind::Ladder;
      ApplianceTask task;
      task.incident = static_cast<std::uint32_t>(k);
      task.appliance = static_cast<std::uint32_t>(best);
      task.building = target;
      task.dispatched = std::max(inc.alarm, ap.free_at);
      task.first_alarm = (entry & 0x80) == 0;
      const FireStation& st = d.stations[ap.station];
      task.turnout = ap.manned ? 0.0 : (p.night ? st.turnout_night : st.turnout_day);
      double now = task.dispatched + task.turnout;
      NodeId at = ap.node;
      ap.path.assign(1, at);
      ap.path_time.assign(1, static_cast<float>(now));
      ServiceView::Choice ch;
      auto plan = [&]() {
        view.edge_times(r, ty, now, et);
        drive_field(g, et, {{at, now, 0}}, fld);
        ch = view.choose(target, ty, et, r, fld, ladder);
        if (ch.ok) view.path_to(fld, ch.end, path);
      };
      plan();
      view.edge_times(r, ty, kInf, truth);
      task.planned_drive = ch.ok ? ch.arrive - ch.stop.cost - now : kInf;
      bool arrived = false;
      std::size_t step = 0;
      for (int guard = 0; guard < 100000 && ch.ok; ++guard) {
        if (step < path.size()) {
          const std::size_t e = path[step];
          if (!std::isfinite(truth[e])) {  // blocked, and they did not know
            r.known_since[e] = std::min(r.known_since[e], now);
            ++task.reroutes;
            plan();
            step = 0;
            continue;
          }
          now += et[e];
          at = g.other_end(EdgeId{e}, at);
          ap.path.push_back(at);
          ap.path_time.push_back(static_cast<float>(now));
          ++step;
          continue;
        }
        // At the end of the stop's street: the last part of it.
        const Stop& sp = ch.stop;
        const std::size_t e = sp.edge;
        if (!std::isfinite(truth[e])) {
          r.known_since[e] = std::min(r.known_since[e], now);
          ++task.reroutes;
          plan();
          step = 0;
          continue;
        }
        const double len = std::max(1e-9, static_cast<double>(g.edge_length[e]));
        const double frac = std::clamp(sp.offset / len, 0.0, 1.0);
        now += (g.edge_from[e] == at ? frac : 1.0 - frac) * et[e];
        task.stop = sp.point;
        task.stop_node = frac < 0.5 ? g.edge_from[e] : g.edge_to[e];
        task.hose = ladder ? 0.0 : sp.dist;
        task.hose_lay_delay = ladder ? 0.0 : sp.cost;
        task.ladder_position = ch.ladder_position;
        if (ch.beyond_hose && !ladder) task.note = "beyond_hose";
        arrived = true;
        break;
      }
      if (!arrived) {
        task.note = "no_route";
        task.drive = now - task.dispatched - task.turnout;
        ap.node = at;
        ap.free_at = now;
        r.tasks.push_back(task);
        continue;  // it stays where it got stuck, available again
      }
      task.arrived = now;
      task.drive = now - task.dispatched - task.turnout;
      ap.path.push_back(task.stop_node);
      ap.path_time.push_back(static_cast<float>(now));
      ap.stop = task.stop;
      ap.task = static_cast<std::int32_t>(r.tasks.size());
      ap.free_at = kInf;
      r.tasks.push_back(task);
    }
    inc.requested = std::move(still);
  }

  // 2. Arrivals: tank water joins the incident's supply, pumpers connect to the
  // nearest working hydrant within reach (else a water tender is called), the
  // first pumper on scene is the first engine.
  for (std::size_t q = 0; q < r.tasks.size(); ++q) {
    ApplianceTask& task = r.tasks[q];
    if (task.on_scene || !(task.arrived <= t_end) || task.note == "no_route") continue;
    task.on_scene = true;
    FireIncident& inc = r.incidents[task.incident];
    const ApplianceType& ty = d.types[r.appliances[task.appliance].type];
    inc.water += ty.water;
    if (ty.kind == ApplianceKind::Pumper) {
      // The first engine on scene is the first pumper that can put water on the fire
      // from where it stopped (one stuck beyond its hose does not count).
      if (task.note.empty() && (std::isnan(inc.first_engine) || task.arrived < inc.first_engine)) inc.first_engine = task.arrived;
      // Beyond its hose it cannot put water on the fire from where it stands.
      if (task.note.empty()) task.water_on = task.arrived + p.setup_time + task.hose_lay_delay;
      double best = p.hydrant_reach;
      for (std::size_t h = 0; h < d.hydrants.size(); ++h) {
        if (!r.hydrant_working[h]) continue;
        const double dh = distance(d.hydrants[h].pos, task.stop);
        if (dh <= best) {
          best = dh;
          task.hydrant = static_cast<std::int32_t>(h);
        }
      }
      if (task.hydrant >= 0) {
        task.hydrant_on = task.arrived + p.setup_time + best / p.lay_speed;
      } else if (!inc.tanker_requested) {
        inc.tanker_requested = true;
        r.retry_dispatch = true;
        inc.requested.push_back(static_cast<std::uint8_t>(0x80 | static_cast<std::uint8_t>(ApplianceKind::Tanker)));
      }
    } else if (ty.kind == ApplianceKind::Tanker) {
      // Its round trip to refill at the nearest working hydrant (by road) and back.
      view.edge_times(r, ty, kInf, et);
      src.clear();
      for (std::size_t h = 0; h < d.hydrants.size(); ++h) {
        if (!r.hydrant_working[h]) continue;
        std::vector<NearEdge> near;
        edges_near(service_, g, d.hydrants[h].pos, p.hydrant_reach, near);
        for (const NearEdge& n : near)
          if (std::isfinite(et[n.edge])) {
            src.push_back({g.edge_from[n.edge], n.dist / p.lay_speed, 0});
            src.push_back({g.edge_to[n.edge], n.dist / p.lay_speed, 0});
          }
      }
      drive_field(g, et, src, fld);
      const double one_way = task.stop_node.valid() ? fld.time[task.stop_node.index()] : kInf;
      if (std::isfinite(one_way) && p.hydrant_flow > 0.0)
        task.shuttle = 2.0 * one_way + ty.water / p.hydrant_flow * 60.0 + 2.0 * p.setup_time;
      task.next_delivery = task.arrived + task.shuttle;
    }
  }

  // 3. Water and suppression, per incident.
  std::fill(r.water_flow.begin(), r.water_flow.end(), 0.0f);
  for (std::size_t k = 0; k < r.incidents.size(); ++k) {
    FireIncident& inc = r.incidents[k];
    if (inc.closed) continue;
    double applied = 0.0;
    for (ApplianceTask& task : r.tasks) {
      if (task.incident != k || !task.on_scene) continue;
      const ApplianceType& ty = d.types[r.appliances[task.appliance].type];
      if (ty.kind == ApplianceKind::Tanker && task.next_delivery <= t_end) {
        inc.water += ty.water;
        task.next_delivery += task.shuttle;
      }
      if (ty.kind != ApplianceKind::Pumper || !(task.water_on <= t_end) || !(ty.flow > 0.0)) continue;
      if (task.hydrant_on <= t_end) {
        applied += std::min(ty.flow, p.hydrant_flow);
        continue;
      }
      const double need = ty.flow * dt / 60.0;  // L this step
      if (inc.water >= need) {
        inc.water -= need;
        applied += ty.flow;
      } else {
        applied += inc.water / (dt / 60.0);
        inc.water = 0.0;
        task.waiting_for_water += dt;
      }
    }
    if (!(applied > 0.0)) continue;
    // Fire flow (NFA): the burning buildings of the incident in ignition order; what a
    // building cannot be given in full goes to keeping its neighbours wet.
    const FireNeighbours& nb = desc_.neighbours;
    for (const std::uint32_t b : inc.members) {
      if (!burning(b, t_end) || !(applied > 0.0)) continue;
      const double peak = course_[b].peak_hrr;
      const double involved = peak > 0.0 ? desc_.buildings[b].floor_area * std::min(1.0, f.hrr(b, t_end, course_) / peak) : 0.0;
      int exposures = 0;
      for (std::uint32_t q = nb.offset[b]; q < nb.offset[b + 1]; ++q)
        exposures += std::isnan(f.spread.ignited[nb.to[q]]) && std::isnan(r.protected_from[nb.to[q]]) ? 1 : 0;
      const double base = p.flow_per_area * involved;
      const double needed = base * (1.0 + p.exposure_charge * std::min(exposures, 4));
      r.water_flow[b] = static_cast<float>(std::min(applied, needed));
      if (applied >= needed) {
        r.controlled[b] = static_cast<float>(t_end);
        r.extinguished[b] = static_cast<float>(t_end + p.knockdown);
        applied -= needed;
        for (std::uint32_t q = nb.offset[b]; q < nb.offset[b + 1]; ++q)
          if (std::isnan(f.spread.ignited[nb.to[q]]) && std::isnan(r.protected_from[nb.to[q]]))
            r.protected_from[nb.to[q]] = static_cast<float>(t_end);
        continue;
      }
      const double per_exposure = p.exposure_charge * base;
      for (std::uint32_t q = nb.offset[b]; q < nb.offset[b + 1] && applied >= per_exposure; ++q) {
        const std::uint32_t n = nb.to[q];
        if (!std::isnan(f.spread.ignited[n]) || !std::isnan(r.protected_from[n])) continue;
        r.protected_from[n] = static_cast<float>(t_end);
        applied -= per_exposure;
      }
      applied = 0.0;  // the rest is spent on a fire it cannot yet hold
    }
  }

  // 4. Rescue of residents who cannot leave alone, from every burning building of an
  // incident: by the stairs while the building is not fully involved, else by
  // portable ladder up to its floors, above that by turntable ladder from a set-up area.
  for (std::size_t k = 0; k < r.incidents.size(); ++k) {
    FireIncident& inc = r.incidents[k];
    if (inc.closed) continue;
    for (ApplianceTask& task : r.tasks) {
      if (task.incident != k || !task.on_scene || task.rescue_free > t_end) continue;
      const ApplianceType& ty = d.types[r.appliances[task.appliance].type];
      if (ty.kind == ApplianceKind::Tanker) continue;
      const bool ladder = ty.kind == ApplianceKind::Ladder;
      // The one with the highest dose first.
      std::int64_t pick = -1;
      double pick_time = 0.0;
      float pick_fed = -1.0f;
      for (const std::uint32_t b : inc.members) {
        if (std::isnan(f.spread.ignited[b]) || f.spread.ignited[b] > t_end || f.out_by(b, t_end, course_)) continue;
        const bool involved = f.state_of(b, t_end, course_) == BuildingFireState::FullyInvolved;
        for (std::uint32_t q = residents_offset_[b]; q < residents_offset_[b + 1]; ++q) {
          const std::size_t i = residents_[q].index();
          if (!at_home_needing_help(i) || r.no_ladder[i]) continue;
          const int floor = service_.floor[i];
          double time = 0.0;
          if (!involved || floor == 0) {
            if (ladder) continue;
            time = p.rescue_stairs;
          } else if (floor <= p.portable_ladder_floors) {
            if (ladder) continue;
            time = p.rescue_portable_ladder;
          } else {
            if (!ladder) continue;
            if (!task.ladder_position) {
              r.no_ladder[i] = 1;
              ++task.no_ladder_position;
              continue;
            }
            time = p.rescue_aerial_ladder + (task.ladder_set_up ? 0.0 : p.ladder_setup);
          }
          if (f.fed[i] > pick_fed) {
            pick_fed = f.fed[i];
            pick = static_cast<std::int64_t>(i);
            pick_time = time;
          }
        }
      }
      if (pick < 0) continue;
      if (ladder) task.ladder_set_up = true;
      const double done = std::max(t_end, task.rescue_free) + pick_time;
      r.rescued_time[static_cast<std::size_t>(pick)] = static_cast<float>(done);
      task.rescue_free = done;
      ++task.rescued;
    }
  }

  // 5. An incident whose buildings are all out or under control, with no rescue under
  // way, releases its appliances where they stand.
  for (std::size_t k = 0; k < r.incidents.size(); ++k) {
    FireIncident& inc = r.incidents[k];
    if (inc.closed) continue;
    bool done = true;
    double controlled = 0.0;
    for (const std::uint32_t b : inc.members) {
      const bool held = !std::isnan(r.controlled[b]) && r.controlled[b] <= t_end;
      if (!held && !f.out_by(b, t_end, course_)) done = false;
      if (held) controlled = std::max(controlled, static_cast<double>(r.controlled[b]));
      else controlled = kNaN;
    }
    bool any_task = false;
    for (const ApplianceTask& task : r.tasks)
      if (task.incident == k && task.note != "no_route") {
        any_task = true;
        if (task.rescue_free > t_end || !task.on_scene) done = false;
      }
    if (!done || !any_task) continue;
    inc.closed = true;
    inc.controlled = controlled;
    inc.requested.clear();
    for (const std::uint32_t b : inc.members) {
      const FireNeighbours& nb = desc_.neighbours;
      for (std::uint32_t q = nb.offset[b]; q < nb.offset[b + 1]; ++q)
        if (std::isnan(f.spread.ignited[nb.to[q]])) r.protected_from[nb.to[q]] = kNaNF;
    }
    for (std::size_t q = 0; q < r.tasks.size(); ++q) {
      const ApplianceTask& task = r.tasks[q];
      if (task.incident != k || task.note == "no_route") continue;
      ApplianceRun& ap = r.appliances[task.appliance];
      if (ap.task != static_cast<std::int32_t>(q)) continue;
      ap.task = -1;
      ap.free_at = t_end;
      ap.node = task.stop_node;
      ap.manned = true;
      r.retry_dispatch = true;
    }
  }
  // First alarm complete: every appliance of the first alarm on scene.
  for (std::size_t k = 0; k < r.incidents.size(); ++k) {
    FireIncident& inc = r.incidents[k];
    if (!std::isnan(inc.first_alarm_complete) || inc.put_out_by_residents) continue;
    std::size_t n = 0;
    double last = 0.0;
    for (const ApplianceTask& task : r.tasks)
      if (task.incident == k && task.first_alarm && task.on_scene) {
        ++n;
        last = std::max(last, task.arrived);
      }
    if (n >= p.first_alarm.size()) inc.first_alarm_complete = last;
  }
}

}  // namespace ss
