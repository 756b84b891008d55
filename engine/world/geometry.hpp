#pragma once
// Planar geometry in the local metric CRS (metres, x east, y north).
#include <cmath>
#include <span>
#include <vector>

namespace ss {

struct Vec2 {
  double x = 0.0;  // m
  double y = 0.0;  // m
  constexpr Vec2 operator+(Vec2 o) const { return {x + o.x, y + o.y}; }
  constexpr Vec2 operator-(Vec2 o) const { return {x - o.x, y - o.y}; }
  constexpr Vec2 operator*(double s) const { return {x * s, y * s}; }
  constexpr bool operator==(const Vec2&) const = default;
};

inline double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
inline double norm(Vec2 a) { return std::sqrt(dot(a, a)); }
inline double distance(Vec2 a, Vec2 b) { return norm(a - b); }

struct Box {
  Vec2 min{HUGE_VAL, HUGE_VAL};
  Vec2 max{-HUGE_VAL, -HUGE_VAL};
  void extend(Vec2 p) {
    min = {std::fmin(min.x, p.x), std::fmin(min.y, p.y)};
    max = {std::fmax(max.x, p.x), std::fmax(max.y, p.y)};
  }
  [[nodiscard]] bool empty() const { return !(min.x <= max.x && min.y <= max.y); }
  [[nodiscard]] bool contains(Vec2 p) const {
    return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y;
  }
  [[nodiscard]] double width() const { return max.x - min.x; }
  [[nodiscard]] double height() const { return max.y - min.y; }
};

using Ring = std::vector<Vec2>;  // closed implicitly: last vertex connects to first

// Shoelace formula; positive for counter-clockwise rings.
double signed_area(std::span<const Vec2> ring);
Vec2 centroid(std::span<const Vec2> ring);
// Even-odd rule point-in-polygon test.
bool contains(std::span<const Vec2> ring, Vec2 p);
Box bounds(std::span<const Vec2> pts);
double polyline_length(std::span<const Vec2> pts);

// Closest point on segment ab to p; t in [0,1] is its parameter along ab.
struct SegmentProjection {
  Vec2 point;
  double t = 0.0;
  double distance = 0.0;  // m
};
SegmentProjection project_on_segment(Vec2 p, Vec2 a, Vec2 b);

}  // namespace ss
