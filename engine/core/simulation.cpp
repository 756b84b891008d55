#include "engine/core/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

#include "engine/core/resident_draws.hpp"
#include "engine/hazards/hazards.hpp"
#include "engine/movement/micro/micro_movement.hpp"
#include "engine/movement/network/network_movement.hpp"
#include "engine/plan/responders.hpp"
#include "engine/plan/warning.hpp"
#include "engine/routing/navigation.hpp"

namespace ss {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::uint64_t steps_per_row(const RunSettings& run) {
  return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(run.timeline_interval / run.dt)));
}

void record_row(const Model& model, SimState& s, double t) {
  TimelineRow row;
  row.time = t;
  row.safe_by_zone.assign(model.world.zone_count(), 0);
  const Population& pop = model.population;
  for (std::size_t i = 0; i < pop.size(); ++i) {
    const Status st = s.status[i];
    ++row.by_status[static_cast<std::size_t>(st)];
    if (st != Status::Sheltered) continue;
    ++row.safe_by_group[GroupIndex::of_age(age_band(pop.age[i]))];
    ++row.safe_by_group[GroupIndex::of_mobility(pop.mobility[i])];
    ++row.safe_by_group[GroupIndex::of_alone(pop.lives_alone[i] != 0)];
    ++row.safe_by_zone[model.home_zone[i].index()];
  }
  for (std::size_t k = 0; k < model.hazards.size() && k < s.hazards.size(); ++k)
    model.hazards[k]->timeline_values(model, s.hazards[k].get(), t, row.hazard);
  s.records.timeline.push_back(std::move(row));
  s.records.occupancy_series.push_back(s.occupancy);
}

std::uint64_t steps_per_frame(const RunSettings& run) {
  return std::max<std::uint64_t>(
      1, static_cast<std::uint64_t>(std::llround(1.0 / (run.trajectory_framerate * run.dt))));
}

// One trajectory frame: every walker on its feet (Moving, or Stranded after it set
// off), as the tracking of a real crowd sees them; people still at home are not yet
// in the scene and arrivals have left it.
void record_frame(const Model& model, SimState& s) {
  TrajectoryRecord& tr = s.records.trajectory;
  if (model.movement != MovementKind::Micro || !(model.run.trajectory_framerate > 0.0)) return;
  if (tr.frame_begin.empty()) {
    tr.framerate = model.run.trajectory_framerate;
    tr.frame_begin.push_back(0);
  }
  for (std::size_t i = 0; i < s.status.size(); ++i) {
    const Status st = s.status[i];
    if (st == Status::Moving || (st == Status::Stranded && !std::isnan(s.start_time[i])))
      tr.points.push_back({static_cast<std::uint32_t>(i), static_cast<float>(s.position[i].x),
                           static_cast<float>(s.position[i].y)});
  }
  tr.frame_begin.push_back(static_cast<std::uint32_t>(tr.points.size()));
}

// Equal bit for bit, NaN ("not yet") included.
bool same_floats(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
}

SimState initial_state(const Model& model, std::uint64_t seed) {
  SimState s;
  s.seed = seed;
  const std::size_t n = model.population.size();
  const std::size_t e = model.world.streets.edge_count();
  const std::size_t sh = model.world.shelters.size();
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
  s.status.assign(n, Status::Unaware);
  s.edge.assign(n, EdgeId{});
  s.toward.assign(n, NodeId{});
  s.remaining.assign(n, 0.0f);
  s.free_speed.resize(n);
  s.premove.resize(n);
  draw_resident_profiles(model, seed, s.free_speed, s.premove);
  s.warned_time.assign(n, kNaN);
  s.start_time.assign(n, kNaN);
  s.arrival_time.assign(n, kNaN);
  s.distance.assign(n, 0.0f);
  s.shelter.assign(n, ShelterId{});
  s.turned_away.assign(n, 0);
  s.reached_end_step.assign(n, 0);
  s.assigned.assign(n, ShelterId{});
  s.blocked.assign(n, Outcome::NoRoute);
  s.to_assembly.assign(n, 0);
  if (model.plan.assignment == Plan::Assignment::ByZone)
    for (std::size_t r = 0; r < n; ++r) s.assigned[r] = model.plan.zone_shelter[model.home_zone[r].index()];
  if (model.movement == MovementKind::Micro) {
    s.position = model.population.home;
    s.velocity.assign(n, Vec2{});
  }
  s.active.reserve(n);
  for (std::size_t r = 0; r < n; ++r) s.active.push_back(ResidentId{r});

  s.edge_count.assign(e, 0);
  s.edge_queued.assign(e, 0);
  s.exit_credit.assign(e, 0.0f);
  s.entry_credit.assign(e, 0.0f);
  s.credit_step.assign(e, 0);
  s.edge_closed.assign(e, 0);
  s.records.edge_passages.assign(e, 0);
  StreetRecords& streets = s.records.streets;
  for (auto* v : {&streets.peak_count, &streets.flow_window, &streets.flow_count, &streets.peak_flow})
    v->assign(e, 0);
  streets.queue_steps.assign(e, 0);
  streets.queue_since.assign(e, 0);
  for (const EdgeId c : model.plan.closed_edges) s.edge_closed[c.index()] = 1;

  s.occupancy.assign(sh, 0);
  s.arrivals.assign(sh, 0);
  s.shelter_closed.assign(sh, 0);
  s.shelter_full.assign(sh, 0);
  s.shelter_full_time.assign(sh, kNaN);
  for (const ShelterId c : model.plan.closed_shelters) s.shelter_closed[c.index()] |= kShelterClosedByPlan;
  s.routes_dirty = true;
  init_hazards(model, s);
  init_warning(model, s);
  init_responders(model, s);
  record_row(model, s, 0.0);
  record_frame(model, s);
  return s;
}

}  // namespace

