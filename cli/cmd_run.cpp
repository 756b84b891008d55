// `safestreet run`: one scenario (or variant) and seed, headless, with a progress
// bar, a short summary and the run's files.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/reports.hpp"
#include "engine/metrics.hpp"
#include "engine/simulation.hpp"
#include "output/run_outputs.hpp"
#include "scenarios/scenario_loader.hpp"

namespace ss::cli {
namespace {

std::string times_text(const EvacuationTimes& t) {
  auto f = [](const std::optional<double>& v) { return v ? format_clock(*v) : std::string("  never "); };
  return f(t.t50) + " / " + f(t.t90) + " / " + f(t.t95) + " / " + f(t.t100);
}

void print_summary(const Model& model, const SimState& state, const RunMetrics& r, double wall,
                   const std::string& out_dir) {
  const double n = static_cast<double>(model.population.size());
  std::printf("residents        %u, sheltered %u (%.1f %%)\n", r.overall.residents, r.overall.safe,
              n > 0 ? 100.0 * r.overall.safe / n : 0.0);
  std::printf("T50/T90/T95/T100 %s\n", times_text(r.overall).c_str());
  auto outcome = [&](Outcome o) { return r.by_outcome[static_cast<std::size_t>(o)]; };
  std::printf("not safe         needs assistance %u, no route %u, shelters full %u, time ran out %u\n",
              outcome(Outcome::NeedsAssistance), outcome(Outcome::NoRoute), outcome(Outcome::SheltersFull),
              outcome(Outcome::TimeRanOut));
  std::size_t full = 0;
  for (const ShelterMetrics& s : r.shelters) full += s.full_time ? 1 : 0;
  std::printf("shelters         %zu used of %zu, %zu filled up\n",
              static_cast<std::size_t>(std::count_if(r.shelters.begin(), r.shelters.end(),
                                                     [](const ShelterMetrics& s) { return s.arrivals > 0; })),
              r.shelters.size(), full);
  const double steps = static_cast<double>(state.step);
  std::printf("simulated        %s in %.0f steps, %.2f s wall (%.1f M resident-steps/s)\n",
              format_clock(state.time(model.run.dt)).c_str(), steps, wall,
              wall > 0 ? n * steps / wall / 1e6 : 0.0);
  std::printf("results          %s\n", out_dir.c_str());
}

}  // namespace

int run_command(const RunOptions& opt) {
  const scenarios::ScenarioDesc desc = scenarios::load_scenario(opt.scenario, opt.variant);
  const scenarios::Assembly a = scenarios::assemble(desc);
  const Model& model = a.model;
  const std::uint64_t seed = opt.seed.value_or(model.run.seed);
  std::string out = opt.out;
  if (out.empty()) {
    out = "out/" + std::filesystem::path(opt.scenario).stem().string();
    if (!opt.variant.empty()) out += "-" + opt.variant;
  }
  if (!opt.quiet) {
    for (const std::string& p : a.problems) std::cerr << "warning: " << p << "\n";
  }

  const auto t0 = std::chrono::steady_clock::now();
  Simulation sim(model, seed);
  ProgressBar bar(!opt.quiet);
  const double total = static_cast<double>(model.population.size());
  while (!sim.finished()) {
    sim.step();
    if (sim.state().step % 30 == 0) {
      const auto& row = sim.state().timeline.back();
      const double safe = row.by_status[static_cast<std::size_t>(Status::Sheltered)];
      bar.update(sim.time() / model.run.duration,
                 format_clock(sim.time()) + "  safe " + std::to_string(static_cast<long>(safe)) + "/" +
                     std::to_string(static_cast<long>(total)));
    }
  }
  sim.run_to_end();  // closes the timeline with the final state
  bar.finish();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  output::RunInfo info;
  info.scenario_path = opt.scenario;
  info.scenario_name = desc.name;
  info.variant = opt.variant;
  info.version = SAFESTREET_VERSION;
  for (std::size_t i = 0; i < a.input_files.size() && i < a.checksums.size(); ++i)
    info.input_checksums.emplace_back(a.input_files[i], a.checksums[i]);
  info.problems = a.problems;
  info.extra = nlohmann::json::parse(assembly_report(a).dump());
  info.wall_seconds = wall;
  output::write_run_outputs(out, model, sim.state(), info);

  if (!opt.quiet) print_summary(model, sim.state(), compute_metrics(model, sim.state()), wall, out);
  return kExitOk;
}

}  // namespace ss::cli
