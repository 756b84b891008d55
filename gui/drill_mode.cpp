#include "gui/drill_mode.hpp"
#include "i18n/language.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <sstream>
#include <stdexcept>

#include "drill/script_text.hpp"
#include "engine/core/input_error.hpp"
#include "gui/actions.hpp"
#include "gui/event_log.hpp"
#include "gui/ui_fonts.hpp"
#include "scenarios/loader/scenario_loader.hpp"

namespace ss::gui {
namespace {

using nlohmann::json;

// "drill-20261205-093000.jsonl" in the current folder: a journal per drill, never reused.
std::string default_journal() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "drill-%Y%m%d-%H%M%S.jsonl", &tm);
  return buf;
}

// The target of an intervention taken in the window, in words for the journal and the
// players' view: the street's name and way, the shelter's name, the building.
std::string target_words(const Model& m, const Intervention& iv) {
  using K = Intervention::Kind;
  switch (iv.kind) {
    case K::CloseRoad:
    case K::OpenRoad: return street_words(m, iv.target);
    case K::CloseShelter:
    case K::OpenShelter:
      if (iv.target < m.world.shelters.size() && !m.world.shelters[iv.target].name.empty())
        return m.world.shelters[iv.target].name;
      return "shelter " + std::to_string(iv.target);
    case K::StartFire: return "building " + std::to_string(iv.target);
    case K::RequestMutualAid:
      if (iv.target < m.plan.response.mutual_aid.size()) return m.plan.response.mutual_aid[iv.target].name;
      return "mutual-aid offer " + std::to_string(iv.target);
    default: return std::string(to_string(iv.kind)) + " " + std::to_string(iv.target);
  }
}

std::string joined(const std::vector<std::string>& args, std::size_t from = 0) {
  std::string s;
  for (std::size_t i = from; i < args.size(); ++i) s += (i > from ? " " : "") + args[i];
  return s;
}

std::vector<std::string> fields(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string f; std::getline(in, f, '|');) out.push_back(drill::trim(f));
  return out;
}

ImVec4 state_colour(drill::InjectState s) {
  switch (s) {
    case drill::InjectState::Fired: return {0.55f, 0.85f, 0.55f, 1};
    case drill::InjectState::Held: return {1.0f, 0.75f, 0.3f, 1};
    case drill::InjectState::Skipped:
    case drill::InjectState::NotFired: return {0.6f, 0.6f, 0.6f, 1};
    case drill::InjectState::ConditionFalse: return {0.75f, 0.65f, 1.0f, 1};
    case drill::InjectState::Due: break;
  }
  return {1, 1, 1, 1};
}

}  // namespace

DrillMode::DrillMode(DrillStart start, SceneSource& scene, std::optional<std::uint64_t>& seed)
    : start_(std::move(start)) {
  players_view_ = start_.players_view;
  if (!start_.resume.empty()) {
    resume_from_ = drill::read_journal(start_.resume);
    const json& st = resume_from_->events.front().data;
    desc_ = drill::LiveDrill::read(st["drill"].get<std::string>());
    scene = SceneSource{st["scenario"].get<std::string>(), st["variant"].get<std::string>(), ""};
    seed = st["seed"].get<std::uint64_t>();
    start_.journal = start_.resume;
    if (start_.players_file.empty() && st.contains("roles_from") && st["roles_from"].is_string())
      start_.players_file = st["roles_from"].get<std::string>();
  } else {
    desc_ = drill::LiveDrill::read(start_.drill_file);
    scene = SceneSource{desc_.scenario, desc_.variant, ""};
    seed = desc_.seed;
    if (start_.journal.empty()) start_.journal = default_journal();
  }
}

Simulation& DrillMode::sim(AppContext& ctx) { return *ctx.session.simulation(); }

const std::string& DrillMode::role() const {
  static const std::string none = "incident commander";
  const auto& roles = live_.roles();
  return role_ < roles.size() ? roles[role_] : none;
}

