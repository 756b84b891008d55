#include "engine/movement/micro/micro_movement.hpp"

#include <box2d/box2d.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "engine/routing/navigation.hpp"

namespace ss {
namespace {

// Bytes of one element of a container type; an array of pointers counts its pointers,
// which clang-tidy's sizeof check would take for a slip.
template <class Container>
constexpr double element_size() {
  return static_cast<double>(sizeof(typename Container::value_type));  // NOLINT(bugprone-sizeof-expression)
}

b2Vec2 to_b2(Vec2 p) { return {static_cast<float>(p.x), static_cast<float>(p.y)}; }
Vec2 from_b2(b2Vec2 p) { return {p.x, p.y}; }

// Ring vertices for Box2D: closer neighbours than 1 cm merged (Box2D asserts on
// vertices within its linear slop), in the winding that makes the one-sided chain
// face the walkable side (b2ChainShape: the normal points to the right of each edge).
std::vector<b2Vec2> chain_vertices(const Ring& r, bool clockwise) {
  std::vector<b2Vec2> v;
  for (const Vec2 p : r)
    if (v.empty() || distance(from_b2(v.back()), p) > 0.01) v.push_back(to_b2(p));
  while (v.size() > 1 && distance(from_b2(v.back()), from_b2(v.front())) <= 0.01) v.pop_back();
  const bool is_ccw = signed_area(r) > 0.0;
  if (is_ccw == clockwise) std::reverse(v.begin(), v.end());
  return v;
}

}  // namespace

MicroMovement::MicroMovement() = default;
MicroMovement::~MicroMovement() = default;

std::size_t MicroMovement::body_count() const {
  return world_ ? static_cast<std::size_t>(world_->GetBodyCount()) : 0;
}

double MicroMovement::bytes_per_body() {
  // In a dense crowd a body touches about six others (hexagonal packing) and each
  // contact is shared by two bodies; one more for a wall: four contacts per body
  // (planning assumption). Box2D creates a contact for every overlap of the bodies'
  // enlarged boxes, so this is the order of what a queue at a door holds.
  constexpr double kContactsPerBody = 4.0;
  // Two tree nodes per body: its leaf and, on average, one inner node (a binary tree).
  const double box2d = sizeof(b2Body) + sizeof(b2Fixture) + sizeof(b2FixtureProxy) + sizeof(b2CircleShape) +
                       2.0 * sizeof(b2TreeNode) +
                       kContactsPerBody * (sizeof(b2Contact) + sizeof(b2ContactEdge));
  // Per resident: body_, radius_, side_radius_, anchor_, anchor_time_, stuck_, jam_t_, choice_, still_,
  // resting_, was_held_; per walker: walkers_, pos_, vel_, field_, t_ahead_, dir_, go_, reff_, turned_, cap_,
  // free_, held_, rest_ok_, cell_items_, walker_cell_, near_.
  using M = MicroMovement;
  const double arrays = element_size<decltype(M::body_)>() + element_size<decltype(M::radius_)>() +
                        element_size<decltype(M::side_radius_)>() + element_size<decltype(M::reff_)>() +
                        element_size<decltype(M::turned_)>() + element_size<decltype(M::anchor_)>() +
                        element_size<decltype(M::anchor_time_)>() + element_size<decltype(M::stuck_)>() +
                        element_size<decltype(M::jam_t_)>() + element_size<decltype(M::choice_)>() +
                        element_size<decltype(M::walkers_)>() + element_size<decltype(M::pos_)>() +
                        element_size<decltype(M::vel_)>() + element_size<decltype(M::field_)>() +
                        element_size<decltype(M::t_ahead_)>() + element_size<decltype(M::dir_)>() +
                        element_size<decltype(M::go_)>() + element_size<decltype(M::cap_)>() +
                        element_size<decltype(M::free_)>() + element_size<decltype(M::cell_items_)>() +
                        element_size<decltype(M::walker_cell_)>() + element_size<decltype(M::near_)>() +
                        element_size<decltype(M::still_)>() + element_size<decltype(M::resting_)>() +
                        element_size<decltype(M::was_held_)>() + element_size<decltype(M::held_)>() +
                        element_size<decltype(M::rest_ok_)>();
  return box2d + arrays;
}

double MicroMovement::bytes_per_cell(const Model& model) {
  const double grid = sizeof(decltype(MicroGrid::walkable)::value_type) +
                      sizeof(decltype(MicroGrid::wall_distance)::value_type) +
                      sizeof(decltype(MicroGrid::exit)::value_type) +
                      sizeof(decltype(MicroGrid::cost)::value_type);
  // Fields: the nearest exit, the step-free one, one per shelter that residents are
  // assigned to (at most one per exit).
  std::vector<std::uint32_t> assigned;
  for (const ShelterId s : model.plan.zone_shelter)
    if (s.valid()) assigned.push_back(s.value);
  std::sort(assigned.begin(), assigned.end());
  // With the quickest-exit choice, one more per exit (when there are two or more).
  const std::size_t exits = model.micro.exits.size();
  const double per_exit = model.params.micro.quickest_exit && exits >= 2 ? static_cast<double>(exits) : 0.0;
  const auto fields =
      2.0 + per_exit + static_cast<double>(std::unique(assigned.begin(), assigned.end()) - assigned.begin());
  // Fast marching (micro_field.cpp): T as double, the known flags, a heap entry
  // (double, cell) per cell at most, and the result as float.
  const double marching =
      sizeof(double) + sizeof(std::uint8_t) + sizeof(std::pair<double, std::uint32_t>) + sizeof(float);
  return grid + fields * sizeof(FieldCell) + marching;
}

void MicroMovement::build_walls(const Model& model) {
  const MicroGeometry& g = model.micro;
  b2BodyDef def;  // static, at the origin
  b2Body* walls = world_->CreateBody(&def);
  b2FixtureDef fd;
  fd.friction = static_cast<float>(model.params.micro.body_friction);
  fd.restitution = 0.0f;
  if (!g.periodic_x) {
    // Walkable rings face inwards (clockwise), obstacles outwards (counter-clockwise).
    // Edges that open into an exit (just beside their midpoint lies inside one) are
    // left out, so the rest of the ring becomes open chains with ghost vertices.
    auto opening = [&](b2Vec2 a, b2Vec2 b) {
      const Vec2 mid{0.5 * (a.x + b.x), 0.5 * (a.y + b.y)};
      const Vec2 d = from_b2(b) - from_b2(a);
      const Vec2 nudge = Vec2{-d.y, d.x} * (0.01 / std::max(1e-9, norm(d)));
      for (const MicroExit& e : g.exits)
        if (contains(e.area, mid + nudge) || contains(e.area, mid - nudge)) return true;
      return false;
    };
    auto add = [&](const Ring& r, bool clockwise) {
      const std::vector<b2Vec2> v = chain_vertices(r, clockwise);
      const std::size_t n = v.size();
      if (n < 3) return;
      std::vector<std::uint8_t> open(n);
      std::size_t first_open = n;
      for (std::size_t i = 0; i < n; ++i) {
        open[i] = opening(v[i], v[(i + 1) % n]) ? 1 : 0;
        if (open[i] && first_open == n) first_open = i;
      }
      b2ChainShape chain;
      if (first_open == n) {
        chain.CreateLoop(v.data(), static_cast<int32>(n));
        fd.shape = &chain;
        walls->CreateFixture(&fd);
        return;
      }
      // Runs of closed edges between open ones; edge i runs from v[i] to v[i+1].
      std::size_t k = 1;
      while (k < n) {
        const std::size_t begin = (first_open + k) % n;
        if (open[begin]) {
          ++k;
          continue;
        }
        std::vector<b2Vec2> run{v[begin]};
        std::size_t i = begin;
        while (k < n && !open[i]) {
          run.push_back(v[(i + 1) % n]);
          ++k;
          i = (first_open + k) % n;
        }
        b2ChainShape piece;
        piece.CreateChain(run.data(), static_cast<int32>(run.size()), v[(begin + n - 1) % n], v[(i + 1) % n]);
        fd.shape = &piece;
        walls->CreateFixture(&fd);
      }
    };
    for (const Ring& r : g.walkable) add(r, true);
    for (const Ring& r : g.obstacles) add(r, false);
    return;
  }
  // Periodic corridor: two-sided edges, leaving out the open ends at x_min and x_max.
  auto add_edges = [&](const Ring& r) {
    for (std::size_t i = 0; i < r.size(); ++i) {
      const Vec2 a = r[i], b = r[(i + 1) % r.size()];
      const bool end = std::fabs(a.x - b.x) < 1e-9 &&
                       (std::fabs(a.x - x_min_) < 1e-6 || std::fabs(a.x - (x_min_ + period_)) < 1e-6);
      if (end || distance(a, b) <= 0.01) continue;
      b2EdgeShape edge;
      edge.SetTwoSided(to_b2(a), to_b2(b));
      fd.shape = &edge;
      walls->CreateFixture(&fd);
    }
  };
  for (const Ring& r : g.walkable) add_edges(r);
  for (const Ring& r : g.obstacles) add_edges(r);
}

void MicroMovement::reset(const Model& model, const SimState& state) {
  const MicroParams& p = model.params.micro;
  const std::size_t n = model.population.size();
  world_ = std::make_unique<b2World>(b2Vec2(0.0f, 0.0f));
  world_->SetAllowSleeping(true);
  world_->SetContinuousPhysics(false);  // slow round bodies do not tunnel at these sub-steps
  x_min_ = model.world.bounds.min.x;
  period_ = model.micro.periodic_x ? model.world.bounds.width() : 0.0;
  build_walls(model);

  radius_.resize(n);
  side_radius_.resize(n);
  double r_max = 0.0, v_max = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    radius_[i] = static_cast<float>(body_radius(model.population.age[i], model.population.mobility[i], p));
    side_radius_[i] =
        static_cast<float>(passing_radius(model.population.age[i], model.population.mobility[i], p));
    r_max = std::max(r_max, static_cast<double>(radius_[i]));
    v_max = std::max(v_max, static_cast<double>(state.free_speed[i]));
  }
  // Beyond v0 T + l the gap no longer limits anyone's speed, so that is as far as the
  // neighbour search has to look.
  bucket_ = std::max(0.5, v_max * p.time_gap + 2.0 * r_max);
  r_max_ = r_max;
  const MicroGrid& g = model.micro.grid;
  bucket_origin_ = g.origin;
  if (period_ > 0.0) {
    bx_ = std::max(1, static_cast<int>(std::floor(period_ / bucket_)));
    bucket_origin_.x = x_min_;
  } else {
    bx_ = std::max(1, static_cast<int>(std::ceil(g.nx * g.h / bucket_)));
  }
  by_ = std::max(1, static_cast<int>(std::ceil(g.ny * g.h / bucket_)));

