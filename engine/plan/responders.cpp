#include "engine/plan/responders.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/plan/team_travel.hpp"
#include "engine/plan/warning.hpp"
#include "engine/routing/navigation.hpp"

namespace ss {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

std::uint8_t vulnerability(const Model& model, const Households& h, std::uint32_t hh, TaskKind kind) {
  const Population& pop = model.population;
  std::uint8_t v = 0;
  for (std::uint32_t k = h.offset[hh]; k < h.offset[hh + 1]; ++k) {
    const std::size_t i = h.members[k].index();
    if (kind == TaskKind::Assist && needs_help(pop, i))
      v = std::max<std::uint8_t>(v, pop.mobility[i] == Mobility::Bedridden ? 3 : 2);
    if (pop.age[i] >= 80 || (pop.lives_alone[i] && pop.age[i] >= 60)) v = std::max<std::uint8_t>(v, 1);
  }
  return v;
}

void activate(const Model& model, SimState& s) {
  const Households& h = s.warn.households;
  const ResponsePlan& plan = model.plan.response;
  const double t0 = model.plan.warning_time;
  for (std::size_t hh = 0; hh < h.count(); ++hh) {
    const ResidentId first = h.members[h.offset[hh]];
    bool helpless = false;
    for (std::uint32_t k = h.offset[hh]; k < h.offset[hh + 1]; ++k)
      helpless |= needs_help(model.population, h.members[k].index());
    if (plan.assist_needing_help && helpless) add_task(model, s, TaskKind::Assist, first, t0, false);
    const ZoneId z = model.home_zone[first.index()];
    if (std::find(plan.door_knock_zones.begin(), plan.door_knock_zones.end(), z) !=
            plan.door_knock_zones.end() ||
        (plan.door_knock_low_lying && home_in_hazard_zone(model, first)))
      add_task(model, s, TaskKind::DoorKnock, first, t0, false);
  }
  s.response.activated = true;
}

bool on_call(TeamStage st) { return st == TeamStage::Mobilising || st == TeamStage::Idle; }

// A travelling stage ends: its leg goes into the run's record (RunRecords::team_legs)
// as the first `edges` streets of its path, those the team actually travelled.
void record_leg(SimState& s, TeamId id, std::size_t edges) {
  const TeamState& ts = s.response.teams[id.index()];
  if ((ts.stage != TeamStage::ToTask && ts.stage != TeamStage::Escorting) || edges == 0 || ts.path.empty())
    return;
  RunRecords& rec = s.records;
  TeamLeg leg;
  leg.team = static_cast<std::uint32_t>(id.index());
  leg.purpose = ts.stage == TeamStage::ToTask ? LegPurpose::ToTask : LegPurpose::Escorting;
  leg.task = ts.task.valid() ? static_cast<std::uint32_t>(ts.task.index()) : 0xFFFFFFFFu;
  leg.start = static_cast<std::uint32_t>(ts.path.front().index());
  leg.first_edge = static_cast<std::uint32_t>(rec.team_leg_edges.size());
  leg.edges = static_cast<std::uint32_t>(std::min(edges, ts.path_edges.size()));
  leg.from = ts.stage_start;
  leg.to = ts.stage_end;
  rec.team_leg_edges.insert(rec.team_leg_edges.end(), ts.path_edges.begin(),
                            ts.path_edges.begin() + static_cast<std::ptrdiff_t>(leg.edges));
  rec.team_legs.push_back(leg);
}

void finish_stage(TeamState& ts) {
  if (!on_call(ts.stage) && ts.stage != TeamStage::Reserve) ts.busy += ts.stage_end - ts.stage_start;
}

void become_idle(TeamState& ts, double at) {
  ts.stage = TeamStage::Idle;
  ts.stage_start = ts.stage_end = at;
  ts.task = TaskId{};
  ts.seen_tasks = ~std::uint64_t{0};  // look for work
}

void on_site(const Model& model, SimState& s, TeamId id, double at) {
  TeamState& ts = s.response.teams[id.index()];
  Task& task = s.response.tasks[ts.task.index()];
  if (std::isnan(task.arrived)) {
    task.arrived = static_cast<float>(at);
    task.team = id;
  }
  const Households& h = s.warn.households;
  const std::uint32_t hh = h.of_resident[task.first.index()];
  for (std::uint32_t k = h.offset[hh]; k < h.offset[hh + 1]; ++k) {
    float& reached = s.response.reached[h.members[k].index()];
    if (std::isnan(reached)) reached = static_cast<float>(at);
  }
  door_knocked(model, s, task.first, at);
  const TaskTimes& times = model.plan.response.times;
  double work = times.knock;
  if (task.kind == TaskKind::Assist) {
    const Team& team = model.plan.response.teams[id.index()];
    for (std::uint32_t k = h.offset[hh]; k < h.offset[hh + 1]; ++k) {
      const ResidentId r = h.members[k];
      if (static_cast<std::int32_t>(ts.carried.size()) >= team.escort_capacity) break;
      if (s.status[r.index()] == Status::WaitingForHelp) ts.carried.push_back(r);
    }
    work = ts.carried.empty() ? 0.0 : times.pickup;
  }
  ts.stage = TeamStage::OnSite;
  ts.stage_start = at;
  ts.stage_end = at + work;
}

void complete(SimState& s, TeamState& ts, double at) {
  Task& task = s.response.tasks[ts.task.index()];
  task.completed = static_cast<float>(at);
  task.open = false;
  task.taken = false;
  ++ts.tasks_done;
}

bool household_waiting(const SimState& s, const Task& task) {
  const Households& h = s.warn.households;
  const std::uint32_t hh = h.of_resident[task.first.index()];
  for (std::uint32_t k = h.offset[hh]; k < h.offset[hh + 1]; ++k)
    if (s.status[h.members[k].index()] == Status::WaitingForHelp) return true;
  return false;
}

// One stage of one team ends at ts.stage_end.
void advance(const Model& model, SimState& s, TeamId id, double t) {
  TeamState& ts = s.response.teams[id.index()];
  const double at = ts.stage_end;
  record_leg(s, id, ts.path_edges.size());
  finish_stage(ts);
  switch (ts.stage) {
    case TeamStage::Mobilising: become_idle(ts, at); return;
    case TeamStage::Reserve: return;  // has no next event until asked for (stage_end +inf)
    case TeamStage::ToTask: on_site(model, s, id, at); return;
    case TeamStage::OnSite: {
      Task& task = s.response.tasks[ts.task.index()];
      if (ts.carried.empty()) {
        complete(s, ts, at);
        become_idle(ts, at);
        return;
      }
      for (const ResidentId r : ts.carried) {
        s.status[r.index()] = Status::Moving;  // escorted or carried
        s.start_time[r.index()] = static_cast<float>(at);
      }
      if (!send_to_shelter(model, s, id, at)) {
        for (const ResidentId r : ts.carried) s.leave_active(r.index(), Status::WaitingForHelp);
        ts.carried.clear();
        task.failed = true;
        complete(s, ts, at);
        become_idle(ts, at);
      }
      return;
    }
    case TeamStage::Escorting: {
      const ShelterId sh = ts.shelter;
      const auto room = model.world.shelters[sh.index()].capacity - s.occupancy[sh.index()];
      if (!shelter_open(model, s, sh, at) || room < static_cast<std::int32_t>(ts.carried.size())) {
        if (send_to_shelter(model, s, id, at)) return;  // closed or filled meanwhile: on to the next
        for (const ResidentId r : ts.carried) {
          s.leave_active(r.index(), Status::Stranded);
          s.blocked[r.index()] = Outcome::SheltersFull;
        }
      } else {
        for (const ResidentId r : ts.carried) admit(model, s, r, sh, at);
      }
      Task& task = s.response.tasks[ts.task.index()];
      task.carried += static_cast<std::int32_t>(ts.carried.size());
      task.shelter = sh;
      ts.people_escorted += static_cast<std::int32_t>(ts.carried.size());
      ts.carried.clear();
      ts.stage = TeamStage::Handover;
      ts.stage_start = at;
      ts.stage_end = at + model.plan.response.times.handover;
      return;
    }
    case TeamStage::Handover: {
      Task& task = s.response.tasks[ts.task.index()];
      if (household_waiting(s, task)) {  // more than one trip: the task goes back to the list
        task.taken = false;
        ++s.response.tasks_version;
        ts.task = TaskId{};
      } else {
        complete(s, ts, at);
      }
      become_idle(ts, at);
      return;
    }
    case TeamStage::Idle: break;
  }
  // Idle: look for work, leaving no earlier than the step's start.
  const std::uint64_t version = s.response.tasks_version;
  if (!dispatch_team(model, s, id, std::max(at, t))) ts.seen_tasks = version;
}

bool blocked_for(const SimState& s, EdgeId e, MoverClass c) {
  return s.edge_closed[e.index()] || s.hazard_effects.closed_for(e, c);
}

// A street ahead on the team's route closed (an inject, or water deeper than the team
// can wade or drive through) while it travels: it goes on to the next junction —
// back to the last one when the street it is on closed — and sets off again from
// there, to the best task it can still reach (this one or another) or with the people
// it carries to a shelter it can still reach. Checked at the start of each step.
void reroute_if_blocked(const Model& model, SimState& s, TeamId id, double t) {
  TeamState& ts = s.response.teams[id.index()];
  if ((ts.stage != TeamStage::ToTask && ts.stage != TeamStage::Escorting) || ts.path_edges.empty() ||
      t >= ts.stage_end)
    return;
  const Team& team = model.plan.response.teams[id.index()];
  const MoverClass c = team.mode == TravelMode::Vehicle ? MoverClass::Vehicle : MoverClass::TeamOnFoot;
  // Where the team is: the same convention as team_position(), the share of the
  // stage's time gone is the share of the path's level-walking metres covered.
  const double rate = team_stage_speed(team, ts);
  std::vector<double> cost;
  team_path_cost(model, team.mode, rate, ts, cost);
  const double span = ts.stage_end - ts.stage_start;
  const double here = span > 0.0 ? std::clamp((t - ts.stage_start) / span, 0.0, 1.0) * cost.back() : 0.0;
  std::size_t k = 0;  // on path_edges[k], from path[k] to path[k + 1]
  while (k + 1 < ts.path_edges.size() && cost[k + 1] <= here) ++k;
  std::size_t j = k;
  while (j < ts.path_edges.size() && !blocked_for(s, ts.path_edges[j], c)) ++j;
  if (j == ts.path_edges.size()) return;
  const bool back = j == k;
  const NodeId n = back ? ts.path[k] : ts.path[k + 1];
  const double w = cost[k + 1] - cost[k];
  const double share = w > 0.0 ? std::clamp((here - cost[k]) / w, 0.0, 1.0) : 1.0;  // of edge k covered
  const double metres = share * (ts.path_dist[k + 1] - ts.path_dist[k]);
  // Back over the metres covered, at the factor of walking edge k the other way.
  const double to_node =
      back ? metres / team_edge_factor(model, team.mode, rate, ts.path_edges[k], ts.path[k + 1])
           : cost[k + 1] - here;
  const double at = std::max(ts.stage_start, t + to_node / rate);
  // The distance booked at departure (the path, and for a team heading to a task the
  // last metres to the door) becomes the distance actually travelled.
  float end_leg = 0.0f;
  if (ts.stage == TeamStage::ToTask) home_node(model, s.response.tasks[ts.task.index()].first, &end_leg);
  const double travelled = back ? ts.path_dist[k] + 2.0 * metres : ts.path_dist[k + 1];
  const double correction = travelled - ts.path_dist.back() - end_leg;
  ts.distance += correction;
  for (const ResidentId r : ts.carried) s.distance[r.index()] += static_cast<float>(correction);
  ts.stage_end = at;
  record_leg(s, id, back ? k : k + 1);
  finish_stage(ts);
  ts.node = n;
  ts.path.assign(1, n);
  ts.path_dist.assign(1, 0.0f);
  ts.path_edges.clear();
  if (ts.stage == TeamStage::ToTask) {
    Task& task = s.response.tasks[ts.task.index()];
    task.taken = false;
    ++s.response.tasks_version;
    become_idle(ts, at);  // the event loop dispatches it again from n at `at`
    return;
  }
  if (send_to_shelter(model, s, id, at)) return;
  // No open step-free shelter with room can be reached from here any more.
  Task& task = s.response.tasks[ts.task.index()];
  for (const ResidentId r : ts.carried) {
    s.leave_active(r.index(), Status::Stranded);
    s.blocked[r.index()] = Outcome::NoRoute;
  }
  ts.carried.clear();
  task.failed = true;
  complete(s, ts, at);
  become_idle(ts, at);
}

// When the team's next thing happens; +inf when it waits for new tasks.
double next_event(const SimState& s, const TeamState& ts, double t) {
  if (ts.stage != TeamStage::Idle) return ts.stage_end;
  return ts.seen_tasks == s.response.tasks_version ? HUGE_VAL : std::max(ts.stage_end, t);
}

}  // namespace

