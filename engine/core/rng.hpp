#pragma once
// Counter-based random numbers: every draw is a pure function of
// (seed, purpose, entity id, draw index). A resident's draws therefore do not
// depend on other residents, on visiting order or on the plan variant, which
// makes runs of two variants with the same seed paired (common random numbers).
// Our own generator and distributions, since std:: distributions differ between
// standard libraries (STYLE.md, habit 9).
#include <cmath>
#include <cstdint>
#include <numbers>

namespace ss {

// What a draw is for; part of the key so different uses never share a stream.
enum class RngPurpose : std::uint64_t {
  FreeSpeed = 1,
  PreMovement = 2,
  SynthAge = 10,
  SynthMobility = 11,
  SynthAlone = 12,
  SynthHousehold = 13,
  SynthAssistance = 14,
  SynthHome = 15,
  WarningReach = 20,
  WarningDelay = 21,
  WordOfMouth = 22,
  Compliance = 23,
};

// SplitMix64 finaliser (Steele, Lea & Flood 2014, "Fast splittable pseudorandom
// number generators"); a bijective 64-bit mix with good avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

constexpr std::uint64_t hash_key(std::uint64_t seed, std::uint64_t purpose, std::uint64_t id,
                                 std::uint64_t draw) {
  // Chain the keys through the mixer with distinct odd offsets (golden-ratio increments)
  // so that (a, b) and (b, a) give unrelated values.
  std::uint64_t h = mix64(seed + 0x9e3779b97f4a7c15ULL);
  h = mix64(h ^ (purpose + 0x3c6ef372fe94f82aULL));
  h = mix64(h ^ (id + 0xdaa66d2c7ddf743fULL));
  h = mix64(h ^ (draw + 0x78dde6e5fd29f054ULL));
  return h;
}

// Uniform in [0, 1) with 53 random bits.
constexpr double uniform01(std::uint64_t seed, std::uint64_t purpose, std::uint64_t id, std::uint64_t draw) {
  return static_cast<double>(hash_key(seed, purpose, id, draw) >> 11) * 0x1.0p-53;
}

// Standard normal by Box–Muller from two uniforms keyed draw*2 and draw*2+1.
inline double normal01(std::uint64_t seed, std::uint64_t purpose, std::uint64_t id, std::uint64_t draw) {
  const double u1 = 1.0 - uniform01(seed, purpose, id, 2 * draw);  // (0, 1]
  const double u2 = uniform01(seed, purpose, id, 2 * draw + 1);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

// Convenience for a fixed (seed, purpose): draws for entity `id`.
struct RngStream {
  std::uint64_t seed;
  RngPurpose purpose;
  [[nodiscard]] double uniform(std::uint64_t id, std::uint64_t draw = 0) const {
    return uniform01(seed, static_cast<std::uint64_t>(purpose), id, draw);
  }
  [[nodiscard]] double normal(std::uint64_t id, std::uint64_t draw = 0) const {
    return normal01(seed, static_cast<std::uint64_t>(purpose), id, draw);
  }
};

}  // namespace ss
