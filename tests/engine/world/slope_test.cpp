#include "engine/world/slope.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

using namespace ss;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Tobler (1993) in km/h, as published: v = 6 exp(−3.5 |s + 0.05|).
double tobler_kmh(double s) { return 6.0 * std::exp(-3.5 * std::fabs(s + 0.05)); }

// Two nodes 100 m apart joined by one edge of `kind`.
StreetGraph two_nodes(float za, float zb, StreetKind kind = StreetKind::Footway) {
  StreetGraph g;
  g.add_node({0.0, 0.0}, za);
  g.add_node({100.0, 0.0}, zb);
  const Vec2 pts[] = {g.node_pos[0], g.node_pos[1]};
  g.add_edge(NodeId{0}, NodeId{1}, pts, 2.0f, kind);
  g.build_adjacency();
  return g;
}

}  // namespace

TEST_CASE("Tobler's factor is the hiking function relative to level ground") {
  for (const double s : {-0.3, -0.2, -0.1, -0.05, 0.0, 0.03, 0.1, 0.25})
    CHECK(tobler_factor(s) == Approx(tobler_kmh(s) / tobler_kmh(0.0)).epsilon(1e-12));
  CHECK(tobler_factor(0.0) == Approx(1.0));
  CHECK(tobler_factor(-0.05) == Approx(std::exp(0.175)));  // fastest: gently downhill
  CHECK(tobler_factor(0.10) < tobler_factor(-0.10));       // uphill and downhill differ
  CHECK(tobler_factor(-0.30) < 1.0);                       // steep descents are slow too
}

TEST_CASE("Tobler's factor caps absurd grades and treats non-finite ones as level") {
  CHECK(tobler_factor(5.0) == Approx(tobler_factor(kMaxGrade)));
  CHECK(tobler_factor(-5.0) == Approx(tobler_factor(-kMaxGrade)));
  CHECK(tobler_factor(kMaxGrade) == Approx(std::exp(-3.5 * 0.35)));
  CHECK(tobler_factor(kNaN) == 1.0);
  CHECK(tobler_factor(kInf) == 1.0);
  CHECK(tobler_factor(-kInf) == 1.0);
}

TEST_CASE("stairs are slower than level ground, and up differs from down") {
  const double up = stair_factor(1.34, StairWay::Up, AgeBand::Adult, Mobility::Walks);
  const double down = stair_factor(1.34, StairWay::Down, AgeBand::Adult, Mobility::Walks);
  CHECK(up < 1.0);
  CHECK(down < 1.0);
  CHECK(up < down);
  // SFPE free-flow speed on a 7/11 in stair: 1.08 (1 − 0.266 × 0.54) = 0.925 m/s along it.
  CHECK(stair_speed_along(StairWay::Down, AgeBand::Adult, Mobility::Walks) == Approx(0.9249).epsilon(1e-3));
  CHECK(stair_speed_along(StairWay::Up, AgeBand::Adult, Mobility::Walks) ==
        Approx(1.08 * (1.0 - 0.266 * 0.54) * 0.67 / 1.01));
  // Horizontal progress on a 17/29 cm stair: cos 30.4° of the speed along it.
  CHECK(down == Approx(0.9249 / 1.34 * 0.29 / std::hypot(0.29, 0.17)).epsilon(1e-3));
}

TEST_CASE("older people and people with walking aids are slower on stairs, most of all going down") {
  for (const StairWay way : {StairWay::Up, StairWay::Down}) {
    const double adult = stair_speed_along(way, AgeBand::Adult, Mobility::Walks);
    CHECK(stair_speed_along(way, AgeBand::Senior, Mobility::Walks) < adult);
    CHECK(stair_speed_along(way, AgeBand::Elderly, Mobility::Walks) < adult);
    CHECK(stair_speed_along(way, AgeBand::Adult, Mobility::WalkingAid) < adult);
    CHECK(stair_speed_along(way, AgeBand::Elderly, Mobility::WalkingAid) <
          stair_speed_along(way, AgeBand::Elderly, Mobility::Walks));
  }
  const double older_down = stair_speed_along(StairWay::Down, AgeBand::Senior, Mobility::Walks) /
                            stair_speed_along(StairWay::Down, AgeBand::Adult, Mobility::Walks);
  const double older_up = stair_speed_along(StairWay::Up, AgeBand::Senior, Mobility::Walks) /
                          stair_speed_along(StairWay::Up, AgeBand::Adult, Mobility::Walks);
  CHECK(older_down < older_up);
}

