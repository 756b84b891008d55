// What the network model records per street as people move (RunRecords::streets):
// the fullest it got, the busiest minute of people leaving it, and how long a queue
// stood at its ends — checked against the state watched step by step.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/core/simulation.hpp"
#include "engine/core/state_hash.hpp"
#include "engine/routing/navigation.hpp"
#include "engine/scenes/builders.hpp"

using namespace ss;

TEST_CASE("a street records its fullest count, its busiest minute of flow and its time with a queue") {
  // 300 people start on the first half of a 1 m wide street; the junction in the
  // middle lets 1.22 P/s through (Weidmann maximum specific flow × 1 m), so a queue
  // stands there for minutes.
  Model m = builders::corridor(40.0, 1.0, 2, 1000);
  builders::add_residents(m, {5.0, 0.0}, 300);
  builders::instant_departure(m);
  m.params.residents.speed_by_age.fill(1.34);
  m.finalize();
  Simulation sim(m, 1);
  const std::size_t edges = m.world.streets.edge_count();
  std::vector<std::uint32_t> fullest(edges, 0);
  std::vector<std::uint64_t> queued_steps(edges, 0);
  std::vector<std::uint64_t> minute_passages;
  const auto per_minute = static_cast<std::uint64_t>(std::lround(StreetRecords::kFlowWindow / m.run.dt));
  std::uint64_t before = 0;
  while (!sim.finished()) {
    sim.step();
    const SimState& s = sim.state();
    for (std::size_t e = 0; e < edges; ++e) {
      fullest[e] = std::max(fullest[e], s.edge_count[e]);
      if (s.edge_queued[e] > 0) ++queued_steps[e];
    }
    if (s.step % per_minute == 0) {
      minute_passages.push_back(s.records.edge_passages[1] - before);
      before = s.records.edge_passages[1];
    }
  }
  minute_passages.push_back(sim.state().records.edge_passages[1] - before);
  const SimState& s = sim.state();
  REQUIRE(s.occupancy[0] == 300);
  const StreetRecords& rec = s.records.streets;
  for (std::size_t e = 0; e < edges; ++e) {
    INFO("edge " << e);
    // Counts only rise when someone enters, so the fullest seen between steps is a floor.
    CHECK(rec.peak_count[e] >= fullest[e]);
    CHECK(rec.peak_count[e] <= 300);
    // Queues start and end within steps: the steps that ended with one standing.
    CHECK(rec.queue_steps[e] == queued_steps[e]);
  }
  // Doors open onto the first half until it holds its storage capacity (spill-back
  // into the homes): the most it held, reached as the step's departures come last.
  CHECK(rec.peak_count[0] == fullest[0]);
  CHECK(rec.peak_count[0] >= storage_capacity(m.world.streets, EdgeId{0}, m.params.movement));
  CHECK(queued_steps[0] * m.run.dt > 120.0);  // 300 people at 1.22 P/s
  // Everyone who left the first half entered the second: its busiest minute.
  const auto busiest = *std::max_element(minute_passages.begin(), minute_passages.end());
  CHECK(rec.peak_flow[0] == busiest);
  CHECK(rec.peak_flow[0] <= 1.22 * 1.0 * 60.0 + 1.0);
  CHECK(rec.peak_flow[0] >= 0.9 * 60.0);
  // The second half let everyone into the shelter; the shelter node has no queue limit
  // but the edge's end does (its exit credit).
  CHECK(rec.peak_flow[1] > 0);
}

TEST_CASE("the street records are part of the state: a snapshot resumes to the same records and hash") {
  Model m = builders::corridor(40.0, 1.0, 2, 1000);
  builders::add_residents(m, {5.0, 0.0}, 100);
  builders::instant_departure(m);
  m.finalize();
  Simulation sim(m, 2);
  for (int k = 0; k < 40; ++k) sim.step();
  const SimState snapshot = sim.state();
  sim.run_to_end();
  const std::uint64_t straight = state_hash(sim.state());
  const std::vector<std::uint64_t> queue = sim.state().records.streets.queue_steps;

  Simulation again(m, 2);
  again.restore(snapshot);
  again.run_to_end();
  CHECK(again.state().records.streets.queue_steps == queue);
  CHECK(state_hash(again.state()) == straight);
  // The hash sees the records: a changed peak changes it.
  SimState changed = again.state();
  ++changed.records.streets.peak_flow[0];
  CHECK(state_hash(changed) != straight);
}
