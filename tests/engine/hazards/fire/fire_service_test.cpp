// The fire service on toy networks: an engine's arrival is the shortest-path time on
// lanes wide enough, a blocked lane found on the way adds exactly its detour, the hose
// lay follows the distance, and a quick engine with a working hydrant keeps a fire to
// its building (and brings out the bedridden resident) where the same fire left alone
// spreads.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <memory>

#include "engine/core/simulation.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"
#include "engine/scenes/builders.hpp"

using namespace ss;

namespace {

Building house(Vec2 c, double side = 10.0) {
  Building b;
  const double h = side / 2.0;
  b.outline = {{c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}};
  b.area = side * side;
  b.centroid = c;
  b.levels = 2;
  b.kind = "house";
  return b;
}

// Fire-resistant two-storey houses in calm air: Hamada's crosswind time across a 5 m
// gap is about 18 min, long enough for an engine to matter.
FireDesc calm_fire(const std::vector<Building>& houses) {
  FireDesc f;
  f.constructions = {{"concrete", 1.0, false}};
  f.uses = {{"dwelling", 780e6, 300.0, 250e3}};
  for (const Building& b : houses) f.buildings.push_back({b.centroid, 10.0, 200.0, 6.0, 0, 0});
  f.ignitions = {{0.0, 0}};
  f.wind = {{0.0}, {0.0}, {270.0}};
  f.grid = {{-100.0, -200.0}, 20.0, 45, 25};
  return f;
}

FireServiceDesc one_station(NodeId node, CrewKind crew = CrewKind::Professional) {
  FireServiceDesc s;
  s.enabled = true;
  s.types = default_appliance_types();
  FireStation st;
  st.name = "station";
  st.node = node;
  st.crew = crew;
  const Turnout t = default_turnout(crew);
  st.turnout_day = t.day;
  st.turnout_night = t.night;
  st.appliances = {0, 0, 1};  // two HLF 20, one DLK 23/12
  s.stations.push_back(st);
  return s;
}

void make_roads(Model& m) {
  for (auto& k : m.world.streets.edge_kind) k = StreetKind::Residential;
}

EdgeId edge_between(const StreetGraph& g, Vec2 a, Vec2 b) {
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const Vec2 p = g.node_pos[g.edge_from[e].index()], q = g.node_pos[g.edge_to[e].index()];
    if ((distance(p, a) < 1e-6 && distance(q, b) < 1e-6) || (distance(p, b) < 1e-6 && distance(q, a) < 1e-6))
      return EdgeId{e};
  }
  return EdgeId{};
}

const FireServiceRun& service_run(const Model& m, const Simulation& sim) {
  return find_fire_run(m, sim.state())->service;
}

constexpr double kResidentialSpeed = 8.3;  // m/s, FireServiceParams::speed
constexpr double kAlarm = 120.0 + 90.0;    // detection + call handling
constexpr double kTurnout = 80.0;          // professional crew

// Two parallel streets 100 m apart (y = 0 and y = 100), nodes every 100 m from x = 0
// to 600 and cross streets at every node; the station at (0, 0); one house 10 m
// south of the southern street at x = 500.
Model ladder_town(bool block, bool known, double sensor_delay = std::numeric_limits<double>::quiet_NaN()) {
  Model m = builders::street_grid(7, 2, 100.0, 6.0);
  make_roads(m);
  builders::add_shelter(m, NodeId{13}, 100);
  builders::add_residents(m, {0.0, 100.0}, 1);
  m.world.buildings.push_back(house({500.0, -15.0}));
  FireDesc f = calm_fire(m.world.buildings);
  f.service = one_station(NodeId{0});
  if (block) {
    Obstruction o;
    o.edge = edge_between(m.world.streets, {200.0, 0.0}, {300.0, 0.0});
    o.kind = "parked_car";
    o.width = 4.0;  // 6 m (5 m carriageway by class) less 4 m: too narrow
    o.known = known;
    REQUIRE(o.edge.valid());
    f.service.obstructions.push_back(o);
  }
  f.service.params.sensor_delay = sensor_delay;
  m.hazards.push_back(std::make_shared<FireHazard>(std::move(f)));
  m.run.duration = 1200.0;
  m.finalize();
  return m;
}

double first_arrival(const Model& m) {
  Simulation sim(m, 1);
  sim.run_until(900.0);
  const FireServiceRun& r = service_run(m, sim);
  REQUIRE_FALSE(r.tasks.empty());
  return r.tasks.front().arrived;
}

}  // namespace

