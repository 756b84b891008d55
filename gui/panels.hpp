#pragma once
// The ImGui panels. Each draws from AppContext and the engine state of this frame
// and acts only through gui/actions.hpp.
#include "gui/app_context.hpp"

namespace ss::gui {

inline constexpr float kLeftPanelWidth = 330.0f;   // px
inline constexpr float kRightPanelWidth = 370.0f;  // px

void draw_left_panel(AppContext& ctx, float height);
void draw_right_panel(AppContext& ctx, float window_width, float height);
// Error banner, loading notice, scale bar and hints over the map area.
void draw_overlays(AppContext& ctx);

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

// The legend of every visible map layer (gui/panel_legend.cpp, from gui/legend.hpp).
void map_legend(AppContext& ctx);
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
