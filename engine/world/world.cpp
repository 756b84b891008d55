#include "engine/world/world.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>
#include <utility>

namespace ss {

const char* to_string(StreetKind k) {
  switch (k) {
    case StreetKind::Primary: return "primary";
    case StreetKind::Secondary: return "secondary";
    case StreetKind::Tertiary: return "tertiary";
    case StreetKind::Unclassified: return "unclassified";
    case StreetKind::Residential: return "residential";
    case StreetKind::LivingStreet: return "living_street";
    case StreetKind::Service: return "service";
    case StreetKind::Pedestrian: return "pedestrian";
    case StreetKind::Track: return "track";
    case StreetKind::Footway: return "footway";
    case StreetKind::Path: return "path";
    case StreetKind::Cycleway: return "cycleway";
    case StreetKind::Steps: return "steps";
    case StreetKind::Other: return "other";
  }
  return "other";
}

// Link roads and trunks fold into the class they connect; bridleway and corridor
// into the nearest pedestrian class (https://wiki.openstreetmap.org/wiki/Key:highway).
StreetKind street_kind_from_highway(std::string_view h) {
  struct Entry {
    std::string_view tag;
    StreetKind kind;
  };
  static constexpr Entry kTable[] = {
      {"trunk", StreetKind::Primary},
      {"trunk_link", StreetKind::Primary},
      {"primary", StreetKind::Primary},
      {"primary_link", StreetKind::Primary},
      {"secondary", StreetKind::Secondary},
      {"secondary_link", StreetKind::Secondary},
      {"tertiary", StreetKind::Tertiary},
      {"tertiary_link", StreetKind::Tertiary},
      {"unclassified", StreetKind::Unclassified},
      {"residential", StreetKind::Residential},
      {"living_street", StreetKind::LivingStreet},
      {"service", StreetKind::Service},
      {"pedestrian", StreetKind::Pedestrian},
      {"track", StreetKind::Track},
      {"footway", StreetKind::Footway},
      {"corridor", StreetKind::Footway},
      {"path", StreetKind::Path},
      {"bridleway", StreetKind::Path},
      {"cycleway", StreetKind::Cycleway},
      {"steps", StreetKind::Steps},
  };
  for (const Entry& e : kTable)
    if (e.tag == h) return e.kind;
  return StreetKind::Other;
}

const char* to_string(ShelterKind k) {
  switch (k) {
    case ShelterKind::School: return "school";
    case ShelterKind::Parking: return "parking";
    case ShelterKind::Building: return "building";
    case ShelterKind::Open: return "open";
    case ShelterKind::Other: return "other";
    case ShelterKind::AssemblyArea: return "assembly_area";
  }
  return "other";
}

EdgeId StreetGraph::add_edge(NodeId from, NodeId to, std::span<const Vec2> polyline, float width,
                             StreetKind kind, std::string name, std::int64_t source_id) {
  assert(from.index() < node_count() && to.index() < node_count() && "add_edge: end node does not exist");
  const EdgeId id{edge_count()};
  edge_from.push_back(from);
  edge_to.push_back(to);
  if (shape_offset.empty()) shape_offset.push_back(0);
  if (polyline.size() >= 2) {
    shape_points.insert(shape_points.end(), polyline.begin(), polyline.end());
  } else {  // no geometry given: the straight segment between the ends
    shape_points.push_back(node_pos[from.index()]);
    shape_points.push_back(node_pos[to.index()]);
  }
  shape_offset.push_back(static_cast<std::uint32_t>(shape_points.size()));
  edge_length.push_back(static_cast<float>(polyline_length(shape(id))));
  edge_width.push_back(width);
  edge_kind.push_back(kind);
  edge_name.push_back(std::move(name));
  edge_source_id.push_back(source_id);
  edge_vehicle.emplace_back();
  edge_rise.push_back(0.0f);
  edge_steps.push_back(0);
  return id;
}

NodeId StreetGraph::add_node(Vec2 p, float z) {
  node_pos.push_back(p);
  node_z.push_back(z);
  return NodeId{node_pos.size() - 1};
}

void StreetGraph::build_adjacency() {
  const std::size_t n = node_count();
  adj_offset.assign(n + 1, 0);
  for (std::size_t e = 0; e < edge_count(); ++e) {
    ++adj_offset[edge_from[e].index() + 1];
    if (edge_to[e] != edge_from[e]) ++adj_offset[edge_to[e].index() + 1];
  }
  std::partial_sum(adj_offset.begin(), adj_offset.end(), adj_offset.begin());
  adj_edge.assign(adj_offset[n], EdgeId{});
  std::vector<std::uint32_t> fill(adj_offset.begin(), adj_offset.end() - 1);
  // Edges in increasing id order per node, so traversal order is deterministic.
  for (std::size_t e = 0; e < edge_count(); ++e) {
    adj_edge[fill[edge_from[e].index()]++] = EdgeId{e};
    if (edge_to[e] != edge_from[e]) adj_edge[fill[edge_to[e].index()]++] = EdgeId{e};
  }
}

namespace {
std::uint32_t find_root(std::vector<std::uint32_t>& parent, std::uint32_t a) {
  while (parent[a] != a) {
    parent[a] = parent[parent[a]];  // path halving
    a = parent[a];
  }
  return a;
}
}  // namespace

// Union-find over the edge list, so it works whether or not adjacency is built.
// Components are numbered in order of their lowest node index (deterministic).
Components connected_components(const StreetGraph& g) {
  const std::size_t n = g.node_count();
  std::vector<std::uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const std::uint32_t a = find_root(parent, g.edge_from[e].value);
    const std::uint32_t b = find_root(parent, g.edge_to[e].value);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  Components c;
  c.of_node.assign(n, 0);
  std::vector<std::uint32_t> label(n, NodeId::kInvalid);
  for (std::uint32_t v = 0; v < n; ++v) {
    const std::uint32_t r = find_root(parent, v);
    if (label[r] == NodeId::kInvalid) {
      label[r] = static_cast<std::uint32_t>(c.size.size());
      c.size.push_back(0);
    }
    c.of_node[v] = label[r];
    ++c.size[label[r]];
  }
  for (std::uint32_t k = 1; k < c.size.size(); ++k)
    if (c.size[k] > c.size[c.largest]) c.largest = k;
  return c;
}

std::vector<NodeId> keep_component(StreetGraph& g, const Components& c, std::uint32_t keep) {
  assert(c.of_node.size() == g.node_count() && "keep_component: components of another graph");
  StreetGraph out;
  std::vector<NodeId> remap(g.node_count());
  for (std::size_t v = 0; v < g.node_count(); ++v)
    if (c.of_node[v] == keep) remap[v] = out.add_node(g.node_pos[v], g.node_z[v]);
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const NodeId a = remap[g.edge_from[e].index()], b = remap[g.edge_to[e].index()];
    if (!a.valid() || !b.valid()) continue;
    const EdgeId id{e};
    const EdgeId ne = out.add_edge(a, b, g.shape(id), g.edge_width[e], g.edge_kind[e],
                                   std::move(g.edge_name[e]), g.edge_source_id[e]);
    out.edge_length[ne.index()] = g.edge_length[e];  // keep the length exactly as computed before
    if (e < g.edge_vehicle.size()) out.edge_vehicle[ne.index()] = g.edge_vehicle[e];
    if (e < g.edge_rise.size()) out.edge_rise[ne.index()] = g.edge_rise[e];
    if (e < g.edge_steps.size()) out.edge_steps[ne.index()] = g.edge_steps[e];
  }
  out.build_adjacency();
  g = std::move(out);
  return remap;
}

