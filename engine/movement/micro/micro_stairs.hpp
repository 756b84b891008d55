#pragma once
// Stairs in a micro area: polygons of the floor plan where a body walks at the stair
// speeds of the network model (engine/world/slope.hpp: SFPE free-flow speed along the
// slope line, Fruin's up/down ratio, slower for people aged 60 and over and with a
// walking aid), projected on the plan: a stair is drawn by its horizontal run, so a
// body crosses it at the speed along the slope line × cos 30.4° (17/29 cm steps).
// Which way a body walks it (up or down) comes from its walking direction against the
// stair's `up` vector. Wheelchair users never use stairs: their navigation field
// treats stair cells as walls, and finalize_micro() refuses a wheelchair user whose
// only way out crosses one (docs/micro.md "Stairs").
#include <span>
#include <string>
#include <vector>

#include "engine/world/geometry.hpp"
#include "engine/world/population.hpp"

namespace ss {

struct Model;
struct MicroGeometry;
struct MicroGrid;

struct MicroStair {
  Ring area;          // m, the stair's horizontal run in plan
  Vec2 up{0.0, 0.0};  // the way up in plan; a unit vector after check_micro_stairs()
  std::string name;   // for messages, e.g. "micro.stairs[0] 'Main stair'"; may be empty
};

// Checks every stair of g (a simple polygon, a finite non-zero `up`) and makes `up` a
// unit vector; throws InputError naming "micro.stairs[i]".
void check_micro_stairs(MicroGeometry& g);

// Index of the stair containing p, -1 when none.
int stair_at(const MicroGeometry& g, Vec2 p);

// Speed cap (m/s, in plan) of a body with level free speed v0 (m/s) walking in
// direction `dir` at p: v0 off the stairs; on a stair min(v0, stair_speed_along) ×
// cos of the stair's slope, as stair_factor() gives. Walking across the stair (dir ⊥
// up, or no direction) counts as going up, the slower way.
double micro_stair_cap(const MicroGeometry& g, Vec2 p, Vec2 dir, double v0, AgeBand band, Mobility mob);

// `cost` (walking cost per grid cell) with every cell whose centre lies on a stair made
// impassable (+inf): the field of wheelchair users.
std::vector<float> step_free_cost(const MicroGeometry& g, std::span<const float> cost);

// Wheelchair users whose home lies on a stair, or who can reach a step-free exit only
// across a stair: throws InputError naming "population[<resident>]". `cost` is the
// walking cost finalize_micro() built the navigation check on.
void check_micro_stairs_step_free(const Model& m, std::span<const float> cost);

}  // namespace ss
