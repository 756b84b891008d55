// Scripted injects in a scenario file: resolved by name and place into the engine's
// Plan::injects, applied through Simulation::apply at their time and journaled, and
// each kind of bad target named by file, line and field.
#include <catch2/catch.hpp>

#include <string>

#include "engine/core/simulation.hpp"
#include "scenarios/loader/assemble.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::scenarios::assemble_file;
using ss::testing::TempDir;

namespace {

// Line numbers refer to the small town; the injects start on line 10.
std::string town(const TempDir& dir, const std::string& injects) {
  return ss::testing::small_town(
      dir,
      "plan: {warning_time: 10 min, teams: [{name: Squad, kind: subdistrict, members: 4,\n"  // 8
      "       depot: {lon: 11.2815, lat: 49.5100}}]}\n"                                      // 9
      "injects:\n" +
          injects);  // 10
}

}  // namespace

TEST_CASE("scripted injects are applied at their time through the single entry point and journaled") {
  TempDir dir;
  const std::string file = town(dir,
                                "  - {at: 2 min, close_shelter: Hall, note: roof damage}\n"
                                "  - {at: 1 min, close_road: {lon: 11.2815, lat: 49.5100}}\n"
                                "  - {at: 3 min, open_shelter: Hall}\n"
                                "  - {at: 4 min, door_knock: {household: 0}, note: neighbour called}\n"
                                "  - {at: 5 min, delay_team: {team: Squad, by: 10 min}}\n");
  const auto a = assemble_file(file);
  const auto& injects = a.model.plan.injects;
  REQUIRE(injects.size() == 5);
  CHECK(injects[0].time == Approx(60.0));  // sorted by time
  CHECK(injects[0].intervention.kind == ss::Intervention::Kind::CloseRoad);
  CHECK(injects[1].intervention.note == "roof damage");
  CHECK(injects[4].intervention.value == Approx(600.0));

  ss::Simulation sim(a.model, 1);
  sim.run_until(150.0);
  const ss::SimState& s = sim.state();
  CHECK(s.edge_closed[injects[0].intervention.target] == 1);
  CHECK(s.shelter_closed[0] == 1);
  sim.run_until(400.0);
  REQUIRE(sim.state().records.journal.size() == 5);
  CHECK(sim.state().records.journal[1].time == Approx(120.0));
  CHECK(sim.state().shelter_closed[0] == 0);
  // The door-knock task is the household's, created when the inject came.
  REQUIRE_FALSE(sim.state().response.tasks.empty());
  const ss::Task& knock = sim.state().response.tasks.back();
  CHECK(knock.from_inject);
  CHECK(knock.created == Approx(240.0f));

  // Same scenario, seed and injects: the same journal and task records.
  ss::Simulation again(a.model, 1);
  again.run_until(400.0);
  CHECK(again.state().records.journal.size() == 5);
  CHECK(again.state().response.tasks.back().created == knock.created);
}

