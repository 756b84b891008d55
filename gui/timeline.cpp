// The timeline scrubber: see gui/timeline.hpp.
#include "gui/timeline.hpp"
#include "i18n/language.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "gui/actions.hpp"
#include "gui/app_context.hpp"
#include "gui/drill_mode.hpp"
#include "gui/event_log.hpp"
#include "gui/palette.hpp"
#include "gui/panels.hpp"
#include "gui/ui_fonts.hpp"

namespace ss::gui {
namespace {

ImU32 colour(Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

std::string mark_text(const Model& m, double t, bool inject, const Intervention& iv) {
  std::string s = format_clock(t) + (inject ? " inject: " : " decision: ") + describe(m, iv);
  if (!iv.note.empty()) s += " \u2014 " + iv.note;
  return s;
}

}  // namespace

std::vector<TimelineMark> timeline_marks(const Model& m, const SnapshotStore& history, double now) {
  std::vector<TimelineMark> marks;
  const double end = static_cast<double>(history.furthest_step()) * m.run.dt;
  for (const ScriptedInject& in : m.plan.injects)
    if (in.time <= end + 0.5 * m.run.dt)
      marks.push_back({in.time, true, in.time > now, mark_text(m, in.time, true, in.intervention)});
  for (const JournalEntry& e : history.interventions())
    marks.push_back({e.time, false, e.time > now, mark_text(m, e.time, false, e.intervention)});
  std::stable_sort(marks.begin(), marks.end(),
                   [](const TimelineMark& a, const TimelineMark& b) { return a.time < b.time; });
  return marks;
}

void jump_to(AppContext& ctx, double time_s) {
  Session& s = ctx.session;
  if (!s.ready()) return ctx.messages.error("nothing to jump in: no scene is loaded");
  // A drill's journal holds events in the order they happened, and a jump back would
  // fire its injects again: the timeline goes over a drill once its run has ended.
  if (ctx.drill && ctx.drill->active() && !ctx.drill->ended())
    return ctx.messages.error("a drill is under way: the timeline goes back over it once its run has ended");
  const auto t0 = std::chrono::steady_clock::now();
  const JumpResult r = s.jump(time_s);
  const double ms = 1e3 * std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double dt = s.model().run.dt;
  char buf[160];
  std::snprintf(buf, sizeof buf, "jumped to %s (%s %s, %llu steps, %.0f ms)",
                format_clock(static_cast<double>(r.to_step) * dt).c_str(),
                r.restored ? "from the snapshot at" : "on from",
                format_clock(static_cast<double>(r.restored_step) * dt).c_str(),
                static_cast<unsigned long long>(r.steps), ms);
  ctx.messages.info(buf);
}

void timeline_section(AppContext& ctx) {
  Session& s = ctx.session;
  if (!s.ready()) return ImGui::TextDisabled("%s", tr("Load a scene to scrub through its run."));
  const Model& m = s.model();
  const SnapshotStore& h = s.history();
  const double dt = m.run.dt;
  const double now = s.sim().time();
  const double end = static_cast<double>(h.furthest_step()) * dt;

  // The bar: the whole width, the time reached so far from left to right.
  const float w = std::max(ui_px(60), ImGui::GetContentRegionAvail().x);
  const float bar_h = ui_px(26);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##timeline", ImVec2(w, bar_h));
  probe(ctx, "timeline.bar");
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const ImVec2 p1(p0.x + w, p0.y + bar_h);
  auto x_of = [&](double t) { return p0.x + (end > 0 ? static_cast<float>(t / end) : 0.0f) * w; };
  auto t_of = [&](float x) { return end * std::clamp(static_cast<double>((x - p0.x) / w), 0.0, 1.0); };

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, p1, ImGui::GetColorU32(ImGuiCol_FrameBg));
  // Played so far on screen, in a neutral grey so both kinds of tick stand out on it;
  // the rest of the bar is the time reached beyond it.
  dl->AddRectFilled(p0, ImVec2(x_of(now), p1.y), IM_COL32(78, 84, 96, 255));
  // Snapshots as dots along the bottom edge: where a jump restores from.
  const float dot = std::max(1.0f, std::floor(ui_px(1.5f)));
  for (const Snapshot& snap : h.snapshots()) {
    const float x = std::floor(x_of(static_cast<double>(snap.step) * dt));
    dl->AddRectFilled(ImVec2(x, p1.y - dot), ImVec2(x + dot, p1.y),
                      ImGui::GetColorU32(ImGuiCol_TextDisabled));
  }
  // Ticks: injects in the upper half, decisions in the lower; those ahead of the
  // time on screen fainter (they come again when the run gets there).
  const std::vector<TimelineMark> marks = timeline_marks(m, h, now);
  const float tick = std::max(2.0f, std::floor(ui_px(2)));
  const float mid = std::floor(p0.y + 0.5f * bar_h);
  for (const TimelineMark& k : marks) {
    const float x = std::floor(std::min(x_of(k.time), p1.x - tick));
    const Rgb c = k.inject ? kTimelineInject : kTimelineDecision;
    const ImVec2 a(x, k.inject ? p0.y + 1 : mid + 1), b(x + tick, k.inject ? mid - 1 : p1.y - 1);
    dl->AddRectFilled(a, b, colour(c, k.ahead ? 110 : 255));
  }
  // The time on screen: a white line with a handle.
  const float xn = std::floor(x_of(now));
  dl->AddRectFilled(ImVec2(xn - 1, p0.y - 2), ImVec2(xn + 1, p1.y + 2), IM_COL32_WHITE);

