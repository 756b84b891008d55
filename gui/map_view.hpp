#pragma once
// The map: camera, static layers and the per-frame dynamic layers (water depth,
// closed roads, shelters, residents, responders), plus mouse handling for pan, zoom and click picking.
#include <optional>
#include <vector>

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

#include "engine/model.hpp"
#include "engine/sim_state.hpp"
#include "engine/spatial_index.hpp"
#include "gui/camera.hpp"
#include "gui/hazard_layers.hpp"
#include "gui/map_layers.hpp"
#include "gui/view_state.hpp"

namespace ss::gui {

class MapView {
 public:
  // Rebuilds the static layers for a new model and fits the camera to it.
  void set_model(const Model& model);
  void set_viewport(sf::FloatRect viewport) { camera_.set_viewport(viewport); }
  void fit() { camera_.fit(bounds_); }
  Camera& camera() { return camera_; }
  [[nodiscard]] const Camera& camera() const { return camera_; }
  [[nodiscard]] const Box& bounds() const { return bounds_; }

  // Mouse input not taken by ImGui. Returns the pixel of a click (press and release
  // without dragging) for the caller to interpret.
  std::optional<sf::Vector2f> handle_event(const sf::Event& e, bool ui_has_mouse);

  void draw(sf::RenderWindow& window, const Model& model, const SimState& state, const ViewState& view);

  // What lies under `pixel`: a team, else a resident dot, else a shelter marker, else a street,
  // within a few pixels. Uses the positions of the last draw.
  Selection pick(const Model& model, const EdgeIndex& streets, sf::Vector2f pixel) const;
  // Street under a world point within `tolerance_px` at the current zoom.
  EdgeHit street_at(const EdgeIndex& streets, Vec2 world, float tolerance_px = 10.0f) const;

 private:
  // The static layers (terrain, buildings, streets) are drawn into an offscreen
  // texture only when the camera or the layer choice changes; every other frame
  // blits it in one quad. Under a software renderer (Xvfb, llvmpipe) this is what
  // keeps a whole town at interactive frame rates.
  struct CacheKey {
    double cx = 0, cy = 0, scale = 0;
    float left = 0, top = 0, width = 0, height = 0;
    bool terrain = false, buildings = false, streets = false;
    std::uint64_t model = 0;
    bool operator==(const CacheKey&) const = default;
  };
  void draw_static(sf::RenderTarget& target, const Model& m, const ViewState& v, const sf::Transform& extra);
  void draw_dynamic_streets(sf::RenderWindow& w, const Model& m, const SimState& s, const ViewState& v);
  void draw_shelters(sf::RenderWindow& w, const Model& m, const SimState& s, const ViewState& v);
  void draw_residents(sf::RenderWindow& w, const Model& m, const SimState& s, const ViewState& v);
  void draw_water(sf::RenderWindow& w, const Model& m, const SimState& s, const ViewState& v);
  void draw_responders(sf::RenderWindow& w, const Model& m, const SimState& s, const ViewState& v);

  Camera camera_;
  std::uint64_t model_serial_ = 0;  // bumps on set_model, part of the cache key
  sf::RenderTexture cache_;
  CacheKey cache_key_;
  bool cache_ok_ = false;  // false: offscreen drawing unavailable, draw directly
  MapLayers layers_;
  FloodLayer flood_;
  std::vector<TeamMark> teams_;     // scratch: teams drawn this frame, empty when hidden, (teams)
  Box bounds_;
  std::vector<Vec2> positions_;       // scratch: residents' positions this frame, (residents)
  std::vector<std::uint8_t> drawn_;   // scratch: 1 if the dot was drawn this frame, (residents)
  std::vector<sf::Vertex> dots_;      // scratch: resident quads this frame, written in place
  sf::VertexArray overlay_{sf::Quads};
  bool dragging_ = false;
  bool moved_ = false;
  sf::Vector2f press_{}, last_{};
};

}  // namespace ss::gui
