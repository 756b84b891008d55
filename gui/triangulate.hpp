#pragma once
// Ear-clipping triangulation of simple polygons (building footprints), so filled
// buildings are one sf::Triangles array instead of a draw call each.
#include <cstdint>
#include <span>
#include <vector>

#include <SFML/System/Vector2.hpp>

namespace ss::gui {

// Appends triangles (three indices into `ring` each) to `out`. Works for either
// winding; a closing vertex equal to the first is ignored. Degenerate or
// self-intersecting rings fall back to a fan so something is always drawn.
void triangulate(std::span<const sf::Vector2f> ring, std::vector<std::uint32_t>& out);

}  // namespace ss::gui
