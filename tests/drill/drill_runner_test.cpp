// A drill headless on the small town: the exercise script fires, holds, skips and
// tests its conditions at their times, the players' decisions go through
// Simulation::apply, everything is journaled; a drill cut short resumes to the same
// outputs, and its journal replays to them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "drill/drill_runner.hpp"
#include "drill/journal.hpp"
#include "tests/drill/drill_test_util.hpp"

using ss::testing::TempDir;
namespace fs = std::filesystem;

namespace {

struct Drill {
  TempDir dir;
  ss::drill::DrillRequest req;
  Drill() {
    ss::testing::drill_town(dir);
    dir.write("msel.csv",
              "id,time,kind,target,text,role,expected,if,status\n"
              "M1,0:01:00,close_road,\"11.2815, 49.5100\",The street is flooded,operations,Reroute,,\n"
              "M2,0:03:00,message,caller,A call about smoke (false),incident commander,Verify,,\n"
              "M3,0:04:00,close_shelter,Hall,No heating,shelter lead,Redirect,shelter_full: Hall,\n"
              "M4,0:05:00,delay_team,Squad by 5 min,The squad is late,operations,,,hold\n"
              "M5,0:06:00,message,radio,Press enquiry,press officer,,,skip\n"
              "M6,0:12:00,open_road,\"11.2815, 49.5100\",The water has gone,operations,,"
              "shelter_occupancy: Hall >= 1,\n"
              "M7,0:13:00,message,mayor,The mayor calls,incident commander,,,\n");
    dir.write("players.csv",
              "time,role,action,target,reason\n"
              "0:00:30,incident commander,broadcast,Z-0-0,Warn the low street early\n"
              "0:02:00,trainer,skip,M7,Not needed today\n"
              "0:02:30,operations,door_knock,\"11.2806, 49.5103\",Check the house by the water\n"
              "0:04:30,trainer,speed,8,\n"
              "0:06:00,trainer,fire,M4,Now the team is late\n"
              "0:07:00,trainer,inject:open_road,\"11.2815, 49.5100\",A pump has cleared the street\n"
              "0:07:30,incident commander,note,,The team's delay was handled\n");
    req.drill_file = dir.write("drill.yaml", "name: test drill\nscenario: town.yaml\nmsel: msel.csv\n");
    req.players_file = dir.path() + "/players.csv";
    req.journal = dir.path() + "/journal.jsonl";
    req.out = dir.path() + "/out";
    req.version = "test";
  }
  [[nodiscard]] std::vector<ss::drill::JournalEvent> journal() const {
    return ss::drill::read_journal(req.journal).events;
  }
};

// The first event with `key` == `value`; for "id", the last inject event of that id.
const ss::drill::JournalEvent* find(const std::vector<ss::drill::JournalEvent>& j, const std::string& key,
                                    const std::string& value) {
  const ss::drill::JournalEvent* found = nullptr;
  for (const auto& e : j)
    if (e.data.contains(key) && e.data[key].is_string() && e.data[key].get<std::string>() == value) {
      if (key != "id") return &e;
      if (e.type == "inject") found = &e;
    }
  return found;
}

}  // namespace

