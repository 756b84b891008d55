// `safestreet report JOURNAL --out report.html`: the drill's after-action report
// (docs/drills.md "The after-action report"), drill/debrief_html.hpp.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "batch/comparison_files.hpp"
#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "drill/debrief.hpp"
#include "drill/debrief_html.hpp"
#include "drill/debrief_injects.hpp"
#include "drill/decision_values.hpp"
#include "drill/drill_script.hpp"
#include "engine/core/input_error.hpp"
#include "i18n/language.hpp"

namespace ss::cli {
namespace {

namespace fs = std::filesystem;

// "30min,60min,1:30:00,5400" → seconds; empty text: none (the defaults).
std::vector<double> map_times(const std::string& text) {
  std::vector<double> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto t = drill::parse_time(item);
    if (!t || *t < 0.0)
      throw InputError("command line", 0, "--maps-at",
                       "'" + item + "' is not a simulated time such as 30min, 1:30:00 or 5400 (s)");
    out.push_back(*t);
  }
  if (!text.empty() && out.empty())
    throw InputError("command line", 0, "--maps-at", "no times given (e.g. 30min,60min)");
  return out;
}

}  // namespace

int report_command(const ReportOptions& opt) {
  ProgressBar bar(!opt.quiet);
  drill::DebriefRequest req;
  req.journal = opt.journal;
  req.map_times = map_times(opt.maps_at);
  req.stepped = [&bar, &opt](const Simulation& sim) {
    if (opt.quiet || sim.state().step % 30 != 0) return;
    bar.update(sim.time() / sim.model().run.duration, "replaying the journal " + format_clock(sim.time()));
  };
  const drill::Debrief d = drill::collect_debrief(req);
  bar.finish();
  if (!d.dropped.empty()) std::cerr << "warning: " << d.dropped << "\n";
  const drill::InjectTable injects = drill::inject_table(d);
  // The report first without the decisions' values, so the debrief can start while the
  // re-runs go on; rewritten whole with them when they are done.
  const std::vector<drill::ValueRun> planned = drill::plan_value_runs(d, {});
  const bool values = !opt.no_decision_values && planned.size() > 1;
  // In the language of --lang or the locale (docs/drills.md "The after-action report").
  const i18n::Language lang = i18n::language();
  batch::write_file_atomically(
      opt.out,
      drill::debrief_html(
          d, injects,
          values ? std::string("<h2>") + tr(lang, "What each decision was worth") + "</h2>\n<p class=meta>" +
                       tr(lang,
                          "The re-runs without the players' decisions are under way; this page is "
                          "rewritten with their results when they are done.") +
                       "</p>\n"
                 : std::string(),
          lang));
  if (!opt.quiet) {
    std::printf("report           %s\n", opt.out.c_str());
    std::printf("events           %zu journal events, %zu injects, %zu decisions, %zu maps\n",
                d.events.size(), injects.rows.size(), injects.decisions.size(), d.maps.size());
    std::fflush(stdout);
  }
  if (!values) return kExitOk;

  const fs::path work = fs::temp_directory_path() / ("safestreet-report-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(work, ec);
  std::vector<drill::ValueRun> runs = drill::plan_value_runs(d, work);
  batch::InterruptGuard guard;
  std::size_t shown = static_cast<std::size_t>(-1);
  drill::run_value_runs(
      runs, batch::own_executable(), fs::absolute(opt.journal).string(), opt.jobs,
      [&](const batch::PoolProgress& p) {
        if (opt.quiet || p.done == shown) return;
        shown = p.done;
        std::cerr << "decision values  " << p.done << " of " << p.total << " re-runs done (" << opt.jobs
                  << " at a time)"
                  << (p.eta_s >= 0 && p.done < p.total ? ", about " + format_clock(p.eta_s) + " left" : "")
                  << "\n";
      });
  fs::remove_all(work, ec);
  if (batch::InterruptGuard::stop_requested())
    throw std::runtime_error("interrupted: " + opt.out + " was written without the decisions' values");
  const drill::ValueFigures drill_figures = drill::value_figures(drill::debrief_summary(d));
  batch::write_file_atomically(
      opt.out,
      drill::debrief_html(d, injects, drill::values_section_html(d, drill_figures, runs, lang), lang));
  if (!opt.quiet) {
    const double depth = drill::exposed_depth(d.run.assembly->model);
    for (const drill::ValueRun& r : runs)
      std::printf("%-16s %s: %s\n",
                  r.line == 0 ? "all decisions" : ("line " + std::to_string(r.line)).c_str(), r.label.c_str(),
                  r.ok ? drill::worth_in_words(drill_figures, r.figures, depth, lang).c_str()
                       : ("re-run failed: " + r.error).c_str());
  }
  for (const drill::ValueRun& r : runs)
    if (!r.ok) return kExitFailure;
  return kExitOk;
}

}  // namespace ss::cli
