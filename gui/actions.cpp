#include "gui/actions.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "engine/core/state_hash.hpp"
#include "gui/drill_mode.hpp"
#include "gui/fire_service_layers.hpp"
#include "gui/timeline.hpp"

namespace ss::gui {

void open_scene(AppContext& ctx, SceneSource src, std::optional<std::uint64_t> seed) {
  // The journal describes one run: a drill's scene is not swapped under it.
  if (ctx.drill && ctx.drill->active())
    return ctx.messages.error(
        "a drill is running: its journal describes this run; start another drill instead");
  ctx.messages.info("loading " + src.label());
  ctx.time.playing = false;
  ctx.session.load(std::move(src), seed);
}

void restart(AppContext& ctx, std::uint64_t seed) {
  if (!ctx.session.ready()) return ctx.messages.error("nothing to restart: no scene is loaded");
  if (ctx.drill && ctx.drill->active())
    return ctx.messages.error(
        "a drill is running: its journal describes this run; start another drill instead");
  ctx.session.restart(seed);
  ctx.view.selection = {};
  ctx.messages.info("restarted with seed " + std::to_string(seed));
}

bool set_road_closed(AppContext& ctx, EdgeId e, bool closed, const std::string& note) {
  if (!ctx.session.ready()) return ctx.messages.error("no scene is loaded"), false;
  if (!e.valid() || e.index() >= ctx.session.model().world.streets.edge_count())
    return ctx.messages.error("there is no street " + std::to_string(e.value)), false;
  Intervention iv;
  iv.kind = closed ? Intervention::Kind::CloseRoad : Intervention::Kind::OpenRoad;
  iv.target = e.value;
  iv.note = note;
  if (!ctx.session.apply(iv))
    return ctx.messages.error("the engine refused to change street " + std::to_string(e.value)), false;
  return true;
}

bool set_shelter_closed(AppContext& ctx, ShelterId s, bool closed, const std::string& note) {
  if (!ctx.session.ready()) return ctx.messages.error("no scene is loaded"), false;
  if (!s.valid() || s.index() >= ctx.session.model().world.shelters.size())
    return ctx.messages.error("there is no shelter " + std::to_string(s.value)), false;
  Intervention iv;
  iv.kind = closed ? Intervention::Kind::CloseShelter : Intervention::Kind::OpenShelter;
  iv.target = s.value;
  iv.note = note;
  if (!ctx.session.apply(iv))
    return ctx.messages.error("the engine refused to change shelter " + std::to_string(s.value)), false;
  return true;
}

bool request_mutual_aid(AppContext& ctx, std::size_t offer, const std::string& note) {
  if (!ctx.session.ready()) return ctx.messages.error("no scene is loaded"), false;
  const auto& offers = ctx.session.model().plan.response.mutual_aid;
  if (offer >= offers.size())
    return ctx.messages.error("the plan has no mutual-aid offer " + std::to_string(offer)), false;
  const auto& asked = ctx.session.state().response.aid_requested;
  if (offer < asked.size() && !std::isnan(asked[offer]))
    return ctx.messages.error(offers[offer].name + " was already requested at " + format_clock(asked[offer])),
           false;
  Intervention iv;
  iv.kind = Intervention::Kind::RequestMutualAid;
  iv.target = static_cast<std::uint32_t>(offer);
  iv.note = note;
  if (!ctx.session.apply(iv))
    return ctx.messages.error("the engine refused the request for " + offers[offer].name), false;
  return true;
}

namespace {

bool inside_map(const AppContext& ctx, Vec2 w) {
  // A margin of 50 m so a click on a street at the very edge still counts.
  Box b = ctx.map.bounds();
  b.extend(b.min - Vec2{50, 50});
  b.extend(b.max + Vec2{50, 50});
  return b.contains(w);
}

// Pending interventions take effect at the next step; until then the state still
// shows the old status, so a second click in the same frame must see the pending one.
bool road_will_be_closed(const SimState& s, EdgeId e) {
  bool closed = s.edge_closed[e.index()] != 0;
  for (const Intervention& iv : s.pending) {
    if (iv.target != e.value) continue;
    if (iv.kind == Intervention::Kind::CloseRoad) closed = true;
    if (iv.kind == Intervention::Kind::OpenRoad) closed = false;
  }
  return closed;
}

}  // namespace

void click_map(AppContext& ctx, sf::Vector2f pixel) {
  if (!ctx.session.ready()) return ctx.messages.error("no scene is loaded: open a scenario or a demo first");
  const Vec2 w = ctx.map.camera().to_world(pixel);
  if (!inside_map(ctx, w)) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "click outside the map at (%.0f, %.0f) m", w.x, w.y);
    return ctx.messages.error(buf);
  }
  if (ctx.view.mode == ClickMode::StartFire) {
    start_fire_at(ctx, w, "clicked on the map");
    return;
  }
  if (ctx.view.mode == ClickMode::ToggleRoad) {
    const EdgeHit hit = ctx.map.street_at(ctx.session.streets(), w);
    if (!hit.edge.valid())
      return ctx.messages.error("no street under the click: zoom in or click closer to a street");
    const bool close = !road_will_be_closed(ctx.session.state(), hit.edge);
    if (set_road_closed(ctx, hit.edge, close, "clicked on the map"))
      ctx.view.selection = {Selection::Kind::Street, hit.edge.value};
    return;
  }
  ctx.view.selection = ctx.map.pick(ctx.session.model(), ctx.session.streets(), pixel);
}

