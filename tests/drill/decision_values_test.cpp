// What each decision was worth: the re-runs without the players' decisions are real
// runs of the drill without them, and the differences are put in words from the numbers.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "drill/debrief.hpp"
#include "drill/decision_values.hpp"
#include "drill/drill_runner.hpp"
#include "engine/core/metrics.hpp"
#include "tests/drill/drill_test_util.hpp"

using ss::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kMsel =
    "id,time,kind,target,text,role,expected,if,status\n"
    "M1,0:01:00,close_road,\"11.2815, 49.5100\",The street is flooded,operations,Send teams round it,,\n"
    "M2,0:03:00,message,caller,A call about smoke (false),incident commander,Verify,,\n";
const std::string kTrainer =
    "0:07:00,trainer,inject:close_road,\"11.2830, 49.5121\",A lorry blocks the road\n";
const std::string kDecisions =
    "0:00:30,incident commander,broadcast,Z-0-0,Warn the low street early\n"
    "0:02:30,operations,door_knock,\"11.2806, 49.5103\",Check the house by the water\n";

// Runs the drill with the trainer's row and, if asked, the players' decisions.
ss::drill::DrillOutcome run(TempDir& dir, const std::string& name, bool decisions) {
  ss::drill::DrillRequest req;
  dir.write(name + "-players.csv",
            "time,role,action,target,reason\n" + (decisions ? kDecisions : "") + kTrainer);
  req.drill_file = dir.path() + "/drill.yaml";
  req.players_file = dir.path() + "/" + name + "-players.csv";
  req.journal = dir.path() + "/" + name + ".jsonl";
  req.out = dir.path() + "/" + name;
  req.version = "test";
  return ss::drill::run_drill(req);
}

}  // namespace

TEST_CASE("the re-run without any decision equals the drill run without the players' decisions") {
  TempDir dir;
  ss::testing::drill_town(dir);
  dir.write("msel.csv", kMsel);
  dir.write("drill.yaml", "name: test drill\nscenario: town.yaml\nmsel: msel.csv\n");
  run(dir, "played", true);
  const ss::drill::DrillOutcome unplayed = run(dir, "unplayed", false);

  ss::drill::DebriefRequest req;
  req.journal = dir.path() + "/played.jsonl";
  const ss::drill::Debrief d = ss::drill::collect_debrief(req);
  std::vector<ss::drill::ValueRun> runs = ss::drill::plan_value_runs(d, dir.path() + "/values");
  REQUIRE(runs.size() == 3);  // without all, without each of the two decisions
  ss::drill::run_value_runs(runs, SAFESTREET_BINARY, req.journal, 2, {});
  for (const auto& r : runs) REQUIRE(r.ok);

  const ss::RunMetrics m = ss::compute_metrics(unplayed.run.assembly->model, unplayed.run.sim->state());
  CHECK(runs[0].figures.safe == m.overall.safe);
  CHECK(runs[0].figures.t90.has_value() == m.overall.t90.has_value());
  if (m.overall.t90) CHECK(*runs[0].figures.t90 == *m.overall.t90);
  // The whole state too: the re-run's end is the unplayed drill's end, bit for bit.
  const auto summary = [](const std::string& folder) {
    std::ifstream in(folder + "/summary.json");
    return nlohmann::json::parse(in)["state_hash"]["hash"];
  };
  CHECK(summary(runs[0].dir.string()) == summary(dir.path() + "/unplayed"));
  // Without the knock alone the broadcast still warned the zone early: not the drill
  // without any decision.
  CHECK(summary(runs[2].dir.string()) != summary(runs[0].dir.string()));
  CHECK(summary(runs[2].dir.string()) != summary(dir.path() + "/played"));
}

TEST_CASE("a decision's worth is put in words from the differences of the figures") {
  ss::drill::ValueFigures drill, without;
  drill.t90 = 3600.0 + 240.0;
  without.t90 = 3600.0;
  drill.safe = without.safe = 900;
  drill.in_water = 10;
  without.in_water = 130;
  drill.danger = without.danger = 4;
  drill.danger_rating = without.danger_rating = 0.75;
  CHECK(ss::drill::worth_in_words(drill, without, 0.1) ==
        "cost 0:04:00 of T90 and kept 120 people out of water ≥ 0.1 m");
  drill.safe = 912;
  drill.danger = 5;
  CHECK(
      ss::drill::worth_in_words(drill, without, 0.1) ==
      "cost 0:04:00 of T90, brought 12 more people to safety, kept 120 people out of water ≥ 0.1 m and put 1 "
      "more person in dangerous water (hazard rating ≥ 0.75)");
  CHECK(ss::drill::worth_in_words(without, without, 0.1) == "changed none of these figures");
  // Who met water an adult cannot wade (0.5 m): the "kept 120 people out of 0.5 m of water".
  drill.safe = without.safe;
  drill.danger = without.danger;
  drill.in_water = without.in_water;
  drill.in_deep = 3;
  without.in_deep = 123;
  drill.deep_water = without.deep_water = 0.5;
  CHECK(ss::drill::worth_in_words(drill, without, 0.1) ==
        "cost 0:04:00 of T90 and kept 120 people out of 0.5 m of water");
  drill.t90.reset();
  CHECK_THAT(ss::drill::worth_in_words(drill, without, 0.1),
             Catch::StartsWith("kept 90 % from being safe (it was at 1:00:00 without)"));
}
