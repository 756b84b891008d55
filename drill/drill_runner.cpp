#include "drill/drill_runner.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include "drill/journal.hpp"
#include "engine/core/input_error.hpp"
#include "engine/core/state_hash.hpp"
#include "scenarios/loader/checksum.hpp"
#include "scenarios/loader/scenario_loader.hpp"

namespace ss::drill {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

// Everything a drill reads, loaded and resolved.
struct Loaded {
  DrillDesc drill;
  std::vector<PlayerRow> players;
  std::string scenario_name;
  batch::FinishedRun run;       // assembly now, simulation once started
  json inputs = json::array();  // [{file, checksum}] of every input
  std::vector<std::string> warnings;
};

void add_checksum(json& inputs, const std::string& file) {
  if (file.empty()) return;
  const auto h = scenarios::fnv1a64_file(file);
  inputs.push_back({{"file", file}, {"checksum", h ? scenarios::checksum_text(*h) : "unreadable"}});
}

// The scenario (and variant) assembled, with its input files' checksums added; its
// shelters.max_snap_distance (how far a road's point may lie from a street).
double load_scenario_into(Loaded& l, const std::string& scenario, const std::string& variant) {
  const scenarios::ScenarioDesc desc = scenarios::load_scenario(scenario, variant);
  l.scenario_name = desc.name;
  l.run.assembly = std::make_unique<scenarios::Assembly>(scenarios::assemble(desc));
  const scenarios::Assembly& a = *l.run.assembly;
  for (std::size_t i = 0; i < a.input_files.size() && i < a.checksums.size(); ++i)
    l.inputs.push_back({{"file", a.input_files[i]}, {"checksum", a.checksums[i]}});
  l.warnings = a.problems;
  return desc.shelters.max_snap_distance;
}

Loaded load_everything(const std::string& drill_file, const std::string& players_file,
                       const batch::RunHooks& hooks) {
  Loaded l;
  l.drill = load_drill(drill_file);
  if (!players_file.empty()) l.players = load_players(players_file, l.drill);
  add_checksum(l.inputs, drill_file);
  add_checksum(l.inputs, l.drill.msel_file);
  add_checksum(l.inputs, players_file);
  const double snap = load_scenario_into(l, l.drill.scenario, l.drill.variant);
  resolve_drill(l.drill, l.players, players_file, l.run.assembly->model, snap, l.warnings);
  if (hooks.loaded) hooks.loaded(*l.run.assembly);
  return l;
}

// Every input the journal's start names must still have its checksum: a resume or
// replay on changed inputs would not rebuild the drill that was run.
void check_inputs(const JournalEvent& start, const json& now, const std::string& journal) {
  for (const json& was : start.data["inputs"]) {
    if (!was.is_object() || !was.contains("file") || !was.contains("checksum")) continue;
    for (const json& is : now)
      if (is["file"] == was["file"] && is["checksum"] != was["checksum"])
        throw InputError(journal, start.line, "inputs",
                         "'" + was["file"].get<std::string>() + "' changed since the drill started (" +
                             was["checksum"].get<std::string>() + ", now " +
                             is["checksum"].get<std::string>() + "): the drill cannot be rebuilt from it");
  }
}

// Steps the simulation for the drill, the same way in every mode: the state hash at
// halfway (as `safestreet run`), the front end's hook, the trainer's pace.
class Driver {
 public:
  Driver(batch::FinishedRun& run, std::uint64_t seed, const batch::RunHooks& hooks)
      : run_(run), hooks_(hooks), halfway_(batch::halfway_step(run.assembly->model)) {
    run.sim = std::make_unique<Simulation>(run.assembly->model, seed);
    t0_ = Clock::now();
  }
  Simulation& sim() { return *run_.sim; }
  void set_pace(double speed) {
    pace_ = speed;
    pace_wall_ = Clock::now();
    pace_sim_ = sim().time();
  }
  void to_time(double t) {
    const double dt = run_.assembly->model.run.dt;
    while (!sim().finished() && sim().time() + 0.5 * dt < t) step();
  }
  void to_step(std::uint64_t s) {
    while (!sim().finished() && sim().state().step < s) step();
  }
  void finish() {
    while (!sim().finished()) step();
    sim().run_to_end();
    run_.wall_seconds = std::chrono::duration<double>(Clock::now() - t0_).count();
  }
  [[nodiscard]] const std::optional<output::RunInfo::StepHash>& halfway_hash() const { return hash_; }

