// Teams on foot walk slopes and stairs like residents (engine/plan/team_travel.hpp):
// their travel times, routes and places along a leg follow Tobler and the stair speeds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "engine/core/simulation.hpp"
#include "engine/plan/responders.hpp"
#include "engine/scenes/builders.hpp"
#include "engine/test_support.hpp"
#include "engine/world/slope.hpp"

using namespace ss;

namespace {

using ss::testing::link;

Team walker_team(NodeId depot, TravelMode mode = TravelMode::Foot) {
  Team t;
  t.name = "squad";
  t.kind = TeamKind::Subdistrict;
  t.members = 4;
  t.depot = depot;
  t.mode = mode;
  t.speed = 1.4;
  t.mobilisation = 0.0;
  t.roles = kRoleAssist;
  t.escort_capacity = 1;
  t.escort_speed = 0.8;
  return t;
}

// A straight way of two 200 m streets from node 0 at x = 0 to node 2 at x = 400, each
// rising `rise0` and `rise1` m from west to east. The team's depot is at `depot`, a
// bedridden resident lives at the other end and a step-free shelter stands at the depot.
Model way(double rise0, double rise1, NodeId depot) {
  Model m;
  StreetGraph& g = m.world.streets;
  g.add_node({0.0, 0.0}, 0.0f);
  g.add_node({200.0, 0.0}, static_cast<float>(rise0));
  g.add_node({400.0, 0.0}, static_cast<float>(rise0 + rise1));
  link(g, NodeId{0}, NodeId{1}, rise0);
  link(g, NodeId{1}, NodeId{2}, rise1);
  g.build_adjacency();
  m.world.bounds = bounds(g.node_pos);
  builders::add_shelter(m, depot, 10, "hall");
  const Vec2 home = depot == NodeId{0} ? Vec2{400.0, 0.0} : Vec2{0.0, 0.0};
  m.population.add(85, Mobility::Bedridden, true, true, HouseholdId{0}, home);
  m.plan.warning_time = 60.0;
  m.plan.response.teams.push_back(walker_team(depot));
  m.run.duration = 3600.0;
  return m;
}

struct Trip {
  double to_task = 0.0;  // s from dispatch to arrival at the door
  double escort = 0.0;   // s from the pick-up's end to the shelter
  double distance = 0.0;
};

Trip run(Model m) {
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const SimState& s = sim.state();
  REQUIRE(s.response.tasks.size() == 1);
  const Task& task = s.response.tasks[0];
  REQUIRE(s.status[0] == Status::Sheltered);
  return {task.arrived - task.dispatched, s.arrival_time[0] - (task.arrived + m.plan.response.times.pickup),
          s.response.teams[0].distance};
}

}  // namespace

TEST_CASE("a team on foot takes longer up a hill than down it, by Tobler's factor") {
  const double grade = 0.08;
  const double rise = grade * 200.0;
  const double dt = 0.1 + 1e-6;
  const Trip flat = run(way(0.0, 0.0, NodeId{0}));
  const Trip up = run(way(rise, rise, NodeId{0}));    // depot at the foot, the home on top
  const Trip down = run(way(rise, rise, NodeId{2}));  // depot on top, the home at the foot
  CHECK(flat.to_task == Approx(400.0 / 1.4).margin(dt));
  // Tobler: 0.76 of the level speed at +8 %, 1.07 at −8 %.
  CHECK(up.to_task == Approx(400.0 / (1.4 * tobler_factor(grade))).margin(dt));
  CHECK(down.to_task == Approx(400.0 / (1.4 * tobler_factor(-grade))).margin(dt));
  CHECK(up.to_task > flat.to_task + 80.0);
  CHECK(down.to_task < flat.to_task - 15.0);
  // Carrying the person back the other way at the escort speed.
  CHECK(up.escort == Approx(400.0 / (0.8 * tobler_factor(-grade))).margin(dt));
  CHECK(down.escort == Approx(400.0 / (0.8 * tobler_factor(grade))).margin(dt));
  // The distance records plain metres, there and back.
  CHECK(up.distance == Approx(800.0));
  CHECK(down.distance == Approx(800.0));
}

TEST_CASE("a team on foot climbs stairs at the stair speed, a vehicle team ignores the slope") {
  // The second street is a stair of 20 m rise; the team walks up it at 0.614 m/s along
  // its slope line (SFPE, Fruin), the first street level.
  Model m = way(0.0, 20.0, NodeId{0});
  m.world.streets.edge_kind[1] = StreetKind::Steps;
  const double stair = 200.0 / stair_factor(1.4, StairWay::Up, AgeBand::Adult, Mobility::Walks);
  CHECK(run(m).to_task == Approx((200.0 + stair) / 1.4).margin(0.1 + 1e-6));
  Model hill = way(16.0, 16.0, NodeId{0});
  hill.plan.response.teams[0] = walker_team(NodeId{0}, TravelMode::Vehicle);
  CHECK(run(hill).to_task == Approx(400.0 / 1.4).margin(0.1 + 1e-6));
}

