// Doors and bottlenecks of the micro model measured as `safestreet verify` measures
// them (verify::flow_10_90, verify::waiting_area_flow): people walk on past a line
// exit (kExitWalkOn, engine/movement/micro/micro_line_exit.hpp) and merge one by one
// at a bottleneck's mouth (MicroParams::merge_yield_cos, micro_substep.cpp).
#include <catch2/catch.hpp>

#include <vector>

#include "engine/movement/micro/micro_line_exit.hpp"
#include "engine/scenes/micro_builders.hpp"
#include "verify/tests.hpp"

using namespace ss;

TEST_CASE("people walking on past a door hold up the one behind them: a crowd leaves a room slower",
          "[verify]") {
  // The IMO 4 room (8 m x 5 m, 1 m door, 100 persons at once): counted on the line
  // itself, a person vanished in the doorway and freed it for the one behind at once.
  // Walking on kExitWalkOn before leaving lowers the door's flow (1.30 -> 1.12 P/s in
  // the mean of ten layouts with the earlier defaults, docs/verification.md); here one
  // lattice layout, 10-90 %.
  const auto flow = [](bool walk_on) {
    Model m = builders::micro_room_with_door(8.0, 5.0, 1.0);
    if (!walk_on) {  // the exit area moved back onto the line
      const MicroLineExit e = micro_line_exit({8.2, 2.0}, {8.2, 3.0}, 0.2);
      Ring at_line = e.exit;
      for (Vec2& q : at_line) q.x -= kExitWalkOn;
      m.micro.exits.front().area = at_line;
    }
    Box area;
    area.extend({0.26, 0.26});
    area.extend({7.74, 4.74});
    builders::place_lattice(m, area, 100, 0.53, 35);
    builders::instant_departure(m);
    m.run.dt = 0.05;
    m.run.duration = 300.0;
    m.finalize();
    Simulation sim(m, 1);
    verify::run(sim);
    const std::vector<double> t = verify::arrival_times(sim.state());
    REQUIRE(t.size() == 100);
    return verify::flow_10_90(t, 100);
  };
  const double on = flow(true), at_line = flow(false);
  INFO("walking on " << on << " P/s, counted on the line " << at_line << " P/s");
  CHECK(on < 0.95 * at_line);
}

TEST_CASE("people merge one by one into a 0.8 m bottleneck instead of wedging its mouth", "[verify]") {
  // The bodies beside the mouth wait for the one in front of it (merge_yield_cos);
  // without that rule they pressed into its sides at full drive, an arch that held
  // the mouth for seconds at a time (docs/verification.md). Seyfried et al. 2009
  // measured 1.29 P/s at 0.8 m. The width sweep's scene: 60 young adults at 3 P/m²,
  // a 2.8 m long channel, mean of 3 seeds.
  const auto flow = [](const MicroParams& p) {
    const verify::BottleneckFlow f = verify::waiting_area_flow(0.8, 60, 2.8, verify::Options{}, p);
    REQUIRE(f.arrived == 60);
    return f.flow;
  };
  MicroParams p;
  const double merged = flow(p);
  MicroParams pressing = p;
  pressing.merge_yield_cos = -2.0;  // never yields
  const double wedged = flow(pressing);
  CHECK(merged > 1.1 * wedged);
  CHECK(merged >= 0.85 * 1.29);
}
