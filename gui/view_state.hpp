#pragma once
// What the user chose to see and do: layers, colouring, click mode, selection.
// Pure view settings; they never enter the engine.
#include <cstdint>
#include <string_view>

#include "gui/heat_choice.hpp"

namespace ss::gui {

enum class ColourBy : std::uint8_t { State, AgeBand, Mobility };
// StartFire: a click ignites the building under it (scenarios with a fire).
enum class ClickMode : std::uint8_t { Inspect, ToggleRoad, StartFire };

struct Layers {
  bool terrain = true;
  bool buildings = true;
  bool streets = true;
  bool closed_roads = true;   // closed by the plan, an inject or a click
  bool flooded_roads = true;  // closed by water (to adults on foot), when the scenario has a flood
  bool low_lying = true;      // the flood's low-lying zone, when the scenario has one
  bool congestion = false;    // streets tinted by residents per m²
  bool shelters = true;
  bool residents = true;
  bool late_residents = true;  // not safe after the deadline (gui/late_residents.hpp): larger, vermillion
  bool sheltered_residents = false;  // dots piled on the shelter hide its fill bar
  bool water = true;                 // flood depth, when the scenario has a flood
  bool responders = true;            // teams and their route ahead along the streets
  bool zones = true;                 // zone (in a micro area: room) outlines and names
  bool zone_shading = false;         // zones coloured by ViewState::zone_measure (choropleth)
  bool shelter_names = true;         // shelter names beside their markers, where they fit
  bool fire = true;                  // buildings by fire state, when the scenario has a fire
  bool smoke = true;                 // ground-level smoke from the fire
  bool wind = true;                  // the fire's wind as an arrow in the map's corner
  // The fire service, when the fire has one (gui/fire_service_layers.hpp). Lanes are
  // off by default: they recolour every street, which a trainer following the
  // evacuation does not want; planners switch them on.
  bool lanes = false;    // fire lanes: usable by appliances or not, this run's blocked lanes
  bool hydrants = true;  // hydrants, working or out of service
  bool stations = true;  // fire stations with their names
  bool engines = true;   // appliances driving or on scene, with their hose lines
};

// What the zone choropleth shows: the share of a zone's residents safe now, or the
// time by which 90 % of them were safe (T90, from the run's start).
enum class ZoneMeasure : std::uint8_t { ShareSafe, T90 };

// The switch of a layer by its script name ("closed", "crowding", "zone_shading",
// ...; the names are listed in docs/gui.md), or nullptr for an unknown name.
bool* layer_flag(Layers& l, std::string_view name);

struct Selection {
  enum class Kind : std::uint8_t { None, Resident, Shelter, Street, Team };
  Kind kind = Kind::None;
  std::uint32_t id = 0;
};

struct ViewState {
  Layers layers;
  ColourBy colour_by = ColourBy::State;
  ClickMode mode = ClickMode::Inspect;
  Selection selection;
  float dot_px = 3.0f;  // resident dot size in pixels
  // The UI scale in effect (--ui-scale, the Display control, the script's ui_scale):
  // text and panels are drawn at this factor, and map drawing multiplies line widths,
  // dot sizes and label sizes by it so a projector shows them as large. Set by App
  // when the font atlas has been rebuilt at it; read it as AppContext::ui_scale().
  float ui_scale = 1.0f;
  ZoneMeasure zone_measure = ZoneMeasure::ShareSafe;
  std::int32_t fire_incident =
      -1;  // the incident whose appliances the fire-service panel lists, -1 the latest
  HeatLayer heat = HeatLayer::None;  // the heat layer on the map (gui/heat_layers.hpp)
};

}  // namespace ss::gui