float TerrainGrid::sample(Vec2 p) const {
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
  if (empty() || cell <= 0.0) return kNaN;
  // Cell centres sit at origin + (i + 0.5) * cell.
  const double u = (p.x - origin.x) / cell - 0.5;
  const double v = (p.y - origin.y) / cell - 0.5;
  if (!(u >= -0.5 && v >= -0.5 && u <= nx - 0.5 && v <= ny - 0.5)) return kNaN;
  // Clamp so points in the outer half cell use the edge value.
  const double uc = std::clamp(u, 0.0, static_cast<double>(nx - 1));
  const double vc = std::clamp(v, 0.0, static_cast<double>(ny - 1));
  const int i0 = std::min(static_cast<int>(uc), nx - 1), j0 = std::min(static_cast<int>(vc), ny - 1);
  const int i1 = std::min(i0 + 1, nx - 1), j1 = std::min(j0 + 1, ny - 1);
  const double fx = uc - i0, fy = vc - j0;
  auto at = [&](int i, int j) { return static_cast<double>(z[static_cast<std::size_t>(j) * nx + i]); };
  const double z0 = at(i0, j0) * (1.0 - fx) + at(i1, j0) * fx;
  const double z1 = at(i0, j1) * (1.0 - fx) + at(i1, j1) * fx;
  return static_cast<float>(z0 * (1.0 - fy) + z1 * fy);
}

std::string World::zone_name(ZoneId z) const {
  if (z.index() < zones.size()) return zones[z.index()].name;
  return zones.empty() ? "all" : "outside";
}

std::optional<std::size_t> World::building_at(Vec2 p, double reach) const {
  std::optional<std::size_t> best;
  double best_d = reach;
  for (std::size_t b = 0; b < buildings.size(); ++b) {
    if (contains(buildings[b].outline, p)) return b;
    const double d = distance(p, buildings[b].centroid);
    if (d < best_d) {
      best_d = d;
      best = b;
    }
  }
  return best;
}

std::optional<std::size_t> World::building_with_id(std::int64_t source_id) const {
  for (std::size_t b = 0; b < buildings.size(); ++b)
    if (buildings[b].source_id == source_id) return b;
  return std::nullopt;
}

ZoneId World::zone_of(Vec2 p) const {
  for (std::size_t i = 0; i < zones.size(); ++i)
    if (contains(zones[i].outline, p)) return ZoneId{i};
  return ZoneId{zones.size()};
}

}  // namespace ss