void init_responders(const Model& model, SimState& s) {
  const auto& teams = model.plan.response.teams;
  s.response = ResponseState{};
  s.response.teams.resize(teams.size());
  for (std::size_t k = 0; k < teams.size(); ++k) {
    TeamState& ts = s.response.teams[k];
    ts.node = teams[k].depot;
    if (teams[k].aid >= 0) {  // comes only when asked for
      ts.stage = TeamStage::Reserve;
      ts.stage_start = ts.stage_end = HUGE_VAL;
      continue;
    }
    ts.stage = TeamStage::Mobilising;
    ts.stage_start = ts.stage_end = model.plan.warning_time + teams[k].mobilisation;
  }
  s.response.aid_requested.assign(model.plan.response.mutual_aid.size(),
                                  std::numeric_limits<double>::quiet_NaN());
  s.response.reached.assign(model.population.size(), kNaN);
  s.response.assist_task.assign(model.population.size(), TaskId{});
}

TaskId add_task(const Model& model, SimState& s, TaskKind kind, ResidentId r, double t, bool from_inject) {
  const Households& h = s.warn.households;
  const std::uint32_t hh = h.of_resident[r.index()];
  Task task;
  task.kind = kind;
  task.first = h.members[h.offset[hh]];
  task.household = model.population.household[task.first.index()];
  task.node = home_node(model, task.first);
  task.zone = model.home_zone[task.first.index()];
  task.vulnerability = vulnerability(model, h, hh, kind);
  if (!model.home_threat.empty()) {  // earliest forecast arrival of a hazard in the household
    for (std::uint32_t k = h.offset[hh]; k < h.offset[hh + 1]; ++k) {
      const float at = model.home_threat[h.members[k].index()];
      if (at < task.hazard_at) task.hazard_at = at;  // NaN (never) compares false
    }
  }
  task.created = static_cast<float>(t);
  task.from_inject = from_inject;
  const TaskId id{s.response.tasks.size()};
  if (kind == TaskKind::Assist) {
    bool any = false;
    for (std::uint32_t k = h.offset[hh]; k < h.offset[hh + 1]; ++k) {
      const std::size_t i = h.members[k].index();
      if (!needs_help(model.population, i) || s.status[i] == Status::Sheltered) continue;
      s.response.assist_task[i] = id;
      any = true;
    }
    if (!any) return TaskId{};
  }
  s.response.tasks.push_back(task);
  ++s.response.tasks_version;
  return id;
}

