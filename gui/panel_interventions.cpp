// Interventions (click mode, closed streets, fires, shelters; on the micro model
// rooms and exits), the event log and export.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "engine/hazards/fire/fire_hazard.hpp"
#include "engine/plan/responders.hpp"
#include "gui/actions.hpp"
#include "gui/event_log.hpp"
#include "gui/panels.hpp"
#include "gui/ui_fonts.hpp"
#include "i18n/language.hpp"

namespace ss::gui {

namespace {

// Records that a control was drawn this frame, for dump_ui's "controls".
void control_drawn(AppContext& ctx, const char* name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ctx.probes.push_back({std::string("control.") + name, a.x, a.y, b.x, b.y, a.x, b.x});
}

// The shelters (on the micro model: the exits and where they lead) with their
// occupancy and a button to close or reopen each.
void shelter_table(AppContext& ctx, bool micro) {
  const Model& m = ctx.session.model();
  const SimState& s = ctx.session.state();
  const float row = ImGui::GetFrameHeightWithSpacing();
  // Up to seven rows, then the table scrolls: the event log below must stay in view.
  const float height =
      std::min(ui_px(24) + row * 7, ui_px(24) + row * static_cast<float>(m.world.shelters.size()));
  if (!ImGui::BeginTable("shelters", 3, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg, ImVec2(0, height)))
    return;
  control_drawn(ctx, micro ? "exits" : "shelters");
  ImGui::TableSetupColumn(micro ? ui("Exit to") : ui("Shelter"));
  ImGui::TableSetupColumn(micro ? ui("Out") : ui("Persons"), ImGuiTableColumnFlags_WidthFixed, ui_px(90));
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ui_px(50));
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < m.world.shelters.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextColumn();
    const bool selected = ctx.view.selection.kind == Selection::Kind::Shelter && ctx.view.selection.id == i;
    const std::string& name = m.world.shelters[i].name;
    if (ImGui::Selectable(name.empty() ? ("shelter " + std::to_string(i)).c_str() : name.c_str(), selected))
      ctx.view.selection = {Selection::Kind::Shelter, static_cast<std::uint32_t>(i)};
    ImGui::TableNextColumn();
    if (micro)
      ImGui::TextUnformatted(format_count(static_cast<std::uint64_t>(s.occupancy[i])).c_str());
    else
      ImGui::Text("%s/%s", format_count(static_cast<std::uint64_t>(s.occupancy[i])).c_str(),
                  format_count(static_cast<std::uint64_t>(m.world.shelters[i].capacity)).c_str());
    ImGui::TableNextColumn();
    if (ImGui::SmallButton(s.shelter_closed[i] ? ui("open") : ui("close")))
      set_shelter_closed(ctx, ShelterId{i}, !s.shelter_closed[i], micro ? "exit list" : "shelter list");
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// Micro model: each room (a named walkable polygon, a zone of the model) with the
// people who started there and how many of them are out.
void room_table(AppContext& ctx) {
  const Model& m = ctx.session.model();
  if (m.world.zones.empty()) return;
  const RunMetrics& metrics = current_metrics(ctx);
  const float row = ImGui::GetFrameHeightWithSpacing();
  const float height =
      std::min(ui_px(24) + row * 7, ui_px(24) + row * static_cast<float>(m.world.zones.size()));
  if (!ImGui::BeginTable("rooms", 2, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg, ImVec2(0, height)))
    return;
  control_drawn(ctx, "rooms");
  ImGui::TableSetupColumn(ui("Room"));
  ImGui::TableSetupColumn(ui("Out of it"), ImGuiTableColumnFlags_WidthFixed, ui_px(150));
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  for (std::size_t z = 0; z < m.world.zones.size() && z < metrics.by_zone.size(); ++z) {
    const EvacuationTimes& t = metrics.by_zone[z];
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(m.world.zones[z].name.c_str());
    ImGui::TableNextColumn();
    if (t.residents == 0)
      ImGui::TextDisabled("%s", tr("nobody"));
    else if (t.t100)
      ImGui::Text(tr("all, at %s"), format_clock(*t.t100).c_str());
    else
      ImGui::TextUnformatted(format_share(t.safe, t.residents).c_str());
  }
  ImGui::EndTable();
}

// The plan's mutual-aid offers: what each brings and how soon, a button to ask for
// it, and once asked for, when its teams are ready.
void mutual_aid_table(AppContext& ctx) {
  const Model& m = ctx.session.model();
  const SimState& s = ctx.session.state();
  const auto& offers = m.plan.response.mutual_aid;
  if (offers.empty()) return;
  ImGui::TextUnformatted(tr("Mutual aid"));
  control_drawn(ctx, "mutual_aid");
  for (std::size_t o = 0; o < offers.size(); ++o) {
    ImGui::PushID(static_cast<int>(o));
    std::size_t teams = 0;
    for (const Team& t : m.plan.response.teams) teams += t.aid == static_cast<std::int32_t>(o) ? 1 : 0;
    const double asked = o < s.response.aid_requested.size() ? s.response.aid_requested[o] : NAN;
    std::string text = offers[o].name + ": " + std::to_string(teams) + (teams == 1 ? " team" : " teams");
    if (std::isnan(asked)) {
      text += ", ready " + format_clock(offers[o].delay) + " after the request";
      ImGui::AlignTextToFramePadding();
      ImGui::TextWrapped("%s", text.c_str());
      if (ImGui::SmallButton(ui("request"))) request_mutual_aid(ctx, o, "interventions panel");
    } else {
      text +=
          ", requested at " + format_clock(asked) + ", ready at " + format_clock(mutual_aid_ready(m, s, o));
      ImGui::TextWrapped("%s", text.c_str());
    }
    ImGui::PopID();
  }
}

}  // namespace

void interventions_section(AppContext& ctx) {
  const bool ready = ctx.session.ready();
  const bool micro = ready && ctx.session.model().movement == MovementKind::Micro;
  const bool fire = ready && find_fire(ctx.session.model());
  // What a click can do here: a micro area has no streets to close; a scenario
  // without a fire offers no fire to start.
  if (micro && ctx.view.mode == ClickMode::ToggleRoad) ctx.view.mode = ClickMode::Inspect;
  if (ready && !fire && ctx.view.mode == ClickMode::StartFire) ctx.view.mode = ClickMode::Inspect;
  int mode = static_cast<int>(ctx.view.mode);
  ImGui::TextUnformatted(tr("Click on the map to"));
  ImGui::SameLine();
  ImGui::RadioButton(ui("inspect"), &mode, 0);
  if (!micro) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize("close/reopen a street").x + ui_px(30))
      ImGui::NewLine();
    ImGui::RadioButton(ui("close/reopen a street"), &mode, 1);
    control_drawn(ctx, "close_street");
  }
  if (!ready || fire) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x <
        ImGui::CalcTextSize(ui("start a fire"), nullptr, true).x + ui_px(30))
      ImGui::NewLine();
    ImGui::RadioButton(ui("start a fire"), &mode, 2);
    control_drawn(ctx, "start_fire");
  }
  ctx.view.mode = static_cast<ClickMode>(mode);
  if (!ready) return;
  const Model& m = ctx.session.model();
  const SimState& s = ctx.session.state();
  if (fire) fire_summary(ctx);

  if (micro) {
    room_table(ctx);
    shelter_table(ctx, true);
    return;
  }
  int shown = 0;
  for (std::size_t e = 0; e < s.edge_closed.size(); ++e) {
    if (!s.edge_closed[e]) continue;
    ImGui::PushID(static_cast<int>(e));
    ImGui::AlignTextToFramePadding();
    // The button beside the street when both fit on a line, else the name wrapped and
    // the button below it.
    const std::string text = "closed: " + street_words(m, static_cast<std::uint32_t>(e));
    const float both = ImGui::CalcTextSize(text.c_str()).x + ImGui::CalcTextSize("reopen").x + ui_px(20);
    if (both <= ImGui::GetContentRegionAvail().x) {
      ImGui::TextUnformatted(text.c_str());
      ImGui::SameLine();
    } else {
      ImGui::TextWrapped("%s", text.c_str());
    }
    if (ImGui::SmallButton(ui("reopen"))) set_road_closed(ctx, EdgeId{e}, false, "interventions panel");
    ImGui::PopID();
    ++shown;
  }
  if (shown == 0) ImGui::TextDisabled("%s", tr("No street is closed."));
  control_drawn(ctx, "closed_streets");
  shelter_table(ctx, false);
  mutual_aid_table(ctx);
}

