#include "gui/app.hpp"

#include <imgui.h>

#include <SFML/Graphics/Texture.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/Event.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "gui/actions.hpp"
#include "gui/drill_mode.hpp"
#include "gui/panels.hpp"
#include "i18n/catalogs.hpp"
#include "i18n/error_text.hpp"
#include "i18n/language.hpp"

namespace ss::gui {
namespace {

using Clock = std::chrono::steady_clock;

// CPU time of the whole process (every thread, the GL driver's rasterisers too):
// next to wall time it shows whether a slow frame worked or waited for a core.
double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Time the simulation may take per frame: beyond it the frame is drawn and the
// rest of the simulated time dropped, keeping the window at >= ~30 fps.
constexpr double kStepBudget = 0.020;  // s
// Longest wall interval one frame accounts for: after a stall (window dragged,
// machine busy) the simulation does not leap ahead.
constexpr double kMaxFrameDt = 0.25;  // s

// The style at `scale`: from ImGui's defaults each time, so sizes are scaled once
// and not compounded by successive changes of scale.
void style_imgui(float scale) {
  ImGui::GetStyle() = ImGuiStyle();
  ImGui::StyleColorsDark();
  ImGuiStyle& st = ImGui::GetStyle();
  st.WindowRounding = 0;
  st.FrameRounding = 3;
  st.WindowBorderSize = 0;
  st.Colors[ImGuiCol_WindowBg] = ImVec4(kPanelBg.r / 255.f, kPanelBg.g / 255.f, kPanelBg.b / 255.f, 1.0f);
  st.ScaleAllSizes(scale);
}

}  // namespace

App::App(Options options) : options_(std::move(options)), sync_phases_(!options_.frame_stats.empty()) {
  window_.create(sf::VideoMode(options_.width, options_.height), "SafeStreet", sf::Style::Default);
  if (!window_.isOpen()) throw std::runtime_error("cannot open a window (is a display available?)");
  const bool scripted = !options_.script.empty() || options_.frames >= 0 || options_.stats;
  // Interactive: 60 fps is plenty and leaves the cores to the simulation. Scripted
  // and --stats runs are uncapped so frame times measure the work, not the cap.
  window_.setFramerateLimit(scripted ? 0 : 60);
  imgui_ = std::make_unique<ImGuiSfml>(window_);
  if (!options_.font.empty()) ctx_.ui.font_file = options_.font;
  if (!options_.cjk_font.empty()) ctx_.ui.cjk_font_file = options_.cjk_font;
  // Before the first frame and before any thread starts (i18n/language.hpp).
  i18n::set_language(i18n::choose_language(options_.lang));
  ctx_.ui.wanted_scale = options_.ui_scale;
  apply_ui_scale();
  ctx_.time.speed = options_.speed;
  ctx_.buffers.seed = static_cast<int>(options_.seed.value_or(1));
  if (!options_.scenario.empty())
    std::snprintf(ctx_.buffers.scenario_path, sizeof ctx_.buffers.scenario_path, "%s",
                  options_.scenario.c_str());
  if (!options_.drill.empty() || !options_.resume.empty()) {
    try {
      SceneSource scene;
      ctx_.drill = std::make_shared<DrillMode>(DrillStart{options_.drill, options_.journal, options_.resume,
                                                          options_.players, options_.players_view},
                                               scene, drill_seed_);
      drill_scene_ = scene;
    } catch (const std::exception& e) {
      ctx_.messages.error(std::string("drill: ") + i18n::error_text(e));
    }
  }
  if (!options_.script.empty()) {
    try {
      script_ = Script::from_file(options_.script);
    } catch (const std::exception& e) {
      ctx_.messages.error(e.what());
    }
  }
}

int App::run() {
  if (ctx_.drill) {
    open_scene(ctx_, drill_scene_, drill_seed_);
  } else if (!options_.scenario.empty() || !options_.demo.empty()) {
    open_scene(ctx_, SceneSource{options_.scenario, options_.variant, options_.demo}, options_.seed);
  }
  const Clock::time_point start = Clock::now();
  Clock::time_point last = start;
  while (window_.isOpen() && !ctx_.quit) {
    const Clock::time_point now = Clock::now();
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    ctx_.wall = std::chrono::duration<double>(now - start).count();
    const double cpu0 = process_cpu_seconds();
    record_ = {};
    try {
      frame(static_cast<float>(dt));
    } catch (const std::exception& e) {
      // A failure inside one frame (a bad file path, an engine refusal) must not
      // take the session down: show it and carry on with the next frame.
      ctx_.messages.error(std::string("unexpected: ") + e.what());
    }
    record_.frame_ms =
        static_cast<float>(std::chrono::duration<double, std::milli>(Clock::now() - now).count());
    record_.cpu_ms = static_cast<float>(1e3 * (process_cpu_seconds() - cpu0));
    if (ctx_.session.ready()) ctx_.stats.add(record_);
    // --frames counts frames of the scene, not of the loading screen before it.
    if (!ctx_.session.loading()) ++frames_;
    if (options_.frames >= 0 && frames_ >= options_.frames) ctx_.quit = true;
    if (script_ && script_->done() && options_.frames < 0) ctx_.quit = true;
  }
  if (!options_.dump_state.empty()) write_state_summary(ctx_, options_.dump_state);
  if (options_.stats) print_stats();
  if (!options_.frame_stats.empty()) {
    try {
      ctx_.stats.write_csv(options_.frame_stats);
    } catch (const std::exception& e) {
      ctx_.messages.error(e.what());
    }
  }
  window_.close();
  if (ctx_.messages.unclaimed_errors() > 0 && (script_ || options_.frames >= 0)) return 1;
  return 0;
}

void App::apply_ui_scale() {
  const float scale = std::clamp(ctx_.ui.wanted_scale, kMinUiScale, kMaxUiScale);
  ctx_.ui.wanted_scale = scale;
  const bool first = ctx_.ui.font.size_px == 0.0f;
  // Chinese panels need the CJK glyphs: without them ImGui would draw '?' boxes, so a
  // missing CJK font turns the panels back to English, with the reason shown.
  const bool zh = i18n::language() == i18n::Language::ZhCn;
  ctx_.ui.font = imgui_->set_font(ctx_.ui.font_file, scale, zh ? ctx_.ui.cjk_font_file : std::string(),
                                  zh ? i18n::po_text(i18n::Language::ZhCn) : std::string_view());
  if (zh && ctx_.ui.font.cjk_file.empty()) {
    ctx_.messages.error(ctx_.ui.font.cjk_problem + ": the panels are shown in English");
    i18n::set_language(i18n::Language::En);
  }
  style_imgui(scale);
  ctx_.view.ui_scale = scale;
  if (!ctx_.ui.font.problem.empty()) {
    if (first) ctx_.messages.error(ctx_.ui.font.problem);
  } else {
    char buf[64];
    std::snprintf(buf, sizeof buf, " at %.1f px (UI scale %.2f)", static_cast<double>(ctx_.ui.font.size_px),
                  static_cast<double>(scale));
    ctx_.messages.info("font " + ctx_.ui.font.file + buf);
  }
}

void App::frame(float dt) {
  // Phases are timed back to back; with --frame-stats the GL phases end in glFinish
  // so a software renderer's deferred rasterising is charged to the phase that
  // queued it rather than to the buffer swap. --stats alone leaves the pipeline
  // alone, so its frame times are those of an ordinary session.
  Clock::time_point mark = Clock::now();
  double cpu_mark = options_.stats ? process_cpu_seconds() : 0.0;
  auto lap = [&](Phase p, bool gl) {
    if (gl && sync_phases_) glFinish();
    const Clock::time_point t = Clock::now();
    const auto k = static_cast<std::size_t>(p);
    record_.phase_ms[k] = static_cast<float>(std::chrono::duration<double, std::milli>(t - mark).count());
    mark = t;
    if (!options_.stats) return;
    const double cpu = process_cpu_seconds();
    record_.phase_cpu_ms[k] = static_cast<float>(1e3 * (cpu - cpu_mark));
    cpu_mark = cpu;
  };
  handle_events();
  pick_up_loads();
  if (ctx_.drill) ctx_.drill->frame(ctx_);
  if (script_) script_->tick(ctx_);
  lap(Phase::Input, false);
  advance_simulation(dt);
  lap(Phase::Simulation, false);
  // The last frame of a --frames run is the one --screenshot captures.
  if (options_.frames >= 0 && frames_ + 1 >= options_.frames && !options_.screenshot.empty())
    ctx_.screenshot_request = options_.screenshot;

  const sf::Vector2u size = window_.getSize();
  const auto w = static_cast<float>(size.x), h = static_cast<float>(size.y);
  // A new UI scale takes effect between frames: the font atlas is rebuilt at it.
  if (ctx_.ui.wanted_scale != ctx_.view.ui_scale) apply_ui_scale();
  PanelWidths pw = panel_widths(w, ctx_.ui_scale());
  // Drill mode: the players' view takes the left side and hides the sidebars; the
  // trainer's drill panel takes the bottom of the map area.
  const bool drill = ctx_.drill && ctx_.drill->active();
  const bool players_view = drill && ctx_.drill->players_view();
  if (players_view) pw = {std::floor(std::max(pw.left, 0.36f * w)), 0.0f};
  const float map_h = drill && !players_view ? h - DrillMode::trainer_panel_height(h) : h;
  ctx_.map.set_viewport({pw.left, 0, std::max(w - pw.left - pw.right, 50.0f), map_h});

  update_event_log(ctx_);
  imgui_->new_frame(dt);
  ctx_.probes.clear();
  // The key figures refresh four times a second; a screenshot taken this frame shows
  // them as of this very step (a script may have just jumped ahead with run_to).
  if (!ctx_.screenshot_request.empty() && ctx_.session.ready()) current_metrics(ctx_, true);
  if (players_view) {
    ctx_.drill->draw_players(ctx_, pw.left, h);
  } else {
    draw_left_panel(ctx_, h);
    draw_right_panel(ctx_, w, h);
    if (drill) ctx_.drill->draw_trainer(ctx_, pw.left, std::max(w - pw.left - pw.right, 50.0f), h);
  }
  draw_overlays(ctx_);
  lap(Phase::ImGuiBuild, false);
  // After the panels: a click or a layer switch in them shows in this very frame.
  const bool ready = ctx_.session.ready();
  if (ready) ctx_.map.prepare(ctx_.session.model(), ctx_.session.state(), ctx_.view);
  lap(Phase::Layers, false);

  // The clear paints the sidebars' background (they draw none, see panel_layout.cpp);
  // the map paints its own area.
  window_.clear(to_sf(kPanelBg));
  // ImGui's renderer changed GL state behind SFML's cache last frame.
  window_.resetGLStates();
  if (!ready) ctx_.map.draw_empty(window_);
  if (ready) ctx_.map.draw(window_, ctx_.session.model(), ctx_.view);
  lap(Phase::MapDraw, true);
  imgui_->render();
  lap(Phase::ImGuiRender, true);
  if (!ctx_.screenshot_request.empty()) {
    save_screenshot(ctx_.screenshot_request);
    ctx_.screenshot_request.clear();
  }
  window_.display();
  lap(Phase::Display, false);
  if (ready) record_.sim_time = ctx_.session.sim().time();
  if (first_frame_pending_) {
    first_frame_pending_ = false;
    char buf[96];
    const double shown =
        std::chrono::duration<double>(Clock::now().time_since_epoch()).count() - loaded_wall_;
    std::snprintf(buf, sizeof buf, "first frame %.2f s after the load started", load_seconds_ + shown);
    ctx_.messages.info(buf);
  }
}

void App::handle_events() {
  sf::Event e;
  while (window_.pollEvent(e)) {
    imgui_->process_event(e);
    if (e.type == sf::Event::Closed) ctx_.quit = true;
    if (e.type == sf::Event::Resized)
      window_.setView(
          sf::View(sf::FloatRect(0, 0, static_cast<float>(e.size.width), static_cast<float>(e.size.height))));
    const ImGuiIO& io = ImGui::GetIO();
    if (const auto click = ctx_.map.handle_event(e, io.WantCaptureMouse)) click_map(ctx_, *click);
    if (e.type == sf::Event::KeyPressed && !io.WantCaptureKeyboard) {
      switch (e.key.code) {
        case sf::Keyboard::Space: ctx_.time.playing = !ctx_.time.playing; break;
        case sf::Keyboard::F: ctx_.map.fit(); break;
        case sf::Keyboard::R:
          ctx_.view.mode = ctx_.view.mode == ClickMode::Inspect ? ClickMode::ToggleRoad : ClickMode::Inspect;
          break;
        case sf::Keyboard::Escape: ctx_.view.selection = {}; break;
        default: break;
      }
    }
  }
}

namespace {
std::string stage_line(const LoadStage& st) {
  char buf[48];
  std::snprintf(buf, sizeof buf, ": %.2f s", st.seconds);
  return "loading stage " + st.name + buf;
}
}  // namespace

void App::pick_up_loads() {
  const Session::PollResult r = ctx_.session.poll();
  if (!r.error.empty()) {
    for (const LoadStage& st : ctx_.session.last_load()) ctx_.messages.info(stage_line(st));
    ctx_.messages.error("could not load " + ctx_.session.loading_source().label() + ": " + r.error);
  }
  if (!r.loaded) return;
  // The map's layers hold GPU textures, so they are built here on the UI thread.
  const Clock::time_point layers_start = Clock::now();
  ctx_.map.set_model(ctx_.session.model());
  const double layers_s = std::chrono::duration<double>(Clock::now() - layers_start).count();
  ctx_.session.add_load_stage({"map layers", r.seconds, layers_s});
  for (const LoadStage& st : ctx_.session.last_load()) ctx_.messages.info(stage_line(st));
  ctx_.view.selection = {};
  // Smaller dots for a whole town so neighbouring homes stay apart at fit zoom.
  ctx_.view.dot_px = ctx_.session.model().population.size() > 10000 ? 2.0f : 3.0f;
  ctx_.buffers.seed = static_cast<int>(ctx_.session.seed());
  // The variant box shows the variant loaded (from --variant, a script's load, the
  // box itself), so Restart reloads that one and not the base plan.
  const std::string& variant = ctx_.session.source().variant;
  const auto& names = ctx_.session.variants();
  const auto it = std::find(names.begin(), names.end(), variant);
  ctx_.buffers.variant = variant.empty() || it == names.end() ? 0 : static_cast<int>(it - names.begin()) + 1;
  if (!ctx_.session.source().scenario.empty())
    std::snprintf(ctx_.buffers.scenario_path, sizeof ctx_.buffers.scenario_path, "%s",
                  ctx_.session.source().scenario.c_str());
  ctx_.stats.clear();  // frame statistics describe the scene, not the loading
  char buf[160];
  std::snprintf(buf, sizeof buf, "loaded %s in %.2f s: %zu residents, %zu streets",
                ctx_.session.name().c_str(), r.seconds + layers_s, ctx_.session.model().population.size(),
                ctx_.session.model().world.streets.edge_count());
  ctx_.messages.info(buf);
  for (const std::string& p : ctx_.session.problems()) ctx_.messages.problem("scenario problem: " + p);
  for (const std::string& n : ctx_.session.notes()) ctx_.messages.note("scenario note: " + n);
  first_frame_pending_ = true;
  load_seconds_ = r.seconds + layers_s;
  loaded_wall_ = std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
  if (options_.play) ctx_.time.playing = true;
}

void App::advance_simulation(double dt) {
  TimeControl& t = ctx_.time;
  if (!t.playing || !ctx_.session.ready()) {
    t.achieved = 0;
    return;
  }
  const double before = ctx_.session.sim().time();
  const AdvanceResult r = ctx_.session.advance(std::min(dt, kMaxFrameDt), t.speed, kStepBudget, t.stop_at);
  record_.steps = static_cast<std::uint32_t>(r.steps);
  const double now = ctx_.session.sim().time();
  // Smoothed over ~10 frames so the readout does not flicker.
  if (dt > 0) t.achieved += 0.1 * ((now - before) / dt - t.achieved);
  if (ctx_.session.sim().finished() || now + 0.5 * ctx_.session.model().run.dt >= t.stop_at) {
    t.playing = false;
    t.stop_at = INFINITY;
  }
}

void App::save_screenshot(const std::string& path) {
  sf::Texture tex;
  const sf::Vector2u size = window_.getSize();
  if (!tex.create(size.x, size.y)) return ctx_.messages.error("screenshot: cannot create a texture");
  tex.update(window_);
  if (!tex.copyToImage().saveToFile(path)) return ctx_.messages.error("screenshot: cannot write " + path);
  ctx_.messages.info("screenshot saved to " + path);
}

void App::print_stats() const {
  if (ctx_.stats.empty()) return;
  const std::size_t residents = ctx_.session.ready() ? ctx_.session.model().population.size() : 0;
  std::printf("%sresidents=%zu sim_time=%.0f\n", ctx_.stats.summary().c_str(), residents,
              ctx_.session.ready() ? ctx_.session.sim().time() : 0.0);
  std::fflush(stdout);
}

}  // namespace ss::gui
