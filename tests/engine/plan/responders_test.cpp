#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "engine/core/simulation.hpp"
#include "engine/plan/responders.hpp"
#include "engine/plan/targets.hpp"
#include "engine/scenes/builders.hpp"

using namespace ss;

namespace {

Team team_at(NodeId depot, double speed, double mobilisation, TravelMode mode = TravelMode::Foot) {
  Team t;
  t.name = "squad";
  t.kind = TeamKind::Subdistrict;
  t.members = 4;
  t.depot = depot;
  t.mode = mode;
  t.speed = speed;
  t.mobilisation = mobilisation;
  t.roles = kRoleAssist | kRoleDoorKnock;
  t.escort_capacity = 1;
  t.escort_speed = 0.8;
  return t;
}

// A 5 × 5 grid of 100 m blocks. Node (ix, iy) = iy * 5 + ix at (100 ix, 100 iy).
// A shelter without step-free access next door (node 1) and a step-free one far
// away (node 24); a bedridden resident lives at node 2 (200, 0); the team's depot is
// node 20 (0, 400).
Model bedridden_scene() {
  Model m = builders::street_grid(5, 5, 100.0, 3.0);
  builders::add_shelter(m, NodeId{1}, 500, "gym with steps", /*step_free=*/false);
  builders::add_shelter(m, NodeId{24}, 500, "school", /*step_free=*/true);
  m.population.add(85, Mobility::Bedridden, true, true, HouseholdId{0}, {200.0, 0.0});
  m.plan.warning_time = 60.0;
  m.plan.response.teams.push_back(team_at(NodeId{20}, 1.5, 300.0));
  m.run.duration = 2 * 3600.0;
  return m;
}

}  // namespace

TEST_CASE("a bedridden resident is carried to a step-free shelter, and response = mobilisation + travel") {
  Model m = bedridden_scene();
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const SimState& s = sim.state();
  REQUIRE(s.response.tasks.size() == 1);
  const Task& task = s.response.tasks[0];
  CHECK(task.kind == TaskKind::Assist);
  CHECK(task.created == Approx(60.0f));
  // From (0, 400) to (200, 0): 600 m at 1.5 m/s after 300 s of mobilisation.
  CHECK(task.arrived - task.created == Approx(300.0 + 600.0 / 1.5).margin(m.run.dt));
  CHECK(s.status[0] == Status::Sheltered);
  CHECK(s.shelter[0] == ShelterId{1});  // the step-free school, not the gym next door
  // They never moved before the team came; carried from (200, 0) to (400, 400): 600 m
  // at the escort speed after the pick-up.
  CHECK(s.start_time[0] >= task.arrived);
  CHECK(s.arrival_time[0] ==
        Approx(task.arrived + m.plan.response.times.pickup + 600.0 / 0.8).margin(m.run.dt));
  CHECK(task.completed == Approx(s.arrival_time[0] + m.plan.response.times.handover).margin(m.run.dt));
  CHECK(s.response.teams[0].tasks_done == 1);
  CHECK(s.response.teams[0].distance == Approx(1200.0));
  const ResponseMetrics r = response_metrics(m, s);
  CHECK(r.by_team_kind[static_cast<std::size_t>(TeamKind::Subdistrict)].arrived == 1);
  CHECK(*r.overall.p90 == Approx(700.0).margin(1.0));
}

TEST_CASE("without a team, a resident who needs help waits at home") {
  Model m = bedridden_scene();
  m.plan.response.teams.clear();
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  CHECK(sim.state().status[0] == Status::WaitingForHelp);
  CHECK(std::isnan(sim.state().start_time[0]));
}

