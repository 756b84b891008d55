// Teams and the hazard: streets closed ahead of a travelling team, water too deep for
// vehicles but not for teams on foot, dispatch by the flood forecast at each home,
// and warnings and door-knocking aimed at the flood's low-lying zone.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/simulation.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "engine/scenes/builders.hpp"

using namespace ss;

namespace {

Team squad(NodeId depot, double speed, TravelMode mode = TravelMode::Foot) {
  Team t;
  t.name = mode == TravelMode::Foot ? "on foot" : "fire engine";
  t.kind = TeamKind::Fire;
  t.members = 4;
  t.depot = depot;
  t.mode = mode;
  t.speed = speed;
  t.mobilisation = 0.0;
  t.roles = kRoleAssist | kRoleDoorKnock;
  t.escort_capacity = 1;
  t.escort_speed = speed;
  return t;
}

// A flat flood grid over [-50, 300] × [-50, 150] (10 m cells), bed at 1 m, dry.
FloodDesc flat_grid() { return builders::flat_flood({-50.0, -50.0}, 10.0, 35, 20); }

// Streets: a 3 × 2 grid 100 m apart, bottom row nodes 0 1 2 at y = 0, top row 3 4 5
// at y = 100; the team's depot is node 0 and the step-free shelter node 3.
Model two_rows() {
  Model m = builders::street_grid(3, 2, 100.0, 4.0);
  builders::add_shelter(m, NodeId{3}, 100, "school", /*step_free=*/true);
  m.plan.warning_time = 0.0;
  m.run.duration = 3600.0;
  return m;
}

}  // namespace

TEST_CASE("a team whose street closes under it turns back and takes the detour") {
  // Depot node 0 at (0, 0), the home at node 1 (200, 0): 200 m straight, or 400 m
  // round by nodes 2 (0, 100) and 3 (200, 100).
  auto run = [](bool close) {
    Model m;
    StreetGraph& g = m.world.streets;
    for (const Vec2 p : {Vec2{0, 0}, Vec2{200, 0}, Vec2{0, 100}, Vec2{200, 100}}) g.add_node(p);
    auto link = [&](int a, int b) {
      const Vec2 pts[] = {g.node_pos[a], g.node_pos[b]};
      g.add_edge(NodeId{a}, NodeId{b}, pts, 4.0f, StreetKind::Residential);
    };
    link(0, 1);  // edge 0: the direct street
    link(0, 2);
    link(2, 3);
    link(3, 1);
    g.build_adjacency();
    m.world.bounds = bounds(g.node_pos);
    builders::add_shelter(m, NodeId{3}, 10);
    m.population.add(85, Mobility::Bedridden, true, true, HouseholdId{0}, {200.0, 0.0});
    m.plan.response.teams.push_back(squad(NodeId{0}, 2.0));
    m.run.duration = 1800.0;
    m.finalize();
    Simulation sim(m, 1);
    sim.run_until(50.0);
    if (close) REQUIRE(sim.apply({Intervention::Kind::CloseRoad, 0, "tree across the road"}));
    sim.run_until(400.0);
    const Task& task = sim.state().response.tasks.at(0);
    REQUIRE_FALSE(std::isnan(task.arrived));
    return std::pair{static_cast<double>(task.arrived), sim.state().response.teams[0].distance};
  };
  const auto [open_at, open_m] = run(false);
  CHECK(open_at == Approx(100.0).margin(1e-3));  // 200 m at 2 m/s
  CHECK(open_m == Approx(200.0));
  // Closed at t = 50 s with the team 100 m along it: 100 m back, then 400 m round.
  const auto [closed_at, closed_m] = run(true);
  CHECK(closed_at == Approx(50.0 + 50.0 + 200.0).margin(1e-3));
  CHECK(closed_m == Approx(100.0 + 100.0 + 400.0).margin(1e-3));
}

TEST_CASE("water too deep to drive through sends the fire engine round, and the team on foot wades") {
  // 0.6 m of still water on the bottom street around node 1: above the vehicles' 0.5 m,
  // below the 0.7 m of teams on foot (PeopleInWaterParams::max_depth).
  auto response = [](TravelMode mode) {
    Model m = two_rows();
    m.population.add(85, Mobility::Bedridden, true, true, HouseholdId{0}, {200.0, 5.0});
    m.plan.response.teams.push_back(squad(NodeId{0}, 10.0, mode));
    FloodDesc f = flat_grid();
    for (std::size_t c = 0; c < f.grid.size(); ++c) {
      const Vec2 p = f.grid.centre(c);
      if (p.x > 70.0 && p.x < 130.0 && p.y < 30.0) {
        f.grid.z[c] = 0.4;
        f.initial_depth[c] = 0.6;
      }
    }
    m.hazards.push_back(std::make_shared<FloodHazard>(std::move(f)));
    m.finalize();
    Simulation sim(m, 1);
    sim.run_until(120.0);
    const Task& task = sim.state().response.tasks.at(0);
    REQUIRE_FALSE(std::isnan(task.arrived));
    return task.arrived - task.created;
  };
  CHECK(response(TravelMode::Foot) == Approx(20.5).margin(1e-3));  // 200 m along the bottom + 5 m to the door
  CHECK(response(TravelMode::Vehicle) == Approx(40.5).margin(1e-3));  // 400 m round by the top row + 5 m
}

