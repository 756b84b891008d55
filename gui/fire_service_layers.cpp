#include "gui/fire_service_layers.hpp"

#include <algorithm>
#include <cmath>

#include "gui/map_layers.hpp"
#include "gui/map_shapes.hpp"
#include "gui/map_style.hpp"

namespace ss::gui {
namespace {

// Lane lines: a carriageway's single lane inside the street (at least
// style::kLaneMinPx so the class reads when zoomed out); ways not for vehicles
// thinner, they are background. Blocked lanes a little wider than the lane they
// cover. Pixel sizes are gui/map_style.hpp's, times the UI scale.
constexpr float kLaneM = 3.0f;
constexpr float kFootLaneM = 1.5f;
constexpr float kBlockedM = 3.5f;
using style::scaled;

Vec2 node_pos(const StreetGraph& g, NodeId n) { return g.node_pos[n.index()]; }

// The street a drive took from u to v: of the streets joining them, the one quickest
// for appliances (the drive follows the fastest route).
EdgeId edge_between(const StreetGraph& g, const FireLanes& lanes, NodeId u, NodeId v) {
  EdgeId best;
  float best_t = INFINITY;
  for (const EdgeId e : g.incident(u)) {
    if (g.other_end(e, u) != v) continue;
    const float tt = e.index() < lanes.travel_time.size() ? lanes.travel_time[e.index()] : 0.0f;
    if (!best.valid() || tt < best_t) best = e, best_t = tt;
  }
  return best;
}

// The point a share f (0..1) of the way along street e's shape, starting from its end `from`.
Vec2 along(const StreetGraph& g, EdgeId e, NodeId from, double f) {
  const auto pts = g.shape(e);
  if (pts.empty()) return node_pos(g, from);
  if (pts.size() == 1) return pts[0];
  if (g.edge_from[e.index()] != from) f = 1.0 - f;
  double total = 0.0;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) total += distance(pts[i], pts[i + 1]);
  double want = std::clamp(f, 0.0, 1.0) * total;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const double d = distance(pts[i], pts[i + 1]);
    if (want <= d && d > 0) return pts[i] + (pts[i + 1] - pts[i]) * (want / d);
    want -= d;
  }
  return pts.back();
}

// Street e's shape as dashes of `on` m every `on + off` m, `width` m wide, in local metres.
void append_dashed(sf::VertexArray& va, const StreetGraph& g, EdgeId e, float width, float on, float off,
                   sf::Color col, Vec2 origin) {
  const auto pts = g.shape(e);
  const float period = on + off;
  float phase = 0.0f;  // m into the current period, carried across the shape's bends
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const sf::Vector2f a(static_cast<float>(pts[i].x - origin.x), static_cast<float>(pts[i].y - origin.y));
    const sf::Vector2f b(static_cast<float>(pts[i + 1].x - origin.x),
                         static_cast<float>(pts[i + 1].y - origin.y));
    const sf::Vector2f d = b - a;
    const float len = std::hypot(d.x, d.y);
    if (len <= 0) continue;
    const sf::Vector2f u = d / len;
    float s = 0.0f;
    while (s < len) {
      if (phase < on) {
        const float step = std::min(on - phase, len - s);
        append_segment(va, a + u * s, a + u * (s + step), width, col);
        s += step, phase += step;
      } else {
        const float step = std::min(period - phase, len - s);
        s += step, phase += step;
      }
      if (phase >= period) phase -= period;
    }
  }
}

bool on_screen(const Camera& cam, sf::Vector2f p, float margin) {
  const sf::FloatRect vp = cam.viewport();
  return p.x >= vp.left - margin && p.x <= vp.left + vp.width + margin && p.y >= vp.top - margin &&
         p.y <= vp.top + vp.height + margin;
}

}  // namespace

const FireHazard* find_fire_service(const Model& model) {
  const FireHazard* fire = find_fire(model);
  return fire && fire->desc().service.enabled ? fire : nullptr;
}

