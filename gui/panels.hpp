#pragma once
// The ImGui panels. Each draws from AppContext and the engine state of this frame
// and acts only through gui/actions.hpp.
#include "gui/app_context.hpp"

namespace ss::gui {

#include <algorithm>
#include <cmath>

inline constexpr float kLeftPanelWidth = 330.0f;   // px at UI scale 1
inline constexpr float kRightPanelWidth = 370.0f;  // px at UI scale 1
// At a larger UI scale the sidebars widen with it, but each stops at this share of the
// window so the map keeps over a third of it (at 1280 px: 384 and 422 px, 474 px of map).
inline constexpr float kLeftPanelMaxShare = 0.30f;
inline constexpr float kRightPanelMaxShare = 0.33f;

struct PanelWidths {
  float left = kLeftPanelWidth, right = kRightPanelWidth;  // px
};
// The sidebars' widths in a window `window_w` px wide at UI scale `scale`; at scale 1
// always the scale-1 widths. Shared by the GUI and the screenshot checker.
inline PanelWidths panel_widths(float window_w, float scale) {
  // Whole pixels, so the map area and the screenshot checker agree on its edges.
  auto width = [&](float base, float share) {
    return std::max(base, std::floor(std::min(base * scale, share * window_w)));
  };
  return {width(kLeftPanelWidth, kLeftPanelMaxShare), width(kRightPanelWidth, kRightPanelMaxShare)};
}

void draw_left_panel(AppContext& ctx, float height);
void draw_right_panel(AppContext& ctx, float window_width, float height);
// Error banner, loading notice, scale bar and hints over the map area.
void draw_overlays(AppContext& ctx);
// While a scene loads: its stages with their times and the time since it started,
// over the middle of the map area (gui/panel_loading.cpp).
void loading_screen(AppContext& ctx);

// The Restart button: a fresh run with the seed in the Seed box and the variant in
// the Variant box; another variant than the one on screen is reloaded (a model is
// const). The script's `restart` does the same.
void restart_as_chosen(AppContext& ctx);

// Puts the next button labelled `label` (plus `extra` px: a radio button's circle)
// beside the previous item when it fits on the line, else at the start of the next:
// rows of buttons wrap instead of running off the panel at a large UI scale.
void flow(const char* label, float extra = 0.0f);

// Records the item just drawn under `name` for dump_ui's check that panel text stays
// inside its panel and clear of its neighbours (gui/ui_dump.cpp): names start with
// the section ("kpi.", "inspector.", "plot.", "layers.").
void probe(AppContext& ctx, const char* name);

// Sections, one file each.
void scenario_section(AppContext& ctx);
void time_section(AppContext& ctx);
void layers_section(AppContext& ctx);
void kpi_section(AppContext& ctx);
void plots_section(AppContext& ctx);
void inspector_section(AppContext& ctx);
void interventions_section(AppContext& ctx);
void log_section(AppContext& ctx);
void export_section(AppContext& ctx);

// What the loaded scene has, so that the layer switches and the legend offer only
// layers it can show (gui/panel_legend.cpp); all false without a scene.
struct SceneHas {
  bool micro = false;  // a micro area: floor, walls, exits, rooms, bodies
  bool terrain = false, buildings = false, streets = false, shelters = false, zones = false, teams = false;
  bool flood = false, low_lying = false, fire = false, service = false;
};
SceneHas scene_has(const AppContext& ctx);

// The legend of every visible map layer (gui/panel_legend.cpp, from gui/legend.hpp).
void map_legend(AppContext& ctx);
// The heat layer's choice and legend (gui/panel_heat.cpp), in the layers section.
void heat_maps_section(AppContext& ctx);
// Zone, room and shelter names over the map (gui/map_labels.cpp).
void draw_map_labels(AppContext& ctx);

// Fire scenarios (gui/panel_fire.cpp): burning and burnt-out counts for the
// interventions panel; the wind arrow in the map's top-right corner.
void fire_summary(AppContext& ctx);
void draw_wind(AppContext& ctx);
// Fire scenarios with a fire service (gui/panel_fire_service.cpp): the station names
// over the map, and the "Fire service" section: incidents and each appliance's delays.
void draw_station_labels(AppContext& ctx);
void fire_service_section(AppContext& ctx);

}  // namespace ss::gui
