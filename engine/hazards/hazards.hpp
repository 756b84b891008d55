#pragma once
// The hazards phase of the step and the helpers everyone else uses to read the
// hazards' combined effect (engine/hazards/hazard.hpp).
#include <cstdint>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/hazard.hpp"

namespace ss {

// The hazard states of a run's start (SimState::hazards) and the empty effects.
void init_hazards(const Model& model, SimState& state);

// The hazards phase of the step starting at t: every hazard advances to t + dt in
// model order; shelters it makes unsafe close; residents it reaches at home are
// warned (they see it); when any closure changed, HazardEffects::closed is rebuilt
// and the routes are marked dirty.
void hazards_phase(const Model& model, SimState& state, double t);

// Speed of walker r at `at` given every hazard, from v (its speed without them), m/s.
float hazard_walking_speed(const Model& model, const SimState& state, ResidentId r, const WalkerPlace& at,
                           float v);

// Metres from edge_from to where resident r stands on its edge (network model).
inline double walker_along(const StreetGraph& g, const SimState& s, ResidentId r) {
  const std::size_t i = r.index(), k = s.edge[i].index();
  const bool forward = s.toward[i] == g.edge_to[k];
  const float at = forward ? g.edge_length[k] - s.remaining[i] : s.remaining[i];
  return at;
}

// The model's hazard of type H (and its index in Model::hazards), or nullptr.
template <class H>
const H* find_hazard(const Model& model, std::size_t* index = nullptr) {
  for (std::size_t k = 0; k < model.hazards.size(); ++k)
    if (const auto* h = dynamic_cast<const H*>(model.hazards[k].get())) {
      if (index) *index = k;
      return h;
    }
  return nullptr;
}

// The state of the model's hazard of type H in a run, or nullptr.
template <class H, class S>
const S* find_hazard_state(const Model& model, const SimState& state) {
  std::size_t k = 0;
  if (!find_hazard<H>(model, &k) || k >= state.hazards.size()) return nullptr;
  return dynamic_cast<const S*>(&state.hazards[k].get());
}

}  // namespace ss