void click_world(AppContext& ctx, Vec2 world) { click_map(ctx, ctx.map.camera().to_screen(world)); }

std::string target_label(const PlanTarget& t) {
  char buf[128];
  const char* from = t.after_warning ? "after warning" : "after start";
  switch (t.kind) {
    case TargetKind::VulnerableReachedWithin:
      std::snprintf(buf, sizeof buf, "all needing help reached in %g min %s", t.minutes, from);
      break;
    case TargetKind::ShareSafeWithin:
      std::snprintf(buf, sizeof buf, "%g %% safe in %g min %s", 100 * t.share, t.minutes, from);
      break;
    case TargetKind::NoShelterOverCapacity: std::snprintf(buf, sizeof buf, "no shelter over capacity"); break;
    case TargetKind::ResponseWithin:
      std::snprintf(buf, sizeof buf, "%g %% of responses in %g min", 100 * t.share, t.minutes);
      break;
    case TargetKind::WarnedWithin:
      std::snprintf(buf, sizeof buf, "%g %% warned in %g min %s", 100 * t.share, t.minutes, from);
      break;
    case TargetKind::HazardKpiAtMost: {
      const bool seconds = t.kpi.size() > 2 && t.kpi.compare(t.kpi.size() - 2, 2, "_s") == 0;
      if (seconds)
        std::snprintf(buf, sizeof buf, "%s at most %g min", t.kpi.c_str(), t.at_most / 60.0);
      else
        std::snprintf(buf, sizeof buf, "%s at most %g", t.kpi.c_str(), t.at_most);
      break;
    }
  }
  return buf;
}

std::string target_measured(const TargetResult& r) {
  if (!r.detail.empty()) return r.detail;
  if (!r.measured) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3g %s", *r.measured, r.unit.c_str());
  return buf;
}

