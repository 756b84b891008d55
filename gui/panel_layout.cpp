// The two side panels that frame the map. Fixed, opaque sidebars rather than
// floating windows: a trainer in front of a room should never lose a panel or
// have it cover the part of the map everyone is looking at.
#include <imgui.h>

#include "gui/fire_service_layers.hpp"
#include "gui/panels.hpp"
#include "gui/timeline.hpp"
#include "i18n/language.hpp"

namespace ss::gui {
namespace {
constexpr ImGuiWindowFlags kSidebar = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

// The sidebars' background is the window's clear colour (App::frame clears with
// kPanelBg), so ImGui draws none: a transparent fill is skipped by ImGui, and under
// a software renderer a blended full-height rectangle per panel costs milliseconds
// a frame that the clear does for free.
bool begin_sidebar(const char* name) {
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
  const bool open = ImGui::Begin(name, nullptr, kSidebar);
  ImGui::PopStyleColor();
  return open;
}
}  // namespace

void draw_left_panel(AppContext& ctx, float height) {
  const PanelWidths pw = panel_widths(ImGui::GetIO().DisplaySize.x, ctx.ui_scale());
  ImGui::SetNextWindowPos(ImVec2(0, 0), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(pw.left, height), ImGuiCond_Always);
  if (begin_sidebar("SafeStreet")) {
    const bool scenario_open = ImGui::CollapsingHeader(ui("Scenario"), ImGuiTreeNodeFlags_DefaultOpen);
    probe(ctx, "title.scenario");  // where the first title is drawn, for dump_ui (language tests)
    if (scenario_open) scenario_section(ctx);
    if (ImGui::CollapsingHeader(ui("Time"), ImGuiTreeNodeFlags_DefaultOpen)) time_section(ctx);
    if (ImGui::CollapsingHeader(ui("Timeline"), ImGuiTreeNodeFlags_DefaultOpen)) timeline_section(ctx);
    if (ImGui::CollapsingHeader(ui("Layers and legend"), ImGuiTreeNodeFlags_DefaultOpen)) layers_section(ctx);
    if (ImGui::CollapsingHeader(ui("Key figures"), ImGuiTreeNodeFlags_DefaultOpen)) kpi_section(ctx);
  }
  ImGui::End();
}

void draw_right_panel(AppContext& ctx, float window_width, float height) {
  const PanelWidths pw = panel_widths(window_width, ctx.ui_scale());
  ImGui::SetNextWindowPos(ImVec2(window_width - pw.right, 0), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(pw.right, height), ImGuiCond_Always);
  if (begin_sidebar(ui("Run"))) {
    // With a fire service its incidents come first: when the first engine came and
    // what held each appliance up is what a fire exercise is about.
    if (ctx.session.ready() && find_fire_service(ctx.session.model()) &&
        ImGui::CollapsingHeader(ui("Fire service"), ImGuiTreeNodeFlags_DefaultOpen))
      fire_service_section(ctx);
    if (ImGui::CollapsingHeader(ui("Plots"), ImGuiTreeNodeFlags_DefaultOpen)) plots_section(ctx);
    if (ImGui::CollapsingHeader(ui("Inspector"), ImGuiTreeNodeFlags_DefaultOpen)) inspector_section(ctx);
    if (ImGui::CollapsingHeader(ui("Interventions"), ImGuiTreeNodeFlags_DefaultOpen))
      interventions_section(ctx);
    if (ImGui::CollapsingHeader(ui("Event log"), ImGuiTreeNodeFlags_DefaultOpen)) log_section(ctx);
    if (ImGui::CollapsingHeader(ui("Export"))) export_section(ctx);
  }
  ImGui::End();
}

}  // namespace ss::gui
