// RiMEA 2 and 3 (RiMEA 3.0 guideline, test cases 2 and 3): one person walks up and
// down a staircase 2 m wide and 10 m long measured along its slope, at the speed the
// model assigns on stairs (engine/world/slope.hpp), which the travel time must show.
// Network model: a stair edge; micro model: a stair area of the floor plan
// (engine/movement/micro/micro_stairs.hpp) 2 m wide and 10 m × cos 30.4° long.
#include <algorithm>
#include <cmath>

#include "engine/scenes/builders.hpp"
#include "engine/scenes/micro_builders.hpp"
#include "engine/world/slope.hpp"
#include "verify/tests.hpp"

namespace ss::verify {

namespace {

constexpr double kAlong = 10.0;      // m, RiMEA 2/3: the stair's length measured along its slope
constexpr double kWidth = 2.0;       // m
constexpr float kFreeSpeed = 1.33f;  // m/s, the level free speed of RiMEA 1
constexpr double kStart = 0.001;     // m of the stair's horizontal run behind the person at the start

// Hand calculation from the stair speeds' constants: SFPE free-flow speed along the
// stair k (1 − 0.266 × 0.54) with k = 1.08 m/s, times Fruin's up/down ratio going up;
// an adult walking at 1.33 m/s on the level is not held back by their own speed.
double stair_speed(StairWay way) { return kStairFreeSpeed * (way == StairWay::Up ? kStairUpOverDown : 1.0); }

const double kCosStair = kStepTread / std::hypot(kStepTread, kStepRiser);

// The travel time of the model's one resident, who sets off at once at kFreeSpeed:
// from stepping out to arriving (s; NaN when they never arrive).
double one_walker_time(Model& m, const Options& o) {
  builders::instant_departure(m);
  calibrate(m, o);
  m.finalize();
  Simulation sim(m, o.seed);
  const float v0[] = {kFreeSpeed};
  override_draws(sim, v0, {});
  run(sim);
  const SimState& s = sim.state();
  return static_cast<double>(s.arrival_time[0]) - s.start_time[0];
}

Result network_staircase(const char* id, StairWay way, const Options& o) {
  Result r = make_result(def_of(id), ModelChoice::Network);
  Model m = builders::staircase(kAlong, kWidth, way == StairWay::Up);
  // The door opens onto the first millimetre of the stair: one opening onto the
  // junction itself would first wait there for the junction's flow credit (0.4 s at
  // dt 0.1 s on 2 m, as in RiMEA 1), which is not the stair's doing.
  builders::add_residents(m, {kStart, 0.0}, 1, 30);
  m.run.dt = 0.1;
  m.run.duration = 120.0;
  const double t = one_walker_time(m, o);
  const double along = stair_speed(way);
  const double hand = (kAlong - kStart / kCosStair) / std::min(along, static_cast<double>(kFreeSpeed));
  r.measured = fmt("%.2f s for %.0f m (%.3f m/s along the stair)", t, kAlong, kAlong / t);
  r.criterion = fmt("%.2f s +- %.1f s (one step): %.0f m at %.3f m/s", hand, m.run.dt, kAlong, along);
  r.pass = std::isfinite(t) && std::fabs(t - hand) <= m.run.dt + 1e-6;
  r.values = {{"travel_time_s", t}, {"hand_time_s", hand}, {"stair_speed_mps", along}, {"dt_s", m.run.dt}};
  return r;
}

// The micro model: a corridor 2 m wide with a 1 m landing, the stair's horizontal run
// and the exit at its far end. The body starts from standing at the stair's first
// centimetre and is counted on arrival when its centre enters the exit; the driving
// force takes it to speed with the relaxation time τ (MicroParams::relaxation_time), so it lags a
// walker already at speed by at most τ. Criterion: hand ≤ t ≤ hand + τ + one step.
Result micro_staircase(const char* id, StairWay way, const Options& o) {
  Result r = make_result(def_of(id), ModelChoice::Micro);
  const double run_h = kAlong * kCosStair;  // m, the stair's horizontal run
  const double start = 0.01;                // m into the stair
  Model m = builders::micro_area({builders::rect(-1.0, 0.0, run_h + 1.0, kWidth)});
  builders::add_exit(m, builders::rect(run_h, 0.0, run_h + 1.0, kWidth), "top");
  MicroStair stair;
  stair.area = builders::rect(0.0, 0.0, run_h, kWidth);
  stair.up = way == StairWay::Up ? Vec2{1.0, 0.0} : Vec2{-1.0, 0.0};  // walked towards +x
  stair.name = "stair";
  m.micro.stairs.push_back(stair);
  builders::add_residents(m, {start, 0.5 * kWidth}, 1, 30);
  m.run.duration = 120.0;
  const double t = one_walker_time(m, o);
  const double along = stair_speed(way);
  const double hand = (run_h - start) / (std::min(along, static_cast<double>(kFreeSpeed)) * kCosStair);
  const double tau = m.params.micro.relaxation_time;
  r.measured = fmt("%.2f s for %.0f m (%.3f m/s along the stair)", t, kAlong, kAlong / t);
  r.criterion = fmt("%.2f s <= t <= %.2f s (hand + tau %.2f s + one step %.1f s): %.0f m at %.3f m/s", hand,
                    hand + tau + m.run.dt, tau, m.run.dt, kAlong, along);
  r.pass = std::isfinite(t) && t >= hand - 1e-6 && t <= hand + tau + m.run.dt + 1e-6;
  r.values = {{"travel_time_s", t}, {"hand_time_s", hand}, {"stair_speed_mps", along}, {"tau_s", tau}};
  return r;
}

Result staircase_test(const char* id, StairWay way, ModelChoice mc, const Options& o) {
  return mc == ModelChoice::Micro ? micro_staircase(id, way, o) : network_staircase(id, way, o);
}

}  // namespace

Result rimea_2(ModelChoice mc, const Options& o) { return staircase_test("RiMEA 2", StairWay::Up, mc, o); }
Result rimea_3(ModelChoice mc, const Options& o) { return staircase_test("RiMEA 3", StairWay::Down, mc, o); }

}  // namespace ss::verify
