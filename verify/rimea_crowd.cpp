// RiMEA 4 (fundamental diagram), 6 (corner) and 12 (where congestion forms).
#include <algorithm>
#include <cmath>

#include "engine/scenes/builders.hpp"
#include "engine/scenes/micro_builders.hpp"
#include "verify/tests.hpp"

namespace ss::verify {
namespace {

using builders::rect;

// Weidmann (1993) speed at density rho for v0 = 1.34 m/s (VERIFICATION.md).
double weidmann(double rho) {
  const MovementParams p;
  return 1.34 * weidmann_factor(rho, p);
}

// n bodies spread evenly over a length × width corridor in staggered rows: the row
// count that keeps the nearest neighbours furthest apart.
void spread(Model& m, int n, double length, double width) {
  const double margin = 0.26;
  int best_rows = 1;
  double best = -1.0;
  for (int rows = 1; rows <= 12; ++rows) {
    const double dy = rows > 1 ? (width - 2 * margin) / (rows - 1) : width;
    const double dx = length / std::ceil(static_cast<double>(n) / rows);
    const double near = rows > 1 ? std::min({dx, std::hypot(dy, 0.5 * dx), 2.0 * dy}) : dx;
    if (near > best) {
      best = near;
      best_rows = rows;
    }
  }
  const int per_row = static_cast<int>(std::ceil(static_cast<double>(n) / best_rows));
  const double dx = length / per_row;
  for (int k = 0; k < n; ++k) {
    const int row = k % best_rows, col = k / best_rows;
    const double y = best_rows > 1 ? margin + row * (width - 2 * margin) / (best_rows - 1) : 0.5 * width;
    builders::add_residents(m, {(col + 0.5 * (row % 2) + 0.25) * dx, y}, 1, 30);
  }
}

}  // namespace

FdPoint micro_fd_point(double rho, const Options& o) {
  constexpr double kL = 25.0, kW = 2.0;
  Model m = builders::micro_periodic_corridor(kL, kW);
  const int n = static_cast<int>(std::lround(rho * kL * kW));
  spread(m, n, kL, kW);
  builders::instant_departure(m);
  m.run.duration = 70.0;
  calibrate(m, o);
  m.finalize();
  Simulation sim(m, o.seed);
  override_draws(sim, std::vector<float>(static_cast<std::size_t>(n), 1.34f), {});  // Weidmann's v0
  // Mean speed and density in a 2 m × 2 m measuring area over 60 s after 10 s (RiMEA 4).
  double speed_sum = 0, count = 0, samples = 0;
  run(sim, [&](const SimState& s) {
    if (s.time(m.run.dt) <= 10.0 + 1e-9) return;
    ++samples;
    for (int i = 0; i < n; ++i) {
      const Vec2 p = s.position[i];
      if (p.x < 0.5 * kL - 1.0 || p.x >= 0.5 * kL + 1.0) continue;
      speed_sum += s.velocity[i].x;
      ++count;
    }
  });
  return {rho, count > 0 ? speed_sum / count : 0.0, count / (samples * 2.0 * kW)};
}

namespace {

FdPoint network_fd_point(double rho, const Options& o) {
  // The network model's relation is its speed factor: residents on a 100 m × 2 m
  // street at density rho, speed over one step after they stepped out.
  Model m = builders::corridor(100.0, 2.0);
  const int n = static_cast<int>(std::lround(rho * 200.0));
  builders::add_residents(m, {50.0, 0.0}, n, 30);
  builders::instant_departure(m);
  calibrate(m, o);
  m.finalize();
  Simulation sim(m, o.seed);
  override_draws(sim, std::vector<float>(static_cast<std::size_t>(n), 1.34f), {});
  sim.step();  // everyone who fits steps onto the street
  const std::vector<float> d0 = sim.state().distance;
  sim.step();
  const SimState& s = sim.state();
  double sum = 0;
  int on = 0;
  for (int i = 0; i < n; ++i)
    if (s.edge[i].valid() && !std::isnan(s.start_time[i])) {
      sum += (s.distance[i] - d0[i]) / m.run.dt;
      ++on;
    }
  return {rho, on ? sum / on : 0.0, on / 200.0};
}

}  // namespace

Result rimea_4(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("RiMEA 4"), mc);
  const double densities[] = {0.5, 1, 2, 3, 4, 5, 6};
  // Tolerance: ±0.2 m/s or ±35 % of Weidmann's speed, whichever is larger, up to
  // 4 P/m² (RiMEA asks for "close to" a documented diagram; the spread of the
  // published diagrams, Weidmann vs SFPE vs PM, is of this size).
  // Below Weidmann's jam density (5.4 P/m², where his diagram reaches zero speed)
  // measured crowds still move, so the micro model's crowd must too: at least
  // kCreep there (Weidmann: 0.16 m/s at 4 P/m², 0.04 m/s at 5 P/m²).
  constexpr double kCreep = 0.01;  // m/s
  const double rho_jam = MovementParams{}.weidmann_rho_max;
  bool pass = true;
  std::string pts;
  for (const double rho : densities) {
    const FdPoint p = mc == ModelChoice::Micro ? micro_fd_point(rho, o) : network_fd_point(rho, o);
    const double w = weidmann(rho);
    const bool judged = rho <= 4.0;
    if (judged) pass = pass && std::fabs(p.speed - w) <= std::max(0.2, 0.35 * w);
    if (mc == ModelChoice::Micro && rho < rho_jam) pass = pass && p.speed >= kCreep;
    pts += fmt("%s%g:%.2f", pts.empty() ? "" : " ", rho, p.speed);
    r.values.emplace_back(fmt("speed_at_%g", rho), p.speed);
    r.values.emplace_back(fmt("measured_density_at_%g", rho), p.measured_rho);
  }
  r.measured = "rho:v " + pts;
  r.criterion = mc == ModelChoice::Micro
                    ? "|v - v_Weidmann| <= max(0.2 m/s, 35%) for rho <= 4; v >= 0.01 m/s below 5.4 P/m2"
                    : "|v - v_Weidmann| <= max(0.2 m/s, 35%) for rho <= 4";
  r.pass = pass;
  return r;
}

