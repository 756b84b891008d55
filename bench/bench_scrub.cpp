// Benchmark of going back in a run (engine/core/snapshot_store.hpp) on the bundled
// town: a snapshot's size, the cost of taking and restoring one, a step's cost, and
// jumps to times spread over the whole run at several snapshot intervals — the
// measurements the default interval is chosen from (docs/gui.md "Timeline").
// Without --interval it measures the defaults the GUI uses (SnapshotSettings{}); the
// interval column is then the one in effect at the end, after any thinning.
// Prints a table and appends rows to bench/results-scrub.csv; jump times are
// medians of many jumps, because these machines are shared and noisy.
//
//   bench_scrub [--interval S]... [--jumps N] [--csv FILE] [scenario.yaml ...]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "engine/core/snapshot_store.hpp"
#include "engine/core/state_hash.hpp"
#include "scenarios/loader/assemble.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using ss::bench::median;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
// This process' CPU time, s: on a shared machine the wall time of a jump includes
// waiting for a core, the CPU time does not.
double cpu_s() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

struct Row {
  double interval = 0, snapshots = 0, mb_each = 0, mb_total = 0, take_ms = 0, size_ms = 0, restore_ms = 0,
         step_ms = 0, jump_ms = 0, jump_max_ms = 0, jump_cpu_ms = 0;
};

Row measure(const ss::Model& m, const ss::SnapshotSettings& settings, int jumps) {
  Row r;
  ss::Simulation sim(m, m.run.seed);
  ss::SnapshotStore store(settings);
  store.reset(sim);
  const Clock::time_point t0 = Clock::now();
  while (!sim.finished()) store.step(sim);
  const double run_s = since(t0);
  const auto steps = static_cast<double>(sim.state().step);
  const auto& snaps = store.snapshots();
  r.snapshots = static_cast<double>(snaps.size());
  r.interval = static_cast<double>(store.interval_steps()) * m.run.dt;  // after any thinning
  r.mb_total = static_cast<double>(store.bytes()) / 1e6;
  r.mb_each = r.mb_total / r.snapshots;
  // A copy (taking a snapshot) and a restore of the run's middle snapshot.
  const ss::SimState& mid = snaps[snaps.size() / 2].state;
  std::vector<double> take, size, restore;
  for (int k = 0; k < 7; ++k) {
    const Clock::time_point a = Clock::now();
    const ss::SimState copy = mid;
    take.push_back(since(a));
    const Clock::time_point z = Clock::now();
    volatile std::uint64_t bytes = ss::state_bytes(copy);
    (void)bytes;
    size.push_back(since(z));
    const Clock::time_point b = Clock::now();
    sim.restore(copy);
    restore.push_back(since(b));
  }
  r.take_ms = 1e3 * median(take);
  r.size_ms = 1e3 * median(size);
  r.restore_ms = 1e3 * median(restore);
  r.step_ms = 1e3 * (run_s - 1e-3 * (r.take_ms + r.size_ms) * r.snapshots) / steps;
  // Jumps to times spread over the run in a scrambled order (golden-ratio steps), so
  // that each lands at another distance after its snapshot, as a user's drags do.
  std::vector<double> jump, jump_cpu;
  const double end = steps * m.run.dt;
  for (int k = 0; k < jumps; ++k) {
    const double t = end * std::fmod(0.5 + 0.6180339887498949 * k, 1.0);
    const Clock::time_point a = Clock::now();
    const double c = cpu_s();
    store.jump(sim, t);
    jump.push_back(since(a));
    jump_cpu.push_back(cpu_s() - c);
  }
  r.jump_ms = 1e3 * median(jump);
  r.jump_cpu_ms = 1e3 * median(jump_cpu);
  r.jump_max_ms = 0;
  for (const double j : jump) r.jump_max_ms = std::max(r.jump_max_ms, 1e3 * j);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<double> intervals;
  std::vector<std::string> scenarios;
  int jumps = 25;
  std::string csv = SAFESTREET_SOURCE_DIR "/bench/results-scrub.csv";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--interval" && i + 1 < argc) {
      intervals.push_back(std::atof(argv[++i]));
    } else if (a == "--jumps" && i + 1 < argc) {
      jumps = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--csv" && i + 1 < argc) {
      csv = argv[++i];
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr,
                   "usage: bench_scrub [--interval S]... [--jumps N] [--csv FILE] [scenario.yaml ...]\n");
      return 2;
    } else {
      scenarios.push_back(a);
    }
  }
  for (const double s : intervals)
    if (!(s > 0)) {
      std::fprintf(stderr, "--interval: must be a positive number of seconds\n");
      return 2;
    }
  if (scenarios.empty())
    scenarios = {SAFESTREET_SOURCE_DIR "/scenarios/lauf.yaml",
                 SAFESTREET_SOURCE_DIR "/scenarios/lauf_flood.yaml"};

  const bool header = !std::ifstream(csv).good();
  std::ofstream out(csv, std::ios::app);
  if (header)
    out << "scenario,interval_s,snapshots,mb_per_snapshot,mb_total,take_ms,size_ms,restore_ms,step_ms,jumps,"
           "jump_median_ms,jump_max_ms,jump_cpu_median_ms\n";
  std::printf("%-16s %8s %6s %8s %9s %8s %8s %10s %8s %12s %9s %12s\n", "scenario", "interval", "snaps",
              "MB each", "MB total", "take ms", "size ms", "restore ms", "step ms", "jump med ms", "jump max",
              "jump cpu ms");
  for (const std::string& path : scenarios) {
    try {
      const ss::scenarios::Assembly a = ss::scenarios::assemble_file(path);
      const std::string name = path.substr(path.find_last_of('/') + 1);
      // Each --interval with room for every snapshot; without one, the GUI's settings
      // (interval and memory bound).
      std::vector<ss::SnapshotSettings> runs;
      for (const double interval : intervals) runs.push_back({interval, 4e9});
      if (runs.empty()) runs.push_back({});
      for (const ss::SnapshotSettings& settings : runs) {
        const Row r = measure(a.model, settings, jumps);
        std::printf("%-16s %8.0f %6.0f %8.2f %9.1f %8.2f %8.2f %10.2f %8.3f %12.1f %9.1f %12.1f\n",
                    name.c_str(), r.interval, r.snapshots, r.mb_each, r.mb_total, r.take_ms, r.size_ms,
                    r.restore_ms, r.step_ms, r.jump_ms, r.jump_max_ms, r.jump_cpu_ms);
        out << name << ',' << r.interval << ',' << r.snapshots << ',' << r.mb_each << ',' << r.mb_total << ','
            << r.take_ms << ',' << r.size_ms << ',' << r.restore_ms << ',' << r.step_ms << ',' << jumps << ','
            << r.jump_ms << ',' << r.jump_max_ms << ',' << r.jump_cpu_ms << '\n';
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "error: %s\n", e.what());
      return 2;
    }
  }
  return 0;
}
