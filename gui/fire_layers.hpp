#pragma once
// Map layers of a fire (engine/hazards/fire/): the buildings that have caught fire,
// coloured by their fire state (put out by the fire service included), and the ground-level smoke as a
// translucent grey texture over the fire's smoke grid. The wind is drawn by the overlays (gui/overlays.cpp)
// from the model alone.
#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/System/Clock.hpp>

#include <cstdint>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"
#include "gui/map_layers.hpp"

namespace ss::gui {

class FireLayer {
 public:
  // Forget everything drawn (a new model): the next update starts afresh.
  void reset();
  // Brings the burning buildings up to the state's time (when `buildings`) and the
  // smoke texture up to the fire's last smoke update (when `smoke`); `layers` holds
  // the buildings' triangles, `origin` the local origin of both.
  //
  // Only buildings in the run's ignition order (FireRun::spread.order) can be in any
  // state but NotBurning, so each step looks at those alone: a new one gets a copy
  // of its triangles from the building layer, one whose state changed is recoloured
  // in place. The smoke changes only at the fire's smoke updates (FireRun::updates,
  // once a simulated minute by default) and is rebuilt at most every kRefreshS of
  // wall time while the run advances, like the flood's water.
  void update(const Model& model, const SimState& state, const MapLayers& layers, Vec2 origin, bool buildings,
              bool smoke);
  [[nodiscard]] bool has_buildings() const { return fill_.getVertexCount() > 0; }
  [[nodiscard]] const sf::VertexArray& buildings() const { return fill_; }  // local metres, sf::Triangles
  [[nodiscard]] bool has_smoke() const { return has_smoke_; }
  [[nodiscard]] const sf::Texture& smoke_texture() const { return tex_; }
  [[nodiscard]] const sf::VertexArray& smoke_quad() const { return quad_; }

  static constexpr float kRefreshS = 0.25f;

 private:
  void update_buildings(const FireHazard& fire, const FireRun& run, double t, const MapLayers& layers);
  void update_smoke(const FireHazard& fire, const FireRun& run, Vec2 origin);

  // Per entry of the ignition order as last drawn: the building, the state it is
  // coloured in, and its first vertex in fill_ (first_ has one more entry).
  std::vector<std::uint32_t> ids_;
  std::vector<BuildingFireState> shown_;
  std::vector<std::uint32_t> first_{0};
  sf::VertexArray fill_{sf::Triangles};
  std::uint64_t buildings_step_ = ~0ull;

  bool has_smoke_ = false;             // the texture holds some smoke to draw
  bool smoke_built_ = false;           // the texture was built for this run (maybe without smoke)
  std::uint32_t smoke_updates_ = ~0u;  // FireRun::updates the texture shows
  std::uint64_t smoke_step_ = 0;       // the step it was built at
  std::uint64_t seen_step_ = ~0ull;    // the step of the last update call
  sf::Clock since_;
  sf::Image img_;
  sf::Texture tex_;
  sf::VertexArray quad_{sf::Quads, 4};
};

// The fire-state colour of a building (transparent when it never caught fire).
sf::Color fire_state_colour(BuildingFireState s);

}  // namespace ss::gui