TEST_CASE("a team on foot is not halfway along at half time when half its way climbs") {
  // 200 m level, then 200 m at +15 % (Tobler 0.59): by time, the level half takes 37 %.
  Model m = way(0.0, 30.0, NodeId{0});
  m.finalize();
  SimState s;
  s.response.teams.resize(1);
  TeamState& t = s.response.teams[0];
  const double climb = 200.0 / tobler_factor(0.15);
  t.stage = TeamStage::ToTask;
  t.stage_start = 0.0;
  t.stage_end = (200.0 + climb) / 1.4;
  t.node = NodeId{2};
  t.path = {NodeId{0}, NodeId{1}, NodeId{2}};
  t.path_dist = {0.0f, 200.0f, 400.0f};
  t.path_edges = {EdgeId{0}, EdgeId{1}};
  const double half = t.stage_end / 2.0;
  const Vec2 p = team_position(m, s, TeamId{0}, half);
  // Half the time is (200 + climb) / 2 m of level walking: the level 200 m, then the
  // rest of it on the climb at 0.59 m of way per level metre.
  const double on_climb = ((200.0 + climb) / 2.0 - 200.0) * tobler_factor(0.15);
  CHECK(p.x == Approx(200.0 + on_climb).margin(1e-3));
  CHECK(p.x < 270.0);
  CHECK(team_position(m, s, TeamId{0}, 200.0 / 1.4).x == Approx(200.0).margin(1e-3));
  std::vector<Vec2> ahead;
  team_route_ahead(m, s, TeamId{0}, half, ahead);
  REQUIRE(ahead.size() == 2);
  CHECK(ahead[0].x == Approx(p.x));
}

namespace {

// From the depot S (node 0) to the home at T (node 2), 100 m apart at the same height:
// straight over a crest H (node 1) `hill` m high, or round it through D (node 3) on the
// level, `detour` m long (testing::hill_or_detour_streets).
Model hill_or_detour(double hill, double detour, TravelMode mode) {
  Model m;
  StreetGraph& g = m.world.streets;
  testing::hill_or_detour_streets(g, hill, detour, StreetKind::Residential);
  m.world.bounds = bounds(g.node_pos);
  builders::add_shelter(m, NodeId{0}, 10, "hall");
  m.population.add(85, Mobility::Bedridden, true, true, HouseholdId{0}, {100.0, 0.0});
  m.plan.warning_time = 0.0;
  m.plan.response.teams.push_back(walker_team(NodeId{0}, mode));
  m.run.duration = 3600.0;
  return m;
}

// The streets of the team's first leg (to the task).
std::vector<EdgeId> first_leg(Model m, double* took = nullptr) {
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const RunRecords& rec = sim.state().records;
  REQUIRE(!rec.team_legs.empty());
  const TeamLeg& leg = rec.team_legs[0];
  if (took) *took = leg.to - leg.from;
  return {rec.team_leg_edges.begin() + leg.first_edge,
          rec.team_leg_edges.begin() + leg.first_edge + leg.edges};
}

}  // namespace

TEST_CASE("a team on foot goes round a hill when the level detour is quicker") {
  // Over the crest: 50 m at +25 % and 50 m at −25 %, as slow as about 205 m level.
  const double crest = 50.0 / tobler_factor(0.25) + 50.0 / tobler_factor(-0.25);
  REQUIRE(crest > 180.0);
  REQUIRE(crest < 230.0);
  double took = 0.0;
  CHECK(first_leg(hill_or_detour(12.5, 180.0, TravelMode::Foot), &took) ==
        std::vector<EdgeId>{EdgeId{2}, EdgeId{3}});
  CHECK(took == Approx(180.0 / 1.4).margin(1e-3));
  // A long detour: over the hill, at its walking time.
  CHECK(first_leg(hill_or_detour(12.5, 230.0, TravelMode::Foot), &took) ==
        std::vector<EdgeId>{EdgeId{0}, EdgeId{1}});
  CHECK(took == Approx(crest / 1.4).margin(1e-3));
  // A vehicle takes the shortest way, the hill, at its own speed.
  CHECK(first_leg(hill_or_detour(12.5, 180.0, TravelMode::Vehicle), &took) ==
        std::vector<EdgeId>{EdgeId{0}, EdgeId{1}});
  CHECK(took == Approx(100.0 / 1.4).margin(1e-3));
}