TEST_CASE(
    "a drill fires holds skips and tests the conditions of its injects at their times and journals them "
    "all") {
  Drill d;
  const ss::drill::DrillOutcome o = ss::drill::run_drill(d.req);
  const auto j = d.journal();
  REQUIRE(j.front().type == "drill_start");
  CHECK(j.front().data["seed"] == 1);
  CHECK(j.front().data["inputs"].size() >= 5);  // drill, MSEL, players, scenario and its files
  CHECK(j.back().type == "drill_end");

  const auto* m1 = find(j, "id", "M1");
  REQUIRE(m1);
  CHECK(m1->data["status"] == "fired");
  CHECK(m1->step == 60);
  REQUIRE(m1->interventions.size() == 1);
  CHECK(m1->interventions[0].kind == ss::Intervention::Kind::CloseRoad);
  CHECK(m1->interventions[0].note == "M1: The street is flooded");
  CHECK(find(j, "id", "M2")->data["status"] == "fired");  // a message: delivered, nothing applied
  CHECK(find(j, "id", "M2")->interventions.empty());
  // The hall is not full at 0:04:00: M3 is recorded as not fired, with what was seen.
  const auto* m3 = find(j, "id", "M3");
  CHECK(m3->data["status"] == "not_fired");
  CHECK(m3->data["condition"] == "shelter_full: Hall");
  CHECK_THAT(m3->data["measured"].get<std::string>(), Catch::StartsWith("Hall: "));
  // M4 is held by the script, then fired by the trainer at 0:06:00.
  std::vector<std::string> m4;
  for (const auto& e : j)
    if (e.type == "inject" && e.data.value("id", "") == "M4")
      m4.push_back(e.data["status"].get<std::string>() + "@" + std::to_string(e.step));
  CHECK(m4 == std::vector<std::string>{"held@300", "fired@360"});
  CHECK(find(j, "id", "M5")->data["status"] == "skipped");
  CHECK(find(j, "id", "M7")->data["status"] == "skipped");  // the trainer's skip at 0:02:00
  CHECK(find(j, "id", "M7")->data["by"] == "trainer");
  // Someone has reached the hall by 0:12:00: the conditional reopening fires.
  CHECK(find(j, "id", "M6")->data["status"] == "fired");

  // The decisions went through Simulation::apply: in the engine's journal, at their steps.
  const auto* broadcast = find(j, "kind", "broadcast");
  REQUIRE(broadcast);
  CHECK(broadcast->type == "decision");
  CHECK(broadcast->data["role"] == "incident commander");
  CHECK(broadcast->data["reason"] == "Warn the low street early");
  CHECK(broadcast->step == 30);
  const auto& engine_journal = o.run.sim->state().records.journal;
  bool seen = false;
  for (const ss::JournalEntry& e : engine_journal)
    seen = seen || (e.step == 30 && e.intervention.kind == ss::Intervention::Kind::BroadcastWarning &&
                    e.intervention.note == "incident commander: Warn the low street early");
  CHECK(seen);
  CHECK(find(j, "text", "The team's delay was handled")->type == "note");
  CHECK(find(j, "action", "speed")->data["speed"] == 8.0);
  CHECK(find(j, "id", "trainer-row-6")->interventions.size() == 1);
  // The run folder is there, whole, with the interventions in its journal.csv.
  std::ifstream csv(d.req.out / "journal.csv");
  std::string text((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
  CHECK_THAT(text, Catch::Contains("M1: The street is flooded"));
  CHECK_THAT(text, Catch::Contains("operations: Check the house by the water"));
}

TEST_CASE("a drill cut short at any journal line resumes to the same outputs as the whole drill") {
  Drill whole;
  ss::drill::run_drill(whole.req);
  const auto expected = ss::testing::run_files(whole.req.out);
  std::ifstream in(whole.req.journal, std::ios::binary);
  const std::string journal((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Cut after every whole line but the last, and once more part-way into the next line
  // (a crash while it was written).
  const auto total = static_cast<int>(std::count(journal.begin(), journal.end(), '\n'));
  REQUIRE(total > 10);
  for (int lines = 1; lines < total; ++lines) {
    for (const bool torn : {false, true}) {
      Drill d;
      std::size_t end = 0;
      for (int k = 0; k < lines; ++k) end = journal.find('\n', end) + 1;
      std::string cut = journal.substr(0, end);
      if (torn) cut += journal.substr(end, 25);
      std::ofstream(d.req.journal, std::ios::binary) << cut;
      INFO(lines << " lines, torn " << torn);
      const ss::drill::DrillOutcome o = ss::drill::resume_drill(d.req);
      CHECK(o.dropped.empty() != torn);
      CHECK(ss::testing::run_files(d.req.out) == expected);
      // The resumed journal is the whole drill's, apart from wall-clock times and its
      // note that it was resumed.
      std::vector<std::string> a, b;
      for (const auto& e : whole.journal()) {
        auto x = e.data;
        x.erase("wall");
        if (x["event"] != "drill_start") a.push_back(x.dump());
      }
      for (const auto& e : d.journal()) {
        auto x = e.data;
        x.erase("wall");
        if (x["event"] != "drill_start" && x["event"] != "resumed") b.push_back(x.dump());
      }
      CHECK(a == b);
    }
  }
}

TEST_CASE("a drill's journal replays headless to byte-identical outputs without its script") {
  Drill d;
  ss::drill::run_drill(d.req);
  const auto expected = ss::testing::run_files(d.req.out);
  fs::remove(d.req.players_file);  // the journal is enough
  fs::remove(d.dir.path() + "/msel.csv");
  ss::drill::DrillRequest replay = d.req;
  replay.out = d.dir.path() + "/replayed";
  const ss::drill::DrillOutcome o = ss::drill::replay_journal(replay);
  CHECK(o.replayed > 5);
  CHECK(ss::testing::run_files(replay.out) == expected);
}

TEST_CASE("a drill whose inputs changed since its journal began is not resumed") {
  Drill d;
  ss::drill::run_drill(d.req);
  d.dir.write("players.csv", "time,role,action,target,reason\n0:00:30,incident commander,note,,changed\n");
  REQUIRE_THROWS_WITH(ss::drill::resume_drill(d.req), Catch::Contains("journal.jsonl:1: inputs:") &&
                                                          Catch::Contains("players.csv' changed since"));
}
