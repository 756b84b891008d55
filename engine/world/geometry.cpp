#include "engine/world/geometry.hpp"

#include <algorithm>

namespace ss {

double signed_area(std::span<const Vec2> ring) {
  const std::size_t n = ring.size();
  if (n < 3) return 0.0;
  double a = 0.0;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) a += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
  return 0.5 * a;
}

Vec2 centroid(std::span<const Vec2> ring) {
  const std::size_t n = ring.size();
  if (n == 0) return {};
  const double a = signed_area(ring);
  if (std::abs(a) < 1e-12) {  // degenerate: mean of vertices
    Vec2 s{};
    for (const Vec2& p : ring) s = s + p;
    return s * (1.0 / static_cast<double>(n));
  }
  // Relative to the first vertex to keep precision with large UTM coordinates.
  const Vec2 o = ring[0];
  double cx = 0.0, cy = 0.0;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Vec2 p = ring[j] - o, q = ring[i] - o;
    const double c = p.x * q.y - q.x * p.y;
    cx += (p.x + q.x) * c;
    cy += (p.y + q.y) * c;
  }
  return Vec2{cx / (6.0 * a), cy / (6.0 * a)} + o;
}

bool contains(std::span<const Vec2> ring, Vec2 p) {
  bool inside = false;
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Vec2 a = ring[i], b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

Box bounds(std::span<const Vec2> pts) {
  Box b;
  for (const Vec2& p : pts) b.extend(p);
  return b;
}

double polyline_length(std::span<const Vec2> pts) {
  double l = 0.0;
  for (std::size_t i = 1; i < pts.size(); ++i) l += distance(pts[i - 1], pts[i]);
  return l;
}

SegmentProjection project_on_segment(Vec2 p, Vec2 a, Vec2 b) {
  const Vec2 ab = b - a;
  const double len2 = dot(ab, ab);
  double t = len2 > 0.0 ? dot(p - a, ab) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const Vec2 q = a + ab * t;
  return {q, t, distance(p, q)};
}

}  // namespace ss
