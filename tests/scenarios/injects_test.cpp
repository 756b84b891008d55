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
