// FireHazard::prepare() and start() for the fire service: the lanes as mapped and
// surveyed, storeys and floors, ladder set-up areas; per run the hydrants, extinguishers,
// the cars drawn in the lanes and the response time to every building.
#include "engine/hazards/fire/fire_service.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <utility>

#include "engine/core/model.hpp"
#include "engine/core/rng.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"
#include "engine/hazards/fire/fire_service_routes.hpp"

namespace ss {

using namespace fire_service_detail;

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
    std::vector<std::vector<std::tuple<std::uint32_t, std::uint32_t, float>>> cells(
        static_cast<std::size_t>(prep.nx) * prep.ny);
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
            cells[static_cast<std::size_t>(y) * prep.nx + x].emplace_back(static_cast<std::uint32_t>(e), k,
                                                                          off);
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
      if (std::find(p.closing_barriers.begin(), p.closing_barriers.end(), b.kind) == p.closing_barriers.end())
        continue;
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
    prep.floor[i] =
        static_cast<std::uint8_t>(std::min<int>(prep.levels[b] - 1, static_cast<int>(u * prep.levels[b])));
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
    r.hydrant_working[h] =
        d.hydrants[h].working >= 0
            ? static_cast<std::uint8_t>(d.hydrants[h].working)
            : static_cast<std::uint8_t>(uniform01(seed, kHydrantPurpose, h, 0) >= p.hydrant_out_of_service);
  r.extinguisher.assign(nb, 0);
  for (std::size_t b = 0; b < nb; ++b)
    r.extinguisher[b] =
        static_cast<std::uint8_t>(uniform01(seed, kExtinguisherPresent, b, 0) < p.extinguisher_share);
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

}  // namespace ss
