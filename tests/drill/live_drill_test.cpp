// A drill played live (the GUI's drill mode, drill/live_drill.hpp) on the small town: the
// exercise script fires at its times as the clock is stepped, the trainer fires, holds,
// skips and adds injects, decisions carry role, reason and both clocks, and the journal
// replays headless to the very state the live run reached; a journal cut short resumes
// live to the state of the drill that was not interrupted.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "drill/drill_runner.hpp"
#include "drill/live_drill.hpp"
#include "engine/core/state_hash.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#include "tests/drill/drill_test_util.hpp"

using ss::drill::InjectState;
using ss::testing::TempDir;

namespace {

struct LiveTown {
  TempDir dir;
  std::string drill_file, journal;
  std::unique_ptr<ss::scenarios::Assembly> assembly;
  ss::drill::LiveSetup setup;
  LiveTown() {
    ss::testing::drill_town(dir);
    dir.write("msel.csv",
              "id,time,kind,target,text,role,expected,if,status\n"
              "M1,0:01:00,close_road,\"11.2815, 49.5100\",The street is flooded,operations,Reroute,,\n"
              "M2,0:03:00,message,caller,A call about smoke,incident commander,Verify,,\n"
              "M3,0:04:00,close_shelter,Hall,No heating,shelter lead,Redirect,shelter_full: Hall,\n"
              "M4,0:05:00,delay_team,Squad by 5 min,The squad is late,operations,,,hold\n"
              "M5,0:06:00,message,radio,Press enquiry,press officer,,,\n"
              "M6,0:08:00,message,mayor,The mayor calls,incident commander,,,\n");
    drill_file = dir.write("drill.yaml", "name: live drill\nscenario: town.yaml\nmsel: msel.csv\n");
    journal = dir.path() + "/journal.jsonl";
    const ss::scenarios::ScenarioDesc desc = ss::scenarios::load_scenario(dir.path() + "/town.yaml", "");
    assembly = std::make_unique<ss::scenarios::Assembly>(ss::scenarios::assemble(desc));
    setup.journal = journal;
    setup.version = "test";
    setup.max_snap_distance = desc.shelters.max_snap_distance;
    setup.seed = assembly->model.run.seed;
    for (std::size_t i = 0; i < assembly->input_files.size(); ++i)
      setup.scenario_inputs.emplace_back(assembly->input_files[i], assembly->checksums[i]);
  }
  [[nodiscard]] const ss::Model& model() const { return assembly->model; }
};

// Steps as the GUI does: the drill hears of every step.
void play_to(ss::Simulation& sim, ss::drill::LiveDrill& d, double t) {
  while (!sim.finished() && sim.time() + 0.5 * sim.model().run.dt < t) {
    sim.step();
    d.on_step(sim);
  }
}
void play_out(ss::Simulation& sim, ss::drill::LiveDrill& d) {
  play_to(sim, d, INFINITY);
  d.on_step(sim);
}

std::size_t index_of(const ss::drill::LiveDrill& d, const std::string& id) {
  for (std::size_t i = 0; i < d.injects().size(); ++i)
    if (d.injects()[i].msel.id == id) return i;
  FAIL("no inject " << id);
  return 0;
}

// The table's side of the drill: a decision typed in, a click's decision, the trainer's
// hold, skip, fire and an unscripted inject.
void table(ss::Simulation& sim, ss::drill::LiveDrill& d) {
  play_to(sim, d, 30);
  REQUIRE(d.decide("broadcast", "Z-0-0", "incident commander", "Warn the low street early", sim).empty());
  play_to(sim, d, 120);
  REQUIRE(d.skip(index_of(d, "M6"), sim).empty());
  ss::Intervention close;
  close.kind = ss::Intervention::Kind::CloseShelter;
  close.target = 0;
  close.note = "shelter list";
  REQUIRE(sim.apply(close));
  d.record_decision(close, "Hall", "shelter lead", "The hall's roof leaks", sim);
  play_to(sim, d, 150);
  ss::Intervention open = close;
  open.kind = ss::Intervention::Kind::OpenShelter;
  REQUIRE(sim.apply(open));
  d.record_decision(open, "Hall", "shelter lead", "", sim);
  play_to(sim, d, 360);
  REQUIRE(d.fire_now(index_of(d, "M4"), sim).empty());
  play_to(sim, d, 420);
  REQUIRE(d.add_inject("open_road", "11.2815, 49.5100", "A pump has cleared the street", "operations", sim)
              .empty());
}

}  // namespace