  // Hover: the mark under the mouse, or the time a click would go to.
  const float mx = ImGui::GetIO().MousePos.x;
  if (hovered && !active) {
    const TimelineMark* near = nullptr;
    float best = ui_px(4);
    const bool upper = ImGui::GetIO().MousePos.y < mid;
    for (const TimelineMark& k : marks) {
      const float d = std::abs(x_of(k.time) - mx);
      if (k.inject == upper && d <= best) best = d, near = &k;
    }
    if (near)
      ImGui::SetTooltip("%s%s", near->text.c_str(),
                        near->ahead ? "\n(comes again when the run gets there)" : "");
    else if (end > 0)
      ImGui::SetTooltip(tr("show the run at %s"), format_clock(t_of(mx)).c_str());
  }
  // Click or drag: the run pauses and follows the mouse.
  if (active && end > 0) {
    ctx.time.playing = false;
    const double t = t_of(mx);
    if (std::llround(t / dt) != static_cast<long long>(s.state().step)) jump_to(ctx, t);
  }

  ImGui::TextDisabled("0:00:00");
  const std::string right = tr("reached ") + format_clock(end);
  ImGui::SameLine(std::max(0.0f, ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(right.c_str()).x));
  ImGui::TextDisabled("%s", right.c_str());
  probe(ctx, "timeline.text");
  std::size_t injects = 0;
  for (const TimelineMark& k : marks) injects += k.inject ? 1 : 0;
  ImGui::TextDisabled(tr("%zu injects, %zu decisions, %zu snapshots (%.0f MB)"), injects,
                      marks.size() - injects, h.snapshots().size(), static_cast<double>(h.bytes()) / 1e6);
  probe(ctx, "timeline.text");
  // Steps either way for a precise look, the start and the furthest time.
  const double minute = 60.0;
  if (ImGui::SmallButton("|<")) jump_to(ctx, 0.0);
  flow(ui("-1 min"));
  if (ImGui::SmallButton(ui("-1 min"))) jump_to(ctx, now - minute);
  flow(ui("+1 min"));
  if (ImGui::SmallButton(ui("+1 min"))) jump_to(ctx, now + minute);
  flow(">|");
  if (ImGui::SmallButton(">|")) jump_to(ctx, end);
}

}  // namespace ss::gui
