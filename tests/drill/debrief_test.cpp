// The after-action report of a drill on the small town: built from the journal alone by
// replaying it, each decision tied to the inject it answered by the documented rule,
// what every event changed read from the simulation, maps at the asked times, and a bad
// journal refused with the reader's error.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "drill/debrief.hpp"
#include "drill/debrief_html.hpp"
#include "drill/debrief_injects.hpp"
#include "drill/drill_runner.hpp"
#include "engine/core/input_error.hpp"
#include "tests/drill/drill_test_util.hpp"

using ss::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// A drill whose players answer two injects (one by role, one by target) and decide once
// on their own; the trainer adds a street closure the operations lead answers.
struct Drill {
  TempDir dir;
  ss::drill::DrillRequest req;
  Drill() {
    ss::testing::drill_town(dir);
    dir.write(
        "msel.csv",
        "id,time,kind,target,text,role,expected,if,status\n"
        "M1,0:01:00,close_road,\"11.2815, 49.5100\",The street is flooded,operations,Send teams round it,,\n"
        "M2,0:03:00,message,caller,A call about smoke (false),incident commander,Verify,,\n"
        "M3,0:04:00,close_shelter,Hall,No heating,shelter lead,Redirect,shelter_full: Hall,\n"
        "M4,0:05:00,message,radio,Press enquiry,press officer,Give the count,,skip\n");
    dir.write("players.csv",
              "time,role,action,target,reason\n"
              "0:00:30,incident commander,broadcast,Z-0-0,Warn the low street early\n"
              "0:02:30,operations,door_knock,\"11.2806, 49.5103\",Check the house by the water\n"
              "0:07:00,trainer,inject:close_road,\"11.2830, 49.5121\",A lorry blocks the road by the hall\n"
              "0:09:00,operations,open_road,\"11.2830, 49.5121\",The lorry is towed away\n"
              "0:10:00,incident commander,note,,All warned\n");
    req.drill_file = dir.write("drill.yaml", "name: test drill\nscenario: town.yaml\nmsel: msel.csv\n");
    req.players_file = dir.path() + "/players.csv";
    req.journal = dir.path() + "/journal.jsonl";
    req.out = dir.path() + "/out";
    req.version = "test";
    ss::drill::run_drill(req);
  }
};

const ss::drill::InjectRow& row(const ss::drill::InjectTable& t, const std::string& id) {
  for (const auto& r : t.rows)
    if (r.id == id) return r;
  FAIL("no inject row " << id);
  return t.rows.front();
}

}  // namespace

TEST_CASE("a decision answers the inject that acted on the same target, else the last one to its role") {
  Drill drill;
  ss::drill::DebriefRequest req;
  req.journal = drill.req.journal;
  const ss::drill::Debrief d = ss::drill::collect_debrief(req);
  const ss::drill::InjectTable t = ss::drill::inject_table(d);

  REQUIRE(t.decisions.size() == 3);
  // 0:00:30, before any inject: the players' own initiative.
  CHECK_FALSE(t.decisions[0].inject);
  CHECK(t.decisions[0].rule == "own initiative");
  // 0:02:30 operations: M1 came to operations at 0:01:00 (a street, the knock a home).
  REQUIRE(t.decisions[1].inject);
  CHECK(t.rows[*t.decisions[1].inject].id == "M1");
  CHECK(t.decisions[1].rule == "same role");
  CHECK(row(t, "M1").response == Approx(90.0));
  // 0:09:00 reopening the street the trainer's lorry closed: the same target.
  REQUIRE(t.decisions[2].inject);
  CHECK(t.rows[*t.decisions[2].inject].id.rfind("trainer-row-", 0) == 0);
  CHECK(t.decisions[2].rule == "same target");
  CHECK(t.rows[*t.decisions[2].inject].response == Approx(120.0));

  CHECK(row(t, "M1").expected == "Send teams round it");
  CHECK(row(t, "M2").decisions.empty());
  CHECK(row(t, "M3").status == "not_fired");  // the hall is not full at 0:04:00
  CHECK_FALSE(row(t, "M3").fired);
  CHECK(row(t, "M4").status == "skipped");
}

TEST_CASE("the report says what each event changed in the simulation") {
  Drill drill;
  ss::drill::DebriefRequest req;
  req.journal = drill.req.journal;
  req.map_times = {60.0, 600.0};
  const ss::drill::Debrief d = ss::drill::collect_debrief(req);
  const ss::Model& model = d.run.assembly->model;

  auto event = [&](const std::string& key, const std::string& value) -> const ss::drill::DebriefEvent& {
    for (const auto& e : d.events)
      if (e.journal.data.value(key, std::string{}) == value) return e;
    FAIL("no event " << key << " = " << value);
    return d.events.front();
  };
  const auto& m1 = event("id", "M1");
  REQUIRE(m1.consequences.size() == 1);
  CHECK_THAT(m1.consequences[0], Catch::StartsWith("closed "));
  CHECK_THAT(m1.consequences[0], Catch::Contains("segment"));
  const auto& broadcast = event("kind", "broadcast");
  REQUIRE(broadcast.consequences.size() == 1);
  CHECK_THAT(broadcast.consequences[0], Catch::StartsWith("zone Z-0-0: "));
  CHECK_THAT(broadcast.consequences[0], Catch::Contains("residents warned now"));
  const auto& knock = event("kind", "door_knock");
  REQUIRE(knock.consequences.size() == 1);
  CHECK_THAT(knock.consequences[0], Catch::StartsWith("door_knock task for household "));

  // Maps at the asked times, from the state then: at 0:01:00 M1 has come in but its
  // closure goes in with the next step; at 0:10:00 M1's segments are closed and the
  // lorry's street is open again.
  REQUIRE(d.maps.size() == 2);
  CHECK(d.maps[0].step == 60);
  CHECK(d.maps[1].step == 600);
  auto closed = [](const ss::drill::MapFrame& f) {
    std::size_t n = 0;
    for (const auto c : f.closed) n += c;
    return n;
  };
  CHECK(closed(d.maps[0]) == 0);
  CHECK(closed(d.maps[1]) == m1.journal.interventions.size());
  std::uint32_t counted = 0;
  for (const auto n : d.maps[1].by_status) counted += n;
  CHECK(counted == model.population.size());

  const std::string html = ss::drill::debrief_html(d, ss::drill::inject_table(d), "");
  CHECK_THAT(html, Catch::Contains("<svg class=\"timeline\""));
  CHECK_THAT(html, Catch::Contains("data-map-time=\"600\""));
  CHECK_THAT(html, Catch::Contains("<tr data-inject=\"M1\"><td>M1</td><td>0:01:00</td>"));
  CHECK_THAT(html, Catch::Contains("Send teams round it"));
  CHECK_THAT(html, Catch::Contains("answers M1 (same role)"));
  CHECK_THAT(html, Catch::Contains("data-kpi=\"overall.t90_s\""));
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // nothing fetched
}

TEST_CASE("a journal with a bad line is refused with the line named") {
  Drill drill;
  std::ifstream in(drill.req.journal);
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  const std::string bad =
      drill.dir.write("bad.jsonl", first + "\n{\"event\": \"decision\", \"step\": \n" + second + "\n");
  ss::drill::DebriefRequest req;
  req.journal = bad;
  CHECK_THROWS_WITH(ss::drill::collect_debrief(req), Catch::StartsWith(bad + ":2: "));
}