TEST_CASE("vehicles keep off footways, and teams on foot take them") {
  // Depot 0 at (0, 0), home at node 2 (100, 0): a 100 m footway straight there, or a
  // 300 m road around through node 1 at (0, 100) and node 3 at (100, 100).
  auto scene = [](TravelMode mode) {
    Model m;
    StreetGraph& g = m.world.streets;
    g.add_node({0, 0});
    g.add_node({0, 100});
    g.add_node({100, 0});
    g.add_node({100, 100});
    auto link = [&](int a, int b, StreetKind k) {
      const Vec2 pts[] = {g.node_pos[a], g.node_pos[b]};
      g.add_edge(NodeId{a}, NodeId{b}, pts, 3.0f, k);
    };
    link(0, 2, StreetKind::Footway);
    link(0, 1, StreetKind::Residential);
    link(1, 3, StreetKind::Residential);
    link(3, 2, StreetKind::Residential);
    g.build_adjacency();
    m.world.bounds = bounds(g.node_pos);
    builders::add_shelter(m, NodeId{3}, 10);
    m.population.add(90, Mobility::Wheelchair, true, true, HouseholdId{0}, {100.0, 0.0});
    m.plan.response.teams.push_back(team_at(NodeId{0}, 10.0, 0.0, mode));
    m.finalize();
    Simulation sim(m, 1);
    sim.run_until(120.0);
    return sim.state().response.tasks.at(0).arrived - sim.state().response.tasks.at(0).created;
  };
  CHECK(scene(TravelMode::Foot) == Approx(10.0));
  CHECK(scene(TravelMode::Vehicle) == Approx(30.0));
}

TEST_CASE("a task added by an inject is dispatched like the plan's own") {
  Model m = builders::street_grid(3, 3, 100.0, 3.0);
  builders::add_shelter(m, NodeId{8}, 100);
  builders::add_residents(m, {200.0, 0.0}, 1, 40);  // node 2
  builders::add_residents(m, {0.0, 200.0}, 1, 40);  // node 6
  m.plan.warning.channels.push_back({});
  m.plan.warning.channels[0].reach = 0.0;  // nobody hears anything
  m.plan.response.teams.push_back(team_at(NodeId{0}, 2.0, 0.0));
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(300.0);
  CHECK(sim.state().response.tasks.empty());
  REQUIRE(sim.apply({Intervention::Kind::AddDoorKnockTask, 1, "neighbour called"}));
  CHECK_FALSE(sim.apply({Intervention::Kind::AddDoorKnockTask, 99, "no such resident"}));
  sim.run_until(600.0);
  REQUIRE(sim.state().response.tasks.size() == 1);
  const Task& task = sim.state().response.tasks[0];
  CHECK(task.from_inject);
  CHECK(task.created == Approx(300.0f));
  CHECK(task.dispatched == Approx(300.0f));
  CHECK(task.arrived == Approx(300.0f + 200.0f / 2.0f));
  CHECK(task.completed == Approx(task.arrived + m.plan.response.times.knock));
  CHECK(sim.state().warned_time[1] == Approx(task.arrived));
  CHECK(sim.state().warn.source[1] == WarnSource::DoorKnock);
  CHECK(std::isnan(sim.state().warned_time[0]));
  CHECK(sim.state().records.journal.size() == 1);
}

TEST_CASE("a team delayed by an inject arrives that much later") {
  auto arrival = [](double delay) {
    Model m = bedridden_scene();
    m.finalize();
    Simulation sim(m, 1);
    sim.run_until(120.0);
    if (delay > 0) REQUIRE(sim.apply({Intervention::Kind::DelayTeam, 0, "fire engine blocked", delay}));
    sim.run_to_end();
    return static_cast<double>(sim.state().response.tasks[0].arrived);
  };
  CHECK(arrival(600.0) - arrival(0.0) == Approx(600.0).margin(1.0));
}