Simulation::Simulation(const Model& model, std::uint64_t seed)
    : model_(&model),
      state_(initial_state(model, seed)),
      movement_(model.movement == MovementKind::Micro
                    ? std::unique_ptr<MovementModel>(std::make_unique<MicroMovement>())
                    : std::make_unique<NetworkMovement>()) {
  movement_->reset(model, state_);
}

Simulation::~Simulation() = default;

bool Simulation::apply(const Intervention& iv) {
  const bool road = iv.kind == Intervention::Kind::CloseRoad || iv.kind == Intervention::Kind::OpenRoad;
  std::size_t limit = 0;
  if (is_hazard_intervention(iv.kind)) {
    for (const auto& h : model_->hazards) limit = std::max(limit, h->intervention_targets(*model_, iv.kind));
  } else {
    limit = is_plan_intervention(iv.kind) ? plan_intervention_targets(*model_, iv.kind)
            : road                        ? model_->world.streets.edge_count()
                                          : model_->world.shelters.size();
  }
  if (iv.target >= limit) return false;
  state_.pending.push_back(iv);
  state_.records.journal.push_back({state_.step, time(), iv});
  return true;
}

void Simulation::restore(const SimState& snapshot) {
  if (model_->movement != MovementKind::Micro) {
    state_ = snapshot;
    movement_->reset(*model_, state_);
    return;
  }
  // Box2D keeps what decides the next contacts outside SimState (warm-start impulses,
  // sleeping bodies, the order of its contact list), so bodies rebuilt from positions
  // and velocities walk on differently. A micro run therefore resumes by running again
  // from its start with the same seed, applying every intervention from outside at the
  // step it came in (the plan's scripted injects apply themselves), up to the
  // snapshot's step: the same state, and the same future, bit for bit. A snapshot that
  // no run of this model and seed reaches (one edited by hand, as tests do) is taken as
  // it is, its bodies rebuilt from positions and velocities.
  state_ = initial_state(*model_, snapshot.seed);
  movement_->reset(*model_, state_);
  const std::vector<JournalEntry>& journal = snapshot.records.journal;
  std::size_t j = 0;
  auto apply_due = [&] {
    for (; j < journal.size() && journal[j].step <= state_.step; ++j)
      if (!journal[j].scripted) apply(journal[j].intervention);
  };
  while (state_.step < snapshot.step) {
    apply_due();
    step();
  }
  apply_due();  // those still pending in the snapshot
  const SimState& r = state_;
  const SimState& s = snapshot;
  const bool same = r.step == s.step && r.status == s.status && r.position == s.position &&
                    r.velocity == s.velocity && same_floats(r.free_speed, s.free_speed) &&
                    same_floats(r.premove, s.premove) && same_floats(r.warned_time, s.warned_time) &&
                    same_floats(r.start_time, s.start_time) && same_floats(r.arrival_time, s.arrival_time) &&
                    r.occupancy == s.occupancy && r.shelter_closed == s.shelter_closed &&
                    r.pending.size() == s.pending.size();
  if (!same) {
    state_ = snapshot;
    movement_->reset(*model_, state_);
  }
}

bool Simulation::finished() const { return time() >= model_->run.duration || nothing_left(); }

bool Simulation::nothing_left() const {
  // Stranded residents (parked) wait to the end: a shelter opening later, a road or
  // shelter opened live, or a team may still get them out.
  if (!state_.active.empty() || !state_.parked.empty() || responders_busy(*model_, state_) ||
      state_.next_inject < model_->plan.injects.size())
    return false;
  for (std::size_t k = 0; k < model_->hazards.size(); ++k)
    if (model_->hazards[k]->active(state_.hazards[k].get(), time())) return false;
  return true;
}

void Simulation::run_until(double time_s) {
  const double end = std::min(time_s, model_->run.duration);
  while (time() + 0.5 * model_->run.dt < end && !nothing_left()) step();
}

void Simulation::run_to_end() {
  while (!finished()) step();
  // Close the timeline with the final state when the run ended between rows.
  if (state_.records.timeline.empty() || state_.records.timeline.back().time < time())
    record_row(*model_, state_, time());
}