void responders_phase(const Model& model, SimState& s, double t) {
  // A micro scenario has no street network for teams to drive and no teams (its plan
  // refuses them): residents who need assistance stay where they are, reported so.
  if (model.movement == MovementKind::Micro) return;
  const double t_end = t + model.run.dt;
  if (!s.response.activated && model.plan.warning_time < t_end) activate(model, s);
  if (!s.response.activated) return;
  for (std::size_t k = 0; k < s.response.teams.size(); ++k) reroute_if_blocked(model, s, TeamId{k}, t);
  // Events of all teams in time order (ties: lower team index first).
  for (;;) {
    std::size_t who = s.response.teams.size();
    double when = HUGE_VAL;
    for (std::size_t k = 0; k < s.response.teams.size(); ++k) {
      const double e = next_event(s, s.response.teams[k], t);
      if (e < when) {
        when = e;
        who = k;
      }
    }
    if (who == s.response.teams.size() || when >= t_end) break;
    advance(model, s, TeamId{who}, t);
  }
}

std::vector<TeamId> teams_without_reachable_task(const Model& model, const SimState& s) {
  std::vector<TeamId> out;
  for (std::size_t k = 0; k < s.response.teams.size() && k < model.plan.response.teams.size(); ++k) {
    const TeamState& ts = s.response.teams[k];
    if (std::isfinite(ts.unreachable_since) && ts.distance == 0.0 && ts.tasks_done == 0)
      out.push_back(TeamId{k});
  }
  return out;
}

