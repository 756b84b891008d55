// What the panels and the map's corner show of a fire: how many buildings burn, and
// the wind. Its legend is in gui/legend.hpp.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/hazards/fire/fire_hazard.hpp"
#include "gui/panels.hpp"
#include "i18n/language.hpp"

namespace ss::gui {

void fire_summary(AppContext& ctx) {
  const Model& m = ctx.session.model();
  const FireHazard* fire = find_fire(m);
  const FireRun* run = fire ? find_fire_run(m, ctx.session.state()) : nullptr;
  if (!run) return;
  const double t = ctx.session.sim().time();
  int ignited = 0, full = 0, out = 0, put_out = 0;
  for (const std::uint32_t b : run->spread.order) {
    switch (run->state_of(b, t, fire->course())) {
      case BuildingFireState::Ignited: ++ignited; break;
      case BuildingFireState::FullyInvolved: ++full; break;
      case BuildingFireState::BurntOut: ++out; break;
      case BuildingFireState::Extinguished: ++put_out; break;
      case BuildingFireState::NotBurning: break;
    }
  }
  if (fire->desc().service.enabled)
    ImGui::TextWrapped(tr("Fire: %d buildings burning (%d fully involved), %d burnt out, %d put out"),
                       ignited + full, full, out, put_out);
  else
    ImGui::TextWrapped(tr("Fire: %d buildings burning (%d fully involved), %d burnt out"), ignited + full,
                       full, out);
}

void draw_wind(AppContext& ctx) {
  if (!ctx.session.ready() || !ctx.view.layers.wind) return;
  const FireHazard* fire = find_fire(ctx.session.model());
  if (!fire || fire->desc().wind.speed.empty()) return;
  const WindSeries& wind = fire->desc().wind;
  const double t = ctx.session.sim().time();
  const double speed = wind.speed_at(t);
  const bool calm = speed < fire->desc().params.calm_wind;
  char label[64];
  if (calm)
    std::snprintf(label, sizeof label, "wind calm");
  else
    std::snprintf(label, sizeof label, "wind %.*f m/s from %.0f\xc2\xb0", speed < 9.95 ? 1 : 0, speed,
                  wind.from_deg[wind.index_at(t)]);
  // A dark box in the map's top-right corner (the error banner takes the top
  // middle, the scale bar and mode hints the bottom left).
  // Sizes in px at UI scale 1, times the scale: the compass grows with the text.
  const float u = ctx.ui_scale();
  const sf::FloatRect vp = ctx.map.camera().viewport();
  const ImVec2 text = ImGui::CalcTextSize(label);
  const float bw = std::max(120.0f * u, text.x + 20 * u), bh = 100 * u;
  const ImVec2 a(vp.left + vp.width - 14 * u - bw, vp.top + 14 * u), b(a.x + bw, a.y + bh);
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  dl->AddRectFilled(a, b, IM_COL32(0, 0, 0, 160), 4 * u);
  const ImVec2 c(a.x + bw / 2, a.y + 40 * u);
  const float radius = 30 * u;  // the compass ring, room for the arrow and "N" above it
  const ImU32 ring = IM_COL32(150, 150, 160, 200), ink = IM_COL32(235, 235, 245, 255);
  dl->AddCircle(c, radius, ring, 32, 1.5f * u);
  dl->AddText(ImVec2(c.x - ImGui::CalcTextSize("N").x / 2, c.y - radius - 1 * u), ring, "N");
  if (calm) {
    dl->AddCircleFilled(c, 3 * u, ink);
  } else {
    // The arrow points where the wind blows, longer in stronger wind (full length
    // from 20 m/s on); the map's y grows north, the screen's down.
    const Vec2 to = wind.toward_at(t);
    const double n = std::hypot(to.x, to.y);
    const ImVec2 d(static_cast<float>(to.x / n), static_cast<float>(-to.y / n));
    const float len = u * std::clamp(16.0f + 2.2f * static_cast<float>(speed), 18.0f, 2 * 30.0f - 6);
    const ImVec2 tail(c.x - d.x * len / 2, c.y - d.y * len / 2);
    const ImVec2 tip(c.x + d.x * len / 2, c.y + d.y * len / 2);
    const float head = 11 * u;  // arrow head length, a third of the ring's radius
    const ImVec2 base(tip.x - d.x * head, tip.y - d.y * head);
    dl->AddLine(tail, base, ink, 3.0f * u);
    dl->AddTriangleFilled(tip, ImVec2(base.x - d.y * head * 0.55f, base.y + d.x * head * 0.55f),
                          ImVec2(base.x + d.y * head * 0.55f, base.y - d.x * head * 0.55f), ink);
  }
  dl->AddText(ImVec2(a.x + (bw - text.x) / 2, b.y - text.y - 8 * u), ink, label);
}

}  // namespace ss::gui