void DrillMode::begin(AppContext& ctx) {
  if (tried_ || !ctx.session.ready() || ctx.session.loading()) return;
  tried_ = true;
  try {
    const SceneSource& src = ctx.session.source();
    const scenarios::ScenarioDesc sd = scenarios::load_scenario(src.scenario, src.variant);
    drill::LiveSetup setup;
    setup.journal = start_.journal;
    setup.version = "safestreet-gui";
    setup.players_file = start_.players_file;
    setup.max_snap_distance = sd.shelters.max_snap_distance;
    setup.seed = ctx.session.seed();
    setup.scenario_inputs = ctx.session.inputs();
    Simulation& s = sim(ctx);
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<std::string> warnings =
        resume_from_ ? live_.resume(*resume_from_, desc_, setup, s) : live_.start(desc_, setup, s);
    rebuild_s_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (const std::string& w : warnings) ctx.messages.problem("drill: " + w);
  } catch (const std::exception& e) {
    ctx.messages.error(std::string("drill not started: ") + e.what());
    return;
  }
  ctx.session.after_step = [this, &ctx](Simulation& s) {
    if (live_.ended()) return false;  // going back over the finished drill on the timeline
    applying_ = true;
    const std::size_t n = live_.on_step(s);
    applying_ = false;
    if (n > 0 && auto_pause_ && !live_.ended()) {
      ctx.time.playing = false;
      return true;
    }
    return false;
  };
  ctx.session.applied = [this, &ctx](const Intervention& iv) {
    if (applying_ || live_.ended()) return;
    live_.record_decision(iv, target_words(ctx.session.model(), iv), role(), reason_buf_, sim(ctx));
    reason_buf_[0] = '\0';
  };
  active_ = true;
  was_playing_ = ctx.time.playing;
  was_speed_ = ctx.time.speed;
  if (players_view_) set_players_view(ctx, true);
  ctx.messages.info((resume_from_ ? "drill resumed: " : "drill started: ") + desc_.name + ", journal " +
                    live_.journal_path() +
                    (resume_from_
                         ? " (" + std::to_string(live_.lines_replayed()) + " events replayed, the state at " +
                               format_clock(ctx.session.sim().time()) + " rebuilt in " +
                               std::to_string(static_cast<int>(std::lround(rebuild_s_))) + " s)"
                         : ""));
}

bool DrillMode::ended() const { return live_.ended(); }

void DrillMode::report(AppContext& ctx, const std::string& what, const std::string& error) {
  last_error_ = error.empty() ? "" : what + ": " + error;
  if (!error.empty()) ctx.messages.error("drill: " + last_error_);
}

void DrillMode::run_fast(AppContext& ctx, double factor) {
  const double next = live_.next_due();
  if (!std::isfinite(next)) return report(ctx, "run fast", "no inject is still to come");
  if (fast_until_ < 0) normal_speed_ = ctx.time.speed;
  fast_factor_ = factor;
  fast_until_ = next;
  ctx.time.speed = factor;
  ctx.time.playing = true;
  last_error_.clear();
}

void DrillMode::frame(AppContext& ctx) {
  begin(ctx);
  if (!active_) return;
  const Simulation& s = ctx.session.sim();
  if (fast_until_ >= 0 && (s.time() + 0.5 * s.model().run.dt >= fast_until_ || s.finished())) {
    ctx.time.speed = normal_speed_;
    fast_until_ = -1.0;
  }
  // The trainer's clock, as the headless drill journals it (clock: pause, resume, speed).
  if (ctx.time.playing != was_playing_ && !s.finished())
    live_.clock(ctx.time.playing ? "resume" : "pause", 0, s);
  if (ctx.time.speed != was_speed_)
    live_.clock("speed", std::isfinite(ctx.time.speed) ? ctx.time.speed : -1, s);
  was_playing_ = ctx.time.playing;
  was_speed_ = ctx.time.speed;
}

void DrillMode::set_players_view(AppContext& ctx, bool on) {
  players_view_ = on;
  // A command post does not see where every resident is: their layers go with the
  // view, and come back with the trainer's.
  Layers& l = ctx.view.layers;
  l.residents = l.late_residents = l.sheltered_residents = l.congestion = l.zone_shading = !on;
  l.responders = !on;
  ctx.view.selection = {};
}