LaneProblem lane_problem(const FireHazard& fire, const StreetGraph& g, std::size_t e, float clear_width,
                         bool closed) {
  // The engine's rule (the same as fire/lanes.gpkg), for the first pumper type.
  const FireServiceDesc& d = fire.desc().service;
  return ss::lane_problem(d, fire.service().lanes, g, e, first_pumper(d), clear_width, closed);
}

const char* to_string(ApplianceStage s) {
  switch (s) {
    case ApplianceStage::AtStation: return "at station";
    case ApplianceStage::TurningOut: return "turning out";
    case ApplianceStage::Driving: return "driving";
    case ApplianceStage::OnScene: return "on scene";
    case ApplianceStage::Standing: return "standing";
  }
  return "?";
}

void appliance_positions(const Model& model, const FireHazard& fire, const FireRun& run, double t,
                         std::vector<ApplianceMark>& out) {
  const FireServiceDesc& d = fire.desc().service;
  const FireServiceRun& r = run.service;
  const StreetGraph& g = model.world.streets;
  out.resize(r.appliances.size());
  for (std::size_t a = 0; a < r.appliances.size(); ++a) {
    const ApplianceRun& ap = r.appliances[a];
    ApplianceMark& m = out[a];
    m.kind = ap.type < d.types.size() ? d.types[ap.type].kind : ApplianceKind::Pumper;
    const FireStation* st = ap.station < d.stations.size() ? &d.stations[ap.station] : nullptr;
    const bool on_task = ap.task >= 0 && static_cast<std::size_t>(ap.task) < r.tasks.size();
    const std::vector<NodeId>& P = ap.path;
    const std::vector<float>& T = ap.path_time;
    const bool home = st && (!ap.node.valid() || ap.node == st->node);
    if (P.empty() || T.size() != P.size()) {
      m.pos = home || !ap.node.valid() ? (st ? st->pos : Vec2{}) : node_pos(g, ap.node);
      m.stage = home ? ApplianceStage::AtStation : ApplianceStage::Standing;
      continue;
    }
    if (t >= T.back()) {  // the drive is over: on scene at its stop, or standing where it ended
      if (on_task) {
        m.pos = ap.stop;
        m.stage = ApplianceStage::OnScene;
      } else {
        m.pos = home ? st->pos : node_pos(g, ap.node.valid() ? ap.node : P.back());
        m.stage = home ? ApplianceStage::AtStation : ApplianceStage::Standing;
      }
      continue;
    }
    if (t < T.front()) {  // alarmed, turning out where the drive starts
      m.pos = st && P.front() == st->node ? st->pos : node_pos(g, P.front());
      m.stage = ApplianceStage::TurningOut;
      continue;
    }
    // The stretch of the drive under way: T[i] <= t < T[i + 1].
    const auto it = std::upper_bound(T.begin(), T.end(), static_cast<float>(t));
    const std::size_t i = static_cast<std::size_t>(it - T.begin()) - 1;
    const double span = static_cast<double>(T[i + 1]) - T[i];
    const double f = span > 0 ? (t - T[i]) / span : 1.0;
    m.stage = ApplianceStage::Driving;
    if (on_task && i + 2 == P.size()) {  // the last junction to the stop on its street
      const Vec2 from = node_pos(g, P[i]);
      m.pos = from + (ap.stop - from) * f;
      continue;
    }
    const EdgeId e = P[i] == P[i + 1] ? EdgeId{} : edge_between(g, fire.service().lanes, P[i], P[i + 1]);
    m.pos = e.valid() ? along(g, e, P[i], f) : node_pos(g, P[i + 1]);
  }
}