Result rimea_6(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("RiMEA 6"), mc);
  // Two 10 m legs of a 2 m corridor turning left (counter-clockwise) at (11, 1).
  Ring l{{0.0, 0.0}, {12.0, 0.0}, {12.0, 12.0}, {10.0, 12.0}, {10.0, 2.0}, {0.0, 2.0}};
  Model m = builders::micro_area({l});
  builders::add_exit(m, rect(10.0, 11.0, 12.0, 12.0), "end");
  Box start;
  start.extend({0.3, 0.3});
  start.extend({6.0, 1.7});
  builders::place_lattice(m, start, 20, 0.55);
  builders::instant_departure(m);
  m.run.duration = 120.0;
  calibrate(m, o);
  m.finalize();
  Simulation sim(m, o.seed);
  int outside = 0;
  double min_clear = 1e9;
  run(sim, [&](const SimState& s) {
    for (std::size_t i = 0; i < s.status.size(); ++i) {
      if (s.status[i] != Status::Moving) continue;
      if (!m.micro.walkable_at(s.position[i])) ++outside;
      min_clear = std::min(min_clear, m.micro.wall_distance(s.position[i]));
    }
  });
  int arrived = 0;
  for (const Status st : sim.state().status) arrived += st == Status::Sheltered ? 1 : 0;
  r.measured =
      fmt("%d outside, closest centre %.2f m from a wall, %d/20 arrived", outside, min_clear, arrived);
  r.criterion = "no centre ever outside the walls; all 20 arrive";
  r.pass = outside == 0 && arrived == 20 && min_clear > 0.0;
  r.values = {{"outside", outside}, {"min_wall_distance_m", min_clear}, {"arrived", arrived}};
  return r;
}

Result rimea_12(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("RiMEA 12"), mc);
  double peak_before = 0, peak_exit = 0;
  std::string unit;
  if (mc == ModelChoice::Micro) {
    // Room 10 × 10 → corridor 5 m × 1 m → room 10 × 10 with a 1 m exit.
    // The exit: a line across the middle of a 0.4 m door channel, as in a scenario file.
    const MicroLineExit e = micro_line_exit({25.2, 4.5}, {25.2, 5.5}, 0.2);
    Ring ring{{0, 0},       {10, 0},   {10, 4.5}, {15, 4.5}, {15, 0},   {25, 0},   {25, 4.5}, e.opening[2],
              e.opening[3], {25, 5.5}, {25, 10},  {15, 10},  {15, 5.5}, {10, 5.5}, {10, 10},  {0, 10}};
    Model m = builders::micro_area({ring});
    builders::add_exit(m, e.exit, "exit");
    Box left;
    left.extend({0.25, 0.25});
    left.extend({5.0, 9.75});
    builders::place_lattice(m, left, 150, 0.52);
    builders::instant_departure(m);
    m.run.duration = 600.0;
    calibrate(m, o);
    m.finalize();
    Simulation sim(m, o.seed);
    // Persons in 2 m × 4 m boxes in front of the corridor and of the final exit.
    run(sim, [&](const SimState& s) {
      int a = 0, b = 0;
      for (std::size_t i = 0; i < s.status.size(); ++i) {
        if (s.status[i] != Status::Moving) continue;
        const Vec2 p = s.position[i];
        if (p.y < 3.0 || p.y > 7.0) continue;
        a += p.x >= 8.0 && p.x < 10.0;
        b += p.x >= 23.0 && p.x < 25.0;
      }
      peak_before = std::max(peak_before, a / 8.0);
      peak_exit = std::max(peak_exit, b / 8.0);
    });
    unit = "P/m2";
  } else {
    Model m;
    StreetGraph& g = m.world.streets;
    const Vec2 pts[] = {{0, 5}, {10, 5}, {15, 5}, {25, 5}, {25.4, 5}};
    for (const Vec2 p : pts) g.add_node(p);
    const float widths[] = {10.0f, 1.0f, 10.0f, 1.0f};  // room, corridor, room, 1 m exit
    for (int e = 0; e < 4; ++e) {
      const Vec2 seg[] = {pts[e], pts[e + 1]};
      g.add_edge(NodeId{e}, NodeId{e + 1}, seg, widths[e], StreetKind::Footway);
    }
    g.build_adjacency();
    m.world.bounds = bounds(g.node_pos);
    builders::add_shelter(m, NodeId{4}, 1000, "exit");
    builders::add_residents(m, {2.5, 5.0}, 150, 30);
    builders::instant_departure(m);
    m.run.dt = 0.5;
    m.run.duration = 600.0;
    calibrate(m, o);
    m.finalize();
    Simulation sim(m, o.seed);
    run(sim, [&](const SimState& s) {
      peak_before = std::max<double>(peak_before, s.edge_queued[0]);
      peak_exit = std::max<double>(peak_exit, s.edge_queued[2]);
    });
    unit = "queued";
  }
  r.measured = fmt("peak before corridor %.1f %s, before exit %.1f %s", peak_before, unit.c_str(), peak_exit,
                   unit.c_str());
  r.criterion = "queue before the corridor; at the exit at most half of it";
  r.pass = peak_before > 1.0 && peak_exit <= 0.5 * peak_before;
  r.values = {{"peak_before_corridor", peak_before}, {"peak_before_exit", peak_exit}};
  return r;
}

}  // namespace ss::verify