const RunMetrics& current_metrics(AppContext& ctx, bool fresh) {
  MetricsCache& c = ctx.metrics;
  if (!ctx.session.ready()) return c.metrics;
  const SimState& s = ctx.session.state();
  const bool other_run = c.generation != ctx.session.generation() || c.seed != ctx.session.seed();
  if (other_run || (s.step != c.step && (fresh || ctx.wall - c.wall >= 0.25)) || s.step < c.step) {
    const Model& m = ctx.session.model();
    c.metrics = compute_metrics(m, s);
    c.open_tasks = c.taken_tasks = 0;
    for (const Task& t : s.response.tasks) c.open_tasks += t.open, c.taken_tasks += t.open && t.taken;
    if (!m.plan.response.teams.empty()) c.response = response_metrics(m, s);
    if (!m.plan.targets.empty()) c.targets = evaluate_targets(m, s, ctx.session.sim().finished());
    c.step = s.step;
    c.generation = ctx.session.generation();
    c.seed = ctx.session.seed();
    c.wall = ctx.wall;
  }
  return c.metrics;
}

std::string json_escape(const std::string& s) {
  std::string o;
  for (const char ch : s) {
    if (ch == '"' || ch == '\\')
      o += '\\', o += ch;
    else if (static_cast<unsigned char>(ch) < 0x20)
      o += ' ';
    else
      o += ch;
  }
  return o;
}

bool write_whole_file(AppContext& ctx, const std::string& path, const std::string& text) {
  // Temporary file + rename: a reader never sees half a summary.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp);
    f << text;
    if (!f) return ctx.messages.error("cannot write " + path), false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return ctx.messages.error("cannot write " + path), false;
  return true;
}

