#include "engine/hazards/fire/smoke.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ss {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Frantzich & Nilsson 2003 (Lund University report 3126), as used by FDS+Evac.
constexpr double kAlpha = 0.706;  // m/s
constexpr double kBeta = -0.057;  // m²/s

}  // namespace

PlumeSpread briggs_urban(double x, int stability) {
  const double y = x / std::sqrt(1.0 + 0.0004 * x);
  switch (std::clamp(stability, 0, 5)) {
    case 0:
    case 1: return {0.32 * y, 0.24 * x * std::sqrt(1.0 + 0.001 * x)};
    case 2: return {0.22 * y, 0.20 * x};
    case 3: return {0.16 * y, 0.14 * x / std::sqrt(1.0 + 0.0003 * x)};
    default: return {0.11 * y, 0.08 * x / std::sqrt(1.0 + 0.0015 * x)};
  }
}

double plume_ground_concentration(double q, double u, double h, double x, double y, int stability) {
  if (!(x > 0.0) || !(u > 0.0) || !(q > 0.0)) return 0.0;
  const PlumeSpread s = briggs_urban(x, stability);
  return q / (kPi * u * s.sy * s.sz) * std::exp(-0.5 * (y * y) / (s.sy * s.sy)) *
         std::exp(-0.5 * (h * h) / (s.sz * s.sz));
}

double visibility(double K, double C) { return K > 0.0 ? C / K : std::numeric_limits<double>::infinity(); }

double smoke_walking_speed(double v0, double K) {
  return std::max(0.1 * v0, v0 * (1.0 + (kBeta / kAlpha) * std::max(0.0, K)));
}

double radiant_flux(double hrr, double chi, double r) {
  const double d = std::max(1.0, r);
  return chi * hrr / (4.0 * kPi * d * d);
}

}  // namespace ss