void DrillMode::draw_trainer(AppContext& ctx, float map_x, float map_w, float height) {
  if (!active_) return;
  Simulation& s = sim(ctx);
  const float h = trainer_panel_height(height);
  ImGui::SetNextWindowPos(ImVec2(map_x, height - h), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(map_w, h), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.93f);
  if (!ImGui::Begin(ui("Drill"), nullptr,
                    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                        ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  const double next = live_.next_due();
  ImGui::Text(tr("%s   %s   journal %s (%zu lines)"), desc_.name.c_str(), format_clock(s.time()).c_str(),
              live_.journal_path().c_str(), live_.lines_written() + live_.lines_replayed());
  if (live_.ended())
    ImGui::TextColored(ImVec4(0.55f, 0.85f, 0.55f, 1), "The run has ended; the journal is complete.");
  else if (std::isfinite(next))
    ImGui::Text(tr("Next inject at %s (in %s)"), format_clock(next).c_str(),
                format_clock(std::max(0.0, next - s.time())).c_str());
  else
    ImGui::TextDisabled("%s", tr("No scripted inject still to come."));

  // The role and reason every decision taken in the window is stamped with.
  const auto& roles = live_.roles();
  ImGui::SetNextItemWidth(ui_px(170));
  if (ImGui::BeginCombo("role", role().c_str())) {
    for (std::size_t i = 0; i < roles.size(); ++i)
      if (ImGui::Selectable(roles[i].c_str(), i == role_)) role_ = i;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(ui_px(120), ImGui::GetContentRegionAvail().x - ui_px(60)));
  ImGui::InputText("reason", reason_buf_, sizeof reason_buf_);
  ImGui::Checkbox(ui("pause at each inject"), &auto_pause_);
  ImGui::SameLine();
  float factor = static_cast<float>(fast_factor_);
  ImGui::SetNextItemWidth(ui_px(60));
  ImGui::InputFloat("##fast", &factor, 0, 0, "%.0fx");
  fast_factor_ = std::clamp(static_cast<double>(factor), 1.0, 600.0);
  ImGui::SameLine();
  if (ImGui::Button(ui("run fast to the next inject"))) run_fast(ctx, fast_factor_);
  ImGui::SameLine();
  if (ImGui::Button(ui("players' view"))) set_players_view(ctx, true);

  if (ImGui::BeginTable(
          "msel", 5, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV,
          ImVec2(0, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2.2f))) {
    ImGui::TableSetupColumn("time", ImGuiTableColumnFlags_WidthFixed, ui_px(52));
    ImGui::TableSetupColumn("id", ImGuiTableColumnFlags_WidthFixed, ui_px(34));
    ImGui::TableSetupColumn("inject: kind, target, to whom; text; expected action",
                            ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("state", ImGuiTableColumnFlags_WidthFixed, ui_px(80));
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ui_px(100));
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    bool next_marked = false;
    for (std::size_t i = 0; i < live_.injects().size(); ++i) {
      const drill::LiveInject& li = live_.injects()[i];
      const drill::MselInject& m = li.msel;
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      // What is due next stands out.
      if (!next_marked && li.state == drill::InjectState::Due) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(70, 60, 20, 255));
        next_marked = true;
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_clock(m.at).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(m.id.c_str());
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.8f, 0.4f, 1));
      ImGui::TextWrapped("%s %s → %s%s%s", m.action.kind.c_str(), m.action.target.c_str(), m.role.c_str(),
                         m.condition.kind != drill::Condition::Kind::None ? ", if " : "",
                         m.condition.text.c_str());
      ImGui::PopStyleColor();
      ImGui::TextWrapped("%s", m.text.c_str());
      if (!m.expected.empty()) ImGui::TextDisabled(tr("expected: %s"), m.expected.c_str());
      ImGui::TableNextColumn();
      std::string st = to_string(li.state);
      if (li.state == drill::InjectState::Due && li.hold_asked) st = "due, to hold";
      if (li.state == drill::InjectState::Due && li.skip_asked) st = "due, to skip";
      ImGui::TextColored(state_colour(li.state), "%s", st.c_str());
      ImGui::TableNextColumn();
      const bool open = li.state != drill::InjectState::Fired && li.state != drill::InjectState::Skipped;
      ImGui::BeginDisabled(!open || live_.ended());
      if (ImGui::SmallButton(ui("fire"))) report(ctx, "fire " + m.id, live_.fire_now(i, s));
      ImGui::SameLine();
      ImGui::BeginDisabled(li.state != drill::InjectState::Due || li.hold_asked);
      if (ImGui::SmallButton(ui("hold"))) report(ctx, "hold " + m.id, live_.hold(i, s));
      ImGui::EndDisabled();
      ImGui::SameLine();
      if (ImGui::SmallButton(ui("skip"))) report(ctx, "skip " + m.id, live_.skip(i, s));
      ImGui::EndDisabled();
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  // An unscripted inject: kind, target, who receives it, its text.
  ImGui::SetNextItemWidth(ui_px(95));
  ImGui::InputText("##ik", inject_kind_, sizeof inject_kind_);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ui_px(140));
  ImGui::InputTextWithHint("##it", "target", inject_target_, sizeof inject_target_);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ui_px(120));
  ImGui::InputTextWithHint("##ir", "to role", inject_role_, sizeof inject_role_);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(ui_px(100), ImGui::GetContentRegionAvail().x - ui_px(110)));
  ImGui::InputTextWithHint("##ix", "text the players receive", inject_text_, sizeof inject_text_);
  ImGui::SameLine();
  if (ImGui::Button(ui("add inject")))
    report(ctx, "inject", live_.add_inject(inject_kind_, inject_target_, inject_text_, inject_role_, s));
  // A player's decision typed in (broadcast, door_knock, assist, delay_team, ...) with
  // the role and reason above; clicks on the map and the shelter list are decisions too.
  ImGui::SetNextItemWidth(ui_px(95));
  ImGui::InputText("##dk", decide_kind_, sizeof decide_kind_);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ui_px(200));
  ImGui::InputTextWithHint("##dt", "target", decide_target_, sizeof decide_target_);
  ImGui::SameLine();
  if (ImGui::Button(ui("decide"))) {
    report(ctx, "decision", live_.decide(decide_kind_, decide_target_, role(), reason_buf_, s));
    if (last_error_.empty()) reason_buf_[0] = '\0';
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(ui_px(100), ImGui::GetContentRegionAvail().x - ui_px(60)));
  ImGui::InputTextWithHint("##note", "note", note_buf_, sizeof note_buf_);
  ImGui::SameLine();
  if (ImGui::Button(ui("note"))) {
    live_.note(note_buf_, role(), s);
    note_buf_[0] = '\0';
  }
  if (!last_error_.empty()) ImGui::TextColored(ImVec4(1, 0.45f, 0.45f, 1), "%s", last_error_.c_str());
  ImGui::End();
}

