#pragma once
// Running a tabletop drill headless (docs/drills.md): the exercise script fires its
// injects at their simulated times, the players' scripted decisions and the trainer's
// actions go through Simulation::apply, every event is journaled as it happens, and
// the run folder is written by the same code as `safestreet run`. A drill killed on
// the way is resumed from its journal (a replay of what was journaled, then the rest of
// the script); any journal replays headless to the same outputs.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "batch/run_pipeline.hpp"
#include "drill/drill_script.hpp"

namespace ss::drill {

struct DrillRequest {
  std::string drill_file;     // DRILL.yaml (run, check)
  std::string players_file;   // optional players CSV (run, check)
  std::string journal;        // journal file (JSON lines)
  std::filesystem::path out;  // run folder, written whole or not at all
  std::string version;        // program version, journaled and in summary.json
  // Simulated seconds per wall-clock second (a trainer's clock); 0 runs as fast as it can.
  double speed = 0.0;
  batch::RunHooks hooks;  // loaded (before the first step), stepped, reports
  // Replay only: leave out the players' decisions — every `decision` event, or those on
  // these journal lines — to see what the drill would have come to without them (the
  // same seed and injects: docs/drills.md "What each decision was worth").
  bool without_decisions = false;
  std::vector<int> without_lines{};
};

struct DrillOutcome {
  batch::FinishedRun run;
  std::size_t replayed = 0;           // journal events taken from an existing journal (resume, replay)
  std::size_t written = 0;            // journal lines written now
  std::string dropped;                // a cut-short last journal line that was dropped, as "file:line: what"
  bool was_complete = false;          // resume: the journal already held the drill's end
  std::vector<std::string> warnings;  // problems that do not stop the drill (injects after the end, ...)
};

// Loads the drill, its MSEL and players, the scenario, and resolves every target;
// all problems are refused before anything runs. Returns the warnings.
std::vector<std::string> check_drill(const DrillRequest& req);
// Runs the drill from its start; refuses a journal file that already exists.
DrillOutcome run_drill(const DrillRequest& req);
// Continues the drill of req.journal (req.drill_file and players_file are taken from it).
DrillOutcome resume_drill(const DrillRequest& req);
// Replays req.journal headless: its scenario and seed, every journaled intervention at
// its step, then to the end. Needs neither the MSEL nor the players file. With an
// empty req.out no run folder is written (the after-action report replays for itself).
DrillOutcome replay_journal(const DrillRequest& req);

}  // namespace ss::drill
