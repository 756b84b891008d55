// Dispatch of idle teams and routing of escorts: one reverse Dijkstra
// (build_route_field) from the team's position over the edges its mode may use gives
// the travel distance to every task at once. Teams on foot weigh each street by the
// time it takes on its slope or stair (engine/plan/team_travel.hpp), so the field's
// distances are metres of level walking and a flatter detour wins when it is quicker.
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "engine/plan/responders.hpp"
#include "engine/plan/team_travel.hpp"
#include "engine/routing/navigation.hpp"
#include "engine/routing/routing.hpp"

namespace ss {
namespace {

// Streets a vehicle may not use: OSM highway=footway/path/steps/pedestrian/cycleway
// are closed to motor traffic (https://wiki.openstreetmap.org/wiki/Key:highway).
bool vehicle_barred(StreetKind k) {
  return k == StreetKind::Footway || k == StreetKind::Path || k == StreetKind::Steps ||
         k == StreetKind::Pedestrian || k == StreetKind::Cycleway;
}

}  // namespace

std::vector<std::uint8_t> team_closed_edges(const Model& model, const SimState& s, TravelMode mode) {
  std::vector<std::uint8_t> closed;
  // Plan and inject closures, and streets a hazard closes to the team's class (water
  // deeper than it can wade or drive through: PeopleInWaterParams).
  closed_for(s, mode == TravelMode::Vehicle ? MoverClass::Vehicle : MoverClass::TeamOnFoot, closed);
  if (mode == TravelMode::Vehicle) {
    const auto& kind = model.world.streets.edge_kind;
    for (std::size_t e = 0; e < closed.size(); ++e) closed[e] = closed[e] || vehicle_barred(kind[e]);
  }
  return closed;
}

namespace {

// Distances from one node: build_route_field with a single pseudo-site at it.
// `walk`: team_walk_factors(outward = true), empty for plain lengths.
void field_from(const Model& model, NodeId source, const std::vector<std::uint8_t>& closed,
                const std::vector<float>& walk, RouteField& out) {
  ShelterSite site;
  site.node = source;
  const ShelterSite sites[] = {site};
  const ShelterId target[] = {ShelterId{0}};
  build_route_field(model.world.streets, sites, target, EdgeFilter{closed, false, {}, walk}, out);
}

// The route from `start` following next_edge to the field's source, as nodes and
// cumulative metres; reversed when the team travels toward `start` instead.
void trace(const Model& model, const RouteField& f, NodeId start, bool reverse, TeamState& team) {
  const StreetGraph& g = model.world.streets;
  team.path.assign(1, start);
  team.path_dist.assign(1, 0.0f);
  team.path_edges.clear();
  NodeId n = start;
  while (f.next_edge[n.index()].valid()) {
    const EdgeId e = f.next_edge[n.index()];
    n = g.other_end(e, n);
    team.path.push_back(n);
    team.path_edges.push_back(e);
    team.path_dist.push_back(team.path_dist.back() + g.edge_length[e.index()]);
  }
  if (!reverse) return;
  std::reverse(team.path.begin(), team.path.end());
  std::reverse(team.path_edges.begin(), team.path_edges.end());
  const float total = team.path_dist.back();
  std::reverse(team.path_dist.begin(), team.path_dist.end());
  for (float& d : team.path_dist) d = total - d;
}

bool can_do(const Team& team, const Task& task) {
  if (task.kind == TaskKind::DoorKnock) return (team.roles & kRoleDoorKnock) != 0;
  // Carrying a bedridden person is also a medical team's work.
  return (team.roles & kRoleAssist) != 0 || ((team.roles & kRoleMedical) != 0 && task.vulnerability >= 3);
}

}  // namespace

NodeId home_node(const Model& model, ResidentId r, float* leg) {
  const StreetGraph& g = model.world.streets;
  const EdgeId e = model.home_edge[r.index()];
  const float off = model.home_offset[r.index()], len = g.edge_length[e.index()];
  const bool near_from = off <= len - off;
  if (leg) *leg = near_from ? off : len - off;
  return near_from ? g.edge_from[e.index()] : g.edge_to[e.index()];
}

bool dispatch_team(const Model& model, SimState& s, TeamId id, double depart) {
  const Team& team = model.plan.response.teams[id.index()];
  TeamState& ts = s.response.teams[id.index()];
  std::vector<Task>& tasks = s.response.tasks;
  const bool any = std::any_of(tasks.begin(), tasks.end(),
                               [&](const Task& k) { return k.open && !k.taken && can_do(team, k); });
  if (!any) return false;
  RouteField f;
  std::vector<float> walk;
  team_walk_factors(model, team.mode, team.speed, /*outward=*/true, walk);
  field_from(model, ts.node, team_closed_edges(model, s, team.mode), walk, f);
  // Priority (the "time until the hazard reaches the home × vulnerability"):
  // the hazard's arrival scaled down by vulnerability first, then vulnerability, then
  // travel time; the task index breaks ties.
  using Key = std::tuple<double, int, double, std::size_t>;
  Key best{HUGE_VAL, 0, HUGE_VAL, 0};
  std::size_t pick = tasks.size();
  for (std::size_t k = 0; k < tasks.size(); ++k) {
    const Task& task = tasks[k];
    if (!task.open || task.taken || !can_do(team, task) || !f.reachable(task.node)) continue;
    // Time left until the water is forecast at the door (0 once it is there).
    const double urgency = std::isfinite(task.hazard_at)
                               ? std::max(0.0, task.hazard_at - depart) / (1.0 + task.vulnerability)
                               : HUGE_VAL;
    const Key key{urgency, -static_cast<int>(task.vulnerability), f.dist[task.node.index()], k};
    if (pick == tasks.size() || key < best) {
      best = key;
      pick = k;
    }
  }
  if (pick == tasks.size()) {
    if (std::isnan(ts.unreachable_since)) ts.unreachable_since = depart;
    return false;
  }
  Task& task = tasks[pick];
  float leg = 0.0f;
  home_node(model, task.first, &leg);
  task.taken = true;
  if (std::isnan(task.dispatched)) task.dispatched = static_cast<float>(depart);
  trace(model, f, task.node, /*reverse=*/true, ts);
  // Time: each street at its factor in the direction walked, then the last metres from
  // the junction to the door along the home's street; distance: plain metres.
  std::vector<double> cost;
  team_path_cost(model, team.mode, team.speed, ts, cost);
  const double leg_cost =
      leg / team_edge_factor(model, team.mode, team.speed, model.home_edge[task.first.index()], task.node);
  ts.stage = TeamStage::ToTask;
  ts.stage_start = depart;
  ts.stage_end = depart + (cost.back() + leg_cost) / team.speed;
  ts.node = task.node;
  ts.task = TaskId{pick};
  ts.distance += static_cast<double>(ts.path_dist.back()) + leg;
  return true;
}

bool send_to_shelter(const Model& model, SimState& s, TeamId id, double depart) {
  const Team& team = model.plan.response.teams[id.index()];
  TeamState& ts = s.response.teams[id.index()];
  const World& w = model.world;
  const auto load = static_cast<std::int32_t>(ts.carried.size());
  std::vector<ShelterId> targets;
  for (std::size_t k = 0; k < w.shelters.size(); ++k) {
    const ShelterId sh{k};
    // Teams carry people to shelters, never to the open ground of an assembly area.
    if (w.shelters[k].step_free && !w.shelters[k].assembly_area() && shelter_open(model, s, sh, depart) &&
        s.occupancy[k] + load <= w.shelters[k].capacity)
      targets.push_back(sh);
  }
  const double rate = std::min(team.speed, team.escort_speed);
  std::vector<float> walk;
  team_walk_factors(model, team.mode, rate, /*outward=*/false, walk);
  RouteField f;
  build_route_field(w.streets, w.shelters, targets,
                    EdgeFilter{team_closed_edges(model, s, team.mode), false, {}, walk}, f);
  if (!f.reachable(ts.node)) return false;
  // From the door along the home's street to its junction first, when leaving the home.
  float leg = 0.0f;
  double leg_cost = 0.0;
  if (ts.task.valid() && ts.stage == TeamStage::OnSite) {
    const ResidentId first = s.response.tasks[ts.task.index()].first;
    home_node(model, first, &leg);
    const EdgeId home = model.home_edge[first.index()];
    leg_cost = leg / team_edge_factor(model, team.mode, rate, home, w.streets.other_end(home, ts.node));
  }
  const NodeId start = ts.node;
  trace(model, f, start, /*reverse=*/false, ts);
  std::vector<double> cost;
  team_path_cost(model, team.mode, rate, ts, cost);
  const double dist = static_cast<double>(ts.path_dist.back()) + leg;
  ts.shelter = f.target[start.index()];
  ts.stage = TeamStage::Escorting;
  ts.stage_start = depart;
  ts.stage_end = depart + (leg_cost + cost.back()) / rate;
  ts.node = w.shelters[ts.shelter.index()].node;
  ts.distance += dist;
  for (const ResidentId r : ts.carried) s.distance[r.index()] += static_cast<float>(dist);
  return true;
}

}  // namespace ss
