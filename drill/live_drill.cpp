#include "drill/live_drill.hpp"

#include <algorithm>
#include <filesystem>

#include "engine/core/input_error.hpp"
#include "engine/plan/responders.hpp"
#include "scenarios/loader/checksum.hpp"

namespace ss::drill {
namespace {

using nlohmann::json;

void add_role(std::vector<std::string>& roles, const std::string& r) {
  if (r.empty() || r == "trainer" || std::find(roles.begin(), roles.end(), r) != roles.end()) return;
  roles.push_back(r);
}

void add_checksum(json& inputs, const std::string& file) {
  if (file.empty()) return;
  const auto h = scenarios::fnv1a64_file(file);
  inputs.push_back({{"file", file}, {"checksum", h ? scenarios::checksum_text(*h) : "unreadable"}});
}

std::string text_of(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// Steps `sim` on to `step` (the run may end first).
void step_to(Simulation& sim, std::uint64_t step) {
  while (!sim.finished() && sim.state().step < step) sim.step();
}

}  // namespace

const char* to_string(InjectState s) {
  switch (s) {
    case InjectState::Due: return "due";
    case InjectState::Fired: return "fired";
    case InjectState::Held: return "held";
    case InjectState::Skipped: return "skipped";
    case InjectState::ConditionFalse: return "condition false";
    case InjectState::NotFired: return "not fired";
  }
  return "due";
}

DrillDesc LiveDrill::read(const std::string& drill_file) {
  // Absolute, so that the journal names files a resume finds from any folder.
  return load_drill(std::filesystem::absolute(drill_file).lexically_normal().string());
}

void LiveDrill::prepare(DrillDesc drill, const LiveSetup& setup, const Model& model,
                        std::vector<std::string>& warnings) {
  std::vector<PlayerRow> players;
  if (!setup.players_file.empty()) players = load_players(setup.players_file, drill);
  // The players file only names roles here: its rows are the humans' to play.
  std::vector<PlayerRow> none;
  resolve_drill(drill, none, setup.players_file, model, setup.max_snap_distance, warnings);
  drill_ = std::move(drill);
  snap_ = setup.max_snap_distance;
  injects_.clear();
  for (const MselInject& m : drill_.msel) {
    LiveInject li;
    li.msel = m;
    injects_.push_back(std::move(li));
    add_role(roles_, m.role);
  }
  for (const PlayerRow& r : players) add_role(roles_, r.role);
}

std::vector<std::string> LiveDrill::start(DrillDesc drill, const LiveSetup& setup, Simulation& sim) {
  std::vector<std::string> warnings;
  std::error_code ec;
  if (std::filesystem::exists(setup.journal, ec)) JournalWriter().create(setup.journal);  // refuses it
  prepare(std::move(drill), setup, sim.model(), warnings);
  json inputs = json::array();
  add_checksum(inputs, drill_.file);
  add_checksum(inputs, drill_.msel_file);
  add_checksum(inputs, setup.players_file);
  for (const auto& [file, sum] : setup.scenario_inputs) inputs.push_back({{"file", file}, {"checksum", sum}});
  writer_.create(setup.journal);
  // The headless drill's drill_start (drill/drill_runner.cpp), marked as played in the GUI;
  // "players" stays empty: the players' side is the table's, not a file's.
  write({{"event", "drill_start"},
         {"version", setup.version},
         {"drill", drill_.file},
         {"name", drill_.name},
         {"players", ""},
         {"roles_from", setup.players_file},
         {"front_end", "gui"},
         {"scenario", drill_.scenario},
         {"variant", drill_.variant},
         {"seed", setup.seed},
         {"dt", sim.model().run.dt},
         {"inputs", inputs}});
  on_step(sim);
  return warnings;
}

std::vector<std::string> LiveDrill::resume(const JournalRead& journal, DrillDesc drill,
                                           const LiveSetup& setup, Simulation& sim) {
  std::vector<std::string> warnings;
  prepare(std::move(drill), setup, sim.model(), warnings);
  const JournalEvent& start = journal.events.front();
  // Every input the journal's start names must still have its checksum.
  json now = json::array();
  add_checksum(now, drill_.file);
  add_checksum(now, drill_.msel_file);
  for (const auto& [file, sum] : setup.scenario_inputs) now.push_back({{"file", file}, {"checksum", sum}});
  for (const json& was : start.data["inputs"]) {
    if (!was.is_object() || !was.contains("file") || !was.contains("checksum")) continue;
    for (const json& is : now)
      if (is["file"] == was["file"] && is["checksum"] != was["checksum"])
        throw InputError(setup.journal, start.line, "inputs",
                         "'" + was["file"].get<std::string>() +
                             "' changed since the drill started: the drill cannot be rebuilt from it");
  }
  std::uint64_t last = 0;
  for (const JournalEvent& e : journal.events) {
    if (e.type == "drill_start") continue;
    last = e.step;
    if (e.type == "drill_end") ended_ = true;
    if (e.type == "resumed") continue;
    step_to(sim, e.step);
    if (sim.state().step != e.step)
      throw InputError(setup.journal, e.line, "step",
                       "the run ended at step " + std::to_string(sim.state().step) +
                           ", before this event's step " + std::to_string(e.step));
    for (const Intervention& iv : e.interventions)
      if (!sim.apply(iv))
        throw InputError(setup.journal, e.line, "interventions",
                         std::string("no target ") + std::to_string(iv.target) + " for " +
                             to_string(iv.kind) + " in this scenario");
    take(e.data);
    if (e.data.value("id", "").rfind("trainer-", 0) == 0) ++trainer_injects_;
    ++replayed_;
  }
  step_to(sim, last);
  if (ended_) sim.run_to_end();
  writer_.reopen(setup.journal, journal.good_bytes);
  if (!ended_) {
    json resumed = {{"event", "resumed"}, {"step", sim.state().step},
                    {"t", sim.time()},    {"version", setup.version},
                    {"front_end", "gui"}, {"after_line", journal.events.back().line}};
    if (!journal.dropped.empty()) resumed["dropped"] = journal.dropped;
    write(resumed);
  }
  return warnings;
}

json LiveDrill::base(const char* type, const Simulation& sim) const {
  return {{"event", type}, {"step", sim.state().step}, {"t", sim.time()}};
}

json LiveDrill::inject_event(const MselInject& m, const Simulation& sim) const {
  json e = base("inject", sim);
  e["id"] = m.id;
  e["at"] = m.at;
  e["kind"] = m.action.kind;
  e["target"] = m.action.target;
  e["role"] = m.role;
  e["text"] = m.text;
  if (!m.expected.empty()) e["expected"] = m.expected;
  return e;
}

void LiveDrill::write(json ev) {
  const json copy = ev;
  writer_.write(std::move(ev));
  ++written_;
  take(copy);
}

std::string LiveDrill::apply_and_write(json ev, const std::vector<Intervention>& ivs, Simulation& sim) {
  json list = json::array();
  for (const Intervention& iv : ivs) {
    if (!sim.apply(iv))
      return std::string("the engine refused a ") + to_string(iv.kind) + " of target " +
             std::to_string(iv.target);
    list.push_back(to_json(iv));
  }
  if (!ivs.empty()) ev["interventions"] = std::move(list);
  write(std::move(ev));
  return "";
}

void LiveDrill::take(const json& ev) {
  const std::string type = text_of(ev, "event");
  Received r;
  r.t = ev.value("t", 0.0);
  r.wall = text_of(ev, "wall");
  r.role = text_of(ev, "role");
  r.target = text_of(ev, "target");
  r.reason = text_of(ev, "reason");
  if (type == "inject") {
    const std::string id = text_of(ev, "id"), status = text_of(ev, "status");
    for (LiveInject& li : injects_) {
      if (li.msel.id != id) continue;
      li.state = status == "fired"                            ? InjectState::Fired
                 : status == "held"                           ? InjectState::Held
                 : status == "skipped"                        ? InjectState::Skipped
                 : text_of(ev, "reason") == "condition false" ? InjectState::ConditionFalse
                                                              : InjectState::NotFired;
      li.when = r.t;
      li.by = text_of(ev, "by");
      li.measured = text_of(ev, "measured");
    }
    if (status != "fired") return;  // the players receive only what came in
    r.kind = Received::Kind::Inject;
    r.what = text_of(ev, "kind");
    r.text = text_of(ev, "text");
  } else if (type == "trainer") {
    const std::string id = text_of(ev, "id"), result = text_of(ev, "result");
    for (LiveInject& li : injects_)
      if (li.msel.id == id) {
        li.hold_asked = li.hold_asked || result == "held when due";
        li.skip_asked = li.skip_asked || result == "skipped when due";
      }
    return;
  } else if (type == "decision") {
    r.kind = Received::Kind::Decision;
    r.what = text_of(ev, "kind");
  } else if (type == "note") {
    r.kind = Received::Kind::Note;
    r.text = text_of(ev, "text");
  } else {
    return;
  }
  received_.push_back(std::move(r));
}

void LiveDrill::fire(std::size_t i, json e, const char* by, Simulation& sim) {
  e["status"] = "fired";
  e["by"] = by;
  const std::string err = apply_and_write(std::move(e), injects_[i].msel.action.interventions, sim);
  if (!err.empty())
    throw InputError(drill_.file, injects_[i].msel.line, "", injects_[i].msel.id + ": " + err);
}

// The headless drill's rules for an inject at its time (drill/drill_runner.cpp, Script::due).
void LiveDrill::due(std::size_t i, Simulation& sim) {
  LiveInject& li = injects_[i];
  const MselInject& m = li.msel;
  json e = inject_event(m, sim);
  if (sim.finished()) {
    e["status"] = "not_fired";
    e["reason"] = "the run had ended";
    write(std::move(e));
  } else if (li.skip_asked || m.status == MselInject::Status::Skip) {
    e["status"] = "skipped";
    e["by"] = li.skip_asked ? "trainer" : "script";
    write(std::move(e));
  } else if (li.hold_asked || m.status == MselInject::Status::Hold) {
    e["status"] = "held";
    e["by"] = li.hold_asked ? "trainer" : "script";
    write(std::move(e));
  } else {
    std::string measured;
    const bool ok = holds(m.condition, sim.model(), sim.state(), measured);
    if (m.condition.kind != Condition::Kind::None) {
      e["condition"] = m.condition.text;
      e["measured"] = measured;
    }
    if (ok) {
      fire(i, std::move(e), "script", sim);
    } else {
      e["status"] = "not_fired";
      e["reason"] = "condition false";
      write(std::move(e));
    }
  }
}

std::size_t LiveDrill::on_step(Simulation& sim) {
  if (ended_) return 0;
  std::size_t n = 0;
  const double dt = sim.model().run.dt;
  const bool finished = sim.finished();
  // At one time the injects come in MSEL order (the MSEL is sorted by time).
  for (std::size_t i = 0; i < injects_.size(); ++i) {
    if (injects_[i].state != InjectState::Due) continue;
    if (!finished && injects_[i].msel.at > sim.time() + 0.5 * dt) break;
    due(i, sim);
    ++n;
  }
  if (finished) {
    sim.run_to_end();
    write({{"event", "drill_end"}, {"step", sim.state().step}, {"t", sim.time()}});
    ended_ = true;
  }
  return n;
}

double LiveDrill::next_due() const {
  for (const LiveInject& li : injects_)
    if (li.state == InjectState::Due) return li.msel.at;
  return INFINITY;
}

std::string LiveDrill::fire_now(std::size_t i, Simulation& sim) {
  if (i >= injects_.size()) return "no such inject";
  LiveInject& li = injects_[i];
  if (li.state == InjectState::Fired || li.state == InjectState::Skipped)
    return li.msel.id + " was already " + to_string(li.state);
  if (ended_ || sim.finished()) return "the run has ended";
  json e = inject_event(li.msel, sim);
  fire(i, std::move(e), "trainer", sim);
  return "";
}

std::string LiveDrill::hold(std::size_t i, const Simulation& sim) {
  if (i >= injects_.size()) return "no such inject";
  LiveInject& li = injects_[i];
  if (li.state != InjectState::Due || li.hold_asked) return li.msel.id + " is not waiting to come due";
  json e = base("trainer", sim);
  e["action"] = "hold";
  e["id"] = li.msel.id;
  e["role"] = "trainer";
  e["result"] = "held when due";
  write(std::move(e));
  return "";
}

std::string LiveDrill::skip(std::size_t i, const Simulation& sim) {
  if (i >= injects_.size()) return "no such inject";
  LiveInject& li = injects_[i];
  if (li.state == InjectState::Fired || li.state == InjectState::Skipped)
    return li.msel.id + " was already " + to_string(li.state);
  if (li.state == InjectState::Due) {
    if (li.skip_asked) return li.msel.id + " is already to be skipped";
    json e = base("trainer", sim);
    e["action"] = "skip";
    e["id"] = li.msel.id;
    e["role"] = "trainer";
    e["result"] = "skipped when due";
    write(std::move(e));
    return "";
  }
  json e = inject_event(li.msel, sim);  // held or not fired: skipped now
  e["status"] = "skipped";
  e["by"] = "trainer";
  write(std::move(e));
  return "";
}

std::string LiveDrill::add_inject(const std::string& kind, const std::string& target, const std::string& text,
                                  const std::string& role, Simulation& sim) {
  if (ended_ || sim.finished()) return "the run has ended";
  if (text.empty()) return "text: the players need a text to receive";
  if (role.empty()) return "role: who receives the inject";
  InjectAction a;
  a.kind = kind;
  a.target = target;
  if (std::string err = prepare_action(a, sim.model(), snap_, "trainer inject: " + text); !err.empty())
    return err;
  json e = base("inject", sim);
  e["id"] = "trainer-" + std::to_string(trainer_injects_ + 1);
  e["kind"] = kind;
  e["target"] = target;
  e["role"] = role;
  e["text"] = text;
  e["status"] = "fired";
  e["by"] = "trainer";
  std::string err = apply_and_write(std::move(e), a.interventions, sim);
  if (err.empty()) ++trainer_injects_;
  return err;
}

std::string LiveDrill::decide(const std::string& kind, const std::string& target, const std::string& role,
                              const std::string& reason, Simulation& sim) {
  if (ended_ || sim.finished()) return "the run has ended";
  if (role.empty()) return "role: choose who takes the decision";
  InjectAction a;
  a.kind = kind;
  a.target = target;
  if (kind == "message") return "kind: a decision acts on the simulation; use a note for a message";
  if (std::string err = prepare_action(a, sim.model(), snap_, role + ": " + (reason.empty() ? kind : reason));
      !err.empty())
    return err;
  json e = base("decision", sim);
  e["kind"] = kind;
  e["target"] = target;
  e["role"] = role;
  if (!reason.empty()) e["reason"] = reason;
  return apply_and_write(std::move(e), a.interventions, sim);
}

void LiveDrill::record_decision(const Intervention& iv, const std::string& target, const std::string& role,
                                const std::string& reason, const Simulation& sim) {
  if (ended_) return;
  json e = base("decision", sim);
  e["kind"] = to_string(iv.kind);
  e["target"] = target;
  e["role"] = role;
  if (!reason.empty()) e["reason"] = reason;
  e["interventions"] = json::array({to_json(iv)});
  write(std::move(e));
}

void LiveDrill::clock(const std::string& action, double speed, const Simulation& sim) {
  if (ended_) return;
  json e = base("clock", sim);
  e["action"] = action;
  e["role"] = "trainer";
  if (action == "speed") e["speed"] = speed;
  write(std::move(e));
}

void LiveDrill::note(const std::string& text, const std::string& role, const Simulation& sim) {
  if (ended_ || text.empty()) return;
  json e = base("note", sim);
  e["role"] = role;
  e["text"] = text;
  write(std::move(e));
}

std::vector<ShelterCount> reported_shelters(const Model& model, const SimState& state, double now,
                                            const ReportTiming& timing) {
  const std::size_t n = model.world.shelters.size();
  std::vector<ShelterCount> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i].capacity = model.world.shelters[i].capacity;
  const double last_count =
      std::floor((now - timing.shelter_delay) / timing.shelter_every) * timing.shelter_every;
  if (last_count <= 0.0) return out;  // the first count is taken at shelter_every
  for (ShelterCount& c : out) {
    c.as_of = last_count;
    c.received = last_count + timing.shelter_delay;
  }
  for (std::size_t r = 0; r < state.shelter.size() && r < state.arrival_time.size(); ++r) {
    const ShelterId s = state.shelter[r];
    if (!s.valid() || s.index() >= n || std::isnan(state.arrival_time[r])) continue;
    if (state.status[r] == Status::Sheltered && state.arrival_time[r] <= last_count) ++out[s.index()].persons;
  }
  return out;
}

std::vector<TeamReport> reported_tasks(const Model& model, const SimState& state, double now,
                                       const ReportTiming& timing) {
  std::vector<TeamReport> out;
  for (const Task& t : state.response.tasks) {
    if (std::isnan(t.completed) || t.completed + timing.team_delay > now) continue;
    TeamReport r;
    r.received = t.completed + timing.team_delay;
    r.team = t.team.valid() && t.team.index() < model.plan.response.teams.size()
                 ? model.plan.response.teams[t.team.index()].name
                 : "a team";
    r.task = std::string(to_string(t.kind)) + " household " + std::to_string(t.household.value);
    r.carried = t.carried;
    out.push_back(std::move(r));
  }
  // Mutual-aid teams report by radio when they are ready at their staging point.
  const auto& offers = model.plan.response.mutual_aid;
  const auto& teams = model.plan.response.teams;
  for (std::size_t k = 0; k < teams.size(); ++k) {
    const std::int32_t o = teams[k].aid;
    if (o < 0 || static_cast<std::size_t>(o) >= state.response.aid_requested.size()) continue;
    const double asked = state.response.aid_requested[o];
    if (std::isnan(asked)) continue;
    const double ready = mutual_aid_ready(model, state, static_cast<std::size_t>(o));
    if (ready + timing.team_delay > now) continue;
    TeamReport r;
    r.received = ready + timing.team_delay;
    r.team = teams[k].name;
    r.task = "ready at its staging point (mutual aid: " + offers[o].name + ")";
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TeamReport& a, const TeamReport& b) { return a.received < b.received; });
  return out;
}

}  // namespace ss::drill
