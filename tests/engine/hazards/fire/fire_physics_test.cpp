// The fire's physics as pure functions: Hamada's spread times and their wind sectors,
// the EN 1991-1-2 course of one building's fire, gaps between footprints, Briggs's
// urban plume, and what smoke, CO and heat do to people. Expected values are worked
// by hand from the published formulas (../shared/VERIFICATION.md, "Fire and smoke"),
// not read back from the code.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/hazards/fire/fire_spread.hpp"
#include "engine/hazards/fire/smoke.hpp"

namespace {

using namespace ss;

Ring square(double x0, double y0, double side) {
  return {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}};
}

// Energy released over the whole course (J), midpoint rule at 0.5 s.
double released(const BuildingFireCourse& f) {
  double e = 0.0;
  for (double t = 0.0; t < f.out + 10.0; t += 0.5) e += f.hrr(t + 0.25) * 0.5;
  return e;
}

}  // namespace

TEST_CASE("Hamada: a wooden block downwind in a 5 m/s wind burns across in under 3 minutes", "[fire]") {
  // a 10 m, d 3 m, V 5 m/s, fr 0: (3 + 3.75 + 24/37.5) / (1.5 (1 + 0.5 + 0.175))
  // = 7.39 / 2.5125 = 2.9413 min.
  CHECK(hamada_minutes(10.0, 3.0, 5.0, 0.0, SpreadDirection::Downwind) == Approx(2.941294).epsilon(1e-6));
}

TEST_CASE("Hamada: crosswind spread mixes wooden and fire-resistant blocks by their share", "[fire]") {
  // a 10, d 3, V 10, fr 0.5: wood 3 + 3.75 + 24/7.5 = 9.95, resistant 5 + 6.25 + 48/7.5
  // = 17.65, mean 13.8; divided by 1.5 (1 + 0.005 × 100) = 2.25: 6.1333 min.
  CHECK(hamada_minutes(10.0, 3.0, 10.0, 0.5, SpreadDirection::Crosswind) == Approx(6.133333).epsilon(1e-6));
}

TEST_CASE("Hamada: upwind spread between fire-resistant blocks in a 15 m/s wind", "[fire]") {
  // a 8, d 2, V 15, fr 1: 5 + 5 + 32/8 = 14; divided by 1.5 (1 + 0.002 × 225) = 2.175:
  // 6.4368 min.
  CHECK(hamada_minutes(8.0, 2.0, 15.0, 1.0, SpreadDirection::Upwind) == Approx(6.436782).epsilon(1e-6));
}

TEST_CASE("Hamada: fire runs fastest downwind and slowest upwind, and wider gaps slow it", "[fire]") {
  const double down = hamada_minutes(10.0, 3.0, 8.0, 0.2, SpreadDirection::Downwind);
  const double cross = hamada_minutes(10.0, 3.0, 8.0, 0.2, SpreadDirection::Crosswind);
  const double up = hamada_minutes(10.0, 3.0, 8.0, 0.2, SpreadDirection::Upwind);
  CHECK(down < cross);
  CHECK(cross < up);
  CHECK(hamada_minutes(10.0, 6.0, 8.0, 0.2, SpreadDirection::Crosswind) > cross);
  // Without wind the crosswind and upwind formulas coincide (5 + 0.25V = 5 + 0.2V).
  CHECK(hamada_minutes(10.0, 3.0, 0.0, 0.0, SpreadDirection::Crosswind) ==
        Approx(hamada_minutes(10.0, 3.0, 0.0, 0.0, SpreadDirection::Upwind)));
}

TEST_CASE("a westerly wind blows toward the east and a northerly toward the south", "[fire]") {
  WindSeries w{{0.0, 3600.0}, {5.0, 8.0}, {270.0, 0.0}};
  CHECK(w.toward_at(10.0).x == Approx(1.0));
  CHECK(w.toward_at(10.0).y == Approx(0.0).margin(1e-12));
  CHECK(w.toward_at(4000.0).y == Approx(-1.0));
  CHECK(w.speed_at(3599.0) == 5.0);
  CHECK(w.speed_at(3600.0) == 8.0);
}