bool write_state_summary(AppContext& ctx, const std::string& path) {
  std::ostringstream j;
  j << "{\n  \"loaded\": " << (ctx.session.ready() ? "true" : "false");
  j << ",\n  \"errors\": " << ctx.messages.error_count();
  j << ",\n  \"last_error\": \"" << json_escape(ctx.messages.lines().empty() ? "" : ctx.messages.banner())
    << "\"";
  if (ctx.session.ready()) {
    current_metrics(ctx, true);  // the targets below as the panel shows them
    const Model& m = ctx.session.model();
    const SimState& s = ctx.session.state();
    j << ",\n  \"scene\": \"" << json_escape(ctx.session.source().label()) << "\"";
    j << ",\n  \"seed\": " << ctx.session.seed();
    j << ",\n  \"time\": " << ctx.session.sim().time() << ",\n  \"step\": " << s.step;
    j << ",\n  \"state_hash\": \"" << state_hash_hex(state_hash(s)) << "\"";
    j << ",\n  \"residents\": " << m.population.size() << ",\n  \"by_status\": {";
    std::array<std::uint64_t, kStatusCount> n{};
    for (const Status st : s.status) ++n[static_cast<std::size_t>(st)];
    for (std::size_t k = 0; k < kStatusCount; ++k)
      j << (k ? ", " : "") << '"' << to_string(static_cast<Status>(k)) << "\": " << n[k];
    j << "},\n  \"closed_edges\": [";
    bool first = true;
    for (std::size_t e = 0; e < s.edge_closed.size(); ++e)
      if (s.edge_closed[e]) j << (first ? "" : ", ") << e, first = false;
    j << "],\n  \"pending_interventions\": " << s.pending.size();
    j << ",\n  \"closed_shelters\": [";
    first = true;
    for (std::size_t i = 0; i < s.shelter_closed.size(); ++i)
      if (s.shelter_closed[i]) j << (first ? "" : ", ") << i, first = false;
    j << "],\n  \"open_tasks\": " << ctx.metrics.open_tasks;
    j << ",\n  \"targets\": [";
    const auto& targets = ctx.metrics.targets;
    for (std::size_t i = 0; i < targets.size(); ++i)
      j << (i ? ",\n    " : "\n    ") << "{\"kind\": \"" << to_string(targets[i].target.kind)
        << "\", \"status\": \"" << to_string(targets[i].status) << "\", \"measured\": \""
        << json_escape(target_measured(targets[i])) << "\"}";
    j << "],\n  \"journal\": [";
    for (std::size_t i = 0; i < s.records.journal.size(); ++i) {
      const JournalEntry& e = s.records.journal[i];
      j << (i ? ",\n    " : "\n    ") << "{\"time\": " << e.time << ", \"kind\": \""
        << to_string(e.intervention.kind) << "\", \"target\": " << e.intervention.target << ", \"note\": \""
        << json_escape(e.intervention.note) << "\"}";
    }
    j << "]";
    // The timeline scrubber: the time reached, its snapshots and its marks.
    const SnapshotStore& h = ctx.session.history();
    std::size_t injects = 0, decisions = 0;
    for (const TimelineMark& k : timeline_marks(m, h, ctx.session.sim().time()))
      ++(k.inject ? injects : decisions);
    j << ",\n  \"timeline\": {\"reached\": " << static_cast<double>(h.furthest_step()) * m.run.dt
      << ", \"snapshots\": " << h.snapshots().size() << ", \"snapshot_bytes\": " << h.bytes()
      << ", \"injects\": " << injects << ", \"decisions\": " << decisions << "}";
    // What the map shows (as of the last frame): late residents in view, teams with a
    // route drawn along the streets, the names written on the map.
    // The sizes the map drew with at the UI scale (gui/map_style.hpp), px.
    const style::MapSizes& z = ctx.map.sizes();
    j << ",\n  \"map\": {\"late_in_view\": " << ctx.map.late_count()
      << ", \"team_routes\": " << ctx.map.team_routes() << ", \"ui_scale\": " << z.ui
      << ", \"sizes\": {\"dot\": " << z.dot << ", \"late_dot\": " << z.late_dot
      << ", \"late_rim\": " << z.late_rim << ", \"team_half\": " << z.team_half
      << ", \"shelter_half\": " << z.shelter_half << ", \"shelter_bar_h\": " << z.shelter_bar_h
      << ", \"closed_min\": " << z.closed_min << ", \"zone_edge\": " << z.zone_edge
      << ", \"pick_resident\": " << z.pick_resident << "}"
      << ", \"labels\": [";
    const auto& labels = ctx.map.placed_labels();
    for (std::size_t i = 0; i < labels.size(); ++i)
      j << (i ? ", " : "") << "{\"kind\": \"" << labels[i].kind << "\", \"text\": \""
        << json_escape(labels[i].text) << "\"}";
    j << "]}";
    // The fire service: each incident's times (s, null before they happen) and the
    // appliances on scene, as the fire-service panel shows them.
    if (const FireHazard* fire = find_fire_service(m)) {
      if (const FireRun* run = find_fire_run(m, s)) {
        auto num = [&](double v) { return std::isnan(v) ? std::string("null") : std::to_string(v); };
        const double t = ctx.session.sim().time();
        const FireServiceRun& r = run->service;
        std::vector<ApplianceMark> marks;
        appliance_positions(m, *fire, *run, t, marks);
        std::size_t on_scene = 0, driving = 0;
        for (const ApplianceMark& a : marks) {
          on_scene += a.stage == ApplianceStage::OnScene ? 1 : 0;
          driving += a.stage == ApplianceStage::Driving ? 1 : 0;
        }
        j << ",\n  \"fire_service\": {\"appliances\": " << marks.size() << ", \"on_scene\": " << on_scene
          << ", \"driving\": " << driving << ", \"tasks\": " << r.tasks.size() << ", \"incidents\": [";
        for (std::size_t k = 0; k < r.incidents.size(); ++k) {
          const FireIncident& inc = r.incidents[k];
          j << (k ? ",\n    " : "\n    ") << "{\"origin\": " << inc.origin
            << ", \"ignited\": " << num(inc.ignited) << ", \"first_engine\": " << num(inc.first_engine)
            << ", \"first_alarm_complete\": " << num(inc.first_alarm_complete)
            << ", \"controlled\": " << num(inc.controlled) << ", \"buildings\": " << inc.buildings << "}";
        }
        j << "]}";
      }
    }
  }
  j << "\n}\n";
  return write_whole_file(ctx, path, j.str());
}

}  // namespace ss::gui