TEST_CASE("a slow walker is held to their own speed on stairs, and no input gives a bad factor") {
  // 0.5 m/s on the level is below every adult stair speed going down: only cos θ remains.
  const double cos_stair = 0.29 / std::hypot(0.29, 0.17);
  CHECK(stair_factor(0.5, StairWay::Down, AgeBand::Adult, Mobility::Walks) == Approx(cos_stair));
  for (const double v0 : {0.0, -1.0, kNaN, kInf, 1e-30, 1e30}) {
    const double f = stair_factor(v0, StairWay::Up, AgeBand::Elderly, Mobility::WalkingAid);
    CHECK(std::isfinite(f));
    CHECK(f > 0.0);
    CHECK(f <= 1.0);
  }
}

TEST_CASE("an edge's rise comes from its steps, then its incline tag, then the terrain") {
  SECTION("terrain alone: the height difference of the ends") {
    StreetGraph g = two_nodes(300.0f, 310.0f);
    g.edge_rise[0] = std::numeric_limits<float>::quiet_NaN();
    resolve_edge_rise(g, {});
    CHECK(g.edge_rise[0] == Approx(10.0f));
    CHECK(edge_walk_factor(g, 0, true, 1.34) == Approx(tobler_factor(0.1)));
    CHECK(edge_walk_factor(g, 0, false, 1.34) == Approx(tobler_factor(-0.1)));
  }
  SECTION("a numeric incline tag wins over the terrain") {
    StreetGraph g = two_nodes(300.0f, 310.0f);
    g.edge_rise[0] = -5.0f;  // incline=-5% on 100 m
    resolve_edge_rise(g, std::vector<std::int8_t>{-1});
    CHECK(g.edge_rise[0] == Approx(-5.0f));
  }
  SECTION("up/down without a number takes the terrain's size with the tag's sign") {
    StreetGraph g = two_nodes(300.0f, 304.0f);
    g.edge_rise[0] = std::numeric_limits<float>::quiet_NaN();
    resolve_edge_rise(g, std::vector<std::int8_t>{-1});
    CHECK(g.edge_rise[0] == Approx(-4.0f));
  }
  SECTION("no tag and no terrain: level, never NaN") {
    StreetGraph g = two_nodes(std::numeric_limits<float>::quiet_NaN(), 300.0f);
    g.edge_rise[0] = std::numeric_limits<float>::quiet_NaN();
    resolve_edge_rise(g, std::vector<std::int8_t>{1});
    CHECK(g.edge_rise[0] == 0.0f);
    CHECK(edge_walk_factor(g, 0, true, 1.34) == Approx(1.0));
  }
  SECTION("steps: the height from step_count, the direction from the terrain") {
    StreetGraph g = two_nodes(310.0f, 300.0f, StreetKind::Steps);
    g.edge_rise[0] = std::numeric_limits<float>::quiet_NaN();
    g.edge_steps[0] = 20;
    resolve_edge_rise(g, {});
    CHECK(g.edge_rise[0] == Approx(-20 * kStepRiser));
    CHECK(stair_way(g, 0, true) == StairWay::Down);
    CHECK(stair_way(g, 0, false) == StairWay::Up);
  }
  SECTION("steps of unknown direction count as going up both ways") {
    StreetGraph g = two_nodes(std::numeric_limits<float>::quiet_NaN(),
                              std::numeric_limits<float>::quiet_NaN(), StreetKind::Steps);
    g.edge_rise[0] = std::numeric_limits<float>::quiet_NaN();
    g.edge_steps[0] = 12;
    resolve_edge_rise(g, {});
    CHECK(g.edge_rise[0] == 0.0f);
    CHECK(stair_way(g, 0, true) == StairWay::Up);
    CHECK(stair_way(g, 0, false) == StairWay::Up);
  }
}
