#pragma once
// Nearest street to a point, through a uniform grid of edge segments, so snapping
// hundreds of shelters or closure points does not scan the whole network each time.
#include <optional>
#include <vector>

#include "engine/world.hpp"

namespace ss::scenarios {

struct StreetHit {
  EdgeId edge;
  Vec2 point;             // m, closest point on the edge
  double distance = 0.0;  // m
  NodeId nearer_node;     // the edge's end closer along the edge to `point`
};

class NetworkSnapper {
 public:
  explicit NetworkSnapper(const StreetGraph& g, double cell = 100.0);
  // Closest street within max_distance (m), nullopt when none.
  [[nodiscard]] std::optional<StreetHit> nearest(Vec2 p, double max_distance) const;

 private:
  struct Segment {
    EdgeId edge;
    std::uint32_t index;  // segment index within the edge's shape
  };
  const StreetGraph* g_;
  double cell_;
  Vec2 origin_;
  int nx_ = 0, ny_ = 0;
  std::vector<std::uint32_t> cell_offset_;  // (cells + 1)
  std::vector<Segment> cell_segments_;
};

}  // namespace ss::scenarios
