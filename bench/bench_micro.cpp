// Benchmark of the micro model on the bottleneck scene of issue 5: N residents at
// about 1.6 P/m² in a square room leave through a 2 m exit, dt 0.05 s. Times the
// first `steps` steps after departure (everyone is a body and the door queue has
// formed) and reports µs per resident-step and the real-time factor; medians of
// several repeats, appended to bench/results-micro.csv. Wall-clock time and the
// thread's CPU time are both reported: on a shared machine the wall clock also
// counts time the process waits for a core, the CPU time does not.
#include <time.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "engine/core/simulation.hpp"
#include "engine/scenes/micro_builders.hpp"

namespace {

using Clock = std::chrono::steady_clock;

using ss::bench::median;

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  const int steps = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;
  const std::string csv = argc > 3 ? argv[3] : SAFESTREET_SOURCE_DIR "/bench/results-micro.csv";
  std::vector<int> sizes = {1000, 10000};
  for (int i = 4; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));

  std::printf("%8s %8s %10s %12s %12s %10s %10s\n", "N", "steps", "bodies", "us/res-step", "cpu-us/step",
              "realtime", "out");
  std::ofstream out(csv, std::ios::app);
  for (const int n : sizes) {
    ss::Model m = ss::builders::micro_bottleneck_bench(n);
    m.finalize();
    std::vector<double> per, per_cpu;
    double evacuated = 0;
    for (int k = 0; k < repeats; ++k) {
      ss::Simulation sim(m, 1);
      sim.step();  // warm-up: departures create the bodies
      const auto t0 = Clock::now();
      const double c0 = thread_cpu_seconds();
      for (int s = 0; s < steps; ++s) sim.step();
      const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
      const double cpu = thread_cpu_seconds() - c0;
      per.push_back(secs / (static_cast<double>(steps) * n) * 1e6);
      per_cpu.push_back(cpu / (static_cast<double>(steps) * n) * 1e6);
      evacuated = sim.state().occupancy[0];
    }
    const double us = median(per), us_cpu = median(per_cpu);
    const double realtime = m.run.dt / (us * 1e-6 * n);
    std::printf("%8d %8d %10d %12.3f %12.3f %10.2f %10.0f\n", n, steps, n, us, us_cpu, realtime, evacuated);
    const std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    out << date << ",bottleneck_2m," << n << "," << m.run.dt << "," << steps << "," << repeats << "," << us
        << "," << realtime << "," << us_cpu << "\n";
  }
  return 0;
}
