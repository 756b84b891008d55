// One physics sub-step of the micro model: desired velocities from the frozen
// positions, driving forces, the Box2D step, then speed caps, arrivals at exits,
// the periodic wrap and stuck detection. Split from micro_movement.cpp for size.
#include <box2d/box2d.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/hazards/hazards.hpp"
#include "engine/movement/micro/micro_movement.hpp"
#include "engine/routing/navigation.hpp"

namespace ss {
namespace {

// A body rests (becomes static) once it has been held up by the one ahead and
// slower than kRestSpeed for kRestTime, the speed and time below which Box2D itself
// puts a body to sleep (b2_linearSleepTolerance, b2_timeToSleep in b2_common.h of
// Box2D 2.4). Box2D cannot let one body of a touching crowd sleep (an island sleeps
// whole, and a queue pressed together at a door is one island), so a standing queue
// would cost contact solving for every body every step.
constexpr double kRestSpeed = b2_linearSleepTolerance;  // m/s
constexpr double kRestTime = b2_timeToSleep;            // s
constexpr std::uint32_t kNoLead = std::numeric_limits<std::uint32_t>::max();
// Box2D keeps bodies b2_polygonRadius off chain shapes and lets them overlap by
// b2_linearSlop: a body needs 5 mm beyond its radius on each side (as
// check_micro_passages counts it) and one resting on a plain wall reads about its
// radius + 5 mm there. A body turns where the clearance is 1 mm less than that
// (numerical choice: a gap of just under two radii + 1 cm still turns it; a 3 mm
// margin let 0.4 m gaps clog, docs/verification.md "Narrow gaps").
constexpr double kWallSkin = 0.005;   // m
constexpr double kTurnSlack = 0.001;  // m

Vec2 from_b2_pos(const b2Body* b) { return {b->GetPosition().x, b->GetPosition().y}; }
b2Vec2 to_b2(Vec2 p) { return {static_cast<float>(p.x), static_cast<float>(p.y)}; }

// The speed resident i can walk at where it stands: its free speed, capped by the
// hazards exactly as the network model caps it (hazard_walking_speed at the body's
// centre: in a flood the water of the cell under it).
double speed_cap(const Model& model, const SimState& s, std::size_t i, Vec2 p) {
  const float v0 = s.free_speed[i];
  if (model.hazards.empty()) return v0;
  return hazard_walking_speed(model, s, ResidentId{i}, WalkerPlace{EdgeId{}, 0.0, p}, v0);
}

// The exit whose polygon holds the body's centre q (cell c of the grid), or -1.
// A person leaves once the centre lies inside the exit's own polygon (for a line
// exit: once it is kExitWalkOn past the line), not when it enters a cell whose centre does:
// that would count it up to half a cell early, or late. A centre that has just
// crossed may lie in a cell marked for no exit, so the four neighbours are asked too.
int exit_holding(const MicroGeometry& g, long c, Vec2 q) {
  const MicroGrid& grid = g.grid;
  const long x = c % grid.nx, y = c / grid.nx;
  const long near[5][2] = {{x, y}, {x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
  for (const auto& n : near) {
    if (n[0] < 0 || n[1] < 0 || n[0] >= grid.nx || n[1] >= grid.ny) continue;
    const int e = grid.exit[static_cast<std::size_t>(n[1] * grid.nx + n[0])];
    if (e >= 0 && contains(g.exits[static_cast<std::size_t>(e)].area, q)) return e;
  }
  return -1;
}

}  // namespace

void MicroMovement::bucket_walkers(const Model& model) {
  (void)model;
  const std::size_t n = walkers_.size();
  const std::size_t buckets = static_cast<std::size_t>(bx_) * static_cast<std::size_t>(by_);
  walker_cell_.resize(n);
  cell_start_.assign(buckets + 1, 0);
  for (std::size_t k = 0; k < n; ++k) {
    const Vec2 p = pos_[k] - bucket_origin_;
    long cx = static_cast<long>(std::floor(p.x / bucket_));
    long cy = static_cast<long>(std::floor(p.y / bucket_));
    cx = period_ > 0.0 ? ((cx % bx_) + bx_) % bx_ : std::clamp<long>(cx, 0, bx_ - 1);
    cy = std::clamp<long>(cy, 0, by_ - 1);
    walker_cell_[k] = static_cast<std::uint32_t>(cy * bx_ + cx);
    ++cell_start_[walker_cell_[k] + 1];
  }
  for (std::size_t c = 0; c < buckets; ++c) cell_start_[c + 1] += cell_start_[c];
  // Counting sort keeps walkers in `active` order inside each bucket (deterministic).
  cell_items_.resize(n);
  cell_fill_.assign(cell_start_.begin(), cell_start_.end() - 1);
  for (std::size_t k = 0; k < n; ++k)
    cell_items_[cell_fill_[walker_cell_[k]]++] = static_cast<std::uint32_t>(k);
}

void MicroMovement::substep(const Model& model, SimState& state, double t0, double h) {
  const MicroParams& p = model.params.micro;
  const MicroGrid& grid = model.micro.grid;
  const double t1 = t0 + h;

  walkers_.clear();
  for (const ResidentId r : state.active)
    if (body_[r.index()] != nullptr) walkers_.push_back(r);
  const std::size_t n = walkers_.size();
  pos_.resize(n);
  vel_.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const b2Body* b = body_[walkers_[k].index()];
    pos_[k] = from_b2_pos(b);
    vel_[k] = {b->GetLinearVelocity().x, b->GetLinearVelocity().y};
  }
  bucket_walkers(model);
  // Distance to the way out of each walker's own field (who is ahead in the queue)
  // and the walking direction, read from the field together while its cells are in
  // cache. Each walker's field is looked up once per sub-step (its exits cannot
  // change within one).
  t_ahead_.resize(n);
  dir_.resize(n);
  go_.resize(n);
  field_.resize(n);
  for (std::size_t k = 0; k < n; ++k)
    field_[k] = period_ > 0.0 ? nullptr : field_for(model, state, walkers_[k], t0);
  // Numerical choice: fetch the field cells of the walker this many places ahead
  // while working on this one (walkers far apart in the grid miss the cache).
  constexpr std::size_t kPrefetchAhead = 8;
  for (std::size_t k = 0; k < n; ++k) {
    if (k + kPrefetchAhead < n && field_[k + kPrefetchAhead] != nullptr) {
      const long c = grid.cell_of(pos_[k + kPrefetchAhead]);
      if (c >= 0) {
        const FieldCell* cells = field_[k + kPrefetchAhead]->cell.data();
        __builtin_prefetch(cells + c);
        if (c >= grid.nx) __builtin_prefetch(cells + c - grid.nx);
        if (static_cast<std::size_t>(c + grid.nx) < grid.size()) __builtin_prefetch(cells + c + grid.nx);
      }
    }
    const std::size_t i = walkers_[k].index();
    const bool moving = state.status[i] == Status::Moving;
    if (period_ > 0.0) {
      t_ahead_[k] = 0.0f;
      dir_[k] = {1.0, 0.0};
      go_[k] = moving ? 1 : 0;
      continue;
    }
    const MicroField* f = field_[k];
    t_ahead_[k] = f ? field_value(grid, *f, pos_[k]) : 0.0f;
    Vec2 e{0.0, 0.0};
    go_[k] = moving && f != nullptr && field_direction(grid, *f, pos_[k], e) ? 1 : 0;
    dir_[k] = go_[k] ? e : Vec2{0.0, 0.0};
  }

  // Turning sideways (MicroGrid::sideways: some way out is narrower than a body). A
  // walker whose centre or front (one radius ahead along its way) lies nearer a wall
  // than its radius is in or at a place too narrow for its shoulders: its body shrinks
  // to the clearance there, down to its sideways radius (half its torso depth,
  // MicroParams), and it walks slower the further it has turned. Clearances are
  // measured on the polygons (the grid's run up to a cell short) where the grid says a
  // wall may be that near. Wheelchairs keep their size.
  reff_.resize(n);
  turned_.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = walkers_[k].index();
    b2Body* b = body_[i];
    b2Shape* shape = b->GetFixtureList()->GetShape();
    const float r = radius_[i];
    reff_[k] = shape->m_radius;
    turned_[k] = 0.0f;
    if (!grid.sideways || !go_[k] || resting_[i] || !(side_radius_[i] < r)) continue;
    const Vec2 front = pos_[k] + dir_[k] * static_cast<double>(r);
    auto near_wall = [&](Vec2 q) {
      const long c = grid.cell_of(q);
      return c < 0 || grid.wall_distance[static_cast<std::size_t>(c)] < r + grid.h;
    };
    double want = r;
    turned_[k] = 0.0f;
    if (near_wall(pos_[k]) || near_wall(front)) {
      const double at = model.micro.wall_distance(pos_[k]);
      const double clear = std::min(at, model.micro.wall_distance(front));
      // How far the place the centre stands in makes the body turn: the share of the way
      // from its full radius to its sideways one (the front only prepares the turn).
      const double need =
          std::clamp(at - kWallSkin, static_cast<double>(side_radius_[i]), static_cast<double>(r));
      turned_[k] = static_cast<float>((r - need) / std::max(1e-6, static_cast<double>(r - side_radius_[i])));
      // kTurnSlack: a body pressed on a plain wall reads its radius less Box2D's contact
      // slop and must not start to shrink there.
      if (clear < r + kWallSkin - kTurnSlack)
        want = std::clamp(clear - kWallSkin, static_cast<double>(side_radius_[i]), static_cast<double>(r));
    }
    if (static_cast<float>(want) != shape->m_radius) {
      shape->m_radius = static_cast<float>(want);
      reff_[k] = static_cast<float>(want);
    }
  }

