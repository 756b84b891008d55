// What the panels and the map show of the fire service (its legend is in
// gui/legend.hpp): the station names on the map, and the incident list with each delay that trainers
// and planners look at — when the first engine came, what held each appliance up.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "gui/actions.hpp"
#include "gui/fire_service_layers.hpp"
#include "gui/map_style.hpp"
#include "gui/panels.hpp"
#include "i18n/language.hpp"

namespace ss::gui {
namespace {

// A time in the one clock format (h:mm:ss), or "-" when it has not happened (NaN).
void minutes_cell(double s) {
  if (std::isnan(s)) return ImGui::TextDisabled("-");
  ImGui::TextUnformatted(format_clock(s).c_str());
}

// A delay: "-" when there was none (under 3 s), amber h:mm:ss when there was.
void delay_cell(double s) {
  if (!(s >= 3.0)) return ImGui::TextDisabled("-");
  ImGui::TextColored(ImVec4(1.0f, 0.72f, 0.3f, 1), "%s", format_clock(s).c_str());
}

void header_tooltip(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

// Column headers with an explanation each, since the short names must fit 370 px.
void headers(std::initializer_list<std::pair<const char*, const char*>> cols) {
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  int i = 0;
  for (const auto& [name, tip] : cols) {
    ImGui::TableSetColumnIndex(i++);
    ImGui::TableHeader(name);
    header_tooltip(tip);
  }
}

}  // namespace

void draw_station_labels(AppContext& ctx) {
  if (!ctx.session.ready() || !ctx.view.layers.stations) return;
  const FireHazard* fire = find_fire_service(ctx.session.model());
  if (!fire) return;
  const Camera& cam = ctx.map.camera();
  const sf::FloatRect vp = cam.viewport();
  // The sidebars draw no background of their own: keep the names inside the map.
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  dl->PushClipRect(ImVec2(vp.left, vp.top), ImVec2(vp.left + vp.width, vp.top + vp.height), true);
  for (const FireStation& st : fire->desc().service.stations) {
    const sf::Vector2f p = cam.to_screen(st.pos);
    const ImVec2 size = ImGui::CalcTextSize(st.name.c_str());
    // Right of the station's square and rim (style::kStationHalfPx + kStationRimPx)
    // with a gap, on a dark box padded by kLabelPadPx, all at the UI scale.
    const float u = ctx.ui_scale(), pad = style::kLabelPadPx * u;
    const ImVec2 a(p.x + (style::kStationHalfPx + style::kStationRimPx + 3) * u, p.y - size.y / 2 - pad / 3);
    dl->AddRectFilled(a, ImVec2(a.x + size.x + 2 * pad, a.y + size.y + 2 * pad / 3), IM_COL32(0, 0, 0, 170),
                      pad);
    dl->AddText(ImVec2(a.x + pad, a.y + pad / 3), IM_COL32(255, 255, 255, 255), st.name.c_str());
  }
  dl->PopClipRect();
}

void fire_service_section(AppContext& ctx) {
  if (!ctx.session.ready()) return;
  const Model& m = ctx.session.model();
  const FireHazard* fire = find_fire_service(m);
  const FireRun* run = fire ? find_fire_run(m, ctx.session.state()) : nullptr;
  if (!run) return ImGui::TextDisabled("%s", tr("This scenario has no fire service."));
  const FireServiceDesc& d = fire->desc().service;
  const FireServiceRun& r = run->service;
  const double t = ctx.session.sim().time();

  // Where the appliances are, the hydrants and this run's lanes, in two lines.
  std::vector<ApplianceMark> marks;  // a few dozen at most
  appliance_positions(m, *fire, *run, t, marks);
  std::array<int, 5> by_stage{};
  for (const ApplianceMark& a : marks) ++by_stage[static_cast<std::size_t>(a.stage)];
  auto n = [&](ApplianceStage st) { return by_stage[static_cast<std::size_t>(st)]; };
  ImGui::TextWrapped(
      "%zu stations, %zu appliances: %d on scene, %d on the way, %d turning out, %d in station, "
      "%d standing by elsewhere",
      d.stations.size(), marks.size(), n(ApplianceStage::OnScene), n(ApplianceStage::Driving),
      n(ApplianceStage::TurningOut), n(ApplianceStage::AtStation), n(ApplianceStage::Standing));
  int working = 0;
  for (const std::uint8_t w : r.hydrant_working) working += w ? 1 : 0;
  int met = 0;
  for (const ApplianceTask& task : r.tasks)
    if (task.arrived <= t || !task.note.empty()) met += static_cast<int>(task.reroutes);
  ImGui::TextWrapped(tr("Hydrants: %d of %zu working. Obstructions this run: %zu, %d met by crews so far."),
                     working, d.hydrants.size(), r.obstructions.size(), met);

  if (r.incidents.empty()) return ImGui::TextDisabled("%s", tr("No fire has been called in yet."));
  const double detect = d.params.detection_delay;
  ImGui::TextDisabled(tr("Times after the call (ignition + %s detection), h:mm:ss"),
                      format_clock(detect).c_str());
  std::int32_t& sel = ctx.view.fire_incident;
  const auto n_inc = static_cast<std::int32_t>(r.incidents.size());
  if (sel >= n_inc) sel = -1;
  const std::int32_t shown = sel >= 0 ? sel : n_inc - 1;
  constexpr ImGuiTableFlags kTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                     ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
  const float rows_h = ImGui::GetTextLineHeightWithSpacing();
  if (ImGui::BeginTable("incidents", 7, kTable,
                        ImVec2(0, std::min(150.0f, rows_h * (1.6f + static_cast<float>(n_inc)))))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (int c = 0; c < 7; ++c)
      ImGui::TableSetupColumn(nullptr, c == 0 ? ImGuiTableColumnFlags_WidthFixed : 0);
    headers(
        {{"#",
          "Incident: a fire started (scheduled, random or from the GUI); buildings it spreads to join it"},
         {"call", "Clock time of the emergency call: ignition + detection delay"},
         {"alarm", "Crews alarmed (after call handling)"},
         {"engine", "First pumper on scene, ready to attack"},
         {"1st al.", "First alarm complete: every appliance of the first alarm on scene"},
         {"ctrl", "Under control: every building of the incident out or held"},
         {"bldg", "Buildings of the incident that caught fire"}});
    for (std::int32_t k = 0; k < n_inc; ++k) {
      const FireIncident& inc = r.incidents[static_cast<std::size_t>(k)];
      const double call = inc.ignited + detect;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      char id[16];
      std::snprintf(id, sizeof id, "%d", k + 1);
      if (ImGui::Selectable(id, k == shown, ImGuiSelectableFlags_SpanAllColumns)) {
        sel = k;
        if (inc.origin < m.world.buildings.size())
          ctx.map.camera().center_on(m.world.buildings[inc.origin].centroid);
      }
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(tr("Fire in building %u (map id %lld), ignited at %s%s"), inc.origin,
                          inc.origin < m.world.buildings.size()
                              ? static_cast<long long>(m.world.buildings[inc.origin].source_id)
                              : -1LL,
                          format_clock(inc.ignited).c_str(),
                          inc.put_out_by_residents ? "; put out by residents with an extinguisher" : "");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_clock(call).c_str());
      ImGui::TableNextColumn();
      minutes_cell(inc.put_out_by_residents ? NAN : inc.alarm - call);
      ImGui::TableNextColumn();
      if (inc.put_out_by_residents)
        ImGui::TextDisabled("%s", tr("residents"));
      else
        minutes_cell(inc.first_engine - call);
      ImGui::TableNextColumn();
      minutes_cell(inc.first_alarm_complete - call);
      ImGui::TableNextColumn();
      minutes_cell(inc.controlled - call);
      ImGui::TableNextColumn();
      ImGui::Text("%u", inc.buildings);
    }
    ImGui::EndTable();
  }

