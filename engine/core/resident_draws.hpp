#pragma once
// Per-run random draws of each resident: free walking speed and pre-movement
// delay. Keyed by (seed, purpose, resident or household id), so they do not
// depend on other residents or on the plan variant.
#include <span>

#include "engine/core/model.hpp"

namespace ss {

// Mean free walking speed (m/s) for an age and mobility (params.residents tables).
double mean_free_speed(int age, Mobility m, const ResidentParams& p);

void draw_resident_profiles(const Model& model, std::uint64_t seed, std::span<float> free_speed,
                            std::span<float> premove);

}  // namespace ss
