#include "engine/movement/network/network_movement.hpp"

// The network model's waiting lines: who waits at a junction is filed by street end
// and way on, and each step only the lines' heads are served, in the order they
// reached the node (docs/ARCHITECTURE.md, "Network movement model").
#include <algorithm>
#include <cassert>

#include "engine/routing/navigation.hpp"

namespace ss {

// In a queue at an edge's end since step `reached` (the walk in step() takes
// everyone on an edge without distance left as waiting).
bool NetworkMovement::waits_since(const SimState& state, std::size_t i, std::uint64_t reached) {
  return state.edge[i].valid() && !(state.remaining[i] > 0.0f) && state.reached_end_step[i] == reached;
}
bool NetworkMovement::before(std::uint64_t reached_a, ResidentId a, std::uint64_t reached_b, ResidentId b) {
  return reached_a != reached_b ? reached_a < reached_b : a < b;
}

std::uint32_t NetworkMovement::way_on(const Model& model, const SimState& state, ResidentId r, double t) {
  const std::size_t i = r.index();
  const NodeId n = state.toward[i];
  const RouteField& f = route_field_for(model, state, r, t);
  if (f.dist[n.index()] == 0.0f && f.target[n.index()].valid()) return kWayShelter;
  if (!f.reachable(n)) return kWayNowhere;
  const EdgeId next = f.next_edge[n.index()];
  return next == state.edge[i] ? kWayBack : static_cast<std::uint32_t>(next.index());
}

void NetworkMovement::file(const Model& model, const SimState& state, const Entry& x, double t) {
  const std::size_t i = x.r.index();
  const StreetGraph& g = model.world.streets;
  const std::size_t e = state.edge[i].index();
  const auto end = static_cast<std::uint32_t>(2 * e + (g.edge_to[e] == state.toward[i] ? 0 : 1));
  const std::uint32_t way = way_on(model, state, x.r, t);
  const auto [it, fresh] =
      line_of_.try_emplace((std::uint64_t{end} << 32) | way, static_cast<std::uint32_t>(lines_.size()));
  if (fresh) lines_.push_back(Line{way, {}, 0, 0, false});
  Line& line = lines_[it->second];
  // Service order: mostly an append (everyone filed in a step joined at this step or before).
  auto pos = line.items.end();
  while (pos != line.items.begin() + static_cast<std::ptrdiff_t>(line.head) &&
         before(x.reached, x.r, (pos - 1)->reached, (pos - 1)->r))
    --pos;
  line.items.insert(pos, x);
  ++filed_;
  if (!line.listed) {
    line.listed = true;
    nonempty_.push_back(it->second);
  }
}
namespace {
// Min-heap order of turns: the earliest arrival at its node first.
template <class T>
bool later(const T& a, const T& b) {
  return a.reached != b.reached ? a.reached > b.reached : b.r < a.r;
}
}  // namespace

// Every line's head in the order of arrival at the node (a merge of the lines): a line
// goes on to its next entry while its entries leave or are turned away by a full
// shelter, and stops for this step when one waits for the street ahead. Everyone
// behind them in that line goes the same way and would wait as well (the street's
// exit credit, the next street's entry credit and room are the same for them, and
// they waited less long for the gridlock guard).
void NetworkMovement::serve_lines(const Model& model, SimState& state, double t_end) {
  turns_.clear();
  std::size_t kept = 0;
  for (const std::uint32_t l : nonempty_) {
    Line& line = lines_[l];
    while (line.head < line.items.size() && !line.items[line.head].r.valid()) ++line.head;
    if (line.head == line.items.size()) {
      line.items.clear();
      line.head = line.gaps = 0;
      line.listed = false;
      continue;
    }
    nonempty_[kept++] = l;
    const Entry& x = line.items[line.head];
    turns_.push_back({x.reached, x.r, l, line.head});
  }
  nonempty_.resize(kept);
  std::make_heap(turns_.begin(), turns_.end(), later<Turn>);
  while (!turns_.empty()) {
    std::pop_heap(turns_.begin(), turns_.end(), later<Turn>);
    const Turn turn = turns_.back();
    turns_.pop_back();
    Line& line = lines_[turn.line];
    if (!serve(model, state, line, turn.at, t_end)) continue;
    std::size_t at = turn.at + 1;
    while (at < line.items.size() && !line.items[at].r.valid()) ++at;
    if (at == line.items.size()) continue;
    turns_.push_back({line.items[at].reached, line.items[at].r, turn.line, at});
    std::push_heap(turns_.begin(), turns_.end(), later<Turn>);
  }
  // Room and order: the served prefix goes once it is half the line, gaps once a step.
  for (const std::uint32_t l : nonempty_) {
    Line& line = lines_[l];
    if (line.gaps > 0) {
      line.items.erase(std::remove_if(line.items.begin() + static_cast<std::ptrdiff_t>(line.head),
                                      line.items.end(), [](const Entry& x) { return !x.r.valid(); }),
                       line.items.end());
      line.gaps = 0;
    }
    if (line.head > 64 && 2 * line.head > line.items.size()) {
      line.items.erase(line.items.begin(), line.items.begin() + static_cast<std::ptrdiff_t>(line.head));
      line.head = 0;
    }
  }
}

void NetworkMovement::drop(Line& line, std::size_t at) {
  line.items[at].r = ResidentId{};
  --filed_;
  if (at == line.head)
    ++line.head;
  else
    ++line.gaps;
}

bool NetworkMovement::serve(const Model& model, SimState& state, Line& line, std::size_t at, double t_end) {
  const Entry a = line.items[at];
  const StreetGraph& g = model.world.streets;
  const std::size_t i = a.r.index();
  // What they walked past the node and when they reached it count in the step they
  // walked in; from the next step on they wait at the node (0 m, the step's end).
  const bool walked_in = a.reached == state.step && a.time >= 0.0;
  const double time = walked_in ? a.time : t_end;
  const float leftover = walked_in ? a.leftover : 0.0f;
  if (!waits_since(state, i, a.reached)) {  // left the queue some other way since
    drop(line, at);
    return true;
  }
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
      admit(model, state, a.r, s, std::min(time, t_end));
      drop(line, at);
      return true;
    }
    // Filled up earlier in this step: wait here until the routes are rebuilt (stranded
    // residents wait off the active list until then).
    ++state.turned_away[i];
    ++state.records.warnings.rerouted_full;
    state.routes_dirty = true;
    if (state.status[i] == Status::Stranded) drop(line, at);
    return true;
  }
  if (!f.reachable(n)) {
    // Every shelter full and the plan names assembly areas: they set off for one from
    // here at the next step, along its field (filed again in its line then).
    drop(line, at);
    if (head_for_assembly(model, state, a.r, t_end)) {
      joined_.push_back({a.reached, a.r, 0.0f, -1.0});
      return true;
    }
    state.leave_active(i, Status::Stranded);
    state.blocked[i] = blocked_reason(model, state, t_end);
    return true;
  }
  state.status[i] = Status::Moving;
  const EdgeId next = f.next_edge[n.index()];
  if (next == e) {
    // The way out now runs back along the street they queue on (the fields changed
    // while they waited at its end; with direction-dependent costs this happens): they
    // turn round on it. Leaving and re-entering it would wait for room they already
    // take, and a street full of such people would never let anyone back in.
    drop(line, at);
    leave_queue(state, e);
    state.toward[i] = g.other_end(e, n);
    state.remaining[i] = g.edge_length[e.index()];
    ++state.records.warnings.turned_around;
    if (state.remaining[i] <= 0.0f) {
      join_queue(state, a.r, e);
      joined_.push_back({state.step, a.r, 0.0f, -1.0});
    } else {
      moving_.push_back(a.r);
    }
    return true;
  }
  refill(model, state, e);
  refill(model, state, next);
  if (state.exit_credit[e.index()] < 1.0f || state.entry_credit[next.index()] < 1.0f) return false;
  const MovementParams& p = model.params.movement;
  if (state.edge_count[next.index()] >= storage_capacity(g, next, p)) {
    // Gridlock guard (see MovementParams::stuck_time): after waiting long enough at
    // the head of the queue, squeeze in unless the street is packed to squeeze_density.
    const double waited = static_cast<double>(state.step - a.reached) * model.run.dt;
    const double packed = p.squeeze_density * g.edge_length[next.index()] * g.edge_width[next.index()];
    if (waited < p.stuck_time || state.edge_count[next.index()] + 1.0 > std::max(1.0, packed)) return false;
    ++state.records.warnings.squeezed;
  }

  drop(line, at);
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
  const float carry = std::min(leftover, len);
  state.remaining[i] = len - carry;
  state.distance[i] += carry;
  if (state.remaining[i] <= 0.0f) {  // crossed a very short street in one step
    join_queue(state, a.r, next);
    joined_.push_back({state.step, a.r, 0.0f, -1.0});
  } else {
    moving_.push_back(a.r);
  }
  return true;
}

}  // namespace ss
