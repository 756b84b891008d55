#pragma once
// Behaviour and movement parameters with their published sources. Defaults live
// here and only here; scenarios may override them. See ../docs/ARCHITECTURE.md and
// VERIFICATION.md for the reference values.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/world/population.hpp"

namespace ss {

struct MovementParams {
  // Weidmann (1993) fundamental diagram v(ρ) = v0 [1 − exp(−γ (1/ρ − 1/ρmax))].
  double weidmann_gamma = 1.913;  // m⁻², Weidmann 1993
  double weidmann_rho_max = 5.4;  // P/m², Weidmann 1993 (jam density)
  // Maximum specific flow through a node per metre of width: Weidmann's maximum is
  // ≈1.22 P/(m·s) at ≈1.75 P/m²; SFPE and IMO MSC.1/Circ.1533 use 1.3. We take
  // the Weidmann value so edge speeds and node capacities come from one diagram.
  double specific_flow = 1.22;  // P/(m·s)
  // Largest density an edge holds before upstream residents must wait: RiMEA 4 asks
  // the speed-density relation to hold up to 4 P/m², where Weidmann still gives
  // ≈12 % of v0, so queues keep creeping instead of freezing.
  double storage_density = 4.0;  // P/m²
  // Speed floor as a fraction of free speed; Weidmann at storage_density gives ≈0.117,
  // so this only guards against density estimates above storage on very short edges.
  double min_speed_factor = 0.05;
  // Edges shorter than this count as this long when densities are computed, so a
  // 1 m stub between two junctions does not read as a jam with one person on it.
  double min_density_length = 5.0;  // m
  // Queue model in the spirit of MATSim's QSim (Horni, Nagel & Axhausen 2016, "The
  // Multi-Agent Transport Simulation MATSim", ch. 1): people who reach the back of
  // the queue at an edge's end wait there, packed at storage_density, and leave in
  // arrival order as the junction's flow capacity allows. Walkers behind move at the
  // Weidmann speed of the part of the edge not taken by the queue.
  // Gridlock guard, MATSim's stuckTime: someone who has waited this long at the head
  // of a queue squeezes onto the next street even when it is full (pedestrians can
  // pass each other, unlike cars). Infinity disables it.
  double stuck_time = 30.0;  // s
  // The squeeze never packs a street beyond this density (just under Weidmann's ρmax).
  double squeeze_density = 5.0;  // P/m²
};

struct ResidentParams {
  // Free walking speed by age (Weidmann 1993 as used by RiMEA 7; VERIFICATION.md):
  // ages 20..80 step 10, linear in between, clamped at the ends.
  std::array<double, 7> speed_by_age{1.61, 1.54, 1.48, 1.41, 1.27, 1.10, 0.68};  // m/s
  // Spread of free speed around the mean: Weidmann 1993, 1.34 ± 0.26 m/s.
  double speed_sd = 0.26;  // m/s
  // Mobility-impaired mean speeds, Boyce, Shields & Silcock (1999): walking stick
  // 0.81 m/s (walking aid), manual wheelchair 0.69 m/s; bedridden people do not walk.
  double speed_walking_aid = 0.81;  // m/s
  double speed_wheelchair = 0.69;   // m/s
  double impaired_sd_share =
      0.2;                 // relative spread for impaired speeds (assumption: Boyce reports wide ranges)
  double speed_min = 0.2;  // m/s, floor of drawn speeds
  // Pre-movement time after the warning: lognormal (VERIFICATION.md: "lognormal in
  // practice"; median 75 s, σ_ln 0.7 for alerted building occupants). A household
  // leaving its home after a street-wide warning takes longer: IMO MSC.1/Circ.1533
  // gives 400–700 s for night-time response, so the default median is 600 s.
  double premove_median = 600.0;  // s
  double premove_sigma_ln = 0.7;
  // Older residents take longer to get ready; factor on the median for age 60+
  // (assumption for the planning setting; set per subdistrict in the scenario).
  double premove_senior_factor = 1.5;
};

// Micro (Box2D) movement model: bodies, driving force, gap keeping, navigation grid.
// One set of defaults for every scenario and every verification test (no per-test
// tuning); calibration against RiMEA 4, IMO 4 and the FZJ bottleneck in
// docs/verification.md.
// Two calibrations of the micro model's flow through doors and narrow passages; they
// differ in the time gap and in how far to the side a body in front still holds a
// walker (docs/verification.md, "The sweep and IMO 4 against each other"):
// - Imo (the default): at most 1.33 P/s through a 1 m door (IMO MSC.1/Circ.1533
//   test 4); doors of 0.8-1.2 m then pass 12-22 % fewer people than measured.
// - Measured: within 15 % of the flows measured through bottlenecks 0.8-2.5 m wide
//   (Seyfried et al. 2009; Liddle et al. 2011) and FZJ AO-300; a 1 m door then passes
//   about 1.5 P/s, more than IMO 4 allows.
enum class MicroCalibration : std::uint8_t { Imo, Measured };

struct MicroCalibrationValues {
  double time_gap;              // s, MicroParams::time_gap
  double ahead_lateral_factor;  // × l, MicroParams::ahead_lateral_factor
};
// Calibrated with `safestreet verify --model micro` (docs/verification.md).
inline constexpr MicroCalibrationValues kImoCalibration{0.27, 0.5};
inline constexpr MicroCalibrationValues kMeasuredCalibration{0.30, 0.4};

struct MicroParams {
  // Which calibration set time_gap and ahead_lateral_factor (apply_micro_calibration).
  MicroCalibration calibration = MicroCalibration::Imo;
  // Body radius by profile: FDS+Evac body types (Korhonen, FDS+Evac technical
  // reference, VTT 2021; VERIFICATION.md): adult 0.255, elderly 0.25, child 0.21 m.
  double radius_adult = 0.255;   // m
  double radius_elderly = 0.25;  // m, age >= elderly_age
  double radius_child = 0.21;    // m, age < child_age
  // Wheelchair: ISO 7193 overall width 0.70 m, as a circle of that diameter.
  double radius_wheelchair = 0.35;  // m
  // Turned sideways, a walker is as wide as the depth of its torso: FDS+Evac models a
  // body as a torso circle with two shoulder circles, the torso's radius R_t/R_d of the
  // body radius (Korhonen, FDS+Evac technical reference, VTT 2021, body types: adult
  // 0.5882, elderly 0.6000, child 0.5714 → 0.15, 0.15, 0.12 m; a chest depth of about
  // 0.25-0.29 m for adults, Pheasant "Bodyspace", with clothing). People pass gaps of
  // 0.4 and 0.5 m that way (Kretz, Grünebohm & Schreckenberg 2006, J. Stat. Mech.
  // P10014). Wheelchairs never turn (radius_wheelchair stays).
  double sideways_radius_adult = 0.15;    // m, half the body depth
  double sideways_radius_elderly = 0.15;  // m
  double sideways_radius_child = 0.12;    // m
  // Speed of a body turned fully sideways (standing where the clearance is its
  // sideways radius) as a share of its speed: side-stepping through a gap is slower
  // than walking. Planning assumption, set on Kretz et al. 2006 Table 3 (0.4 m 0.88 P/s,
  // 0.5 m 1.02 P/s; docs/verification.md "Narrow gaps"); a body turned part way gets a
  // share in between.
  double sideways_speed_factor = 0.6;
  int child_age = 18;       // years, as AgeBand::Child
  int elderly_age = 60;     // years, as AgeBand::Senior and older
  double body_mass = 80.0;  // kg, Helbing, Farkas & Vicsek 2000 (Nature 407)
  // Driving term m (v_des e - v) / tau, Helbing & Molnar 1995 (Phys. Rev. E 51).
  // They and Helbing, Farkas & Vicsek 2000 use tau = 0.5 s; 0.45 s here, calibrated
  // with time_gap, ahead_lateral_factor, lane_band and merge_yield_cos on RiMEA 4,
  // IMO 4, FZJ AO-300 and the bottleneck width sweep (docs/verification.md): a
  // shorter tau lets bodies shove through a 1 m door faster than IMO 4 allows.
  double relaxation_time = 0.45;  // s
  // Desired speed keeps a time gap to the nearest body ahead: v_des = min(v0, max(0,
  // (s - l) / T)), s the centre distance, l the sum of radii; the collision-free
  // speed model of Tordeux, Chraibi & Seyfried 2016 (Collective Dynamics 1), which
  // also keeps the crowd from packing into one huge Box2D contact island. The paper
  // uses T = 1 s; T here is calibrated on RiMEA 4 (Weidmann corridor speeds), IMO 4
  // (at most 1.33 P/s through 1 m) and the 3 m FZJ bottleneck together, with
  // relaxation_time and ahead_lateral_factor (docs/verification.md): all three pass.
  // It and ahead_lateral_factor are set by a MicroCalibration (the default: Imo).
  // Bodies in contact creep at Weidmann's speed for their spacing (micro_substep.cpp).
  double time_gap = kImoCalibration.time_gap;  // s
  // "Ahead" = in front along the walking direction and laterally within this share
  // of l (CSM: only neighbours in front slow a pedestrian). Below 1 because people
  // in a crowd stagger into zipper lanes about 0.45 m apart, narrower than a body
  // (Hoogendoorn & Daamen 2005, Transportation Science 39); calibrated as time_gap.
  double ahead_lateral_factor = kImoCalibration.ahead_lateral_factor;  // × l
  // Merging at a door: a body touching one in front of it that is nearer the way out
  // and walks in a direction more than acos(merge_yield_cos) apart from its own (one
  // coming along the wall beside a door's mouth, the other heading into it) is held
  // by it whatever their lateral offset, and waits its turn instead of pressing into
  // its side: people merge one by one into a bottleneck (the zipper, Hoogendoorn &
  // Daamen 2005). Without it the bodies beside the mouth pressed the one in front of
  // it from both sides at full drive, an arch that held the 0.8 m bottleneck for
  // seconds at a time (docs/verification.md, "Bottleneck flow against width").
  // Calibrated on the width sweep and Kretz's gaps: 0.7, about 45°.
  double merge_yield_cos = 0.7;
  double substep = 0.05;        // s, fixed physics sub-step (Box2D manual: 1/60-1/20 s)
  int velocity_iterations = 6;  // Box2D solver iterations (manual default 8/3)
  int position_iterations = 2;
  double body_friction = 0.0;  // Coulomb friction between bodies and walls
  // Navigation grid and its cost: fast marching on cells of grid_cell; cells nearer
  // a wall than field_clearance are closed (a body's centre cannot be there) and the
  // cost rises by up to wall_penalty within wall_margin of a wall, so people keep
  // off walls (cf. the wall-distance term of Kretz et al. 2011 floor fields).
  double grid_cell = 0.1;        // m
  double field_clearance = 0.2;  // m, just under the smallest body radius
  double wall_margin = 0.6;      // m
  double wall_penalty = 0.5;     // extra cost factor at the clearance line
  // In a passage narrower than 2 × wall_margin the penalty would pull everyone onto
  // its middle line, single file. People in a bottleneck walk in two staggered lanes
  // about 0.45 m apart (zipper lanes, Hoogendoorn & Daamen 2005, Transportation
  // Science 39; Seyfried et al. 2009), so the cost stays flat over a band lane_band
  // wide in a passage's middle: the margin is at most the passage's half-width (the
  // largest wall distance within wall_margin) less lane_band / 2. Calibrated with the
  // bottleneck width sweep (docs/verification.md).
  double lane_band = 0.5;  // m
  // A walker that has not moved stuck_distance within stuck_time while the way ahead
  // was free (no body within the speed rule's look-ahead, micro_substep.cpp) is
  // counted as stuck; waiting behind someone restarts the clock.
  double stuck_time = 120.0;    // s
  double stuck_distance = 0.5;  // m
  // A crowd that stopped: over jam_time nobody reached an exit and the walkers came
  // less than jam_progress (mean per walker) nearer the exits by the navigation
  // field; reported once with its place (RunRecords::jams). Assumptions: half a
  // minute without a single step forward is no queue (a queue at a 1 m door moves
  // a person through every second or so, IMO 4), and 0.1 m is well under one step
  // (0.7 m, Weidmann 1993) while above what bodies pressed together jiggle.
  double jam_time = 30.0;     // s
  double jam_progress = 0.1;  // m
  // Exit choice that reacts to queues: the quickest-path idea of Kemloh Wagoum,
  // Seyfried & Holl 2012 ("Modeling the dynamic route choice of pedestrians to assess
  // the criticality of building evacuation", Adv. Complex Syst. 15): every
  // exit_choice_interval each walker without an assigned exit estimates, for every
  // open exit, the time to leave by it — the longer of walking there (field distance
  // / free speed) and the exit passing the walkers ahead of it on the way there
  // (their number / (exit_specific_flow × exit width)) — and turns to another exit
  // when that saves more than exit_switch_share of the current estimate and at least
  // exit_switch_min. false: everyone walks to the nearest exit by the field.
  bool quickest_exit = true;
  double exit_choice_interval = 2.0;  // s (assumption: a look around every two steps or so)
  // Specific flow through a door: 1.3 P/(m s), SFPE and IMO MSC.1/Circ.1238 (the
  // value IMO uses for doorways; the model's own 1 m door gives 1.27 P/s, IMO 4).
  double exit_specific_flow = 1.3;  // P/(m s)
  // Hysteresis against turning back and forth between exits of about equal time
  // (assumptions, checked on RiMEA 11: a share and a floor of a few seconds).
  double exit_switch_share = 0.1;
  double exit_switch_min = 2.0;  // s
};

struct Params {
  MovementParams movement;
  ResidentParams residents;
  MicroParams micro;
};

// Sets the fields a calibration fixes (MicroCalibrationValues); the others stay.
void apply_micro_calibration(MicroParams& p, MicroCalibration c);
// "imo" / "measured", as scenario files and `safestreet verify --calibration` name them;
// micro_calibration_from reads those names back (nullopt for any other text).
const char* to_string(MicroCalibration c);
std::optional<MicroCalibration> micro_calibration_from(std::string_view name);

// Weidmann speed factor v(ρ)/v0 for density rho (P/m²), in [0, 1].
double weidmann_factor(double rho, const MovementParams& p);

}  // namespace ss
