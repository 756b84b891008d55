#include "engine/model.hpp"

#include <cmath>
#include <string>

#include "engine/input_error.hpp"
#include "engine/spatial_index.hpp"

namespace ss {
namespace {

[[noreturn]] void fail(const std::string& field, const std::string& message) {
  throw InputError("", 0, field, message);
}

bool finite(double v) { return std::isfinite(v); }

}  // namespace

void Model::finalize() {
  if (movement == MovementKind::Micro) return finalize_micro(*this);
  const StreetGraph& g = world.streets;
  if (g.edge_count() == 0) fail("map.streets", "the street network has no walkable streets");
  if (g.adj_offset.size() != g.node_count() + 1) fail("map.streets", "street adjacency was not built");
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    if (!(g.edge_length[e] >= 0.0f) || !finite(g.edge_length[e]) || !(g.edge_width[e] > 0.0f))
      fail("map.streets", "edge " + std::to_string(e) + " has a non-finite length or a non-positive width");
  }
  if (!(run.dt > 0.0) || !finite(run.dt)) fail("run.dt", "must be a positive number of seconds");
  if (!(run.duration > 0.0) || !finite(run.duration)) fail("run.duration", "must be a positive number of seconds");
  if (!(run.timeline_interval >= run.dt)) fail("run.timeline_interval", "must be at least one step (dt)");
  if (world.shelters.empty()) fail("shelters", "the scenario has no shelters");
  for (std::size_t s = 0; s < world.shelters.size(); ++s) {
    const ShelterSite& site = world.shelters[s];
    const std::string field = "shelters[" + site.name + "]";
    if (site.capacity <= 0) fail(field + ".capacity", "must be positive, got " + std::to_string(site.capacity));
    if (!site.node.valid() || site.node.index() >= g.node_count()) fail(field, "is not connected to the street network");
    if (!finite(site.open_time) || site.open_time < 0.0) fail(field + ".open_time", "must be a time >= 0");
  }
  if (!finite(plan.warning_time) || plan.warning_time < 0.0) fail("plan.warning_time", "must be a time >= 0");
  for (const EdgeId e : plan.closed_edges)
    if (!e.valid() || e.index() >= g.edge_count()) fail("plan.closed_roads", "names a street that is not on the map");
  for (const ShelterId s : plan.closed_shelters)
    if (!s.valid() || s.index() >= world.shelters.size()) fail("plan.closed_shelters", "names an unknown shelter");
  if (plan.assignment == Plan::Assignment::ByZone) {
    if (plan.zone_shelter.size() != world.zone_count())
      fail("plan.assignment", "needs one shelter entry per zone");
    for (const ShelterId s : plan.zone_shelter)
      if (s.valid() && s.index() >= world.shelters.size()) fail("plan.assignment", "names an unknown shelter");
  }
  if (population.size() == 0) fail("population", "the scenario has no residents");

  // Snap every home to its nearest street: residents leave home along that street.
  const EdgeIndex index(g);
  const std::size_t n = population.size();
  home_edge.assign(n, EdgeId{});
  home_offset.assign(n, 0.0f);
  home_snap_dist.assign(n, 0.0f);
  home_zone.assign(n, ZoneId{0});
  const double reach = std::hypot(world.bounds.width(), world.bounds.height()) + 1.0;
  for (std::size_t r = 0; r < n; ++r) {
    const Vec2 p = population.home[r];
    if (!finite(p.x) || !finite(p.y))
      fail("population", "resident " + std::to_string(r) + " has a non-finite home position");
    const EdgeHit hit = index.nearest(p, reach);
    if (!hit.edge.valid())
      fail("population", "resident " + std::to_string(r) + " is too far from every street");
    home_edge[r] = hit.edge;
    home_offset[r] = static_cast<float>(std::fmin(hit.offset, g.edge_length[hit.edge.index()]));
    home_snap_dist[r] = static_cast<float>(hit.distance);
    home_zone[r] = world.zone_of(p);
  }
  shelter_zone.resize(world.shelters.size());
  for (std::size_t s = 0; s < world.shelters.size(); ++s) shelter_zone[s] = world.zone_of(world.shelters[s].pos);
}

}  // namespace ss