TEST_CASE("an engine arrives after alarm, turnout and the shortest drive on lanes wide enough") {
  const Model m = ladder_town(false, false);
  Simulation sim(m, 1);
  sim.run_until(900.0);
  const FireServiceRun& r = service_run(m, sim);
  REQUIRE(r.incidents.size() == 1);
  REQUIRE(r.tasks.size() >= 2);
  const ApplianceTask& t = r.tasks.front();
  // 500 m along the southern street to the point in front of the house.
  CHECK(t.arrived == Approx(kAlarm + kTurnout + 500.0 / kResidentialSpeed).epsilon(1e-6));
  CHECK(t.drive == Approx(t.planned_drive));
  CHECK(t.reroutes == 0);
  CHECK(r.incidents[0].first_engine == Approx(t.arrived));
}

TEST_CASE(
    "a blocked lane found on the way adds exactly its detour, and a known one is driven around from the "
    "start") {
  const double clear = first_arrival(ladder_town(false, false));
  const Model hidden = ladder_town(true, false);
  Simulation sim(hidden, 1);
  sim.run_until(900.0);
  const ApplianceTask& t = service_run(hidden, sim).tasks.front();
  // Found at (200, 0): up, along and down again costs 200 m more than the blocked 100 m.
  CHECK(t.arrived - clear == Approx(200.0 / kResidentialSpeed).epsilon(1e-6));
  CHECK(t.drive - t.planned_drive == Approx(200.0 / kResidentialSpeed).epsilon(1e-6));
  CHECK(t.reroutes == 1);
  // The first engine reports it by radio when it finds it: from then on dispatch knows
  // (the second engine, sent at the same moment, met it too).
  const EdgeId blocked = edge_between(hidden.world.streets, {200.0, 0.0}, {300.0, 0.0});
  CHECK(service_run(hidden, sim).known_since[blocked.index()] ==
        Approx(kAlarm + kTurnout + 200.0 / kResidentialSpeed).epsilon(1e-6));
  CHECK(service_run(hidden, sim).tasks[1].arrived == Approx(t.arrived));

  const Model known = ladder_town(true, true);
  Simulation k(known, 1);
  k.run_until(900.0);
  const ApplianceTask& tk = service_run(known, k).tasks.front();
  CHECK(tk.reroutes == 0);
  CHECK(tk.drive == Approx(tk.planned_drive));
  CHECK(tk.arrived == Approx(t.arrived).epsilon(1e-6));  // the same way round, planned
}

TEST_CASE("a house beyond the attack reach costs the hose lay at laying speed") {
  for (const double y : {90.0, 150.0}) {
    Model m = builders::corridor(600.0, 6.0, 6);
    make_roads(m);
    m.world.buildings.push_back(house({300.0, y}));
    builders::add_residents(m, {0.0, 0.0}, 1);
    FireDesc f = calm_fire(m.world.buildings);
    f.service = one_station(NodeId{0});
    m.hazards.push_back(std::make_shared<FireHazard>(std::move(f)));
    m.run.duration = 1200.0;
    m.finalize();
    Simulation sim(m, 1);
    sim.run_until(900.0);
    const ApplianceTask& t = service_run(m, sim).tasks.front();
    const double d = y - 5.0;  // street to the footprint's south wall
    const FireServiceParams p;
    CHECK(t.hose == Approx(d));
    CHECK(t.hose_lay_delay == Approx((d - p.attack_reach) / p.lay_speed));
    CHECK(t.water_on - t.arrived == Approx(p.setup_time + (d - p.attack_reach) / p.lay_speed));
  }
}

TEST_CASE("a quick engine with a working hydrant keeps the fire to its house, unattended it spreads") {
  // Three houses 5 m apart along a street, the middle one set on fire, a bedridden
  // resident at home in it.
  auto town = [](bool service) {
    Model m = builders::corridor(400.0, 6.0, 4);
    make_roads(m);
    builders::add_shelter(m, NodeId{0}, 100);
    m.world.buildings = {house({200.0, 20.0}), house({185.0, 20.0}), house({215.0, 20.0})};
    FireDesc f = calm_fire(m.world.buildings);
    if (service) {
      f.service = one_station(NodeId{4});
      f.service.hydrants.push_back({{210.0, 0.0}, "H1", 1});
    }
    m.hazards.push_back(std::make_shared<FireHazard>(std::move(f)));
    builders::add_residents(m, {200.0, 20.0}, 1, 85, Mobility::Bedridden);
    m.run.duration = 3 * 3600.0;
    m.finalize();
    return m;
  };
  const Model alone = town(false), fought = town(true);
  Simulation a(alone, 7), b(fought, 7);
  a.run_until(3 * 3600.0);
  b.run_until(3 * 3600.0);
  CHECK(find_fire_run(alone, a.state())->spread.order.size() == 3);
  const FireRun& run = *find_fire_run(fought, b.state());
  CHECK(run.spread.order.size() == 1);
  CHECK_FALSE(std::isnan(run.service.controlled[0]));
  CHECK(run.state_of(0, b.time(), find_fire(fought)->course()) == BuildingFireState::Extinguished);
  REQUIRE_FALSE(run.service.tasks.empty());
  CHECK(run.service.tasks.front().hydrant == 0);
  CHECK(run.service.tasks.front().waiting_for_water == 0.0);
  // The bedridden resident is carried down the stairs before the smoke incapacitates her.
  CHECK_FALSE(std::isnan(run.service.rescued_time[0]));
  CHECK(std::isnan(run.incapacitated_time[0]));
}