std::int64_t first_pumper_task(const FireHazard& fire, const FireRun& run, std::int64_t k) {
  const FireServiceRun& r = run.service;
  const std::vector<ApplianceType>& types = fire.desc().service.types;
  if (r.incidents.empty()) return -1;
  if (k < 0) k = static_cast<std::int64_t>(r.incidents.size()) - 1;
  std::int64_t best = -1;
  for (std::size_t q = 0; q < r.tasks.size(); ++q) {
    const ApplianceTask& task = r.tasks[q];
    // As the engine counts the first engine: any pumper's arrival (no_route: none).
    if (static_cast<std::int64_t>(task.incident) != k || !std::isfinite(task.arrived)) continue;
    const std::uint8_t type = task.appliance < r.appliances.size() ? r.appliances[task.appliance].type : 0xFF;
    if (type >= types.size() || types[type].kind != ApplianceKind::Pumper) continue;
    if (best < 0 || task.arrived < r.tasks[static_cast<std::size_t>(best)].arrived)
      best = static_cast<std::int64_t>(q);
  }
  return best;
}

void FireServiceLayer::reset() {
  lanes_.clear();
  lanes_scale_ = -1.0;
  blocked_edges_.clear();
  blocked_.clear();
  blocked_seed_ = ~0ull;
  blocked_obstructions_ = ~std::size_t{0};
  blocked_step_ = 0;
  blocked_known_ = ~std::size_t{0};
  blocked_scale_ = -1.0;
  points_built_ = false;
  points_.clear();
  marks_.clear();
  engines_.clear();
}

void FireServiceLayer::update_lanes(const Model& model, Vec2 origin, double scale, float ui_scale) {
  const FireHazard* fire = find_fire_service(model);
  if (!fire) {
    lanes_.clear();
    return;
  }
  if (lanes_scale_ > 0 && ui_scale == lanes_ui_ && std::abs(std::log(scale / lanes_scale_)) < 0.15) return;
  lanes_scale_ = scale;
  lanes_ui_ = ui_scale;
  origin_ = origin;
  lanes_.clear();
  const StreetGraph& g = model.world.streets;
  const FireLanes& L = fire->service().lanes;
  const float lane = std::max(kLaneM, static_cast<float>(scaled(style::kLaneMinPx, ui_scale) / scale));
  const float foot =
      std::max(kFootLaneM, static_cast<float>(scaled(style::kFootLaneMinPx, ui_scale) / scale));
  // Ways not for vehicles first, then usable lanes, problems last: at a junction the
  // problem shows.
  for (int pass = 0; pass < 3; ++pass) {
    for (std::size_t e = 0; e < g.edge_count() && e < L.clear_width.size(); ++e) {
      const LaneProblem p = lane_problem(*fire, g, e, L.clear_width[e], L.closed[e] != 0);
      const int rank = p == LaneProblem::NotForVehicles ? 0 : p == LaneProblem::None ? 1 : 2;
      if (rank != pass) continue;
      const Rgb c = p == LaneProblem::NotForVehicles ? kLaneNoVehicles
                    : p == LaneProblem::None         ? kLaneUsable
                    : p == LaneProblem::Closed       ? kLaneClosed
                                                     : kLaneLimited;
      append_edge_quads(lanes_, g, EdgeId{e}, rank == 0 ? foot : lane, to_sf(c), origin);
    }
  }
}

void FireServiceLayer::update(const Model& model, const SimState& state, const Camera& cam,
                              const Layers& layers, float ui_scale) {
  // A new UI scale redraws the blocked lanes (their widths and dashes are in pixels);
  // the hydrants and stations see it in their key.
  if (ui_scale != ui_) blocked_scale_ = -1.0, blocked_known_ = ~std::size_t{0};
  ui_ = ui_scale;
  engines_.clear();
  marks_.clear();
  const FireHazard* fire = find_fire_service(model);
  const FireRun* run = fire ? find_fire_run(model, state) : nullptr;
  if (!run) {
    blocked_.clear();
    blocked_scale_ = -1.0;
    points_.clear();
    points_built_ = false;
    return;
  }
  const double t = state.time(model.run.dt);
  origin_ = cam.origin();
  if (layers.lanes) {
    // A restart runs the service again (the step goes back); a live obstruction
    // adds to the run's list; anything else that changes is what dispatch knows.
    if (run->service.seed != blocked_seed_ || run->service.obstructions.size() != blocked_obstructions_ ||
        state.step < blocked_step_)
      blocked_known_ = ~std::size_t{0}, blocked_scale_ = -1.0;
    update_blocked(model, *fire, *run, t, cam.scale());
    blocked_step_ = state.step;
  } else {
    blocked_scale_ = -1.0;  // rebuilt when shown again
  }
  if (layers.hydrants || layers.stations)
    update_points(*fire, *run, cam, layers.hydrants, layers.stations);
  else
    points_.clear(), points_built_ = false;
  if (layers.engines) update_engines(model, *fire, *run, t, cam);
}

