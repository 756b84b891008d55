// Benchmark of the flood solver (issue 3: at least 50 M cell-updates per second per
// core). Two cases:
//  * synthetic: a fully wet 500 x 500 grid of 2 m cells on a 0.5 % slope with
//    bumps, 20 m³/s entering at the west edge and free outflow east — every cell is
//    updated in every sub-step;
//  * Merewether: the ARR Project 15 urban benchmark (tests/integration/merewether_case.hpp)
//    at 2 m and 1 m cells, the 1000 s run of the validation test (only the wet
//    spans of rows are visited, as in real runs).
// A cell-update is one cell of a row's processed span in one sub-step
// (FloodState::cell_updates). Prints a table and appends rows to a CSV; each figure
// is the median of several repeats (the machines are shared and noisy). CPU time is
// that of this process: the solver runs on one core.
//
//   build-flood/bench/bench_flood [repeats=5] [csv=bench/results-flood.csv] [case name contains]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "engine/hazards/flood/flood_grid.hpp"
#include "engine/hazards/flood/flood_solver.hpp"
#include "tests/integration/merewether_case.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using ss::bench::median;

ss::FloodDesc synthetic(int n, double cell) {
  ss::FloodDesc f;
  ss::FloodGrid& g = f.grid;
  g.cell = cell;
  g.nx = n;
  g.ny = n;
  g.z.resize(g.size());
  g.manning.resize(g.size());
  g.blocked.assign(g.size(), 0);
  f.initial_depth.resize(g.size());
  for (std::size_t c = 0; c < g.size(); ++c) {
    const ss::Vec2 p = g.centre(c);
    g.z[c] = 10.0 - 0.005 * p.x + 0.3 * std::sin(p.x / 37.0) * std::cos(p.y / 29.0);
    g.manning[c] = (c / static_cast<std::size_t>(n)) % 10 < 2 ? 0.02f : 0.04f;  // "streets" every 10 rows
    f.initial_depth[c] = 0.5;  // fully wet: every cell is updated in every sub-step
  }
  std::vector<std::uint32_t> west;
  for (int iy = 0; iy < n; ++iy) west.push_back(static_cast<std::uint32_t>(iy * n));
  f.sources.push_back({"inflow", west, ss::Hydrograph{{0.0}, {20.0}}});
  f.outflows.push_back({ss::GridSide::East, 0.0});
  return f;
}

struct Result {
  double wall = 0.0, cpu = 0.0;  // s, medians
  std::uint64_t updates = 0, substeps = 0;
  double mass_error = 0.0;
  std::uint64_t hash = 0;  // of the final depths' bits: equal in every repeat and build when deterministic
};

// FNV-1a over the bits of the depths.
std::uint64_t hash_depths(const std::vector<double>& h) {
  std::uint64_t x = 14695981039346656037ULL;
  for (const double d : h) {
    std::uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    for (int k = 0; k < 8; ++k) x = (x ^ ((b >> (8 * k)) & 0xFFu)) * 1099511628211ULL;
  }
  return x;
}

// Runs `run` on a fresh state `repeats` times; times [warm, end] of each.
Result time_runs(const ss::FloodDesc& f, int repeats, double warm, double end, double step) {
  std::vector<double> wall, cpu;
  Result r;
  for (int k = 0; k < repeats; ++k) {
    ss::FloodState s;
    ss::init_flood(f, s);
    if (warm > 0.0) ss::advance_flood(f, s, warm);
    const std::uint64_t u0 = s.cell_updates, s0 = s.substeps;
    const auto t0 = Clock::now();
    const std::clock_t c0 = std::clock();
    for (double t = warm + step; t <= end + 1e-9; t += step) ss::advance_flood(f, s, t);
    cpu.push_back(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    wall.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    r.updates = s.cell_updates - u0;
    r.substeps = s.substeps - s0;
    r.mass_error = s.volumes.relative_error();
    const std::uint64_t hash = hash_depths(s.h);
    if (k > 0 && hash != r.hash) std::printf("repeat %d gave other depths: not deterministic\n", k);
    r.hash = hash;
  }
  r.wall = median(wall);
  r.cpu = median(cpu);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  const std::string csv = argc > 2 ? argv[2] : SAFESTREET_SOURCE_DIR "/bench/results-flood.csv";
  const std::string only = argc > 3 ? argv[3] : "";

  struct Case {
    std::string name;
    std::function<ss::FloodDesc()> make;
    double warm, end, step;
  };
  std::vector<Case> cases = {{"synthetic_500x500_2m", [] { return synthetic(500, 2.0); }, 60.0, 300.0, 10.0}};
  const std::string dir = ss::test::merewether_dir();
  if (dir.empty()) {
    std::printf(
        "Merewether data not found (../shared/data/flood-benchmark/merewether): synthetic case only\n");
  } else {
    cases.push_back(
        {"merewether_2m", [&] { return ss::test::merewether_flood(dir, 2.0); }, 0.0, 1000.0, 10.0});
    cases.push_back(
        {"merewether_1m", [&] { return ss::test::merewether_flood(dir, 1.0); }, 0.0, 1000.0, 10.0});
  }

  const bool header = !std::ifstream(csv).good();
  std::ofstream out(csv, std::ios::app);
  if (header)
    out << "date,case,nx,ny,cell_m,substeps,cell_updates,repeats,median_wall_s,median_cpu_s,mcells_per_wall_"
           "s,"
           "mcells_per_cpu_s,mass_error,depth_hash\n";
  const std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));

  std::printf("%-22s %11s %9s %13s %9s %9s %12s %12s %9s %17s\n", "case", "grid", "substeps", "cell-updates",
              "wall s", "cpu s", "M/s (wall)", "M/s (cpu)", "mass err", "depth hash");
  for (const Case& c : cases) {
    if (c.name.find(only) == std::string::npos) continue;
    const ss::FloodDesc f = c.make();
    const Result r = time_runs(f, repeats, c.warm, c.end, c.step);
    const double u = static_cast<double>(r.updates);
    const std::string grid = std::to_string(f.grid.nx) + "x" + std::to_string(f.grid.ny);
    char hash[20];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(r.hash));
    std::printf("%-22s %11s %9llu %13.4g %9.3f %9.3f %12.1f %12.1f %9.1e %17s\n", c.name.c_str(),
                grid.c_str(), static_cast<unsigned long long>(r.substeps), u, r.wall, r.cpu, u / r.wall / 1e6,
                u / r.cpu / 1e6, r.mass_error, hash);
    out << date << "," << c.name << "," << f.grid.nx << "," << f.grid.ny << "," << f.grid.cell << ","
        << r.substeps << "," << r.updates << "," << repeats << "," << r.wall << "," << r.cpu << ","
        << u / r.wall / 1e6 << "," << u / r.cpu / 1e6 << "," << r.mass_error << "," << hash << "\n";
  }
  return 0;
}
