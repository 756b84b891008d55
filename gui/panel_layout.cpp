// The two side panels that frame the map. Fixed, opaque sidebars rather than
// floating windows: a trainer in front of a room should never lose a panel or
// have it cover the part of the map everyone is looking at.
#include <imgui.h>

#include "gui/panels.hpp"

namespace ss::gui {
namespace {
constexpr ImGuiWindowFlags kSidebar = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
}

void draw_left_panel(AppContext& ctx, float height) {
  ImGui::SetNextWindowPos(ImVec2(0, 0), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(kLeftPanelWidth, height), ImGuiCond_Always);
  if (ImGui::Begin("SafeStreet", nullptr, kSidebar)) {
    if (ImGui::CollapsingHeader("Scenario", ImGuiTreeNodeFlags_DefaultOpen)) scenario_section(ctx);
    if (ImGui::CollapsingHeader("Time", ImGuiTreeNodeFlags_DefaultOpen)) time_section(ctx);
    if (ImGui::CollapsingHeader("Layers and legend", ImGuiTreeNodeFlags_DefaultOpen)) layers_section(ctx);
    if (ImGui::CollapsingHeader("Key figures", ImGuiTreeNodeFlags_DefaultOpen)) kpi_section(ctx);
  }
  ImGui::End();
}

void draw_right_panel(AppContext& ctx, float window_width, float height) {
  ImGui::SetNextWindowPos(ImVec2(window_width - kRightPanelWidth, 0), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(kRightPanelWidth, height), ImGuiCond_Always);
  if (ImGui::Begin("Run", nullptr, kSidebar)) {
    if (ImGui::CollapsingHeader("Plots", ImGuiTreeNodeFlags_DefaultOpen)) plots_section(ctx);
    if (ImGui::CollapsingHeader("Inspector", ImGuiTreeNodeFlags_DefaultOpen)) inspector_section(ctx);
    if (ImGui::CollapsingHeader("Interventions", ImGuiTreeNodeFlags_DefaultOpen)) interventions_section(ctx);
    if (ImGui::CollapsingHeader("Event log", ImGuiTreeNodeFlags_DefaultOpen)) log_section(ctx);
    if (ImGui::CollapsingHeader("Export")) export_section(ctx);
  }
  ImGui::End();
}

}  // namespace ss::gui
