#include "engine/movement/network/network_movement.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <span>
#include <stdexcept>

#include "engine/hazards/hazards.hpp"
#include "engine/routing/navigation.hpp"
#include "engine/world/slope.hpp"

namespace ss {

namespace {
// Level-walking speed factor of edge e walked toward its end n (Model::walk_factor).
float walk_factor_toward(const Model& model, EdgeId e, NodeId n) {
  return model.walk_factor[2 * e.index() + (model.world.streets.edge_to[e.index()] == n ? 0 : 1)];
}
// Factor on r's free speed from the slope or stair of the edge they walk, in their direction.
float terrain_factor(const Model& model, const SimState& state, ResidentId r) {
  const StreetGraph& g = model.world.streets;
  const std::size_t i = r.index(), e = state.edge[i].index();
  const bool forward = state.toward[i] == g.edge_to[e];
  if (g.edge_kind[e] == StreetKind::Steps)  // stairs: by age, mobility and direction (engine/world/slope.hpp)
    return static_cast<float>(stair_factor(state.free_speed[i], stair_way(g, e, forward),
                                           age_band(model.population.age[i]), model.population.mobility[i]));
  return walk_factor_toward(model, state.edge[i], state.toward[i]);  // Tobler on the edge's grade
}
}  // namespace

void NetworkMovement::reset(const Model& model, const SimState& state) {
  factor_.assign(model.world.streets.edge_count(), 1.0f);
  factor_at_.assign(model.world.streets.edge_count(), 0);
  // Flow is counted in fixed windows of StreetRecords::kFlowWindow from the run's start,
  // by step (time is step × dt); at least one step per window.
  flow_window_steps_ =
      static_cast<std::uint64_t>(std::max(1.0, std::round(StreetRecords::kFlowWindow / model.run.dt)));
  refile_all(model, state, state.time(model.run.dt) + model.run.dt);
}

double NetworkMovement::bytes_per_resident() {
  // Entries in the lines with up to as much again of room and served prefix, the step's
  // arrivals on foot and those filed at the next step, and a turn each at most.
  // At home: a rank, and a departure in the heap and in the due list at most.
  return 4.0 * sizeof(Entry) + sizeof(Turn) + sizeof(std::uint32_t) + 2.0 * sizeof(Departure);
}

void NetworkMovement::join_queue(SimState& state, ResidentId r, EdgeId e) {
  // remaining == 0 marks a resident in the queue at the edge's end; the two always change together.
  state.remaining[r.index()] = 0.0f;
  state.reached_end_step[r.index()] = state.step;
  if (state.edge_queued[e.index()]++ == 0) state.records.streets.queue_since[e.index()] = state.step;
}

void NetworkMovement::leave_queue(SimState& state, EdgeId e) {
  const std::size_t i = e.index();
  StreetRecords& rec = state.records.streets;
  if (--state.edge_queued[i] == 0) rec.queue_steps[i] += state.step - rec.queue_since[i];
}

void NetworkMovement::entered(SimState& state, EdgeId e) {
  const std::size_t i = e.index();
  std::uint32_t& peak = state.records.streets.peak_count[i];
  peak = std::max(peak, state.edge_count[i]);
}

void NetworkMovement::left(SimState& state, EdgeId e) const {
  const auto window = static_cast<std::uint32_t>(state.step / flow_window_steps_);
  StreetRecords& rec = state.records.streets;
  const std::size_t i = e.index();
  if (rec.flow_window[i] != window) {
    rec.flow_window[i] = window;
    rec.flow_count[i] = 0;
  }
  rec.peak_flow[i] = std::max(rec.peak_flow[i], ++rec.flow_count[i]);
}

void NetworkMovement::refile_all(const Model& model, const SimState& state, double t) {
  for (Line& line : lines_) {
    line.items.clear();
    line.head = line.gaps = 0;
    line.listed = false;
  }
  nonempty_.clear();
  joined_.clear();
  filed_ = 0;
  walked_in_.clear();
  moving_.clear();
  home_rank_.assign(state.status.size(), kNoRank);
  departures_.clear();
  due_.clear();
  std::uint32_t rank = 0;
  for (const ResidentId r : state.active) {
    const std::size_t i = r.index();
    if (waits_since(state, i, state.reached_end_step[i])) {
      walked_in_.push_back({state.reached_end_step[i], r, 0.0f, -1.0});
    } else if (state.edge[i].valid()) {
      moving_.push_back(r);
    } else {
      home_rank_[i] = rank;
      // Stranded at home: parked off the active list, back on it when the routes
      // change, and they try again at once.
      if (state.status[i] == Status::Stranded) due_.push_back({0.0f, rank, r});
      schedule(state, r);
      ++rank;
    }
  }
  std::sort(walked_in_.begin(), walked_in_.end(),
            [](const Entry& a, const Entry& b) { return before(a.reached, a.r, b.reached, b.r); });
  for (const Entry& x : walked_in_) file(model, state, x, t);
  walked_in_.clear();
}

void NetworkMovement::schedule(const SimState& state, ResidentId r) {
  const std::size_t i = r.index();
  if (home_rank_[i] == kNoRank || state.status[i] != Status::Preparing || state.edge[i].valid()) return;
  // The time the step's test `t_end >= warned_time + premove` compares with, in the
  // same float arithmetic; refusers (premove infinite) have none until persuaded.
  const float time = state.warned_time[i] + state.premove[i];
  if (!(time < std::numeric_limits<float>::infinity())) return;
  departures_.push_back({time, home_rank_[i], r});
  std::push_heap(departures_.begin(), departures_.end(), Departure::later);
}

float NetworkMovement::queue_length(const Model& model, EdgeId e) const {
  // The queue packs at storage density across the street's width.
  const std::size_t i = e.index();
  return static_cast<float>(queued_start_[i] /
                            (model.params.movement.storage_density * model.world.streets.edge_width[i]));
}

float NetworkMovement::speed_factor(const Model& model, const SimState& state, EdgeId e) {
  const std::size_t i = e.index();
  if (factor_at_[i] == state.step + 1) return factor_[i];
  const StreetGraph& g = model.world.streets;
  const MovementParams& p = model.params.movement;
  // Density of the walkers over the part of the edge not taken by the queue, from
  // the counts frozen at the start of the step (transfers happen after everyone
  // has advanced), so the result does not depend on visiting order.
  const double free_length =
      std::max<double>(g.edge_length[i] - queue_length(model, e), p.min_density_length);
  const double walkers = static_cast<double>(state.edge_count[i]) - queued_start_[i];
  const double f =
      std::max(weidmann_factor(walkers / (free_length * g.edge_width[i]), p), p.min_speed_factor);
  factor_[i] = static_cast<float>(f);
  factor_at_[i] = state.step + 1;
  return factor_[i];
}

void NetworkMovement::refill(const Model& model, SimState& state, EdgeId e) const {
  const std::size_t i = e.index();
  const std::uint64_t elapsed = state.step + 1 - state.credit_step[i];
  if (elapsed == 0) return;
  // Specific flow × width × dt persons per step through each end (Weidmann 1993 maximum
  // specific flow, see MovementParams). Credit carries over so a 0.5 m path still
  // passes one person every few steps, but never more than one step's worth (or one person).
  const double per_step =
      model.params.movement.specific_flow * model.world.streets.edge_width[i] * model.run.dt;
  const double cap = std::max(1.0, per_step);
  state.exit_credit[i] = static_cast<float>(std::min(cap, state.exit_credit[i] + per_step * elapsed));
  state.entry_credit[i] = static_cast<float>(std::min(cap, state.entry_credit[i] + per_step * elapsed));
  state.credit_step[i] = state.step + 1;
}

void NetworkMovement::step(const Model& model, SimState& state, double t) {
  const double dt = model.run.dt;
  const double t_end = t + dt;
  walked_in_.clear();
  for (const ResidentId r : state.readied) schedule(state, r);
  state.readied.clear();

  // 1. Advance everyone on the street with speeds from the frozen densities. Whoever
  // reached a shelter since is dropped from the walk here; those waiting at a node
  // are in the lines.
  queued_start_ = state.edge_queued;
  std::size_t kept = 0;
  const std::size_t n_moving = moving_.size();
  for (std::size_t k = 0; k < n_moving; ++k) {
    // Numerical choice, as in the micro model's decisions: the walkers are in no
    // order of resident or street, so each one's arrays are a cache miss; fetch the
    // resident's own values this many places ahead, and their street's a step later.
    constexpr std::size_t kAhead = 16;
    if (k + kAhead < n_moving) {
      const std::size_t j = moving_[k + kAhead].index();
      __builtin_prefetch(&state.edge[j]);
      __builtin_prefetch(&state.remaining[j]);
      __builtin_prefetch(&state.free_speed[j]);
      __builtin_prefetch(&state.toward[j]);
      __builtin_prefetch(&state.distance[j]);
    }
    if (k + kAhead / 2 < n_moving) {
      const std::size_t f = state.edge[moving_[k + kAhead / 2].index()].index();
      if (f < factor_at_.size()) {
        __builtin_prefetch(&factor_at_[f]);
        __builtin_prefetch(&factor_[f]);
        __builtin_prefetch(&queued_start_[f]);
      }
    }
    const ResidentId r = moving_[k];
    const std::size_t i = r.index();
    const EdgeId e = state.edge[i];
    if (!e.valid()) continue;                    // in a shelter
    if (!(state.remaining[i] > 0.0f)) continue;  // waits at a node: in a line, or filed below
    float v = state.free_speed[i] * speed_factor(model, state, e) * terrain_factor(model, state, r);
    if (!model.hazards.empty())  // walking in water, smoke (engine/hazards/hazards.hpp)
      v = hazard_walking_speed(model, state, r,
                               WalkerPlace{e, walker_along(model.world.streets, state, r), {}}, v);
    if (!std::isfinite(v)) {
      ++state.records.warnings.non_finite_speed;
      v = 0.0f;
    }
    const float d = v * static_cast<float>(dt);
    const float tail = queue_length(model, e);  // m, back of the queue from the node
    if (state.remaining[i] - d <= tail) {
      // Joins the queue (or reaches the node when there is none). The distance
      // through the queue counts as walked.
      const float to_tail = std::max(0.0f, state.remaining[i] - tail);
      const double reach = t + (v > 0.0f ? to_tail / v : 0.0);
      state.distance[i] += state.remaining[i];
      walked_in_.push_back({state.step, r, tail > 0.0f ? 0.0f : d - state.remaining[i], reach});
      join_queue(state, r, e);
      continue;
    }
    state.remaining[i] -= d;
    state.distance[i] += d;
    moving_[kept++] = r;
  }
  moving_.resize(kept);

  // 2. Residents at a node enter a shelter or the next street, first come first served.
  // Those who joined a queue since the last step's walk are filed first.
  for (const Entry& x : joined_) file(model, state, x, t_end);
  joined_.clear();
  std::sort(walked_in_.begin(), walked_in_.end(), [](const Entry& a, const Entry& b) { return a.r < b.r; });
  for (const Entry& x : walked_in_) file(model, state, x, t_end);
  serve_lines(model, state, t_end);

  // 3. Residents whose time to leave has come step out of their homes onto their
  // street; whoever finds no room tries again next step.
  step_out(model, state, t_end);
}

void NetworkMovement::step_out(const Model& model, SimState& state, double t_end) {
  fresh_.clear();
  while (!departures_.empty() && t_end >= departures_.front().time) {
    std::pop_heap(departures_.begin(), departures_.end(), Departure::later);
    const Departure x = departures_.back();
    departures_.pop_back();
    const std::size_t i = x.r.index();
    // Stale when their time changed since (a newer entry holds it) or they left.
    if (state.status[i] == Status::Preparing && !state.edge[i].valid() &&
        state.warned_time[i] + state.premove[i] == x.time)
      fresh_.push_back(x);
  }
  if (!fresh_.empty()) {
    const auto by_rank = [](const Departure& a, const Departure& b) { return a.rank < b.rank; };
    std::sort(fresh_.begin(), fresh_.end(), by_rank);
    const std::size_t old = due_.size();
    due_.insert(due_.end(), fresh_.begin(), fresh_.end());
    std::inplace_merge(due_.begin(), due_.begin() + static_cast<std::ptrdiff_t>(old), due_.end(), by_rank);
    due_.erase(std::unique(due_.begin(), due_.end(),
                           [](const Departure& a, const Departure& b) { return a.rank == b.rank; }),
               due_.end());
  }
  std::size_t kept = 0;
  for (const Departure& x : due_) {
    const std::size_t i = x.r.index();
    const Status st = state.status[i];
    // At home and still going: getting ready (time come), or stranded and back on
    // the active list with the routes just changed.
    if (state.edge[i].valid() || (st != Status::Preparing && st != Status::Stranded)) continue;
    depart(model, state, x.r, t_end);
    if (state.edge[i].valid()) {
      if (state.remaining[i] > 0.0f) moving_.push_back(x.r);
    } else if (state.status[i] == Status::Preparing) {
      due_[kept++] = x;
    }
  }
  due_.resize(kept);
}

void NetworkMovement::depart(const Model& model, SimState& state, ResidentId r, double t_end) {
  const StreetGraph& g = model.world.streets;
  const std::size_t i = r.index();
  if (!model.upstairs_floor.empty() && !std::isnan(model.upstairs_floor[i])) {
    // Plan::vertical: ready to go, they go up to their top floor instead (the stairs
    // inside the home take no time at this scale) and are safe there.
    state.leave_active(i, Status::Sheltered);
    state.start_time[i] = static_cast<float>(t_end);
    state.arrival_time[i] = static_cast<float>(t_end);
    return;
  }
  const EdgeId e = model.home_edge[i];
  const NodeId a = g.edge_from[e.index()], b = g.edge_to[e.index()];
  const float off = model.home_offset[i];
  const float len = g.edge_length[e.index()];
  const RouteField& f = route_field_for(model, state, r, t_end);
  // The field's distances are level-walking metres: the walk to either end is weighed alike.
  const float via_a = off / walk_factor_toward(model, e, a) + f.dist[a.index()];
  const float via_b = (len - off) / walk_factor_toward(model, e, b) + f.dist[b.index()];
  if (!std::isfinite(via_a) && !std::isfinite(via_b)) {
    if (head_for_assembly(model, state, r, t_end)) {  // every shelter full: to an assembly area
      depart(model, state, r, t_end);
      return;
    }
    state.leave_active(i, Status::Stranded);
    state.blocked[i] = blocked_reason(model, state, t_end);
    return;
  }
  state.status[i] = Status::Preparing;
  // Homes open onto the street; the street must have room (spill-back reaches doors).
  if (state.edge_count[e.index()] >= storage_capacity(g, e, model.params.movement)) return;
  const bool to_a = via_a <= via_b;
  state.status[i] = Status::Moving;
  state.edge[i] = e;
  state.toward[i] = to_a ? a : b;
  state.remaining[i] = to_a ? off : len - off;
  state.start_time[i] = static_cast<float>(t_end);
  ++state.edge_count[e.index()];
  entered(state, e);
  if (state.remaining[i] <= 0.0f) {  // the door opens onto the junction
    join_queue(state, r, e);
    joined_.push_back({state.step, r, 0.0f, -1.0});
  }
  ++state.records.edge_passages[e.index()];
}

void NetworkMovement::release_from_shelter(const Model& model, SimState& state, ResidentId r, double) {
  const std::size_t i = r.index();
  const ShelterId sh = state.shelter[i];
  const NodeId n = model.world.shelters[sh.index()].node;
  const std::span<const EdgeId> streets = model.world.streets.incident(n);
  assert(!streets.empty() && "Model::finalize keeps shelters on the network");
  const EdgeId e = streets.front();
  --state.occupancy[sh.index()];
  state.status[i] = Status::Moving;
  state.shelter[i] = ShelterId{};
  state.arrival_time[i] = std::numeric_limits<float>::quiet_NaN();
  ++state.turned_away[i];
  state.edge[i] = e;
  state.toward[i] = n;
  ++state.edge_count[e.index()];
  entered(state, e);
  join_queue(state, r, e);
  joined_.push_back({state.step, r, 0.0f, -1.0});
  state.active.push_back(r);
}

void NetworkMovement::routes_changed(const Model& model, SimState& state, double t) {
  const StreetGraph& g = model.world.streets;
  // Walkers whose way out now lies behind them turn around (a street ahead closed,
  // their shelter filled). Residents already waiting at the node decide there.
  for (const ResidentId r : state.active) {
    const std::size_t i = r.index();
    if (!state.edge[i].valid() || state.remaining[i] <= 0.0f) continue;
    const RouteField& f = route_field_for(model, state, r, t);
    const EdgeId e = state.edge[i];
    const NodeId ahead = state.toward[i];
    const NodeId behind = g.other_end(e, ahead);
    const float len = g.edge_length[e.index()];
    const float fwd = state.remaining[i] / walk_factor_toward(model, e, ahead) + f.dist[ahead.index()];
    const float back =
        (len - state.remaining[i]) / walk_factor_toward(model, e, behind) + f.dist[behind.index()];
    if (back + 0.5f < fwd) {  // 0.5 m hysteresis against float noise
      state.toward[i] = behind;
      state.remaining[i] = len - state.remaining[i];
      ++state.records.warnings.turned_around;
      if (state.remaining[i] <= 0.0f) join_queue(state, r, e);  // had just stepped onto the street
    }
  }
  // Everyone waiting at a node is filed again along the new fields (those who just
  // turned onto a queue with them); those who go on along a street are on the move
  // again (stranded residents whose way opened), though their line's head may hold
  // them this step.
  const double t_end = t + model.run.dt;
  refile_all(model, state, t_end);
  for (const Line& line : lines_)
    if (line.way != kWayShelter && line.way != kWayNowhere)
      for (std::size_t k = line.head; k < line.items.size(); ++k)
        state.status[line.items[k].r.index()] = Status::Moving;
}

}  // namespace ss
