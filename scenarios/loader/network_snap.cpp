#include "scenarios/loader/network_snap.hpp"

namespace ss::scenarios {

NetworkSnapper::NetworkSnapper(const StreetGraph& g, double cell) : g_(&g), index_(g, cell) {}

std::optional<StreetHit> NetworkSnapper::nearest(Vec2 p, double max_distance) const {
  const EdgeHit hit = index_.nearest(p, max_distance);
  if (!hit.edge.valid()) return std::nullopt;
  const std::size_t e = hit.edge.index();
  const bool from_nearer = hit.offset <= g_->edge_length[e] - hit.offset;
  return StreetHit{hit.edge, hit.point, hit.distance, from_nearer ? g_->edge_from[e] : g_->edge_to[e]};
}

}  // namespace ss::scenarios