bool responders_busy(const Model& model, const SimState& s) {
  const auto& teams = model.plan.response.teams;
  if (teams.empty()) return false;
  if (!s.response.activated) return true;
  for (const TeamState& ts : s.response.teams)
    if (!on_call(ts.stage) && ts.stage != TeamStage::Reserve) return true;
  for (const Task& task : s.response.tasks) {
    if (!task.open || task.taken) continue;
    for (std::size_t k = 0; k < teams.size(); ++k) {
      const TeamState& ts = s.response.teams[k];
      if (ts.stage != TeamStage::Reserve && ts.seen_tasks != s.response.tasks_version)
        return true;  // not yet looked at
    }
  }
  return false;
}

void request_mutual_aid(const Model& model, SimState& s, std::size_t offer, double t) {
  if (!std::isnan(s.response.aid_requested[offer])) return;  // already on its way: asking again adds nothing
  s.response.aid_requested[offer] = t;
  const double ready = mutual_aid_ready(model, s, offer);
  const auto& teams = model.plan.response.teams;
  for (std::size_t k = 0; k < teams.size(); ++k) {
    if (teams[k].aid != static_cast<std::int32_t>(offer)) continue;
    TeamState& ts = s.response.teams[k];
    ts.stage = TeamStage::Mobilising;
    ts.stage_start = ts.stage_end = ready;
  }
}

