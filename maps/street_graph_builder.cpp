#include "maps/street_graph_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace ss::maps {

namespace {
struct Key {
  long long x, y;
  bool operator==(const Key&) const = default;
};
struct KeyHash {
  std::size_t operator()(Key k) const noexcept {
    return std::hash<long long>{}(k.x) ^ (std::hash<long long>{}(k.y) * 0x9E3779B97F4A7C15ull);
  }
};
Key key_of(Vec2 p) { return {std::llround(p.x / kSnap), std::llround(p.y / kSnap)}; }

Vec2 point_at_half_length(const std::vector<Vec2>& pts) {
  const double half = 0.5 * polyline_length(pts);
  double run = 0.0;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const double seg = distance(pts[i - 1], pts[i]);
    if (run + seg >= half && seg > 0.0) return pts[i - 1] + (pts[i] - pts[i - 1]) * ((half - run) / seg);
    run += seg;
  }
  return pts.back();
}

struct Segment {
  Key a, b;
  std::vector<Vec2> pts;
  double length;
  Vec2 mid;
  const WayInput* way;
  float width;
  StreetKind kind;
};
}  // namespace

GraphBuildResult build_street_graph(std::vector<WayInput> ways) {
  GraphBuildResult r;
  // 1. Clean: drop non-finite points and consecutive duplicates (same key).
  for (WayInput& w : ways) {
    std::vector<Vec2> clean;
    clean.reserve(w.points.size());
    for (const Vec2& p : w.points) {
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
      if (clean.empty() || !(key_of(clean.back()) == key_of(p))) clean.push_back(p);
    }
    w.points = std::move(clean);
    if (w.points.size() < 2) {
      ++r.degenerate_ways;
      w.points.clear();
    }
  }
  // 2. Junctions: way ends and vertices used more than once (by several ways, or
  //    twice by one way, e.g. a closed loop).
  std::unordered_map<Key, std::uint32_t, KeyHash> uses;
  for (const WayInput& w : ways) {
    for (std::size_t i = 0; i < w.points.size(); ++i) {
      std::uint32_t& u = uses[key_of(w.points[i])];
      u += (i == 0 || i + 1 == w.points.size()) ? 2u : 1u;  // ends always count as junctions
    }
  }
  // 3. Split ways at junctions.
  std::vector<Segment> segs;
  auto emit = [&](const WayInput& w, std::size_t from, std::size_t to) {
    Segment s{key_of(w.points[from]),
              key_of(w.points[to]),
              std::vector<Vec2>(w.points.begin() + static_cast<std::ptrdiff_t>(from),
                                w.points.begin() + static_cast<std::ptrdiff_t>(to) + 1),
              0.0,
              {},
              &w,
              w.width,
              w.kind};
    s.length = polyline_length(s.pts);
    s.mid = point_at_half_length(s.pts);
    segs.push_back(std::move(s));
  };
  for (const WayInput& w : ways) {
    std::size_t start = 0;
    for (std::size_t i = 1; i < w.points.size(); ++i) {
      if (uses[key_of(w.points[i])] < 2) continue;
      if (key_of(w.points[i]) == key_of(w.points[start])) {
        // A loop back to its own start: split at its middle vertex so no edge is a
        // self-loop (useless for routing). Two vertices only: nothing to keep.
        if (i - start >= 2) {
          const std::size_t m = start + (i - start) / 2;
          emit(w, start, m);
          emit(w, m, i);
        }
      } else {
        emit(w, start, i);
      }
      start = i;
    }
  }
  // 4. Nodes in order of first use (deterministic for a given input order), then
  //    edges, merging duplicates.
  std::unordered_map<Key, NodeId, KeyHash> node_of;
  StreetGraph& g = r.graph;
  auto node = [&](Key k, Vec2 p) {
    auto [it, fresh] = node_of.try_emplace(k, NodeId{});
    if (fresh) it->second = g.add_node(p);
    return it->second;
  };
  std::unordered_map<Key, std::vector<std::size_t>, KeyHash> edges_between;  // key: packed node pair
  // What the way's incline and step_count say about this piece of it, along the edge
  // (`reversed`: the piece runs edge_to → edge_from, a duplicate drawn the other way). A
  // piece of a stair way gets its share of the steps by length (at least one).
  auto set_incline = [&](std::size_t e, const Segment& s, bool reversed) {
    const WayInput& w = *s.way;
    const int dir = reversed ? -1 : 1;
    r.incline_sign.resize(g.edge_count(), 0);
    g.edge_rise[e] = std::isfinite(w.grade) ? static_cast<float>(dir * w.grade * s.length)
                                            : std::numeric_limits<float>::quiet_NaN();
    g.edge_steps[e] = 0;
    if (w.steps > 0) {
      const double whole = polyline_length(w.points);
      const double share = whole > 0.0 ? s.length / whole : 1.0;
      g.edge_steps[e] = static_cast<std::uint16_t>(
          std::clamp<long long>(std::llround(w.steps * share), 1, std::numeric_limits<std::uint16_t>::max()));
    }
    r.incline_sign[e] = static_cast<std::int8_t>(dir * w.incline_sign);
  };
  std::vector<std::size_t> seg_of_edge;
  for (std::size_t si = 0; si < segs.size(); ++si) {
    const Segment& s = segs[si];
    const NodeId a = node(s.a, s.pts.front()), b = node(s.b, s.pts.back());
    const Key pair{static_cast<long long>(std::min(a.value, b.value)),
                   static_cast<long long>(std::max(a.value, b.value))};
    auto& existing = edges_between[pair];
    bool merged = false;
    for (std::size_t e : existing) {
      const Segment& o = segs[seg_of_edge[e]];
      const double tol = std::max(2.0, 0.05 * s.length);
      if (std::abs(o.length - s.length) <= 0.01 * std::max(o.length, s.length) &&
          distance(o.mid, s.mid) <= tol) {
        if (s.width > g.edge_width[e]) {  // keep the widest description
          g.edge_width[e] = s.width;
          g.edge_kind[e] = s.kind;
          g.edge_vehicle[e] = s.way->vehicle;
          set_incline(e, s, g.edge_from[e] != a);
          if (!s.way->name.empty()) g.edge_name[e] = s.way->name;
        }
        ++r.duplicate_edges_merged;
        merged = true;
        break;
      }
    }
    if (merged) continue;
    const EdgeId e = g.add_edge(a, b, s.pts, s.width, s.kind, s.way->name, s.way->source_id);
    g.edge_vehicle[e.index()] = s.way->vehicle;
    set_incline(e.index(), s, false);
    existing.push_back(e.index());
    seg_of_edge.push_back(si);
  }
  r.incline_sign.resize(g.edge_count(), 0);
  g.build_adjacency();
  return r;
}

}  // namespace ss::maps
