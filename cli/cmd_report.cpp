// `safestreet report JOURNAL --out report.html`: the drill's after-action report
// (docs/drills.md "The after-action report"), drill/debrief_html.hpp.
#include <cstdio>
#include <iostream>
#include <sstream>

#include "batch/comparison_files.hpp"
#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "drill/debrief.hpp"
#include "drill/debrief_html.hpp"
#include "drill/debrief_injects.hpp"
#include "drill/drill_script.hpp"
#include "engine/core/input_error.hpp"

namespace ss::cli {
namespace {

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
  batch::write_file_atomically(opt.out, drill::debrief_html(d, injects, ""));
  if (!opt.quiet) {
    std::printf("report           %s\n", opt.out.c_str());
    std::printf("events           %zu journal events, %zu injects, %zu decisions, %zu maps\n",
                d.events.size(), injects.rows.size(), injects.decisions.size(), d.maps.size());
  }
  return kExitOk;
}

}  // namespace ss::cli
