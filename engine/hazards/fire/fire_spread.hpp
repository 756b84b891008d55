#pragma once
// Fire spread from building to building (Hamada's urban fire-spread formulas, used
// in Japanese municipal fire-risk assessment, applied per pair of neighbouring
// buildings) and the course of one building's fire (EN 1991-1-2 Annex E). Pure
// functions and a small event-driven spreader shared by the hazard, its forecast and
// the verification tests.
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/hazards/fire/fire.hpp"
#include "engine/world/geometry.hpp"

namespace ss {

enum class SpreadDirection : std::uint8_t { Downwind, Crosswind, Upwind };

// Hamada's time in minutes for fire to cross one block of side a (m) and a gap d (m)
// in wind V (m/s), with fire-resistant fraction fr (VERIFICATION.md):
//   downwind  t = [(1−fr)(3 + 0.375a + 8d/(25+2.5V)) + fr(5 + 0.625a + 16d/(25+2.5V))]
//                 / [1.5 (1 + 0.1V + 0.007V²)]
//   crosswind the gap terms 8d/(5+0.25V), 16d/(5+0.25V), wind factor (1 + 0.005V²)
//   upwind    the gap terms 8d/(5+0.2V),  16d/(5+0.2V),  wind factor (1 + 0.002V²)
// The factor 1.5 divides all three directions.
double hamada_minutes(double a, double d, double V, double fr, SpreadDirection dir);

// Which of Hamada's three directions applies to spread along unit vector `dir` in wind
// blowing toward unit vector `wind_to` at speed V: downwind within 45° of the wind,
// upwind within 45° of against it, crosswind between. On a sector boundary the slower
// direction applies (crosswind rather than downwind, upwind rather than crosswind), so
// a diagonal step on a regular grid never outruns the straight one. Calm air
// (V < calm): crosswind everywhere.
SpreadDirection spread_direction(Vec2 dir, Vec2 wind_to, double V, double calm);

// The course of one building's fire, s after ignition (EN 1991-1-2 Annex E.4): growth
// Q = 1 MW (t/t_α)² until the floor's RHR_f × area (fully involved); the decay
// starts once 70 % of the fire load is consumed and falls linearly to burnt out
// when the rest is gone.
struct BuildingFireCourse {
  double full = 0.0;           // s: fully involved
  double decay = 0.0;          // s: decay starts
  double out = 0.0;            // s: burnt out
  double peak_hrr = 0.0;       // W
  double growth_time = 300.0;  // s, t_α
  // Heat release rate at `since` s after ignition, W.
  [[nodiscard]] double hrr(double since) const;
};
BuildingFireCourse building_fire_course(const FireBuilding& b, const FireUse& u);

// Least distance between two simple polygons (0 when they touch or overlap), m.
double ring_gap(const Ring& a, const Ring& b);

// Neighbours of every building within max_gap of its footprint (a grid over the
// bounding boxes keeps this near-linear in the number of buildings).
FireNeighbours find_neighbours(std::span<const Ring> outlines, std::span<const FireBuilding> buildings,
                               double max_gap);

// The spread itself: candidate ignitions in a binary heap, earliest first; igniting a
// building offers each neighbour an ignition at t_ignite + Hamada's time for that
// pair with the wind at t_ignite. Deterministic: ties broken by building index.
struct SpreadState {
  std::vector<float> ignited;        // s, NaN while not burning, (buildings)
  std::vector<std::uint8_t> source;  // how it ignited: 0 none, 1 ignition, 2 spread, (buildings)
  std::vector<std::uint32_t>
      caught_from;  // building it caught fire from, kNoSource for ignitions, (buildings)
  static constexpr std::uint32_t kNoSource = 0xFFFFFFFFu;
  struct Candidate {
    double time;
    std::uint32_t building;
    std::uint8_t how;                // 1 ignition, 2 spread
    std::uint32_t from = kNoSource;  // building it spreads from (spread only)
  };
  std::vector<Candidate> heap;       // min-heap by (time, building)
  std::vector<std::uint32_t> order;  // buildings in the order they ignited
};

void spread_init(const FireDesc& fire, SpreadState& s);
// Offers an ignition of building b at time t (a scheduled, random or live ignition).
void spread_offer(SpreadState& s, std::uint32_t b, double t, std::uint8_t how,
                  std::uint32_t from = SpreadState::kNoSource);
// Ignites every candidate due by t_end (in time order), offering neighbours as they
// ignite; `on_ignite(building, time)` is called for each new ignition. Buildings of
// a non-combustible class never ignite.
template <class F>
void spread_until(const FireDesc& fire, SpreadState& s, double t_end, F&& on_ignite);
// The same, skipping the candidates `allow(candidate)` refuses (fire fought at its
// source or at the target: the fire service).
template <class A, class F>
void spread_until_if(const FireDesc& fire, SpreadState& s, double t_end, A&& allow, F&& on_ignite);
// Hamada's time in seconds from igniting `from` to igniting its neighbour k (index
// into the CSR lists) with the wind at time t.
double pair_spread_seconds(const FireDesc& fire, std::uint32_t from, std::size_t k, double t);

namespace detail {
bool spread_pop_due(SpreadState& s, double t_end, SpreadState::Candidate& out);
void spread_ignite(const FireDesc& fire, SpreadState& s, const SpreadState::Candidate& c);
}  // namespace detail

template <class A, class F>
void spread_until_if(const FireDesc& fire, SpreadState& s, double t_end, A&& allow, F&& on_ignite) {
  SpreadState::Candidate c{};
  while (detail::spread_pop_due(s, t_end, c)) {
    if (!std::isnan(s.ignited[c.building])) continue;  // already burning
    if (fire.constructions[fire.buildings[c.building].construction].non_combustible) continue;
    if (!allow(c)) continue;
    detail::spread_ignite(fire, s, c);
    on_ignite(c.building, c.time);
  }
}

template <class F>
void spread_until(const FireDesc& fire, SpreadState& s, double t_end, F&& on_ignite) {
  spread_until_if(
      fire, s, t_end, [](const SpreadState::Candidate&) { return true; }, on_ignite);
}

}  // namespace ss
