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
  waiting_now_.assign(state.status.size(), 0);
  // Flow is counted in fixed windows of StreetRecords::kFlowWindow from the run's start,
  // by step (time is step × dt); at least one step per window.
  flow_window_steps_ =
      static_cast<std::uint64_t>(std::max(1.0, std::round(StreetRecords::kFlowWindow / model.run.dt)));
  rebuild_queue_order(state);
}

double NetworkMovement::bytes_per_resident() {
  return 3.0 * sizeof(Queued) + 3.0 * sizeof(Arrival) + sizeof(std::uint8_t);
}

void NetworkMovement::join_queue(SimState& state, ResidentId r, EdgeId e) {
  // remaining == 0 marks a resident in the queue at the edge's end; the two always change together.
  state.remaining[r.index()] = 0.0f;
  state.reached_end_step[r.index()] = state.step;
  if (state.edge_queued[e.index()]++ == 0) state.records.streets.queue_since[e.index()] = state.step;
  joined_.push_back({state.step, r});
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

namespace {
// In a queue at an edge's end since step `reached` (the walk in step() takes
// everyone on an edge without distance left as waiting).
bool waits_since(const SimState& state, std::size_t i, std::uint64_t reached) {
  return state.edge[i].valid() && !(state.remaining[i] > 0.0f) && state.reached_end_step[i] == reached;
}
}  // namespace

void NetworkMovement::rebuild_queue_order(const SimState& state) {
  queue_order_.clear();
  joined_.clear();
  for (std::size_t i = 0; i < state.edge.size(); ++i)
    if (waits_since(state, i, state.reached_end_step[i]))
      queue_order_.push_back({state.reached_end_step[i], ResidentId{i}});
  std::sort(queue_order_.begin(), queue_order_.end());
}

void NetworkMovement::merge_joined() {
  if (joined_.empty()) return;
  std::sort(joined_.begin(), joined_.end());
  merge_buf_.clear();
  std::merge(queue_order_.begin(), queue_order_.end(), joined_.begin(), joined_.end(),
             std::back_inserter(merge_buf_));
  queue_order_.swap(merge_buf_);
  joined_.clear();
}

// This step's arrivals at nodes, first come first served: those already waiting (the
// walk flagged them in waiting_now_) in the kept queue order, merged with those who
// walked in this step (all joined at this step, so after every earlier joiner).
void NetworkMovement::collect_arrivals(const SimState& state, double t_end) {
  waiting_.clear();
  std::size_t kept = 0;
  for (const Queued& q : queue_order_) {
    const std::size_t i = q.r.index();
    if (!waits_since(state, i, q.reached)) continue;        // left that queue since
    if (kept > 0 && queue_order_[kept - 1] == q) continue;  // joined, left, joined again in one step
    queue_order_[kept++] = q;
    if (waiting_now_[i] == 0) continue;  // off the active list (stranded, parked until routes change)
    waiting_now_[i] = 0;
    waiting_.push_back({q.reached, q.r, 0.0f, t_end});
  }
  queue_order_.resize(kept);
  std::sort(walked_in_.begin(), walked_in_.end(),
            [](const Arrival& a, const Arrival& b) { return a.r < b.r; });
  arrivals_.clear();
  std::merge(waiting_.begin(), waiting_.end(), walked_in_.begin(), walked_in_.end(),
             std::back_inserter(arrivals_), [](const Arrival& a, const Arrival& b) {
               return a.reached != b.reached ? a.reached < b.reached : a.r < b.r;
             });
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
  ready_.clear();
  walked_in_.clear();
  merge_joined();  // those who joined a queue since the last step (see join_queue)
  std::size_t waiting = 0;

  // 1. Advance everyone on the street with speeds from the frozen densities.
  queued_start_ = state.edge_queued;
  for (const ResidentId r : state.active) {
    const std::size_t i = r.index();
    const Status st = state.status[i];
    const EdgeId e = state.edge[i];
    if (e.valid()) {
      if (state.remaining[i] > 0.0f) {
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
        } else {
          state.remaining[i] -= d;
          state.distance[i] += d;
        }
      } else {
        waiting_now_[i] = 1;
        ++waiting;
      }
    } else if ((st == Status::Preparing && t_end >= state.warned_time[i] + state.premove[i]) ||
               st == Status::Stranded) {
      ready_.push_back(r);
    }
  }

  // 2. Residents at a node enter a shelter or the next street, first come first served.
  collect_arrivals(state, t_end);
  // Every waiting resident joined through join_queue, so the kept order holds them all;
  // anything else is a defect in this file, and a run that went on would be wrong.
  if (waiting_.size() != waiting)
    throw std::logic_error("network movement: a resident waits at a node outside the queue order");
  for (const Arrival& a : arrivals_) at_node(model, state, a, t_end);

  // 3. Ready residents step out of their homes onto their street.
  for (const ResidentId r : ready_) depart(model, state, r, t_end);
}

