#include "gui/map_layers.hpp"

#include <SFML/Graphics/Image.hpp>

#include <algorithm>
#include <cmath>

#include "gui/triangulate.hpp"

namespace ss::gui {

void append_edge_quads(sf::VertexArray& va, const StreetGraph& g, EdgeId e, float width, sf::Color colour,
                       Vec2 origin) {
  const auto pts = g.shape(e);
  const float hw = width / 2;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const sf::Vector2f a(static_cast<float>(pts[i].x - origin.x), static_cast<float>(pts[i].y - origin.y));
    const sf::Vector2f b(static_cast<float>(pts[i + 1].x - origin.x),
                         static_cast<float>(pts[i + 1].y - origin.y));
    sf::Vector2f d = b - a;
    const float len = std::hypot(d.x, d.y);
    if (len <= 0) continue;
    d = d * (hw / len);
    const sf::Vector2f n(-d.y, d.x);
    const sf::Vector2f a0 = a - d, b0 = b + d;
    va.append({a0 + n, colour});
    va.append({b0 + n, colour});
    va.append({b0 - n, colour});
    va.append({a0 - n, colour});
  }
}

void MapLayers::build(const World& world, Vec2 origin) {
  origin_ = origin;
  streets_scale_ = -1.0;
  building_fill_.clear();
  building_edges_.clear();
  const sf::Color fill = to_sf(kBuildingFill), edge = to_sf(kBuildingEdge);
  building_first_.clear();
  for (const Building& b : world.buildings) {
    building_first_.push_back(static_cast<std::uint32_t>(building_fill_.getVertexCount()));
    append_ring(b.outline, fill, &building_fill_, edge, building_edges_);
  }
  building_first_.push_back(static_cast<std::uint32_t>(building_fill_.getVertexCount()));
  build_terrain(world.terrain);
}

void MapLayers::append_ring(const Ring& r, sf::Color fill_colour, sf::VertexArray* fill,
                            sf::Color edge_colour, sf::VertexArray& edges) {
  ring_.clear();
  for (const Vec2& p : r)
    ring_.emplace_back(static_cast<float>(p.x - origin_.x), static_cast<float>(p.y - origin_.y));
  if (ring_.size() >= 2 && ring_.front() == ring_.back()) ring_.pop_back();
  if (ring_.size() < 2) return;
  if (fill && ring_.size() >= 3) {
    tris_.clear();
    triangulate(ring_, tris_);
    for (const std::uint32_t i : tris_) fill->append({ring_[i], fill_colour});
  }
  for (std::size_t i = 0; i < ring_.size(); ++i) {
    edges.append({ring_[i], edge_colour});
    edges.append({ring_[(i + 1) % ring_.size()], edge_colour});
  }
}

void MapLayers::build_micro(const MicroGeometry& g, Vec2 origin) {
  origin_ = origin;
  has_micro_ = false;
  micro_blocks_.clear();
  micro_edges_.clear();
  const MicroGrid& grid = g.grid;
  if (grid.size() == 0) return;
  // One texel per grid cell, or per 2×2, 3×3 ... cells when the grid is larger than
  // the GPU's texture limit; a block is floor when any of its cells is.
  const unsigned max = sf::Texture::getMaximumSize();
  const int step =
      std::max(1, static_cast<int>(std::ceil(std::max(grid.nx, grid.ny) / static_cast<double>(max))));
  const int tw = (grid.nx + step - 1) / step, th = (grid.ny + step - 1) / step;
  sf::Image img;
  img.create(static_cast<unsigned>(tw), static_cast<unsigned>(th), sf::Color::Transparent);
  const sf::Color floor = to_sf(kMicroFloor), exit = to_sf(kShelterOpen, 170);
  for (int y = 0; y < grid.ny; ++y)
    for (int x = 0; x < grid.nx; ++x) {
      const std::size_t c =
          static_cast<std::size_t>(y) * static_cast<std::size_t>(grid.nx) + static_cast<std::size_t>(x);
      if (!grid.walkable[c] && grid.exit[c] < 0) continue;
      const auto px = static_cast<unsigned>(x / step), py = static_cast<unsigned>(th - 1 - y / step);
      if (grid.exit[c] >= 0)
        img.setPixel(px, py, exit);
      else if (img.getPixel(px, py) != exit)
        img.setPixel(px, py, floor);
    }
  if (micro_floor_tex_.loadFromImage(img)) {
    const float x0 = static_cast<float>(grid.origin.x - origin.x),
                y0 = static_cast<float>(grid.origin.y - origin.y);
    const float x1 = x0 + static_cast<float>(tw * step * grid.h),
                y1 = y0 + static_cast<float>(th * step * grid.h);
    const auto w = static_cast<float>(tw), h = static_cast<float>(th);
    micro_floor_[0] = sf::Vertex({x0, y0}, {0, h});
    micro_floor_[1] = sf::Vertex({x1, y0}, {w, h});
    micro_floor_[2] = sf::Vertex({x1, y1}, {w, 0});
    micro_floor_[3] = sf::Vertex({x0, y1}, {0, 0});
    has_micro_ = true;
  }
  const sf::Color edge = to_sf(kMicroEdge);
  for (const Ring& r : g.walkable) append_ring(r, {}, nullptr, edge, micro_edges_);
  for (const Ring& r : g.obstacles) append_ring(r, to_sf(kBuildingFill), &micro_blocks_, edge, micro_edges_);
}