void FireServiceLayer::update_blocked(const Model& model, const FireHazard& fire, const FireRun& run,
                                      double t, double scale) {
  const FireServiceRun& r = run.service;
  const StreetGraph& g = model.world.streets;
  const FireLanes& L = fire.service().lanes;
  if (blocked_scale_ < 0) {  // a new run: its blocked lanes, once
    blocked_edges_.clear();
    const std::size_t ne =
        std::min({g.edge_count(), L.clear_width.size(), r.true_width.size(), r.true_closed.size()});
    for (std::size_t e = 0; e < ne; ++e) {
      if (lane_problem(fire, g, e, L.clear_width[e], L.closed[e] != 0) != LaneProblem::None) continue;
      if (lane_problem(fire, g, e, r.true_width[e], r.true_closed[e] != 0) == LaneProblem::None) continue;
      blocked_edges_.push_back(static_cast<std::uint32_t>(e));
    }
    blocked_seed_ = r.seed;
    blocked_obstructions_ = r.obstructions.size();
  }
  std::size_t known = 0;
  for (const std::uint32_t e : blocked_edges_)
    known += e < r.known_since.size() && r.known_since[e] <= t ? 1 : 0;
  const bool zoomed = blocked_scale_ > 0 && std::abs(std::log(scale / blocked_scale_)) >= 0.15;
  if (known == blocked_known_ && blocked_scale_ > 0 && !zoomed) return;
  blocked_known_ = known;
  blocked_scale_ = scale;
  blocked_.clear();
  const float w = std::max(kBlockedM, static_cast<float>(scaled(style::kBlockedMinPx, ui_) / scale));
  const auto on = static_cast<float>(scaled(style::kDashOnPx, ui_) / scale);
  const auto off = static_cast<float>(scaled(style::kDashOffPx, ui_) / scale);
  const sf::Color c = to_sf(kLaneBlocked);
  for (const std::uint32_t e : blocked_edges_) {
    if (e < r.known_since.size() && r.known_since[e] <= t)
      append_edge_quads(blocked_, g, EdgeId{e}, w, c, origin_);
    else
      append_dashed(blocked_, g, EdgeId{e}, w, on, off, c, origin_);
  }
}

void FireServiceLayer::update_points(const FireHazard& fire, const FireRun& run, const Camera& cam,
                                     bool hydrants, bool stations) {
  const sf::FloatRect vp = cam.viewport();
  const PointsKey key{cam.center().x, cam.center().y,   cam.scale(), vp.left,  vp.top, vp.width,
                      vp.height,      run.service.seed, hydrants,    stations, ui_};
  if (points_built_ && key == points_key_) return;
  points_key_ = key;
  points_built_ = true;
  points_.clear();
  const FireServiceDesc& d = fire.desc().service;
  const sf::Color ink = to_sf(Rgb{10, 10, 10});
  if (hydrants) {
    // ~150 m apart: a few pixels apart zoomed out, so smaller there.
    const float half = scaled(cam.scale() >= 0.5   ? style::kHydrantHalfPx
                              : cam.scale() >= 0.2 ? 3.0f
                                                   : 2.0f,
                              ui_);
    const float rim = scaled(style::kFireMarkRimPx, ui_);
    const std::vector<std::uint8_t>& working = run.service.hydrant_working;
    for (std::size_t h = 0; h < d.hydrants.size(); ++h) {
      const sf::Vector2f p = cam.to_screen(d.hydrants[h].pos);
      if (!on_screen(cam, p, 2 * half)) continue;
      const bool ok = h < working.size() && working[h] != 0;
      append_diamond(points_, p, half + rim, ink);
      append_diamond(points_, p, half, to_sf(ok ? kHydrantWorking : kHydrantOut));
    }
  }
  if (stations) {
    for (const FireStation& st : d.stations) {
      const sf::Vector2f p = cam.to_screen(st.pos);
      const float half = scaled(style::kStationHalfPx, ui_);
      if (!on_screen(cam, p, 2 * half)) continue;
      append_square(points_, p, half + scaled(style::kStationRimPx, ui_), to_sf(kSelection));
      append_square(points_, p, half, to_sf(kStation));
    }
  }
}

