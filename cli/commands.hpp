#pragma once
// Subcommands of the `safestreet` command line tool.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ss::batch {
struct LoadedScenario;
}

namespace ss::cli {

int main(int argc, char** argv);

struct RunOptions {
  std::string scenario;
  std::string variant;
  std::optional<std::uint64_t> seed;  // default: the scenario's run.seed
  std::string out;                    // default: out/<scenario>[-<variant>]
  bool quiet = false;                 // no progress bar and summary
  double trajectories = 0.0;          // frames per s of trajectories.txt (micro); 0: the scenario's
  int flood_threads = -1;             // threads of the flood solver; < 0: the scenario's, 0: automatic
  // The scenario and variant already loaded (a batch's forked runs); null: load them.
  std::shared_ptr<const batch::LoadedScenario> preloaded{};
};
int run_command(const RunOptions& opt);

struct CheckOptions {
  std::string scenario;
  std::string variant;
  bool json = false;  // machine-readable report on stdout
};
int check_command(const CheckOptions& opt);

struct BatchOptions {
  std::string scenario;
  std::string variants = "all";  // "all" or names, comma-separated ("base": the base plan)
  std::uint64_t seeds = 10;      // seeds 1..seeds, unless seed_list is given
  std::vector<std::uint64_t> seed_list;
  std::size_t jobs = 1;  // runs at a time on this machine (or MPI rank)
  std::string out;       // default: out/<scenario>-batch
  bool mpi = false;      // split the runs over the ranks of an MPI job
  std::string shard;     // "i/N": only every N-th run from i (job arrays)
  // --run-timeout SECONDS as given, checked by batch_command(); none: no limit
  std::optional<std::string> run_timeout{};
  // Every run loads the scenario itself (`safestreet run` started per run) instead of
  // forking from this process, which loads each variant once.
  bool load_per_run = false;
  bool quiet = false;
};
int batch_command(const BatchOptions& opt);

struct CompareOptions {
  std::vector<std::string> dirs;  // batch folders (<variant>/seed-<S>/) or run folders (summary.json);
                                  // exactly two run folders: the two runs side by side
  std::string out;                // default: the first of dirs (a batch folder); none for two runs
  bool quiet = false;
};
int compare_command(const CompareOptions& opt);

struct VerifyOptions {
  std::string model = "all";        // network, micro, fire or all
  std::string json;                 // also write the results here as JSON
  std::string data_dir;             // default: the source tree's data/
  std::string test;                 // only the tests whose id contains this (default: all)
  std::string figures;              // also write figures (SVG) and their data (CSV) into this folder
  std::string calibration = "imo";  // the micro model's calibration: imo or measured (MicroCalibration)
};
int verify_command(const VerifyOptions& opt);

// `drill run DRILL.yaml --players P --journal J --out DIR`, `drill resume J --out DIR`,
// `drill check DRILL.yaml --players P`, `replay J --out DIR` (docs/drills.md).
struct DrillOptions {
  enum class Action : std::uint8_t { Run, Resume, Check, Replay };
  Action action = Action::Run;
  std::string drill;    // DRILL.yaml (run, check)
  std::string players;  // players CSV (run, check; optional)
  std::string journal;  // journal file (run: created; resume, replay: read)
  std::string out;      // run folder
  double speed = 0.0;   // simulated s per wall s; 0: as fast as possible
  bool quiet = false;
  // replay: leave out every players' decision, or those on these journal lines
  bool without_decisions = false;
  std::vector<int> without_lines{};
};
int drill_command(const DrillOptions& opt);

// `report JOURNAL --out report.html`: a drill's after-action report (docs/drills.md).
struct ReportOptions {
  std::string journal;              // the drill's journal (JSON lines)
  std::string out;                  // the HTML file, written whole or not at all
  std::string maps_at;              // simulated times of the maps, comma-separated; empty: every 30 min
  bool no_decision_values = false;  // no re-runs without the players' decisions
  std::size_t jobs = 1;             // re-runs at a time
  bool quiet = false;
};
int report_command(const ReportOptions& opt);

// `map RUN_DIR --at 30min --out map.pdf` (a briefing map at a simulated time) and
// `map RUN_DIR --compare OTHER --out diff.pdf` (the difference map), docs/maps.md.
struct MapOptions {
  std::string run_dir;
  std::string compare;     // the other run folder: a difference map
  std::string at = "end";  // simulated time, or "end"
  std::string layers = "homes,shelters,closures,streets,zones";
  std::string out;                // .pdf or .png, written whole or not at all
  std::string paper = "a4";       // a4 or a3, landscape
  std::string title;              // default: from the scenario's name
  std::string extent;             // XMIN,YMIN,XMAX,YMAX (map CRS, m); empty: the whole run
  double dpi = 150.0;             // PNG only
  double unchanged_within = 1.0;  // difference map: minutes counted unchanged
  std::string reference_label;    // difference map: the footer's name for each run
  std::string compare_label;      // (empty: the run folder)
  bool quiet = false;
};
int map_command(const MapOptions& opt);

// Exit codes shared by the subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // a run failed for a reason other than its inputs
inline constexpr int kExitBadInput = 2;  // the scenario or a file it names is wrong
inline constexpr int kExitProblems = 3;  // `check` found problems that do not stop a run

// `body`'s exit code; an error it throws is printed as `error: file:line: field:
// message` on stderr, the message in the planners' language (i18n/error_text.hpp), and
// gives kExitBadInput (InputError) or kExitFailure (anything else). The one error
// report of the command line: `safestreet`'s commands and a batch's forked runs.
int with_error_reporting(const std::function<int()>& body);

}  // namespace ss::cli