double mutual_aid_ready(const Model& model, const SimState& s, std::size_t offer) {
  const double asked = offer < s.response.aid_requested.size() ? s.response.aid_requested[offer] : NAN;
  // Teams set out at the request; they cannot work before the plan is activated.
  return std::max(asked, model.plan.warning_time) + model.plan.response.mutual_aid[offer].delay;
}

bool is_plan_intervention(Intervention::Kind k) {
  return k == Intervention::Kind::DelayTeam || k == Intervention::Kind::BroadcastWarning ||
         k == Intervention::Kind::AddAssistTask || k == Intervention::Kind::AddDoorKnockTask ||
         k == Intervention::Kind::RequestMutualAid;
}

std::size_t plan_intervention_targets(const Model& model, Intervention::Kind k) {
  switch (k) {
    case Intervention::Kind::DelayTeam: return model.plan.response.teams.size();
    case Intervention::Kind::BroadcastWarning: return model.world.zone_count();
    case Intervention::Kind::RequestMutualAid: return model.plan.response.mutual_aid.size();
    default: return model.population.size();
  }
}

void apply_plan_intervention(const Model& model, SimState& s, const Intervention& iv, double t) {
  switch (iv.kind) {
    case Intervention::Kind::DelayTeam: {
      TeamState& ts = s.response.teams[iv.target];
      if (ts.stage == TeamStage::Reserve) return;  // not on its way: nothing to hold up
      const double delay = std::max(0.0, iv.value);
      if (ts.stage == TeamStage::Idle) {  // held where it is
        ts.stage = TeamStage::Mobilising;
        ts.stage_start = ts.stage_end = std::max(ts.stage_end, t) + delay;
      } else {
        ts.stage_end += delay;
        if (ts.stage == TeamStage::Mobilising) ts.stage_start = ts.stage_end;
      }
      return;
    }
    case Intervention::Kind::BroadcastWarning: broadcast_to_zone(model, s, ZoneId{iv.target}, t); return;
    case Intervention::Kind::RequestMutualAid: request_mutual_aid(model, s, iv.target, t); return;
    case Intervention::Kind::AddAssistTask:
      add_task(model, s, TaskKind::Assist, ResidentId{iv.target}, t, true);
      return;
    case Intervention::Kind::AddDoorKnockTask:
      add_task(model, s, TaskKind::DoorKnock, ResidentId{iv.target}, t, true);
      return;
    default: return;
  }
}

