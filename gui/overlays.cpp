// Things drawn over the map itself: zone and shelter names, the error banner, the
// loading notice, the scale bar, a fire's wind, fire stations' names and the click-mode hint.
#include <imgui.h>

#include <cmath>

#include "gui/actions.hpp"
#include "gui/panels.hpp"
#include "i18n/language.hpp"

namespace ss::gui {
namespace {

// Longest "nice" length (1, 2, 5 × 10^k m) that fits in `max_px` at `scale` px/m.
double nice_length(double max_px, double scale) {
  const double max_m = max_px / scale;
  const double p = std::pow(10.0, std::floor(std::log10(max_m)));
  for (const double f : {5.0, 2.0, 1.0})
    if (f * p <= max_m) return f * p;
  return p;
}

void scale_bar(const Camera& cam) {
  const sf::FloatRect vp = cam.viewport();
  const double len_m = nice_length(160.0, cam.scale());
  const auto len_px = static_cast<float>(len_m * cam.scale());
  const ImVec2 a(vp.left + 16, vp.top + vp.height - 22);
  const ImVec2 b(a.x + len_px, a.y);
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  dl->AddRectFilled(ImVec2(a.x - 6, a.y - 22), ImVec2(b.x + 6, a.y + 8), IM_COL32(0, 0, 0, 150), 3);
  dl->AddLine(a, b, IM_COL32(255, 255, 255, 255), 2);
  dl->AddLine(a, ImVec2(a.x, a.y - 6), IM_COL32(255, 255, 255, 255), 2);
  dl->AddLine(b, ImVec2(b.x, b.y - 6), IM_COL32(255, 255, 255, 255), 2);
  char label[32];
  if (len_m >= 1000)
    std::snprintf(label, sizeof label, "%g km", len_m / 1000);
  else
    std::snprintf(label, sizeof label, "%g m", len_m);
  dl->AddText(ImVec2(a.x, a.y - 20), IM_COL32(255, 255, 255, 255), label);
}

}  // namespace

void draw_overlays(AppContext& ctx) {
  const sf::FloatRect vp = ctx.map.camera().viewport();
  constexpr ImGuiWindowFlags kOverlay =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
  draw_map_labels(ctx);
  if (ctx.session.ready()) scale_bar(ctx.map.camera());
  draw_wind(ctx);
  draw_station_labels(ctx);

  if (!ctx.messages.banner().empty()) {
    ImGui::SetNextWindowPos(ImVec2(vp.left + vp.width / 2, vp.top + 10), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(200, 0), ImVec2(vp.width - 20, 200));
    ImGui::PushStyleColor(ImGuiCol_WindowBg,
                          ImVec4(kBannerBg.r / 255.f, kBannerBg.g / 255.f, kBannerBg.b / 255.f, 1));
    if (ImGui::Begin("##error", nullptr, kOverlay)) {
      ImGui::PushTextWrapPos(vp.width - 40);
      ImGui::TextUnformatted(ctx.messages.banner().c_str());
      ImGui::PopTextWrapPos();
      if (ImGui::SmallButton(ui("Dismiss"))) ctx.messages.dismiss_banner();
    }
    ImGui::End();
    ImGui::PopStyleColor();
  }

  if (ctx.session.loading()) {
    loading_screen(ctx);
  } else if (!ctx.session.ready()) {
    ImGui::SetNextWindowPos(ImVec2(vp.left + vp.width / 2, vp.top + vp.height / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("##empty", nullptr, kOverlay))
      ImGui::TextUnformatted(tr("Open a scenario file or a demo scene in the Scenario panel."));
    ImGui::End();
  }

  if (ctx.view.mode == ClickMode::ToggleRoad && ctx.session.ready()) {
    ImGui::GetBackgroundDrawList()->AddText(ImVec2(vp.left + 16, vp.top + vp.height - 60),
                                            IM_COL32(255, 90, 90, 255),
                                            "Road mode: click a street to close or reopen it");
  }
  if (ctx.view.mode == ClickMode::StartFire && ctx.session.ready()) {
    ImGui::GetBackgroundDrawList()->AddText(ImVec2(vp.left + 16, vp.top + vp.height - 60),
                                            IM_COL32(255, 150, 60, 255),
                                            "Fire mode: click a building to start a fire in it");
  }
}

}  // namespace ss::gui
