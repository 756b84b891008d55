// The loading screen: which scene is loading, each stage done with its time, the
// stage under way with its time so far, and the time since the load started. A town
// with a flood grid takes tens of seconds; the trainer in front of a room must see
// that something is happening and what.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "engine/core/display_text.hpp"
#include "gui/panels.hpp"
#include "gui/ui_fonts.hpp"
#include "i18n/language.hpp"

namespace ss::gui {
namespace {

// Seconds with one decimal under a minute, else h:mm:ss like every clock in the GUI.
std::string duration_text(double s) {
  if (s >= 60.0) return format_clock(s);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

}  // namespace

void loading_screen(AppContext& ctx) {
  if (!ctx.session.loading()) return;
  const sf::FloatRect vp = ctx.map.camera().viewport();
  const double elapsed = ctx.session.loading_seconds();
  const std::vector<LoadStage> stages = ctx.session.loading_stages();
  ImGui::SetNextWindowPos(ImVec2(vp.left + vp.width / 2, vp.top + vp.height / 2), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  // As wide as the map area allows, up to 460 px at scale 1 (the longest stage name,
  // "linking homes, shelters and hazards to the streets", and its time on one line).
  const float width = std::min(vp.width - ui_px(20), ui_px(460));
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);  // height 0: fit the stages
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                                      ImGuiWindowFlags_NoMove;
  if (ImGui::Begin("##loading", nullptr, kFlags)) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextWrapped(tr("Loading %s"), ctx.session.loading_source().label().c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    const float time_x = width - ui_px(90);
    for (std::size_t k = 0; k < stages.size(); ++k) {
      const LoadStage& st = stages[k];
      const bool running = st.seconds < 0;
      const double took = running ? elapsed - st.start : st.seconds;
      if (running)
        ImGui::TextUnformatted(("\u2192 " + st.name).c_str());
      else
        ImGui::TextDisabled("   %s", st.name.c_str());
      ImGui::SameLine(time_x);
      if (running)
        ImGui::TextUnformatted(duration_text(took).c_str());
      else
        ImGui::TextDisabled("%s", duration_text(took).c_str());
    }
    if (stages.empty()) ImGui::TextDisabled("%s", tr("starting"));
    // The load cannot say how far along it is, so the bar sweeps to show it is alive.
    const float phase = static_cast<float>(std::fmod(elapsed, 2.0) / 2.0);
    ImGui::ProgressBar(phase, ImVec2(-1, 0), ("elapsed " + duration_text(elapsed)).c_str());
  }
  ImGui::End();
}

}  // namespace ss::gui
