#include "engine/core/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <span>
#include <string>

#include "engine/core/input_error.hpp"
#include "engine/world/slope.hpp"
#include "engine/world/spatial_index.hpp"

namespace ss {
namespace {

[[noreturn]] void fail(const std::string& field, const std::string& message) {
  throw InputError("", 0, field, message);
}

bool finite(double v) { return std::isfinite(v); }

// Checks both movement models rely on: run settings, shelters, plan, population.
void check_common(const Model& m, bool need_shelters) {
  const RunSettings& run = m.run;
  if (!(run.dt > 0.0) || !finite(run.dt)) fail("run.dt", "must be a positive number of seconds");
  if (!(run.duration > 0.0) || !finite(run.duration))
    fail("run.duration", "must be a positive number of seconds");
  if (!(run.timeline_interval >= run.dt)) fail("run.timeline_interval", "must be at least one step (dt)");
  if (run.trajectory_framerate != 0.0) {
    // Frames fall on steps: the positions between two steps do not exist.
    const double per_frame = 1.0 / (run.trajectory_framerate * run.dt);
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "%g frames per s is not a whole number of steps of %g s (run.dt) per frame",
                  run.trajectory_framerate, run.dt);
    if (!(run.trajectory_framerate > 0.0) || !finite(run.trajectory_framerate))
      fail("micro.trajectories.framerate", "must be a positive number of frames per second");
    if (per_frame < 1.0 - 1e-9 || std::fabs(per_frame - std::round(per_frame)) > 1e-6)
      fail("micro.trajectories.framerate", buf);
    if (m.movement != MovementKind::Micro)
      fail("micro.trajectories", "trajectories are written by micro runs (movement: micro) only");
  }
  if (need_shelters && m.world.shelters.empty()) fail("shelters", "the scenario has no shelters");
  for (const ShelterSite& site : m.world.shelters) {
    const std::string field = "shelters[" + site.name + "]";
    if (site.capacity <= 0)
      fail(field + ".capacity", "must be positive, got " + std::to_string(site.capacity));
    if (!finite(site.open_time) || site.open_time < 0.0) fail(field + ".open_time", "must be a time >= 0");
  }
  const Plan& plan = m.plan;
  const auto areas = static_cast<std::size_t>(
      std::ranges::count_if(m.world.shelters, [](const ShelterSite& site) { return site.assembly_area(); }));
  if (need_shelters && areas > 0 && areas == m.world.shelters.size())
    fail("shelters", "the scenario has assembly areas but no shelter");
  if (plan.when_shelters_full == Plan::WhenSheltersFull::AssemblyArea) {
    if (areas == 0)
      fail("plan.when_shelters_full", "is assembly_area but the scenario names no assembly area");
    if (m.movement == MovementKind::Micro)
      fail("plan.when_shelters_full", "assembly areas are for the network model; micro exits take everyone");
  }
  if (!finite(plan.warning_time) || plan.warning_time < 0.0) fail("plan.warning_time", "must be a time >= 0");
  if (plan.assignment == Plan::Assignment::ByZone) {
    if (plan.zone_shelter.size() != m.world.zone_count())
      fail("plan.assignment", "needs one shelter entry per zone");
    for (const ShelterId s : plan.zone_shelter)
      if (s.valid() && s.index() >= m.world.shelters.size())
        fail("plan.assignment", "names an unknown shelter");
      else if (s.valid() && m.world.shelters[s.index()].assembly_area())
        fail("plan.zone_shelters",
             "names the assembly area '" + m.world.shelters[s.index()].name +
                 "': zones are assigned shelters; assembly areas are for when all are full");
  }
  const ResponsePlan& response = plan.response;
  for (std::size_t o = 0; o < response.mutual_aid.size(); ++o) {
    const MutualAid& aid = response.mutual_aid[o];
    const std::string field = "plan.mutual_aid[" + aid.name + "]";
    if (!finite(aid.delay) || aid.delay < 0.0) fail(field + ".arrives_after", "must be a time >= 0");
    if (std::ranges::none_of(response.teams,
                             [&](const Team& t) { return t.aid == static_cast<std::int32_t>(o); }))
      fail(field + ".teams", "an offer of mutual aid needs at least one team");
  }
  for (const Team& t : response.teams)
    if (t.aid >= static_cast<std::int32_t>(response.mutual_aid.size()))
      fail("plan.teams[" + t.name + "]", "belongs to an unknown mutual-aid offer");
  if (m.population.size() == 0) fail("population", "the scenario has no residents");
}

}  // namespace

void Model::finalize() {
  if (movement == MovementKind::Micro) {
    check_common(*this, false);  // a periodic corridor needs none; finalize_micro checks exits
    finalize_micro(*this);
  } else {
    finalize_network();
  }
  prepare_hazards();
}