TEST_CASE("spread direction: within 45 degrees of the wind is downwind, against it upwind, else crosswind",
          "[fire]") {
  const Vec2 east{1.0, 0.0};
  const double calm = FireParams{}.calm_wind;
  const double r = std::sqrt(0.5);
  CHECK(spread_direction({1.0, 0.0}, east, 5.0, calm) == SpreadDirection::Downwind);
  CHECK(spread_direction({std::cos(0.52), std::sin(0.52)}, east, 5.0, calm) ==
        SpreadDirection::Downwind);  // 30°
  CHECK(spread_direction({0.0, 1.0}, east, 5.0, calm) == SpreadDirection::Crosswind);
  CHECK(spread_direction({0.0, -1.0}, east, 5.0, calm) == SpreadDirection::Crosswind);
  CHECK(spread_direction({std::cos(1.05), std::sin(1.05)}, east, 5.0, calm) ==
        SpreadDirection::Crosswind);  // 60°
  CHECK(spread_direction({-1.0, 0.0}, east, 5.0, calm) == SpreadDirection::Upwind);
  // A diagonal of a regular grid lies on the sector boundary: the slower side applies,
  // so a diagonal step never outruns the straight one.
  CHECK(spread_direction({r, r}, east, 5.0, calm) == SpreadDirection::Crosswind);
  CHECK(spread_direction({r, -r}, east, 5.0, calm) == SpreadDirection::Crosswind);
  CHECK(spread_direction({-r, r}, east, 5.0, calm) == SpreadDirection::Upwind);
}

TEST_CASE("spread direction: calm air has no downwind, every neighbour is crosswind", "[fire]") {
  const Vec2 east{1.0, 0.0};
  const double calm = FireParams{}.calm_wind;
  CHECK(spread_direction({1.0, 0.0}, east, 0.0, calm) == SpreadDirection::Crosswind);
  CHECK(spread_direction({-1.0, 0.0}, east, 0.5 * calm, calm) == SpreadDirection::Crosswind);
  CHECK(spread_direction({1.0, 0.0}, {0.0, 0.0}, 0.0, calm) == SpreadDirection::Crosswind);
}

TEST_CASE("a 100 m2 dwelling is fully involved at 25 MW after 1500 s", "[fire]") {
  // EN 1991-1-2 Annex E: RHR_f 250 kW/m² × 100 m² = 25 MW, reached by
  // 1 MW (t/300 s)² at t = 300 √25 = 1500 s.
  FireBuilding b;
  b.floor_area = 100.0;
  const BuildingFireCourse f = building_fire_course(b, FireUse{});
  CHECK(f.peak_hrr == Approx(25e6));
  CHECK(f.full == Approx(1500.0));
  CHECK(f.hrr(0.0) == 0.0);
  CHECK(f.hrr(600.0) == Approx(4e6));  // 1 MW × (600/300)²
  CHECK(f.hrr(0.5 * (f.full + f.decay)) == Approx(25e6));
  CHECK(f.hrr(f.out + 1.0) == 0.0);
}

TEST_CASE("a dwelling fire decays once 70 % of its fire load is burnt and releases all of it", "[fire]") {
  // Fire load 780 MJ/m² × 100 m² = 78 GJ (EN 1991-1-2 Table E.4, dwelling).
  FireBuilding b;
  b.floor_area = 100.0;
  const BuildingFireCourse f = building_fire_course(b, FireUse{});
  const double load = 780e6 * 100.0;
  double before_decay = 0.0;
  for (double t = 0.0; t < f.decay; t += 0.5) before_decay += f.hrr(t + 0.25) * 0.5;
  CHECK(before_decay == Approx(0.7 * load).epsilon(0.01));
  CHECK(f.hrr(f.decay - 1.0) == Approx(f.peak_hrr));
  CHECK(f.hrr(f.decay + 100.0) < f.peak_hrr);
  CHECK(released(f) == Approx(load).epsilon(0.01));
}

TEST_CASE("a building's heat release has no jumps where its fire changes phase", "[fire]") {
  FireBuilding b;
  b.floor_area = 100.0;
  const BuildingFireCourse f = building_fire_course(b, FireUse{});
  REQUIRE(f.full < f.decay);
  REQUIRE(f.decay < f.out);
  // One second either side of each change: at most the growth's slope (2 × 25 MW /
  // 1500 s per s ≈ 33 kW/s) or the decay's (25 MW / 1872 s ≈ 13 kW/s) apart, twice.
  for (const double t : {f.full, f.decay, f.out})
    CHECK(std::fabs(f.hrr(t + 1.0) - f.hrr(t - 1.0)) < 0.005 * f.peak_hrr);
}

TEST_CASE("the gap between footprints: 0 touching or overlapping, the clear distance side by side",
          "[fire]") {
  const Ring a = square(0.0, 0.0, 10.0);
  CHECK(ring_gap(a, square(10.0, 0.0, 10.0)) == Approx(0.0).margin(1e-12));  // shared wall
  CHECK(ring_gap(a, square(13.0, 0.0, 10.0)) == Approx(3.0));                // 3 m lane
  CHECK(ring_gap(a, square(13.0, 14.0, 10.0)) == Approx(5.0));               // corner to corner, 3-4-5
  CHECK(ring_gap(a, square(5.0, 5.0, 10.0)) == 0.0);                         // overlapping
  // A cross: neither holds a vertex of the other, yet the outlines cross.
  const Ring bar{{0.0, 4.0}, {10.0, 4.0}, {10.0, 6.0}, {0.0, 6.0}};
  const Ring post{{4.0, -3.0}, {6.0, -3.0}, {6.0, 13.0}, {4.0, 13.0}};
  CHECK(ring_gap(bar, post) == 0.0);
}

