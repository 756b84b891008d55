#pragma once
// Smoke and heat from burning buildings, and what they do to people: ground-level
// concentrations of a Gaussian plume (Briggs's urban coefficients), extinction and
// visibility (Mulholland), walking speed in smoke (Frantzich & Nilsson), toxic dose
// of CO (Purser, ISO 13571), radiant heat of a flame as a point source. Pure
// functions; constants and their sources in SmokeParams (fire.hpp).

namespace ss {

// Briggs's urban dispersion coefficients σy, σz (m) at x m downwind, stability class
// 0..5 = A..F (A and B share a row, as do E and F): Hanna, Briggs & Hosker 1982,
// Table 4.6 (from Briggs 1973):
//   A–B  σy = 0.32x(1+0.0004x)^-½  σz = 0.24x(1+0.001x)^½
//   C    σy = 0.22x(1+0.0004x)^-½  σz = 0.20x
//   D    σy = 0.16x(1+0.0004x)^-½  σz = 0.14x(1+0.0003x)^-½
//   E–F  σy = 0.11x(1+0.0004x)^-½  σz = 0.08x(1+0.0015x)^-½
struct PlumeSpread {
  double sy = 0.0, sz = 0.0;
};
PlumeSpread briggs_urban(double x, int stability);

// Ground-level concentration (kg/m³ for q in kg/s) of a continuous point source of
// strength q at height h in wind u (m/s), at x m downwind and y m crosswind, with
// full reflection at the ground: c = q / (π u σy σz) exp(−y²/2σy²) exp(−h²/2σz²).
// Zero upwind (x ≤ 0).
double plume_ground_concentration(double q, double u, double h, double x, double y, int stability);

// Extinction coefficient (1/m) of soot at `soot` kg/m³ with mass-specific extinction
// `sigma` m²/g (Mulholland & Croarkin 2000: 8.7 m²/g).
inline double extinction(double soot, double sigma) { return sigma * soot * 1000.0; }

// Visibility (m) through smoke of extinction K: C / K (C = 3 reflective signs, 8 lit
// signs); +inf in clear air.
double visibility(double K, double C);

// Walking speed in smoke (Frantzich & Nilsson 2003, as in FDS+Evac):
// v = max(0.1 v0, v0 (1 + (β/α) K)), α = 0.706 m/s, β = −0.057 m²/s.
double smoke_walking_speed(double v0, double K);

// CO in ppm (by volume, 25 °C, 1 atm: 24.45 L/mol, M = 28.01 g/mol) from kg/m³.
inline double co_ppm(double co) { return co * 1e9 * 24.45 / 28.01 / 1000.0; }

// Fractional effective dose of CO over dt_s seconds at `ppm` (ISO 13571, Purser):
// C(ppm) × Δt(min) / 35000.
inline double fed_co(double ppm, double dt_s) { return ppm * (dt_s / 60.0) / 35000.0; }

// Radiant flux (W/m²) at distance r (m) from a fire of heat release rate hrr (W),
// radiative fraction chi: χ Q / (4π r²) (point-source model, Modak 1977); r at least 1 m.
double radiant_flux(double hrr, double chi, double r);

}  // namespace ss
