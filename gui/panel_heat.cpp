// The "Heat maps" section of the layers panel: which heat layer the map shows
// (gui/heat_choice.hpp; the script's `heat NAME`) and its legend, the classes of the heat
// table with their units (maps/heat_classes.hpp).
#include <imgui.h>

#include "gui/heat_choice.hpp"
#include "gui/map_style.hpp"
#include "gui/panels.hpp"

namespace ss::gui {

void heat_maps_section(AppContext& ctx) {
  const SceneHas has = scene_has(ctx);
  // What this scene can show: streets with the network model, water with a flood,
  // smoke with a fire, time to safety wherever people live in buildings.
  auto offered = [&](HeatLayer h) {
    switch (h) {
      case HeatLayer::None: return true;
      case HeatLayer::PeakDensity:
      case HeatLayer::QueueTime: return has.streets && !has.micro;
      case HeatLayer::WaterExposure: return has.flood && has.buildings;
      case HeatLayer::SmokeDose: return has.fire && has.buildings;
      case HeatLayer::TimeToSafety: return has.buildings;
    }
    return false;
  };
  if (!offered(ctx.view.heat)) ctx.view.heat = HeatLayer::None;
  ImGui::TextUnformatted(tr("Heat maps (so far)"));
  probe(ctx, "layers.text");
  int chosen = static_cast<int>(ctx.view.heat);
  bool first = true;
  for (std::size_t k = 0; k < kHeatLayerCount; ++k) {
    if (!offered(static_cast<HeatLayer>(k))) continue;
    if (!first) flow(tr(kHeatLabels[k]), ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    first = false;
    ImGui::PushID(static_cast<int>(k));  // "none" is also a label elsewhere in the panel
    ImGui::RadioButton(ui(kHeatLabels[k]), &chosen, static_cast<int>(k));
    ImGui::PopID();
    probe(ctx, "layers.radio");
  }
  ctx.view.heat = static_cast<HeatLayer>(chosen);
  if (ctx.view.heat == HeatLayer::None) return;
  // The classes, as the map fills streets or homes (opaque, the classes' exact colours).
  const float u = ctx.ui_scale();
  const std::span<const maps::HeatClass> classes = heat_classes(ctx.view.heat);
  for (std::size_t k = 0; k < classes.size(); ++k) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = style::kLegendGlyphPx * u, h = ImGui::GetTextLineHeight();
    const maps::Rgb8 c = classes[k].colour;
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(p.x, p.y + h / 2 - 5 * u), ImVec2(p.x + w, p.y + h / 2 + 5 * u), IM_COL32(c.r, c.g, c.b, 255));
    ImGui::Dummy(ImVec2(w, h));
    ImGui::SameLine();
    ImGui::TextWrapped("%s", tr(classes[k].label));
    probe(ctx, "layers.legend");
  }
}

}  // namespace ss::gui
