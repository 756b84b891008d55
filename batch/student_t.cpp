#include "batch/student_t.hpp"

#include <cassert>
#include <cmath>
#include <limits>

namespace ss::batch {
namespace {

// Continued fraction for I_x(a, b) by the modified Lentz method (Numerical Recipes
// in C, 2nd ed., §5.2 and §6.4, function betacf). Converges quickly for
// x < (a + 1) / (a + b + 2); the caller uses the symmetry relation otherwise.
double beta_continued_fraction(double a, double b, double x) {
  constexpr int kMaxIterations = 300;
  constexpr double kEps = 1e-15;     // relative accuracy of the result
  constexpr double kFpMin = 1e-300;  // keeps the Lentz denominators away from zero
  const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 - qab * x / qap;
  if (std::fabs(d) < kFpMin) d = kFpMin;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= kMaxIterations; ++m) {
    const double m2 = 2.0 * m;
    // Even step of the recurrence (NR eq. 6.4.6, d_{2m}).
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kFpMin) d = kFpMin;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kFpMin) c = kFpMin;
    d = 1.0 / d;
    h *= d * c;
    // Odd step (d_{2m+1}).
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kFpMin) d = kFpMin;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kFpMin) c = kFpMin;
    d = 1.0 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1.0) < kEps) break;
  }
  return h;
}

}  // namespace

double incomplete_beta(double a, double b, double x) {
  assert(a > 0 && b > 0 && "incomplete_beta: a and b must be positive");
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  // Prefactor x^a (1-x)^b / B(a, b), through log-gamma to avoid overflow (NR eq. 6.4.5).
  const double ln_front =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  const double front = std::exp(ln_front);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  // Symmetry I_x(a, b) = 1 - I_{1-x}(b, a) (A&S 26.5.2).
  return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

double student_t_cdf(double t, double dof) {
  assert(dof > 0 && "student_t_cdf: degrees of freedom must be positive");
  if (std::isinf(t)) return t > 0 ? 1.0 : 0.0;
  const double tail = 0.5 * incomplete_beta(0.5 * dof, 0.5, dof / (dof + t * t));
  return t >= 0 ? 1.0 - tail : tail;
}

double student_t_quantile(double p, double dof) {
  assert(p > 0 && p < 1 && "student_t_quantile: p must lie in (0, 1)");
  assert(dof > 0 && "student_t_quantile: degrees of freedom must be positive");
  if (p == 0.5) return 0.0;
  if (p < 0.5) return -student_t_quantile(1.0 - p, dof);
  // Bracket [lo, hi] with cdf(lo) <= p < cdf(hi), then halve it.
  double lo = 0.0, hi = 1.0;
  while (student_t_cdf(hi, dof) < p) {
    lo = hi;
    hi *= 2.0;
    if (hi > 1e12) return std::numeric_limits<double>::infinity();
  }
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (student_t_cdf(mid, dof) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace ss::batch
