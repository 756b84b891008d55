#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "engine/routing/navigation.hpp"
#include "engine/scenes/builders.hpp"
#include "engine/test_support.hpp"

using namespace ss;

namespace {

void all_walk_at(Model& m, double speed) {
  builders::instant_departure(m);
  m.params.residents.speed_by_age.fill(speed);
}

void check_conservation(const Model& m, const SimState& s) {
  REQUIRE(testing::conservation_error(m, s).empty());
}

}  // namespace

TEST_CASE("RiMEA test 1: one person walks a 40 m corridor in 26 to 34 s") {
  Model m = builders::corridor(40.0, 2.0);
  builders::add_residents(m, {0.0, 0.0}, 1);
  all_walk_at(m, 1.33);  // RiMEA 1 free speed
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  REQUIRE(sim.state().status[0] == Status::Sheltered);
  const double t = sim.state().arrival_time[0] - sim.state().start_time[0];
  CHECK(t >= 26.0);
  CHECK(t <= 34.0);
  CHECK(t == Approx(40.0 / 1.33).margin(1.0));
  CHECK(sim.state().distance[0] == Approx(40.0).margin(0.01));
}

TEST_CASE("a junction passes at most specific flow times width persons per second") {
  // 300 people start on the first half of a 1 m wide street; the junction in the
  // middle lets 1.22 P/s through (Weidmann maximum specific flow × 1 m).
  Model m = builders::corridor(40.0, 1.0, 2, 1000);
  builders::add_residents(m, {5.0, 0.0}, 300);
  all_walk_at(m, 1.34);
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  REQUIRE(sim.state().occupancy[0] == 300);
  std::vector<float> arrivals(sim.state().arrival_time.begin(), sim.state().arrival_time.end());
  std::sort(arrivals.begin(), arrivals.end());
  // Steady flow between the 50th and the 250th arrival.
  const double flow = 200.0 / (arrivals[249] - arrivals[49]);
  CHECK(flow <= 1.22 * 1.0 + 0.05);
  CHECK(flow >= 0.9);
}

TEST_CASE("queues spill back: no street ever holds more than its storage capacity") {
  Model m = builders::street_grid(4, 4, 30.0, 2.0);
  builders::add_shelter(m, NodeId{0}, 5000);
  for (int k = 0; k < 16; ++k) builders::add_residents(m, {30.0 * (k % 4), 30.0 * (k / 4) + 10.0}, 60);
  all_walk_at(m, 1.3);
  m.params.movement.stuck_time = std::numeric_limits<double>::infinity();  // strict storage
  m.finalize();
  Simulation sim(m, 3);
  bool queue_seen = false;
  while (!sim.finished()) {
    sim.step();
    const SimState& s = sim.state();
    check_conservation(m, s);
    for (std::size_t e = 0; e < m.world.streets.edge_count(); ++e) {
      const auto cap = storage_capacity(m.world.streets, EdgeId{e}, m.params.movement);
      REQUIRE(s.edge_count[e] <= cap);
      if (s.edge_count[e] == cap) queue_seen = true;
    }
  }
  CHECK(queue_seen);
  CHECK(sim.state().occupancy[0] == 960);
}

TEST_CASE("a full shelter sends newcomers on to the next nearest one") {
  Model m = builders::corridor(200.0, 3.0, 4, 10);  // shelter "exit" at x = 200, room for 10
  builders::add_shelter(m, NodeId{0}, 100, "far");  // at x = 0
  builders::add_residents(m, {150.0, 0.0}, 30);
  all_walk_at(m, 1.3);
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const SimState& s = sim.state();
  CHECK(s.occupancy[0] == 10);
  CHECK(s.occupancy[1] == 20);
  CHECK(s.shelter_full[0] == 1);
  CHECK(!std::isnan(s.shelter_full_time[0]));
  for (std::size_t i = 0; i < m.population.size(); ++i) CHECK(s.status[i] == Status::Sheltered);
  check_conservation(m, s);
}

TEST_CASE("when every shelter is full the rest are stranded with shelters_full") {
  Model m = builders::corridor(60.0, 3.0, 2, 5);
  builders::add_residents(m, {30.0, 0.0}, 12);
  all_walk_at(m, 1.3);
  m.run.duration = 600.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const RunMetrics r = compute_metrics(m, sim.state());
  CHECK(r.overall.by_outcome[static_cast<std::size_t>(Outcome::Sheltered)] == 5);
  CHECK(r.overall.by_outcome[static_cast<std::size_t>(Outcome::SheltersFull)] == 7);
}

