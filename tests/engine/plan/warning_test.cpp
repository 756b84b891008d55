#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "engine/plan/targets.hpp"
#include "engine/plan/warning.hpp"
#include "engine/scenes/builders.hpp"

using namespace ss;

namespace {

// A 5 × 5 block grid (50 m) with a shelter in a corner and `n` residents, each their
// own household, spread over the blocks; nobody leaves before the end of the test.
Model town(int n, bool alone_every_other = false) {
  Model m = builders::street_grid(5, 5, 50.0, 3.0);
  builders::add_shelter(m, NodeId{0}, 100000);
  for (int k = 0; k < n; ++k) {
    const Vec2 home{10.0 + (k % 9) * 22.0, 10.0 + ((k / 9) % 9) * 22.0};
    m.population.add(40, Mobility::Walks, alone_every_other && k % 2 == 1, false, HouseholdId{k}, home);
  }
  m.params.residents.premove_median = 1e6;  // stay home: only the warning matters here
  m.run.duration = 2 * 3600.0;
  return m;
}

double share_warned(const SimState& s) {
  std::size_t w = 0;
  for (const float t : s.warned_time) w += std::isnan(t) ? 0 : 1;
  return static_cast<double>(w) / static_cast<double>(s.warned_time.size());
}

WarningChannel siren(double reach) {
  WarningChannel c;
  c.name = "siren";
  c.kind = ChannelKind::Siren;
  c.start = 60.0;
  c.reach = reach;
  return c;
}

}  // namespace

TEST_CASE("a broadcast with reach 0.6 warns about 60 % of residents, at its start plus delay") {
  Model m = town(4000);
  m.plan.warning.channels.push_back(siren(0.6));
  m.plan.warning.channels[0].delay_median = 30.0;  // fixed delay (σ_ln = 0)
  m.finalize();
  Simulation sim(m, 7);
  sim.run_until(95.0);
  const double share = share_warned(sim.state());
  // Binomial: sd = sqrt(0.6 × 0.4 / 4000) ≈ 0.0077; allow 4 sd.
  CHECK(share == Approx(0.6).margin(4 * std::sqrt(0.24 / 4000)));
  for (std::size_t i = 0; i < m.population.size(); ++i) {
    if (std::isnan(sim.state().warned_time[i])) continue;
    CHECK(sim.state().warned_time[i] == Approx(90.0f));
    CHECK(sim.state().warn.source[i] == WarnSource::Channel);
  }
}

TEST_CASE("a channel reaches people living alone less when the plan says so") {
  Model m = town(4000, /*alone_every_other=*/true);
  WarningChannel c = siren(0.8);
  c.group_factor[GroupIndex::of_alone(true)] = 0.5;  // e.g. nobody at home to hear the siren wake them
  m.plan.warning.channels.push_back(c);
  m.finalize();
  Simulation sim(m, 3);
  sim.run_until(120.0);
  std::size_t alone = 0, alone_warned = 0, other = 0, other_warned = 0;
  for (std::size_t i = 0; i < m.population.size(); ++i) {
    const bool w = !std::isnan(sim.state().warned_time[i]);
    if (m.population.lives_alone[i]) {
      ++alone;
      alone_warned += w;
    } else {
      ++other;
      other_warned += w;
    }
  }
  const double sd = std::sqrt(0.25 / 2000.0);
  CHECK(static_cast<double>(alone_warned) / alone == Approx(0.4).margin(4 * sd));
  CHECK(static_cast<double>(other_warned) / other == Approx(0.8).margin(4 * sd));
}

TEST_CASE("word of mouth spreads the warning along a logistic curve") {
  Model m = town(3000);
  m.plan.warning.channels.push_back(siren(0.05));
  m.plan.warning.channels[0].start = 0.0;
  const double rate = 1.0 / 300.0;                // 1/s
  m.plan.warning.word_of_mouth = {rate, 1000.0};  // one cell: the whole town talks
  m.finalize();
  Simulation sim(m, 11);
  sim.step();
  const double w0 = share_warned(sim.state());
  REQUIRE(w0 > 0.02);
  double last = w0;
  std::vector<double> gains;
  for (int k = 1; k <= 12; ++k) {
    sim.run_until(k * 300.0);
    const double w = share_warned(sim.state());
    CHECK(w >= last);
    // Logistic solution of dw/dt = rate w (1 − w) from w0 (Rogers & Sorensen 1991).
    const double logistic = 1.0 / (1.0 + (1.0 - w0) / w0 * std::exp(-rate * k * 300.0));
    CHECK(w == Approx(logistic).margin(0.08));
    gains.push_back(w - last);
    last = w;
  }
  CHECK(last > 0.95);
  // S-shape: the gains per interval rise and then fall.
  const auto peak = std::max_element(gains.begin(), gains.end()) - gains.begin();
  CHECK(peak > 0);
  CHECK(peak < static_cast<long>(gains.size()) - 1);
  std::size_t by_neighbours = 0;
  for (const WarnSource src : sim.state().warn.source) by_neighbours += src == WarnSource::Neighbours;
  CHECK(by_neighbours > m.population.size() / 2);
}

