#pragma once
// Nearest street to a point for snapping shelters, depots and closure points: the
// engine's EdgeIndex (the same grid the engine snaps homes with), plus which end of
// the street is nearer.
#include <optional>

#include "engine/world/spatial_index.hpp"
#include "engine/world/world.hpp"

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
  const StreetGraph* g_;
  EdgeIndex index_;
};

}  // namespace ss::scenarios
