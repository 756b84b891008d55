// Student t quantiles from our own incomplete beta function, against published
// tables (NIST/SEMATECH e-Handbook of Statistical Methods, Table 1.3.6.7.2, and
// Abramowitz & Stegun Table 26.10).
#include <catch2/catch.hpp>

#include <cmath>

#include "batch/student_t.hpp"

using ss::batch::incomplete_beta;
using ss::batch::student_t_cdf;
using ss::batch::student_t_quantile;

TEST_CASE("the regularized incomplete beta function meets its closed forms", "[batch]") {
  // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1-x)^b; I_0.5(a, a) = 1/2 (symmetry).
  for (double x : {0.0, 0.1, 0.37, 0.5, 0.9, 1.0}) {
    CHECK(incomplete_beta(1, 1, x) == Approx(x).margin(1e-14));
    CHECK(incomplete_beta(3.5, 1, x) == Approx(std::pow(x, 3.5)).margin(1e-13));
    CHECK(incomplete_beta(1, 2.5, x) == Approx(1 - std::pow(1 - x, 2.5)).margin(1e-13));
  }
  for (double a : {0.5, 2.0, 7.0, 40.0}) CHECK(incomplete_beta(a, a, 0.5) == Approx(0.5).margin(1e-13));
}

TEST_CASE("95 % two-sided t quantiles match the published table", "[batch]") {
  CHECK(student_t_quantile(0.975, 1) == Approx(12.706).margin(5e-4));
  CHECK(student_t_quantile(0.975, 2) == Approx(4.303).margin(5e-4));
  CHECK(student_t_quantile(0.975, 5) == Approx(2.571).margin(5e-4));
  CHECK(student_t_quantile(0.975, 10) == Approx(2.228).margin(5e-4));
  CHECK(student_t_quantile(0.975, 30) == Approx(2.042).margin(5e-4));
  CHECK(student_t_quantile(0.975, 100) == Approx(1.984).margin(5e-4));
  // Exact for one degree of freedom (Cauchy): tan(π (p − 1/2)).
  CHECK(student_t_quantile(0.975, 1) == Approx(std::tan(M_PI * 0.475)).epsilon(1e-10));
}

TEST_CASE("the t distribution is symmetric and its quantile inverts its CDF", "[batch]") {
  CHECK(student_t_cdf(0, 4) == Approx(0.5));
  CHECK(student_t_quantile(0.5, 4) == 0.0);
  CHECK(student_t_quantile(0.025, 7) == Approx(-student_t_quantile(0.975, 7)));
  for (double dof : {1.0, 3.0, 12.0, 60.0})
    for (double p : {0.6, 0.9, 0.975, 0.995})
      CHECK(student_t_cdf(student_t_quantile(p, dof), dof) == Approx(p).epsilon(1e-10));
  // 99 % two-sided for 5 degrees of freedom: 4.032 (NIST table).
  CHECK(student_t_quantile(0.995, 5) == Approx(4.032).margin(5e-4));
}
