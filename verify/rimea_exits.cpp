// RiMEA 10 (assigned exits), RiMEA 11 (choice of exit) and IMO MSC.1/Circ.1533 test 4
// (door flow).
#include <algorithm>
#include <cmath>

#include "engine/core/rng.hpp"
#include "engine/scenes/builders.hpp"
#include "engine/scenes/micro_builders.hpp"
#include "verify/tests.hpp"

namespace ss::verify {
namespace {

using builders::rect;

// Wall pieces of a corridor wall at y0..y1 with 0.9 m doors centred in each 3 m room.
void wall_with_doors(std::vector<Ring>& walls, double y0, double y1) {
  double x = 0.0;
  for (int i = 0; i < 6; ++i) {
    const double door = 3.0 * i + 1.05;
    walls.push_back(rect(x, y0, door, y1));
    x = door + 0.9;
  }
  walls.push_back(rect(x, y0, 18.0, y1));
}

}  // namespace

Result rimea_10(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("RiMEA 10"), mc);
  // A 1 m corridor y 0..1 from x = -1 to 19 with the main exit at its east end and a
  // secondary exit at its west end; six 3 m × 5 m rooms on each side with 0.9 m doors.
  std::vector<Ring> walls;
  wall_with_doors(walls, 1.0, 1.2);
  wall_with_doors(walls, -0.2, 0.0);
  for (int i = 1; i < 6; ++i) {
    walls.push_back(rect(3.0 * i - 0.1, 1.2, 3.0 * i + 0.1, 6.0));
    walls.push_back(rect(3.0 * i - 0.1, -5.0, 3.0 * i + 0.1, -0.2));
  }
  walls.push_back(rect(-1.0, 1.0, 0.0, 6.0));
  walls.push_back(rect(18.0, 1.0, 19.0, 6.0));
  walls.push_back(rect(-1.0, -5.0, 0.0, 0.0));
  walls.push_back(rect(18.0, -5.0, 19.0, 0.0));
  Model m = builders::micro_area({rect(-1.0, -5.0, 19.0, 6.0)}, walls);
  const ShelterId main_exit = builders::add_exit(m, rect(18.5, 0.0, 19.0, 1.0), "main");
  const ShelterId secondary = builders::add_exit(m, rect(-1.0, 0.0, -0.5, 1.0), "secondary");
  // Rooms as zones; the four western rooms are sent to the secondary (western) exit,
  // everyone else to the main exit. (Sending eastern rooms west puts them against
  // the main flow in a 1 m corridor, where rigid bodies cannot pass each other and
  // the crowd carries them to the main exit.)
  std::vector<ShelterId> zone_exit;
  for (int side = 0; side < 2; ++side)
    for (int i = 0; i < 6; ++i) {
      const double y0 = side == 0 ? 1.2 : -5.0, y1 = side == 0 ? 6.0 : -0.2;
      m.world.zones.push_back({fmt("room %s%d", side ? "S" : "N", i), rect(3.0 * i, y0, 3.0 * i + 3.0, y1)});
      zone_exit.push_back(i <= 1 ? secondary : main_exit);
      const double yc = side == 0 ? 3.5 : -2.5;
      const int persons = side == 1 && i == 5 ? 1 : 2;  // 23 persons: 15 main, 8 secondary
      for (int k = 0; k < persons; ++k) builders::add_residents(m, {3.0 * i + 0.9 + 1.2 * k, yc}, 1, 30);
    }
  zone_exit.push_back(ShelterId{});  // outside every room: nearest exit
  m.plan.assignment = Plan::Assignment::ByZone;
  m.plan.zone_shelter = zone_exit;
  builders::instant_departure(m);
  m.run.duration = 300.0;
  calibrate(m, o);
  m.finalize();
  Simulation sim(m, o.seed);
  run(sim);
  const SimState& s = sim.state();
  int right = 0, arrived = 0, to_main = 0;
  for (std::size_t i = 0; i < m.population.size(); ++i) {
    if (s.status[i] != Status::Sheltered) continue;
    ++arrived;
    right += s.shelter[i] == s.assigned[i] ? 1 : 0;
    to_main += s.assigned[i] == main_exit ? 1 : 0;
  }
  r.measured = fmt("%d/23 arrived, %d by the assigned exit (%d main, %d secondary)", arrived, right, to_main,
                   arrived - to_main);
  r.criterion = "all 23 leave by their assigned exit";
  r.pass = arrived == 23 && right == 23;
  r.values = {{"arrived", arrived}, {"by_assigned_exit", right}};
  return r;
}

namespace {

struct ExitUse {
  int near = 0, far = 0;  // persons out by the nearer and by the second exit
  double last = 0.0;      // s, last arrival
};

// RiMEA 11: a 20 m × 20 m room with two 1 m doors through its 0.4 m east wall,
// centred at y = 3 m and y = 17 m (14 m apart), 200 persons on a 0.6 m lattice in
// x 11.2 … 19.7 m, y 0.3 … 9.3 m: every one of them nearer the first door.
ExitUse rimea_11_run(bool quickest, const Options& o) {
  const std::uint64_t seed = o.seed;
  const Ring room{{0, 0},     {20, 0},      {20, 2.5},    {20.4, 2.5}, {20.4, 3.5}, {20, 3.5},
                  {20, 16.5}, {20.4, 16.5}, {20.4, 17.5}, {20, 17.5},  {20, 20},    {0, 20}};
  Model m = builders::micro_area({room});
  const ShelterId near_exit = builders::add_exit(m, rect(20.2, 2.5, 20.9, 3.5), "near");
  builders::add_exit(m, rect(20.2, 16.5, 20.9, 17.5), "far");
  Box block;
  block.extend({11.2, 0.3});
  block.extend({19.7, 9.3});
  builders::place_lattice(m, block, 200, 0.6);
  builders::instant_departure(m);
  m.params.micro.quickest_exit = quickest;
  m.run.duration = 600.0;
  calibrate(m, o);
  m.finalize();
  Simulation sim(m, seed);
  run(sim);
  ExitUse u;
  const SimState& s = sim.state();
  for (std::size_t i = 0; i < m.population.size(); ++i) {
    if (s.status[i] != Status::Sheltered) continue;
    (s.shelter[i] == near_exit ? u.near : u.far) += 1;
    u.last = std::max(u.last, static_cast<double>(s.arrival_time[i]));
  }
  return u;
}

}  // namespace

