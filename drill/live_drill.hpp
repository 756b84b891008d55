#pragma once
// A drill played live at the table (the GUI's drill mode, docs/drills.md "In the GUI"):
// the exercise script's injects fire at their times while the clock runs, the trainer
// fires, holds, skips or adds injects, the players' decisions are stamped with their
// role and reason, and every event is journaled as it happens in the headless drill's
// format (drill/journal.hpp), so `safestreet replay` rebuilds the run. Nothing here
// knows of a window: the front end calls on_step() after every simulation step and the
// trainer's and players' actions as they are taken.
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "drill/drill_script.hpp"
#include "drill/journal.hpp"
#include "engine/core/simulation.hpp"

namespace ss::drill {

// Where an MSEL inject stands: due (not reached or waiting), fired, held (waiting for
// the trainer), skipped, not fired for its condition, or not fired as the run had ended.
enum class InjectState : std::uint8_t { Due, Fired, Held, Skipped, ConditionFalse, NotFired };
const char* to_string(InjectState s);

struct LiveInject {
  MselInject msel;
  InjectState state = InjectState::Due;
  bool hold_asked = false;  // the trainer asked to hold it when due
  bool skip_asked = false;  // ... to skip it when due
  double when = NAN;        // simulated s it was fired, held, skipped or found false
  std::string by;           // "script" or "trainer"
  std::string measured;     // what its condition saw
};

// One thing the command post received or did, as the players' view lists it.
struct Received {
  enum class Kind : std::uint8_t { Inject, Decision, Note };
  Kind kind = Kind::Inject;
  double t = 0.0;    // simulated s
  std::string wall;  // UTC wall clock, as journaled
  std::string role;  // who received it (inject) or took it (decision)
  std::string what;  // inject or decision kind
  std::string target, text, reason;
};

// What a live drill starts from: the front end has loaded the drill's scenario.
struct LiveSetup {
  std::string journal;             // the journal file
  std::string version;             // program version, journaled
  std::string players_file;        // optional: roles offered in the role selector
  double max_snap_distance = 0.0;  // the scenario's shelters.max_snap_distance
  std::uint64_t seed = 0;          // the run's seed
  // (file, checksum) of every scenario input, as the run folder records them.
  std::vector<std::pair<std::string, std::string>> scenario_inputs;
};

// What reaches a command post with a delay (docs/drills.md "The players' view"). Planning
// assumptions, stated there: a shelter reports its head count at the door every
// 30 minutes of the clock, received 10 minutes later (counted, then phoned in); a team
// reports each finished task by radio, received 2 minutes after it finished.
struct ReportTiming {
  double shelter_every = 1800.0;  // s between a shelter's counts (planning assumption)
  double shelter_delay = 600.0;   // s from a count to the command post (planning assumption)
  double team_delay = 120.0;      // s from a finished task to its radio report (planning assumption)
};
struct ShelterCount {
  double as_of = NAN;        // simulated s the count was taken; NaN: no report received yet
  double received = NAN;     // s it reached the command post
  std::int64_t persons = 0;  // inside at as_of (residents sheltered there by then)
  std::int64_t capacity = 0;
};
struct TeamReport {
  double received = 0.0;  // s
  std::string team;
  std::string task;          // "door_knock household 12" / "assist household 863"
  std::int32_t carried = 0;  // persons taken to a shelter
};
// The last shelter counts received by `now`: each shelter's residents whose arrival
// time is at or before the count's time (sheltered residents stay sheltered).
std::vector<ShelterCount> reported_shelters(const Model& model, const SimState& state, double now,
                                            const ReportTiming& timing = {});
// The teams' reports received by `now`, oldest first.
std::vector<TeamReport> reported_tasks(const Model& model, const SimState& state, double now,
                                       const ReportTiming& timing = {});

class LiveDrill {
 public:
  // Reads the drill file and its MSEL (every row checked, InputError naming file, line
  // and column) before the scene loads, so the front end knows scenario, variant, seed.
  static DrillDesc read(const std::string& drill_file);