TEST_CASE("more teams never make the P90 response time worse on the same seed") {
  auto p90 = [](int teams) {
    Model m = builders::street_grid(6, 6, 80.0, 3.0);
    builders::add_shelter(m, NodeId{35}, 1000);
    for (int k = 0; k < 12; ++k)
      m.population.add(80, k % 3 ? Mobility::Wheelchair : Mobility::Bedridden, true, true, HouseholdId{k},
                       {80.0 * ((5 * k) % 6), 80.0 * ((7 * k) % 6)});
    m.run.duration = 12 * 3600.0;
    for (int k = 0; k < teams; ++k) m.plan.response.teams.push_back(team_at(NodeId{0}, 1.4, 120.0));
    m.finalize();
    Simulation sim(m, 5);
    sim.run_to_end();
    for (const Task& t : sim.state().response.tasks) REQUIRE(!std::isnan(t.arrived));
    return *response_metrics(m, sim.state()).overall.p90;
  };
  const double two = p90(2), four = p90(4);
  CHECK(four <= two);
}

TEST_CASE("same seed, same plan: identical warnings and task records") {
  auto run = [] {
    Model m = bedridden_scene();
    for (int k = 0; k < 300; ++k)
      m.population.add(30 + k % 50, Mobility::Walks, k % 4 == 0, false, HouseholdId{k + 1},
                       {13.0 * (k % 31), 11.0 * (k % 37)});
    m.plan.warning.channels.push_back({});
    m.plan.warning.channels[0].reach = 0.5;
    m.plan.warning.channels[0].delay_median = 120.0;
    m.plan.warning.channels[0].delay_sigma_ln = 0.8;
    m.plan.warning.word_of_mouth = {1.0 / 600.0, 100.0};
    m.plan.warning.compliance.refuse_share = 0.1;
    m.plan.response.door_knock_zones = {ZoneId{0}};
    m.finalize();
    Simulation sim(m, 99);
    sim.run_to_end();
    std::vector<float> out(sim.state().warned_time.begin(), sim.state().warned_time.end());
    for (const Task& t : sim.state().response.tasks)
      out.insert(out.end(), {t.created, t.dispatched, t.arrived, t.completed});
    out.insert(out.end(), sim.state().arrival_time.begin(), sim.state().arrival_time.end());
    return out;
  };
  const auto a = run(), b = run();
  REQUIRE(a.size() == b.size());
  CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
}

TEST_CASE("a travelling team is placed on the street's bends, and its route ahead follows the streets") {
  // An L-shaped street of 200 m from (0, 0) round the corner at (100, 0) to
  // (100, 100), then a straight one of 100 m north, stored from its far end.
  Model m;
  StreetGraph& g = m.world.streets;
  const NodeId a = g.add_node({0, 0}), b = g.add_node({100, 100}), c = g.add_node({100, 200});
  const Vec2 bend[] = {{0, 0}, {100, 0}, {100, 100}};
  const Vec2 north_down[] = {{100, 200}, {100, 100}};
  const EdgeId e0 = g.add_edge(a, b, bend, 5.0f, StreetKind::Residential);
  const EdgeId e1 = g.add_edge(c, b, north_down, 5.0f, StreetKind::Residential);
  SimState s;
  s.response.teams.resize(1);
  TeamState& t = s.response.teams[0];
  t.stage = TeamStage::ToTask;
  t.stage_start = 0.0;
  t.stage_end = 300.0;  // 300 m at 1 m/s
  t.node = c;
  t.path = {a, b, c};
  t.path_dist = {0.0f, 200.0f, 300.0f};
  t.path_edges = {e0, e1};
  auto near = [](Vec2 p, Vec2 q) { return distance(p, q) < 1e-6; };
  // Not across the corner (a straight line from (0, 0) to (100, 100) would put it at
  // (25, 25) and (75, 75)), but along the street.
  CHECK(near(team_position(m, s, TeamId{0}, 50.0), {50, 0}));
  CHECK(near(team_position(m, s, TeamId{0}, 150.0), {100, 50}));
  CHECK(
      near(team_position(m, s, TeamId{0}, 250.0), {100, 150}));  // the second street walked against its order
  std::vector<Vec2> route;
  team_route_ahead(m, s, TeamId{0}, 50.0, route);
  const std::vector<Vec2> want{{50, 0}, {100, 0}, {100, 100}, {100, 200}};
  REQUIRE(route.size() == want.size());
  for (std::size_t k = 0; k < want.size(); ++k) CHECK(near(route[k], want[k]));
  // On site: at its node, with no route to draw.
  t.stage = TeamStage::OnSite;
  CHECK(near(team_position(m, s, TeamId{0}, 50.0), {100, 200}));
  team_route_ahead(m, s, TeamId{0}, 50.0, route);
  CHECK(route.empty());
}

