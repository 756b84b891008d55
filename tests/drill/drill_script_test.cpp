// A drill's exercise script (MSEL) and players file: read from CSV or inline alike,
// every bad row named by file, line and column before the drill starts, targets and
// conditions resolved by the scenario's own names with closest-name hints.
#include <catch2/catch.hpp>

#include <string>

#include "drill/drill_script.hpp"
#include "scenarios/loader/assemble.hpp"
#include "tests/drill/drill_test_util.hpp"

using ss::drill::load_drill;
using ss::drill::load_players;
using ss::drill::MselInject;
using ss::testing::TempDir;

TEST_CASE("an exercise script reads the same from a CSV file and inline in the drill file") {
  TempDir dir;
  ss::testing::drill_town(dir);
  dir.write("msel.csv",
            "id,time,kind,target,text,role,expected,if,status\n"
            "M2,0:05:00,close_shelter,Hall,\"Roof damage, the hall is closed\",shelter lead,Redirect,,hold\n"
            "M1,90 s,delay_team,Squad by 10 min,The squad is late,operations,,shelter_occupancy: Hall >= 5,\n"
            "M3,0:06:00,message,,A journalist calls,press officer,,,skip\n");
  const std::string csv = dir.write("csv.yaml", "scenario: town.yaml\nmsel: msel.csv\n");
  const std::string inline_file = dir.write(
      "inline.yaml",
      "scenario: town.yaml\n"
      "msel:\n"
      "  - {id: M2, time: '0:05:00', kind: close_shelter, target: Hall, text: 'Roof damage, the hall is "
      "closed',\n"
      "     role: shelter lead, expected: Redirect, status: hold}\n"
      "  - {id: M1, time: 90 s, kind: delay_team, target: Squad by 10 min, text: The squad is late,\n"
      "     role: operations, if: {shelter_occupancy: Hall >= 5}}\n"
      "  - {id: M3, time: '0:06:00', kind: message, text: A journalist calls, role: press officer, status: "
      "skip}\n");
  for (const std::string& file : {csv, inline_file}) {
    INFO(file);
    const ss::drill::DrillDesc d = load_drill(file);
    REQUIRE(d.msel.size() == 3);
    const MselInject& first = d.msel[0];  // sorted by time
    CHECK(first.id == "M1");
    CHECK(first.at == Approx(90.0));
    CHECK(first.action.desc.kind == ss::Intervention::Kind::DelayTeam);
    CHECK(first.action.desc.name == "Squad");
    CHECK(first.action.desc.delay == Approx(600.0));
    CHECK(first.condition.kind == ss::drill::Condition::Kind::ShelterOccupancy);
    CHECK(first.condition.name == "Hall");
    CHECK(first.condition.at_least == 5);
    CHECK(d.msel[1].text == "Roof damage, the hall is closed");
    CHECK(d.msel[1].status == MselInject::Status::Hold);
    CHECK(d.msel[2].action.message);
    CHECK(d.msel[2].status == MselInject::Status::Skip);
  }
}

TEST_CASE("every bad row of an exercise script is named by file line and column before the drill starts") {
  TempDir dir;
  ss::testing::drill_town(dir);
  const std::string msel = dir.write("msel.csv",
                                     "id,time,kind,target,text,role,expected,if,status\n"
                                     "M1,0:05:00,close_shelte,Hall,Closed,lead,,,\n"
                                     "M2,five,message,,Hello,lead,,,\n"
                                     "M3,0:07:00,close_road,the bridge,Flooded,,,,\n"
                                     "M3,0:08:00,message,,Again,lead,,shelter_ful: Hall,later\n");
  const std::string file = dir.write("drill.yaml", "scenario: town.yaml\nmsel: msel.csv\n");
  try {
    (void)load_drill(file);
    FAIL("expected an InputError");
  } catch (const ss::InputError& e) {
    const std::string what = e.what();
    INFO(what);
    CHECK(e.file() == msel);
    CHECK(e.line() == 2);
    CHECK_THAT(what, Catch::Contains("7 problems in 4 rows"));
    CHECK_THAT(what, Catch::Contains("line 2 row 1, column 3 (kind): unknown inject kind 'close_shelte' "
                                     "(did you mean 'close_shelter'?)"));
    CHECK_THAT(what, Catch::Contains("line 3 row 2, column 2 (time): 'five' is not a time"));
    CHECK_THAT(what, Catch::Contains("line 4 row 3, column 4 (target): 'the bridge' is not a road"));
    CHECK_THAT(what, Catch::Contains("line 4 row 3, column 6 (role): missing"));
    CHECK_THAT(what, Catch::Contains("line 5 row 4, column 8 (if): unknown condition 'shelter_ful'"));
    CHECK_THAT(
        what, Catch::Contains("line 5 row 4, column 9 (status): 'later' is not one of scripted, hold, skip"));
    CHECK_THAT(what, Catch::Contains("id 'M3' is used twice (also on line 4)"));
  }
}

TEST_CASE("an exercise script with many bad rows lists the first twenty problems and the total") {
  TempDir dir;
  ss::testing::drill_town(dir);
  std::string rows = "id,time,kind,target,text,role\n";
  for (int i = 0; i < 30; ++i)
    rows.append("M").append(std::to_string(i)).append(",soon,message,,Hello,lead\n");
  dir.write("msel.csv", rows);
  const std::string file = dir.write("drill.yaml", "scenario: town.yaml\nmsel: msel.csv\n");
  REQUIRE_THROWS_WITH(load_drill(file),
                      Catch::Contains("30 problems in 30 rows") && Catch::Contains("line 21 row 20,") &&
                          !Catch::Contains("line 22 row 21,") && Catch::Contains("and 10 more"));
}