  // A new drill: resolves the MSEL against the simulation's model (all problems refused
  // together), creates the journal (an existing file is refused) with its drill_start
  // line, and fires what is due at the start. Returns the warnings (injects after the end).
  std::vector<std::string> start(DrillDesc drill, const LiveSetup& setup, Simulation& sim);
  // A drill carried on from its journal: `sim` is a fresh run of the journal's scenario
  // and seed. Every journaled intervention is applied at its step and the run stepped to
  // the last journaled event (a replay, exact as the engine is deterministic); the
  // injects' states and what the players received are rebuilt from the events; the
  // journal is cut back to its last whole line and a `resumed` line appended.
  std::vector<std::string> resume(const JournalRead& journal, DrillDesc drill, const LiveSetup& setup,
                                  Simulation& sim);

  // After every step: fires the injects now due; at the run's end closes its timeline
  // (Simulation::run_to_end, as the headless drill) and journals drill_end. Returns the
  // number of injects that fired, were held or were found false in this call.
  std::size_t on_step(Simulation& sim);
  // Simulated s of the next inject still to come, +inf when none.
  [[nodiscard]] double next_due() const;

  // The trainer. Each returns "" when done, else why not (nothing journaled then).
  std::string fire_now(std::size_t i, Simulation& sim);
  std::string hold(std::size_t i, const Simulation& sim);
  std::string skip(std::size_t i, const Simulation& sim);
  // An unscripted inject: kind and target as in the MSEL (docs/drills.md "Targets").
  std::string add_inject(const std::string& kind, const std::string& target, const std::string& text,
                         const std::string& role, Simulation& sim);
  // A player's decision typed in (kind and target as in the players file), applied
  // through Simulation::apply and journaled with role and reason.
  std::string decide(const std::string& kind, const std::string& target, const std::string& role,
                     const std::string& reason, Simulation& sim);
  // A decision taken elsewhere (a click on the map, the shelter list) that has already
  // gone through Simulation::apply: journaled with its role and reason.
  void record_decision(const Intervention& iv, const std::string& target, const std::string& role,
                       const std::string& reason, const Simulation& sim);
  // The trainer's clock (pause, resume, speed) and notes, for the record.
  void clock(const std::string& action, double speed, const Simulation& sim);
  void note(const std::string& text, const std::string& role, const Simulation& sim);

  [[nodiscard]] const DrillDesc& drill() const { return drill_; }
  [[nodiscard]] const std::vector<LiveInject>& injects() const { return injects_; }
  [[nodiscard]] const std::vector<Received>& received() const { return received_; }
  // The roles of the drill: those the MSEL sends injects to, then the players file's,
  // in the order first named; the trainer is not one of them.
  [[nodiscard]] const std::vector<std::string>& roles() const { return roles_; }
  [[nodiscard]] bool ended() const { return ended_; }
  [[nodiscard]] std::size_t lines_written() const { return written_; }
  [[nodiscard]] std::size_t lines_replayed() const { return replayed_; }
  [[nodiscard]] const std::string& journal_path() const { return writer_.path(); }

 private:
  nlohmann::json base(const char* type, const Simulation& sim) const;
  nlohmann::json inject_event(const MselInject& m, const Simulation& sim) const;
  // Applies `ivs` and journals `ev` with them; "" or why the engine refused.
  std::string apply_and_write(nlohmann::json ev, const std::vector<Intervention>& ivs, Simulation& sim);
  void write(nlohmann::json ev);
  void due(std::size_t i, Simulation& sim);
  void fire(std::size_t i, nlohmann::json e, const char* by, Simulation& sim);
  // Takes one journaled or written event into the injects' states and the players' view.
  void take(const nlohmann::json& ev);
  void prepare(DrillDesc drill, const LiveSetup& setup, const Model& model,
               std::vector<std::string>& warnings);

  DrillDesc drill_;
  std::vector<LiveInject> injects_;
  std::vector<Received> received_;
  std::vector<std::string> roles_;
  JournalWriter writer_;
  double snap_ = 0.0;
  int trainer_injects_ = 0;  // unscripted injects so far, for their ids
  bool ended_ = false;
  std::size_t written_ = 0, replayed_ = 0;
};

}  // namespace ss::drill