void DrillMode::draw_players(AppContext& ctx, float width, float height) {
  if (!active_) return;
  const Simulation& s = ctx.session.sim();
  ImGui::SetNextWindowPos(ImVec2(0, 0), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
  if (!ImGui::Begin(ui("Command post"), nullptr,
                    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                        ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  ImGui::Text("%s   %s", desc_.name.c_str(), format_clock(s.time()).c_str());
  if (ImGui::Button(ui("back to the trainer's window"))) set_players_view(ctx, false);
  const auto& rec = live_.received();
  if (ImGui::CollapsingHeader(ui("Messages received"), ImGuiTreeNodeFlags_DefaultOpen)) {
    int n = 0;
    for (auto it = rec.rbegin(); it != rec.rend(); ++it) {
      if (it->kind != drill::Received::Kind::Inject) continue;
      const bool call = it->what == "message";
      ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.4f, 1), "%s  to %s%s", format_clock(it->t).c_str(),
                         it->role.c_str(), call ? " (call)" : "");
      ImGui::Indent();
      ImGui::TextWrapped("%s", it->text.c_str());
      ImGui::Unindent();
      ++n;
    }
    if (n == 0) ImGui::TextDisabled("%s", tr("Nothing has come in yet."));
  }
  if (ImGui::CollapsingHeader(ui("Shelter counts (as reported)"), ImGuiTreeNodeFlags_DefaultOpen)) {
    const auto counts = drill::reported_shelters(s.model(), s.state(), s.time(), timing_);
    if (counts.empty() || std::isnan(counts.front().as_of)) {
      ImGui::TextDisabled(tr("No count has come in yet (every %s, received %s later)."),
                          format_clock(timing_.shelter_every).c_str(),
                          format_clock(timing_.shelter_delay).c_str());
    } else {
      ImGui::TextDisabled(tr("counted at %s, received %s"), format_clock(counts.front().as_of).c_str(),
                          format_clock(counts.front().received).c_str());
      // Eight rows in view, then the table scrolls: the decisions below stay in sight.
      const float rows = static_cast<float>(std::min<std::size_t>(counts.size(), 8));
      if (ImGui::BeginTable("counts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                            ImVec2(0, rows * ImGui::GetTextLineHeightWithSpacing() + ui_px(4)))) {
        for (std::size_t i = 0; i < counts.size(); ++i) {
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(s.model().world.shelters[i].name.c_str());
          ImGui::TableNextColumn();
          ImGui::Text("%lld / %lld", static_cast<long long>(counts[i].persons),
                      static_cast<long long>(counts[i].capacity));
        }
        ImGui::EndTable();
      }
    }
  }
  if (ImGui::CollapsingHeader(ui("Team reports"), ImGuiTreeNodeFlags_DefaultOpen)) {
    const auto reports = drill::reported_tasks(s.model(), s.state(), s.time(), timing_);
    if (reports.empty()) ImGui::TextDisabled("%s", tr("No team has reported back yet."));
    // The newest eight.
    for (std::size_t k = reports.size(); k-- > 0 && reports.size() - k <= 8;) {
      const drill::TeamReport& r = reports[k];
      ImGui::TextWrapped(
          "%s  %s: %s done%s", format_clock(r.received).c_str(), r.team.c_str(), r.task.c_str(),
          r.carried > 0 ? (", " + std::to_string(r.carried) + " taken to a shelter").c_str() : "");
    }
  }
  if (ImGui::CollapsingHeader(ui("Decisions taken"), ImGuiTreeNodeFlags_DefaultOpen)) {
    int n = 0;
    for (auto it = rec.rbegin(); it != rec.rend(); ++it) {
      if (it->kind == drill::Received::Kind::Inject) continue;
      ImGui::TextColored(ImVec4(0.6f, 0.85f, 1.0f, 1), "%s  %s", format_clock(it->t).c_str(),
                         it->role.c_str());
      ImGui::Indent();
      if (it->kind == drill::Received::Kind::Decision)
        ImGui::TextWrapped("%s %s%s%s", it->what.c_str(), it->target.c_str(), it->reason.empty() ? "" : " — ",
                           it->reason.c_str());
      else
        ImGui::TextWrapped(tr("note: %s"), it->text.c_str());
      ImGui::Unindent();
      ++n;
    }
    if (n == 0) ImGui::TextDisabled("%s", tr("No decision yet."));
  }
  ImGui::End();
}

bool DrillMode::script_command(AppContext& ctx, const std::string& cmd,
                               const std::vector<std::string>& args) {
  auto need_active = [&] {
    if (!active_) throw std::runtime_error(cmd + ": the drill has not started");
  };
  auto inject_index = [&](const std::string& id) {
    for (std::size_t i = 0; i < live_.injects().size(); ++i)
      if (live_.injects()[i].msel.id == id) return i;
    throw std::runtime_error(cmd + ": no inject " + id + " in the exercise script");
  };
  auto check = [&](const std::string& err) {
    report(ctx, cmd, err);
    if (!err.empty()) throw std::runtime_error(cmd + ": " + err);
  };
  const std::string rest = joined(args);
  if (cmd == "drill_role") {
    need_active();
    const auto& roles = live_.roles();
    const auto it = std::find(roles.begin(), roles.end(), rest);
    if (it == roles.end()) throw std::runtime_error("drill_role: no role '" + rest + "' in the drill");
    role_ = static_cast<std::size_t>(it - roles.begin());
  } else if (cmd == "drill_reason") {
    std::snprintf(reason_buf_, sizeof reason_buf_, "%s", rest.c_str());
  } else if (cmd == "drill_fire" || cmd == "drill_hold" || cmd == "drill_skip") {
    need_active();
    if (args.empty()) throw std::runtime_error(cmd + " needs an inject id");
    const std::size_t i = inject_index(args[0]);
    Simulation& s = sim(ctx);
    check(cmd == "drill_fire"   ? live_.fire_now(i, s)
          : cmd == "drill_hold" ? live_.hold(i, s)
                                : live_.skip(i, s));
  } else if (cmd == "drill_inject") {
    need_active();
    const auto f = fields(rest);
    if (f.size() != 4) throw std::runtime_error("drill_inject needs KIND | TARGET | ROLE | TEXT");
    check(live_.add_inject(f[0], f[1], f[3], f[2], sim(ctx)));
  } else if (cmd == "drill_decide") {
    need_active();
    const auto f = fields(rest);
    if (f.size() != 2) throw std::runtime_error("drill_decide needs KIND | TARGET");
    check(live_.decide(f[0], f[1], role(), reason_buf_, sim(ctx)));
    reason_buf_[0] = '\0';
  } else if (cmd == "drill_note") {
    need_active();
    live_.note(rest, role(), sim(ctx));
  } else if (cmd == "drill_auto_pause") {
    auto_pause_ = rest == "on";
  } else if (cmd == "drill_fast") {
    need_active();
    if (args.empty()) throw std::runtime_error("drill_fast needs a factor");
    run_fast(ctx, std::stod(args[0]));
  } else if (cmd == "drill_view") {
    need_active();
    set_players_view(ctx, rest == "players");
  } else if (cmd == "drill_dump") {
    if (args.empty()) throw std::runtime_error("drill_dump needs a file");
    dump(ctx, args[0]);
  } else {
    return false;
  }
  return true;
}

void DrillMode::dump(AppContext& ctx, const std::string& path) const {
  json j;
  j["active"] = active_;
  j["journal"] = live_.journal_path();
  j["lines_written"] = live_.lines_written();
  j["lines_replayed"] = live_.lines_replayed();
  j["rebuild_s"] = rebuild_s_;
  j["ended"] = live_.ended();
  j["players_view"] = players_view_;
  j["playing"] = ctx.time.playing;
  j["speed"] = std::isfinite(ctx.time.speed) ? ctx.time.speed : -1.0;
  j["role"] = role();
  j["roles"] = live_.roles();
  j["residents_layer"] = ctx.view.layers.residents;
  if (ctx.session.ready()) {
    j["time"] = ctx.session.sim().time();
    j["step"] = ctx.session.state().step;
  }
  j["injects"] = json::array();
  for (const drill::LiveInject& li : live_.injects())
    j["injects"].push_back({{"id", li.msel.id}, {"state", drill::to_string(li.state)}, {"by", li.by}});
  j["received"] = json::array();
  for (const drill::Received& r : live_.received())
    j["received"].push_back({{"kind", r.kind == drill::Received::Kind::Inject     ? "inject"
                                      : r.kind == drill::Received::Kind::Decision ? "decision"
                                                                                  : "note"},
                             {"t", r.t},
                             {"role", r.role},
                             {"what", r.what},
                             {"target", r.target},
                             {"reason", r.reason}});
  if (ctx.session.ready()) {
    const Simulation& s = ctx.session.sim();
    const auto counts = drill::reported_shelters(s.model(), s.state(), s.time(), timing_);
    std::int64_t reported = 0, actual = 0;
    for (const auto& c : counts) reported += c.persons;
    for (const std::int32_t o : s.state().occupancy) actual += o;
    j["shelters_reported"] = reported;
    j["shelters_actual"] = actual;
    j["counts_as_of"] =
        counts.empty() || std::isnan(counts.front().as_of) ? json() : json(counts.front().as_of);
    j["team_reports"] = drill::reported_tasks(s.model(), s.state(), s.time(), timing_).size();
  }
  write_whole_file(ctx, path, j.dump(1) + "\n");
}

}  // namespace ss::gui
