// Benchmark of the micro model on the bottleneck scene of issue 5: N residents at
// about 1.6 P/m² in a square room leave through a 2 m exit, dt 0.05 s. Three modes,
// each the median of several repeats, appended to bench/results-micro.csv:
//
//   bench_micro [repeats] [steps] [csv] [more sizes...]
//       first steps: times the first `steps` steps after departure (everyone is a
//       body, the queue at the door is only forming).
//   bench_micro --whole [--repeats R] [--sizes 1000,10000] [--horizon S] [--csv F]
//       whole evacuation: every step until the room is empty (or S simulated seconds),
//       with the simulated time and the door flow.
//   bench_micro --jam STEPS [--repeats R] [--sizes ...] [--csv F]
//       jam phase: untimed until the door flow is saturated (jam_start below), then
//       STEPS timed steps of the queue.
//
// Resident-steps count the residents still in the room at each step, so the figure
// is comparable while the room empties. Wall-clock time and the process's CPU time
// (user + sys) are both reported: on a shared machine the wall clock also counts
// time the process waits for a core, the CPU time does not.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "engine/core/simulation.hpp"
#include "engine/scenes/micro_builders.hpp"

namespace {

using Clock = std::chrono::steady_clock;

using ss::bench::median;

constexpr double kDoorWidth = 2.0;  // m, the exit of micro_bottleneck_bench

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto sec = [](timeval tv) {
    return static_cast<double>(tv.tv_sec) + 1e-6 * static_cast<double>(tv.tv_usec);
  };
  return sec(u.ru_utime) + sec(u.ru_stime);
}

std::int64_t out_of_room(const ss::Simulation& sim) { return sim.state().occupancy[0]; }

struct Timing {
  double wall_s = 0.0, cpu_s = 0.0;
  double resident_steps = 0.0;  // residents in the room summed over the timed steps
  std::int64_t steps = 0;
  double simulated_s = 0.0;  // s, the simulated time when the timing ended
  double from_s = 0.0;       // s, the simulated time when the timing began
  double door_flow = 0.0;    // P/(m s), see door_flow()
  std::int64_t stuck = 0;
};

// The door flow of a whole run: the residents between the 10 % and the 90 % mark of
// those who left, over the time between, per metre of door (the saturated part of
// the outflow; start and tail are left out as in the N-t evaluation of bottleneck
// experiments, Seyfried et al. 2009, Transportation Science 43).
double door_flow(const std::vector<double>& exit_times) {
  const std::size_t n = exit_times.size();
  if (n < 10) return 0.0;
  const std::size_t a = n / 10, b = n - 1 - n / 10;
  const double span = exit_times[b] - exit_times[a];
  return span > 0.0 ? static_cast<double>(b - a) / span / kDoorWidth : 0.0;
}

// Steps the simulation once and records when residents left the room.
void step_and_record(ss::Simulation& sim, std::vector<double>& exit_times) {
  const std::int64_t before = out_of_room(sim);
  sim.step();
  for (std::int64_t k = before; k < out_of_room(sim); ++k) exit_times.push_back(sim.time());
}

// Jam phase start: the first whole 10 s window (from 20 s on) that lets no more
// people through the door than the 10 s before it, i.e. the door flow has stopped
// rising (saturated, the queue stands in front of the door). A choice of this
// benchmark; 10 s windows hold about 30 people at a 2 m door.
void run_to_jam(ss::Simulation& sim, std::vector<double>& exit_times) {
  constexpr double kWindow = 10.0;  // s
  std::int64_t last = -1, at_window = 0;
  double next = kWindow;
  while (!sim.finished()) {
    step_and_record(sim, exit_times);
    if (sim.time() + 1e-9 < next) continue;
    const std::int64_t in_window = out_of_room(sim) - at_window;
    if (next >= 2.0 * kWindow && in_window > 0 && in_window <= last) return;
    last = in_window;
    at_window = out_of_room(sim);
    next += kWindow;
  }
}

Timing timed_run(const ss::Model& m, int n, const std::string& mode, int steps, double horizon) {
  ss::Simulation sim(m, 1);
  std::vector<double> exit_times;
  exit_times.reserve(static_cast<std::size_t>(n));
  if (mode == "jam") {
    run_to_jam(sim, exit_times);
  } else if (mode == "first") {
    sim.step();  // departures create the bodies
  }
  Timing tm;
  tm.from_s = sim.time();
  const std::int64_t out_at_start = out_of_room(sim);
  const auto t0 = Clock::now();
  const double c0 = cpu_seconds();
  std::int64_t s = 0;
  // Progress of a whole run (every 200 simulated s): where in the evacuation the time goes.
  double next_report = 200.0, report_cpu = c0, report_rs = 0.0;
  for (;; ++s) {
    if (mode == "whole" ? (sim.finished() || sim.time() + 1e-9 >= horizon) : s >= steps) break;
    tm.resident_steps += static_cast<double>(n - out_of_room(sim));
    step_and_record(sim, exit_times);
    if (mode == "whole" && sim.time() + 1e-9 >= next_report) {
      const double c = cpu_seconds();
      std::fprintf(stderr, "  t %6.0f s: %6lld in the room, %.3f cpu-us/res-step in the last 200 s\n",
                   sim.time(), static_cast<long long>(n - out_of_room(sim)),
                   (c - report_cpu) / std::max(1.0, tm.resident_steps - report_rs) * 1e6);
      report_cpu = c;
      report_rs = tm.resident_steps;
      next_report += 200.0;
    }
  }
  tm.cpu_s = cpu_seconds() - c0;
  tm.wall_s = std::chrono::duration<double>(Clock::now() - t0).count();
  tm.steps = s;
  tm.simulated_s = sim.time();
  // A whole run: the saturated part (door_flow); a timed window: who left in it.
  tm.door_flow = mode == "whole" ? door_flow(exit_times)
                                 : static_cast<double>(out_of_room(sim) - out_at_start) /
                                       std::max(1e-9, tm.simulated_s - tm.from_s) / kDoorWidth;
  tm.stuck = sim.state().records.warnings.stuck;
  return tm;
}

