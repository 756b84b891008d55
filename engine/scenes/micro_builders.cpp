#include "engine/scenes/micro_builders.hpp"

#include <cmath>
#include <string>

namespace ss::builders {

Ring rect(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }

Model micro_area(std::vector<Ring> walkable, std::vector<Ring> obstacles) {
  Model m;
  m.movement = MovementKind::Micro;
  m.micro.walkable = std::move(walkable);
  m.micro.obstacles = std::move(obstacles);
  m.run.dt = 0.1;
  m.run.duration = 3600.0;
  m.run.timeline_interval = 10.0;
  return m;
}

ShelterId add_exit(Model& m, Ring area, const char* name, std::int32_t capacity) {
  ShelterSite s;
  s.name = name;
  s.capacity = capacity;
  s.step_free = true;
  s.kind = ShelterKind::Open;
  s.pos = area.empty() ? Vec2{} : area.front();
  m.world.shelters.push_back(s);
  const ShelterId id{m.world.shelters.size() - 1};
  m.micro.exits.push_back({std::move(area), id});
  return id;
}

ShelterId add_line_exit(Model& m, Vec2 a, Vec2 b, const char* name, std::int32_t capacity) {
  return add_exit(m, micro_line_exit(a, b, 0.0).exit, name, capacity);
}

Model micro_corridor(double length, double width) {
  Model m = micro_area({rect(0.0, 0.0, length + 1.0, width)});
  add_exit(m, rect(length, 0.0, length + 1.0, width), "end");
  return m;
}

Model micro_room_with_door(double side, double door_width) {
  return micro_room_with_door(side, side, door_width);
}

Model micro_room_with_door(double side, double depth, double door_width) {
  const double c = 0.5 * depth, w = 0.5 * door_width, wall = 0.4;
  // A line exit across the middle of the door channel through the east wall (0.4 m
  // thick), built as a scenario file's line exit is: the room and the opening (the
  // channel from the room to kExitWalkOn + kExitReach past the line) as one ring.
  const MicroLineExit e = micro_line_exit({side + 0.5 * wall, c - w}, {side + 0.5 * wall, c + w}, 0.5 * wall);
  Ring ring{{0.0, 0.0},   {side, 0.0},   {side, c - w}, e.opening[2],
            e.opening[3], {side, c + w}, {side, depth}, {0.0, depth}};
  Model m = micro_area({std::move(ring)});
  add_exit(m, e.exit, "door");
  return m;
}

Model micro_bottleneck(double depth, double width, double channel_width, double channel_length) {
  const double c = 0.5 * width, w = 0.5 * channel_width, line = depth + channel_length - 0.2;
  // A line exit across the channel 0.2 m before its end, built as a scenario file's
  // line exit is: the waiting area and the opening (the channel from the area to
  // kExitWalkOn + kExitReach past the line) as one ring.
  const MicroLineExit e = micro_line_exit({line, c - w}, {line, c + w}, line - depth);
  Ring ring{{0.0, 0.0},   {depth, 0.0},   {depth, c - w}, e.opening[2],
            e.opening[3], {depth, c + w}, {depth, width}, {0.0, width}};
  Model m = micro_area({std::move(ring)});
  add_exit(m, e.exit, "bottleneck");
  return m;
}

Model micro_periodic_corridor(double length, double width) {
  Model m = micro_area({rect(0.0, 0.0, length, width)});
  m.micro.periodic_x = true;
  return m;
}

int place_lattice(Model& m, Box area, int count, double spacing, int age, Mobility mob) {
  const int nx = static_cast<int>(std::floor(area.width() / spacing));
  const int ny = static_cast<int>(std::floor(area.height() / spacing));
  const double ox = area.min.x + 0.5 * (area.width() - (nx - 1) * spacing);
  const double oy = area.min.y + 0.5 * (area.height() - (ny - 1) * spacing);
  int placed = 0;
  for (int iy = 0; iy < ny && placed < count; ++iy)
    for (int ix = 0; ix < nx && placed < count; ++ix, ++placed) {
      const HouseholdId hh{m.population.size()};
      m.population.add(age, mob, false, false, hh, {ox + ix * spacing, oy + iy * spacing});
    }
  return placed;
}

Model micro_bottleneck_bench(int n) {
  // 1.6 P/m² (issue 5) on a square lattice: spacing 1/sqrt(1.6) = 0.79 m.
  const double spacing = 1.0 / std::sqrt(1.6);
  const int per_row = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
  const double side = per_row * spacing + 0.02;  // + a little so the lattice fits despite rounding
  Model m = micro_room_with_door(side, 2.0);
  Box area;
  area.extend({0.0, 0.0});
  area.extend({side, side});
  place_lattice(m, area, n, spacing);
  instant_departure(m);  // everyone walks from the first step
  m.run.dt = 0.05;
  m.run.duration = 4.0 * 3600.0;
  return m;
}

}  // namespace ss::builders
