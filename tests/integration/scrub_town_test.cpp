// Scrubbing back in the bundled town (engine/core/snapshot_store.hpp), the plain run
// and the flood: a jump back lands on the straight run's state, the flood's water and
// closures included, and playing on ends where the straight run ends, with live
// decisions taken before and after the scrub point.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "engine/core/metrics.hpp"
#include "engine/core/snapshot_store.hpp"
#include "engine/core/state_hash.hpp"
#include "scenarios/loader/assemble.hpp"

using namespace ss;

namespace {

const scenarios::Assembly& town(const std::string& file) {
  static std::map<std::string, scenarios::Assembly> cache;
  auto it = cache.find(file);
  if (it == cache.end())
    it = cache.emplace(file, scenarios::assemble_file(SAFESTREET_SOURCE_DIR "/scenarios/" + file)).first;
  return it->second;
}

// Live decisions at simulated minutes 12, 40 and 75: a street closed, a shelter
// closed and reopened.
using Decisions = std::multimap<std::uint64_t, Intervention>;
Decisions decisions(const Model& m) {
  const auto s = [&](double minutes) { return static_cast<std::uint64_t>(minutes * 60.0 / m.run.dt); };
  return {{s(12), {Intervention::Kind::CloseRoad, 120, "live", 0.0}},
          {s(40), {Intervention::Kind::CloseShelter, 0, "live", 0.0}},
          {s(75), {Intervention::Kind::OpenShelter, 0, "live", 0.0}}};
}

void apply_due(Simulation& sim, SnapshotStore& store, const Decisions& d) {
  const auto [b, e] = d.equal_range(sim.state().step);
  for (auto it = b; it != e; ++it) {
    REQUIRE(sim.apply(it->second));
    store.sync(sim);
  }
}

void check_scrub(const std::string& file) {
  const Model& m = town(file).model;
  const Decisions d = decisions(m);
  const std::uint64_t min = static_cast<std::uint64_t>(60.0 / m.run.dt);
  const std::vector<std::uint64_t> points{5 * min, 12 * min, 30 * min + 17, 41 * min, 90 * min};
  // Straight: the decisions at their steps, the state's hash at each point.
  std::map<std::uint64_t, std::uint64_t> hash_at;
  Simulation ref(m, m.run.seed);
  {
    SnapshotStore store;
    store.reset(ref);
    for (;;) {
      apply_due(ref, store, d);
      for (const std::uint64_t p : points)
        if (p == ref.state().step) hash_at[p] = state_hash(ref.state());
      if (ref.finished()) break;
      store.step(ref);
    }
  }
  REQUIRE(hash_at.size() == points.size());

  // The same run scrubbed: to 90 min, back to 30:17 (after the first decision,
  // before the others), to 5 and 41 min, then played on to the end.
  Simulation sim(m, m.run.seed);
  SnapshotStore store;
  store.reset(sim);
  while (sim.state().step < 90 * min) {
    apply_due(sim, store, d);
    store.step(sim);
  }
  for (const std::uint64_t p : {90 * min, 30 * min + 17, 5 * min, 41 * min, 12 * min, 30 * min + 17}) {
    store.jump(sim, static_cast<double>(p) * m.run.dt);
    INFO(file << ": jump to step " << p);
    REQUIRE(sim.state().step == p);
    CHECK(state_hash(sim.state()) == hash_at.at(p));
  }
  while (!sim.finished()) {
    apply_due(sim, store, {});  // the store repeats the journaled ones itself
    store.step(sim);
  }
  CHECK(sim.state().step == ref.state().step);
  CHECK(state_hash(sim.state()) == state_hash(ref.state()));
  const RunMetrics a = compute_metrics(m, sim.state()), b = compute_metrics(m, ref.state());
  CHECK(a.overall.by_outcome == b.overall.by_outcome);
  CHECK(a.overall.t90 == b.overall.t90);
  CHECK(a.mean_distance == b.mean_distance);
  CHECK(sim.state().records.journal.size() == ref.state().records.journal.size());
}

}  // namespace

TEST_CASE("the bundled town scrubbed back and played on ends as the straight run, with live decisions") {
  check_scrub("lauf.yaml");
}

TEST_CASE("the bundled flood scrubbed back brings back the water and ends as the straight run") {
  check_scrub("lauf_flood.yaml");
}
