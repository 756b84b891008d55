#pragma once
// Small shapes the map's overlays are built from (pixel or local-metre
// coordinates, appended to sf::Quads or sf::Triangles arrays), and the crowding
// colour classes shared by crowded streets and a micro area's crowding tint.
#include <SFML/Graphics/VertexArray.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "gui/palette.hpp"

namespace ss::gui {

inline void append_square(sf::VertexArray& va, sf::Vector2f c, float half, sf::Color col) {
  va.append({{c.x - half, c.y - half}, col});
  va.append({{c.x + half, c.y - half}, col});
  va.append({{c.x + half, c.y + half}, col});
  va.append({{c.x - half, c.y + half}, col});
}

// A filled disc as a triangle fan of 16 segments (smooth at the few dozen pixels a
// body covers when zoomed in).
inline void append_disc(sf::VertexArray& va, sf::Vector2f c, float r, sf::Color col) {
  constexpr int kSegments = 16;
  for (int k = 0; k < kSegments; ++k) {
    const float a0 = 2.0f * static_cast<float>(M_PI) * static_cast<float>(k) / kSegments;
    const float a1 = 2.0f * static_cast<float>(M_PI) * static_cast<float>(k + 1) / kSegments;
    va.append({c, col});
    va.append({{c.x + r * std::cos(a0), c.y + r * std::sin(a0)}, col});
    va.append({{c.x + r * std::cos(a1), c.y + r * std::sin(a1)}, col});
  }
}

inline void append_rect(sf::VertexArray& va, float x0, float y0, float x1, float y1, sf::Color col) {
  va.append({{x0, y0}, col});
  va.append({{x1, y0}, col});
  va.append({{x1, y1}, col});
  va.append({{x0, y1}, col});
}

inline void append_diamond(sf::VertexArray& va, sf::Vector2f c, float r, sf::Color col) {
  va.append({{c.x, c.y - r}, col});
  va.append({{c.x + r, c.y}, col});
  va.append({{c.x, c.y + r}, col});
  va.append({{c.x - r, c.y}, col});
}

// A segment as a quad `width` wide (to sf::Quads); lines as quads so they share the
// draw call with the markers.
inline void append_segment(sf::VertexArray& va, sf::Vector2f a, sf::Vector2f b, float width, sf::Color col) {
  const sf::Vector2f d = b - a;
  const float len = std::hypot(d.x, d.y);
  if (len < 1e-3f) return;
  const sf::Vector2f n(-d.y / len * width / 2, d.x / len * width / 2);
  va.append({a + n, col});
  va.append({b + n, col});
  va.append({b - n, col});
  va.append({a - n, col});
}

// Crowding by density (P/m²) in the classes of gui/palette.hpp (Fruin's levels of
// service), nearly opaque so the class colour reads over the street under it.
inline sf::Color density_colour(float rho) {
  const Rgb c = kCrowdingColour[crowding_class(rho)];
  return {c.r, c.g, c.b, 220};
}

}  // namespace ss::gui
