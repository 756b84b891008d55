#include "gui/session.hpp"

#include <algorithm>
#include <cmath>

#include "i18n/error_text.hpp"

namespace ss::gui {
namespace {
using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
}  // namespace

void LoadProgress::begin(std::string stage) {
  const std::lock_guard lock(mutex_);
  const double now = since(start_);
  if (!stages_.empty() && stages_.back().seconds < 0) stages_.back().seconds = now - stages_.back().start;
  stages_.push_back({std::move(stage), now, -1.0});
}

void LoadProgress::finish() {
  const std::lock_guard lock(mutex_);
  if (!stages_.empty() && stages_.back().seconds < 0)
    stages_.back().seconds = since(start_) - stages_.back().start;
}

std::vector<LoadStage> LoadProgress::snapshot() const {
  const std::lock_guard lock(mutex_);
  return stages_;
}

Session::~Session() {
  // A load still running holds no reference to this session; wait so its thread
  // does not outlive the process' static destructors.
  if (pending_.valid()) pending_.wait();
}

void Session::load(SceneSource src, std::optional<std::uint64_t> seed) {
  if (pending_.valid()) pending_.wait();  // one load at a time; the newest wins
  pending_source_ = src;
  load_start_ = Clock::now();
  progress_ = std::make_shared<LoadProgress>();
  // The thread gets its own copies and the shared progress only: it never touches
  // the session, whose scene stays on screen meanwhile.
  pending_ = std::async(std::launch::async, [src, seed, progress = progress_] {
    try {
      Prepared p = prepare(src, seed, *progress);
      progress->finish();
      return p;
    } catch (...) {
      progress->finish();
      throw;
    }
  });
}

std::vector<LoadStage> Session::loading_stages() const {
  return progress_ && loading() ? progress_->snapshot() : std::vector<LoadStage>{};
}

double Session::loading_seconds() const { return loading() ? since(load_start_) : 0.0; }

Session::PollResult Session::poll() {
  PollResult r;
  if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return r;
  r.seconds = since(load_start_);
  last_load_ = progress_ ? progress_->snapshot() : std::vector<LoadStage>{};
  try {
    Prepared p = pending_.get();
    source_ = pending_source_;
    install(std::move(p));
    r.loaded = true;
  } catch (const std::exception& e) {
    // A scenario's InputError keeps file:line: field:, its message in the chosen language.
    r.error = i18n::error_text(e);
  }
  return r;
}

Session::Prepared Session::prepare(const SceneSource& src, std::optional<std::uint64_t> seed,
                                   LoadProgress& progress) {
  Prepared p;
  p.scene = load_scene(src, [&](const std::string& stage) { progress.begin(stage); });
  const Model& m = *p.scene.model;
  progress.begin("street index and resident groups");
  p.streets = EdgeIndex(m.world.streets);
  p.group_sizes.assign(GroupIndex::kCount, 0);
  const Population& pop = m.population;
  for (std::size_t i = 0; i < pop.size(); ++i) {
    ++p.group_sizes[GroupIndex::of_age(age_band(pop.age[i]))];
    ++p.group_sizes[GroupIndex::of_mobility(pop.mobility[i])];
    ++p.group_sizes[GroupIndex::of_alone(pop.lives_alone[i] != 0)];
  }
  // The run's first state: the same Simulation(model, seed) a restart builds, so a
  // scene loaded in the background runs exactly as one built on the UI thread.
  progress.begin("the run's first state");
  p.seed = seed.value_or(m.run.seed);
  p.sim = std::make_unique<Simulation>(m, p.seed);
  return p;
}

void Session::install(Prepared p) {
  // Order matters: the simulation and the index point into the model, which the
  // unique_ptr keeps at the address they were built with.
  sim_.reset();
  streets_ = EdgeIndex();
  model_ = std::move(p.scene.model);
  name_ = std::move(p.scene.name);
  variants_ = std::move(p.scene.variants);
  inputs_ = std::move(p.scene.inputs);
  problems_ = std::move(p.scene.problems);
  notes_ = std::move(p.scene.notes);
  streets_ = std::move(p.streets);
  group_sizes_ = std::move(p.group_sizes);
  ++generation_;
  seed_ = p.seed;
  debt_ = 0.0;
  sim_ = std::move(p.sim);
  history_.reset(*sim_);
}

void Session::restart(std::uint64_t seed) {
  if (!model_) return;
  seed_ = seed;
  debt_ = 0.0;
  sim_.reset();
  sim_ = std::make_unique<Simulation>(*model_, seed);
  history_.reset(*sim_);
}

AdvanceResult Session::advance(double wall_dt, double speed, double budget_s, double stop_at) {
  AdvanceResult r;
  if (!sim_) return r;
  const double dt = model_->run.dt;
  const bool unlimited = !std::isfinite(speed);
  debt_ += unlimited ? 0.0 : wall_dt * speed;
  const Clock::time_point t0 = Clock::now();
  while ((unlimited || debt_ >= dt) && !sim_->finished() && sim_->time() + 0.5 * dt < stop_at) {
    history_.step(*sim_);
    ++r.steps;
    debt_ -= unlimited ? 0.0 : dt;
    if (after_step && after_step(*sim_)) {
      debt_ = 0.0;
      break;
    }
    if (since(t0) > budget_s) {
      r.capped = !unlimited;
      break;
    }
  }
  if (r.capped || sim_->finished() || sim_->time() + 0.5 * dt >= stop_at) debt_ = std::min(debt_, dt);
  r.wall_s = since(t0);
  return r;
}

void Session::step() {
  if (!sim_ || sim_->finished()) return;
  history_.step(*sim_);
  if (after_step) after_step(*sim_);
}

bool Session::apply(const Intervention& iv) {
  if (!sim_ || !sim_->apply(iv)) return false;
  if (applied) applied(iv);
  history_.sync(*sim_);
  return true;
}

JumpResult Session::jump(double time_s) {
  if (!sim_) return {};
  debt_ = 0.0;
  return history_.jump(*sim_, time_s);
}

}  // namespace ss::gui