  // The appliances sent to the incident shown, each with what held it up.
  const FireIncident& inc = r.incidents[static_cast<std::size_t>(shown)];
  const double call = inc.ignited + detect;
  ImGui::Text(tr("Appliances at incident %d"), shown + 1);
  int rows = 0;
  for (const ApplianceTask& task : r.tasks)
    rows += task.incident == static_cast<std::uint32_t>(shown) ? 1 : 0;
  if (rows == 0)
    return ImGui::TextDisabled(inc.put_out_by_residents ? "None: residents put it out." : "None sent yet.");
  // The delays first, the station last: the table scrolls sideways past 370 px, with
  // the appliance column kept in view.
  if (ImGui::BeginTable("tasks", 9, kTable | ImGuiTableFlags_ScrollX,
                        ImVec2(0, std::min(200.0f, rows_h * (2.6f + static_cast<float>(rows)))))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int c = 0; c < 9; ++c) ImGui::TableSetupColumn(nullptr);
    headers({{"appliance", "Appliance type (its station in the last column); click to centre the map on it"},
             {"on sc.", "On scene, after the call (h:mm:ss)"},
             {"note",
              "Why it could not do its job (no_route: no street open to it leads there; beyond_hose: "
              "the building lies beyond its hose from the nearest place it could stop)"},
             {"turn.", "Turnout: alarm to wheels rolling (0 when the crew was already out)"},
             {"detour",
              "Drive time beyond the drive planned at dispatch: obstructions met on the way, re-routes"},
             {"hose", "Hose laying beyond the attack reach, on foot"},
             {"water", "Time on scene without water (no working hydrant within reach, tank empty)"},
             {"ladder", "Residents a turntable ladder could not reach for want of a set-up area"},
             {"station", "The station it came from"}});
    for (std::size_t q = 0; q < r.tasks.size(); ++q) {
      const ApplianceTask& task = r.tasks[q];
      if (task.incident != static_cast<std::uint32_t>(shown)) continue;
      ImGui::PushID(static_cast<int>(q));
      const ApplianceRun* ap = task.appliance < r.appliances.size() ? &r.appliances[task.appliance] : nullptr;
      const ApplianceType* ty = ap && ap->type < d.types.size() ? &d.types[ap->type] : nullptr;
      const FireStation* st = ap && ap->station < d.stations.size() ? &d.stations[ap->station] : nullptr;
      // Everything of a drive is known when it is dispatched; the table tells it as it
      // happens, so a trainer's room does not see an arrival before it comes.
      const bool there = task.arrived <= t;
      // No arrival and a note (no_route): it got stuck on the way, from then on.
      const bool failed =
          std::isnan(task.arrived) && !task.note.empty() && task.dispatched + task.turnout + task.drive <= t;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const Rgb kc = ty ? kApplianceColour[static_cast<std::size_t>(ty->kind)] : kSelection;
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(kc.r / 255.f, kc.g / 255.f, kc.b / 255.f, 1));
      if (ImGui::Selectable(ty ? ty->name.c_str() : "?", false) && task.appliance < marks.size())
        ctx.map.camera().center_on(marks[task.appliance].pos);
      ImGui::PopStyleColor();
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(tr("%s from %s, dispatched at %s%s; %s"), ty ? ty->name.c_str() : "?",
                          st ? st->name.c_str() : "?", format_clock(task.dispatched).c_str(),
                          task.first_alarm ? " (first alarm)" : "",
                          task.appliance < marks.size() ? to_string(marks[task.appliance].stage) : "?");
      ImGui::TableNextColumn();
      if (there)
        ImGui::TextUnformatted(format_clock(task.arrived - call).c_str());
      else if (failed)
        ImGui::TextColored(ImVec4(1, 0.45f, 0.45f, 1), "never");
      else
        ImGui::TextDisabled(t < task.dispatched + task.turnout ? "alarmed" : "driving");
      ImGui::TableNextColumn();
      if (failed || (there && !task.note.empty()))
        ImGui::TextColored(ImVec4(1, 0.45f, 0.45f, 1), "%s", task.note.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_clock(task.turnout).c_str());
      ImGui::TableNextColumn();
      if (there || failed) {
        delay_cell(task.drive - task.planned_drive);
        if (task.reroutes > 0 && ImGui::IsItemHovered())
          ImGui::SetTooltip(tr("%u obstruction(s) met; planned %s, drove %s"), task.reroutes,
                            format_clock(task.planned_drive).c_str(), format_clock(task.drive).c_str());
      } else {
        ImGui::TextDisabled("-");
      }
      ImGui::TableNextColumn();
      if (there) {
        delay_cell(task.hose_lay_delay);
        if (task.hose > 0 && ImGui::IsItemHovered())
          ImGui::SetTooltip(tr("%.0f m of hose to the building"), task.hose);
      } else {
        ImGui::TextDisabled("-");
      }
      ImGui::TableNextColumn();
      delay_cell(there ? task.waiting_for_water : 0.0);
      ImGui::TableNextColumn();
      if (there && task.no_ladder_position > 0)
        ImGui::TextColored(ImVec4(1.0f, 0.72f, 0.3f, 1), "%u pers.", task.no_ladder_position);
      else
        ImGui::TextDisabled("-");
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", st ? st->name.c_str() : "?");
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
}

}  // namespace ss::gui
