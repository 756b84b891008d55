// The jam watch of the micro model: a crowd that has stopped while people remain
// (nobody reaches an exit, nobody comes nearer one) is reported with its place
// instead of waiting silently until the run's time is up. A queue that still moves
// (arrivals, or the walkers closing up) is no jam.
#include <cmath>
#include <limits>
#include <numeric>

#include "engine/movement/micro/micro_movement.hpp"

namespace ss {

void MicroMovement::watch_jams(const Model& model, SimState& state, double t) {
  const MicroParams& p = model.params.micro;
  if (model.micro.periodic_x || t - jam_window_start_ < p.jam_time - 1e-9) return;
  const std::int64_t arrived = std::accumulate(state.arrivals.begin(), state.arrivals.end(), std::int64_t{0});
  double progress = 0.0;
  std::uint32_t people = 0;
  Vec2 sum, lo{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()},
      hi = lo * -1.0;
  std::vector<float> now(jam_t_.size(), std::numeric_limits<float>::quiet_NaN());
  for (const ResidentId r : state.active) {
    const std::size_t i = r.index();
    if (body_[i] == nullptr || state.status[i] != Status::Moving) continue;
    const MicroField* f = field_for(model, state, r, t);
    const float v =
        f ? field_value(model.micro.grid, *f, state.position[i]) : std::numeric_limits<float>::infinity();
    now[i] = v;
    if (!std::isfinite(v) || !std::isfinite(jam_t_[i])) continue;
    progress += static_cast<double>(jam_t_[i]) - v;
    ++people;
    const Vec2 q = state.position[i];
    sum = sum + q;
    lo = {std::min(lo.x, q.x), std::min(lo.y, q.y)};
    hi = {std::max(hi.x, q.x), std::max(hi.y, q.y)};
  }
  const bool stopped = jam_arrivals_ == arrived && people > 0 && progress < p.jam_progress * people;
  if (stopped && !jam_reported_)
    state.records.jams.push_back({jam_window_start_, t, people, sum * (1.0 / people), lo, hi});
  jam_reported_ = stopped;
  jam_t_ = std::move(now);
  jam_arrivals_ = arrived;
  jam_window_start_ = t;
}

}  // namespace ss
