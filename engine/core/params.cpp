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

}  // namespace ss