TEST_CASE("closing the only road strands residents, and reopening lets them through") {
  Model m = builders::corridor(90.0, 3.0, 3, 100);
  builders::add_residents(m, {10.0, 0.0}, 5);
  all_walk_at(m, 1.3);
  m.finalize();
  Simulation sim(m, 1);
  REQUIRE(sim.apply({Intervention::Kind::CloseRoad, 1, "bridge closed"}));
  sim.run_until(120.0);
  for (std::size_t i = 0; i < 5; ++i) CHECK(sim.state().status[i] == Status::Stranded);
  CHECK(outcome_of(m, sim.state(), ResidentId{0}) == Outcome::NoRoute);
  REQUIRE(sim.apply({Intervention::Kind::OpenRoad, 1, "bridge reopened"}));
  sim.run_to_end();
  for (std::size_t i = 0; i < 5; ++i) CHECK(sim.state().status[i] == Status::Sheltered);
  REQUIRE(sim.state().records.journal.size() == 2);
  CHECK(sim.state().records.journal[0].time == 0.0);
  CHECK(sim.state().records.journal[1].time == Approx(120.0));
  CHECK(sim.state().records.journal[1].intervention.kind == Intervention::Kind::OpenRoad);
  CHECK_FALSE(sim.apply({Intervention::Kind::CloseRoad, 99, "no such road"}));
}

TEST_CASE("walkers turn around when the road ahead closes") {
  // Shelters at both ends of a 200 m street; people start nearer the east one.
  Model m = builders::corridor(200.0, 3.0, 4, 100);
  builders::add_shelter(m, NodeId{0}, 100, "west");
  builders::add_residents(m, {110.0, 0.0}, 3);
  all_walk_at(m, 1.0);
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(20.0);
  REQUIRE(sim.state().status[0] == Status::Moving);
  sim.apply({Intervention::Kind::CloseRoad, 3, "fire"});  // the last segment before the east shelter
  sim.run_to_end();
  CHECK(sim.state().occupancy[1] == 3);
  CHECK(sim.state().records.warnings.turned_around >= 3);
}

TEST_CASE("wheelchair users avoid steps and go to step-free shelters") {
  // Square 0-1-3-2: a short way 0→1 down steps to a shelter without step-free access
  // (quicker for walkers than the 100 m round: 50 m at the stair's descending speed),
  // and a step-free shelter at node 3.
  Model m = builders::street_grid(2, 2, 50.0, 3.0);
  StreetGraph& g = m.world.streets;
  for (std::size_t e = 0; e < g.edge_count(); ++e)
    if (g.edge_from[e] == NodeId{0} && g.edge_to[e] == NodeId{1}) {
      g.edge_kind[e] = StreetKind::Steps;
      g.edge_rise[e] = -3.0f;
    }
  builders::add_shelter(m, NodeId{1}, 50, "school with stairs", false);
  builders::add_shelter(m, NodeId{3}, 50, "sports hall", true);
  builders::add_residents(m, {0.0, 5.0}, 3, 50, Mobility::Wheelchair);
  builders::add_residents(m, {0.0, 5.0}, 3, 50, Mobility::Walks);
  all_walk_at(m, 1.2);
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  for (std::size_t i = 0; i < 3; ++i) CHECK(sim.state().shelter[i] == ShelterId{1});
  for (std::size_t i = 3; i < 6; ++i) CHECK(sim.state().shelter[i] == ShelterId{0});
}

TEST_CASE("bedridden residents wait for help and are reported as needing assistance") {
  Model m = builders::corridor(50.0, 3.0);
  builders::add_residents(m, {10.0, 0.0}, 2, 85, Mobility::Bedridden);
  builders::add_residents(m, {10.0, 0.0}, 2, 40);
  all_walk_at(m, 1.2);
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  CHECK(sim.state().status[0] == Status::WaitingForHelp);
  CHECK(outcome_of(m, sim.state(), ResidentId{1}) == Outcome::NeedsAssistance);
  CHECK(sim.state().status[2] == Status::Sheltered);
}

TEST_CASE("nobody leaves before the warning plus their pre-movement time") {
  Model m = builders::corridor(50.0, 3.0);
  builders::add_residents(m, {10.0, 0.0}, 50);
  m.plan.warning_time = 300.0;
  m.finalize();
  Simulation sim(m, 11);
  sim.run_to_end();
  const SimState& s = sim.state();
  for (std::size_t i = 0; i < 50; ++i) {
    CHECK(s.warned_time[i] == 300.0f);
    CHECK(s.start_time[i] >= 300.0f + s.premove[i] - 1e-3f);
    CHECK(s.start_time[i] <= 300.0f + s.premove[i] + 1.0f + 1e-3f);
  }
}