void FireServiceLayer::update_engines(const Model& model, const FireHazard& fire, const FireRun& run,
                                      double t, const Camera& cam) {
  const FireServiceRun& r = run.service;
  const FireServiceDesc& d = fire.desc().service;
  const FireServiceParams& p = d.params;
  appliance_positions(model, fire, run, t, marks_);
  const float hose = scaled(style::kHosePx, ui_);
  // Hose and supply lines of every appliance on scene: the hose from where it stopped
  // to the building it attacks, growing at the crews' lay speed; the supply line to
  // its hydrant whole (so one sees which hydrant), faint until connected.
  for (std::size_t a = 0; a < r.appliances.size(); ++a) {
    const ApplianceRun& ap = r.appliances[a];
    if (ap.task < 0 || static_cast<std::size_t>(ap.task) >= r.tasks.size()) continue;
    const ApplianceTask& task = r.tasks[static_cast<std::size_t>(ap.task)];
    if (!(task.arrived <= t) || marks_[a].kind == ApplianceKind::Ladder) continue;
    const double laid = (t - task.arrived) * std::max(p.lay_speed, 1e-6);
    const sf::Vector2f from = cam.to_screen(task.stop);
    // A note on an arrival (beyond_hose: the building lies beyond its hose from the
    // nearest place it could stop) means no attack line.
    if (task.note.empty() && task.building < model.world.buildings.size()) {
      const Vec2 b = model.world.buildings[task.building].centroid;
      const double len = distance(task.stop, b);
      const double f = len > 0 ? std::min(1.0, laid / len) : 1.0;
      append_segment(engines_, from, cam.to_screen(task.stop + (b - task.stop) * f), hose, to_sf(kHose));
    }
    if (task.hydrant >= 0 && static_cast<std::size_t>(task.hydrant) < d.hydrants.size()) {
      const Vec2 h = d.hydrants[static_cast<std::size_t>(task.hydrant)].pos;
      append_segment(engines_, from, cam.to_screen(h), hose,
                     to_sf(kSupplyLine, t >= task.hydrant_on ? 255 : 110));
    }
  }
  // Appliances over their lines; those in their station are the station's symbol.
  // Appliances at one spot (a first alarm on scene, a convoy) side by side, in
  // appliance order, so each kind shows.
  placed_.clear();
  for (const ApplianceMark& m : marks_) {
    if (m.stage == ApplianceStage::AtStation) continue;
    sf::Vector2f c = cam.to_screen(m.pos);
    const float full = scaled(style::kApplianceHalfPx, ui_);
    if (!on_screen(cam, c, 2 * full)) continue;
    const float half =
        m.stage == ApplianceStage::Standing ? full - scaled(style::kApplianceStandingPx, ui_) : full;
    const float step = scaled(style::kApplianceStepPx, ui_);
    for (bool moved = true; moved;) {
      moved = false;
      for (const sf::Vector2f q : placed_)
        if (std::abs(q.x - c.x) < step - 0.5f && std::abs(q.y - c.y) < step - 0.5f)
          c.x = q.x + step, moved = true;
    }
    placed_.push_back(c);
    append_square(engines_, c, half + scaled(style::kFireMarkRimPx, ui_), to_sf(Rgb{10, 10, 10}));
    append_square(engines_, c, half, to_sf(kApplianceColour[static_cast<std::size_t>(m.kind)]));
  }
}

}  // namespace ss::gui
