// `safestreet drill run | resume | check` and `safestreet replay`: tabletop drills
// headless (docs/drills.md), driven by drill/drill_runner.hpp.
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/reports.hpp"
#include "drill/drill_runner.hpp"
#include "engine/core/metrics.hpp"

namespace ss::cli {
namespace {

drill::DrillRequest request(const DrillOptions& opt, ProgressBar& bar) {
  drill::DrillRequest req;
  req.drill_file = opt.drill;
  req.players_file = opt.players;
  req.journal = opt.journal;
  req.out = opt.out;
  req.version = SAFESTREET_VERSION;
  req.speed = opt.speed;
  req.without_decisions = opt.without_decisions;
  req.without_lines = opt.without_lines;
  req.hooks.loaded = [&opt](const scenarios::Assembly& a) {
    if (opt.quiet) return;
    for (const std::string& n : a.notes) std::cerr << "note: " << n << "\n";
  };
  req.hooks.stepped = [&bar, &opt](const Simulation& sim) {
    if (opt.quiet || sim.state().step % 30 != 0) return;
    bar.update(sim.time() / sim.model().run.duration, format_clock(sim.time()));
  };
  // summary.json's "reports", as `safestreet run` writes them.
  req.hooks.reports = [](const scenarios::Assembly& a) {
    return nlohmann::json::parse(assembly_report(a).dump());
  };
  return req;
}

void report(const DrillOptions& opt, const drill::DrillOutcome& o) {
  if (!o.dropped.empty()) std::cerr << "warning: " << o.dropped << "\n";
  if (opt.quiet) return;
  for (const std::string& w : o.warnings) std::cerr << "warning: " << w << "\n";
  const Model& model = o.run.assembly->model;
  const SimState& s = o.run.sim->state();
  const RunMetrics m = compute_metrics(model, s);
  std::printf("sheltered        %s\n", format_share(m.overall.safe, m.overall.residents).c_str());
  std::printf("journal          %s: %zu events replayed, %zu written%s\n", opt.journal.c_str(), o.replayed,
              o.written, o.was_complete ? " (the drill had already ended)" : "");
  std::printf("simulated        %s in %llu steps, %.2f s wall\n", format_clock(s.time(model.run.dt)).c_str(),
              static_cast<unsigned long long>(s.step), o.run.wall_seconds);
  std::printf("results          %s\n", opt.out.c_str());
}

}  // namespace

int drill_command(const DrillOptions& opt) {
  ProgressBar bar(!opt.quiet);
  const drill::DrillRequest req = request(opt, bar);
  if (opt.action == DrillOptions::Action::Check) {
    const std::vector<std::string> warnings = drill::check_drill(req);
    for (const std::string& w : warnings) std::cerr << "warning: " << w << "\n";
    if (!opt.quiet) std::printf("drill            %s: ready\n", opt.drill.c_str());
    return warnings.empty() ? kExitOk : kExitProblems;
  }
  const drill::DrillOutcome o = opt.action == DrillOptions::Action::Run      ? drill::run_drill(req)
                                : opt.action == DrillOptions::Action::Resume ? drill::resume_drill(req)
                                                                             : drill::replay_journal(req);
  bar.finish();
  report(opt, o);
  return kExitOk;
}

}  // namespace ss::cli