  // Walkers in bucket order with what the gap search reads, so that it scans
  // memory in sequence.
  near_.resize(n);
  for (std::size_t q = 0; q < n; ++q) {
    const std::uint32_t j = cell_items_[q];
    near_[q] = {pos_[j], t_ahead_[j], reff_[j], j};
  }

  cap_.resize(n);
  free_.resize(n);
  held_.resize(n);
  rest_ok_.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = walkers_[k].index();
    double cap = speed_cap(model, state, i, pos_[k]);
    if (!model.micro.stairs.empty())  // slower on stairs, up or down (micro_stairs.hpp)
      cap = std::min(cap, micro_stair_cap(model.micro, pos_[k], dir_[k], state.free_speed[i],
                                          age_band(model.population.age[i]), model.population.mobility[i]));
    if (turned_[k] > 0.0f) {  // turned sideways, part or all the way
      const double turned = turned_[k];
      cap *= 1.0 - (1.0 - p.sideways_speed_factor) * std::min(1.0, turned);
    }
    cap_[k] = static_cast<float>(cap);
  }

  // 1. Desired velocity and driving force, from the frozen positions only.
  for (std::size_t k = 0; k < n; ++k) {
    const ResidentId r = walkers_[k];
    const std::size_t i = r.index();
    b2Body* b = body_[i];
    const Vec2 e = dir_[k];
    double v_des = 0.0;
    bool free = true;  // no body in the way within the speed rule's look-ahead (stuck detection)
    // Gap to the nearest body ahead (Tordeux et al. 2016): centres in front of
    // the walker and laterally within the sum of radii.
    double gap = std::numeric_limits<double>::infinity();
    bool pushed = false;           // a body nearer the way out walks into this one
    std::uint32_t lead = kNoLead;  // walker whose gap this is
    if (go_[k]) {
      double spacing = std::numeric_limits<double>::infinity();  // centre distance / l, ahead
      const long cx = static_cast<long>(walker_cell_[k] % static_cast<std::uint32_t>(bx_));
      const long cy = static_cast<long>(walker_cell_[k] / static_cast<std::uint32_t>(bx_));
      // Buckets that cannot change v_des are skipped (off a periodic corridor, where
      // bucket extents are plain intervals): those wholly behind the walker, and
      // those farther than the reach beyond which the gap exceeds cap T and v_des is
      // the cap anyway. The 1 cm and the 1 µm keep rounding (bucket edges, the
      // reach) on the safe side (numerical choices).
      const double reach = radius_[i] + r_max_ + cap_[k] * p.time_gap + 0.01;
      const Vec2 rel = pos_[k] - bucket_origin_;
      const float t_k = t_ahead_[k];
      auto skip = [&](long x, long y) {
        if (period_ > 0.0) return false;
        constexpr double inf = std::numeric_limits<double>::infinity();
        // The outermost buckets also hold anyone beyond the grid (clamped).
        const double x_lo = x == 0 ? -inf : x * bucket_ - rel.x,
                     x_hi = x == bx_ - 1 ? inf : (x + 1) * bucket_ - rel.x;
        const double y_lo = y == 0 ? -inf : y * bucket_ - rel.y,
                     y_hi = y == by_ - 1 ? inf : (y + 1) * bucket_ - rel.y;
        const double ahead = (e.x > 0.0   ? e.x * x_hi
                              : e.x < 0.0 ? e.x * x_lo
                                          : 0.0) +
                             (e.y > 0.0   ? e.y * y_hi
                              : e.y < 0.0 ? e.y * y_lo
                                          : 0.0);
        if (ahead < -1e-6) return true;
        const double gx = std::max({0.0, x_lo, -x_hi}), gy = std::max({0.0, y_lo, -y_hi});
        return gx * gx + gy * gy > reach * reach;
      };
      for (long dy = -1; dy <= 1; ++dy) {
        const long y = cy + dy;
        if (y < 0 || y >= by_) continue;
        for (long dx = -1; dx <= 1; ++dx) {
          long x = cx + dx;
          // Periodic: wrap (a bucket seen twice only repeats candidates for a minimum).
          if (period_ > 0.0)
            x = (x + bx_) % bx_;
          else if (x < 0 || x >= bx_)
            continue;
          if (skip(x, y)) continue;
          const std::size_t c = static_cast<std::size_t>(y * bx_ + x);
          // Every candidate is measured and the tests are combined without
          // branches (which one passes is close to a coin toss).
          for (std::uint32_t q = cell_start_[c]; q < cell_start_[c + 1]; ++q) {
            const Near& nb = near_[q];
            const std::uint32_t j = nb.k;
            // Only someone nearer the way out can hold a walker up: an order
            // without cycles, so two bodies side by side at a door never wait for
            // each other (the deadlock of a plain gap rule). On a periodic
            // corridor everyone else counts.
            const bool nearer = period_ > 0.0 ? j != k : (nb.t < t_k) | ((nb.t == t_k) & (j < k));
            Vec2 d = nb.p - pos_[k];
            if (period_ > 0.0) d.x -= period_ * std::round(d.x / period_);
            const double along = dot(d, e);
            const double l = reff_[k] + nb.r;
            const double lateral = std::fabs(d.x * e.y - d.y * e.x);
            const double s = norm(d);
            // Merging (MicroParams::merge_yield_cos): touching (within Box2D's contact
            // slop, the 1 cm of `pushed` below) and crossing this walker's way.
            const Vec2 e_j = dir_[j];
            const bool merging = (s <= l + 0.01) & (e_j.x * e.x + e_j.y * e.y < p.merge_yield_cos);
            const bool holds = nearer & (along > 0.0) & ((lateral <= p.ahead_lateral_factor * l) | merging);
            lead = (holds & (s - l < gap)) ? j : lead;
            gap = holds ? std::min(gap, s - l) : gap;
            // In the way, whatever its place in the queue: ahead, laterally within the
            // sum of radii (walking straight on, the bodies would touch) and no
            // farther than the speed rule looks ahead, cap T (within `reach`).
            free = free & !((j != k) & (along > 0.0) & (lateral <= l) & (s - l <= cap_[k] * p.time_gap));
            spacing = holds ? std::min(spacing, s / l) : spacing;
            // Someone nearer the way out walks into this body (touching, this body
            // ahead of it along its own direction): a resting body would stand in its
            // way like a wall, so this body may not rest (the 1 cm: touching within
            // Box2D's contact slop, a numerical choice).
            pushed = pushed | (nearer & (s <= l + 0.01) & (e_j.x * d.x + e_j.y * d.y < 0.0));
          }
        }
      }
      v_des = std::clamp(gap / p.time_gap, 0.0, static_cast<double>(cap_[k]));
      // A crowd packed to touching still creeps forward: real bodies give and turn
      // their shoulders, and Weidmann's (1993) speed reaches zero only at his jam
      // density ρmax (5.4 P/m²), beyond the 4.4 P/m² at which rigid discs of an
      // adult's 0.51 m touch. Near contact the desired speed is therefore at least
      // Weidmann's at the density of a hexagonal crowd at this spacing, ρ = 2 / (√3 d²),
      // d the spacing scaled to adult bodies (at most 0.10 m/s at v0 1.34 m/s, where
      // they just touch: d = 0.51 m, 4.4 P/m²). It applies only to bodies pressed
      // into the one ahead; bodies apart keep gap / T, so crowds that are not
      // touching move as before. (A floor of the touching speed for every gap below
      // 2 cm, which would make the rule monotone in the spacing, sped up the 3 P/m²
      // corridor and the 1 m door past RiMEA 4's and IMO 4's limits.)
      if (spacing < 1.0) {
        const double d = spacing * 2.0 * p.radius_adult;
        const double rho = 2.0 / (std::sqrt(3.0) * d * d);
        v_des = std::max(v_des, cap_[k] * weidmann_factor(rho, model.params.movement));
      }
    }
    free_[k] = free ? 1 : 0;
    // Held: the gap rule alone asks for less than kRestSpeed (the body ahead is no
    // farther than kRestSpeed T) and nobody ahead walks into this body. A body may
    // rest when it is held by a body that was itself held in the last sub-step: the
    // first body behind one that stands for another reason (wedged at a door post)
    // never rests and keeps pushing it, as the whole crowd behind would. A resting
    // body walks on as soon as it may no longer rest.
    const bool held = go_[k] && gap <= kRestSpeed * p.time_gap && !pushed;
    held_[k] = held ? 1 : 0;
    const bool may_rest = held && lead != kNoLead && was_held_[walkers_[lead].index()];
    rest_ok_[k] = may_rest ? 1 : 0;
    if (resting_[i]) {
      if (may_rest) continue;
      b->SetType(b2_dynamicBody);
      resting_[i] = 0;
      still_[i] = 0.0f;
    }
    const Vec2 dv = e * v_des - vel_[k];
    if (!b->IsAwake() && v_des <= 0.0) continue;  // standing in a queue: let Box2D keep it asleep
    const double k_force = p.body_mass / p.relaxation_time;
    b->ApplyForceToCenter(b2Vec2(static_cast<float>(k_force * dv.x), static_cast<float>(k_force * dv.y)),
                          v_des > 0.0);
  }

