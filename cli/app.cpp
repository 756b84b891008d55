// Command line parsing and dispatch; every error reaches the user as one line
// naming the file, line and field, with a non-zero exit code.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "engine/core/input_error.hpp"
#include "i18n/error_text.hpp"
#include "i18n/language.hpp"

namespace ss::cli {
namespace {

// Seeds are unsigned 64-bit numbers written in decimal digits only: "-1" and numbers
// past 2^64 - 1 would otherwise wrap or saturate to some other seed without a word.
const CLI::Validator kSeedNumber(
    [](std::string& text) -> std::string {
      const bool digits = !text.empty() && text.size() <= 20 &&
                          std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits && (text.size() < 20 || text <= "18446744073709551615")) return "";
      return "expected a whole number from 0 to 18446744073709551615, got \"" + text + "\"";
    },
    "SEED");

}  // namespace

int with_error_reporting(const std::function<int()>& body) {
  try {
    return body();
  } catch (const InputError& e) {
    // file:line: field: as thrown, the message in the planners' language (i18n/error_text.hpp).
    std::cerr << "error: " << i18n::error_text(e) << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "error: " << i18n::error_text(e) << "\n";
    return kExitFailure;
  }
}

int main(int argc, char** argv) {
  CLI::App app{"SafeStreet: evacuation drills and plans for one urban subdistrict"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(SAFESTREET_VERSION));
  // The planners' language for printouts and briefing maps; files stay English. Given
  // before or after the command (fallthrough).
  std::string lang;
  app.add_option("--lang", lang, "Language of printouts and maps: en, zh-CN or de (default: the locale's)");
  app.fallthrough();

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "Run one scenario (or variant) headless and write its results");
  run_cmd->add_option("scenario", run.scenario, "Scenario YAML file")->required();
  run_cmd->add_option("--variant", run.variant, "Named plan variant from the scenario");
  run_cmd->add_option("--seed", run.seed, "Random seed (default: the scenario's run.seed)")
      ->check(kSeedNumber);
  run_cmd->add_option("--out", run.out, "Output folder (default: out/<scenario>[-<variant>])");
  run_cmd->add_flag("-q,--quiet", run.quiet, "No progress bar or summary");
  run_cmd->add_option(
      "--trajectories", run.trajectories,
      "Micro runs: also write trajectories.txt (PedPy/JPSreport format) at this many frames per "
      "second, and walkable.wkt");
  run_cmd
      ->add_option("--flood-threads", run.flood_threads,
                   "Threads of the flood solver (default: flood.solver.threads, else the machine's "
                   "hardware threads up to 8; 0: that automatic choice). Results are the same for any count")
      ->check(CLI::Range(0, 256));

  CheckOptions check;
  auto* check_cmd =
      app.add_subcommand("check", "Load everything a scenario names and report it, without running");
  check_cmd->add_option("scenario", check.scenario, "Scenario YAML file")->required();
  check_cmd->add_option("--variant", check.variant, "Named plan variant from the scenario");
  check_cmd->add_flag("--json", check.json, "Print the report as JSON");

  BatchOptions batch;
  batch.jobs = std::max(1u, std::thread::hardware_concurrency());
  auto* batch_cmd = app.add_subcommand("batch", "Run every plan variant x seed and compare the variants");
  batch_cmd->add_option("scenario", batch.scenario, "Scenario YAML file")->required();
  batch_cmd
      ->add_option("--variants", batch.variants,
                   "all, or variant names separated by commas (base = base plan)")
      ->capture_default_str();
  auto* seeds_opt = batch_cmd->add_option("--seeds", batch.seeds, "Run seeds 1..N for every variant")
                        ->capture_default_str()
                        ->check(kSeedNumber);
  batch_cmd->add_option("--seed-list", batch.seed_list, "Seeds to run, e.g. 1,2,5")
      ->delimiter(',')
      ->check(kSeedNumber)
      ->excludes(seeds_opt);
  batch_cmd->add_option("-j,--jobs", batch.jobs, "Runs at a time (default: number of cores)");
  batch_cmd->add_option("--out", batch.out, "Batch folder (default: out/<scenario>-batch)");
  batch_cmd->add_flag("--mpi", batch.mpi, "Split the runs over the ranks of an MPI job (start with mpirun)");
  batch_cmd->add_option("--shard", batch.shard,
                        "Run only shard i/N of the run list (job arrays); merge with compare");
  batch_cmd
      ->add_option("--run-timeout", batch.run_timeout,
                   "Seconds a run may take; a run still going then is killed and reported as failed "
                   "(default: no limit)")
      ->type_name("SECONDS");
  batch_cmd->add_flag("--load-per-run", batch.load_per_run,
                      "Start every run as its own `safestreet run`, which loads the scenario again, instead "
                      "of loading each variant once and forking its runs from it");
  batch_cmd->add_flag("-q,--quiet", batch.quiet, "No progress line or table");

  CompareOptions compare;
  auto* compare_cmd = app.add_subcommand(
      "compare", "Rebuild the comparison of batch folders from their run folders, or compare two runs");
  compare_cmd->add_option("dirs", compare.dirs, "Batch folders (runs in <variant>/seed-<S>/) or run folders")
      ->required();
  compare_cmd->add_option("--out", compare.out,
                          "Where to write comparison.* and report.html (default: first DIR; two runs: none)");
  compare_cmd->add_flag("-q,--quiet", compare.quiet, "No table");

  VerifyOptions verify;
  auto* verify_cmd = app.add_subcommand(
      "verify", "Run the standard verification tests (RiMEA, IMO, FZJ; Hamada fire spread) on the models");
  verify_cmd->add_option("--model", verify.model, "network, micro, fire or all")->capture_default_str();
  verify_cmd->add_option("--json", verify.json, "Also write the results as JSON to this file");
  verify_cmd->add_option("--data", verify.data_dir, "Data folder with pedestrian/hermes-2009-AO_300/");
  verify_cmd->add_option("--test", verify.test, "Only the tests whose name contains this, e.g. 'RiMEA 4'");
  verify_cmd
      ->add_option(
          "--calibration", verify.calibration,
          "The micro model's calibration: imo (at most 1.33 P/s through a 1 m door) or measured (the "
          "flows measured through 0.8-2.5 m bottlenecks)")
      ->capture_default_str();
  verify_cmd->add_option("--figures", verify.figures,
                         "Also write figures into this folder: bottleneck_widths.svg and .csv (micro)");

  DrillOptions drill;
  auto* drill_cmd = app.add_subcommand("drill", "Tabletop drills headless: run, resume or check a drill");
  drill_cmd->require_subcommand(1);
  auto* drill_run =
      drill_cmd->add_subcommand("run", "Run a drill with its exercise script and scripted players");
  drill_run->add_option("drill", drill.drill, "Drill file (YAML)")->required();
  drill_run->add_option("--players", drill.players, "Players' decisions and trainer actions (CSV)");
  drill_run->add_option("--journal", drill.journal, "Journal file to create (JSON lines)")->required();
  drill_run->add_option("--out", drill.out, "Output folder")->required();
  drill_run
      ->add_option("--speed", drill.speed,
                   "Simulated seconds per wall-clock second (default: as fast as possible)")
      ->check(CLI::PositiveNumber);
  drill_run->add_flag("-q,--quiet", drill.quiet, "No progress bar or summary");
  auto* drill_resume =
      drill_cmd->add_subcommand("resume", "Rebuild a stopped drill from its journal and carry it to the end");
  drill_resume->add_option("journal", drill.journal, "The drill's journal")->required();
  drill_resume->add_option("--out", drill.out, "Output folder")->required();
  drill_resume->add_option("--speed", drill.speed, "Simulated seconds per wall-clock second once caught up")
      ->check(CLI::PositiveNumber);
  drill_resume->add_flag("-q,--quiet", drill.quiet, "No progress bar or summary");
  auto* drill_check =
      drill_cmd->add_subcommand("check", "Check a drill, its script and players without running");
  drill_check->add_option("drill", drill.drill, "Drill file (YAML)")->required();
  drill_check->add_option("--players", drill.players, "Players' decisions and trainer actions (CSV)");
  drill_check->add_flag("-q,--quiet", drill.quiet, "Only problems");
  auto* replay_cmd = app.add_subcommand("replay", "Replay a drill's journal headless to its run outputs");
  replay_cmd->add_option("journal", drill.journal, "A drill's journal (JSON lines)")->required();
  replay_cmd->add_option("--out", drill.out, "Output folder")->required();
  replay_cmd->add_flag("-q,--quiet", drill.quiet, "No progress bar or summary");
  replay_cmd->add_flag("--without-decisions", drill.without_decisions,
                       "Leave out every players' decision (the injects and trainer actions stay)");
  replay_cmd
      ->add_option("--without-decision", drill.without_lines,
                   "Leave out the players' decision on this journal line (repeatable)")
      ->type_name("LINE");

  ReportOptions report;
  auto* report_cmd =
      app.add_subcommand("report", "Write a drill's after-action report (HTML) from its journal");
  report_cmd->add_option("journal", report.journal, "A drill's journal (JSON lines)")->required();
  report_cmd->add_option("--out", report.out, "The report's HTML file")->required();
  report_cmd->add_option("--maps-at", report.maps_at,
                         "Simulated times of the maps, e.g. 30min,60min,1:30:00 (default: every 30 min)");
  report_cmd->add_flag("--no-decision-values", report.no_decision_values,
                       "Only the report: no re-runs without the players' decisions");
  report.jobs = std::max(1u, std::thread::hardware_concurrency());
  report_cmd->add_option("-j,--jobs", report.jobs, "Re-runs at a time (default: number of cores)")
      ->check(CLI::PositiveNumber);
  report_cmd->add_flag("-q,--quiet", report.quiet, "No progress or summary");

  MapOptions map;
  auto* map_cmd = app.add_subcommand(
      "map",
      "Draw a printable briefing map of a run at a simulated time (PDF or PNG), or the difference map "
      "of two runs");
  map_cmd->add_option("run", map.run_dir, "Run folder (from safestreet run, with results.gpkg)")->required();
  map_cmd->add_option("--out", map.out, "The map's file: .pdf or .png")->required();
  map_cmd->add_option("--at", map.at, "Simulated time of the map, e.g. 30min, 1:30:00, 5400 (s), or end")
      ->capture_default_str();
  map_cmd->add_option("--layers", map.layers, "Layers to draw, separated by commas")->capture_default_str();
  map_cmd->add_option("--paper", map.paper, "a4 or a3 (landscape)")->capture_default_str();
  map_cmd->add_option("--title", map.title, "Title (default: from the scenario's name)");
  map_cmd
      ->add_option("--extent", map.extent,
                   "Area to show, XMIN,YMIN,XMAX,YMAX in metres of the map's CRS (default: the whole run)")
      ->type_name("X0,Y0,X1,Y1");
  map_cmd->add_option("--dpi", map.dpi, "PNG: pixels per inch of paper")
      ->capture_default_str()
      ->check(CLI::Range(50.0, 600.0));
  map_cmd
      ->add_option("--compare", map.compare,
                   "Another run folder of the same map: draw how each home's median time to safety changed")
      ->type_name("OTHER_RUN");
  map_cmd
      ->add_option("--unchanged-within", map.unchanged_within,
                   "Difference map: changes up to this many minutes count as unchanged")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1000.0));
  map_cmd->add_option("--reference-label", map.reference_label,
                      "Difference map: what the footer calls the reference run (default: its folder)");
  map_cmd->add_option("--compare-label", map.compare_label,
                      "Difference map: what the footer calls the compared run (default: its folder)");
  map_cmd->add_flag("-q,--quiet", map.quiet, "No summary");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help ends well; a command line that cannot be understood (no scenario, no
    // command, an unknown option) is bad input like any other: a message, exit code 2.
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << "error: " << e.what() << "\nRun with --help for more information.\n";
    return kExitBadInput;
  }
  try {
    i18n::set_language(i18n::choose_language(lang));
  } catch (const std::invalid_argument& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitBadInput;
  }
  return with_error_reporting([&]() -> int {
    if (*run_cmd) return run_command(run);
    if (*check_cmd) return check_command(check);
    if (*verify_cmd) return verify_command(verify);
    if (*batch_cmd) return batch_command(batch);
    if (*compare_cmd) return compare_command(compare);
    if (*drill_cmd) {
      drill.action = *drill_run      ? DrillOptions::Action::Run
                     : *drill_resume ? DrillOptions::Action::Resume
                                     : DrillOptions::Action::Check;
      return drill_command(drill);
    }
    if (*report_cmd) return report_command(report);
    if (*map_cmd) return map_command(map);
    if (*replay_cmd) {
      drill.action = DrillOptions::Action::Replay;
      return drill_command(drill);
    }
    return kExitFailure;
  });
}

}  // namespace ss::cli
