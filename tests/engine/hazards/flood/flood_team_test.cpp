// The flood solver on several threads: the team's barrier, and results bit for bit
// the same as on one thread (docs/flood.md "Threads").
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <thread>

#include "engine/hazards/flood/flood_solver.hpp"
#include "engine/hazards/flood/flood_team.hpp"

namespace {

using namespace ss;

// Bits of two vectors equal (NaN arrival times included).
template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

void require_same_state(const FloodState& a, const FloodState& b) {
  CHECK(same_bits(a.h, b.h));
  CHECK(same_bits(a.qx, b.qx));
  CHECK(same_bits(a.qy, b.qy));
  CHECK(same_bits(a.speed, b.speed));
  CHECK(same_bits(a.max_depth, b.max_depth));
  CHECK(same_bits(a.arrival, b.arrival));
  CHECK(a.wet_x0 == b.wet_x0);
  CHECK(a.wet_x1 == b.wet_x1);
  CHECK(a.substeps == b.substeps);
  CHECK(a.cell_updates == b.cell_updates);
  CHECK(a.negative_depths == b.negative_depths);
  CHECK(std::bit_cast<std::uint64_t>(a.clipped_volume) == std::bit_cast<std::uint64_t>(b.clipped_volume));
  CHECK(std::bit_cast<std::uint64_t>(a.volumes.outflow) == std::bit_cast<std::uint64_t>(b.volumes.outflow));
  CHECK(std::bit_cast<std::uint64_t>(a.volumes.stored) == std::bit_cast<std::uint64_t>(b.volumes.stored));
  CHECK(std::bit_cast<std::uint64_t>(a.deepest) == std::bit_cast<std::uint64_t>(b.deepest));
}

// A dam break on a tilted street grid: a lake in one corner, buildings, a hump that
// stays dry, free outflow east and south, rain for a while. Rows wet and dry at
// different times, so the bands' spans are ragged and change every sub-step, and
// fast shallow flow down the slope makes the depth limiter act (negative depths
// are fixed and counted).
FloodDesc ragged_flood(int nx, int ny) {
  FloodDesc f;
  FloodGrid& g = f.grid;
  g.cell = 2.0;
  g.nx = nx;
  g.ny = ny;
  g.z.resize(g.size());
  g.manning.assign(g.size(), 0.03f);
  g.blocked.assign(g.size(), 0);
  f.initial_depth.assign(g.size(), 0.0);
  for (int iy = 0; iy < ny; ++iy)
    for (int ix = 0; ix < nx; ++ix) {
      const std::size_t c = static_cast<std::size_t>(iy) * nx + ix;
      g.z[c] = 0.05 * (nx - ix) + 0.03 * iy + 0.2 * std::sin(ix / 3.0) * std::cos(iy / 5.0);
      if (ix % 9 > 5 && iy % 7 > 4) g.blocked[c] = 1;  // blocks of buildings between streets
      if (std::hypot(ix - 0.6 * nx, iy - 0.5 * ny) < 4.0) g.z[c] += 3.0;          // a dry hump
      if (ix < nx / 4 && iy > ny / 2 && !g.blocked[c]) f.initial_depth[c] = 1.5;  // the lake
    }
  f.outflows.push_back({GridSide::East, 0.0});
  f.outflows.push_back({GridSide::South, 0.01});
  f.sources.push_back(
      {"inflow", {static_cast<std::uint32_t>(ny / 3 * nx + 1)}, Hydrograph{{0.0, 60.0}, {5.0, 0.0}}});
  f.rain = Hydrograph{{0.0, 30.0, 31.0}, {2e-5, 2e-5, 0.0}};
  f.solver.parallel_min_cells = 0;  // the threads take every sub-step
  return f;
}

FloodState run(FloodDesc f, int threads, double end, double step) {
  f.solver.threads = threads;
  FloodState s;
  init_flood(f, s);
  for (double t = step; t <= end + 1e-9; t += step) advance_flood(f, s, t);
  return s;
}

}  // namespace

TEST_CASE("the flood team runs every member once per job and sync separates the phases") {
  for (const int members : {1, 2, 3, 5}) {
    FloodTeam team(members);
    REQUIRE(team.size() == members);
    std::vector<int> first(static_cast<std::size_t>(members), 0), second(first);
    for (int job = 1; job <= 3; ++job) {
      team.run([&](int m) {
        first[static_cast<std::size_t>(m)] = job * 10 + m;
        team.sync();
        // Every member's first phase is done: read the neighbour's value.
        const int next = (m + 1) % members;
        second[static_cast<std::size_t>(m)] = first[static_cast<std::size_t>(next)];
      });
      for (int m = 0; m < members; ++m)
        CHECK(second[static_cast<std::size_t>(m)] == job * 10 + (m + 1) % members);
    }
  }
}

TEST_CASE("the flood's automatic thread count is the machine's, at most eight, and a setting is kept") {
  const int hw = static_cast<int>(std::thread::hardware_concurrency());
  CHECK(flood_threads(0) == std::clamp(hw, 1, kMaxAutoFloodThreads));
  CHECK(flood_threads(3) == 3);
  CHECK(flood_threads(1) == 1);
}

TEST_CASE("a wetting and drying flood gives bit-identical fields on 1, 2, 3 and 7 threads") {
  const FloodDesc f = ragged_flood(90, 70);
  const FloodState one = run(f, 1, 120.0, 5.0);
  REQUIRE(one.substeps > 100);
  REQUIRE(one.volumes.outflow > 0.0);  // water left through the edges
  REQUIRE(one.negative_depths > 0);    // the clipped-volume sum is exercised
  for (const int threads : {2, 3, 7}) {
    INFO(threads << " threads");
    require_same_state(one, run(f, threads, 120.0, 5.0));
  }
}

TEST_CASE("more flood threads than wet rows still give the one-thread result") {
  FloodDesc f = ragged_flood(40, 6);  // six rows: at most six bands
  const FloodState one = run(f, 1, 30.0, 10.0);
  require_same_state(one, run(f, 16, 30.0, 10.0));
}
