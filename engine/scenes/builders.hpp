#pragma once
// Shared scenario builders: small worlds built in code, used alike by tests,
// benchmarks and the GUI's demo mode, so every layer exercises the same scenes.
#include <cstdint>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/hazards/flood/flood.hpp"

namespace ss::builders {

// A straight street of `length` × `width` m from node 0 (x = 0) to node 1 (x =
// length), split into `segments` equal edges; a shelter of `capacity` at the far end.
Model corridor(double length, double width, int segments = 1, std::int32_t capacity = 1000);

// A straight stair `along` m long measured along its slope and `width` m wide, of
// 17/29 cm steps (engine/world/slope.hpp): node 0 at its foot (`up`) or its top, node 1 at
// the other end with a shelter of `capacity`. RiMEA 2 (up) and 3 (down).
Model staircase(double along, double width, bool up, std::int32_t capacity = 1000);

// A square grid of nx × ny junctions `spacing` m apart with streets of `width` m.
// Node (ix, iy) has index iy * nx + ix and sits at (ix * spacing, iy * spacing).
Model street_grid(int nx, int ny, double spacing, double width);

// Adds a shelter at node n and returns its id.
ShelterId add_shelter(Model& m, NodeId n, std::int32_t capacity, const char* name = "shelter",
                      bool step_free = true);

// Adds `count` residents of `age` at position p (each its own household).
void add_residents(Model& m, Vec2 p, int count, int age = 35, Mobility mob = Mobility::Walks);

// Residents who leave the instant they are warned (no pre-movement delay) walking at
// exactly `speed`: for tests that check movement alone.
void instant_departure(Model& m);

// A dry, flat flood grid of nx × ny square cells from `origin` with the bed at `z`,
// Manning n 0.03 (Chow 1959, Table 5-6: concrete, finished to rough) everywhere and no
// blocked cells: tests shape ponds, walls and sources on it.
FloodDesc flat_flood(Vec2 origin, double cell, int nx, int ny, double z = 1.0);

}  // namespace ss::builders
