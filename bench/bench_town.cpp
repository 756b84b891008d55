// Benchmark of the network model on the bundled town: the whole 3 h run, and the
// steady state while everyone is on the move (warm up, snapshot, restore, time).
// Prints a table and appends rows to a CSV: medians of several repeats, because
// these machines are shared and noisy.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "engine/core/memory_estimate.hpp"
#include "engine/core/simulation.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario_loader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

using ss::bench::median;

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

// The bundled town with `residents` synthesized on its map (a dense-city stand-in):
// shelter places from the map scaled with the population (square metres per person
// divided by the factor), so that there is room for everyone as in the town; then
// the whole run, with the CPU time of loading and of the run apart.
int scale_run(const std::string& scenario, long residents, const std::string& csv) {
  const double cpu0 = cpu_seconds();
  ss::scenarios::ScenarioDesc d = ss::scenarios::load_scenario(scenario);
  if (!d.population.synthesize) {
    std::fprintf(stderr, "%s: --scale needs a synthesized population\n", scenario.c_str());
    return 2;
  }
  const double factor = static_cast<double>(residents) / d.population.synthesize->total;
  d.population.synthesize->total = static_cast<std::int64_t>(residents);
  if (d.shelters.from_map) {
    ss::maps::ShelterTagRules& r = d.shelters.from_map->rules;
    r.covered_m2_per_person /= factor;
    r.open_m2_per_person /= factor;
  }
  d.memory_limit = 20e9;  // the machine's, not the scenario's town-sized limit
  const ss::scenarios::Assembly a = ss::scenarios::assemble(d);
  const double load_cpu = cpu_seconds() - cpu0;
  const ss::Model& m = a.model;
  const double cpu1 = cpu_seconds();
  ss::Simulation sim(m, 1);
  sim.run_to_end();
  const double run_cpu = cpu_seconds() - cpu1;
  const double hours = sim.time() / 3600.0;
  const double n = static_cast<double>(m.population.size());
  const ss::MemoryEstimate est = ss::estimate_run_memory(m);
  double per_resident = 0.0;
  for (const ss::MemoryPart& p : est.parts)
    if (p.what == "residents") per_resident = p.bytes / n;
  std::uint32_t safe = 0;
  for (const ss::Status st : sim.state().status) safe += st == ss::Status::Sheltered;
  std::printf(
      "%8.0f residents  load %6.1f s CPU  run %7.1f s CPU (%6.2f s per simulated hour, %.0f h)  "
      "safe %.1f %%  state %.0f B/resident, all per-resident arrays %.0f B  peak RSS %.0f MB\n",
      n, load_cpu, run_cpu, run_cpu / hours, hours, 100.0 * safe / n, ss::run_state_bytes_per_resident(),
      per_resident, peak_rss_mb());
  const ss::StepProfile& ph = sim.profile();  // where the run's time went, by phase
  std::printf(
      "          phases (s)  hazards %.1f warning %.1f routing %.1f movement %.1f responders %.1f "
      "shelters %.1f metrics %.1f\n",
      ph.hazards, ph.warning, ph.routing, ph.movement, ph.responders, ph.shelters, ph.metrics);
  std::ofstream out(csv, std::ios::app);
  if (out.tellp() == 0)
    out << "residents,load_cpu_s,run_cpu_s,simulated_h,run_cpu_s_per_simulated_h,safe_share,state_bytes_per_"
           "resident,per_resident_bytes,peak_rss_mb\n";
  out << n << ',' << load_cpu << ',' << run_cpu << ',' << hours << ',' << run_cpu / hours << ',' << safe / n
      << ',' << ss::run_state_bytes_per_resident() << ',' << per_resident << ',' << peak_rss_mb() << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // bench_town --scale N [scenario [csv]]: one whole run of N residents on the map.
  if (argc > 2 && std::string(argv[1]) == "--scale")
    return scale_run(argc > 3 ? argv[3] : SAFESTREET_SOURCE_DIR "/scenarios/lauf.yaml", std::atol(argv[2]),
                     argc > 4 ? argv[4] : SAFESTREET_SOURCE_DIR "/bench/results-scale.csv");
  const std::string scenario = argc > 1 ? argv[1] : SAFESTREET_SOURCE_DIR "/scenarios/lauf.yaml";
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const std::string csv = argc > 3 ? argv[3] : SAFESTREET_SOURCE_DIR "/bench/results.csv";

  const auto t_load = Clock::now();
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(scenario);
  const double load_s = std::chrono::duration<double>(Clock::now() - t_load).count();
  const ss::Model& m = a.model;
  const double residents = static_cast<double>(m.population.size());

  // 1. Whole run, as `safestreet run` does it.
  std::vector<double> whole;
  std::uint64_t steps = 0;
  for (int k = 0; k < repeats; ++k) {
    const auto t0 = Clock::now();
    ss::Simulation sim(m, 1);
    sim.run_to_end();
    whole.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    steps = sim.state().step;
  }

  // 2. Steady state with the most residents on the move: find the step with the
  // largest number moving, snapshot there, then time 600 steps from the snapshot.
  ss::Simulation probe(m, 1);
  std::uint64_t best_step = 0;
  std::uint32_t best_moving = 0;
  while (!probe.finished()) {
    probe.step();
    const std::uint32_t moving = static_cast<std::uint32_t>(
        std::count(probe.state().status.begin(), probe.state().status.end(), ss::Status::Moving));
    if (moving > best_moving) {
      best_moving = moving;
      best_step = probe.state().step;
    }
    if (probe.state().step > best_step + 600) break;  // well past the peak
  }
  ss::Simulation warm(m, 1);
  while (warm.state().step + 300 < best_step) warm.step();  // start a little before the peak
  const ss::SimState snapshot = warm.state();
  const int window = 600;
  // Count the walkers in the window once, untimed (the step is deterministic).
  double moving_steps = 0.0;
  {
    ss::Simulation sim(m, 1);
    sim.restore(snapshot);
    for (int i = 0; i < window; ++i) {
      moving_steps += static_cast<double>(
          std::count(sim.state().status.begin(), sim.state().status.end(), ss::Status::Moving));
      sim.step();
    }
  }
  std::vector<double> steady_rate;  // moving resident-steps per second of wall time
  for (int k = 0; k < repeats; ++k) {
    ss::Simulation sim(m, 1);
    sim.restore(snapshot);
    const auto t0 = Clock::now();
    for (int i = 0; i < window; ++i) sim.step();
    steady_rate.push_back(moving_steps / std::chrono::duration<double>(Clock::now() - t0).count());
    if (k == 0) {
      const ss::StepProfile& p = sim.profile();
      std::printf(
          "phases (s, %d steps)   injects %.4f hazards %.4f warning %.4f routing %.4f movement %.4f "
          "responders %.4f "
          "shelters %.4f metrics %.4f\n",
          window, p.injects, p.hazards, p.warning, p.routing, p.movement, p.responders, p.shelters,
          p.metrics);
    }
  }

  const double whole_med = median(whole);
  const double rate_whole = residents * static_cast<double>(steps) / whole_med;
  std::printf("scenario               %s\n", scenario.c_str());
  std::printf("residents              %.0f, edges %zu\n", residents, m.world.streets.edge_count());
  std::printf("load (map+population)  %.2f s\n", load_s);
  std::printf("whole run              %llu steps, median %.3f s of %d (min %.3f, max %.3f)\n",
              static_cast<unsigned long long>(steps), whole_med, repeats,
              *std::min_element(whole.begin(), whole.end()), *std::max_element(whole.begin(), whole.end()));
  std::printf("                       %.1f M resident-steps/s (all residents x steps)\n", rate_whole / 1e6);
  std::printf("steady state           %u moving at peak (step %llu), %.0f moving on average over %d steps\n",
              best_moving, static_cast<unsigned long long>(best_step), moving_steps / window, window);
  std::printf("                       median %.1f M moving resident-steps/s\n", median(steady_rate) / 1e6);
  std::printf("peak memory            %.0f MB (process, including map loading)\n", peak_rss_mb());

  std::ofstream out(csv, std::ios::app);
  if (out.tellp() == 0)
    out << "scenario,residents,steps,repeats,whole_run_median_s,resident_steps_per_s,steady_moving_steps_per_"
           "s,peak_rss_mb\n";
  out << scenario.substr(scenario.find_last_of('/') + 1) << ',' << residents << ',' << steps << ',' << repeats
      << ',' << whole_med << ',' << rate_whole << ',' << median(steady_rate) << ',' << peak_rss_mb() << '\n';
  return 0;
}