std::vector<int> parse_sizes(const std::string& list) {
  std::vector<int> v;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ','))
    if (const int n = std::atoi(item.c_str()); n > 0) v.push_back(n);
  return v;
}

int usage() {
  std::fprintf(stderr,
               "usage: bench_micro [repeats] [steps] [csv] [sizes...]\n"
               "       bench_micro --whole [--repeats R] [--sizes 1000,10000] [--horizon S] [--csv F]\n"
               "       bench_micro --jam STEPS [--repeats R] [--sizes 1000,10000] [--csv F]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = "first";
  int repeats = 3, steps = 200;
  double horizon = 1e18;
  std::string csv = SAFESTREET_SOURCE_DIR "/bench/results-micro.csv";
  std::vector<int> sizes = {1000, 10000};
  if (argc > 1 && std::string(argv[1]).rfind("--", 0) == 0) {
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      const bool has_value = i + 1 < argc;
      if (a == "--whole") {
        mode = "whole";
      } else if (a == "--jam" && has_value) {
        mode = "jam";
        steps = std::max(1, std::atoi(argv[++i]));
      } else if (a == "--repeats" && has_value) {
        repeats = std::max(1, std::atoi(argv[++i]));
      } else if (a == "--sizes" && has_value) {
        sizes = parse_sizes(argv[++i]);
      } else if (a == "--horizon" && has_value) {
        horizon = std::atof(argv[++i]);
      } else if (a == "--csv" && has_value) {
        csv = argv[++i];
      } else {
        return usage();
      }
    }
    if (sizes.empty() || !(horizon > 0.0)) return usage();
  } else {
    repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    steps = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;
    if (argc > 3) csv = argv[3];
    for (int i = 4; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  }

  std::printf("%6s %7s %8s %9s %12s %12s %9s %9s %9s %7s\n", "mode", "N", "steps", "from_s", "us/res-step",
              "cpu-us/step", "cpu_s", "sim_s", "P/(m s)", "stuck");
  std::ofstream out(csv, std::ios::app);
  for (const int n : sizes) {
    ss::Model m = ss::builders::micro_bottleneck_bench(n);
    m.finalize();
    std::vector<double> per, per_cpu, cpu, sim_s, flow, from, stuck, nsteps;
    for (int k = 0; k < repeats; ++k) {
      const Timing tm = timed_run(m, n, mode, steps, horizon);
      const double rs = std::max(1.0, tm.resident_steps);
      per.push_back(tm.wall_s / rs * 1e6);
      per_cpu.push_back(tm.cpu_s / rs * 1e6);
      cpu.push_back(tm.cpu_s);
      sim_s.push_back(tm.simulated_s);
      flow.push_back(tm.door_flow);
      from.push_back(tm.from_s);
      stuck.push_back(static_cast<double>(tm.stuck));
      nsteps.push_back(static_cast<double>(tm.steps));
      std::fprintf(stderr, "  run %d: %.3f cpu-us/res-step, %.1f s cpu, %.1f s wall, %.1f s simulated\n",
                   k + 1, per_cpu.back(), tm.cpu_s, tm.wall_s, tm.simulated_s);
    }
    const double us = median(per), us_cpu = median(per_cpu);
    const double realtime = m.run.dt / (us * 1e-6 * n);
    std::printf("%6s %7d %8.0f %9.1f %12.3f %12.3f %9.1f %9.1f %9.3f %7.0f\n", mode.c_str(), n,
                median(nsteps), median(from), us, us_cpu, median(cpu), median(sim_s), median(flow),
                median(stuck));
    const std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    const std::string scene = mode == "first" ? "bottleneck_2m" : "bottleneck_2m_" + mode;
    out << date << "," << scene << "," << n << "," << m.run.dt << "," << median(nsteps) << "," << repeats
        << "," << us << "," << realtime << "," << us_cpu << "," << median(from) << "," << median(sim_s) << ","
        << median(cpu) << "," << median(flow) << "," << median(stuck) << "\n";
  }
  return 0;
}
