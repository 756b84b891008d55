#include "gui/script.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engine/hazards/fire/fire_hazard.hpp"
#include "gui/actions.hpp"
#include "gui/drill_mode.hpp"
#include "gui/fire_service_layers.hpp"
#include "gui/panels.hpp"
#include "gui/timeline.hpp"
#include "gui/ui_dump.hpp"

namespace ss::gui {

Script Script::from_file(const std::string& path) {
  std::ifstream f(path);
  if (!f) throw std::runtime_error("cannot read script " + path);
  Script s;
  s.path_ = path;
  for (std::string line; std::getline(f, line);) s.lines_.push_back(line);
  return s;
}

void Script::fail(AppContext& ctx, const std::string& what) {
  ctx.messages.error(path_ + ":" + std::to_string(line_no_) + ": " + what);
}

bool Script::still_waiting(AppContext& ctx) {
  switch (wait_) {
    case Wait::None: return false;
    case Wait::Load: return ctx.session.loading();
    case Wait::RunTo:
      if (!ctx.session.ready() || ctx.session.sim().finished()) return false;
      return ctx.session.sim().time() + 0.5 * ctx.session.model().run.dt < run_to_;
    case Wait::Frames: return frames_left_-- > 0;
    case Wait::Screenshot: return !ctx.screenshot_request.empty();
    case Wait::FirstEngine: return waiting_for_engine(ctx);
  }
  return false;
}

bool Script::waiting_for_engine(AppContext& ctx) {
  if (!ctx.session.ready() || ctx.session.sim().finished()) return false;
  const Model& m = ctx.session.model();
  const FireHazard* fire = find_fire_service(m);
  const FireRun* run = fire ? find_fire_run(m, ctx.session.state()) : nullptr;
  if (!run) return false;
  // The engine plans a drive whole at dispatch, so once a pumper is on its way its
  // arrival is known: playing stops exactly then (plus the seconds asked for), not a
  // frame's worth of steps later, which at full speed could be past the whole attack.
  const std::int64_t q = first_pumper_task(*fire, *run, incident_);
  const double arrival = q >= 0 ? run->service.tasks[static_cast<std::size_t>(q)].arrived : NAN;
  // Not dispatched yet: play on, up to the latest time asked for.
  ctx.time.stop_at = std::isnan(arrival) ? latest_ : std::min(arrival + after_, latest_);
  return ctx.session.sim().time() + 0.5 * m.run.dt < ctx.time.stop_at;
}

void Script::tick(AppContext& ctx) {
  // Every command waits for a scene still loading, the one named on the command line
  // too: a script's first `run_to` acts on the scene, not on "no scene is loaded".
  if (ctx.session.loading()) return;
  if (wait_ != Wait::None) {
    if (still_waiting(ctx)) return;
    if (wait_ == Wait::RunTo || wait_ == Wait::FirstEngine)
      ctx.time.playing = false, ctx.time.stop_at = INFINITY;
    wait_ = Wait::None;
  }
  while (next_ < lines_.size() && wait_ == Wait::None) {
    line_no_ = next_ + 1;
    const std::string line = lines_[next_++];
    try {
      run_line(ctx, line);
    } catch (const std::exception& e) {
      fail(ctx, e.what());
    }
    if (ctx.quit) return;
  }
}

void Script::run_line(AppContext& ctx, const std::string& raw) {
  std::istringstream in(raw.substr(0, raw.find('#')));
  std::string cmd;
  if (!(in >> cmd)) return;
  std::vector<std::string> args;
  for (std::string a; in >> a;) args.push_back(a);
  auto need = [&](std::size_t n) {
    if (args.size() < n) throw std::runtime_error(cmd + " needs " + std::to_string(n) + " argument(s)");
  };
  auto num = [&](std::size_t i) {
    need(i + 1);
    if (args[i] == "max") return static_cast<double>(INFINITY);
    std::size_t used = 0;
    const double v = std::stod(args[i], &used);
    if (used != args[i].size() || std::isnan(v))
      throw std::runtime_error(cmd + ": '" + args[i] + "' is not a number");
    return v;
  };
  auto id = [&](std::size_t i) {
    const double v = num(i);
    if (!(v >= 0 && v < 4294967295.0) || v != std::floor(v))
      throw std::runtime_error(cmd + ": bad id " + args[i]);
    return static_cast<std::uint32_t>(v);
  };
  auto need_scene = [&] {
    if (!ctx.session.ready()) throw std::runtime_error(cmd + ": no scene is loaded");
  };

  if (cmd.rfind("drill_", 0) == 0) {
    if (!ctx.drill) throw std::runtime_error(cmd + ": no drill (start with --drill or --resume)");
    if (!ctx.drill->script_command(ctx, cmd, args)) throw std::runtime_error("unknown command " + cmd);
    return;
  }
  if (cmd == "load") {
    need(1);
    open_scene(ctx, SceneSource{args[0], args.size() > 1 ? args[1] : "", ""});
    wait_ = Wait::Load;
  } else if (cmd == "demo") {
    need(1);
    open_scene(ctx, SceneSource{"", "", args[0]});
    wait_ = Wait::Load;
  } else if (cmd == "seed") {
    need_scene();
    ctx.buffers.seed = static_cast<int>(std::min<std::uint32_t>(id(0), 2147483647u));
    restart(ctx, id(0));
  } else if (cmd == "restart") {
    // The Restart button: the variant and seed in their boxes; another variant reloads.
    need_scene();
    restart_as_chosen(ctx);
    if (ctx.session.loading()) wait_ = Wait::Load;
  } else if (cmd == "variant") {
    // Picks a variant in the Variant box, as a user would (takes effect at restart).
    need(1);
    need_scene();
    const auto& names = ctx.session.variants();
    if (args[0] == "base") {
      ctx.buffers.variant = 0;
    } else {
      const auto it = std::find(names.begin(), names.end(), args[0]);
      if (it == names.end()) throw std::runtime_error("this scenario has no variant " + args[0]);
      ctx.buffers.variant = static_cast<int>(it - names.begin()) + 1;
    }
  } else if (cmd == "ui_scale") {
    const double v = num(0);
    if (!(v >= kMinUiScale && v <= kMaxUiScale)) {
      char range[64];
      std::snprintf(range, sizeof range, "ui_scale is from %g to %g", static_cast<double>(kMinUiScale),
                    static_cast<double>(kMaxUiScale));
      throw std::runtime_error(range);
    }
    ctx.ui.wanted_scale = static_cast<float>(v);
    // Applied at the next frame; the frame after lays the panels out at it.
    frames_left_ = 2;
    wait_ = Wait::Frames;
  } else if (cmd == "expect_glyphs" || cmd == "expect_scene_glyphs") {
    // Every character of TEXT (the rest of the line), or of the loaded scene's name,
    // shelters, zones and teams, has a glyph in the font in use.
    std::string text;
    if (cmd == "expect_glyphs") {
      need(1);
      text = raw.substr(raw.find("expect_glyphs") + 13);
    } else {
      need_scene();
      const Model& m = ctx.session.model();
      text = ctx.session.name();
      for (const ShelterSite& sh : m.world.shelters) text += sh.name;
      for (const Zone& z : m.world.zones) text += z.name;
      for (const Team& t : m.plan.response.teams) text += t.name;
    }
    std::string missing;
    for (const char32_t c : missing_glyphs(text)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, " U+%04X", static_cast<unsigned>(c));
      missing += buf;
    }
    if (!missing.empty())
      fail(ctx,
           (ctx.ui.font.file.empty() ? std::string("the built-in font") : "the font " + ctx.ui.font.file) +
               " has no glyph for" + missing);
  } else if (cmd == "dump_ui") {
    need(1);
    write_ui_summary(ctx, args[0]);
  } else if (cmd == "speed") {
    const double v = num(0);
    if (!(v > 0)) throw std::runtime_error("speed must be positive");
    ctx.time.speed = v;
  } else if (cmd == "play" || cmd == "pause") {
    ctx.time.playing = cmd == "play";
  } else if (cmd == "step") {
    need_scene();
    const double n = args.empty() ? 1 : num(0);
    for (long k = 0; k < static_cast<long>(n); ++k) ctx.session.step();
  } else if (cmd == "run_to") {
    need_scene();
    run_to_ = num(0);
    ctx.time.stop_at = run_to_;
    ctx.time.playing = true;
    wait_ = Wait::RunTo;
  } else if (cmd == "jump") {
    need_scene();
    jump_to(ctx, num(0));
  } else if (cmd == "frames") {
    frames_left_ = static_cast<long>(num(0));
    wait_ = Wait::Frames;
  } else if (cmd == "click") {
    click_world(ctx, {num(0), num(1)});
  } else if (cmd == "click_street") {
    // A click in road mode, as if the user had picked the mode, clicked, and gone back.
    const ClickMode before = ctx.view.mode;
    ctx.view.mode = ClickMode::ToggleRoad;
    click_world(ctx, {num(0), num(1)});
    ctx.view.mode = before;
  } else if (cmd == "start_fire") {
    // A click in fire mode: the building under the point catches fire at the next step.
    const ClickMode before = ctx.view.mode;
    ctx.view.mode = ClickMode::StartFire;
    click_world(ctx, {num(0), num(1)});
    ctx.view.mode = before;
  } else if (cmd == "click_pixel") {
    click_map(ctx, {static_cast<float>(num(0)), static_cast<float>(num(1))});
  } else if (cmd == "close_road" || cmd == "open_road") {
    set_road_closed(ctx, EdgeId{id(0)}, cmd == "close_road", "script");
  } else if (cmd == "close_shelter" || cmd == "open_shelter") {
    set_shelter_closed(ctx, ShelterId{id(0)}, cmd == "close_shelter", "script");
  } else if (cmd == "request_aid") {
    request_mutual_aid(ctx, id(0), "script");
  } else if (cmd == "mode") {
    need(1);
    if (args[0] != "inspect" && args[0] != "road" && args[0] != "fire")
      throw std::runtime_error("mode is inspect, road or fire");
    ctx.view.mode = args[0] == "road"   ? ClickMode::ToggleRoad
                    : args[0] == "fire" ? ClickMode::StartFire
                                        : ClickMode::Inspect;
  } else if (cmd == "colour_by" || cmd == "color_by") {
    need(1);
    if (args[0] == "state")
      ctx.view.colour_by = ColourBy::State;
    else if (args[0] == "age")
      ctx.view.colour_by = ColourBy::AgeBand;
    else if (args[0] == "mobility")
      ctx.view.colour_by = ColourBy::Mobility;
    else
      throw std::runtime_error("colour_by is state, age or mobility");
  } else if (cmd == "layer") {
    need(2);
    bool* flag = layer_flag(ctx.view.layers, args[0]);
    if (!flag) throw std::runtime_error("unknown layer " + args[0]);
    *flag = args[1] == "on";
  } else if (cmd == "heat") {
    need(1);
    const std::optional<HeatLayer> h = heat_from_name(args[0]);
    if (!h)
      throw std::runtime_error(
          "heat is none, peak_density, queue_minutes, water_exposure, smoke_dose or time_to_safety");
    ctx.view.heat = *h;
  } else if (cmd == "zone_measure") {
    need(1);
    if (args[0] != "share" && args[0] != "t90") throw std::runtime_error("zone_measure is share or t90");
    ctx.view.zone_measure = args[0] == "t90" ? ZoneMeasure::T90 : ZoneMeasure::ShareSafe;
  } else if (cmd == "fit") {
    ctx.map.fit();
  } else if (cmd == "zoom") {
    const sf::FloatRect vp = ctx.map.camera().viewport();
    ctx.map.camera().zoom_at({vp.left + vp.width / 2, vp.top + vp.height / 2}, static_cast<float>(num(0)));
  } else if (cmd == "map_scale") {
    const double v = num(0);
    if (!(v > 0)) throw std::runtime_error("map_scale is in px per m and positive");
    ctx.map.camera().set_scale(v);
  } else if (cmd == "center") {
    ctx.map.camera().center_on({num(0), num(1)});
  } else if (cmd == "select") {
    need(2);
    const Selection::Kind k = args[0] == "resident"  ? Selection::Kind::Resident
                              : args[0] == "shelter" ? Selection::Kind::Shelter
                              : args[0] == "street"  ? Selection::Kind::Street
                              : args[0] == "team"
                                  ? Selection::Kind::Team
                                  : throw std::runtime_error("select resident|shelter|street|team ID");
    ctx.view.selection = {k, id(1)};
  } else if (cmd == "screenshot") {
    need(1);
    ctx.screenshot_request = args[0];
    wait_ = Wait::Screenshot;
  } else if (cmd == "dump_state") {
    need(1);
    write_state_summary(ctx, args[0]);
  } else if (cmd == "export_results") {
    need(1);
    export_results(ctx, args[0]);
  } else if (cmd == "export_briefing_map") {
    need(1);
    export_briefing_map(ctx, args[0]);
  } else if (cmd == "export_difference_map") {
    need(2);
    export_difference_map(ctx, args[0], args[1]);
  } else if (cmd == "expect_error") {
    const std::string banner = ctx.messages.banner();
    if (ctx.messages.take_errors() == 0) return fail(ctx, "expected an error, but there was none");
    if (!args.empty() && banner.find(args[0]) == std::string::npos)
      return fail(ctx, "expected an error about '" + args[0] + "', got: " + banner);
    ctx.messages.info("expected error seen: " + banner);
  } else if (cmd == "expect_closed" || cmd == "expect_open") {
    need_scene();
    const std::uint32_t e = id(0);
    const auto& closed = ctx.session.state().edge_closed;
    if (e >= closed.size()) throw std::runtime_error("no street " + args[0]);
    if ((closed[e] != 0) != (cmd == "expect_closed"))
      fail(ctx, "street " + args[0] + " is " + (closed[e] ? "closed" : "open"));
  } else if (cmd == "expect_closed_at" || cmd == "expect_open_at") {
    // The street a user would hit clicking here, so scripts need no edge numbers.
    need_scene();
    const EdgeHit hit = ctx.map.street_at(ctx.session.streets(), {num(0), num(1)});
    if (!hit.edge.valid()) return fail(ctx, "no street at " + args[0] + " " + args[1]);
    const bool closed = ctx.session.state().edge_closed[hit.edge.index()] != 0;
    if (closed != (cmd == "expect_closed_at"))
      fail(ctx, "street " + std::to_string(hit.edge.value) + " is " + (closed ? "closed" : "open"));
  } else if (cmd == "expect_burning" || cmd == "expect_not_burning") {
    // The building a user would hit clicking here has caught fire (in any state
    // from ignited to burnt out), or has not.
    need_scene();
    const Model& m = ctx.session.model();
    const std::int64_t b = building_at(m.world, {num(0), num(1)});
    if (b < 0) return fail(ctx, "no building at " + args[0] + " " + args[1]);
    const FireRun* run = find_fire_run(m, ctx.session.state());
    if (!run) return fail(ctx, "this scenario has no fire");
    const double t = ctx.session.sim().time();
    const auto st = run->state_of(static_cast<std::uint32_t>(b), t, find_fire(m)->course());
    if ((st != BuildingFireState::NotBurning) != (cmd == "expect_burning"))
      fail(ctx, "building " + std::to_string(b) + " is " + to_string(st));
  } else if (cmd == "run_to_first_engine") {
    // Plays until the first pumper of an incident (1 = the first, 0 or none = the
    // latest) is on scene, plus "+S" seconds, but not past LATEST s (when none comes,
    // the script goes on from there): the moment a fire-service screenshot wants,
    // whenever the engine's dispatch puts it.
    need_scene();
    if (!find_fire_service(ctx.session.model()))
      throw std::runtime_error("this scenario has no fire service");
    incident_ = args.empty() ? -1 : static_cast<std::int32_t>(id(0)) - 1;
    after_ = 0.0;
    if (args.size() > 1) {
      if (args[1].empty() || args[1][0] != '+') throw std::runtime_error(cmd + ": the delay is +SECONDS");
      args[1].erase(0, 1);
      after_ = num(1);
    }
    latest_ = args.size() > 2 ? num(2) : INFINITY;
    ctx.time.stop_at = INFINITY;
    ctx.time.playing = true;
    wait_ = Wait::FirstEngine;
  } else if (cmd == "center_first_engine") {
    // Centres the map where the first pumper of an incident (1 = the first, 0 or none
    // = the latest) stops: where its hose and supply lines start.
    need_scene();
    const Model& m = ctx.session.model();
    const FireHazard* fire = find_fire_service(m);
    const FireRun* run = fire ? find_fire_run(m, ctx.session.state()) : nullptr;
    if (!run) throw std::runtime_error("this scenario has no fire service");
    const std::int64_t q =
        first_pumper_task(*fire, *run, args.empty() ? -1 : static_cast<std::int64_t>(id(0)) - 1);
    if (q < 0) return fail(ctx, "no pumper has been sent to that incident");
    ctx.map.camera().center_on(run->service.tasks[static_cast<std::size_t>(q)].stop);
  } else if (cmd == "fire_incident") {
    // The incident whose appliances the fire-service panel lists (1 = the first), as
    // a click on its row; 0 = the latest.
    const std::uint32_t k = id(0);
    ctx.view.fire_incident = static_cast<std::int32_t>(k) - 1;
  } else if (cmd == "stats_reset") {
    ctx.stats.clear();
  } else if (cmd == "echo") {
    ctx.messages.info(raw.substr(raw.find("echo") + 4));
  } else if (cmd == "quit") {
    ctx.quit = true;
  } else {
    throw std::runtime_error("unknown command '" + cmd + "'");
  }
}

}  // namespace ss::gui
