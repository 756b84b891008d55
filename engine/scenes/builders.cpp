#include "engine/scenes/builders.hpp"

#include <cmath>
#include <string>

#include "engine/world/slope.hpp"

namespace ss::builders {

Model corridor(double length, double width, int segments, std::int32_t capacity) {
  Model m;
  StreetGraph& g = m.world.streets;
  for (int i = 0; i <= segments; ++i) g.add_node({length * i / segments, 0.0});
  for (int i = 0; i < segments; ++i) {
    const Vec2 pts[] = {g.node_pos[i], g.node_pos[i + 1]};
    g.add_edge(NodeId{i}, NodeId{i + 1}, pts, static_cast<float>(width), StreetKind::Footway);
  }
  g.build_adjacency();
  m.world.bounds = bounds(g.node_pos);
  add_shelter(m, NodeId{segments}, capacity, "exit");
  return m;
}

Model staircase(double along, double width, bool up, std::int32_t capacity) {
  Model m;
  StreetGraph& g = m.world.streets;
  const double slope = std::hypot(kStepTread, kStepRiser);
  const double run = along * kStepTread / slope, height = along * kStepRiser / slope;  // m
  const double z0 = up ? 0.0 : height, z1 = up ? height : 0.0;
  g.add_node({0.0, 0.0}, static_cast<float>(z0));
  g.add_node({run, 0.0}, static_cast<float>(z1));
  const Vec2 pts[] = {g.node_pos[0], g.node_pos[1]};
  const EdgeId e = g.add_edge(NodeId{0}, NodeId{1}, pts, static_cast<float>(width), StreetKind::Steps);
  g.edge_rise[e.index()] = static_cast<float>(z1 - z0);
  g.edge_steps[e.index()] = static_cast<std::uint16_t>(std::lround(height / kStepRiser));
  g.build_adjacency();
  m.world.bounds = bounds(g.node_pos);
  add_shelter(m, NodeId{1}, capacity, "stair_end");
  return m;
}

Model street_grid(int nx, int ny, double spacing, double width) {
  Model m;
  StreetGraph& g = m.world.streets;
  for (int iy = 0; iy < ny; ++iy)
    for (int ix = 0; ix < nx; ++ix) g.add_node({ix * spacing, iy * spacing});
  auto link = [&](int a, int b) {
    const Vec2 pts[] = {g.node_pos[a], g.node_pos[b]};
    g.add_edge(NodeId{a}, NodeId{b}, pts, static_cast<float>(width), StreetKind::Residential);
  };
  for (int iy = 0; iy < ny; ++iy)
    for (int ix = 0; ix < nx; ++ix) {
      const int n = iy * nx + ix;
      if (ix + 1 < nx) link(n, n + 1);
      if (iy + 1 < ny) link(n, n + nx);
    }
  g.build_adjacency();
  m.world.bounds = bounds(g.node_pos);
  return m;
}

ShelterId add_shelter(Model& m, NodeId n, std::int32_t capacity, const char* name, bool step_free) {
  ShelterSite s;
  s.name = name;
  s.node = n;
  s.pos = m.world.streets.node_pos[n.index()];
  s.capacity = capacity;
  s.step_free = step_free;
  s.kind = ShelterKind::Other;
  m.world.shelters.push_back(s);
  return ShelterId{m.world.shelters.size() - 1};
}

void add_residents(Model& m, Vec2 p, int count, int age, Mobility mob) {
  for (int i = 0; i < count; ++i) {
    const HouseholdId hh{m.population.size()};
    m.population.add(age, mob, false, false, hh, p);
  }
}

FloodDesc flat_flood(Vec2 origin, double cell, int nx, int ny, double z) {
  FloodDesc f;
  f.grid.origin = origin;
  f.grid.cell = cell;
  f.grid.nx = nx;
  f.grid.ny = ny;
  f.grid.z.assign(f.grid.size(), z);
  f.grid.manning.assign(f.grid.size(), 0.03f);
  f.grid.blocked.assign(f.grid.size(), 0);
  f.initial_depth.assign(f.grid.size(), 0.0);
  return f;
}

void instant_departure(Model& m) {
  m.params.residents.premove_median = 0.0;
  m.params.residents.speed_sd = 0.0;
  m.params.residents.impaired_sd_share = 0.0;
}

}  // namespace ss::builders