Result rimea_11(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("RiMEA 11"), mc);
  const ExitUse q = rimea_11_run(true, o);
  // The same crowd with the choice switched off (everyone to the nearest exit), for
  // the report: what the choice changes.
  const ExitUse n = rimea_11_run(false, o);
  r.measured =
      fmt("second exit %d of %d (%.0f %%), all out %.0f s; nearest-exit choice: second exit %d, %.0f s",
          q.far, q.near + q.far, 100.0 * q.far / 200.0, q.last, n.far, n.last);
  r.criterion = "all 200 out; the second exit takes at least 10 % (20 persons)";
  r.pass = q.near + q.far == 200 && q.far >= 20;
  r.values = {{"second_exit", q.far},
              {"first_exit", q.near},
              {"all_out_s", q.last},
              {"nearest_choice_second_exit", n.far},
              {"nearest_choice_all_out_s", n.last}};
  return r;
}

Model imo_4_micro_room(std::uint64_t seed) {
  // The lattice sites, from a scratch copy of the room.
  Model sites = builders::micro_room_with_door(8.0, 5.0, 1.0);
  Box area;
  area.extend({0.26, 0.26});
  area.extend({7.74, 4.74});
  builders::place_lattice(sites, area, 112, 0.53);
  const std::vector<Vec2>& site = sites.population.home;
  // Keep 100 of the 112: a partial Fisher-Yates shuffle keyed by the seed.
  std::vector<std::size_t> order(site.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (std::size_t i = 0; i < 100; ++i) {
    const double u = uniform01(seed, 0x494d4f34u, i, 0);  // purpose "IMO4"
    std::swap(order[i], order[i + static_cast<std::size_t>(u * static_cast<double>(order.size() - i))]);
  }
  std::sort(order.begin(), order.begin() + 100);  // residents in lattice order
  Model m = builders::micro_room_with_door(8.0, 5.0, 1.0);
  for (std::size_t k = 0; k < 100; ++k) builders::add_residents(m, site[order[k]], 1, 35);
  return m;
}

namespace {

// One IMO 4 layout (micro: imo_4_micro_room; network: a 5 m street into a 1 m door);
// returns the arrival times at the exit.
std::vector<double> imo_4_layout(ModelChoice mc, const Options& o, std::uint64_t seed) {
  Model m;
  if (mc == ModelChoice::Micro) {
    m = imo_4_micro_room(seed);
  } else {
    StreetGraph& g = m.world.streets;
    const Vec2 pts[] = {{0, 2.5}, {8, 2.5}, {8.4, 2.5}};
    for (const Vec2 p : pts) g.add_node(p);
    const Vec2 a[] = {pts[0], pts[1]}, b[] = {pts[1], pts[2]};
    g.add_edge(NodeId{0}, NodeId{1}, a, 5.0f, StreetKind::Footway);  // the room
    g.add_edge(NodeId{1}, NodeId{2}, b, 1.0f, StreetKind::Footway);  // the 1 m door
    g.build_adjacency();
    m.world.bounds = bounds(g.node_pos);
    builders::add_shelter(m, NodeId{2}, 1000, "door");
    builders::add_residents(m, {4.0, 2.5}, 100, 35);
    m.run.dt = 0.5;
  }
  builders::instant_departure(m);
  m.run.duration = 600.0;
  calibrate(m, o);
  m.finalize();
  Simulation sim(m, seed);
  run(sim);
  return arrival_times(sim.state());
}

}  // namespace

Result imo_4(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("IMO 4"), mc);
  // An ensemble of layouts: a single layout's door flow moves by about ±8 % with
  // rounding-level changes (docs/verification.md), the mean of ten does not. The
  // network model has no layout to vary.
  const int kLayouts = mc == ModelChoice::Micro ? 10 : 1;
  double sum = 0.0, lo = 1e9, hi = 0.0, whole = 0.0;
  std::size_t out = 0;
  for (int k = 0; k < kLayouts; ++k) {
    const std::vector<double> arr = imo_4_layout(mc, o, o.seed + static_cast<std::uint64_t>(k));
    const double f = flow_10_90(arr, 100);
    sum += f;
    lo = std::min(lo, f);
    hi = std::max(hi, f);
    out += arr.size();
    if (!arr.empty()) whole += 100.0 / *std::max_element(arr.begin(), arr.end());
  }
  const double flow = sum / kLayouts;
  whole /= kLayouts;
  r.measured = fmt("%.2f P/s (10-90 %%, mean of %d layouts, %.2f-%.2f; whole period %.2f), %zu/%d out", flow,
                   kLayouts, lo, hi, whole, out, 100 * kLayouts);
  r.criterion = "flow <= 1.33 P/s";
  r.pass = out == static_cast<std::size_t>(100 * kLayouts) && flow > 0.0 && flow <= 1.33;
  r.values = {{"flow_p_per_s", flow},
              {"flow_min", lo},
              {"flow_max", hi},
              {"flow_whole_period", whole},
              {"arrived", static_cast<double>(out)}};
  return r;
}

}  // namespace ss::verify