TEST_CASE(
    "a live drill fires its injects at their times and journals the table's actions with role and reason") {
  LiveTown town;
  ss::Simulation sim(town.model(), town.setup.seed);
  ss::drill::LiveDrill d;
  d.start(ss::drill::LiveDrill::read(town.drill_file), town.setup, sim);
  CHECK(d.roles() ==
        std::vector<std::string>{"operations", "incident commander", "shelter lead", "press officer"});
  CHECK(d.next_due() == 60.0);
  table(sim, d);
  play_out(sim, d);
  REQUIRE(d.ended());
  CHECK(d.injects()[index_of(d, "M1")].state == InjectState::Fired);
  CHECK(d.injects()[index_of(d, "M1")].when == 60.0);
  CHECK(d.injects()[index_of(d, "M3")].state == InjectState::ConditionFalse);
  CHECK(d.injects()[index_of(d, "M4")].state == InjectState::Fired);
  CHECK(d.injects()[index_of(d, "M4")].by == "trainer");
  CHECK(d.injects()[index_of(d, "M6")].state == InjectState::Skipped);

  const auto j = ss::drill::read_journal(town.journal).events;
  REQUIRE(j.front().type == "drill_start");
  CHECK(j.front().data["front_end"] == "gui");
  CHECK(j.back().type == "drill_end");
  std::vector<std::string> decisions;
  for (const auto& e : j)
    if (e.type == "decision") {
      CHECK(e.data.contains("wall"));
      CHECK(e.data.contains("t"));
      CHECK(e.interventions.size() == 1);
      decisions.push_back(e.data["role"].get<std::string>() + "/" + e.data["kind"].get<std::string>() + "@" +
                          std::to_string(e.step) + ":" + e.data.value("reason", ""));
    }
  CHECK(decisions == std::vector<std::string>{"incident commander/broadcast@30:Warn the low street early",
                                              "shelter lead/close_shelter@120:The hall's roof leaks",
                                              "shelter lead/open_shelter@150:"});
  // What the players' view lists: what came in (fired injects only) and the decisions.
  std::size_t in = 0, taken = 0;
  for (const auto& r : d.received()) {
    in += r.kind == ss::drill::Received::Kind::Inject ? 1 : 0;
    taken += r.kind == ss::drill::Received::Kind::Decision ? 1 : 0;
  }
  CHECK(in == 5);  // M1, M2, M4 by the trainer, M5, the trainer's inject
  CHECK(taken == 3);
}

TEST_CASE("the journal of a live drill replays headless to the state the live run reached") {
  LiveTown town;
  ss::Simulation sim(town.model(), town.setup.seed);
  ss::drill::LiveDrill d;
  d.start(ss::drill::LiveDrill::read(town.drill_file), town.setup, sim);
  table(sim, d);
  play_out(sim, d);
  ss::drill::DrillRequest req;
  req.journal = town.journal;
  req.out = town.dir.path() + "/replay";
  req.version = "test";
  const ss::drill::DrillOutcome o = ss::drill::replay_journal(req);
  CHECK(o.replayed == 6);  // M1, M4, the trainer's inject and three decisions changed the run
  CHECK(o.run.sim->state().step == sim.state().step);
  CHECK(ss::state_hash(o.run.sim->state()) == ss::state_hash(sim.state()));
  CHECK(o.run.sim->state().records.timeline.size() == sim.state().records.timeline.size());
}

