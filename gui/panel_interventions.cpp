// Interventions (click mode, closed streets, fires, shelters), the event log and export.
#include <imgui.h>

#include "engine/hazards/fire/fire_hazard.hpp"
#include "gui/actions.hpp"
#include "gui/panels.hpp"

namespace ss::gui {

void interventions_section(AppContext& ctx) {
  int mode = static_cast<int>(ctx.view.mode);
  ImGui::TextUnformatted("Click on the map to");
  ImGui::SameLine();
  ImGui::RadioButton("inspect", &mode, 0);
  ImGui::RadioButton("close/reopen a street", &mode, 1);
  ImGui::SameLine();
  ImGui::RadioButton("start a fire", &mode, 2);
  ctx.view.mode = static_cast<ClickMode>(mode);
  if (!ctx.session.ready()) return;
  const Model& m = ctx.session.model();
  const SimState& s = ctx.session.state();
  if (find_fire(m)) {
    fire_summary(ctx);
  } else if (ctx.view.mode == ClickMode::StartFire) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.6f, 0.3f, 1));
    ImGui::TextWrapped("This scenario has no fire: a click cannot start one.");
    ImGui::PopStyleColor();
  }

  int shown = 0;
  for (std::size_t e = 0; e < s.edge_closed.size(); ++e) {
    if (!s.edge_closed[e]) continue;
    ImGui::PushID(static_cast<int>(e));
    const std::string& name = m.world.streets.edge_name[e];
    ImGui::Text("closed: street %zu %s", e, name.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("reopen")) set_road_closed(ctx, EdgeId{e}, false, "interventions panel");
    ImGui::PopID();
    ++shown;
  }
  if (shown == 0) ImGui::TextDisabled("No street is closed.");

  if (ImGui::BeginTable("shelters", 3, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg,
                        ImVec2(0, std::min(160.0f, 24.0f + 22.0f * static_cast<float>(m.world.shelters.size()))))) {
    ImGui::TableSetupColumn("Shelter");
    ImGui::TableSetupColumn("Persons", ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 50);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < m.world.shelters.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextColumn();
      const bool selected = ctx.view.selection.kind == Selection::Kind::Shelter && ctx.view.selection.id == i;
      if (ImGui::Selectable(m.world.shelters[i].name.c_str(), selected))
        ctx.view.selection = {Selection::Kind::Shelter, static_cast<std::uint32_t>(i)};
      ImGui::TableNextColumn();
      ImGui::Text("%d/%d", s.occupancy[i], m.world.shelters[i].capacity);
      ImGui::TableNextColumn();
      if (ImGui::SmallButton(s.shelter_closed[i] ? "open" : "close"))
        set_shelter_closed(ctx, ShelterId{i}, !s.shelter_closed[i], "shelter list");
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
}

void log_section(AppContext& ctx) {
  if (ImGui::BeginChild("log", ImVec2(0, 130), true)) {
    if (ctx.session.ready()) {
      for (const JournalEntry& j : ctx.session.state().records.journal)
        ImGui::Text("%s  %s %u  (%s)", format_clock(j.time).c_str(), to_string(j.intervention.kind),
                    j.intervention.target, j.intervention.note.c_str());
      for (const Intervention& p : ctx.session.state().pending)
        ImGui::TextDisabled("next step  %s %u", to_string(p.kind), p.target);
    }
    for (const LogLine& l : ctx.messages.lines()) {
      if (l.error) ImGui::TextColored(ImVec4(1, 0.4f, 0.4f, 1), "[gui %.0fs] %s", l.wall, l.text.c_str());
      else ImGui::TextDisabled("[gui %.0fs] %s", l.wall, l.text.c_str());
    }
    // Follow new entries unless the user scrolled up to read.
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1) ImGui::SetScrollHereY(1.0f);
  }
  ImGui::EndChild();
}

void export_section(AppContext& ctx) {
  Buffers& b = ctx.buffers;
  ImGui::SetNextItemWidth(-90);
  ImGui::InputText("##shot", b.screenshot_path, sizeof b.screenshot_path);
  ImGui::SameLine();
  if (ImGui::Button("Screenshot")) ctx.screenshot_request = b.screenshot_path;
  ImGui::SetNextItemWidth(-90);
  ImGui::InputText("##results", b.results_dir, sizeof b.results_dir);
  ImGui::SameLine();
  ImGui::BeginDisabled(!results_export_supported() || !ctx.session.ready());
  if (ImGui::Button("Results")) export_results(ctx, b.results_dir);
  ImGui::EndDisabled();
}

}  // namespace ss::gui
