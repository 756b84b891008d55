// Narrow passages in the micro model: the lane band of the navigation cost
// (MicroParams::lane_band, engine/movement/micro/micro_field.cpp). Merging at a
// bottleneck's mouth is measured with the width sweep's scene in
// tests/verify/micro_doors_test.cpp.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/movement/micro/micro_field.hpp"
#include "engine/scenes/micro_builders.hpp"

using namespace ss;

namespace {

// The width sweep's scene (verify/bottleneck_widths.cpp): a waiting area 5 m wide and
// about 5.7 m deep, a channel `width` wide and 2.8 m long in the middle of its east side.
constexpr double kDepth = 5.73;

Model channel(double width, const MicroParams& p) {
  Model m = builders::micro_bottleneck(kDepth, 5.0, width, 2.8);
  m.params.micro = p;
  return m;
}

}  // namespace

TEST_CASE(
    "the walking cost is flat over two lanes' width in a 1.2 m channel and still keeps people off walls in "
    "the open") {
  MicroParams p;
  Model m = channel(1.2, p);
  builders::add_residents(m, {2.0, 2.5}, 1, 25);
  m.finalize();
  const MicroGrid& g = m.micro.grid;
  const std::vector<float> cost = walking_cost(g, p);
  const auto at = [&](Vec2 q) { return cost[static_cast<std::size_t>(g.cell_of(q))]; };
  // The channel's middle, 1.4 m in: flat within ±0.2 m of the centre line.
  for (const double y : {2.3, 2.4, 2.5, 2.6, 2.7}) CHECK(at({kDepth + 1.4, y}) == 1.0f);
  // Nearer its walls the cost rises.
  CHECK(at({kDepth + 1.4, 2.0}) > 1.05f);
  // In the open waiting area, 0.4 m off its west wall: the plain wall penalty.
  const std::size_t c = static_cast<std::size_t>(g.cell_of({0.45, 1.0}));
  const double d = g.wall_distance[c];
  const double x = (p.wall_margin - d) / (p.wall_margin - p.field_clearance);
  CHECK(cost[c] == Approx(1.0 + p.wall_penalty * x * x).epsilon(1e-5));
  CHECK(cost[c] > 1.05f);

  // Without the band the penalty pulls everyone onto the centre line.
  MicroParams single = p;
  single.lane_band = 0.0;
  const std::vector<float> old = walking_cost(g, single);
  CHECK(old[static_cast<std::size_t>(g.cell_of({kDepth + 1.4, 2.3}))] > 1.02f);
}

TEST_CASE("in a 1.2 m channel the way out runs straight along it, not onto its centre line") {
  MicroParams p;
  Model m = channel(1.2, p);
  builders::add_residents(m, {2.0, 2.5}, 1, 25);
  m.finalize();
  const MicroGrid& g = m.micro.grid;
  const std::vector<std::uint8_t> open(m.micro.exits.size(), 1);
  const auto lateral = [&](const MicroParams& q) {
    const MicroField f = build_micro_field(g, walking_cost(g, q), open);
    Vec2 e;
    REQUIRE(field_direction(g, f, {kDepth + 1.4, 2.72}, e));
    return e.y;
  };
  CHECK(std::fabs(lateral(p)) < 0.05);
  MicroParams single = p;
  single.lane_band = 0.0;
  CHECK(lateral(single) < -0.1);  // towards the centre line
}
