#pragma once
// What the user chose to see and do: layers, colouring, click mode, selection.
// Pure view settings; they never enter the engine.
#include <cstdint>

namespace ss::gui {

enum class ColourBy : std::uint8_t { State, AgeBand, Mobility };
// StartFire: a click ignites the building under it (scenarios with a fire).
enum class ClickMode : std::uint8_t { Inspect, ToggleRoad, StartFire };

struct Layers {
  bool terrain = true;
  bool buildings = true;
  bool streets = true;
  bool closed_roads = true;
  bool congestion = false;  // streets tinted by residents per m²
  bool shelters = true;
  bool residents = true;
  bool sheltered_residents = false;  // dots piled on the shelter hide its fill bar
  bool water = true;       // flood depth, when the scenario has a flood
  bool responders = true;  // teams and the line to their current task
  bool fire = true;        // buildings by fire state, when the scenario has a fire
  bool smoke = true;       // ground-level smoke from the fire
  bool wind = true;        // the fire's wind as an arrow in the map's corner
};

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
};

}  // namespace ss::gui
