#include "engine/world/spatial_index.hpp"

#include <algorithm>
#include <cmath>

namespace ss {

EdgeIndex::EdgeIndex(const StreetGraph& g, double cell) : g_(&g), cell_(cell) {
  box_ = bounds(g.shape_points);
  if (box_.empty()) return;
  nx_ = std::max(1, static_cast<int>(std::ceil(box_.width() / cell_)) + 1);
  ny_ = std::max(1, static_cast<int>(std::ceil(box_.height() / cell_)) + 1);
  // Two passes (count, then fill) so segments of one cell are contiguous.
  std::vector<std::vector<Segment>> bins(static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_));
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const auto b = g.shape_offset[e], end = g.shape_offset[e + 1];
    double off = 0.0;
    for (auto i = b; i + 1 < end; ++i) {
      const Vec2 p = g.shape_points[i], q = g.shape_points[i + 1];
      const int x0 = static_cast<int>((std::min(p.x, q.x) - box_.min.x) / cell_);
      const int x1 = static_cast<int>((std::max(p.x, q.x) - box_.min.x) / cell_);
      const int y0 = static_cast<int>((std::min(p.y, q.y) - box_.min.y) / cell_);
      const int y1 = static_cast<int>((std::max(p.y, q.y) - box_.min.y) / cell_);
      for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
          bins[static_cast<std::size_t>(y) * nx_ + x].push_back({EdgeId{e}, i, static_cast<float>(off)});
      off += distance(p, q);
    }
  }
  cell_start_.resize(bins.size() + 1, 0);
  for (std::size_t c = 0; c < bins.size(); ++c) cell_start_[c + 1] = cell_start_[c] + bins[c].size();
  segments_.reserve(cell_start_.back());
  for (auto& b : bins) segments_.insert(segments_.end(), b.begin(), b.end());
}

EdgeHit EdgeIndex::nearest(Vec2 p, double max_distance) const {
  EdgeHit best;
  best.distance = std::numeric_limits<double>::infinity();
  if (!g_ || nx_ == 0 || !std::isfinite(p.x) || !std::isfinite(p.y)) return best;
  const int cx = static_cast<int>(std::floor((p.x - box_.min.x) / cell_));
  const int cy = static_cast<int>(std::floor((p.y - box_.min.y) / cell_));
  const int reach = static_cast<int>(std::ceil(max_distance / cell_));
  // Search rings of cells outward; stop once the ring is farther than the best hit.
  for (int r = 0; r <= reach; ++r) {
    if (best.edge.valid() && (r - 1) * cell_ > best.distance) break;
    for (int y = cy - r; y <= cy + r; ++y) {
      for (int x = cx - r; x <= cx + r; ++x) {
        if (std::max(std::abs(x - cx), std::abs(y - cy)) != r) continue;
        if (x < 0 || y < 0 || x >= nx_ || y >= ny_) continue;
        const std::size_t c = static_cast<std::size_t>(y) * nx_ + x;
        for (auto k = cell_start_[c]; k < cell_start_[c + 1]; ++k) {
          const Segment& s = segments_[k];
          const Vec2 a = g_->shape_points[s.point], b = g_->shape_points[s.point + 1];
          const SegmentProjection pr = project_on_segment(p, a, b);
          // Ties (a point equally near two segments) go to the lower edge id.
          if (pr.distance < best.distance || (pr.distance == best.distance && s.edge < best.edge)) {
            best.edge = s.edge;
            best.distance = pr.distance;
            best.point = pr.point;
            best.offset = s.offset + pr.t * distance(a, b);
          }
        }
      }
    }
  }
  if (best.distance > max_distance) return EdgeHit{};
  return best;
}

}  // namespace ss
