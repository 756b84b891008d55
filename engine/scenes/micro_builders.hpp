#pragma once
// Shared micro scenes (movement: micro), used alike by tests, the verification
// suite, the benchmark and the GUI's demo mode. Coordinates in local metres.
#include <cstdint>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/movement/micro/micro_line_exit.hpp"
#include "engine/scenes/builders.hpp"  // add_residents, instant_departure work on micro scenes too

namespace ss::builders {

// Axis-aligned rectangle as a counter-clockwise ring.
Ring rect(double x0, double y0, double x1, double y1);

// An empty micro model over the given walkable rings and obstacles: dt 0.1 s, no
// exits yet (add_exit), timeline every 10 s.
Model micro_area(std::vector<Ring> walkable, std::vector<Ring> obstacles = {});

// Adds an exit polygon counted as a shelter of `capacity`: a body whose centre
// enters the polygon has left.
ShelterId add_exit(Model& m, Ring area, const char* name = "exit", std::int32_t capacity = 100000);
// Adds a line exit a → b with the outside on its right (micro_line_exit(), as
// scenario files build theirs): counted once the centre is kExitWalkOn past the line. The
// walkable rings must reach kExitWalkOn + kExitReach past the line (micro_line_exit's opening).
ShelterId add_line_exit(Model& m, Vec2 a, Vec2 b, const char* name = "exit", std::int32_t capacity = 100000);

// A corridor [0, length] × [0, width] with a 1 m exit zone beyond x = length.
Model micro_corridor(double length, double width);

// A room [0, side] × [0, side] with a door of `door_width` centred in its east wall
// (a 0.4 m thick wall); arriving = the centre kExitWalkOn past a line exit across the
// middle of the door channel (micro_line_exit(), as a scenario file's line exit).
Model micro_room_with_door(double side, double door_width);
// The same for a room [0, side] × [0, depth]: the door is centred in the east wall.
Model micro_room_with_door(double side, double depth, double door_width);

// A waiting area [0, depth] × [0, width] with a bottleneck channel `channel_width`
// wide and `channel_length` long centred in its east side; arriving = the centre
// kExitWalkOn past a line exit 0.2 m before the channel's end (micro_line_exit(): the walls
// go on kExitWalkOn + kExitReach past the line, the exit area beyond them is open).
Model micro_bottleneck(double depth, double width, double channel_width, double channel_length);

// A corridor [0, length] × [0, width] that wraps around in x (RiMEA 4).
Model micro_periodic_corridor(double length, double width);

// Places `count` residents of `age` on a square lattice of `spacing` m filling `area`
// row by row from its south-west corner (each resident its own household). Returns
// how many were placed (fewer when the area is too small).
int place_lattice(Model& m, Box area, int count, double spacing, int age = 35,
                  Mobility mob = Mobility::Walks);

// The bottleneck benchmark scene (issue 5): n residents at about 1.6 P/m² in a
// square room leaving through a 2 m exit.
Model micro_bottleneck_bench(int n);

}  // namespace ss::builders
