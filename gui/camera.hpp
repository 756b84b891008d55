#pragma once
// The map camera: world metres (local CRS, y north) to window pixels (y down).
// Vertex arrays hold coordinates relative to `origin` because SFML draws in float:
// raw UTM northings (~5.5e6 m) would round to half a metre.
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Transform.hpp>

#include "engine/world/geometry.hpp"

namespace ss::gui {

class Camera {
 public:
  // Map area in window pixels: the part not covered by the side panels.
  void set_viewport(sf::FloatRect viewport) { viewport_ = viewport; }
  [[nodiscard]] sf::FloatRect viewport() const { return viewport_; }
  void set_origin(Vec2 origin) { origin_ = origin; }
  [[nodiscard]] Vec2 origin() const { return origin_; }

  // Shows the whole box with a small margin.
  void fit(const Box& box);
  // Zooms by `factor` keeping the world point under `pixel` fixed.
  void zoom_at(sf::Vector2f pixel, float factor);
  void pan_pixels(sf::Vector2f delta);
  void center_on(Vec2 world) { center_ = world; }
  // Sets the zoom (px per m, positive), keeping the centre: scripted views that must
  // show the same part of the map whatever the map area's size.
  void set_scale(double px_per_m) {
    if (px_per_m > 0) scale_ = px_per_m;
  }

  [[nodiscard]] double scale() const { return scale_; }  // px per m
  [[nodiscard]] Vec2 center() const { return center_; }
  [[nodiscard]] sf::Vector2f to_screen(Vec2 world) const;
  [[nodiscard]] Vec2 to_world(sf::Vector2f pixel) const;
  // Local (origin-relative) float coordinates for vertex arrays.
  [[nodiscard]] sf::Vector2f to_local(Vec2 world) const {
    return {static_cast<float>(world.x - origin_.x), static_cast<float>(world.y - origin_.y)};
  }
  // Transform from local coordinates to pixels, for sf::RenderStates.
  [[nodiscard]] sf::Transform local_to_screen() const;

 private:
  sf::FloatRect viewport_{0, 0, 800, 600};
  Vec2 origin_;
  Vec2 center_;
  double scale_ = 1.0;  // px/m
};

}  // namespace ss::gui
