// Quickest-exit choice of the micro model (MicroParams::quickest_exit): walkers turn
// from a crowded exit to a free one, after the quickest-path idea of Kemloh Wagoum,
// Seyfried & Holl 2012 (Adv. Complex Syst. 15): each walker's time to leave by an
// exit is the longer of walking there and the exit passing those ahead of it.
#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/movement/micro/micro_movement.hpp"
#include "engine/routing/navigation.hpp"

namespace ss {

void MicroMovement::choose_exits(const Model& model, const SimState& state, double t) {
  if (to_exit_.empty() || t < next_choice_ - 1e-9) return;
  const MicroParams& p = model.params.micro;
  next_choice_ = t + p.exit_choice_interval;
  const MicroGrid& grid = model.micro.grid;
  const std::size_t ne = to_exit_.size();
  constexpr float kInf = std::numeric_limits<float>::infinity();

  // Who chooses: walkers on their feet with no exit of their own (an assigned exit is
  // kept, RiMEA 10; wheelchairs keep the nearest step-free exit).
  std::vector<ResidentId> who;
  for (const ResidentId r : state.active) {
    const std::size_t i = r.index();
    if (body_[i] == nullptr || state.status[i] != Status::Moving) continue;
    if (model.population.mobility[i] == Mobility::Wheelchair || state.assigned[i].valid()) continue;
    who.push_back(r);
  }
  // Field distance of each to every open exit, read from the frozen positions, and
  // the exit each walks to now (its choice, else the nearest).
  std::vector<float> dist(who.size() * ne, kInf);
  std::vector<int> cur(who.size(), -1);
  std::vector<std::vector<float>> queue(ne);  // field distances of those walking to each exit, sorted
  for (std::size_t k = 0; k < who.size(); ++k) {
    const std::size_t i = who[k].index();
    for (std::size_t e = 0; e < ne; ++e)
      if (exit_open_[e]) dist[k * ne + e] = field_value(grid, to_exit_[e], state.position[i]);
    int c = choice_[i];
    if (c < 0 || !exit_open_[static_cast<std::size_t>(c)] || !std::isfinite(dist[k * ne + c])) {
      c = -1;
      for (std::size_t e = 0; e < ne; ++e)
        if (std::isfinite(dist[k * ne + e]) && (c < 0 || dist[k * ne + e] < dist[k * ne + c]))
          c = static_cast<int>(e);
    }
    cur[k] = c;
    if (c >= 0) queue[static_cast<std::size_t>(c)].push_back(dist[k * ne + c]);
  }
  for (std::vector<float>& q : queue) std::sort(q.begin(), q.end());

  // Decisions in resident order, each seeing the ones before it (a walker turning to
  // an exit joins its queue at once, so the next does not follow blindly).
  for (std::size_t k = 0; k < who.size(); ++k) {
    const int c = cur[k];
    if (c < 0) continue;
    const std::size_t i = who[k].index();
    const double v0 = std::max(0.1, static_cast<double>(state.free_speed[i]));
    auto time_by = [&](std::size_t e) {
      const float d = dist[k * ne + e];
      if (!std::isfinite(d) || !(exit_width_[e] > 0.0f)) return std::numeric_limits<double>::infinity();
      const std::vector<float>& q = queue[e];
      const auto ahead = static_cast<double>(std::lower_bound(q.begin(), q.end(), d) - q.begin());
      return std::max(d / v0, ahead / (p.exit_specific_flow * exit_width_[e]));
    };
    const double now = time_by(static_cast<std::size_t>(c));
    std::size_t best = static_cast<std::size_t>(c);
    double best_time = now;
    for (std::size_t e = 0; e < ne; ++e)
      if (const double te = time_by(e); te < best_time) {
        best = e;
        best_time = te;
      }
    if (best != static_cast<std::size_t>(c) &&
        now - best_time > std::max(p.exit_switch_min, p.exit_switch_share * now)) {
      std::vector<float>& from = queue[static_cast<std::size_t>(c)];
      from.erase(std::lower_bound(from.begin(), from.end(), dist[k * ne + c]));
      std::vector<float>& to = queue[best];
      to.insert(std::upper_bound(to.begin(), to.end(), dist[k * ne + best]), dist[k * ne + best]);
      choice_[i] = static_cast<std::int16_t>(best);
    } else {
      choice_[i] = static_cast<std::int16_t>(c);
    }
  }
}

}  // namespace ss
