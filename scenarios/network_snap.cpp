#include "scenarios/network_snap.hpp"

#include <algorithm>
#include <cmath>

namespace ss::scenarios {

NetworkSnapper::NetworkSnapper(const StreetGraph& g, double cell) : g_(&g), cell_(cell) {
  Box b;
  for (const Vec2& p : g.shape_points) b.extend(p);
  if (b.empty()) return;
  origin_ = b.min;
  nx_ = std::max(1, static_cast<int>(std::ceil(b.width() / cell_)) + 1);
  ny_ = std::max(1, static_cast<int>(std::ceil(b.height() / cell_)) + 1);
  // Two passes (count, fill) into compressed rows: one segment may touch several cells.
  std::vector<std::uint32_t> count(static_cast<std::size_t>(nx_) * ny_ + 1, 0);
  auto each_cell = [&](Vec2 a, Vec2 c, auto&& fn) {
    const int x0 = static_cast<int>((std::min(a.x, c.x) - origin_.x) / cell_);
    const int x1 = static_cast<int>((std::max(a.x, c.x) - origin_.x) / cell_);
    const int y0 = static_cast<int>((std::min(a.y, c.y) - origin_.y) / cell_);
    const int y1 = static_cast<int>((std::max(a.y, c.y) - origin_.y) / cell_);
    for (int y = y0; y <= y1; ++y)
      for (int x = x0; x <= x1; ++x) fn(static_cast<std::size_t>(y) * nx_ + x);
  };
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
      const auto pts = g.shape(EdgeId(e));
      for (std::size_t i = 1; i < pts.size(); ++i)
        each_cell(pts[i - 1], pts[i], [&](std::size_t c) {
          if (pass == 0) ++count[c + 1];
          else cell_segments_[cell_offset_[c] + count[c]++] = {EdgeId(e), static_cast<std::uint32_t>(i - 1)};
        });
    }
    if (pass == 0) {
      cell_offset_.assign(count.size(), 0);
      for (std::size_t c = 1; c < count.size(); ++c) cell_offset_[c] = cell_offset_[c - 1] + count[c];
      cell_segments_.resize(cell_offset_.back());
      std::fill(count.begin(), count.end(), 0);
    }
  }
}

std::optional<StreetHit> NetworkSnapper::nearest(Vec2 p, double max_distance) const {
  if (nx_ == 0 || !std::isfinite(p.x) || !std::isfinite(p.y)) return std::nullopt;
  const int x0 = std::max(0, static_cast<int>(std::floor((p.x - max_distance - origin_.x) / cell_)));
  const int x1 = std::min(nx_ - 1, static_cast<int>(std::floor((p.x + max_distance - origin_.x) / cell_)));
  const int y0 = std::max(0, static_cast<int>(std::floor((p.y - max_distance - origin_.y) / cell_)));
  const int y1 = std::min(ny_ - 1, static_cast<int>(std::floor((p.y + max_distance - origin_.y) / cell_)));
  std::optional<StreetHit> best;
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      const std::size_t c = static_cast<std::size_t>(y) * nx_ + x;
      for (std::uint32_t k = cell_offset_[c]; k < cell_offset_[c + 1]; ++k) {
        const Segment s = cell_segments_[k];
        const auto pts = g_->shape(s.edge);
        const SegmentProjection pr = project_on_segment(p, pts[s.index], pts[s.index + 1]);
        if (pr.distance > max_distance) continue;
        // Ties (a point equally near two edges) go to the lower edge id, so the
        // result does not depend on the grid's visiting order.
        if (best && (pr.distance > best->distance || (pr.distance == best->distance && s.edge >= best->edge)))
          continue;
        double along = 0.0, total = 0.0;
        for (std::size_t i = 1; i < pts.size(); ++i) {
          const double l = distance(pts[i - 1], pts[i]);
          if (i - 1 < s.index) along += l;
          else if (i - 1 == s.index) along += l * pr.t;
          total += l;
        }
        const std::size_t e = s.edge.index();
        best = StreetHit{s.edge, pr.point, pr.distance, along <= total - along ? g_->edge_from[e] : g_->edge_to[e]};
      }
    }
  }
  return best;
}

}  // namespace ss::scenarios
