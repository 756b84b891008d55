#include "engine/core/params.hpp"

#include <algorithm>
#include <cmath>

namespace ss {

double weidmann_factor(double rho, const MovementParams& p) {
  if (!(rho > 0.0)) return 1.0;  // empty edge (or NaN): free walking
  if (rho >= p.weidmann_rho_max) return 0.0;
  // Weidmann (1993): v/v0 = 1 − exp(−γ (1/ρ − 1/ρmax)).
  const double f = 1.0 - std::exp(-p.weidmann_gamma * (1.0 / rho - 1.0 / p.weidmann_rho_max));
  return std::clamp(f, 0.0, 1.0);
}

void apply_micro_calibration(MicroParams& p, MicroCalibration c) {
  const MicroCalibrationValues& v = c == MicroCalibration::Measured ? kMeasuredCalibration : kImoCalibration;
  p.time_gap = v.time_gap;
  p.ahead_lateral_factor = v.ahead_lateral_factor;
  p.calibration = c;
}

const char* to_string(MicroCalibration c) { return c == MicroCalibration::Measured ? "measured" : "imo"; }

std::optional<MicroCalibration> micro_calibration_from(std::string_view name) {
  for (const MicroCalibration c : {MicroCalibration::Imo, MicroCalibration::Measured})
    if (name == to_string(c)) return c;
  return std::nullopt;
}

}  // namespace ss
