#pragma once
// The interface every movement model implements (network model for a whole
// subdistrict, micro model for small areas). A model moves residents for one
// step: ready residents leave home, walkers advance, arrivals enter shelters.
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss {

class MovementModel {
 public:
  virtual ~MovementModel() = default;
  // Called after a state was replaced (restore) so caches can be dropped.
  virtual void reset(const Model& model, const SimState& state) = 0;
  // Moves everyone from time t to t + dt.
  virtual void step(const Model& model, SimState& state, double t) = 0;
  // Called after the way-out fields were rebuilt.
  virtual void routes_changed(const Model& model, SimState& state, double t) = 0;
  // Puts resident r, sheltered in a shelter that a hazard made unsafe, back outside
  // at its door to walk on to the next shelter (after the routes were rebuilt).
  virtual void release_from_shelter(const Model& model, SimState& state, ResidentId r, double t) = 0;
};

}  // namespace ss