  exit_lo_[0] = exit_lo_[1] = std::numeric_limits<long>::max();
  exit_hi_[0] = exit_hi_[1] = -1;
  for (std::size_t c = 0; c < g.size(); ++c) {
    if (g.exit[c] < 0) continue;
    const long x = static_cast<long>(c) % g.nx, y = static_cast<long>(c) / g.nx;
    exit_lo_[0] = std::min(exit_lo_[0], x);
    exit_lo_[1] = std::min(exit_lo_[1], y);
    exit_hi_[0] = std::max(exit_hi_[0], x);
    exit_hi_[1] = std::max(exit_hi_[1], y);
  }

  // Each exit's width for the quickest-exit choice: the longer side of the box
  // around its walkable cells (a line exit's opening, an exit square).
  exit_width_.assign(model.micro.exits.size(), 0.0f);
  {
    std::vector<Box> box(model.micro.exits.size());
    for (std::size_t c = 0; c < g.size(); ++c)
      if (g.exit[c] >= 0 && g.walkable[c])
        box[static_cast<std::size_t>(g.exit[c])].extend(
            g.centre(static_cast<int>(c % g.nx), static_cast<int>(c / g.nx)));
    for (std::size_t e = 0; e < box.size(); ++e)
      if (!box[e].empty())
        exit_width_[e] = static_cast<float>(std::max(box[e].width(), box[e].height()) + g.h);
  }
  choice_.assign(n, -1);
  next_choice_ = state.time(model.run.dt);
  build_fields(model, state, state.time(model.run.dt));
  body_.assign(n, nullptr);
  still_.assign(n, 0.0f);
  resting_.assign(n, 0);
  was_held_.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const Status st = state.status[i];
    if ((st == Status::Moving || st == Status::Stranded) && !std::isnan(state.start_time[i]))
      spawn(model, state, ResidentId{i});
  }
  anchor_ = state.position;
  anchor_time_.assign(n, static_cast<float>(state.time(model.run.dt)));
  stuck_.assign(n, 0);
  jam_t_.assign(n, std::numeric_limits<float>::quiet_NaN());
  jam_window_start_ = state.time(model.run.dt);
  jam_arrivals_ = -1;  // no window yet
  jam_reported_ = false;
}