 private:
  void step() {
    Simulation& s = sim();
    s.step();
    if (s.state().step == halfway_) hash_ = output::RunInfo::StepHash{halfway_, state_hash(s.state())};
    if (hooks_.stepped) hooks_.stepped(s);
    if (pace_ > 0.0)
      std::this_thread::sleep_until(pace_wall_ +
                                    std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>((s.time() - pace_sim_) / pace_)));
  }
  batch::FinishedRun& run_;
  const batch::RunHooks& hooks_;
  std::uint64_t halfway_;
  std::optional<output::RunInfo::StepHash> hash_;
  Clock::time_point t0_, pace_wall_;
  double pace_ = 0.0, pace_sim_ = 0.0;
};

// What identifies an event for matching a resumed drill against its journal.
std::string event_key(const json& j) {
  std::string k = j.value("event", "");
  for (const char* f : {"id", "row", "status", "action", "step"})
    if (j.contains(f)) k += std::string(" ") + f + "=" + j[f].dump();
  return k;
}

// Journals each event, or — while a resumed drill catches up — takes it from the
// journal instead: the journal's interventions are applied, and the script must give
// the same event at the same step (else the inputs changed under the journal).
class Recorder {
 public:
  Recorder(JournalWriter& w, std::vector<JournalEvent> past, std::string journal)
      : w_(w), past_(std::move(past)), journal_(std::move(journal)) {}
  [[nodiscard]] bool replaying() const { return next_ < past_.size(); }
  std::vector<Intervention> record(json ev, std::vector<Intervention> live) {
    if (next_ < past_.size()) {
      const JournalEvent& was = past_[next_++];
      if (event_key(ev) != event_key(was.data))
        throw InputError(journal_, was.line, "",
                         "the drill's script now gives \"" + event_key(ev) + "\" here, the journal has \"" +
                             event_key(was.data) + "\": its inputs changed since it was written");
      return was.interventions;
    }
    json list = json::array();
    for (const Intervention& iv : live) list.push_back(to_json(iv));
    if (!live.empty()) ev["interventions"] = std::move(list);
    w_.write(std::move(ev));
    ++written_;
    return live;
  }
  void write(json ev) {
    w_.write(std::move(ev));
    ++written_;
  }
  [[nodiscard]] std::size_t written() const { return written_; }
  [[nodiscard]] std::size_t replayed() const { return next_; }

 private:
  JournalWriter& w_;
  std::vector<JournalEvent> past_;
  std::string journal_;
  std::size_t next_ = 0, written_ = 0;
};

// The drill's script in time order: the MSEL's injects before the players' rows of the
// same time, each in file order.
class Script {
 public:
  Script(const Loaded& l, Driver& d, Recorder& r) : l_(l), d_(d), r_(r), state_(l.drill.msel.size()) {}

  void run() {
    std::size_t m = 0, p = 0;
    const auto& msel = l_.drill.msel;
    const auto& players = l_.players;
    start_pace();
    while (m < msel.size() || p < players.size()) {
      if (p >= players.size() || (m < msel.size() && msel[m].at <= players[p].at))
        due(m++);
      else
        player(players[p++]);
      start_pace();
    }
  }
  void set_pace(double s) { pace_ = s; }

 private:
  // The trainer's pace holds once the journal's part is caught up with.
  void start_pace() {
    if (paced_ || r_.replaying()) return;
    paced_ = true;
    d_.set_pace(pace_);
  }
  enum class St : std::uint8_t { Pending, HoldAsked, SkipAsked, Held, Fired, Skipped, NotFired };

