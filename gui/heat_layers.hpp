#pragma once
// The heat layer on the map (gui/heat_choice.hpp): streets drawn over in the ramp's
// colour of their peak density or queue time so far, or home buildings filled by
// their water exposure, smoke dose or median time to safety so far. Recoloured at
// most once per simulated step (and when the choice or, for streets, the zoom
// changes): one pass over the residents or streets, not one per frame.
#include <cstdint>

#include <SFML/Graphics/VertexArray.hpp>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "gui/heat_choice.hpp"
#include "gui/map_layers.hpp"

namespace ss::gui {

class HeatMapLayer {
 public:
  // Forgets the last picture (a new model).
  void reset() { step_ = ~0ull; }
  // Brings the picture up to `state` for `choice` at `scale` px/m (streets keep a
  // minimum width in pixels, times `ui_scale`). Home buildings are taken from the
  // triangles `layers` already holds; coordinates relative to `origin`.
  void update(const Model& model, const SimState& state, HeatLayer choice, const MapLayers& layers,
              double scale, float ui_scale, Vec2 origin);
  // Triangles (homes) or quads (streets), origin-relative metres.
  [[nodiscard]] const sf::VertexArray& shapes() const { return heat_on_streets(choice_) ? streets_ : homes_; }
  // Streets or homes coloured in the last update (those with a value so far).
  [[nodiscard]] std::size_t coloured() const { return coloured_; }

 private:
  sf::VertexArray homes_{sf::Triangles};
  sf::VertexArray streets_{sf::Quads};
  HeatLayer choice_ = HeatLayer::None;
  std::uint64_t step_ = ~0ull;
  double scale_ = -1.0;
  float ui_ = 1.0f;
  std::size_t coloured_ = 0;
};

}  // namespace ss::gui
