#pragma once
// Geometry of the map that does not change during a run, built once per model into
// vertex arrays in origin-relative metres: buildings, terrain, streets. Streets are
// rebuilt only when the zoom changes enough that their minimum pixel width matters.
#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <cstdint>
#include <utility>
#include <vector>

#include "engine/core/model.hpp"
#include "gui/palette.hpp"

namespace ss::gui {

inline sf::Color to_sf(Rgb c, std::uint8_t alpha = 255) { return {c.r, c.g, c.b, alpha}; }

// Appends the street polyline of edge `e` as quads of `width` m with square caps
// (the caps hide the gaps at bends). Coordinates relative to `origin`.
void append_edge_quads(sf::VertexArray& va, const StreetGraph& g, EdgeId e, float width, sf::Color colour,
                       Vec2 origin);

class MapLayers {
 public:
  // Builds buildings and terrain for `world`, coordinates relative to `origin`.
  void build(const World& world, Vec2 origin);
  // The micro area of a movement: micro model: the walkable floor and the exits as
  // a texture of its navigation grid (rings of a map area have thousands of
  // vertices, too many to triangulate at load), what is cut out of the floor
  // (walls, obstacles, the map's buildings) filled, and every ring's edge.
  void build_micro(const MicroGeometry& g, Vec2 origin);
  // Streets with each class at least its minimum pixel width (palette.hpp
  // street_min_px, times the UI scale `ui_scale`) at `scale` (px/m); does nothing
  // when the last build was for a similar scale and the same UI scale.
  void update_streets(const StreetGraph& g, double scale, float ui_scale = 1.0f);

  [[nodiscard]] const sf::VertexArray& building_fill() const { return building_fill_; }
  [[nodiscard]] const sf::VertexArray& building_edges() const { return building_edges_; }
  // Building b's triangles in building_fill(): vertices [first, last); empty for a
  // building without a drawable outline or out of range. Lets a layer redraw single
  // buildings (the fire's) without triangulating again.
  [[nodiscard]] std::pair<std::size_t, std::size_t> building_range(std::size_t b) const {
    if (b + 1 >= building_first_.size()) return {0, 0};
    return {building_first_[b], building_first_[b + 1]};
  }
  [[nodiscard]] const sf::VertexArray& streets() const { return streets_; }
  [[nodiscard]] bool has_micro() const { return has_micro_; }
  [[nodiscard]] const sf::Texture& micro_floor_texture() const { return micro_floor_tex_; }
  [[nodiscard]] const sf::VertexArray& micro_floor() const { return micro_floor_; }
  [[nodiscard]] const sf::VertexArray& micro_blocks() const { return micro_blocks_; }
  [[nodiscard]] const sf::VertexArray& micro_edges() const { return micro_edges_; }
  [[nodiscard]] bool has_terrain() const { return has_terrain_; }
  [[nodiscard]] const sf::Texture& terrain_texture() const { return terrain_tex_; }
  [[nodiscard]] const sf::VertexArray& terrain_quad() const { return terrain_quad_; }
  [[nodiscard]] float terrain_min() const { return z_min_; }
  [[nodiscard]] float terrain_max() const { return z_max_; }

 private:
  void build_terrain(const TerrainGrid& t);
  // Appends the outline of `r` (metres, relative to origin_) to `edges` and, when
  // `fill` is given, the ring filled (triangulated) to it.
  void append_ring(const Ring& r, sf::Color fill_colour, sf::VertexArray* fill, sf::Color edge_colour,
                   sf::VertexArray& edges);

  Vec2 origin_;
  std::vector<sf::Vector2f> ring_;  // scratch of append_ring
  std::vector<std::uint32_t> tris_;
  sf::VertexArray building_fill_{sf::Triangles};
  sf::VertexArray building_edges_{sf::Lines};
  std::vector<std::uint32_t> building_first_;  // first fill vertex of each building, (buildings + 1)
  sf::VertexArray streets_{sf::Quads};
  bool has_micro_ = false;
  sf::Texture micro_floor_tex_;                // the navigation grid: floor and exits
  sf::VertexArray micro_floor_{sf::Quads, 4};  // the quad it is drawn on
  sf::VertexArray micro_blocks_{sf::Triangles};
  sf::VertexArray micro_edges_{sf::Lines};
  double streets_scale_ = -1.0;  // px/m the streets were last built for
  float streets_ui_ = 1.0f;      // ... and the UI scale (their minimum widths grow with it)
  bool has_terrain_ = false;
  sf::Texture terrain_tex_;
  sf::VertexArray terrain_quad_{sf::Quads, 4};
  float z_min_ = 0, z_max_ = 0;  // m
};

}  // namespace ss::gui
