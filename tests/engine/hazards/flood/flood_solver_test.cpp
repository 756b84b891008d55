// The flood solver against the properties any shallow-water scheme must show:
// water at rest stays at rest, mass is conserved, depths never go negative, and a
// dam-break front travels at the analytic speed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "engine/hazards/flood/flood_grid.hpp"
#include "engine/hazards/flood/flood_solver.hpp"

namespace {

using namespace ss;

FloodGrid flat_grid(int nx, int ny, double cell, double z = 0.0) {
  FloodGrid g;
  g.cell = cell;
  g.nx = nx;
  g.ny = ny;
  g.z.assign(g.size(), z);
  g.manning.assign(g.size(), 0.03f);
  g.blocked.assign(g.size(), 0);
  return g;
}

}  // namespace

TEST_CASE("a lake at rest over uneven ground with islands and buildings stays at rest") {
  FloodDesc f;
  f.grid = flat_grid(60, 40, 5.0);
  for (std::size_t c = 0; c < f.grid.size(); ++c) {
    const Vec2 p = f.grid.centre(c);
    // Bumps from 7 m to 11 m: the 10 m lake leaves islands dry.
    f.grid.z[c] = 9.0 + 2.0 * std::sin(p.x / 23.0) * std::cos(p.y / 17.0) + 0.3 * std::sin(p.x * 1.7 + p.y);
    f.grid.manning[c] = (c % 3 == 0) ? 0.02f : 0.05f;
  }
  for (int iy = 10; iy < 14; ++iy)
    for (int ix = 20; ix < 25; ++ix) f.grid.blocked[static_cast<std::size_t>(iy) * 60 + ix] = 1;
  f.initial_depth.resize(f.grid.size());
  for (std::size_t c = 0; c < f.grid.size(); ++c) f.initial_depth[c] = std::max(0.0, 10.0 - f.grid.z[c]);
  FloodState s;
  init_flood(f, s);
  const std::vector<double> h0 = s.h;
  advance_flood(f, s, 1800.0);
  double dh = 0.0, q = 0.0;
  for (std::size_t c = 0; c < s.h.size(); ++c) dh = std::max(dh, std::fabs(s.h[c] - h0[c]));
  for (const double v : s.qx) q = std::max(q, std::fabs(v));
  for (const double v : s.qy) q = std::max(q, std::fabs(v));
  CHECK(dh < 1e-9);
  CHECK(q < 1e-9);
  CHECK(s.substeps > 100);
}

TEST_CASE("mass is conserved to 0.1 % with an inflow hydrograph, rain and a free outflow edge") {
  FloodDesc f;
  f.grid = flat_grid(80, 30, 10.0);
  for (std::size_t c = 0; c < f.grid.size(); ++c) {
    const Vec2 p = f.grid.centre(c);
    f.grid.z[c] = 20.0 - 0.005 * p.x + 0.2 * std::sin(p.y / 40.0) + 0.1 * std::cos(p.x / 13.0);
  }
  f.sources.push_back({"inflow", cells_in_disc(f.grid, {25.0, 150.0}, 15.0),
                       Hydrograph{{0.0, 600.0, 1800.0, 3600.0}, {0.0, 30.0, 30.0, 5.0}}});
  f.rain = Hydrograph{{0.0, 1200.0}, {50.0 / 3.6e6, 0.0}};  // 50 mm/h dropping to nothing
  f.outflows.push_back({GridSide::East, 0.0});
  FloodState s;
  init_flood(f, s);
  double min_h = 0.0;
  for (double t = 60.0; t <= 3600.0; t += 60.0) {
    advance_flood(f, s, t);
    for (const double h : s.h) min_h = std::min(min_h, h);
  }
  INFO("in " << s.volumes.inflow << " m3, rain " << s.volumes.rain << " m3, out " << s.volumes.outflow
             << " m3, stored " << s.volumes.stored << " m3");
  CHECK(s.volumes.inflow == Approx(0.5 * 600 * 30 + 1200 * 30 + 0.5 * 1800 * 35).epsilon(1e-9));
  CHECK(s.volumes.outflow > 0.1 * s.volumes.inflow);
  CHECK(s.volumes.relative_error() < 1e-3);
  CHECK(std::fabs(s.volumes.balance_error()) < 1e-6 * s.volumes.inflow);
  CHECK(min_h >= 0.0);
}