TEST_CASE("without a working hydrant the engine runs dry until a water tender comes") {
  Model m = builders::corridor(400.0, 6.0, 4);
  make_roads(m);
  m.world.buildings = {house({200.0, 20.0})};
  builders::add_residents(m, {0.0, 0.0}, 1);
  FireDesc f = calm_fire(m.world.buildings);
  f.uses[0].growth_time = 75.0;  // a fast fire: fully involved when the engine comes
  f.service = one_station(NodeId{4});
  f.service.stations[0].appliances = {0};                 // one pumper, no tender
  f.service.hydrants.push_back({{210.0, 0.0}, "H1", 0});  // out of service
  m.hazards.push_back(std::make_shared<FireHazard>(std::move(f)));
  m.run.duration = 3600.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(3600.0);
  const FireServiceRun& r = service_run(m, sim);
  REQUIRE_FALSE(r.tasks.empty());
  CHECK(r.tasks.front().hydrant == -1);
  CHECK(r.tasks.front().waiting_for_water > 0.0);  // 2000 L last 2.5 min at 800 L/min
  CHECK(r.incidents.front().tanker_requested);
}

TEST_CASE("the same seed gives the same fire service run") {
  const Model m = ladder_town(true, false);
  Simulation a(m, 3), b(m, 3);
  a.run_until(1200.0);
  b.run_until(1200.0);
  const FireServiceRun &ra = service_run(m, a), &rb = service_run(m, b);
  REQUIRE(ra.tasks.size() == rb.tasks.size());
  for (std::size_t k = 0; k < ra.tasks.size(); ++k) {
    CHECK(ra.tasks[k].arrived == rb.tasks[k].arrived);
    CHECK(std::isnan(ra.tasks[k].water_on) == std::isnan(rb.tasks[k].water_on));
    if (!std::isnan(ra.tasks[k].water_on)) CHECK(ra.tasks[k].water_on == rb.tasks[k].water_on);
  }
}

TEST_CASE("a sensor network reports a blocked lane to dispatch after its delay") {
  // The hidden car of ladder_town, reported a minute into the run, long before the
  // alarm: the engine plans around it.
  const Model m = ladder_town(true, false, 60.0);
  Simulation sim(m, 1);
  sim.run_until(900.0);
  const ApplianceTask& t = service_run(m, sim).tasks.front();
  CHECK(t.reroutes == 0);
  CHECK(t.drive == Approx(t.planned_drive));
  CHECK(t.drive == Approx(700.0 / kResidentialSpeed).epsilon(1e-6));  // the way round, planned
}

TEST_CASE("two fires at once: the one pumper goes first where someone cannot leave alone") {
  // Fires at both ends of a street, the station near the west house; a bedridden
  // resident lives in the east one.
  Model m = builders::corridor(600.0, 6.0, 6);
  make_roads(m);
  m.world.buildings = {house({40.0, 20.0}), house({560.0, 20.0})};
  builders::add_residents(m, {560.0, 20.0}, 1, 85, Mobility::Bedridden);
  FireDesc f = calm_fire(m.world.buildings);
  f.ignitions = {{0.0, 0}, {0.0, 1}};
  f.service = one_station(NodeId{1});  // x = 100: 60 m from the west house, 460 m from the east
  f.service.stations[0].appliances = {0};
  f.service.params.first_alarm = {ApplianceKind::Pumper};
  m.hazards.push_back(std::make_shared<FireHazard>(std::move(f)));
  m.run.duration = 1200.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(600.0);
  const FireServiceRun& r = service_run(m, sim);
  REQUIRE(r.tasks.size() >= 1);
  CHECK(r.tasks.front().building == 1);  // life risk before distance and alarm order
  CHECK(r.tasks.front().dispatched == Approx(kAlarm));
  // The west fire waits until the east one is under control and the resident is out.
  if (r.tasks.size() > 1) {
    CHECK(r.tasks[1].building == 0);
    CHECK(r.tasks[1].dispatched > r.tasks.front().arrived);
  }
  CHECK_FALSE(std::isnan(r.rescued_time[0]));
}
