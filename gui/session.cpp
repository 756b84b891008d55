#include "gui/session.hpp"

#include <algorithm>
#include <cmath>

namespace ss::gui {
namespace {
using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
}  // namespace

Session::~Session() {
  // A load still running holds no reference to this session; wait so its thread
  // does not outlive the process' static destructors.
  if (pending_.valid()) pending_.wait();
}

void Session::load(SceneSource src, std::optional<std::uint64_t> seed) {
  if (pending_.valid()) pending_.wait();  // one load at a time; the newest wins
  pending_source_ = src;
  pending_seed_ = seed;
  load_start_ = Clock::now();
  pending_ = std::async(std::launch::async, [src] { return load_scene(src); });
}

Session::PollResult Session::poll() {
  PollResult r;
  if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return r;
  r.seconds = since(load_start_);
  try {
    LoadedScene scene = pending_.get();
    source_ = pending_source_;
    install(std::move(scene), pending_seed_);
    r.loaded = true;
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  return r;
}

void Session::install(LoadedScene scene, std::optional<std::uint64_t> seed) {
  // Order matters: the simulation and the index point into the model.
  sim_.reset();
  streets_ = EdgeIndex();
  model_ = std::move(scene.model);
  name_ = std::move(scene.name);
  variants_ = std::move(scene.variants);
  inputs_ = std::move(scene.inputs);
  problems_ = std::move(scene.problems);
  streets_ = EdgeIndex(model_->world.streets);
  group_sizes_.assign(GroupIndex::kCount, 0);
  const Population& p = model_->population;
  for (std::size_t i = 0; i < p.size(); ++i) {
    ++group_sizes_[GroupIndex::of_age(age_band(p.age[i]))];
    ++group_sizes_[GroupIndex::of_mobility(p.mobility[i])];
    ++group_sizes_[GroupIndex::of_alone(p.lives_alone[i] != 0)];
  }
  ++generation_;
  restart(seed.value_or(model_->run.seed));
}

void Session::restart(std::uint64_t seed) {
  if (!model_) return;
  seed_ = seed;
  debt_ = 0.0;
  sim_.reset();
  sim_ = std::make_unique<Simulation>(*model_, seed);
}

AdvanceResult Session::advance(double wall_dt, double speed, double budget_s, double stop_at) {
  AdvanceResult r;
  if (!sim_) return r;
  const double dt = model_->run.dt;
  const bool unlimited = !std::isfinite(speed);
  debt_ += unlimited ? 0.0 : wall_dt * speed;
  const Clock::time_point t0 = Clock::now();
  while ((unlimited || debt_ >= dt) && !sim_->finished() && sim_->time() + 0.5 * dt < stop_at) {
    sim_->step();
    ++r.steps;
    debt_ -= unlimited ? 0.0 : dt;
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
  if (sim_ && !sim_->finished()) sim_->step();
}

bool Session::apply(const Intervention& iv) { return sim_ && sim_->apply(iv); }

}  // namespace ss::gui
