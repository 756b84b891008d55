#include <catch2/catch.hpp>

#include "engine/core/params.hpp"

using namespace ss;

TEST_CASE("Weidmann speed factor follows the published fundamental diagram") {
  const MovementParams p;
  CHECK(weidmann_factor(0.0, p) == 1.0);
  CHECK(weidmann_factor(p.weidmann_rho_max, p) == 0.0);
  CHECK(weidmann_factor(10.0, p) == 0.0);
  // Speed falls monotonically with density.
  double last = 1.0;
  for (double rho = 0.25; rho < 5.4; rho += 0.25) {
    const double f = weidmann_factor(rho, p);
    CHECK(f < last);
    last = f;
  }
}

TEST_CASE("the largest specific flow of the diagram is about 1.22 P/(m s) near 1.75 P/m2") {
  // VERIFICATION.md: Weidmann maximum specific flow ≈ 1.22 P/(m·s) at ≈ 1.75 P/m².
  const MovementParams p;
  const double v0 = 1.34;
  double best_flow = 0.0, best_rho = 0.0;
  for (double rho = 0.01; rho < 5.4; rho += 0.01) {
    const double flow = rho * v0 * weidmann_factor(rho, p);
    if (flow > best_flow) {
      best_flow = flow;
      best_rho = rho;
    }
  }
  CHECK(best_flow == Approx(1.22).margin(0.02));
  CHECK(best_rho == Approx(1.75).margin(0.15));
  // The node capacity default is the same figure, so edges and nodes agree.
  CHECK(p.specific_flow == Approx(best_flow).margin(0.02));
}
