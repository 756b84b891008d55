#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <stdexcept>

#include "verify/tests.hpp"

namespace ss::verify {

const char* to_string(ModelChoice m) {
  switch (m) {
    case ModelChoice::Network: return "network";
    case ModelChoice::Micro: return "micro";
    case ModelChoice::Fire: return "fire";
  }
  return "?";
}

const std::vector<TestDef>& all_tests() {
  static const std::vector<TestDef> defs = {
      {"RiMEA 1", "one person walks 40 m of a 2 m corridor at 1.33 m/s", true, true, rimea_1},
      {"RiMEA 2", "one person walks up a 10 m (along the slope) staircase at the model's stair speed", true,
       true, rimea_2},
      {"RiMEA 3", "one person walks down a 10 m (along the slope) staircase at the model's stair speed", true,
       true, rimea_3},
      {"RiMEA 4", "speed-density relation in a corridor against Weidmann (1993)", true, true, rimea_4},
      {"RiMEA 5", "10 persons start moving at their pre-movement times 10, 20 ... 100 s", true, true,
       rimea_5},
      {"RiMEA 6", "20 persons round a 90 degree left turn without passing through walls", false, true,
       rimea_6},
      {"RiMEA 7", "walking speeds of 50 persons per age group follow the Weidmann age curve", true, true,
       rimea_7},
      {"RiMEA 10", "23 persons in 12 rooms each leave by their assigned exit", false, true, rimea_10},
      {"RiMEA 11", "200 persons near one of two exits 14 m apart: the second exit is used", false, true,
       rimea_11},
      {"RiMEA 12", "congestion forms before the corridor, not at the final exit", true, true, rimea_12},
      {"IMO 4", "100 persons leave an 8 m x 5 m room through a 1 m door at no more than 1.33 P/s", true, true,
       imo_4},
      {"FZJ AO-300", "flow through the 3.0 m FZJ bottleneck (348 people) against the measurement", false,
       true, fzj_bottleneck},
      {"Trajectories",
       "N-t flow at the door from the written trajectories equals the exit count's (IMO 4 room)", false, true,
       trajectory_flow},
      {"Bottleneck widths",
       "flow through 0.8-2.5 m bottlenecks (2.8 m long) against Seyfried et al. 2009 and Liddle et al. 2011",
       false, true, bottleneck_widths},
      {"Narrow gaps (Kretz 2006)",
       "60 persons through 0.4 m and 0.5 m gaps, passed sideways, against Kretz et al. 2006", false, true,
       kretz_narrow_gaps},
      {"Hamada 1", "spread down/cross/upwind, 41 x 41 blocks a 10 m, d 3 m, V 0 m/s, fr 0", false, false,
       fire_hamada_1, true},
      {"Hamada 2", "spread down/cross/upwind, 41 x 41 blocks a 10 m, d 3 m, V 5 m/s, fr 0", false, false,
       fire_hamada_2, true},
      {"Hamada 3", "spread down/cross/upwind, 41 x 41 blocks a 12 m, d 6 m, V 10 m/s, fr 0.3", false, false,
       fire_hamada_3, true},
      {"Hamada 4", "spread down/cross/upwind, 41 x 41 blocks a 8 m, d 2 m, V 15 m/s, fr 1", false, false,
       fire_hamada_4, true},
      {"Firebreak", "fire does not cross a gap 1 m wider than max_gap at 0, 10, 20 m/s", false, false,
       fire_firebreak, true},
      {"Wind doubling", "downwind spread at 10 vs 5 m/s follows Hamada's wind terms (a 10 m, d 3 m)", false,
       false, fire_wind_doubling, true},
      {"Fire determinism",
       "two runs of one seed (scheduled + 3 random ignitions, veering wind) agree bitwise", false, false,
       fire_deterministic, true},
  };
  return defs;
}

const TestDef& def_of(const std::string& id) {
  for (const TestDef& d : all_tests())
    if (d.id == id) return d;
  throw std::logic_error("unknown verification test " + id);
}

Result make_result(const TestDef& def, ModelChoice m) {
  Result r;
  r.id = def.id;
  r.checks = def.checks;
  r.model = m;
  return r;
}

std::vector<Result> run_all(std::span<const ModelChoice> models, const Options& opt, std::string_view only) {
  std::vector<Result> out;
  for (const ModelChoice m : models)
    for (const TestDef& d : all_tests())
      if ((only.empty() || d.id.find(only) != std::string::npos) &&
          ((m == ModelChoice::Network && d.network) || (m == ModelChoice::Micro && d.micro) ||
           (m == ModelChoice::Fire && d.fire))) {
        out.push_back(d.run(m, opt));
        if (m == ModelChoice::Micro) out.back().calibration = to_string(opt.calibration);
      }
  return out;
}

MicroParams micro_params(const Options& o) {
  MicroParams p;
  apply_micro_calibration(p, o.calibration);
  return p;
}

void calibrate(Model& m, const Options& o) { apply_micro_calibration(m.params.micro, o.calibration); }

void override_draws(Simulation& sim, std::span<const float> free_speed, std::span<const float> premove) {
  // Pre-movement delays count from the warning, which the first step issues (the
  // tests warn at 0 s), so they are replaced after it; the default draws (minutes)
  // let nobody leave within that first step.
  if (!premove.empty()) sim.step();
  SimState s = sim.state();
  if (!free_speed.empty()) s.free_speed.assign(free_speed.begin(), free_speed.end());
  if (!premove.empty()) s.premove.assign(premove.begin(), premove.end());
  sim.restore(s);
}

void run(Simulation& sim, const std::function<void(const SimState&)>& each) {
  while (!sim.finished()) {
    sim.step();
    if (each) each(sim.state());
  }
}

std::vector<double> arrival_times(const SimState& s) {
  std::vector<double> out;
  for (const float t : s.arrival_time)
    if (!std::isnan(t)) out.push_back(t);
  return out;
}

double flow_10_90(std::vector<double> arrivals, std::size_t total) {
  std::sort(arrivals.begin(), arrivals.end());
  const auto k10 = static_cast<std::size_t>(std::ceil(0.1 * static_cast<double>(total)));
  const auto k90 = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(total)));
  if (k10 == 0 || k90 > arrivals.size() || k90 <= k10) return 0.0;
  const double span = arrivals[k90 - 1] - arrivals[k10 - 1];
  return span > 0.0 ? static_cast<double>(k90 - k10) / span : 0.0;
}

std::string fmt(const char* format, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, format);
  std::vsnprintf(buf, sizeof buf, format, ap);
  va_end(ap);
  return buf;
}

}  // namespace ss::verify