void log_section(AppContext& ctx) {
  EventLog& log = ctx.log;
  static constexpr const char* kLabels[kEventKindCount] = {tr_noop("injects"), tr_noop("interventions"),
                                                           tr_noop("warnings"), tr_noop("import notes"),
                                                           tr_noop("session")};
  for (std::size_t k = 0; k < kEventKindCount; ++k) {
    char label[48];
    // Translated text, the English kind as the checkbox's id.
    std::snprintf(label, sizeof label, "%s (%zu)###%s", tr(kLabels[k]), log.counts[k], kLabels[k]);
    if (k > 0 && ImGui::GetContentRegionAvail().x > ImGui::CalcTextSize(label, nullptr, true).x + ui_px(40))
      ImGui::SameLine();
    ImGui::Checkbox(label, &log.show[k]);
  }
  // Ten lines of text, at any UI scale.
  if (ImGui::BeginChild("log", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 10), true)) {
    const bool follow = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1;
    for (const EventLine& l : log.lines) {
      if (!log.show[static_cast<std::size_t>(l.kind)]) continue;
      char wall[32];
      std::snprintf(wall, sizeof wall, "[%.0f s]", l.wall);
      const std::string when = l.pending                ? std::string("next step")
                               : std::isnan(l.sim_time) ? wall
                                                        : format_clock(l.sim_time);
      const std::string line = when + "  " + l.text;
      const ImVec4 colour = l.kind == EventKind::Inject         ? ImVec4(1.0f, 0.8f, 0.4f, 1)
                            : l.kind == EventKind::Intervention ? ImVec4(0.6f, 0.85f, 1.0f, 1)
                            : l.kind == EventKind::Warning      ? ImVec4(1, 0.4f, 0.4f, 1)
                                                           : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
      // Wrapped, not cut at the panel's edge: a street's name and way id are the point.
      ImGui::PushStyleColor(ImGuiCol_Text, colour);
      ImGui::TextWrapped("%s", line.c_str());
      ImGui::PopStyleColor();
    }
    // Follow new entries unless the user scrolled up to read.
    if (follow) ImGui::SetScrollHereY(1.0f);
    log.at_newest = follow;
  }
  ImGui::EndChild();
}

