// Validation on real data: peak stages of the Merewether urban flood benchmark
// against the five observed peaks (SOURCES.md §3a). The figure to beat is the
// mean absolute difference of WRL's TUFLOW model in the same ARR P15 report,
// 0.118 m (ObservationPoints.csv, "TUFLOW (ARR Report Final)" column); the test
// asserts 0.3 m at a 2 m cell, and docs/flood.md reports the 1 m run.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <ctime>
#include <iostream>

#include "engine/hazards/flood/flood_solver.hpp"
#include "tests/integration/merewether_case.hpp"

namespace {

using namespace ss;

// Peak stage (bed + max depth) at p: the highest among the open cells within one
// cell of it (observation points sit at house walls and kerbs).
double peak_stage(const FloodDesc& f, const FloodState& s, Vec2 p) {
  double best = -1e9;
  const FloodGrid& g = f.grid;
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx) {
      const std::int64_t c = g.cell_of(p + Vec2{dx * g.cell, dy * g.cell});
      if (c < 0 || g.blocked[static_cast<std::size_t>(c)]) continue;
      if (s.max_depth[static_cast<std::size_t>(c)] <= 0.0f) continue;
      best = std::max(best, g.z[static_cast<std::size_t>(c)] + s.max_depth[static_cast<std::size_t>(c)]);
    }
  return best;
}

double run_merewether(double cell) {
  const std::string dir = test::merewether_dir();
  const FloodDesc f = test::merewether_flood(dir, cell);
  FloodState s;
  init_flood(f, s);
  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  for (double t = 10.0; t <= 1000.0; t += 10.0)
    advance_flood(f, s, t);  // 1000 s: steady (ANUGA's run length)
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // CPU time: the machine may be shared, and the solver runs on one core.
  const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  double sum = 0.0;
  std::cout << "Merewether, " << cell << " m cells (" << f.grid.nx << " x " << f.grid.ny << "), "
            << s.substeps << " sub-steps, " << wall << " s wall, " << cpu << " s CPU, "
            << static_cast<double>(s.cell_updates) / cpu / 1e6
            << " M cell-updates per CPU second, mass error " << s.volumes.relative_error() << "\n";
  const auto obs = test::merewether_observations(dir);
  for (const auto& o : obs) {
    const double st = peak_stage(f, s, o.pos);
    std::cout << "  point " << o.id << ": computed " << st << " m, observed " << o.observed << " m, TUFLOW "
              << o.tuflow << " m, difference " << st - o.observed << " m\n";
    sum += std::fabs(st - o.observed);
  }
  const double mae = sum / static_cast<double>(obs.size());
  std::cout << "  mean absolute difference " << mae << " m\n";
  CHECK(obs.size() == 5);
  CHECK(s.volumes.relative_error() < 1e-3);
  return mae;
}

}  // namespace

TEST_CASE("Merewether benchmark: peak stages at 2 m cells lie within 0.3 m of the observed on average") {
  if (test::merewether_dir().empty()) {
    WARN("Merewether benchmark data not found; skipped");
    return;
  }
  CHECK(run_merewether(2.0) < 0.3);
}

TEST_CASE("Merewether benchmark at the DEM's 1 m cell (slow, and run by hand)", "[.][merewether1m]") {
  CHECK(run_merewether(1.0) < 0.3);
}