  json base(const char* type) {
    Simulation& s = d_.sim();
    return {{"event", type}, {"step", s.state().step}, {"t", s.time()}};
  }
  json inject_event(const MselInject& m) {
    json e = base("inject");
    e["id"] = m.id;
    e["at"] = m.at;
    e["kind"] = m.action.kind;
    e["target"] = m.action.target;
    e["role"] = m.role;
    e["text"] = m.text;
    if (!m.expected.empty()) e["expected"] = m.expected;
    return e;
  }
  void apply(const std::vector<Intervention>& ivs, int line) {
    for (const Intervention& iv : ivs)
      if (!d_.sim().apply(iv))
        throw InputError(
            l_.drill.file, line, "",
            std::string("the target of a ") + to_string(iv.kind) + " does not exist in this scenario");
  }
  void fire(std::size_t i, json e, const char* by) {
    e["status"] = "fired";
    e["by"] = by;
    apply(r_.record(std::move(e), l_.drill.msel[i].action.interventions), l_.drill.msel[i].line);
    state_[i] = St::Fired;
  }
  // An MSEL inject at its time.
  void due(std::size_t i) {
    const MselInject& m = l_.drill.msel[i];
    d_.to_time(m.at);
    St& st = state_[i];
    if (st == St::Fired || st == St::Skipped) return;  // the trainer already did
    json e = inject_event(m);
    if (d_.sim().finished()) {
      e["status"] = "not_fired";
      e["reason"] = "the run had ended";
      r_.record(std::move(e), {});
      st = St::NotFired;
    } else if (st == St::SkipAsked || m.status == MselInject::Status::Skip) {
      e["status"] = "skipped";
      e["by"] = st == St::SkipAsked ? "trainer" : "script";
      r_.record(std::move(e), {});
      st = St::Skipped;
    } else if (st == St::HoldAsked || m.status == MselInject::Status::Hold) {
      e["status"] = "held";
      e["by"] = st == St::HoldAsked ? "trainer" : "script";
      r_.record(std::move(e), {});
      st = St::Held;
    } else {
      std::string measured;
      const bool ok = holds(m.condition, l_.run.assembly->model, d_.sim().state(), measured);
      if (m.condition.kind != Condition::Kind::None) {
        e["condition"] = m.condition.text;
        e["measured"] = measured;
      }
      if (ok) {
        fire(i, std::move(e), "script");
      } else {
        e["status"] = "not_fired";
        e["reason"] = "condition false";
        r_.record(std::move(e), {});
        st = St::NotFired;
      }
    }
  }
  void player(const PlayerRow& row) {
    d_.to_time(row.at);
    using K = PlayerRow::Kind;
    const bool ended = d_.sim().finished();
    json e;
    switch (row.kind) {
      case K::Decision:
        e = base("decision");
        e["kind"] = row.action;
        e["target"] = row.target;
        if (!row.reason.empty()) e["reason"] = row.reason;
        break;
      case K::AddInject:
        e = base("inject");
        e["id"] = "trainer-row-" + std::to_string(row.row);
        e["kind"] = row.inject.kind;
        e["target"] = row.target;
        e["text"] = row.reason;
        e["status"] = ended ? "not_fired" : "fired";
        e["by"] = "trainer";
        break;
      case K::Fire:
      case K::Hold:
      case K::Skip: trainer(row); return;
      case K::Note:
        e = base("note");
        e["text"] = row.reason;
        break;
      case K::Pause:
      case K::Resume:
      case K::Speed:
        e = base("clock");
        e["action"] = row.action;
        // Headless, the trainer's clock is journaled for the record; the run's own pace
        // is DrillRequest::speed.
        if (row.kind == K::Speed) e["speed"] = row.speed;
        break;
    }
    e["row"] = row.row;
    e["role"] = row.role;
    const bool acts = row.kind == K::Decision || row.kind == K::AddInject;
    if (acts && ended) e["reason_not_applied"] = "the run had ended";
    apply(r_.record(std::move(e), acts && !ended ? row.inject.interventions : std::vector<Intervention>{}),
          row.line);
  }
  void trainer(const PlayerRow& row) {
    std::size_t i = 0;
    while (l_.drill.msel[i].id != row.inject_id) ++i;  // checked when the players file was read
    St& st = state_[i];
    using K = PlayerRow::Kind;
    auto note = [&](const std::string& result) {
      json e = base("trainer");
      e["action"] = row.action;
      e["id"] = row.inject_id;
      e["row"] = row.row;
      e["role"] = row.role;
      e["result"] = result;
      if (!row.reason.empty()) e["reason"] = row.reason;
      r_.record(std::move(e), {});
    };
    if (st == St::Fired || st == St::Skipped) {
      note(std::string("ignored: the inject was already ") + (st == St::Fired ? "fired" : "skipped"));
      return;
    }
    json e = inject_event(l_.drill.msel[i]);
    e["row"] = row.row;
    if (!row.reason.empty()) e["reason"] = row.reason;
    if (row.kind == K::Fire) {
      if (d_.sim().finished()) return note("ignored: the run had ended");
      fire(i, std::move(e), "trainer");
    } else if (row.kind == K::Hold) {
      if (st == St::Pending) st = St::HoldAsked;
      note(st == St::HoldAsked ? "held when due" : "ignored: the inject is not waiting");
    } else if (st == St::Pending || st == St::HoldAsked) {
      st = St::SkipAsked;
      note("skipped when due");
    } else {  // held or not fired: skipped now
      e["status"] = "skipped";
      e["by"] = "trainer";
      r_.record(std::move(e), {});
      st = St::Skipped;
    }
  }

