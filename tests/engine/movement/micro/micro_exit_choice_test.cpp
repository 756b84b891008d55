// The quickest-exit choice (micro_exit_choice.cpp): a crowd at one exit sends some
// of its people to a free one; assigned exits are kept; runs stay deterministic.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/core/simulation.hpp"
#include "engine/scenes/micro_builders.hpp"

using namespace ss;
using builders::rect;

namespace {

// A 12 m × 12 m room with two 1 m exit zones on its east wall, 9 m apart, and 60
// people packed near the southern one.
Model two_exits(bool quickest) {
  Model m = builders::micro_area({rect(0, 0, 12, 12)});
  builders::add_exit(m, rect(11.5, 1.0, 12.0, 2.0), "south");
  builders::add_exit(m, rect(11.5, 10.0, 12.0, 11.0), "north");
  Box crowd;
  crowd.extend({6.0, 0.3});
  crowd.extend({11.3, 5.5});
  builders::place_lattice(m, crowd, 60, 0.6);
  builders::instant_departure(m);
  m.params.micro.quickest_exit = quickest;
  m.run.duration = 300.0;
  return m;
}

int by_north(const Model& m, const SimState& s) {
  int n = 0;
  for (std::size_t i = 0; i < m.population.size(); ++i) n += s.shelter[i] == ShelterId{1} ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("with the quickest-exit choice people leave a crowded exit for a free one") {
  Model nearest = two_exits(false), quickest = two_exits(true);
  nearest.finalize();
  quickest.finalize();
  Simulation a(nearest, 1), b(quickest, 1);
  a.run_to_end();
  b.run_to_end();
  CHECK(by_north(nearest, a.state()) == 0);  // everyone is nearer the south exit
  const int north = by_north(quickest, b.state());
  CHECK(north >= 10);
  CHECK(north <= 40);  // the near exit stays the busier one
  auto last = [](const SimState& s) {
    return *std::max_element(s.arrival_time.begin(), s.arrival_time.end());
  };
  CHECK(std::count(b.state().status.begin(), b.state().status.end(), Status::Sheltered) == 60);
  CHECK(last(b.state()) < last(a.state()));
}

TEST_CASE("people with an assigned exit keep it whatever the queues") {
  Model m = two_exits(true);
  m.world.zones.push_back({"crowd", rect(0, 0, 12, 12)});
  m.plan.assignment = Plan::Assignment::ByZone;
  m.plan.zone_shelter = {ShelterId{0}, ShelterId{}};
  m.finalize();
  Simulation sim(m, 1);
  sim.run_to_end();
  CHECK(by_north(m, sim.state()) == 0);
}

TEST_CASE("the quickest-exit choice is deterministic") {
  Model m = two_exits(true);
  m.finalize();
  Simulation a(m, 4), b(m, 4);
  a.run_until(40.0);
  b.run_until(40.0);
  CHECK(a.state().position == b.state().position);
  CHECK(a.state().shelter == b.state().shelter);
}
