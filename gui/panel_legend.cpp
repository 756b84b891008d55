// The legend of every visible map layer, drawn from the one table in gui/legend.hpp
// with the glyph each layer draws on the map.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/hazards/fire/fire_hazard.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "gui/fire_service_layers.hpp"
#include "gui/legend.hpp"
#include "gui/map_style.hpp"
#include "gui/panels.hpp"
#include "i18n/language.hpp"

namespace ss::gui {
namespace {

ImU32 im(Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

bool visible(LegendLayer l, const ViewState& v, const SceneHas& h) {
  const Layers& s = v.layers;
  switch (l) {
    case LegendLayer::ResidentsByState: return s.residents && v.colour_by == ColourBy::State;
    case LegendLayer::ResidentsByAge: return s.residents && v.colour_by == ColourBy::AgeBand;
    case LegendLayer::ResidentsByMobility: return s.residents && v.colour_by == ColourBy::Mobility;
    case LegendLayer::LateResidents: return s.residents && s.late_residents;
    case LegendLayer::Streets: return s.streets && h.streets;
    case LegendLayer::ClosedRoads: return s.closed_roads && h.streets;
    case LegendLayer::FloodedRoads: return s.flooded_roads && h.flood;
    case LegendLayer::Crowding: return s.congestion;  // streets, or a micro area's floor
    case LegendLayer::Shelters: return s.shelters && h.shelters;
    case LegendLayer::Teams: return s.responders && h.teams;
    case LegendLayer::Zones: return s.zones && h.zones;
    case LegendLayer::ZoneShareSafe: return s.zone_shading && v.zone_measure == ZoneMeasure::ShareSafe;
    case LegendLayer::ZoneT90: return s.zone_shading && v.zone_measure == ZoneMeasure::T90;
    case LegendLayer::Water: return s.water && h.flood;
    case LegendLayer::LowLying: return s.low_lying && h.low_lying;
    case LegendLayer::Fire: return s.fire && h.fire;
    case LegendLayer::Smoke: return s.smoke && h.fire;
    case LegendLayer::Lanes: return s.lanes && h.service;
    case LegendLayer::Hydrants: return s.hydrants && h.service;
    case LegendLayer::Stations: return s.stations && h.service;
    case LegendLayer::Engines: return s.engines && h.service;
  }
  return false;
}

// How wide entry() draws `e`: glyph, spacing, label on one line.
float entry_width(const LegendEntry& e, float u) {
  return style::kLegendGlyphPx * u + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(tr(e.label)).x;
}

// One entry: its glyph as the map draws it, then the label (wrapped at the panel's
// edge). Glyph sizes are px at UI scale 1, times `u`.
void entry(AppContext& ctx, const LegendEntry& e, float u) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = style::kLegendGlyphPx * u, h = ImGui::GetTextLineHeight();
  const ImVec2 mid(p.x + w / 2, p.y + h / 2);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 ink = IM_COL32(10, 10, 10, 255), c = im(e.colour);
  switch (e.glyph) {
    case Glyph::Dot:
      dl->AddRectFilled(ImVec2(mid.x - 2 * u, mid.y - 2 * u), ImVec2(mid.x + 2 * u, mid.y + 2 * u), c);
      break;
    case Glyph::LateDot: {
      const float half = style::kLateDotPx * u / 2, rim = style::kLateRimPx * u;
      dl->AddRectFilled(ImVec2(mid.x - half - rim, mid.y - half - rim),
                        ImVec2(mid.x + half + rim, mid.y + half + rim), ink);
      dl->AddRectFilled(ImVec2(mid.x - half, mid.y - half), ImVec2(mid.x + half, mid.y + half), c);
      break;
    }
    case Glyph::Bar: dl->AddRectFilled(ImVec2(p.x, mid.y - 3 * u), ImVec2(p.x + w, mid.y + 3 * u), c); break;
    case Glyph::Dashed:
      // style::kDashOnPx on, a gap, the rest of the glyph on.
      dl->AddRectFilled(ImVec2(p.x, mid.y - 2 * u), ImVec2(p.x + style::kDashOnPx * u, mid.y + 2 * u), c);
      dl->AddRectFilled(ImVec2(p.x + 11 * u, mid.y - 2 * u), ImVec2(p.x + w, mid.y + 2 * u), c);
      break;
    case Glyph::Diamond: {
      const float outer = 7 * u,
                  inner = 5 * u;  // half-diagonals with and without the rim: between a hydrant's and a team's
      dl->AddQuadFilled(ImVec2(mid.x, mid.y - outer), ImVec2(mid.x + outer, mid.y),
                        ImVec2(mid.x, mid.y + outer), ImVec2(mid.x - outer, mid.y), ink);
      dl->AddQuadFilled(ImVec2(mid.x, mid.y - inner), ImVec2(mid.x + inner, mid.y),
                        ImVec2(mid.x, mid.y + inner), ImVec2(mid.x - inner, mid.y), c);
      break;
    }
    case Glyph::Square:
    case Glyph::Station: {
      // An appliance's or a station's half size (style::kApplianceHalfPx, kStationHalfPx) and rim.
      const float half = (e.glyph == Glyph::Station ? style::kStationHalfPx : style::kApplianceHalfPx) * u;
      const float rim = style::kFireMarkRimPx * u;
      const ImU32 rim_ink = e.glyph == Glyph::Station ? im(kSelection) : ink;
      dl->AddRectFilled(ImVec2(mid.x - half - rim, mid.y - half - rim),
                        ImVec2(mid.x + half + rim, mid.y + half + rim), rim_ink);
      dl->AddRectFilled(ImVec2(mid.x - half, mid.y - half), ImVec2(mid.x + half, mid.y + half), c);
      break;
    }
    case Glyph::Line: dl->AddLine(ImVec2(p.x, mid.y), ImVec2(p.x + w, mid.y), c, style::kHosePx * u); break;
    case Glyph::Outline:
      dl->AddRect(ImVec2(p.x + u, mid.y - 6 * u), ImVec2(p.x + w - u, mid.y + 6 * u), c, 0, 0,
                  style::kZoneEdgePx * u);
      break;
    case Glyph::Patch:
    case Glyph::Ramp:
      dl->AddRectFilled(ImVec2(p.x, mid.y - 6 * u), ImVec2(p.x + w, mid.y + 6 * u), ink);
      dl->AddRectFilled(ImVec2(p.x + u, mid.y - 5 * u), ImVec2(p.x + w - u, mid.y + 5 * u), c);
      break;
  }
  ImGui::Dummy(ImVec2(w, h));
  ImGui::SameLine();
  ImGui::TextWrapped("%s", tr(e.label));
  probe(ctx, "layers.legend");
}

// A continuous ramp as the map blends it over the background: `colour(u)` for u in
// [0, 1] left to right, with tick labels at `ticks` (u, text). As wide as
// style::kLegendRampWidthPx at the UI scale `scale`, or the panel when narrower.
template <typename F>
void ramp(AppContext& ctx, float scale, F colour,
          std::initializer_list<std::pair<float, const char*>> ticks) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = std::min(style::kLegendRampWidthPx * scale, ImGui::GetContentRegionAvail().x);
  const float h = style::kLegendRampHeightPx * scale;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), im(kBackground));
  constexpr int kSteps = 40;
  for (int i = 0; i < kSteps; ++i) {
    const Rgba c = colour((static_cast<float>(i) + 0.5f) / kSteps);
    dl->AddRectFilled(ImVec2(p.x + w * static_cast<float>(i) / kSteps, p.y),
                      ImVec2(p.x + w * static_cast<float>(i + 1) / kSteps, p.y + h), im(c.rgb, c.a));
  }
  ImGui::Dummy(ImVec2(w, h));
  probe(ctx, "layers.ramp");
  for (const auto& [u, label] : ticks) {
    const float x = p.x + w * u;
    dl->AddLine(ImVec2(x, p.y + h), ImVec2(x, p.y + h + 3 * scale), IM_COL32(200, 200, 200, 255));
    const float tw = ImGui::CalcTextSize(label).x;
    // Up to 4 px (at scale 1) past the ramp's ends, never past the panel's edges.
    const float lo =
        std::max(p.x - 4 * scale, ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMin().x);
    const float hi = std::min(p.x + w - tw + 4 * scale,
                              ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - tw);
    const float tx = std::max(lo, std::min(x - tw / 2, hi));
    dl->AddText(ImVec2(tx, p.y + h + 3 * scale), IM_COL32(200, 200, 200, 255), label);
  }
  ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight()));
}