void MapLayers::update_streets(const StreetGraph& g, double scale, float ui_scale) {
  // 15 % zoom change before a rebuild: below that a min-width street changes by
  // less than a pixel's fraction, and rebuilding ~10⁵ quads every wheel tick is waste.
  // A new UI scale rebuilds at once: the minimum widths are in its pixels.
  if (streets_scale_ > 0 && ui_scale == streets_ui_ && std::abs(std::log(scale / streets_scale_)) < 0.15)
    return;
  streets_scale_ = scale;
  streets_ui_ = ui_scale;
  streets_.clear();
  // Minor classes first so major streets are drawn over them at junctions.
  for (int pass = 0; pass < 3; ++pass) {
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
      const StreetKind k = g.edge_kind[e];
      const float base_px = street_min_px(k);
      const int rank = base_px >= 3 ? 2 : base_px >= 2 ? 1 : 0;
      const float min_px = base_px * ui_scale;
      if (rank != pass) continue;
      const float w = std::max(g.edge_width[e], static_cast<float>(min_px / scale));
      append_edge_quads(streets_, g, EdgeId{e}, w, to_sf(street_colour(k)), origin_);
    }
  }
}

void MapLayers::build_terrain(const TerrainGrid& t) {
  has_terrain_ = false;
  if (t.empty() || t.nx < 2 || t.ny < 2) return;
  const unsigned max = sf::Texture::getMaximumSize();
  if (static_cast<unsigned>(t.nx) > max || static_cast<unsigned>(t.ny) > max) return;
  z_min_ = INFINITY;
  z_max_ = -INFINITY;
  for (const float z : t.z)
    if (std::isfinite(z)) z_min_ = std::min(z_min_, z), z_max_ = std::max(z_max_, z);
  if (!(z_min_ <= z_max_)) return;
  const float range = std::max(z_max_ - z_min_, 1.0f);
  auto at = [&](int x, int y) {
    x = std::clamp(x, 0, t.nx - 1);
    y = std::clamp(y, 0, t.ny - 1);
    const float z = t.z[static_cast<std::size_t>(y) * t.nx + x];
    return std::isfinite(z) ? z : z_min_;
  };
  // Hillshade with the cartographic convention: light from the north-west (azimuth
  // 315°) at 45° altitude; Horn-like central differences.
  const double az = 315.0 * M_PI / 180.0, alt = 45.0 * M_PI / 180.0;
  const double lx = std::sin(az) * std::cos(alt), ly = std::cos(az) * std::cos(alt), lz = std::sin(alt);
  sf::Image img;
  img.create(static_cast<unsigned>(t.nx), static_cast<unsigned>(t.ny), sf::Color::Transparent);
  for (int y = 0; y < t.ny; ++y) {
    for (int x = 0; x < t.nx; ++x) {
      const float z = t.z[static_cast<std::size_t>(y) * t.nx + x];
      if (!std::isfinite(z)) continue;
      const double dzdx = (at(x + 1, y) - at(x - 1, y)) / (2 * t.cell);
      const double dzdy = (at(x, y + 1) - at(x, y - 1)) / (2 * t.cell);
      const double nlen = std::sqrt(dzdx * dzdx + dzdy * dzdy + 1);
      const double shade = std::max(0.0, (-dzdx * lx - dzdy * ly + lz) / nlen);
      // Low ground dark grey, high ground light brown (a hypsometric tint without
      // blue or green): flood water is the only blue ground on the map (palette.hpp),
      // and the low-lying zone has a layer of its own.
      const double u = (z - z_min_) / range;
      const double r = 44 + 50 * u, gch = 44 + 36 * u, b = 44 + 14 * u;
      const double f = 0.55 + 0.75 * shade;
      img.setPixel(static_cast<unsigned>(x), static_cast<unsigned>(t.ny - 1 - y),
                   sf::Color(static_cast<std::uint8_t>(std::min(255.0, r * f)),
                             static_cast<std::uint8_t>(std::min(255.0, gch * f)),
                             static_cast<std::uint8_t>(std::min(255.0, b * f))));
    }
  }
  if (!terrain_tex_.loadFromImage(img)) return;
  terrain_tex_.setSmooth(true);
  const float x0 = static_cast<float>(t.origin.x - origin_.x),
              y0 = static_cast<float>(t.origin.y - origin_.y);
  const float x1 = x0 + static_cast<float>(t.nx * t.cell), y1 = y0 + static_cast<float>(t.ny * t.cell);
  const float w = static_cast<float>(t.nx), h = static_cast<float>(t.ny);
  terrain_quad_[0] = sf::Vertex({x0, y0}, {0, h});
  terrain_quad_[1] = sf::Vertex({x1, y0}, {w, h});
  terrain_quad_[2] = sf::Vertex({x1, y1}, {w, 0});
  terrain_quad_[3] = sf::Vertex({x0, y1}, {0, 0});
  has_terrain_ = true;
}

}  // namespace ss::gui
