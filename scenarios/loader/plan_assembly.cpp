#include "scenarios/loader/plan_assembly.hpp"

#include <algorithm>
#include <cmath>

#include "engine/plan/warning.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::scenarios {
namespace {

Vec2 local(const maps::Projector& p, const LonLat& ll) { return p.to_local({ll.first, ll.second}); }

ZoneId zone_by_name(const World& w, const std::string& name, const Origins& origins,
                    const std::string& field) {
  std::vector<std::string> names;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    if (w.zones[z].name == name) return ZoneId{z};
    names.push_back(w.zones[z].name);
  }
  if (w.zones.empty())
    throw origins.error(field, "no zone named '" + name + "': the scenario defines no zones");
  throw origins.error(field, "no zone named '" + name + "'" + detail::did_you_mean(name, names));
}

std::vector<ZoneId> zones_of(const TargetAreaDesc& a, const Model& m, const Origins& origins,
                             const std::string& field) {
  std::vector<ZoneId> out;
  if (a.all)
    for (std::size_t z = 0; z < m.world.zone_count(); ++z) out.push_back(ZoneId{z});
  for (std::size_t k = 0; k < a.zones.size(); ++k)
    out.push_back(zone_by_name(m.world, a.zones[k], origins, field + ".zones[" + std::to_string(k) + "]"));
  if (a.lowest_zones > 0) {
    if (m.world.terrain.empty()) throw origins.error(field + ".lowest_zones", "needs terrain (map.terrain)");
    if (a.lowest_zones > m.world.zones.size())
      throw origins.error(field + ".lowest_zones",
                          "the scenario has only " + std::to_string(m.world.zones.size()) + " zones");
    const std::vector<ZoneId> order = zones_by_elevation(m.world, m.population);
    out.insert(out.end(), order.begin(), order.begin() + static_cast<std::ptrdiff_t>(a.lowest_zones));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The map feature with amenity=<value> nearest to `near`: buildings by centroid,
// areas (landuse/amenity polygons) by the centroid of their outline, and nodes.
std::optional<Vec2> feature(const World& w, const std::string& amenity, Vec2 near) {
  std::optional<Vec2> best;
  double best_d = HUGE_VAL;
  auto consider = [&](Vec2 p) {
    if (const double d = distance(p, near); d < best_d) {
      best_d = d;
      best = p;
    }
  };
  for (const Building& b : w.buildings)
    if (b.amenity == amenity) consider(b.centroid);
  for (const Area& a : w.areas)
    if (a.kind == amenity && !a.outline.empty()) consider(centroid(a.outline));
  for (const MapPoint& p : w.amenity_points)
    if (p.kind == amenity) consider(p.pos);
  return best;
}

NodeId depot_node(const TeamDesc& t, const NetworkSnapper& snapper, const maps::Projector& pr, const World& w,
                  double max_distance, const Origins& origins) {
  const std::string field = t.field + ".depot";
  Vec2 p;
  if (t.depot.at) {
    p = local(pr, *t.depot.at);
  } else {
    const Vec2 centre = (w.bounds.min + w.bounds.max) * 0.5;
    const Vec2 near = t.depot.near ? local(pr, *t.depot.near) : centre;
    const auto f = feature(w, t.depot.amenity, near);
    if (!f)
      throw origins.error(field + ".amenity", "the map has no building, area or node with amenity=" +
                                                  t.depot.amenity + "; give the depot as lon/lat instead");
    p = *f;
  }
  const auto hit = snapper.nearest(p, max_distance);
  if (!hit)
    throw origins.error(field, "the depot is off the street network: no street within " +
                                   std::to_string(std::lround(max_distance)) +
                                   " m (plan.max_depot_distance)");
  return hit->nearer_node;
}

}  // namespace

void build_plan_teams(const ScenarioDesc& d, const NetworkSnapper& snapper, const maps::Projector& projector,
                      Model& m, std::vector<std::string>& problems) {
  const PlanTeamsDesc& p = d.plan.response;
  const Origins& o = d.origins;
  for (std::size_t k = 0; k < p.channels.size(); ++k) {
    const ChannelDesc& c = p.channels[k];
    const std::string field = "plan.channels[" + std::to_string(k) + "]";
    WarningChannel w;
    w.name = c.name;
    w.kind = c.kind;
    w.start = d.plan.warning_time + c.start;
    w.reach = c.reach;
    w.group_factor = c.reach_factor;
    w.delay_median = c.delay_median;
    w.delay_sigma_ln = c.delay_sigma_ln;
    w.zones = zones_of(c.target, m, o, field);
    w.low_lying = c.target.low_lying;
    for (const LonLat& ll : c.target.area) w.area.push_back(local(projector, ll));
    for (const LonLat& ll : c.route) w.route.push_back(local(projector, ll));
    w.route_speed = c.route_speed;
    w.route_radius = c.route_radius;
    if (w.start >= d.run.duration) problems.push_back(field + " (" + c.name + ") starts after the run ends");
    m.plan.warning.channels.push_back(std::move(w));
  }
  m.plan.warning.everyone_at_warning_time = !p.channels_given;
  m.plan.warning.word_of_mouth = p.word_of_mouth;
  m.plan.warning.compliance = p.compliance;

  auto add_teams = [&](const TeamDesc& t, std::int32_t aid) {
    const NodeId depot = depot_node(t, snapper, projector, m.world, p.max_depot_distance, o);
    for (std::int64_t k = 1; k <= t.count; ++k) {
      Team team = t.team;
      team.depot = depot;
      team.aid = aid;
      if (t.count > 1) team.name.append(" ").append(std::to_string(k));  // append: g++ 12 -Wrestrict on +
      m.plan.response.teams.push_back(std::move(team));
    }
  };
  for (const TeamDesc& t : p.teams) {
    if (d.plan.warning_time + t.team.mobilisation >= d.run.duration)
      problems.push_back(t.field + " (" + t.team.name + ") mobilises only after the run ends");
    add_teams(t, -1);
  }
  for (std::size_t a = 0; a < p.mutual_aid.size(); ++a) {
    const MutualAidDesc& aid = p.mutual_aid[a];
    if (d.plan.warning_time + aid.aid.delay >= d.run.duration)
      problems.push_back(aid.field + " (" + aid.aid.name + ") could arrive only after the run ends");
    m.plan.response.mutual_aid.push_back(aid.aid);
    for (const TeamDesc& t : aid.teams) add_teams(t, static_cast<std::int32_t>(a));
  }
  if (p.door_knock_set) {
    m.plan.response.door_knock_zones = zones_of(p.door_knock, m, o, "plan.door_knock");
    m.plan.response.door_knock_low_lying = p.door_knock.low_lying;
    if (m.plan.response.door_knock_zones.empty() && !p.door_knock.low_lying)
      throw o.error("plan.door_knock", "names no zone");
  }
  m.plan.response.assist_needing_help = p.assist_needing_help;
  m.plan.response.times = p.task_times;
  m.plan.targets = p.targets;
  if ((!m.plan.response.door_knock_zones.empty() || m.plan.response.door_knock_low_lying) &&
      std::none_of(m.plan.response.teams.begin(), m.plan.response.teams.end(),
                   [](const Team& t) { return (t.roles & kRoleDoorKnock) != 0; }))
    problems.push_back("plan.door_knock: no team has the door_knock role");
  for (const ShelterSite& s : m.world.shelters)
    if (s.open_time >= d.run.duration)
      problems.push_back("shelter '" + s.name + "' opens only after the run ends");
}

}  // namespace ss::scenarios
