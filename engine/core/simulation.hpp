#pragma once
// Simulation::step() is the one pipeline every front end drives:
//   injects → hazards → warning → decisions (routes) → movement → shelters → metrics → clock
// The model is const; everything that changes lives in SimState, which can be
// copied for snapshots. Same model + seed + interventions ⇒ identical state.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss {

class MovementModel;

// Wall-clock time spent in each phase of the last steps (for profiling; never read
// by the simulation itself, so it does not affect results).
struct StepProfile {
  double injects = 0, hazards = 0, routing = 0, warning = 0, movement = 0, responders = 0, shelters = 0,
         metrics = 0;  // s, summed
  std::uint64_t steps = 0;
};

class Simulation {
 public:
  Simulation(const Model& model, std::uint64_t seed);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  void step();
  // Steps until the run's duration is reached or nobody can change state any more.
  void run_to_end();
  void run_until(double time_s);
  [[nodiscard]] bool finished() const;

  // Every outside intervention goes through here. It is journaled with the current
  // simulated time and takes effect at the start of the next step. Returns false
  // (and journals nothing) when the target id does not exist.
  bool apply(const Intervention& iv);

  [[nodiscard]] const Model& model() const { return *model_; }
  [[nodiscard]] const SimState& state() const { return state_; }
  [[nodiscard]] double time() const { return state_.time(model_->run.dt); }
  [[nodiscard]] const StepProfile& profile() const { return profile_; }

  // Replaces the state with a snapshot taken from a Simulation of the same model.
  void restore(const SimState& snapshot);

 private:
  const Model* model_;
  SimState state_;
  StepProfile profile_;
  std::unique_ptr<MovementModel> movement_;
  [[nodiscard]] bool nothing_left() const;  // nobody can move, no team has work, no hazard changes
  // Phases of step() that need the movement model or the intervention entry point;
  // the others are free functions of their subsystem.
  void injects_phase(double t);
  void decisions_phase(double t);
  void bookkeeping_phase();
  void metrics_phase();
};

}  // namespace ss