TEST_CASE("residents who refuse to leave stay until the hazard reaches their home") {
  Model m = town(50);
  m.params.residents.premove_median = 30.0;
  m.params.residents.premove_sigma_ln = 0.0;
  m.plan.warning_time = 0.0;
  m.plan.warning.compliance.refuse_share = 1.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(600.0);
  for (std::size_t i = 0; i < m.population.size(); ++i) CHECK(sim.state().status[i] == Status::Preparing);
  // The hazard hook: water at resident 3's door at 600 s; they set off at once.
  SimState snapshot = sim.state();
  hazard_at_home(m, snapshot, ResidentId{3}, 600.0);
  sim.restore(snapshot);
  sim.run_until(700.0);
  CHECK(sim.state().start_time[3] == Approx(601.0f));
  CHECK(std::isnan(sim.state().start_time[4]));
}

TEST_CASE("a broadcast inject warns everyone in its zone at once") {
  Model m = town(200);
  m.world.zones.push_back({"west", {{-10, -10}, {100, -10}, {100, 300}, {-10, 300}}});
  m.plan.warning.channels.push_back(siren(0.0));  // a siren nobody hears
  m.finalize();
  Simulation sim(m, 1);
  sim.run_until(120.0);
  REQUIRE(sim.apply({Intervention::Kind::BroadcastWarning, 0, "mayor on the radio"}));
  CHECK_FALSE(sim.apply({Intervention::Kind::BroadcastWarning, 7, "no such zone"}));
  sim.run_until(180.0);
  for (std::size_t i = 0; i < m.population.size(); ++i) {
    const bool west = m.home_zone[i] == ZoneId{0};
    CHECK(std::isnan(sim.state().warned_time[i]) == !west);
    if (west) CHECK(sim.state().warn.source[i] == WarnSource::Inject);
  }
}

TEST_CASE(
    "residents who refuse and are never knocked on end as their own outcome, split by the door-knock list") {
  // Two zones; everyone warned at once and refusing. The plan lists only the west
  // zone for door-knocking and has no team to do it: the west's refusers are
  // "knock ordered, not reached", the east's were never on the list.
  Model m = town(60);
  m.world.zones.push_back({"west", {{-10, -10}, {100, -10}, {100, 300}, {-10, 300}}});
  m.world.zones.push_back({"east", {{100, -10}, {300, -10}, {300, 300}, {100, 300}}});
  m.params.residents.premove_median = 30.0;
  m.params.residents.premove_sigma_ln = 0.0;
  m.plan.warning_time = 0.0;
  m.plan.warning.compliance.refuse_share = 1.0;
  m.plan.response.door_knock_zones = {ZoneId{0}};
  m.run.duration = 1200.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const RunMetrics r = compute_metrics(m, sim.state());
  const auto refused = static_cast<std::size_t>(Outcome::RefusedNotKnocked);
  CHECK(r.overall.by_outcome[refused] == m.population.size());
  CHECK(r.overall.by_outcome[static_cast<std::size_t>(Outcome::TimeRanOut)] == 0);
  std::size_t west = 0;
  for (std::size_t i = 0; i < m.population.size(); ++i) west += m.home_zone[i] == ZoneId{0};
  REQUIRE(west > 0);
  REQUIRE(west < m.population.size());
  CHECK(r.by_zone[0].by_outcome[refused] == west);
  CHECK(r.by_zone[1].by_outcome[refused] == m.population.size() - west);
  CHECK(r.refused_knock_pending == west);
  CHECK(r.by_group[GroupIndex::of_age(age_band(40))].by_outcome[refused] == m.population.size());
  for (std::size_t i = 0; i < m.population.size(); ++i)
    CHECK(std::string(to_string(outcome_of(m, sim.state(), ResidentId{i}))) == "refused_not_knocked");
}

TEST_CASE("residents no warning reaches end as never warned, not as time ran out") {
  Model m = town(40);
  m.plan.warning.channels.push_back(siren(0.0));  // a siren nobody hears, and no neighbours talk
  m.run.duration = 900.0;
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  const RunMetrics r = compute_metrics(m, sim.state());
  CHECK(r.overall.by_outcome[static_cast<std::size_t>(Outcome::NotWarned)] == m.population.size());
  CHECK(r.overall.by_outcome[static_cast<std::size_t>(Outcome::TimeRanOut)] == 0);
  CHECK(r.overall.by_outcome[static_cast<std::size_t>(Outcome::RefusedNotKnocked)] == 0);
}