void Model::prepare_hazards() {
  const std::size_t n = population.size();
  mover.resize(n);
  for (std::size_t r = 0; r < n; ++r) mover[r] = mover_class(population.age[r], population.mobility[r]);
  home_threat.clear();
  home_in_hazard_zone.clear();
  for (const auto& h : hazards) {
    h->prepare(*this);
    const std::span<const float> f = h->home_forecast();
    if (f.size() == n) {
      if (home_threat.empty()) home_threat.assign(n, std::numeric_limits<float>::quiet_NaN());
      for (std::size_t r = 0; r < n; ++r)
        if (f[r] < home_threat[r] || (std::isnan(home_threat[r]) && !std::isnan(f[r]))) home_threat[r] = f[r];
    }
    const std::span<const std::uint8_t> z = h->home_in_zone();
    if (z.size() == n) {
      if (home_in_hazard_zone.empty()) home_in_hazard_zone.assign(n, 0);
      for (std::size_t r = 0; r < n; ++r) home_in_hazard_zone[r] |= z[r];
    }
  }
  decide_upstairs();
}

// Plan::vertical: who may shelter on their top floor. A resident is eligible when the
// plan allows their zone and one of their groups, they can climb stairs (not in a
// wheelchair, not bedridden, not needing a team to leave), their home building has an
// upper floor, and that floor lies at least the freeboard above the deepest water the
// hazards forecast at the door over the run.
void Model::decide_upstairs() {
  upstairs_floor.clear();
  const VerticalEvacuation& v = plan.vertical;
  if (!v.enabled) return;
  if (movement != MovementKind::Network)
    fail("plan.vertical_evacuation", "needs the network model (movement: network)");
  if (!(v.storey_height > 0.0) || !finite(v.storey_height))
    fail("plan.vertical_evacuation.storey_height", "must be a positive height");
  if (!(v.freeboard >= 0.0) || !finite(v.freeboard))
    fail("plan.vertical_evacuation.freeboard", "must be a height >= 0");
  if (v.untagged_levels < 0) fail("plan.vertical_evacuation.untagged_levels", "must be 0 or more storeys");
  if (!v.zones.empty() && v.zones.size() != world.zone_count())
    fail("plan.vertical_evacuation.zones", "needs one entry per zone");
  const std::size_t n = population.size();
  std::vector<float> depth;  // m, deepest forecast of any hazard at each door
  for (const auto& h : hazards) {
    const std::span<const float> d = h->home_depth_forecast();
    if (d.size() != n) continue;
    if (depth.empty()) depth.assign(n, 0.0f);
    for (std::size_t r = 0; r < n; ++r)
      if (d[r] > depth[r]) depth[r] = d[r];
  }
  if (depth.empty())
    fail("plan.vertical_evacuation", "needs a hazard that forecasts water depth at homes (a flood)");
  upstairs_floor.assign(n, std::numeric_limits<float>::quiet_NaN());
  for (std::size_t r = 0; r < n; ++r) {
    const Mobility mob = population.mobility[r];
    if (mob == Mobility::Wheelchair || mob == Mobility::Bedridden || population.needs_assistance[r] != 0)
      continue;
    if (!v.zones.empty() && v.zones[home_zone[r].index()] == 0) continue;
    if (!v.every_group && v.groups[GroupIndex::of_age(age_band(population.age[r]))] == 0 &&
        v.groups[GroupIndex::of_mobility(mob)] == 0 &&
        v.groups[GroupIndex::of_alone(population.lives_alone[r] != 0)] == 0)
      continue;
    const BuildingId b = population.home_building[r];
    if (!b.valid() || b.index() >= world.buildings.size()) continue;
    const int levels =
        world.buildings[b.index()].levels > 0 ? world.buildings[b.index()].levels : v.untagged_levels;
    if (levels < 2) continue;
    const double floor = (levels - 1) * v.storey_height;  // top floor above the ground floor
    if (floor >= depth[r] + v.freeboard) upstairs_floor[r] = static_cast<float>(floor);
  }
}

void Model::finalize_network() {
  const StreetGraph& g = world.streets;
  if (g.edge_count() == 0) fail("map.streets", "the street network has no walkable streets");
  if (g.adj_offset.size() != g.node_count() + 1) fail("map.streets", "street adjacency was not built");
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    if (!(g.edge_length[e] >= 0.0f) || !finite(g.edge_length[e]) || !(g.edge_width[e] > 0.0f))
      fail("map.streets", "edge " + std::to_string(e) + " has a non-finite length or a non-positive width");
  }
  check_common(*this, true);
  for (const ShelterSite& site : world.shelters)
    if (!site.node.valid() || site.node.index() >= g.node_count())
      fail("shelters[" + site.name + "]", "is not connected to the street network");
  for (const EdgeId e : plan.closed_edges)
    if (!e.valid() || e.index() >= g.edge_count())
      fail("plan.closed_roads", "names a street that is not on the map");
  for (const ShelterId s : plan.closed_shelters)
    if (!s.valid() || s.index() >= world.shelters.size())
      fail("plan.closed_shelters", "names an unknown shelter");

  // Each street's speed factor in each direction from its slope or stair (engine/world/slope.hpp),
  // for the way-out fields and the network model. Non-finite rises count as level.
  walk_factor.resize(2 * g.edge_count());
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    walk_factor[2 * e] = static_cast<float>(edge_walk_factor(g, e, true, kReferenceWalkSpeed));
    walk_factor[2 * e + 1] = static_cast<float>(edge_walk_factor(g, e, false, kReferenceWalkSpeed));
  }

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
  for (std::size_t s = 0; s < world.shelters.size(); ++s)
    shelter_zone[s] = world.zone_of(world.shelters[s].pos);
}

}  // namespace ss