  const Loaded& l_;
  Driver& d_;
  Recorder& r_;
  std::vector<St> state_;
  double pace_ = 0.0;
  bool paced_ = false;
};

batch::RunRequest run_request(const json& start, const DrillRequest& req) {
  return {start["scenario"].get<std::string>(), start["variant"].get<std::string>(),
          start["seed"].get<std::uint64_t>(), req.out, req.version};
}

// The drill from its start event: runs (or, resuming, first catches up with) the script.
DrillOutcome execute(Loaded& l, const json& start, JournalWriter& w, std::vector<JournalEvent> past,
                     bool complete, const DrillRequest& req) {
  DrillOutcome out;
  Driver d(l.run, start["seed"].get<std::uint64_t>(), req.hooks);
  Recorder r(w, std::move(past), req.journal);
  Script script(l, d, r);
  script.set_pace(req.speed);
  script.run();
  if (r.replaying())
    throw InputError(req.journal, 0, "", "the journal holds events past the end of the drill's script");
  d.finish();
  if (!complete) {
    Simulation& s = d.sim();
    r.write({{"event", "drill_end"}, {"step", s.state().step}, {"t", s.time()}});
  }
  out.replayed = r.replayed();
  out.written = r.written();
  out.was_complete = complete;
  out.warnings = l.warnings;
  batch::write_run_folder(run_request(start, req), l.scenario_name, l.run, d.halfway_hash(), req.hooks);
  out.run = std::move(l.run);
  return out;
}

}  // namespace

std::vector<std::string> check_drill(const DrillRequest& req) {
  return load_everything(req.drill_file, req.players_file, req.hooks).warnings;
}

DrillOutcome run_drill(const DrillRequest& req) {
  std::error_code ec;
  if (std::filesystem::exists(req.journal, ec))
    JournalWriter().create(req.journal);  // refuses it, before loading
  // Absolute, so that the journal names files a resume finds from any folder.
  const std::string drill_file = std::filesystem::absolute(req.drill_file).lexically_normal().string();
  const std::string players_file =
      req.players_file.empty() ? "" : std::filesystem::absolute(req.players_file).lexically_normal().string();
  Loaded l = load_everything(drill_file, players_file, req.hooks);
  JournalWriter w;
  w.create(req.journal);
  const Model& model = l.run.assembly->model;
  const json start = {{"event", "drill_start"},     {"version", req.version},
                      {"drill", drill_file},        {"name", l.drill.name},
                      {"players", players_file},    {"scenario", l.drill.scenario},
                      {"variant", l.drill.variant}, {"seed", l.drill.seed.value_or(model.run.seed)},
                      {"dt", model.run.dt},         {"inputs", l.inputs}};
  w.write(start);
  DrillOutcome out = execute(l, start, w, {}, false, req);
  ++out.written;
  return out;
}