  // 2. Contacts and integration.
  world_->Step(static_cast<float>(h), p.velocity_iterations, p.position_iterations);

  // 3. Speed cap, bookkeeping, arrivals.
  for (std::size_t k = 0; k < n; ++k) {
    const ResidentId r = walkers_[k];
    const std::size_t i = r.index();
    b2Body* b = body_[i];
    b2Vec2 v = b->GetLinearVelocity();
    const double speed = std::sqrt(static_cast<double>(v.x) * v.x + static_cast<double>(v.y) * v.y);
    const double cap = cap_[k];
    if (!std::isfinite(speed)) {
      ++state.records.warnings.non_finite_speed;
      b->SetLinearVelocity(b2Vec2(0.0f, 0.0f));
      v = b2Vec2(0.0f, 0.0f);
    } else if (speed > cap) {
      v *= static_cast<float>(cap / speed);
      b->SetLinearVelocity(v);
    }
    was_held_[i] = held_[k];
    if (!resting_[i]) {
      still_[i] = rest_ok_[k] && speed <= kRestSpeed ? still_[i] + static_cast<float>(h) : 0.0f;
      if (still_[i] >= kRestTime) {
        b->SetType(b2_staticBody);
        resting_[i] = 1;
      }
    }
    Vec2 q = from_b2_pos(b);
    Vec2 moved = q - pos_[k];
    if (period_ > 0.0) {
      moved.x -= period_ * std::round(moved.x / period_);
      if (q.x >= x_min_ + period_ || q.x < x_min_) {
        q.x -= period_ * std::floor((q.x - x_min_) / period_);
        b->SetTransform(to_b2(q), 0.0f);
      }
    }
    state.distance[i] += static_cast<float>(norm(moved));
    state.position[i] = q;
    state.velocity[i] = {v.x, v.y};

    const long c = grid.cell_of(q);
    const int out = c >= 0 && c % grid.nx >= exit_lo_[0] - 1 && c % grid.nx <= exit_hi_[0] + 1 &&
                            c / grid.nx >= exit_lo_[1] - 1 && c / grid.nx <= exit_hi_[1] + 1
                        ? exit_holding(model.micro, c, q)
                        : -1;
    if (out >= 0) {
      const ShelterId s = model.micro.exits[static_cast<std::size_t>(out)].shelter;
      if (shelter_accepts(model, state, s, r, t1)) {
        admit(model, state, r, s, t1);
        state.velocity[i] = {};
        remove_body(r);
        continue;
      }
    }
    // Stuck: no stuck_distance of progress in stuck_time while the way ahead was
    // free all along; waiting behind someone restarts the clock (a queue that moves
    // slowly is no stuck resident).
    if (distance(q, anchor_[i]) > p.stuck_distance || !free_[k]) {
      anchor_[i] = q;
      anchor_time_[i] = static_cast<float>(t1);
    } else if (!stuck_[i] && state.status[i] == Status::Moving && t1 - anchor_time_[i] > p.stuck_time) {
      stuck_[i] = 1;
      ++state.records.warnings.stuck;
    }
  }
}

}  // namespace ss