namespace {

// Two bedridden residents: A at (100, 5) by node 1, B at (200, 95) by node 5. A wall of
// buildings at x = 140–160 keeps the water east of it, where 2 m³/s flow in at (250, 50):
// B's door floods after some minutes, A's never.
Model flood_east(bool with_flood) {
  Model m = two_rows();
  m.population.add(85, Mobility::Bedridden, true, true, HouseholdId{0}, {100.0, 5.0});   // A
  m.population.add(85, Mobility::Bedridden, true, true, HouseholdId{1}, {200.0, 95.0});  // B
  m.population.add(40, Mobility::Walks, false, false, HouseholdId{2}, {200.0, 5.0});     // east, walks
  m.population.add(40, Mobility::Walks, false, false, HouseholdId{3}, {0.0, 5.0});       // west, walks
  m.plan.response.teams.push_back(squad(NodeId{0}, 1.5));
  if (with_flood) {
    FloodDesc f = flat_grid();
    f.low_lying.assign(f.grid.size(), 0);
    for (std::size_t c = 0; c < f.grid.size(); ++c) {
      const Vec2 p = f.grid.centre(c);
      if (p.x > 140.0 && p.x < 160.0) f.grid.blocked[c] = 1;
      if (p.x > 160.0) f.low_lying[c] = 1;
    }
    FlowSource s;
    s.name = "breach";
    s.cells = {static_cast<std::uint32_t>(f.grid.cell_of({250.0, 50.0}))};
    s.discharge.time = {0.0};
    s.discharge.value = {2.0};
    f.sources.push_back(s);
    m.hazards.push_back(std::make_shared<FloodHazard>(std::move(f)));
  }
  m.finalize();
  return m;
}

}  // namespace

TEST_CASE("dispatch goes first where the flood is forecast to reach the home") {
  auto first_reached = [](bool with_flood) {
    const Model m = flood_east(with_flood);
    Simulation sim(m, 1);
    sim.run_until(1800.0);
    const auto& tasks = sim.state().response.tasks;
    REQUIRE(tasks.size() == 2);
    REQUIRE_FALSE(std::isnan(tasks[0].arrived));
    REQUIRE_FALSE(std::isnan(tasks[1].arrived));
    if (with_flood) {
      // The forecast is the run's own flood: exactly the arrival time at B's door.
      const std::uint32_t door = find_flood(m)->desc().links.home_cell[1];
      CHECK(std::isinf(tasks[0].hazard_at));
      CHECK(tasks[1].hazard_at == find_flood_run(m, sim.state())->field.arrival[door]);
      CHECK(tasks[1].hazard_at > 60.0f);
    }
    return tasks[0].arrived < tasks[1].arrived ? 'A' : 'B';
  };
  CHECK(first_reached(false) == 'A');  // no hazard: the nearer one first
  CHECK(first_reached(true) == 'B');   // the water comes to B's door, never to A's
}

TEST_CASE("warnings and door-knocking can target the flood's low-lying zone") {
  Model m = flood_east(true);
  m.plan.response.door_knock_low_lying = true;
  m.plan.warning.channels.push_back({});
  m.plan.warning.channels[0].name = "loudspeaker by the river";
  m.plan.warning.channels[0].low_lying = true;
  m.plan.warning.channels[0].start = 30.0;
  Simulation sim(m, 1);
  sim.run_until(31.0);
  const SimState& s = sim.state();
  // Door-knock tasks for the two households east of the wall (B, and the walker by node 2).
  std::vector<ResidentId> knocked;
  for (const Task& t : s.response.tasks)
    if (t.kind == TaskKind::DoorKnock) knocked.push_back(t.first);
  CHECK(knocked == std::vector<ResidentId>{ResidentId{1}, ResidentId{2}});
  CHECK(home_in_hazard_zone(m, ResidentId{2}));
  CHECK_FALSE(home_in_hazard_zone(m, ResidentId{3}));
  // The channel warned the east only.
  CHECK(s.warn.source[2] == WarnSource::Channel);
  CHECK(s.warn.source[1] == WarnSource::Channel);
  CHECK(s.warn.source[3] == WarnSource::None);
  CHECK(s.warn.source[0] == WarnSource::None);
}

TEST_CASE("a wheelchair user who needs help is taken only to a step-free shelter") {
  Model m = builders::street_grid(5, 5, 100.0, 3.0);
  builders::add_shelter(m, NodeId{1}, 500, "gym with steps", /*step_free=*/false);
  builders::add_shelter(m, NodeId{24}, 500, "school", /*step_free=*/true);
  m.population.add(75, Mobility::Wheelchair, true, true, HouseholdId{0}, {200.0, 0.0});
  m.plan.warning_time = 60.0;
  m.plan.response.teams.push_back(squad(NodeId{20}, 1.5));
  m.run.duration = 2 * 3600.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const SimState& s = sim.state();
  REQUIRE(s.status[0] == Status::Sheltered);
  CHECK(s.shelter[0] == ShelterId{1});
  CHECK(m.world.shelters[s.shelter[0].index()].step_free);
  CHECK(s.start_time[0] >= s.response.tasks.at(0).arrived);
}