TEST_CASE("a live drill cut short at any journal line resumes live to the uninterrupted drill's state") {
  LiveTown whole;
  ss::Simulation sim(whole.model(), whole.setup.seed);
  ss::drill::LiveDrill d;
  d.start(ss::drill::LiveDrill::read(whole.drill_file), whole.setup, sim);
  table(sim, d);
  play_out(sim, d);
  const auto expected = ss::state_hash(sim.state());
  std::ifstream in(whole.journal, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') ends.push_back(i + 1);
  REQUIRE(ends.size() > 10);
  for (std::size_t lines = 1; lines < ends.size(); ++lines) {
    INFO("journal cut after " << lines << " lines");
    LiveTown cut;
    {
      std::ofstream out(cut.journal, std::ios::binary);
      out << text.substr(0, ends[lines - 1]);
    }
    const ss::drill::JournalRead j = ss::drill::read_journal(cut.journal);
    ss::Simulation again(cut.model(), cut.setup.seed);
    ss::drill::LiveDrill r;
    r.resume(j, ss::drill::LiveDrill::read(cut.drill_file), cut.setup, again);
    CHECK(r.lines_replayed() == lines - 1);
    // The table carries on where the journal stops: its actions not yet journaled are
    // taken again, at the same simulated times.
    const double t = again.time();
    if (t < 30) {
      play_to(again, r, 30);
      REQUIRE(
          r.decide("broadcast", "Z-0-0", "incident commander", "Warn the low street early", again).empty());
    }
    if (t < 120) {
      play_to(again, r, 120);
      REQUIRE(r.skip(index_of(r, "M6"), again).empty());
    }
    ss::Intervention close;
    close.kind = ss::Intervention::Kind::CloseShelter;
    close.target = 0;
    close.note = "shelter list";
    if (t < 120 || (t == 120 && r.received().size() < 3)) {
      REQUIRE(again.apply(close));
      r.record_decision(close, "Hall", "shelter lead", "The hall's roof leaks", again);
    }
    if (t < 150) {
      play_to(again, r, 150);
      ss::Intervention open = close;
      open.kind = ss::Intervention::Kind::OpenShelter;
      REQUIRE(again.apply(open));
      r.record_decision(open, "Hall", "shelter lead", "", again);
    }
    if (t < 360) play_to(again, r, 360);
    if (r.injects()[index_of(r, "M4")].state != InjectState::Fired)
      REQUIRE(r.fire_now(index_of(r, "M4"), again).empty());
    if (t < 420) {
      play_to(again, r, 420);
      REQUIRE(
          r.add_inject("open_road", "11.2815, 49.5100", "A pump has cleared the street", "operations", again)
              .empty());
    }
    play_out(again, r);
    CHECK(ss::state_hash(again.state()) == expected);
  }
}

TEST_CASE(
    "the players' view gets shelter counts every half hour ten minutes late and team reports two minutes "
    "late") {
  LiveTown town;
  ss::Simulation sim(town.model(), town.setup.seed);
  sim.run_until(3000);
  const ss::drill::ReportTiming timing;
  // Before 0:40:00 (the 0:30:00 count plus 10 min) no count has come in.
  auto early = ss::drill::reported_shelters(town.model(), sim.state(), 2399, timing);
  CHECK(std::isnan(early.front().as_of));
  auto counts = ss::drill::reported_shelters(town.model(), sim.state(), 2400, timing);
  CHECK(counts.front().as_of == 1800.0);
  CHECK(counts.front().received == 2400.0);
  std::int64_t at_1800 = 0, now = 0;
  for (std::size_t r = 0; r < sim.state().status.size(); ++r)
    if (sim.state().status[r] == ss::Status::Sheltered && sim.state().arrival_time[r] <= 1800.0) ++at_1800;
  for (const auto& c : counts) now += c.persons;
  CHECK(now == at_1800);
  std::int64_t inside = 0;
  for (const auto o : sim.state().occupancy) inside += o;
  CHECK(now <= inside);
  for (const ss::Task& t : sim.state().response.tasks)
    if (!std::isnan(t.completed)) {
      const auto before = ss::drill::reported_tasks(town.model(), sim.state(), t.completed + 119, timing);
      const auto after = ss::drill::reported_tasks(town.model(), sim.state(), t.completed + 120, timing);
      CHECK(after.size() > before.size());
      break;
    }
}