void MicroMovement::spawn(const Model& model, const SimState& state, ResidentId r) {
  const std::size_t i = r.index();
  const MicroParams& p = model.params.micro;
  b2BodyDef def;
  def.type = b2_dynamicBody;
  def.position = to_b2(state.position[i]);
  def.linearVelocity = to_b2(state.velocity[i]);
  def.fixedRotation = true;
  def.allowSleep = true;
  b2Body* b = world_->CreateBody(&def);
  b2CircleShape circle;
  circle.m_radius = radius_[i];
  b2FixtureDef fd;
  fd.shape = &circle;
  fd.density = static_cast<float>(p.body_mass / (M_PI * radius_[i] * radius_[i]));
  fd.friction = static_cast<float>(p.body_friction);
  fd.restitution = 0.0f;
  b->CreateFixture(&fd);
  body_[i] = b;
  still_[i] = 0.0f;
  resting_[i] = 0;
  was_held_[i] = 0;
}

void MicroMovement::remove_body(ResidentId r) {
  world_->DestroyBody(body_[r.index()]);
  body_[r.index()] = nullptr;
}

void MicroMovement::build_fields(const Model& model, const SimState& state, double t) {
  const MicroGeometry& g = model.micro;
  if (g.periodic_x) return;
  const std::size_t ne = g.exits.size();
  std::vector<std::uint8_t> open(ne, 0), open_step_free(ne, 0);
  for (std::size_t e = 0; e < ne; ++e) {
    const ShelterId s = g.exits[e].shelter;
    open[e] = shelter_open(model, state, s, t) && !state.shelter_full[s.index()] ? 1 : 0;
    open_step_free[e] = open[e] && model.world.shelters[s.index()].step_free ? 1 : 0;
  }
  nearest_ = build_micro_field(g.grid, g.grid.cost, open);
  exit_open_ = open;
  to_exit_.clear();
  if (model.params.micro.quickest_exit && std::count(open.begin(), open.end(), 1) >= 2) {
    to_exit_.resize(ne);  // a choice needs two open exits
    for (std::size_t e = 0; e < ne; ++e) {
      if (!open[e]) continue;
      std::vector<std::uint8_t> only(ne, 0);
      only[e] = 1;
      to_exit_[e] = build_micro_field(g.grid, g.grid.cost, only);
    }
  }
  step_free_ = build_micro_field(g.grid, step_free_cost(g, g.grid.cost), open_step_free);  // no stairs
  to_shelter_.assign(model.world.shelters.size(), MicroField{});
  if (model.plan.assignment != Plan::Assignment::ByZone) return;
  for (const ShelterId s : model.plan.zone_shelter) {
    if (!s.valid() || !to_shelter_[s.index()].empty()) continue;
    std::vector<std::uint8_t> only(ne, 0);
    for (std::size_t e = 0; e < ne; ++e) only[e] = open[e] && g.exits[e].shelter == s ? 1 : 0;
    to_shelter_[s.index()] = build_micro_field(g.grid, g.grid.cost, only);
  }
}

