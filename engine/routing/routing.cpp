#include "engine/routing/routing.hpp"

#include <queue>
#include <utility>

namespace ss {

void build_route_field(const StreetGraph& g, std::span<const ShelterSite> shelters,
                       std::span<const ShelterId> targets, const EdgeFilter& filter, RouteField& out) {
  const std::size_t n = g.node_count();
  constexpr float kInf = std::numeric_limits<float>::infinity();
  out.dist.assign(n, kInf);
  out.next_edge.assign(n, EdgeId{});
  out.target.assign(n, ShelterId{});

  // (distance, node) min-heap; ties resolve by node index, so the field is the
  // same whatever order the targets were listed in.
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  std::vector<double> best(n, std::numeric_limits<double>::infinity());
  for (const ShelterId s : targets) {
    const NodeId node = shelters[s.index()].node;
    if (!node.valid() || node.index() >= n) continue;
    // Two shelters on one node: the lower id wins, deterministically.
    if (best[node.index()] == 0.0 && out.target[node.index()].valid() && out.target[node.index()] < s)
      continue;
    best[node.index()] = 0.0;
    out.target[node.index()] = s;
    heap.emplace(0.0, node.value);
  }
  while (!heap.empty()) {
    const auto [d, u] = heap.top();
    heap.pop();
    if (d > best[u]) continue;
    const NodeId un{u};
    for (const EdgeId e : g.incident(un)) {
      if (!filter.closed.empty() && filter.closed[e.index()]) continue;
      if (filter.step_free && g.edge_kind[e.index()] == StreetKind::Steps) continue;
      const NodeId v = g.other_end(e, un);
      double len = g.edge_length[e.index()];
      // The search runs from the shelters backwards: whoever uses this edge walks it from
      // v toward u, so its cost is that direction's (Model::walk_factor: [2e] from → to).
      if (!filter.walk.empty()) len /= filter.walk[2 * e.index() + (g.edge_from[e.index()] == v ? 0 : 1)];
      const double nd = d + (filter.cost.empty() ? len : len * filter.cost[e.index()]);
      const std::size_t vi = v.index();
      if (nd < best[vi] || (nd == best[vi] && out.target[un.index()] < out.target[vi])) {
        best[vi] = nd;
        out.next_edge[vi] = e;
        out.target[vi] = out.target[un.index()];
        heap.emplace(nd, v.value);
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) out.dist[i] = static_cast<float>(best[i]);
}

}  // namespace ss
