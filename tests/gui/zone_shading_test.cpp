// The zone choropleth's figures and classes (gui/zone_shading.hpp).
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "engine/scenes/builders.hpp"
#include "gui/zone_shading.hpp"

using namespace ss;
using namespace ss::gui;

namespace {
Ring square(Vec2 lo, Vec2 hi) { return {lo, {hi.x, lo.y}, hi, {lo.x, hi.y}}; }
}  // namespace

TEST_CASE("a zone without residents has no choropleth class and says so, not 0 %") {
  const ZoneFigure empty;
  CHECK_FALSE(zone_class(empty, ZoneMeasure::ShareSafe).has_value());
  CHECK_FALSE(zone_class(empty, ZoneMeasure::T90).has_value());
  CHECK(zone_value_text(empty, ZoneMeasure::ShareSafe) == "no residents");
  const ZoneFigure nobody_safe{10, 0, NAN};
  REQUIRE(zone_class(nobody_safe, ZoneMeasure::ShareSafe).has_value());
  CHECK(*zone_class(nobody_safe, ZoneMeasure::ShareSafe) == 0);
  CHECK(zone_value_text(nobody_safe, ZoneMeasure::ShareSafe) == "0 % safe");
}

TEST_CASE("zone classes follow the legend's breaks, light for bad and dark for good") {
  CHECK(*zone_class({100, 19, NAN}, ZoneMeasure::ShareSafe) == 0);
  CHECK(*zone_class({100, 20, NAN}, ZoneMeasure::ShareSafe) == 1);
  CHECK(*zone_class({100, 79, NAN}, ZoneMeasure::ShareSafe) == 3);
  CHECK(*zone_class({100, 100, NAN}, ZoneMeasure::ShareSafe) == 4);
  CHECK(zone_value_text({1000, 999, NAN}, ZoneMeasure::ShareSafe) == "99.9 % safe");
  CHECK(zone_value_text({10000, 9999, NAN}, ZoneMeasure::ShareSafe) ==
        ">99.9 % safe");                                    // never rounded up to 100 %
  CHECK(*zone_class({10, 5, NAN}, ZoneMeasure::T90) == 0);  // 90 % not safe yet
  CHECK(*zone_class({10, 10, 61 * 60.0}, ZoneMeasure::T90) == 0);
  CHECK(*zone_class({10, 10, 50 * 60.0}, ZoneMeasure::T90) == 1);
  CHECK(*zone_class({10, 10, 15 * 60.0}, ZoneMeasure::T90) == 4);
  CHECK(zone_value_text({10, 10, 24.2 * 60.0}, ZoneMeasure::T90) == "T90 0:24:12");
  CHECK(zone_value_text({10, 5, NAN}, ZoneMeasure::T90) == "T90 not yet");
}

TEST_CASE("zone figures count each zone's residents and agree with the run's T90 by zone") {
  // Two named zones over a 4 x 2 grid: the west one holds every resident, the east
  // one none.
  Model m = builders::street_grid(4, 2, 70.0, 3.0);
  builders::add_shelter(m, NodeId{3}, 500, "school", true);
  for (int k = 0; k < 20; ++k)
    m.population.add(30, Mobility::Walks, false, false, HouseholdId{static_cast<std::uint32_t>(k)},
                     {10.0 + k, 5.0});
  m.world.zones.push_back({"west", square({-10, -10}, {100, 80})});
  m.world.zones.push_back({"east", square({150, -10}, {300, 80})});
  m.run.duration = 1800.0;
  m.finalize();
  Simulation sim(m, 7);
  sim.run_to_end();
  std::vector<ZoneFigure> f;
  std::vector<std::vector<float>> scratch;
  zone_figures(m, sim.state(), f, scratch);
  REQUIRE(f.size() == m.world.zone_count());
  CHECK(f[0].residents == 20);
  CHECK(f[1].residents == 0);
  CHECK_FALSE(zone_class(f[1], ZoneMeasure::ShareSafe).has_value());
  const RunMetrics rm = compute_metrics(m, sim.state());
  CHECK(f[0].safe == rm.by_zone[0].safe);
  REQUIRE(rm.by_zone[0].t90.has_value());
  CHECK(f[0].t90 == Approx(*rm.by_zone[0].t90));
}