namespace {

// A travelling team's place on its leg at time t: the leg index k (on path_edges[k],
// from path[k] to path[k + 1]) and the metres from path[k]; the same convention as
// reroute_if_blocked(): the share of the stage's time gone is the share of the path's
// level-walking metres covered (team_travel.hpp), so a team on foot slows on a climb
// and on stairs. False when it is not travelling.
bool team_on_leg(const Model& model, TeamId id, const TeamState& ts, double t, std::size_t& k,
                 double& along) {
  const bool moving = ts.stage == TeamStage::ToTask || ts.stage == TeamStage::Escorting;
  if (!moving || ts.path.size() < 2 || ts.path_edges.size() + 1 != ts.path.size() ||
      ts.path_dist.size() != ts.path.size() || ts.stage_end <= ts.stage_start)
    return false;
  const auto& teams = model.plan.response.teams;
  // A state without its plan's team (drawing a hand-made state) moves at an even pace.
  const TravelMode mode = id.index() < teams.size() ? teams[id.index()].mode : TravelMode::Vehicle;
  const double rate = id.index() < teams.size() ? team_stage_speed(teams[id.index()], ts) : 1.0;
  const StreetGraph& g = model.world.streets;
  // Two passes without allocating: the GUI asks for every team every frame.
  auto cost_of = [&](std::size_t i) {
    return g.edge_length[ts.path_edges[i].index()] /
           team_edge_factor(model, mode, rate, ts.path_edges[i], ts.path[i]);
  };
  double total = 0.0;
  for (std::size_t i = 0; i < ts.path_edges.size(); ++i) total += cost_of(i);
  const double f = std::clamp((t - ts.stage_start) / (ts.stage_end - ts.stage_start), 0.0, 1.0);
  double left = f * total;
  k = 0;
  for (;;) {
    const double w = cost_of(k);
    if (left < w || k + 1 == ts.path_edges.size()) {
      const double share = w > 0.0 ? std::clamp(left / w, 0.0, 1.0) : 1.0;
      along = share * (ts.path_dist[k + 1] - ts.path_dist[k]);
      return true;
    }
    left -= w;
    ++k;
  }
}

// Point k of edge e's polyline as walked from node `from` (reversed when `from` is
// its far end): no copy, the GUI asks every frame.
struct Walked {
  std::span<const Vec2> pts;
  bool reversed = false;
  [[nodiscard]] std::size_t size() const { return pts.size(); }
  [[nodiscard]] Vec2 operator[](std::size_t k) const { return reversed ? pts[pts.size() - 1 - k] : pts[k]; }
};
Walked walked(const StreetGraph& g, EdgeId e, NodeId from) {
  return {g.shape(e), g.edge_from[e.index()] != from};
}

// The point `share` (0..1) of the way along the walked polyline, and the index of the
// segment it lies on.
Vec2 point_along(const Walked& pts, double share, std::size_t* segment = nullptr) {
  if (pts.size() < 2) return pts.size() == 0 ? Vec2{} : pts[0];
  double total = 0.0;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) total += distance(pts[i], pts[i + 1]);
  double left = std::clamp(share, 0.0, 1.0) * total;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const double seg = distance(pts[i], pts[i + 1]);
    if (left <= seg || i + 2 == pts.size()) {
      if (segment) *segment = i;
      const double u = seg > 0.0 ? std::clamp(left / seg, 0.0, 1.0) : 1.0;
      return pts[i] + (pts[i + 1] - pts[i]) * u;
    }
    left -= seg;
  }
  return pts[pts.size() - 1];
}

}  // namespace

Vec2 team_position(const Model& model, const SimState& s, TeamId id, double t) {
  const TeamState& ts = s.response.teams[id.index()];
  const StreetGraph& g = model.world.streets;
  std::size_t k = 0;
  double along = 0.0;
  if (!team_on_leg(model, id, ts, t, k, along)) return g.node_pos[ts.node.index()];
  // Along the street's own polyline, at the share of the leg's booked length covered
  // (path_dist counts edge_length, which is measured along the geometry).
  const double leg = ts.path_dist[k + 1] - ts.path_dist[k];
  return point_along(walked(g, ts.path_edges[k], ts.path[k]), leg > 0.0 ? along / leg : 1.0);
}

void team_route_ahead(const Model& model, const SimState& s, TeamId id, double t, std::vector<Vec2>& out) {
  out.clear();
  const TeamState& ts = s.response.teams[id.index()];
  const StreetGraph& g = model.world.streets;
  std::size_t k = 0;
  double along = 0.0;
  if (!team_on_leg(model, id, ts, t, k, along)) return;
  const double leg = ts.path_dist[k + 1] - ts.path_dist[k];
  const Walked here = walked(g, ts.path_edges[k], ts.path[k]);
  std::size_t seg = 0;
  out.push_back(point_along(here, leg > 0.0 ? along / leg : 1.0, &seg));
  for (std::size_t i = seg + 1; i < here.size(); ++i) out.push_back(here[i]);
  for (std::size_t j = k + 1; j < ts.path_edges.size(); ++j) {
    const Walked next = walked(g, ts.path_edges[j], ts.path[j]);
    for (std::size_t i = 1; i < next.size(); ++i)
      out.push_back(next[i]);  // point 0 is the junction already listed
  }
}

}  // namespace ss