void export_section(AppContext& ctx) {
  Buffers& b = ctx.buffers;
  ImGui::SetNextItemWidth(-ui_px(90));
  ImGui::InputText("##shot", b.screenshot_path, sizeof b.screenshot_path);
  ImGui::SameLine();
  if (ImGui::Button(ui("Screenshot"))) ctx.screenshot_request = b.screenshot_path;
  ImGui::SetNextItemWidth(-ui_px(90));
  ImGui::InputText("##results", b.results_dir, sizeof b.results_dir);
  ImGui::SameLine();
  ImGui::BeginDisabled(!results_export_supported() || !ctx.session.ready());
  if (ImGui::Button(ui("Results"))) export_results(ctx, b.results_dir);
  ImGui::EndDisabled();
  ImGui::SetNextItemWidth(-ui_px(90));
  ImGui::InputText("##briefing", b.briefing_path, sizeof b.briefing_path);
  ImGui::SameLine();
  ImGui::BeginDisabled(!briefing_export_supported() || !ctx.session.ready());
  if (ImGui::Button(ui("Briefing map"))) export_briefing_map(ctx, b.briefing_path);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr("A4 landscape sheet of this view at this time, .pdf or .png"));
  ImGui::EndDisabled();
  ImGui::SetNextItemWidth(-ui_px(90));
  ImGui::InputTextWithHint("##compare", tr("run folder to compare with"), b.compare_dir,
                           sizeof b.compare_dir);
  ImGui::SetNextItemWidth(-ui_px(90));
  ImGui::InputText("##difference", b.difference_path, sizeof b.difference_path);
  ImGui::SameLine();
  ImGui::BeginDisabled(!briefing_export_supported() || !ctx.session.ready() || b.compare_dir[0] == '\0');
  if (ImGui::Button(ui("Difference map"))) export_difference_map(ctx, b.compare_dir, b.difference_path);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip(
        "%s", tr("Homes by the change in time to safety: this run against the folder above, .pdf or .png"));
  ImGui::EndDisabled();
}

}  // namespace ss::gui
