#include "gui/view_state.hpp"

#include <utility>

namespace ss::gui {

bool* layer_flag(Layers& l, std::string_view name) {
  const std::pair<std::string_view, bool*> flags[] = {
      {"terrain", &l.terrain},
      {"buildings", &l.buildings},
      {"streets", &l.streets},
      {"closed", &l.closed_roads},
      {"flooded", &l.flooded_roads},
      {"low_lying", &l.low_lying},
      {"crowding", &l.congestion},
      {"shelters", &l.shelters},
      {"shelter_names", &l.shelter_names},
      {"residents", &l.residents},
      {"late", &l.late_residents},
      {"sheltered", &l.sheltered_residents},
      {"water", &l.water},
      {"responders", &l.responders},
      {"zones", &l.zones},
      {"zone_shading", &l.zone_shading},
      {"fire", &l.fire},
      {"smoke", &l.smoke},
      {"wind", &l.wind},
      {"lanes", &l.lanes},
      {"hydrants", &l.hydrants},
      {"stations", &l.stations},
      {"engines", &l.engines},
  };
  for (const auto& [n, flag] : flags)
    if (n == name) return flag;
  return nullptr;
}

}  // namespace ss::gui
