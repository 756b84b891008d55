#pragma once
// Map layers of the hazard and the response that change during a run: the flood's
// water depth as a texture over the grid, and the responder teams with a line to
// the place their current task takes them.
#include <cstdint>
#include <vector>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/System/Clock.hpp>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "gui/camera.hpp"
#include "gui/map_style.hpp"

namespace ss::gui {

class FloodLayer {
 public:
  // Forget the texture (a new model or a restart): the next update rebuilds it.
  void reset() {
    built_step_ = ~0ull;
    has_ = false;
    low_built_ = false;
    has_low_ = false;
  }
  // Rebuilds the texture from the flood's state (find_flood_run) when the step changed, but at most every
  // kRefreshS of wall time: a whole-grid pass and upload every frame would cost more
  // than the map, and water moves slowly on screen anyway.
  void update(const Model& model, const SimState& state, Vec2 origin);
  [[nodiscard]] bool has_water() const { return has_; }
  // The flood's low-lying zone (FloodDesc::low_lying) as a tinted texture over its
  // cells, built once per model on first use.
  void update_low_lying(const Model& model, Vec2 origin);
  [[nodiscard]] bool has_low_lying() const { return has_low_; }
  [[nodiscard]] const sf::Texture& low_lying_texture() const { return low_tex_; }
  [[nodiscard]] const sf::VertexArray& low_lying_quad() const { return low_quad_; }
  [[nodiscard]] const sf::Texture& texture() const { return tex_; }
  [[nodiscard]] const sf::VertexArray& quad() const { return quad_; }

  static constexpr float kRefreshS = 0.25f;

 private:
  std::uint64_t built_step_ = ~0ull;
  bool has_ = false;
  sf::Clock since_;
  sf::Image img_;
  sf::Texture tex_;
  sf::VertexArray quad_{sf::Quads, 4};
  bool low_built_ = false, has_low_ = false;
  sf::Texture low_tex_;
  sf::VertexArray low_quad_{sf::Quads, 4};
};

// Where each team is at the state's time, along the streets, and the rest of its
// route (team_route_ahead: the streets' polylines from where it is to the end of its
// leg) while it travels. Filled by responder_positions for drawing and picking.
struct TeamMark {
  bool shown = true;  // false for mutual-aid teams not yet asked for
  Vec2 pos;
  std::vector<Vec2> route;  // m, local CRS; empty when the team is not travelling
};
void responder_positions(const Model& model, const SimState& state, std::vector<TeamMark>& out);

// Appends team markers (outlined diamonds) and their routes ahead along the streets
// (as thin quads, pixel coordinates) to `va` (sf::Quads), at the sizes `z`.
// `selected` is a team index or -1.
void append_responders(sf::VertexArray& va, const Model& model, const std::vector<TeamMark>& marks,
                       const Camera& cam, const style::MapSizes& z, std::int64_t selected);

}  // namespace ss::gui