namespace {

// The bedridden scene whose only team is a mutual-aid reserve, 900 s from request to ready.
Model mutual_aid_scene() {
  Model m = bedridden_scene();
  m.plan.response.teams[0].aid = 0;
  m.plan.response.teams[0].mobilisation = 0.0;
  m.plan.response.mutual_aid.push_back({"Wasserwacht", "county", 900.0});
  return m;
}

}  // namespace

TEST_CASE("a mutual-aid team takes no task until asked for, then is ready the offer's delay later") {
  {  // never asked for: the bedridden resident waits, the team stays a reserve at its depot
    Model m = mutual_aid_scene();
    m.finalize();
    Simulation sim(m, 1);
    sim.run_to_end();
    const SimState& s = sim.state();
    CHECK(s.response.teams[0].stage == TeamStage::Reserve);
    CHECK(s.response.teams[0].distance == 0.0);
    CHECK(std::isnan(s.response.tasks[0].arrived));
    CHECK(s.status[0] != Status::Sheltered);
    CHECK(std::isnan(s.response.aid_requested[0]));
  }
  // Asked for at 20 min by the script, and again at 25 min (which changes nothing);
  // an offer that does not exist is refused.
  Model m = mutual_aid_scene();
  m.plan.injects.push_back(
      {1200.0, {Intervention::Kind::RequestMutualAid, 0, "all own squads committed", 0.0}});
  m.plan.injects.push_back({1500.0, {Intervention::Kind::RequestMutualAid, 0, "asked again", 0.0}});
  m.finalize();
  Simulation sim(m, 1);
  CHECK_FALSE(sim.apply({Intervention::Kind::RequestMutualAid, 1, "no such offer", 0.0}));
  sim.run_to_end();
  const SimState& s = sim.state();
  CHECK(s.response.aid_requested[0] == Approx(1200.0));
  REQUIRE(s.records.journal.size() == 2);
  const Task& task = s.response.tasks[0];
  // Ready 900 s after the request, then 600 m at 1.5 m/s from (0, 400) to (200, 0).
  CHECK(task.arrived == Approx(1200.0 + 900.0 + 600.0 / 1.5).margin(m.run.dt));
  CHECK(s.status[0] == Status::Sheltered);
  CHECK(s.response.teams[0].tasks_done == 1);
}

TEST_CASE("mutual aid asked for before the plan's activation is ready the delay after activation") {
  Model m = mutual_aid_scene();
  m.plan.warning_time = 600.0;
  m.finalize();
  Simulation sim(m, 1);
  REQUIRE(sim.apply({Intervention::Kind::RequestMutualAid, 0, "pre-arranged", 0.0}));
  sim.run_to_end();
  const Task& task = sim.state().response.tasks[0];
  CHECK(task.arrived == Approx(600.0 + 900.0 + 600.0 / 1.5).margin(m.run.dt));
}

TEST_CASE("an offer of mutual aid without teams, or a team of an unknown offer, is refused at finalize") {
  Model m = mutual_aid_scene();
  m.plan.response.mutual_aid.push_back({"THW", "", 600.0});
  CHECK_THROWS_WITH(m.finalize(), Catch::Contains("plan.mutual_aid[THW].teams") &&
                                      Catch::Contains("needs at least one team"));
  Model bad = mutual_aid_scene();
  bad.plan.response.teams.push_back(bad.plan.response.teams[0]);
  bad.plan.response.teams[1].aid = 3;
  CHECK_THROWS_WITH(bad.finalize(), Catch::Contains("unknown mutual-aid offer"));
}
