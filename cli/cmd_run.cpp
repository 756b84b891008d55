// `safestreet run`: one scenario (or variant) and seed, headless, with a progress
// bar, a short summary and the run's files.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "batch/process_pool.hpp"
#include "batch/run_pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/plan_report.hpp"
#include "cli/progress.hpp"
#include "cli/reports.hpp"
#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "i18n/language.hpp"
#include "i18n/number_format.hpp"

namespace ss::cli {
// Counts and shares as the planners' language writes them (English: as display_text).
using i18n::format_count;
using i18n::format_share;

namespace {

std::string times_text(const EvacuationTimes& t) {
  auto f = [](const std::optional<double>& v) { return v ? format_clock(*v) : std::string(tr("never")); };
  return f(t.t50) + " / " + f(t.t90) + " / " + f(t.t95) + " / " + f(t.t100);
}

void print_summary(const Model& model, const SimState& state, const RunMetrics& r, double wall,
                   const std::string& out_dir) {
  const double n = static_cast<double>(model.population.size());
  auto outcome = [&](Outcome o) { return r.overall.by_outcome[static_cast<std::size_t>(o)]; };
  const std::uint32_t areas = outcome(Outcome::AtAssemblyArea), upstairs = outcome(Outcome::SafeUpstairs);
  if (areas + upstairs == 0) {
    std::printf("%s%s\n", row_label(tr("sheltered")).c_str(),
                format_share(r.overall.safe, r.overall.residents).c_str());
  } else {  // safe but not all in shelters: say where
    std::printf(tr("%s%s: in shelters %s, at assembly areas %s, upstairs at home %s\n"),
                row_label(tr("safe")).c_str(), format_share(r.overall.safe, r.overall.residents).c_str(),
                format_count(outcome(Outcome::Sheltered)).c_str(), format_count(areas).c_str(),
                format_count(upstairs).c_str());
  }
  std::printf("%s%s\n", row_label(tr("T50/T90/T95/T100")).c_str(), times_text(r.overall).c_str());
  std::printf(tr("%sneeds assistance %u, no route %u, shelters full %u, time ran out %u\n"),
              row_label(tr("not safe")).c_str(), outcome(Outcome::NeedsAssistance), outcome(Outcome::NoRoute),
              outcome(Outcome::SheltersFull), outcome(Outcome::TimeRanOut));
  // Those who never set off: a plan's warning reach and door-knock capacity in numbers.
  if (const std::uint32_t refused = outcome(Outcome::RefusedNotKnocked); refused > 0)
    std::printf(tr("                 refused to leave, no team knocked %u (%u on the door-knock list, not "
                   "reached)\n"),
                refused, r.refused_knock_pending);
  if (const std::uint32_t full = outcome(Outcome::SheltersFull); full > 0) {
    // Where they wait (Plan: wait where they learned it), with the most crowded doors.
    const FullShelterWaits& w = r.shelters_full_waits;
    std::vector<std::size_t> doors;
    for (std::size_t s = 0; s < r.shelters.size(); ++s)
      if (r.shelters[s].waiting_outside > 0) doors.push_back(s);
    std::stable_sort(doors.begin(), doors.end(), [&](std::size_t a, std::size_t b) {
      return r.shelters[a].waiting_outside > r.shelters[b].waiting_outside;
    });
    std::string most;
    for (std::size_t k = 0; k < doors.size() && k < 3; ++k)
      most += (k ? std::string(", ") : tr("; most at ")) + model.world.shelters[doors[k]].name + " " +
              format_count(static_cast<std::uint64_t>(r.shelters[doors[k]].waiting_outside));
    std::printf(tr("                 shelters full: %s wait at home, %s at the doors of full shelters, %s on "
                   "the streets%s\n"),
                format_count(w.at_home).c_str(), format_count(w.at_shelters).c_str(),
                format_count(w.on_streets).c_str(), most.c_str());
  }
  if (areas > 0 || r.shelters_full_waits.heading_to_assembly > 0) {
    // Every shelter full, the plan sends them to assembly areas: how many got there, and where.
    std::vector<std::size_t> used;
    for (std::size_t s = 0; s < r.shelters.size(); ++s)
      if (model.world.shelters[s].assembly_area() && r.shelters[s].occupancy > 0) used.push_back(s);
    std::stable_sort(used.begin(), used.end(), [&](std::size_t a, std::size_t b) {
      return r.shelters[a].occupancy > r.shelters[b].occupancy;
    });
    std::string where;
    for (std::size_t k = 0; k < used.size() && k < 3; ++k)
      where += (k ? ", " : "; ") + model.world.shelters[used[k]].name + " " +
               format_count(static_cast<std::uint64_t>(r.shelters[used[k]].occupancy));
    std::printf(tr("                 at assembly areas (every shelter full) %s, still on the way %s%s\n"),
                format_count(areas).c_str(), format_count(r.shelters_full_waits.heading_to_assembly).c_str(),
                where.c_str());
  }
  if (model.plan.vertical.enabled) {
    const UpstairsMetrics& u = r.upstairs;
    std::printf(
        tr("                 safe upstairs %s of %s the plan lets stay; deepest water below them %.2f m"),
        format_count(u.residents).c_str(), format_count(u.eligible).c_str(), u.max_depth_below);
    if (u.water_reached_floor > 0)
      std::printf(tr(", water reached the floor of %s"), format_count(u.water_reached_floor).c_str());
    std::printf("\n");
  }
  if (const std::uint32_t unwarned = outcome(Outcome::NotWarned); unwarned > 0)
    std::printf(tr("                 never warned %u\n"), unwarned);
  // Shelters and assembly areas apart: an assembly area is open ground, not a place.
  std::array<std::size_t, 2> count{}, used{}, full{};
  for (std::size_t s = 0; s < r.shelters.size(); ++s) {
    const std::size_t k = model.world.shelters[s].assembly_area() ? 1 : 0;
    ++count[k];
    used[k] += r.shelters[s].arrivals > 0 ? 1 : 0;
    full[k] += r.shelters[s].full_time ? 1 : 0;
  }
  std::printf(tr("%s%zu used of %zu, %zu filled up\n"), row_label(tr("shelters")).c_str(), used[0], count[0],
              full[0]);
  if (count[1] > 0)
    std::printf(tr("%s%zu used of %zu, %zu filled up\n"), row_label(tr("assembly areas")).c_str(), used[1],
                count[1], full[1]);
  // Crowds that stopped (micro): where, how many, since when.
  for (const MicroJam& jam : state.records.jams)
    std::printf(
        "jam              %u people stopped around (%.1f, %.1f) (x %.1f to %.1f m, y %.1f to %.1f m) from "
        "%s: "
        "nobody reached an exit or came nearer one for %s\n",
        jam.people, jam.centre.x, jam.centre.y, jam.min.x, jam.max.x, jam.min.y, jam.max.y,
        format_clock(jam.since).c_str(), format_clock(jam.time - jam.since).c_str());
  print_plan_summary(model, state, true);
  const double steps = static_cast<double>(state.step);
  std::printf(tr("%s%s in %.0f steps, %.2f s wall (%.1f M resident-steps/s)\n"),
              row_label(tr("simulated")).c_str(), format_clock(state.time(model.run.dt)).c_str(), steps, wall,
              wall > 0 ? n * steps / wall / 1e6 : 0.0);
  std::printf("%s%s\n", row_label(tr("results")).c_str(), out_dir.c_str());
}

}  // namespace

int run_command(const RunOptions& opt) {
  batch::end_with_batch_parent();  // a run of a batch ends with its batch
  std::string out = opt.out;
  if (out.empty()) {
    out = "out/" + std::filesystem::path(opt.scenario).stem().string();
    if (!opt.variant.empty()) out += "-" + opt.variant;
  }
  ProgressBar bar(!opt.quiet);
  double total = 0, duration = 0;
  batch::RunHooks hooks;
  hooks.loaded = [&](const scenarios::Assembly& a) {
    if (!opt.quiet)
      for (const std::string& p : a.problems) std::cerr << "warning: " << p << "\n";
    if (!opt.quiet)
      for (const std::string& n : a.notes) std::cerr << "note: " << n << "\n";
    total = static_cast<double>(a.model.population.size());
    duration = a.model.run.duration;
    if (!opt.quiet) {  // what the run will take, before it starts
      const RunSettings& r = a.model.run;
      std::printf(tr("%s%s in %s steps of %g s, memory %s\n"), row_label(tr("run")).c_str(),
                  format_clock(r.duration).c_str(),
                  format_count(static_cast<std::uint64_t>(std::ceil(r.duration / r.dt))).c_str(), r.dt,
                  memory_text(a).c_str());
      std::fflush(stdout);
    }
  };
  hooks.stepped = [&](const Simulation& sim) {
    if (opt.quiet || sim.state().step % 30 != 0) return;
    const auto& row = sim.state().records.timeline.back();
    const double safe = row.by_status[static_cast<std::size_t>(Status::Sheltered)];
    bar.update(sim.time() / duration,
               format_clock(sim.time()) + tr("  safe ") +
                   format_share(static_cast<std::uint64_t>(safe), static_cast<std::uint64_t>(total)));
  };
  hooks.reports = [](const scenarios::Assembly& a) {
    return nlohmann::json::parse(assembly_report(a).dump());
  };
  // The one run pipeline, shared with every run of `safestreet batch`.
  const batch::FinishedRun run =
      batch::execute_run({opt.scenario, opt.variant, opt.seed, out, SAFESTREET_VERSION, opt.trajectories,
                          opt.flood_threads, opt.preloaded},
                         hooks);
  bar.finish();
  const Model& model = run.assembly->model;
  const Simulation& sim = *run.sim;
  const double wall = run.wall_seconds;

  if (!opt.quiet) print_summary(model, sim.state(), compute_metrics(model, sim.state()), wall, out);
  if (!opt.quiet && !model.hazards.empty()) {
    const SimState& st = sim.state();
    for (std::size_t k = 0; k < model.hazards.size(); ++k) {  // each hazard's key figures, one line
      std::vector<HazardKpi> kpis;
      model.hazards[k]->kpis(model, st, st.hazards[k].get(), kpis);
      std::string line;
      for (const HazardKpi& v : kpis) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%s%s %.6g", line.empty() ? "" : ", ", v.name.c_str(), v.value);
        line += buf;
      }
      std::printf("%-16s %s\n", std::string(model.hazards[k]->name()).c_str(), line.c_str());
    }
    std::printf(tr("%s%zu in %s/<hazard>/\n"), row_label(tr("hazard files")).c_str(), run.hazard_files.size(),
                out.c_str());
  }
  return kExitOk;
}

}  // namespace ss::cli
