#pragma once
// The individual test definitions (one function per published test) and the small
// helpers they share. Internal to the verify library.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/simulation.hpp"
#include "output/trajectories.hpp"
#include "verify/verify.hpp"

namespace ss::verify {

Result rimea_1(ModelChoice m, const Options& o);
Result rimea_2(ModelChoice m, const Options& o);
Result rimea_3(ModelChoice m, const Options& o);
Result rimea_4(ModelChoice m, const Options& o);
Result rimea_5(ModelChoice m, const Options& o);
Result rimea_6(ModelChoice m, const Options& o);
Result rimea_7(ModelChoice m, const Options& o);
Result rimea_10(ModelChoice m, const Options& o);
Result rimea_11(ModelChoice m, const Options& o);
Result rimea_12(ModelChoice m, const Options& o);
Result imo_4(ModelChoice m, const Options& o);
Result fzj_bottleneck(ModelChoice m, const Options& o);
Result trajectory_flow(ModelChoice m, const Options& o);
Result bottleneck_widths(ModelChoice m, const Options& o);
Result kretz_narrow_gaps(ModelChoice m, const Options& o);
// Fire spread (verify/fire.cpp): Hamada on a block grid, firebreak, wind, determinism.
Result fire_hamada_1(ModelChoice m, const Options& o);
Result fire_hamada_2(ModelChoice m, const Options& o);
Result fire_hamada_3(ModelChoice m, const Options& o);
Result fire_hamada_4(ModelChoice m, const Options& o);
Result fire_firebreak(ModelChoice m, const Options& o);
Result fire_wind_doubling(ModelChoice m, const Options& o);
Result fire_deterministic(ModelChoice m, const Options& o);

// The micro model's parameters under opt.calibration, and the same applied to a
// scene's model (the calibrated fields only; what the scene set itself stays).
MicroParams micro_params(const Options& o);
void calibrate(Model& m, const Options& o);

// Replaces drawn per-resident values through the snapshot API (as a replay would):
// free speeds before the first step, pre-movement delays right after the warning
// step at 0 s. Empty vectors leave the draws alone.
void override_draws(Simulation& sim, std::span<const float> free_speed, std::span<const float> premove);

// Runs until everyone is safe or the run's duration, calling `each` after every step.
void run(Simulation& sim, const std::function<void(const SimState&)>& each = {});

// Arrival times (s) of everyone who arrived, in resident order.
std::vector<double> arrival_times(const SimState& s);

// Flow (P/s) between the crossings of 10 % and 90 % of `total` people, from their
// arrival times (the same definition for simulated and measured curves). 0 when
// fewer than 90 % arrived.
double flow_10_90(std::vector<double> arrivals, std::size_t total);

// One IMO 4 layout on the micro model: the 8 m × 5 m room with the 1 m exit centred
// in a 5 m wall that implementations of MSC.1/Circ.1533 test 4 use
// (docs/verification.md; the door channel runs x 8.0 … 8.4, y 2.0 … 3.0); 100 persons
// on 100 of the 112 sites of a 0.53 m lattice (the room holds no looser one), the
// empty sites drawn from `seed`.
Model imo_4_micro_room(std::uint64_t seed);

// N-t method (JPSreport method A; PedPy compute_n_t): the time of each person's
// first crossing of the measurement line a-b (either way), as the frame after the
// step that crosses it divided by the frame rate, from a trajectory file.
std::vector<double> line_crossings(const output::TrajectoryFile& traj, Vec2 a, Vec2 b);

std::string fmt(const char* format, ...) __attribute__((format(printf, 1, 2)));

Result make_result(const TestDef& def, ModelChoice m);
const TestDef& def_of(const std::string& id);

}  // namespace ss::verify