// Water depth over 0..kWaterDeepM, as the flood layer colours it.
void water_ramp(AppContext& ctx) {
  ramp(ctx, ctx.ui_scale(), [](float u) { return water_colour(kWaterDryM + (kWaterDeepM - kWaterDryM) * u); },
       {{0.0f, "0"}, {0.25f, "0.5"}, {0.5f, "1 m"}, {0.75f, "1.5"}, {1.0f, "2+ m"}});
}

// Smoke's alpha on a log scale of the visibility through it, clear on the left.
void smoke_ramp(AppContext& ctx) {
  const float lo = std::log(3.0f), hi = std::log(kSmokeClearM);
  auto u_of = [&](float vis) { return (hi - std::log(vis)) / (hi - lo); };
  ramp(ctx, ctx.ui_scale(),
       [&](float u) {
         return Rgba{kSmoke, smoke_alpha(std::exp(hi - (hi - lo) * u))};
       },
       {{u_of(1000), "1 km"}, {u_of(100), "100"}, {u_of(30), "30"}, {u_of(10), "10"}, {u_of(3), "3 m"}});
}

}  // namespace

SceneHas scene_has(const AppContext& ctx) {
  SceneHas h;
  if (!ctx.session.ready()) return h;
  const Model& m = ctx.session.model();
  const FloodHazard* flood = find_flood(m);
  h.micro = m.movement == MovementKind::Micro;
  h.terrain = !m.world.terrain.empty();
  h.buildings = !m.world.buildings.empty();
  h.streets = m.world.streets.edge_count() > 0;
  h.shelters = !m.world.shelters.empty();
  h.zones = !m.world.zones.empty();
  h.teams = !m.plan.response.teams.empty();
  h.flood = flood != nullptr;
  h.low_lying = flood && !flood->desc().low_lying.empty();
  h.fire = find_fire(m) != nullptr;
  h.service = find_fire_service(m) != nullptr;
  return h;
}

