#pragma once
// Student's t distribution, from the regularized incomplete beta function. Written
// here rather than taken from a library so results are identical wherever SafeStreet
// is built (no Boost, no GSL in the engine's dependency list).
namespace ss::batch {

// Regularized incomplete beta function I_x(a, b), a > 0, b > 0, x in [0, 1].
// Continued fraction evaluated with the modified Lentz method: Numerical Recipes in
// C, 2nd ed., §6.4, eq. 6.4.5-6.4.6 (betai/betacf); the same expansion is
// Abramowitz & Stegun 26.5.8.
double incomplete_beta(double a, double b, double x);

// Cumulative distribution function of Student's t with `dof` degrees of freedom:
// P(T <= t) = 1 - I_{dof/(dof+t²)}(dof/2, 1/2) / 2 for t >= 0 (Abramowitz & Stegun
// 26.7.1 with 26.5.27; Numerical Recipes eq. 6.4.9), and by symmetry for t < 0.
double student_t_cdf(double t, double dof);

// Quantile t(p, dof): the t with student_t_cdf(t, dof) = p, p in (0, 1), dof >= 1,
// found by bisection on the CDF (monotone) to within 1e-12 relative. Published
// values to check against (two-sided 95 %, p = 0.975): dof 1 → 12.706,
// 5 → 2.571, 30 → 2.042 (e.g. NIST/SEMATECH e-Handbook, Table 1.3.6.7.2).
double student_t_quantile(double p, double dof);

}  // namespace ss::batch
