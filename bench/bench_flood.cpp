// Benchmark of the flood solver (at least 50 M cell-updates per second per core).
// Cases:
//  * synthetic: a fully wet 500 x 500 grid of 2 m cells on a 0.5 % slope with
//    bumps, 20 m³/s entering at the west edge and free outflow east — every cell is
//    updated in every sub-step;
//  * Merewether: the ARR Project 15 urban benchmark (tests/integration/merewether_case.hpp)
//    at 2 m and 1 m cells, the 1000 s run of the validation test (only the wet
//    spans of rows are visited, as in real runs);
//  * city (only when asked for with --city): the 2,000 x 2,000 valley at 5 m of
//    tests/integration/flood_city_case.hpp, the river's 12-hour flood wave (--hours
//    runs the first H hours of it).
// A cell-update is one cell of a row's processed span in one sub-step
// (FloodState::cell_updates). Prints a table and appends rows to a CSV; each figure
// is the median of several repeats (the machines are shared and noisy). CPU time is
// that of this process, all its threads together: CPU / wall near the thread count
// means the threads ran side by side, near 1 that they waited for a core. Each
// case runs once per thread count of --threads (default 1); the depth hash must be
// the same for every count. Peak RSS is this process's so far (getrusage).
//
//   build-flood/bench/bench_flood [repeats=5] [csv=bench/results-flood.csv] [case name contains]
//                                 [--threads 1,2] [--city] [--hours H] [--min-cells N]
// --min-cells sets the solver's parallel_min_cells (0: threads on every sub-step),
// for measuring the break-even.
#include <sys/resource.h>
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
#include "tests/integration/flood_city_case.hpp"
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

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

int main(int argc, char** argv) {
  std::vector<std::string> pos;
  std::vector<int> thread_counts;
  bool city = false;
  double hours = 12.0;
  long long min_cells = -1;  // < 0: the solver's default
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "--city") {
      city = true;
    } else if ((arg == "--threads" || arg == "--hours" || arg == "--min-cells") && a + 1 < argc) {
      const std::string v = argv[++a];
      if (arg == "--min-cells") {
        min_cells = std::atoll(v.c_str());
        continue;
      }
      if (arg == "--hours") {
        hours = std::atof(v.c_str());
        if (!(hours > 0.0)) {
          std::fprintf(stderr, "--hours: must be greater than 0, not '%s'\n", v.c_str());
          return 2;
        }
        continue;
      }
      for (std::size_t b = 0; b < v.size();) {
        const std::size_t e = std::min(v.find(',', b), v.size());
        const int t = std::atoi(v.substr(b, e - b).c_str());
        if (t < 1) {
          std::fprintf(stderr, "--threads: thread counts are whole numbers from 1, not '%s'\n", v.c_str());
          return 2;
        }
        thread_counts.push_back(t);
        b = e + 1;
      }
    } else if (arg.starts_with("--")) {
      std::fprintf(stderr, "unknown option %s (--threads 1,2 --city --hours H --min-cells N)\n", arg.c_str());
      return 2;
    } else {
      pos.push_back(arg);
    }
  }
  if (thread_counts.empty()) thread_counts.push_back(1);
  const int repeats = pos.size() > 0 ? std::max(1, std::atoi(pos[0].c_str())) : 5;
  const std::string csv = pos.size() > 1 ? pos[1] : SAFESTREET_SOURCE_DIR "/bench/results-flood.csv";
  const std::string only = pos.size() > 2 ? pos[2] : "";

  struct Case {
    std::string name;
    std::function<ss::FloodDesc()> make;
    double warm, end, step;
  };
  std::vector<Case> cases;
  if (city) {
    char name[48];
    std::snprintf(name, sizeof name, "city_2000x2000_5m_%gh", hours);
    cases.push_back({name, [] { return ss::test::city_flood(); }, 0.0, hours * 3600.0, 60.0});
  } else {
    cases.push_back({"synthetic_500x500_2m", [] { return synthetic(500, 2.0); }, 60.0, 300.0, 10.0});
  }
  const std::string dir = city ? std::string() : ss::test::merewether_dir();
  if (!city && dir.empty()) {
    std::printf(
        "Merewether data not found (../shared/data/flood-benchmark/merewether): synthetic case only\n");
  } else if (!city) {
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
           "mcells_per_cpu_s,mass_error,depth_hash,threads,peak_rss_mb\n";
  const std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));

  std::printf("%-22s %11s %3s %9s %13s %9s %9s %12s %12s %9s %17s %8s\n", "case", "grid", "thr", "substeps",
              "cell-updates", "wall s", "cpu s", "M/s (wall)", "M/s (cpu)", "mass err", "depth hash",
              "RSS MB");
  for (const Case& c : cases) {
    if (c.name.find(only) == std::string::npos) continue;
    ss::FloodDesc f = c.make();
    for (const int threads : thread_counts) {
      f.solver.threads = threads;
      if (min_cells >= 0) f.solver.parallel_min_cells = static_cast<std::uint64_t>(min_cells);
      const Result r = time_runs(f, repeats, c.warm, c.end, c.step);
      const double u = static_cast<double>(r.updates);
      const std::string grid = std::to_string(f.grid.nx) + "x" + std::to_string(f.grid.ny);
      char hash[20];
      std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(r.hash));
      const double rss = peak_rss_mb();
      std::printf("%-22s %11s %3d %9llu %13.4g %9.3f %9.3f %12.1f %12.1f %9.1e %17s %8.0f\n", c.name.c_str(),
                  grid.c_str(), threads, static_cast<unsigned long long>(r.substeps), u, r.wall, r.cpu,
                  u / r.wall / 1e6, u / r.cpu / 1e6, r.mass_error, hash, rss);
      std::fflush(stdout);
      out << date << "," << c.name << "," << f.grid.nx << "," << f.grid.ny << "," << f.grid.cell << ","
          << r.substeps << "," << r.updates << "," << repeats << "," << r.wall << "," << r.cpu << ","
          << u / r.wall / 1e6 << "," << u / r.cpu / 1e6 << "," << r.mass_error << "," << hash << ","
          << threads << "," << rss << "\n";
      out.flush();
    }
  }
  return 0;
}
