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

namespace ss::gui {
namespace {

ImU32 im(Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

// What the scene has, so that the legend lists only layers it can show.
struct SceneHas {
  bool streets = false, flood = false, low_lying = false, fire = false, service = false, teams = false, zones = false;
};

SceneHas scene_has(const AppContext& ctx) {
  SceneHas h;
  if (!ctx.session.ready()) return h;
  const Model& m = ctx.session.model();
  const FloodHazard* flood = find_flood(m);
  h.streets = m.world.streets.edge_count() > 0;
  h.flood = flood != nullptr;
  h.low_lying = flood && !flood->desc().low_lying.empty();
  h.fire = find_fire(m) != nullptr;
  h.service = find_fire_service(m) != nullptr;
  h.teams = !m.plan.response.teams.empty();
  h.zones = !m.world.zones.empty();
  return h;
}

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
    case LegendLayer::Shelters: return s.shelters;
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

// One entry: its glyph as the map draws it, then the label.
void entry(const LegendEntry& e) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = style::kLegendGlyphPx, h = ImGui::GetTextLineHeight();
  const ImVec2 mid(p.x + w / 2, p.y + h / 2);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 ink = IM_COL32(10, 10, 10, 255), c = im(e.colour);
  switch (e.glyph) {
    case Glyph::Dot: dl->AddRectFilled(ImVec2(mid.x - 2, mid.y - 2), ImVec2(mid.x + 2, mid.y + 2), c); break;
    case Glyph::LateDot: {
      const float half = style::kLateDotPx / 2;
      dl->AddRectFilled(ImVec2(mid.x - half - style::kLateRimPx, mid.y - half - style::kLateRimPx),
                        ImVec2(mid.x + half + style::kLateRimPx, mid.y + half + style::kLateRimPx), ink);
      dl->AddRectFilled(ImVec2(mid.x - half, mid.y - half), ImVec2(mid.x + half, mid.y + half), c);
      break;
    }
    case Glyph::Bar: dl->AddRectFilled(ImVec2(p.x, mid.y - 3), ImVec2(p.x + w, mid.y + 3), c); break;
    case Glyph::Dashed:
      dl->AddRectFilled(ImVec2(p.x, mid.y - 2), ImVec2(p.x + 7, mid.y + 2), c);
      dl->AddRectFilled(ImVec2(p.x + 11, mid.y - 2), ImVec2(p.x + w, mid.y + 2), c);
      break;
    case Glyph::Diamond:
      dl->AddQuadFilled(ImVec2(mid.x, mid.y - 7), ImVec2(mid.x + 7, mid.y), ImVec2(mid.x, mid.y + 7),
                        ImVec2(mid.x - 7, mid.y), ink);
      dl->AddQuadFilled(ImVec2(mid.x, mid.y - 5), ImVec2(mid.x + 5, mid.y), ImVec2(mid.x, mid.y + 5),
                        ImVec2(mid.x - 5, mid.y), c);
      break;
    case Glyph::Square:
    case Glyph::Station: {
      const float half = e.glyph == Glyph::Station ? 6 : 5;
      const ImU32 rim = e.glyph == Glyph::Station ? im(kSelection) : ink;
      dl->AddRectFilled(ImVec2(mid.x - half - 1.5f, mid.y - half - 1.5f),
                        ImVec2(mid.x + half + 1.5f, mid.y + half + 1.5f), rim);
      dl->AddRectFilled(ImVec2(mid.x - half, mid.y - half), ImVec2(mid.x + half, mid.y + half), c);
      break;
    }
    case Glyph::Line: dl->AddLine(ImVec2(p.x, mid.y), ImVec2(p.x + w, mid.y), c, 2.0f); break;
    case Glyph::Outline:
      dl->AddRect(ImVec2(p.x + 1, mid.y - 6), ImVec2(p.x + w - 1, mid.y + 6), c, 0, 0, style::kZoneEdgePx);
      break;
    case Glyph::Patch:
    case Glyph::Ramp:
      dl->AddRectFilled(ImVec2(p.x, mid.y - 6), ImVec2(p.x + w, mid.y + 6), ink);
      dl->AddRectFilled(ImVec2(p.x + 1, mid.y - 5), ImVec2(p.x + w - 1, mid.y + 5), c);
      break;
  }
  ImGui::Dummy(ImVec2(w, h));
  ImGui::SameLine();
  ImGui::TextUnformatted(e.label);
}

// A continuous ramp as the map blends it over the background: `colour(u)` for u in
// [0, 1] left to right, with tick labels at `ticks` (u, text).
template <typename F>
void ramp(F colour, std::initializer_list<std::pair<float, const char*>> ticks) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = style::kLegendRampWidthPx, h = 12;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), im(kBackground));
  constexpr int kSteps = 40;
  for (int i = 0; i < kSteps; ++i) {
    const Rgba c = colour((static_cast<float>(i) + 0.5f) / kSteps);
    dl->AddRectFilled(ImVec2(p.x + w * static_cast<float>(i) / kSteps, p.y),
                      ImVec2(p.x + w * static_cast<float>(i + 1) / kSteps, p.y + h), im(c.rgb, c.a));
  }
  ImGui::Dummy(ImVec2(w, h));
  for (const auto& [u, label] : ticks) {
    const float x = p.x + w * u;
    dl->AddLine(ImVec2(x, p.y + h), ImVec2(x, p.y + h + 3), IM_COL32(200, 200, 200, 255));
    const float tw = ImGui::CalcTextSize(label).x;
    const float tx = std::clamp(x - tw / 2, p.x - 4, p.x + w - tw + 4);
    dl->AddText(ImVec2(tx, p.y + h + 3), IM_COL32(200, 200, 200, 255), label);
  }
  ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight()));
}

// Water depth over 0..kWaterDeepM, as the flood layer colours it.
void water_ramp() {
  ramp([](float u) { return water_colour(kWaterDryM + (kWaterDeepM - kWaterDryM) * u); },
       {{0.0f, "0"}, {0.25f, "0.5"}, {0.5f, "1 m"}, {0.75f, "1.5"}, {1.0f, "2+ m"}});
}

// Smoke's alpha on a log scale of the visibility through it, clear on the left.
void smoke_ramp() {
  const float lo = std::log(3.0f), hi = std::log(kSmokeClearM);
  auto u_of = [&](float vis) { return (hi - std::log(vis)) / (hi - lo); };
  ramp([&](float u) { return Rgba{kSmoke, smoke_alpha(std::exp(hi - (hi - lo) * u))}; },
       {{u_of(1000), "1 km"}, {u_of(100), "100"}, {u_of(30), "30"}, {u_of(10), "10"}, {u_of(3), "3 m"}});
}

}  // namespace

void map_legend(AppContext& ctx) {
  const SceneHas has = scene_has(ctx);
  // Entries in two columns under their layer's title; ramps drawn whole once.
  constexpr float kColumn = 160;
  bool any_layer = false;
  const LegendEntry* prev = nullptr;
  int column = 0;
  for (const LegendEntry& e : kLegend) {
    if (!visible(e.layer, ctx.view, has)) continue;
    if (!prev || prev->layer != e.layer) {
      if (any_layer) ImGui::Spacing();
      ImGui::TextDisabled("%s", legend_title(e.layer));
      any_layer = true;
      column = 0;
      if (e.layer == LegendLayer::Water) water_ramp();
      if (e.layer == LegendLayer::Smoke) smoke_ramp();
    }
    prev = &e;
    if (e.glyph == Glyph::Ramp) continue;
    if (column % 2) ImGui::SameLine(kColumn);
    entry(e);
    ++column;
  }
}

}  // namespace ss::gui