void NetworkMovement::at_node(const Model& model, SimState& state, const Arrival& a, double t_end) {
  const StreetGraph& g = model.world.streets;
  const std::size_t i = a.r.index();
  const NodeId n = state.toward[i];
  const EdgeId e = state.edge[i];
  const RouteField& f = route_field_for(model, state, a.r, t_end);

  if (f.dist[n.index()] == 0.0f && f.target[n.index()].valid()) {
    const ShelterId s = f.target[n.index()];
    if (shelter_accepts(model, state, s, a.r, t_end)) {
      --state.edge_count[e.index()];
      leave_queue(state, e);
      left(state, e);
      state.edge[i] = EdgeId{};
      admit(model, state, a.r, s, std::min(a.time, t_end));
      return;
    }
    // Filled up earlier in this step: wait here until the routes are rebuilt.
    ++state.turned_away[i];
    ++state.records.warnings.rerouted_full;
    state.routes_dirty = true;
    return;
  }
  if (!f.reachable(n)) {
    // Every shelter full and the plan names assembly areas: they set off for one from
    // here at the next step, along its field.
    if (head_for_assembly(model, state, a.r, t_end)) return;
    state.status[i] = Status::Stranded;
    state.blocked[i] = blocked_reason(model, state, t_end);
    return;
  }
  state.status[i] = Status::Moving;
  const EdgeId next = f.next_edge[n.index()];
  if (next == e) {
    // The way out now runs back along the street they queue on (the fields changed
    // while they waited at its end; with direction-dependent costs this happens): they
    // turn round on it. Leaving and re-entering it would wait for room they already
    // take, and a street full of such people would never let anyone back in.
    leave_queue(state, e);
    state.toward[i] = g.other_end(e, n);
    state.remaining[i] = g.edge_length[e.index()];
    ++state.records.warnings.turned_around;
    if (state.remaining[i] <= 0.0f) join_queue(state, a.r, e);
    return;
  }
  refill(model, state, e);
  refill(model, state, next);
  if (state.exit_credit[e.index()] < 1.0f || state.entry_credit[next.index()] < 1.0f) return;
  const MovementParams& p = model.params.movement;
  if (state.edge_count[next.index()] >= storage_capacity(g, next, p)) {
    // Gridlock guard (see MovementParams::stuck_time): after waiting long enough at
    // the head of the queue, squeeze in unless the street is packed to squeeze_density.
    const double waited = static_cast<double>(state.step - a.reached) * model.run.dt;
    const double packed = p.squeeze_density * g.edge_length[next.index()] * g.edge_width[next.index()];
    if (waited < p.stuck_time || state.edge_count[next.index()] + 1.0 > std::max(1.0, packed)) return;
    ++state.records.warnings.squeezed;
  }

  --state.edge_count[e.index()];
  leave_queue(state, e);
  left(state, e);
  ++state.edge_count[next.index()];
  entered(state, next);
  state.exit_credit[e.index()] -= 1.0f;
  state.entry_credit[next.index()] -= 1.0f;
  ++state.records.edge_passages[next.index()];
  state.edge[i] = next;
  state.toward[i] = g.other_end(next, n);
  const float len = g.edge_length[next.index()];
  const float carry = std::min(a.leftover, len);
  state.remaining[i] = len - carry;
  state.distance[i] += carry;
  if (state.remaining[i] <= 0.0f) join_queue(state, a.r, next);  // crossed a very short street in one step
}

void NetworkMovement::depart(const Model& model, SimState& state, ResidentId r, double t_end) {
  const StreetGraph& g = model.world.streets;
  const std::size_t i = r.index();
  if (!model.upstairs_floor.empty() && !std::isnan(model.upstairs_floor[i])) {
    // Plan::vertical: ready to go, they go up to their top floor instead (the stairs
    // inside the home take no time at this scale) and are safe there.
    state.status[i] = Status::Sheltered;
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
    state.status[i] = Status::Stranded;
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
  if (state.remaining[i] <= 0.0f) join_queue(state, r, e);  // the door opens onto the junction
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
}

}  // namespace ss
