#include "engine/core/resident_draws.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "engine/core/rng.hpp"

namespace ss {

double mean_free_speed(int age, Mobility m, const ResidentParams& p) {
  switch (m) {
    case Mobility::WalkingAid: return p.speed_walking_aid;
    case Mobility::Wheelchair: return p.speed_wheelchair;
    case Mobility::Bedridden: return 0.0;
    case Mobility::Walks: break;
  }
  // Weidmann's age table (ages 20..80 in steps of 10), linear in between; younger
  // people use the age-20 value and older the age-80 value.
  const double x = std::clamp((static_cast<double>(age) - 20.0) / 10.0, 0.0, 6.0);
  const auto k = static_cast<std::size_t>(std::min(5.0, std::floor(x)));
  const double f = x - static_cast<double>(k);
  return p.speed_by_age[k] * (1.0 - f) + p.speed_by_age[k + 1] * f;
}

void draw_resident_profiles(const Model& model, std::uint64_t seed, std::span<float> free_speed,
                            std::span<float> premove) {
  const Population& pop = model.population;
  const ResidentParams& p = model.params.residents;
  const RngStream speed_rng{seed, RngPurpose::FreeSpeed};
  const RngStream premove_rng{seed, RngPurpose::PreMovement};

  // A household leaves together (it gets ready as one unit), at the pace of its
  // slowest-to-prepare member: the draw is keyed by household, the senior factor
  // applies when anyone in it is 60 or older.
  std::unordered_map<std::uint32_t, double> household_factor;
  for (std::size_t i = 0; i < pop.size(); ++i) {
    if (!pop.household[i].valid()) continue;
    const double f = pop.age[i] >= 60 ? p.premove_senior_factor : 1.0;
    auto [it, fresh] = household_factor.try_emplace(pop.household[i].value, f);
    if (!fresh) it->second = std::max(it->second, f);
  }

  for (std::size_t i = 0; i < pop.size(); ++i) {
    const Mobility m = pop.mobility[i];
    const double mean = mean_free_speed(pop.age[i], m, p);
    // Weidmann's spread (0.26 at 1.34 m/s) scaled to the mean for walkers; a relative
    // spread for impaired residents.
    const double sd = m == Mobility::Walks ? p.speed_sd * mean / 1.34 : p.impaired_sd_share * mean;
    const double v = mean + sd * speed_rng.normal(i);
    // Truncated at ±2.5 sd so the tails stay within observed walking speeds.
    const double lo = std::max(p.speed_min, mean - 2.5 * sd);
    free_speed[i] = mean > 0.0 ? static_cast<float>(std::clamp(v, lo, std::max(lo, mean + 2.5 * sd))) : 0.0f;

    const HouseholdId hh = pop.household[i];
    // Households and individuals draw from disjoint key ranges.
    const std::uint64_t key = hh.valid() ? (std::uint64_t{1} << 40) + hh.value : i;
    const double factor =
        hh.valid() ? household_factor[hh.value] : (pop.age[i] >= 60 ? p.premove_senior_factor : 1.0);
    premove[i] = static_cast<float>(p.premove_median * factor *
                                    std::exp(p.premove_sigma_ln * premove_rng.normal(key)));
  }

  // Households walk together at the pace of their slowest walking member, as they
  // leave together (households evacuate as units: Lindell & Perry 2012, "The
  // Protective Action Decision Model", Risk Analysis 32(4)). Members who cannot walk
  // (bedridden) wait for help and do not set the pace.
  std::unordered_map<std::uint32_t, float> household_pace;
  for (std::size_t i = 0; i < pop.size(); ++i) {
    if (!pop.household[i].valid() || free_speed[i] <= 0.0f) continue;
    auto [it, fresh] = household_pace.try_emplace(pop.household[i].value, free_speed[i]);
    if (!fresh) it->second = std::min(it->second, free_speed[i]);
  }
  for (std::size_t i = 0; i < pop.size(); ++i)
    if (pop.household[i].valid() && free_speed[i] > 0.0f)
      free_speed[i] = household_pace[pop.household[i].value];
}

}  // namespace ss