TEST_CASE("Briggs urban dispersion at 100 m in neutral air (class D)", "[fire]") {
  // σy = 0.16 × 100 / √1.04 = 15.689 m, σz = 0.14 × 100 / √1.03 = 13.795 m
  // (Hanna, Briggs & Hosker 1982, Table 4.6).
  const PlumeSpread s = briggs_urban(100.0, 3);
  CHECK(s.sy == Approx(15.68929).epsilon(1e-5));
  CHECK(s.sz == Approx(13.79461).epsilon(1e-5));
  // Unstable air spreads the plume wider than neutral, stable air narrower.
  CHECK(briggs_urban(100.0, 0).sy > s.sy);
  CHECK(briggs_urban(100.0, 5).sz < s.sz);
}

TEST_CASE("a plume leaves no smoke upwind and spreads evenly to both sides", "[fire]") {
  // 1 kg/s from 10 m in a 5 m/s wind, class D, on the centreline 100 m downwind:
  // 1 / (π × 5 × 15.689 × 13.795) × exp(−100 / (2 × 13.795²)) = 2.2618e-4 kg/m³.
  CHECK(plume_ground_concentration(1.0, 5.0, 10.0, 100.0, 0.0, 3) == Approx(2.2618e-4).epsilon(1e-4));
  CHECK(plume_ground_concentration(1.0, 5.0, 10.0, -100.0, 0.0, 3) == 0.0);
  CHECK(plume_ground_concentration(1.0, 5.0, 10.0, 0.0, 0.0, 3) == 0.0);
  const double left = plume_ground_concentration(1.0, 5.0, 10.0, 200.0, 25.0, 3);
  const double right = plume_ground_concentration(1.0, 5.0, 10.0, 200.0, -25.0, 3);
  CHECK(left > 0.0);
  CHECK(left == Approx(right));
  CHECK(plume_ground_concentration(1.0, 5.0, 10.0, 200.0, 0.0, 3) > left);
}

TEST_CASE("visibility through smoke is 3 over the extinction coefficient for reflective signs", "[fire]") {
  CHECK(visibility(0.5, 3.0) == Approx(6.0));
  CHECK(visibility(0.3, 3.0) == Approx(10.0));  // the tenability limit in large spaces
  CHECK(std::isinf(visibility(0.0, 3.0)));
  // 1 g/m³ of soot at 8.7 m²/g (Mulholland & Croarkin 2000): K = 8.7 /m.
  CHECK(extinction(1e-3, 8.7) == Approx(8.7));
}

TEST_CASE("people slow down in smoke as Frantzich and Nilsson measured, to a tenth at most", "[fire]") {
  const double v0 = 1.2;
  CHECK(smoke_walking_speed(v0, 0.0) == Approx(v0));
  CHECK(smoke_walking_speed(v0, 1.0) == Approx(v0 * (1.0 - 0.057 / 0.706)));
  CHECK(smoke_walking_speed(v0, 50.0) == Approx(0.1 * v0));
}

TEST_CASE("35000 ppm of CO for one minute is an incapacitating dose", "[fire]") {
  CHECK(fed_co(35000.0, 60.0) == Approx(1.0));
  CHECK(fed_co(3500.0, 600.0) == Approx(1.0));
  CHECK(fed_co(1000.0, 60.0) == Approx(1.0 / 35.0));
  // 1000 ppm of CO weighs 28.01 / 24.45 mg per litre × 1e-3 = 1.1456 g/m³.
  CHECK(co_ppm(1.1456e-3) == Approx(1000.0).epsilon(1e-3));
}

TEST_CASE("radiant heat from a burning building falls with the square of the distance", "[fire]") {
  // 25 MW, 30 % radiated, 10 m: 0.3 × 25e6 / (4π × 100) = 5968 W/m².
  CHECK(radiant_flux(25e6, 0.3, 10.0) == Approx(5968.31).epsilon(1e-5));
  CHECK(radiant_flux(25e6, 0.3, 20.0) == Approx(radiant_flux(25e6, 0.3, 10.0) / 4.0));
  CHECK(radiant_flux(25e6, 0.3, 40.0) == Approx(radiant_flux(25e6, 0.3, 10.0) / 16.0));
}
