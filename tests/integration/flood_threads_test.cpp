// The flood solver on several threads gives the one-thread result bit for bit on
// real cases: the Merewether benchmark, the city-size valley of the benchmark (a
// short horizon of it), and a whole flood scenario's simulation state
// (docs/flood.md "Threads").
#include <catch2/catch.hpp>

#include <bit>
#include <cstring>

#include "engine/core/simulation.hpp"
#include "engine/core/state_hash.hpp"
#include "engine/hazards/flood/flood_solver.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#include "tests/integration/flood_city_case.hpp"
#include "tests/integration/merewether_case.hpp"

using namespace ss;

namespace {

template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

FloodState run(FloodDesc& f, int threads, double end, double step) {
  f.solver.threads = threads;
  FloodState s;
  init_flood(f, s);
  for (double t = step; t <= end + 1e-9; t += step) advance_flood(f, s, t);
  return s;
}

void check_same(const FloodState& a, const FloodState& b) {
  CHECK(same_bits(a.h, b.h));
  CHECK(same_bits(a.qx, b.qx));
  CHECK(same_bits(a.qy, b.qy));
  CHECK(same_bits(a.speed, b.speed));
  CHECK(same_bits(a.max_depth, b.max_depth));
  CHECK(same_bits(a.arrival, b.arrival));
  CHECK(a.substeps == b.substeps);
  CHECK(a.negative_depths == b.negative_depths);
  CHECK(std::bit_cast<std::uint64_t>(a.volumes.outflow) == std::bit_cast<std::uint64_t>(b.volumes.outflow));
  CHECK(std::bit_cast<std::uint64_t>(a.volumes.stored) == std::bit_cast<std::uint64_t>(b.volumes.stored));
}

}  // namespace

TEST_CASE("the Merewether flood on 2 and 3 threads has the depths of the one-thread run bit for bit") {
  const std::string dir = test::merewether_dir();
  if (dir.empty()) {
    WARN("Merewether benchmark data not found; skipped");
    return;
  }
  FloodDesc f = test::merewether_flood(dir, 2.0);
  f.solver.parallel_min_cells = 0;  // every sub-step on the threads, however few cells are wet
  const FloodState one = run(f, 1, 600.0, 10.0);
  REQUIRE(one.volumes.stored > 1000.0);  // m³: the streets are flooded
  for (const int threads : {2, 3}) {
    INFO(threads << " threads");
    check_same(one, run(f, threads, 600.0, 10.0));
  }
}

TEST_CASE("the city-size valley of the benchmark: 2 threads match 1 and the river flows downstream") {
  FloodDesc f = test::city_flood();  // 2,000 x 2,000 cells at 5 m; its first 2 minutes
  REQUIRE(f.grid.size() == 4'000'000);
  const FloodState one = run(f, 1, 120.0, 60.0);
  const FloodState two = run(f, 2, 120.0, 60.0);
  check_same(one, two);
  CHECK(one.volumes.relative_error() < 1e-9);
  CHECK(one.volumes.inflow > 100.0 * 120.0 * 0.99);  // the base flow entered
  // The channel's water moves east: discharge through the channel at mid-valley.
  const std::size_t nx = static_cast<std::size_t>(f.grid.nx);
  const int ix = 1000;  // x = 5,000 m
  const int iy = static_cast<int>(test::city_valley_axis((ix + 0.5) * 5.0) / 5.0);
  CHECK(one.qx[static_cast<std::size_t>(iy) * (nx + 1) + ix] > 0.5);  // m²/s eastward
}

TEST_CASE("a flood scenario's whole simulation state is the same on 1 and 2 flood threads") {
  auto state_after = [](int threads) {
    scenarios::ScenarioDesc desc =
        scenarios::load_scenario(SAFESTREET_SOURCE_DIR "/scenarios/lauf_flood.yaml");
    REQUIRE(desc.flood);
    desc.flood->solver.threads = threads;
    desc.flood->solver.parallel_min_cells = 0;  // Lauf's river wets ~7 k cells a sub-step
    const scenarios::Assembly a = scenarios::assemble(desc);
    Simulation sim(a.model, 1);
    sim.run_until(3600.0);
    return state_hash(sim.state());
  };
  CHECK(state_after(1) == state_after(2));
}