TEST_CASE("bad injects name file, line and field") {
  TempDir dir;
  SECTION("a shelter that does not exist") {
    const std::string file = town(dir, "  - {at: 2 min, close_shelter: Hal}\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 11, "injects[0].close_shelter",
                        "no shelter named 'Hal' (did you mean 'Hall'?)");
  }
  SECTION("a household that does not exist") {
    const std::string file = town(dir, "  - {at: 2 min, assist: {household: 999}}\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 11, "injects[0].assist.household", "no household 999");
  }
  SECTION("a team that does not exist") {
    const std::string file = town(dir, "  - {at: 2 min, delay_team: {team: Fire, by: 5 min}}\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 11, "injects[0].delay_team.team", "no team named 'Fire'");
  }
  SECTION("two things in one item") {
    const std::string file = town(dir, "  - {at: 2 min, close_shelter: Hall, open_shelter: Hall}\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 11, "injects[0]", "one inject per item");
  }
  SECTION("no time") {
    const std::string file = town(dir, "  - {close_shelter: Hall}\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 11, "injects[0].at", "missing");
  }
  SECTION("a road far from every street") {
    const std::string file = town(dir, "  - {at: 1 min, close_road: {lon: 11.40, lat: 49.60}}\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 11, "injects[0].close_road", "no walkable street within");
  }
}

TEST_CASE("a request_aid inject brings the plan's mutual-aid teams, named by the offer") {
  TempDir dir;
  const std::string file = ss::testing::small_town(
      dir,
      "plan: {warning_time: 10 min, teams: [{name: Squad, kind: subdistrict, members: 4,\n"  // 8
      "       depot: {lon: 11.2815, lat: 49.5100}}],\n"                                      // 9
      "  mutual_aid: [{name: THW Lauf, from: THW, arrives_after: 30 min, teams: [\n"         // 10
      "     {name: THW squad, kind: volunteers, count: 2, members: 6,\n"                     // 11
      "      depot: {lon: 11.2815, lat: 49.5100}}]}]}\n"                                     // 12
      "injects:\n"                                                                           // 13
      "  - {at: 20 min, request_aid: THW Lauf, note: own squad busy}\n");                    // 14
  const auto a = assemble_file(file);
  const auto& response = a.model.plan.response;
  REQUIRE(response.mutual_aid.size() == 1);
  CHECK(response.mutual_aid[0].delay == Approx(1800.0));
  CHECK(response.mutual_aid[0].from == "THW");
  REQUIRE(response.teams.size() == 3);
  CHECK(response.teams[0].aid == -1);
  CHECK(response.teams[1].name == "THW squad 1");
  CHECK(response.teams[2].aid == 0);
  REQUIRE(a.model.plan.injects.size() == 1);
  CHECK(a.model.plan.injects[0].intervention.kind == ss::Intervention::Kind::RequestMutualAid);

  ss::Simulation sim(a.model, 1);
  sim.run_until(1150.0);
  CHECK(sim.state().response.teams[1].stage == ss::TeamStage::Reserve);
  sim.run_until(1300.0);
  CHECK(sim.state().response.aid_requested[0] == Approx(1200.0));
  CHECK(sim.state().response.teams[2].stage == ss::TeamStage::Mobilising);
  CHECK(sim.state().response.teams[2].stage_end == Approx(1200.0 + 1800.0));
}

TEST_CASE("bad mutual aid is named by file, line and field") {
  TempDir dir;
  auto with = [&](const std::string& aid, const std::string& injects = "") {
    return ss::testing::small_town(
        dir,
        "plan: {warning_time: 10 min, teams: [{name: Squad, kind: subdistrict, members: 4,\n"  // 8
        "       depot: {lon: 11.2815, lat: 49.5100}}],\n"                                      // 9
        "  mutual_aid: [" +
            aid +
            "]}\n"  // 10
            "injects:\n" +
            injects);  // 11, 12
  };
  const std::string team = "{name: A, kind: fire, members: 9, depot: {lon: 11.2815, lat: 49.5100}}";
  SECTION("no teams") {
    const std::string file = with("{name: THW, arrives_after: 30 min, teams: []}");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 10, "plan.mutual_aid[0].teams", "at least one team");
  }
  SECTION("a mobilisation of its own") {
    const std::string file = with(
        "{name: THW, arrives_after: 30 min, teams: [{name: A, kind: fire, members: 9, "
        "mobilisation: 5 min, depot: {lon: 11.2815, lat: 49.5100}}]}");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 10, "plan.mutual_aid[0].teams[0].mobilisation",
                        "give no mobilisation");
  }
  SECTION("no delay") {
    const std::string file = with("{name: THW, teams: [" + team + "]}");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 10, "plan.mutual_aid[0].arrives_after", "missing");
  }
  SECTION("two offers of one name") {
    const std::string file = with("{name: THW, arrives_after: 1 h, teams: [" + team +
                                  "]}, {name: THW, arrives_after: 2 h, teams: [" + team + "]}");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 10, "plan.mutual_aid[1].name",
                        "a second mutual-aid offer");
  }
  SECTION("a request for an offer that does not exist") {
    const std::string file = with("{name: THW Lauf, arrives_after: 1 h, teams: [" + team + "]}",
                                  "  - {at: 20 min, request_aid: THW Laf}\n");
    REQUIRE_INPUT_ERROR(assemble_file(file), file, 12, "injects[0].request_aid",
                        "no mutual-aid offer named 'THW Laf'");
  }
}