TEST_CASE("plans that assign shelters by zone send each zone to its shelter") {
  Model m = builders::corridor(300.0, 3.0, 3, 100);
  builders::add_shelter(m, NodeId{0}, 100, "west");
  m.world.zones.push_back({"middle", Ring{{140, -50}, {160, -50}, {160, 50}, {140, 50}}});
  builders::add_residents(m, {155.0, 0.0}, 4);  // in the zone; nearest would be east
  builders::add_residents(m, {250.0, 0.0}, 4);  // outside every zone: nearest (east)
  m.plan.assignment = Plan::Assignment::ByZone;
  m.plan.zone_shelter = {ShelterId{1}, ShelterId{}};  // middle → west shelter; others nearest
  all_walk_at(m, 1.3);
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  for (std::size_t i = 0; i < 4; ++i) CHECK(sim.state().shelter[i] == ShelterId{1});
  for (std::size_t i = 4; i < 8; ++i) CHECK(sim.state().shelter[i] == ShelterId{0});
  CHECK(m.home_zone[0] == ZoneId{0});
  CHECK(m.home_zone[4] == ZoneId{1});
}

TEST_CASE("opposite flows on a narrow street do not lock each other up") {
  // West residents are assigned the east shelter and east residents the west one,
  // so two crowds meet head-on in a 1 m wide lane.
  Model m = builders::corridor(60.0, 1.0, 3, 500);  // "exit" at x = 60
  builders::add_shelter(m, NodeId{0}, 500, "west");
  m.world.zones.push_back({"west", Ring{{-1, -5}, {20, -5}, {20, 5}, {-1, 5}}});
  m.world.zones.push_back({"east", Ring{{40, -5}, {61, -5}, {61, 5}, {40, 5}}});
  builders::add_residents(m, {10.0, 0.0}, 80);
  builders::add_residents(m, {50.0, 0.0}, 80);
  m.plan.assignment = Plan::Assignment::ByZone;
  m.plan.zone_shelter = {ShelterId{0}, ShelterId{1}, ShelterId{}};
  all_walk_at(m, 1.3);
  m.run.duration = 3600.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  CHECK(sim.state().occupancy[0] == 80);
  CHECK(sim.state().occupancy[1] == 80);
}

TEST_CASE("at a junction, residents bound for a free street pass those waiting for a narrow one") {
  // Junction J (node 1) of a 3 × 2 grid, 30 m apart. 80 residents assigned shelter A
  // beyond a 0.3 m path (1–4: one person per 2.6 s) reach J first; 80 assigned
  // shelter B along a 3 m street (1–2) arrive behind them on the same street. Those
  // waiting for the path must not hold up those going on along the free street: the
  // waiting are kept in one line per way on, not one per street end.
  Model m = builders::street_grid(3, 2, 30.0, 3.0);
  StreetGraph& g = m.world.streets;
  for (std::size_t e = 0; e < g.edge_count(); ++e)
    if ((g.edge_from[e] == NodeId{1} && g.edge_to[e] == NodeId{4}) ||
        (g.edge_from[e] == NodeId{4} && g.edge_to[e] == NodeId{1}))
      g.edge_width[e] = 0.3f;
  const ShelterId a = builders::add_shelter(m, NodeId{4}, 500, "A");
  const ShelterId b = builders::add_shelter(m, NodeId{2}, 500, "B");
  m.world.zones.push_back({"near", Ring{{7, -2}, {12, -2}, {12, 2}, {7, 2}}});
  m.world.zones.push_back({"far", Ring{{1, -2}, {5, -2}, {5, 2}, {1, 2}}});
  builders::add_residents(m, {9.0, 0.0}, 80);  // residents 0–79, 21 m before J
  builders::add_residents(m, {3.0, 0.0}, 80);  // residents 80–159, 27 m before J
  m.plan.assignment = Plan::Assignment::ByZone;
  m.plan.zone_shelter = {a, b, ShelterId{}};
  all_walk_at(m, 1.3);
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const SimState& s = sim.state();
  std::vector<float> to_a, to_b;
  for (std::size_t i = 0; i < 160; ++i) {
    REQUIRE(s.status[i] == Status::Sheltered);
    (i < 80 ? to_a : to_b).push_back(s.arrival_time[i]);
    CHECK(s.shelter[i] == (i < 80 ? a : b));
  }
  std::sort(to_a.begin(), to_a.end());
  std::sort(to_b.begin(), to_b.end());
  // B's crowd leaves J at its street's exit credit, 3.9 P/s, while A's waits at one
  // person per 2.6 s: all of B's are in before half of A's.
  CHECK(to_b.back() < to_a[39]);
  CHECK(to_a.back() > 150.0);  // the path did hold A's crowd
  check_conservation(m, s);
}

