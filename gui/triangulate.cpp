#include "gui/triangulate.hpp"

#include <algorithm>
#include <numeric>

namespace ss::gui {
namespace {

float cross(sf::Vector2f o, sf::Vector2f a, sf::Vector2f b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

bool inside_triangle(sf::Vector2f p, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c) {
  return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

}  // namespace

void triangulate(std::span<const sf::Vector2f> ring, std::vector<std::uint32_t>& out) {
  std::size_t n = ring.size();
  if (n >= 2 && ring[0] == ring[n - 1]) --n;
  if (n < 3) return;
  // Work counter-clockwise so an ear is a left turn.
  float area2 = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = ring[i];
    const auto& q = ring[(i + 1) % n];
    area2 += p.x * q.y - q.x * p.y;
  }
  std::vector<std::uint32_t> idx(n);
  std::iota(idx.begin(), idx.end(), 0u);
  if (area2 < 0) std::reverse(idx.begin(), idx.end());

  // O(n²) per footprint is fine: buildings have a handful to a few dozen corners.
  std::size_t guard = 2 * n * n + 8;
  std::size_t i = 0;
  while (idx.size() > 3 && guard-- > 0) {
    const std::size_t m = idx.size();
    const std::uint32_t a = idx[(i + m - 1) % m], b = idx[i % m], c = idx[(i + 1) % m];
    bool ear = cross(ring[a], ring[b], ring[c]) > 0;
    for (std::size_t k = 0; ear && k < m; ++k) {
      const std::uint32_t v = idx[k];
      if (v != a && v != b && v != c && inside_triangle(ring[v], ring[a], ring[b], ring[c])) ear = false;
    }
    if (ear) {
      out.insert(out.end(), {a, b, c});
      idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(i % m));
    } else {
      ++i;
    }
  }
  if (idx.size() == 3) {
    out.insert(out.end(), {idx[0], idx[1], idx[2]});
  } else {
    // No ear left (self-intersection or collinear run): fan the rest.
    for (std::size_t k = 1; k + 1 < idx.size(); ++k) out.insert(out.end(), {idx[0], idx[k], idx[k + 1]});
  }
}

}  // namespace ss::gui
