#pragma once
// Uniform-grid index over the street segments, for snapping homes, shelters and
// clicks to the nearest street without scanning every edge.
#include <cstdint>
#include <vector>

#include "engine/world/world.hpp"

namespace ss {

struct EdgeHit {
  EdgeId edge;
  double offset = 0.0;    // m from the edge's from-node along its polyline
  double distance = 0.0;  // m from the query point to the street
  Vec2 point;             // closest point on the street
};

class EdgeIndex {
 public:
  EdgeIndex() = default;
  explicit EdgeIndex(const StreetGraph& g, double cell = 100.0);
  // Nearest street within max_distance (m); invalid edge when there is none.
  [[nodiscard]] EdgeHit nearest(Vec2 p, double max_distance) const;

 private:
  struct Segment {
    EdgeId edge;
    std::uint32_t point;  // index of the segment's first point in shape_points
    float offset;         // m from the edge start to that point
  };
  const StreetGraph* g_ = nullptr;
  Box box_;
  double cell_ = 100.0;  // m
  int nx_ = 0, ny_ = 0;
  std::vector<std::uint32_t> cell_start_;  // (nx*ny + 1)
  std::vector<Segment> segments_;          // grouped by cell
};

}  // namespace ss