// One step from t to t + dt: a pipeline of named phases, each timed into the profile.
void Simulation::step() {
  const Model& m = *model_;
  SimState& s = state_;
  const double t = time();
  auto timed = [](double& total, auto&& phase) {
    const auto t0 = Clock::now();
    phase();
    total += seconds_since(t0);
  };
  timed(profile_.injects, [&] { injects_phase(t); });
  timed(profile_.hazards, [&] { hazards_phase(m, s, t); });  // engine/hazards/hazards.hpp
  timed(profile_.warning, [&] { warning_phase(m, s, t); });  // engine/plan/warning.hpp
  timed(profile_.routing, [&] { decisions_phase(t); });
  timed(profile_.movement, [&] { movement_->step(m, s, t); });     // departures, walking, queues, arrivals
  timed(profile_.responders, [&] { responders_phase(m, s, t); });  // engine/plan/responders.hpp
  timed(profile_.shelters, [&] { bookkeeping_phase(); });
  timed(profile_.metrics, [&] { metrics_phase(); });
  ++profile_.steps;
}

// Injects: the plan's scripted ones now due (same entry point and journal as live
// ones), then every intervention queued since the last step takes effect.
void Simulation::injects_phase(double t) {
  const Model& m = *model_;
  SimState& s = state_;
  const auto& script = m.plan.injects;
  while (s.next_inject < script.size() && script[s.next_inject].time <= t + 1e-9 * m.run.dt)
    if (apply(script[s.next_inject++].intervention)) s.records.journal.back().scripted = true;
  for (const Intervention& iv : s.pending) {
    if (is_hazard_intervention(iv.kind)) {  // every hazard that takes it
      for (std::size_t k = 0; k < m.hazards.size(); ++k)
        if (m.hazards[k]->intervention_targets(m, iv.kind) > iv.target)
          m.hazards[k]->intervene(m, s.hazards[k].get(), iv, t);
      continue;
    }
    if (is_plan_intervention(iv.kind)) {
      apply_plan_intervention(m, s, iv, t);
      continue;
    }
    const std::uint8_t closed =
        iv.kind == Intervention::Kind::CloseRoad || iv.kind == Intervention::Kind::CloseShelter ? 1 : 0;
    if (iv.kind == Intervention::Kind::CloseRoad || iv.kind == Intervention::Kind::OpenRoad)
      s.edge_closed[iv.target] = closed;
    else if (closed)
      s.shelter_closed[iv.target] |= kShelterClosedByPlan;
    else  // reopens what the plan closed; a hazard's closure stays
      s.shelter_closed[iv.target] &= static_cast<std::uint8_t>(~kShelterClosedByPlan);
    s.routes_dirty = true;
  }
  s.pending.clear();
}

// Decisions: shelters opening now, closures and full shelters make the way-out fields
// stale; they are rebuilt once and the movement model told.
void Simulation::decisions_phase(double t) {
  const Model& m = *model_;
  SimState& s = state_;
  const double dt = m.run.dt;
  for (const ShelterSite& site : m.world.shelters)
    if (site.open_time > 0.0 && site.open_time <= t && site.open_time > t - dt) s.routes_dirty = true;
  if (!s.routes_dirty) return;
  rebuild_routes(m, s, t);
  // The stranded try again on the new routes (and are parked again if still stuck).
  s.active.insert(s.active.end(), s.parked.begin(), s.parked.end());
  s.leaving = s.leaving || !s.parked.empty();  // some may stay stranded
  s.parked.clear();
  movement_->routes_changed(m, s, t);
  // Shelters a hazard made unsafe: everyone inside leaves by the door and walks on
  // along the rebuilt fields (in resident order, for determinism).
  if (s.evacuating.empty()) return;
  for (const ShelterId sh : s.evacuating)
    for (std::size_t i = 0; i < s.status.size(); ++i)
      if (s.status[i] == Status::Sheltered && s.shelter[i] == sh)
        movement_->release_from_shelter(m, s, ResidentId{i}, t);
  s.evacuating.clear();
}

// Bookkeeping: residents who can no longer change state leave the active list; with
// the network model, stranded residents wait off it until the routes change.
void Simulation::bookkeeping_phase() {
  SimState& s = state_;
  if (!s.leaving) return;
  s.leaving = false;
  const bool park = model_->movement == MovementKind::Network;
  std::erase_if(s.active, [&](ResidentId r) {
    const Status st = s.status[r.index()];
    if (park && st == Status::Stranded) {
      s.parked.push_back(r);
      return true;
    }
    return st == Status::Sheltered || st == Status::WaitingForHelp;
  });
}

// Metrics and clock: the step count advances; a timeline row every timeline_interval.
void Simulation::metrics_phase() {
  ++state_.step;
  if (state_.step % steps_per_row(model_->run) == 0) record_row(*model_, state_, time());
  if (model_->run.trajectory_framerate > 0.0 && state_.step % steps_per_frame(model_->run) == 0)
    record_frame(*model_, state_);
}

}  // namespace ss