DrillOutcome resume_drill(const DrillRequest& req) {
  const JournalRead j = read_journal(req.journal);
  const JournalEvent& start = j.events.front();
  Loaded l = load_everything(start.data["drill"].get<std::string>(), start.data["players"].get<std::string>(),
                             req.hooks);
  check_inputs(start, l.inputs, req.journal);
  std::vector<JournalEvent> past;
  bool complete = false;
  for (const JournalEvent& e : j.events) {
    if (e.type == "drill_end") complete = true;
    if (e.type != "drill_start" && e.type != "resumed" && e.type != "drill_end") past.push_back(e);
  }
  JournalWriter w;
  w.reopen(req.journal, j.good_bytes);
  std::size_t written = 0;
  if (!complete) {
    json resumed = {{"event", "resumed"},
                    {"step", j.events.back().type == "drill_start" ? 0 : j.events.back().step},
                    {"version", req.version},
                    {"after_line", j.events.back().line}};
    if (!j.dropped.empty()) resumed["dropped"] = j.dropped;
    w.write(resumed);
    ++written;
  }
  DrillOutcome out = execute(l, start.data, w, std::move(past), complete, req);
  out.written += written;
  out.dropped = j.dropped;
  return out;
}

DrillOutcome replay_journal(const DrillRequest& req) {
  const JournalRead j = read_journal(req.journal);
  const JournalEvent& start = j.events.front();
  Loaded l;
  load_scenario_into(l, start.data["scenario"].get<std::string>(), start.data["variant"].get<std::string>());
  if (req.hooks.loaded) req.hooks.loaded(*l.run.assembly);
  check_inputs(start, l.inputs, req.journal);
  DrillOutcome out;
  for (const int line : req.without_lines) {
    const auto it = std::find_if(j.events.begin(), j.events.end(),
                                 [line](const JournalEvent& e) { return e.line == line; });
    if (it == j.events.end() || it->type != "decision")
      throw InputError(req.journal, line, "event",
                       it == j.events.end() ? "no event on this line to leave out"
                                            : "a " + it->type +
                                                  " event, not a players' decision: only decisions "
                                                  "can be left out");
  }
  auto left_out = [&req](const JournalEvent& e) {
    return e.type == "decision" &&
           (req.without_decisions ||
            std::find(req.without_lines.begin(), req.without_lines.end(), e.line) != req.without_lines.end());
  };
  Driver d(l.run, start.data["seed"].get<std::uint64_t>(), req.hooks);
  for (const JournalEvent& e : j.events) {
    if (e.interventions.empty() || left_out(e)) continue;
    d.to_step(e.step);
    if (d.sim().state().step != e.step)
      throw InputError(req.journal, e.line, "step",
                       "the run ended at step " + std::to_string(d.sim().state().step) +
                           ", before this event's step " + std::to_string(e.step));
    for (const Intervention& iv : e.interventions)
      if (!d.sim().apply(iv))
        throw InputError(req.journal, e.line, "interventions",
                         std::string("no target ") + std::to_string(iv.target) + " for " +
                             to_string(iv.kind) + " in this scenario");
    ++out.replayed;
  }
  d.finish();
  out.dropped = j.dropped;
  out.warnings = l.warnings;
  if (!req.out.empty())
    batch::write_run_folder(run_request(start.data, req), l.scenario_name, l.run, d.halfway_hash(),
                            req.hooks);
  out.run = std::move(l.run);
  return out;
}

}  // namespace ss::drill
