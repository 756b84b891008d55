// Whole-scenario tests on the bundled real town (Lauf an der Pegnitz, OSM + SRTM).
#include <catch2/catch.hpp>

#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "engine/core/state_hash.hpp"
#include "engine/test_support.hpp"
#include "scenarios/loader/assemble.hpp"

using namespace ss;

namespace {

const scenarios::Assembly& town() {
  static const scenarios::Assembly a = scenarios::assemble_file(SAFESTREET_SOURCE_DIR "/scenarios/lauf.yaml");
  return a;
}

}  // namespace

TEST_CASE("the bundled town loads with about 25,000 residents and room for all of them") {
  const Model& m = town().model;
  CHECK(m.population.size() == 25000);
  CHECK(m.world.streets.edge_count() > 3000);
  CHECK(town().shelters.capacity > static_cast<std::int64_t>(m.population.size()));
  CHECK(m.world.crs_name.find("UTM zone 32N") != std::string::npos);
}

TEST_CASE("in the bundled town every resident ends in exactly one final state") {
  const Model& m = town().model;
  Simulation sim(m, 1);
  while (!sim.finished()) {
    sim.step();
    if (sim.state().step % 120 == 0) REQUIRE(testing::conservation_error(m, sim.state()) == "");
  }
  const RunMetrics r = compute_metrics(m, sim.state());
  std::uint32_t total = 0;
  for (const auto n : r.overall.by_outcome) total += n;
  CHECK(total == m.population.size());
  std::uint32_t by_status = 0;
  for (const auto n : r.by_status) by_status += n;
  CHECK(by_status == m.population.size());
  // Nobody is both sheltered and somewhere else; shelter counts add up.
  std::int64_t occupied = 0;
  for (const auto& s : r.shelters) {
    CHECK(s.occupancy <= s.capacity);
    occupied += s.occupancy;
  }
  CHECK(occupied == r.overall.safe);
  // Only residents who cannot leave alone can end waiting for help: teams carry the
  // others out, and nobody who can walk is counted as needing assistance.
  std::uint32_t helpless = 0, waiting = 0;
  for (std::size_t i = 0; i < m.population.size(); ++i) {
    const bool cannot_leave =
        m.population.needs_assistance[i] || m.population.mobility[i] == Mobility::Bedridden;
    helpless += cannot_leave ? 1 : 0;
    if (outcome_of(m, sim.state(), ResidentId{i}) == Outcome::NeedsAssistance) {
      ++waiting;
      CHECK(cannot_leave);
    }
  }
  CHECK(r.overall.by_outcome[static_cast<std::size_t>(Outcome::NeedsAssistance)] == waiting);
  CHECK(waiting < helpless);  // the plan's teams reach most of them
}

TEST_CASE("in the bundled town everyone who can walk reaches a shelter when capacity suffices") {
  Model m = town().model;
  for (std::size_t i = 0; i < m.population.size(); ++i) {
    if (m.population.mobility[i] == Mobility::Bedridden) m.population.mobility[i] = Mobility::WalkingAid;
    m.population.needs_assistance[i] = 0;
  }
  m.plan.warning = {};            // everyone warned at the warning time, nobody refuses to leave
  m.run.duration = 8.0 * 3600.0;  // room for the longest pre-movement times
  Simulation sim(m, 3);
  sim.run_to_end();
  const RunMetrics r = compute_metrics(m, sim.state());
  CHECK(r.overall.safe == m.population.size());
  CHECK(r.overall.t100.has_value());
}

TEST_CASE("the bundled town gives identical results for the same seed and different ones for another") {
  const Model& m = town().model;
  Simulation a(m, 21), b(m, 21), c(m, 22);
  a.run_to_end();
  b.run_to_end();
  c.run_to_end();
  CHECK(state_hash(a.state()) == state_hash(b.state()));
  CHECK(state_hash(a.state()) != state_hash(c.state()));
}