TEST_CASE("streets shorter than one step's walk are crossed without losing anyone") {
  // 200 segments of 0.2 m: walkers cross several per second of walking, and the
  // queue bookkeeping must stay exact.
  Model m = builders::corridor(40.0, 2.0, 200, 100);
  builders::add_residents(m, {1.0, 0.0}, 30);
  all_walk_at(m, 1.3);
  m.finalize();
  Simulation sim(m, 1);
  while (!sim.finished()) {
    sim.step();
    check_conservation(m, sim.state());
  }
  CHECK(sim.state().occupancy[0] == 30);
}

TEST_CASE(
    "residents who find every shelter full wait where they are, counted by place, and go on when one opens") {
  // A 60 m street with room for 5 at its east end; 12 leave from the middle. A second
  // shelter at the west end opens at 10 min: those waiting go there.
  Model m = builders::corridor(60.0, 3.0, 2, 5);
  builders::add_residents(m, {30.0, 0.0}, 12);
  const ShelterId late = builders::add_shelter(m, NodeId{0}, 100, "opens late");
  m.world.shelters[late.index()].open_time = 600.0;
  all_walk_at(m, 1.3);
  m.run.duration = 1200.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(300.0);
  const SimState& s = sim.state();
  CHECK(s.occupancy[0] == 5);
  // The seven turned away wait, off the list of residents walked every step.
  std::size_t stranded = 0;
  for (const Status st : s.status) stranded += st == Status::Stranded;
  CHECK(stranded == 7);
  CHECK(s.parked.size() == 7);
  CHECK(s.active.empty());
  const RunMetrics r = compute_metrics(m, s);
  CHECK(r.overall.by_outcome[static_cast<std::size_t>(Outcome::SheltersFull)] == 7);
  CHECK(r.shelters_full_waits.at_home + r.shelters_full_waits.at_shelters +
            r.shelters_full_waits.on_streets ==
        7);
  CHECK(r.shelters_full_waits.at_shelters == 7);  // all walked to the full shelter's door first
  CHECK(r.shelters[0].waiting_outside == 7);
  // The run does not end while they wait; when the west shelter opens they go there.
  sim.run_to_end();
  CHECK(sim.state().occupancy[late.index()] == 7);
  CHECK(sim.state().parked.empty());
  for (const Status st : sim.state().status) CHECK(st == Status::Sheltered);
  check_conservation(m, sim.state());
}

TEST_CASE("residents stranded before they leave home wait at home, and set off when a shelter opens") {
  Model m = builders::corridor(60.0, 3.0, 2, 10);
  builders::add_residents(m, {30.0, 0.0}, 4);
  all_walk_at(m, 1.3);
  m.run.duration = 600.0;
  m.finalize();
  Simulation sim(m, 1);
  REQUIRE(sim.apply({Intervention::Kind::CloseShelter, 0, "not staffed yet"}));
  sim.run_until(120.0);
  CHECK(sim.time() == Approx(120.0));  // waiting residents keep the run going
  RunMetrics r = compute_metrics(m, sim.state());
  CHECK(r.overall.by_outcome[static_cast<std::size_t>(Outcome::SheltersFull)] == 4);
  CHECK(r.shelters_full_waits.at_home == 4);
  CHECK(sim.state().parked.size() == 4);
  REQUIRE(sim.apply({Intervention::Kind::OpenShelter, 0, "staff arrived"}));
  sim.run_to_end();
  r = compute_metrics(m, sim.state());
  CHECK(r.overall.by_outcome[static_cast<std::size_t>(Outcome::Sheltered)] == 4);
  for (std::size_t i = 0; i < 4; ++i) CHECK(sim.state().start_time[i] >= 120.0f);
}

TEST_CASE("residents whose street is full step out as it empties, in a fixed order, and all get away") {
  // 400 residents ready at once on a 40 m × 1 m street that holds fewer: the rest
  // wait at home and try again each step; they go in the active list's order.
  Model m = builders::corridor(40.0, 1.0);
  builders::add_residents(m, {20.0, 0.0}, 400);
  all_walk_at(m, 1.2);
  m.run.duration = 3600.0;
  m.finalize();
  const double capacity = m.params.movement.storage_density * 40.0 * 1.0;
  REQUIRE(capacity < 400.0);
  Simulation sim(m, 1);
  sim.run_until(2.0);
  std::size_t at_home = 0;
  for (std::size_t i = 0; i < 400; ++i) at_home += std::isnan(sim.state().start_time[i]);
  CHECK(at_home >= 400 - static_cast<std::size_t>(capacity));
  sim.run_to_end();
  const SimState& s = sim.state();
  for (std::size_t i = 0; i < 400; ++i) REQUIRE(s.status[i] == Status::Sheltered);
  for (std::size_t i = 1; i < 400; ++i) CHECK(s.start_time[i - 1] <= s.start_time[i]);
  CHECK(s.start_time[399] > s.start_time[0] + 10.0f);
  check_conservation(m, s);
}
