// RiMEA 2 and 3 (RiMEA 3.0 guideline, test cases 2 and 3): one person walks up and
// down a staircase 2 m wide and 10 m long measured along its slope, at the speed the
// model assigns on stairs (engine/world/slope.hpp), which the travel time must show.
#include <algorithm>
#include <cmath>

#include "engine/scenes/builders.hpp"
#include "engine/world/slope.hpp"
#include "verify/tests.hpp"

namespace ss::verify {

namespace {

constexpr double kAlong = 10.0;      // m, RiMEA 2/3: the stair's length measured along its slope
constexpr double kWidth = 2.0;       // m
constexpr float kFreeSpeed = 1.33f;  // m/s, the level free speed of RiMEA 1
constexpr double kStart = 0.001;     // m of the stair's horizontal run behind the person at the start

Result staircase_test(const char* id, StairWay way, const Options& o) {
  Result r = make_result(def_of(id), ModelChoice::Network);
  Model m = builders::staircase(kAlong, kWidth, way == StairWay::Up);
  // The door opens onto the first millimetre of the stair: one opening onto the
  // junction itself would first wait there for the junction's flow credit (0.4 s at
  // dt 0.1 s on 2 m, as in RiMEA 1), which is not the stair's doing.
  builders::add_residents(m, {kStart, 0.0}, 1, 30);
  builders::instant_departure(m);
  m.run.dt = 0.1;
  m.run.duration = 120.0;
  m.finalize();
  Simulation sim(m, o.seed);
  const float v0[] = {kFreeSpeed};
  override_draws(sim, v0, {});
  run(sim);
  const SimState& s = sim.state();
  const double t = static_cast<double>(s.arrival_time[0]) - s.start_time[0];
  // Hand calculation from the stair speeds' constants: SFPE free-flow speed along the
  // stair k (1 − 0.266 × 0.54) with k = 1.08 m/s, times Fruin's up/down ratio going up;
  // an adult walking at 1.33 m/s on the level is not held back by their own speed.
  const double along = kStairFreeSpeed * (way == StairWay::Up ? kStairUpOverDown : 1.0);
  const double cos_stair = kStepTread / std::hypot(kStepTread, kStepRiser);
  const double hand = (kAlong - kStart / cos_stair) / std::min(along, static_cast<double>(kFreeSpeed));
  r.measured = fmt("%.2f s for %.0f m (%.3f m/s along the stair)", t, kAlong, kAlong / t);
  r.criterion = fmt("%.2f s +- %.1f s (one step): %.0f m at %.3f m/s", hand, m.run.dt, kAlong, along);
  r.pass = std::isfinite(t) && std::fabs(t - hand) <= m.run.dt + 1e-6;
  r.values = {{"travel_time_s", t}, {"hand_time_s", hand}, {"stair_speed_mps", along}, {"dt_s", m.run.dt}};
  return r;
}

}  // namespace

Result rimea_2(ModelChoice, const Options& o) { return staircase_test("RiMEA 2", StairWay::Up, o); }
Result rimea_3(ModelChoice, const Options& o) { return staircase_test("RiMEA 3", StairWay::Down, o); }

}  // namespace ss::verify