TEST_CASE("cells that drain dry never hold negative depth") {
  FloodDesc f;
  f.grid = flat_grid(50, 5, 2.0);
  for (std::size_t c = 0; c < f.grid.size(); ++c) f.grid.z[c] = 5.0 - 0.05 * f.grid.centre(c).x;  // 5 % slope
  f.initial_depth.assign(f.grid.size(), 0.02);
  f.outflows.push_back({GridSide::East, 0.05});
  FloodState s;
  init_flood(f, s);
  for (double t = 5.0; t <= 600.0; t += 5.0) {
    advance_flood(f, s, t);
    REQUIRE(*std::min_element(s.h.begin(), s.h.end()) >= 0.0);
  }
  CHECK(s.volumes.stored < 0.5 * s.volumes.initial);
  CHECK(s.volumes.relative_error() < 1e-9);
}

// Stoker (1957) dam break on a wet frictionless flat bed: depth h0 behind the dam,
// h1 ahead. The middle state (h_m, u_m) satisfies the rarefaction u_m = 2(√(g h0) − √(g h_m))
// and the shock condition u_m = (h_m − h1) √(g (h_m + h1) / (2 h_m h1)); the bore
// moves at S = h_m u_m / (h_m − h1).
TEST_CASE("a dam-break bore on a wet bed travels at Stoker's analytic speed") {
  const double g = 9.81, h0 = 1.0, h1 = 0.5;
  auto residual = [&](double hm) {
    return 2.0 * (std::sqrt(g * h0) - std::sqrt(g * hm)) -
           (hm - h1) * std::sqrt(g * (hm + h1) / (2.0 * hm * h1));
  };
  double lo = h1, hi = h0;
  for (int k = 0; k < 100; ++k) ((residual(0.5 * (lo + hi)) > 0.0) ? lo : hi) = 0.5 * (lo + hi);
  const double hm = 0.5 * (lo + hi);
  const double um = 2.0 * (std::sqrt(g * h0) - std::sqrt(g * hm));
  const double speed = hm * um / (hm - h1);

  FloodDesc f;
  f.grid = flat_grid(800, 1, 0.5);
  std::fill(f.grid.manning.begin(), f.grid.manning.end(), 0.0f);
  f.initial_depth.resize(f.grid.size());
  for (std::size_t c = 0; c < f.grid.size(); ++c) f.initial_depth[c] = f.grid.centre(c).x < 200.0 ? h0 : h1;
  FloodState s;
  init_flood(f, s);
  const double t = 20.0;
  advance_flood(f, s, t);
  // Front: the last cell (from downstream) above the middle of h_m and h1.
  double front = 0.0;
  for (std::size_t c = f.grid.size(); c-- > 0;)
    if (s.h[c] > 0.5 * (hm + h1)) {
      front = f.grid.centre(c).x + 0.5 * f.grid.cell;
      break;
    }
  const double travelled = front - 200.0, expected = speed * t;
  INFO("h_m " << hm << " m, bore speed " << speed << " m/s: expected " << expected << " m, got " << travelled
              << " m");
  // The local inertial scheme drops the advection term (Bates et al. 2010 §2.1), which
  // slows bores a little: it gives 55.5 m for 59.2 m here (−6 %); 10 % is the bound.
  CHECK(std::fabs(travelled - expected) < 0.10 * expected);
  CHECK(s.volumes.relative_error() < 1e-12);
}

TEST_CASE("a water-level boundary fills a basin to its level and accounts the volume") {
  FloodDesc f;
  f.grid = flat_grid(20, 20, 5.0, 1.0);
  std::vector<std::uint32_t> west;
  for (int iy = 0; iy < 20; ++iy) west.push_back(static_cast<std::uint32_t>(iy * 20));
  f.levels.push_back({"river", west, Hydrograph{{0.0, 600.0}, {1.0, 1.5}}});
  FloodState s;
  init_flood(f, s);
  advance_flood(f, s, 3600.0);
  CHECK(s.h[20 * 10 + 19] == Approx(0.5).margin(0.01));
  CHECK(s.volumes.boundary == Approx(0.5 * 20 * 20 * 25).epsilon(0.02));
  CHECK(s.volumes.relative_error() < 1e-9);
}