void map_legend(AppContext& ctx) {
  const SceneHas has = scene_has(ctx);
  const float u = ctx.ui_scale();
  // Entries in two columns under their layer's title (the second 160 px in at scale
  // 1, room for the longest first-column label), an entry going to the next line
  // when it would not fit beside; ramps drawn whole once.
  const float column = 160 * u;
  const float right = ImGui::GetWindowContentRegionMax().x;
  bool any_layer = false;
  const LegendEntry* prev = nullptr;
  int column_k = 0;
  for (const LegendEntry& e : kLegend) {
    if (!visible(e.layer, ctx.view, has)) continue;
    if (!prev || prev->layer != e.layer) {
      if (any_layer) ImGui::Spacing();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", tr(legend_title(e.layer)));
      ImGui::PopStyleColor();
      probe(ctx, "layers.title");
      any_layer = true;
      column_k = 0;
      if (e.layer == LegendLayer::Water) water_ramp(ctx);
      if (e.layer == LegendLayer::Smoke) smoke_ramp(ctx);
    }
    prev = &e;
    if (e.glyph == Glyph::Ramp) continue;
    // Beside the previous entry only when this one fits there whole.
    if (column_k % 2 && column + entry_width(e, u) <= right)
      ImGui::SameLine(column);
    else
      column_k = 0;
    entry(ctx, e, u);
    ++column_k;
  }
}

}  // namespace ss::gui