TEST_CASE("unknown columns and drill keys are refused with the closest name") {
  TempDir dir;
  ss::testing::drill_town(dir);
  dir.write("msel.csv", "id,time,kind,target,txt,role\n");
  REQUIRE_THROWS_WITH(
      load_drill(dir.write("a.yaml", "scenario: town.yaml\nmsel: msel.csv\n")),
      Catch::Contains("unknown column 'txt' (did you mean 'text'?)") && Catch::Contains("no 'text' column"));
  REQUIRE_THROWS_WITH(load_drill(dir.write("b.yaml", "scenario: town.yaml\nmsl: msel.csv\n")),
                      Catch::Contains("b.yaml:2") && Catch::Contains("did you mean 'msel'"));
  REQUIRE_THROWS_WITH(load_drill(dir.write("c.yaml", "scenario: nowhere.yaml\nmsel: []\n")),
                      Catch::Contains("c.yaml:1: scenario") && Catch::Contains("not found"));
}

TEST_CASE("drill targets and conditions resolve through the scenario's names with hints for typos") {
  TempDir dir;
  ss::testing::drill_town(dir);
  dir.write("msel.csv",
            "id,time,kind,target,text,role,expected,if\n"
            "M1,0:01:00,close_shelter,Hal,Closed,lead,,\n"
            "M2,0:02:00,delay_team,Sqad by 5 min,Late,lead,,\n"
            "M3,0:03:00,broadcast,Z-9-9,Warn,lead,,\n"
            "M4,0:04:00,message,,Full?,lead,,shelter_full: Hell\n"
            "M5,0:05:00,close_road,osm_way 424242,Closed,lead,,\n"
            "M6,0:06:00,close_road,\"11.2815, 49.5100\",Closed,lead,,zone_t50_not_reached: Z-0-0\n");
  const std::string file = dir.write("drill.yaml", "scenario: town.yaml\nmsel: msel.csv\n");
  ss::drill::DrillDesc d = load_drill(file);
  const ss::scenarios::Assembly a = ss::scenarios::assemble_file(d.scenario);
  std::vector<ss::drill::PlayerRow> players;
  std::vector<std::string> warnings;
  try {
    ss::drill::resolve_drill(d, players, "", a.model, 300.0, warnings);
    FAIL("expected an InputError");
  } catch (const ss::InputError& e) {
    const std::string what = e.what();
    INFO(what);
    CHECK_THAT(what, Catch::Contains("5 problems"));
    CHECK_THAT(what, Catch::Contains(
                         "line 2 row 1, column 4 (target): no shelter named 'Hal' (did you mean 'Hall'?)"));
    CHECK_THAT(what, Catch::Contains(
                         "line 3 row 2, column 4 (target): no team named 'Sqad' (did you mean 'Squad'?)"));
    CHECK_THAT(what, Catch::Contains("line 4 row 3, column 4 (target): no zone named 'Z-9-9'"));
    CHECK_THAT(
        what, Catch::Contains("line 5 row 4, column 8 (if): no shelter named 'Hell' (did you mean 'Hall'?)"));
    CHECK_THAT(what,
               Catch::Contains("line 6 row 5, column 4 (target): no walkable street of OSM way 424242"));
  }
  // The good rows resolved to the same street as the scenario's own injects would.
  REQUIRE(d.msel[5].action.interventions.size() == 1);
  CHECK(d.msel[5].condition.kind == ss::drill::Condition::Kind::ZoneT50NotReached);
}

TEST_CASE("a players file names decisions and trainer actions and each bad row with its line and column") {
  TempDir dir;
  ss::testing::drill_town(dir);
  dir.write("msel.csv", "id,time,kind,target,text,role\nM1,0:05:00,message,,Hello,lead\n");
  const std::string file = dir.write("drill.yaml", "scenario: town.yaml\nmsel: msel.csv\n");
  const ss::drill::DrillDesc d = load_drill(file);
  const std::string good = dir.write("good.csv",
                                     "time,role,action,target,reason\n"
                                     "0:03:00,trainer,hold,M1,\n"
                                     "0:02:00,operations,close_shelter,Hall,Roof\n"
                                     "0:04:00,trainer,inject:message,,A call from the mayor\n"
                                     "0:06:00,trainer,speed,4,\n");
  const auto rows = load_players(good, d);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].kind == ss::drill::PlayerRow::Kind::Decision);  // sorted by time
  CHECK(rows[0].row == 2);                                      // the journal names it by its row
  CHECK(rows[1].kind == ss::drill::PlayerRow::Kind::Hold);
  CHECK(rows[2].kind == ss::drill::PlayerRow::Kind::AddInject);
  CHECK(rows[3].speed == Approx(4.0));
  const std::string bad = dir.write("bad.csv",
                                    "time,role,action,target,reason\n"
                                    "0:03:00,trainer,fire,M2,\n"
                                    "0:04:00,operations,close_shelterr,Hall,\n"
                                    "0:05:00,trainer,note,,\n");
  REQUIRE_THROWS_WITH(
      load_players(bad, d),
      Catch::Contains("3 problems in 3 rows") &&
          Catch::Contains("line 2 row 1, column 4 (target): no inject 'M2' in the exercise script "
                          "(did you mean 'M1'?)") &&
          Catch::Contains("line 3 row 2, column 3 (action): 'close_shelterr' is neither a decision") &&
          Catch::Contains("line 4 row 3, column 3 (action): a note needs its text"));
}
