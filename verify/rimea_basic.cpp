// RiMEA 1, 5 and 7 (RiMEA 3.0 guideline, test cases 1, 5 and 7): single walkers,
// pre-movement times and the age-dependent speed distribution.
#include <algorithm>
#include <cmath>

#include "engine/core/resident_draws.hpp"
#include "engine/scenes/builders.hpp"
#include "engine/scenes/micro_builders.hpp"
#include "verify/tests.hpp"

namespace ss::verify {

using builders::rect;

Result rimea_1(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("RiMEA 1"), mc);
  Model m;
  if (mc == ModelChoice::Micro) {
    m = builders::micro_area({rect(-1.0, 0.0, 41.0, 2.0)});
    builders::add_exit(m, rect(40.0, 0.0, 41.0, 2.0), "end");
    builders::add_residents(m, {0.0, 1.0}, 1, 30);
  } else {
    m = builders::corridor(40.0, 2.0);
    builders::add_residents(m, {0.0, 0.0}, 1, 30);
    m.run.dt = 0.1;
  }
  builders::instant_departure(m);
  m.run.duration = 120.0;
  calibrate(m, o);
  m.finalize();
  Simulation sim(m, o.seed);
  const float v0[] = {1.33f};  // RiMEA 1: free speed 1.33 m/s
  override_draws(sim, v0, {});
  run(sim);
  const SimState& s = sim.state();
  const double t = static_cast<double>(s.arrival_time[0]) - s.start_time[0];
  r.measured = fmt("%.1f s for 40 m", t);
  r.criterion = "26 s <= t <= 34 s";
  r.pass = t >= 26.0 && t <= 34.0;
  r.values = {{"travel_time_s", t}};
  return r;
}

Result rimea_5(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("RiMEA 5"), mc);
  Model m;
  if (mc == ModelChoice::Micro) {
    // Room 8 m × 5 m with a 1 m exit in the east wall (a line exit across its channel).
    m = builders::micro_room_with_door(8.0, 5.0, 1.0);
    for (int k = 0; k < 10; ++k)
      builders::add_residents(m, {1.0 + (k % 5) * 1.5, 1.5 + (k / 5) * 2.0}, 1, 30);
  } else {
    m = builders::corridor(20.0, 2.0);
    builders::add_residents(m, {0.0, 0.0}, 10, 30);
    m.run.dt = 0.5;
  }
  m.run.duration = 200.0;
  calibrate(m, o);
  m.finalize();
  Simulation sim(m, o.seed);
  std::vector<float> premove(10);
  for (int k = 0; k < 10; ++k) premove[k] = 10.0f * static_cast<float>(k + 1);  // 10, 20 ... 100 s
  override_draws(sim, {}, premove);
  run(sim);
  const SimState& s = sim.state();
  double worst = 0.0;
  int started = 0;
  for (int k = 0; k < 10; ++k) {
    if (std::isnan(s.start_time[k])) continue;
    ++started;
    worst = std::max(worst, std::fabs(static_cast<double>(s.start_time[k]) - s.warned_time[k] - premove[k]));
  }
  r.measured = fmt("%d/10 started, latest %.2f s off (dt %.2f s)", started, worst, m.run.dt);
  r.criterion = "all start within one step of their time";
  r.pass = started == 10 && worst <= m.run.dt + 1e-6;
  r.values = {{"started", started}, {"max_offset_s", worst}, {"dt_s", m.run.dt}};
  return r;
}

Result rimea_7(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("RiMEA 7"), mc);
  constexpr int kGroups = 7, kPer = 50;  // ages 20, 30 ... 80; 50 persons each
  const int n = kGroups * kPer;
  Model m;
  double t1 = 0, t2 = 0;
  if (mc == ModelChoice::Micro) {
    // A hall of parallel lanes 1 m apart: nobody is within reach of anyone else.
    m = builders::micro_area({rect(0.0, 0.0, 22.0, n)});
    builders::add_exit(m, rect(21.0, 0.0, 22.0, n), "east");
    for (int k = 0; k < n; ++k) builders::add_residents(m, {0.5, k + 0.5}, 1, 20 + 10 * (k / kPer));
    t1 = 3.0;
    t2 = 8.0;
  } else {
    m = builders::corridor(1000.0, 10.0);
    // Homes 0.5 m along the street so everyone walks away from node 0 at once.
    for (int k = 0; k < n; ++k) builders::add_residents(m, {0.5, 0.0}, 1, 20 + 10 * (k / kPer));
    t1 = 10.0;
    t2 = 60.0;
  }
  m.params.residents.premove_median = 0.0;
  m.run.duration = 120.0;
  calibrate(m, o);
  m.finalize();
  Simulation sim(m, o.seed);
  sim.run_until(t1);
  const std::vector<float> d1 = sim.state().distance;
  sim.run_until(t2);
  const SimState& s = sim.state();
  double worst_rel = 0.0;
  bool groups_ok = true;
  std::string means;
  for (int g = 0; g < kGroups; ++g) {
    double sum = 0.0;
    for (int k = g * kPer; k < (g + 1) * kPer; ++k) {
      const double v = (s.distance[k] - d1[k]) / (t2 - t1);
      worst_rel = std::max(worst_rel, std::fabs(v - s.free_speed[k]) / s.free_speed[k]);
      sum += v;
    }
    const double mean = sum / kPer;
    const int age = 20 + 10 * g;
    const double table = mean_free_speed(age, Mobility::Walks, m.params.residents);
    // Sample mean of 50 draws: standard error sd/sqrt(50), sd scaled as in the draws.
    const double se = m.params.residents.speed_sd * table / 1.34 / std::sqrt(static_cast<double>(kPer));
    groups_ok = groups_ok && std::fabs(mean - table) <= 3.0 * se;
    means += fmt("%s%d:%.2f/%.2f", g ? " " : "", age, mean, table);
    r.values.emplace_back(fmt("mean_speed_age_%d", age), mean);
  }
  r.measured = fmt("mean/table m/s %s; max |v-v0|/v0 %.1f%%", means.c_str(), 100.0 * worst_rel);
  r.criterion = "each walks at its drawn speed (5%); group means within 3 SE of Weidmann";
  r.pass = worst_rel <= 0.05 && groups_ok;
  r.values.emplace_back("max_relative_deviation", worst_rel);
  return r;
}

}  // namespace ss::verify
