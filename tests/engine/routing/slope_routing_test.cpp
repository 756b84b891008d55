// Way-out fields weigh streets by the time they take on their slope in the direction
// walked (Model::walk_factor), so route choice trades a climb against a detour.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/simulation.hpp"
#include "engine/routing/routing.hpp"
#include "engine/scenes/builders.hpp"
#include "engine/test_support.hpp"
#include "engine/world/slope.hpp"

using namespace ss;

namespace {

// From S (node 0) to the shelter at T (node 2), 100 m apart at the same height: the
// direct way climbs `hill` m over a crest H (node 1) halfway, the detour through D
// (node 3) is level and `detour` m long (testing::hill_or_detour_streets).
Model hill_or_detour(double hill, double detour) {
  Model m;
  StreetGraph& g = m.world.streets;
  testing::hill_or_detour_streets(g, hill, detour, StreetKind::Footway);
  m.world.bounds = bounds(g.node_pos);
  builders::add_shelter(m, NodeId{2}, 100, "T");
  builders::add_residents(m, {0.0, 0.0}, 1);
  m.params.residents.premove_median = 0.0;
  m.params.residents.speed_sd = 0.0;
  return m;
}

// The edge the field sends someone at S along, by the walk-weighed costs or by length.
EdgeId first_edge(const Model& m, bool by_time) {
  const ShelterId targets[] = {ShelterId{0}};
  EdgeFilter f;
  if (by_time) f.walk = m.walk_factor;
  RouteField field;
  build_route_field(m.world.streets, m.world.shelters, targets, f, field);
  return field.next_edge[0];
}

}  // namespace

TEST_CASE("route choice takes a level detour when the climb costs more time") {
  // Over the crest: 50 m at +25 % and 50 m at −25 %, as slow as about 205 m on the level.
  const double crest = 50.0 / tobler_factor(0.25) + 50.0 / tobler_factor(-0.25);
  REQUIRE(crest > 180.0);
  Model m = hill_or_detour(12.5, 180.0);
  m.finalize();
  CHECK(first_edge(m, false) == EdgeId{0});  // by length alone, over the hill
  CHECK(first_edge(m, true) == EdgeId{2});   // by time, round it
  // The walker goes round it too.
  Simulation sim(m, 1);
  sim.run_to_end();
  REQUIRE(sim.state().status[0] == Status::Sheltered);
  CHECK(sim.state().records.edge_passages[2] == 1);
  CHECK(sim.state().records.edge_passages[1] == 0);
}

TEST_CASE("route choice keeps to the steep way when the detour is long") {
  const double crest = 50.0 / tobler_factor(0.25) + 50.0 / tobler_factor(-0.25);
  REQUIRE(crest < 230.0);
  Model m = hill_or_detour(12.5, 230.0);
  m.finalize();
  CHECK(first_edge(m, true) == EdgeId{0});
}

TEST_CASE("the field's cost of a street is that of walking it toward the shelter") {
  // One street rising 10 m over 100 m to the shelter: the cost is the uphill walk's.
  Model m = builders::corridor(100.0, 3.0);
  m.world.streets.edge_rise[0] = 10.0f;
  builders::add_residents(m, {0.0, 0.0}, 1);
  m.finalize();
  const ShelterId targets[] = {ShelterId{0}};
  EdgeFilter f;
  f.walk = m.walk_factor;
  RouteField field;
  build_route_field(m.world.streets, m.world.shelters, targets, f, field);
  CHECK(field.dist[0] == Approx(100.0 / tobler_factor(0.1)));
  CHECK(field.dist[0] > 100.0 / tobler_factor(-0.1));
}