void MicroMovement::routes_changed(const Model& model, SimState& state, double t) {
  build_fields(model, state, t);
}

const MicroField* MicroMovement::field_for(const Model& model, const SimState& state, ResidentId r,
                                           double t) const {
  if (model.micro.periodic_x) return nullptr;
  if (model.population.mobility[r.index()] == Mobility::Wheelchair) return &step_free_;
  const ShelterId a = state.assigned[r.index()];
  if (a.valid() && !state.shelter_full[a.index()] && shelter_open(model, state, a, t) &&
      !to_shelter_[a.index()].empty())
    return &to_shelter_[a.index()];
  if (const int c = choice_.empty() ? -1 : choice_[r.index()]; c >= 0 && !to_exit_.empty() && exit_open_[c])
    return &to_exit_[static_cast<std::size_t>(c)];
  return &nearest_;
}

bool MicroMovement::way_out(const Model& model, const SimState& state, ResidentId r, double t) const {
  const MicroField* f = field_for(model, state, r, t);
  return f == nullptr || std::isfinite(field_value(model.micro.grid, *f, state.position[r.index()]));
}

void MicroMovement::step(const Model& model, SimState& state, double t) {
  const double dt = model.run.dt;
  const double t_end = t + dt;
  // Decisions once per step: leaving home, and who has no way out (all exits
  // closed or full) and stands still until the routes change.
  const MicroGrid& grid = model.micro.grid;
  state.readied.clear();  // this model looks at everyone at home each step (below)
  const std::size_t n_active = state.active.size();
  for (std::size_t a = 0; a < n_active; ++a) {
    // Numerical choice, as in substep: fetch the field cell of the resident this
    // many places ahead (way_out reads it) while working on this one.
    constexpr std::size_t kPrefetchAhead = 8;
    if (a + kPrefetchAhead < n_active && !model.micro.periodic_x) {
      const ResidentId ahead = state.active[a + kPrefetchAhead];
      const long c = grid.cell_of(state.position[ahead.index()]);
      if (c >= 0) __builtin_prefetch(field_for(model, state, ahead, t_end)->cell.data() + c);
    }
    const ResidentId r = state.active[a];
    const std::size_t i = r.index();
    const Status st = state.status[i];
    const bool ready = st == Status::Preparing && t_end >= state.warned_time[i] + state.premove[i];
    if (!(ready || st == Status::Stranded || st == Status::Moving)) continue;
    if (!way_out(model, state, r, t_end)) {
      state.leave_active(i, Status::Stranded);
      state.blocked[i] = blocked_reason(model, state, t_end);
      continue;
    }
    state.status[i] = Status::Moving;
    if (body_[i] == nullptr) {
      if (std::isnan(state.start_time[i])) state.start_time[i] = static_cast<float>(t_end);
      spawn(model, state, r);
      anchor_[i] = state.position[i];
      anchor_time_[i] = static_cast<float>(t);
    }
  }
  const int n_sub = std::max(1, static_cast<int>(std::ceil(dt / model.params.micro.substep - 1e-9)));
  const double h = dt / n_sub;
  for (int k = 0; k < n_sub; ++k) substep(model, state, t + k * h, h);
  choose_exits(model, state, t_end);
  watch_jams(model, state, t_end);
}

void MicroMovement::release_from_shelter(const Model&, SimState&, ResidentId, double) {
  assert(false && "a hazard emptied a micro exit: hazards are refused with movement: micro");
}

}  // namespace ss
