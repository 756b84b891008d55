#pragma once
// Geometry of a micro (body-scale) area in the local metric CRS: a walkable region
// (outer rings) with obstacles cut out (buildings, walls, pillars), and exits
// (polygons; entering one means arriving at its shelter). finalize_micro() checks it
// and rasterises it once into a MicroGrid that the micro movement model reads: the
// model is immutable, so the grid is derived data of the model, not of the state.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/core/params.hpp"
#include "engine/movement/micro/micro_stairs.hpp"
#include "engine/world/geometry.hpp"

namespace ss {

struct Model;

struct MicroExit {
  // A polygon (a body whose centre lies inside has left); a ring of 2 points a → b
  // is a line exit: finalize_micro() takes micro_line_exit(a, b, 0).exit instead.
  Ring area;          // m
  ShelterId shelter;  // where people who enter it are counted as safe
};

// Raster of the micro area, built by finalize_micro(). Cell (ix, iy) has its
// centre at origin + ((ix + 0.5) h, (iy + 0.5) h); index iy * nx + ix.
struct MicroGrid {
  Vec2 origin;   // m, south-west corner of cell (0,0)
  double h = 0;  // m, cell size
  int nx = 0, ny = 0;
  std::vector<std::uint8_t> walkable;  // 0/1: centre inside the walkable area, (cells)
  std::vector<float> wall_distance;    // m from the centre to the nearest non-walkable cell, (cells)
  std::vector<std::int16_t> exit;      // index into MicroGeometry::exits, -1 = none, (cells)
  // Walking cost per cell (walking_cost() with the model's params and `sideways`,
  // micro_field.hpp), the one every navigation field of the run is built on, (cells)
  std::vector<float> cost;
  // Some resident's every way out is narrower than its body, so walkers turn sideways
  // (micro_passage.hpp micro_needs_sideways): the field opens cells down to the
  // sideways radius (walking_cost) and bodies shrink in narrow places (micro_substep.cpp).
  bool sideways = false;

  [[nodiscard]] std::size_t size() const { return walkable.size(); }
  [[nodiscard]] Vec2 centre(int ix, int iy) const {
    return {origin.x + (ix + 0.5) * h, origin.y + (iy + 0.5) * h};
  }
  // Cell containing p, or -1 when p lies off the grid.
  [[nodiscard]] long cell_of(Vec2 p) const {
    const double fx = (p.x - origin.x) / h, fy = (p.y - origin.y) / h;
    if (!(fx >= 0.0 && fy >= 0.0 && fx < nx && fy < ny)) return -1;
    return static_cast<long>(fy) * nx + static_cast<long>(fx);
  }
};

// A named door opening (its door_depth deep rectangle), for messages that name a place.
struct MicroDoor {
  std::string name;  // where the scenario gives it, e.g. "micro.doors[0] 'Middle door'"
  Ring area;         // m
};

struct MicroGeometry {
  std::vector<Ring> walkable;   // outer rings of the walkable area, m
  std::vector<Ring> obstacles;  // rings cut out of it (buildings, walls), m
  std::vector<MicroExit> exits;
  // A corridor that wraps around in x (RiMEA 4 runs the fundamental diagram on a
  // periodic corridor): bodies leaving past the largest x re-enter at the smallest,
  // the end walls are left out, and everyone walks towards +x; no exits needed.
  bool periodic_x = false;
  std::vector<MicroDoor> doors;    // for naming places only; the walkable rings hold the openings
  std::vector<MicroStair> stairs;  // stair areas (micro_stairs.hpp): slower walking, no wheelchairs

  MicroGrid grid;  // derived by finalize_micro()

  [[nodiscard]] bool empty() const { return walkable.empty(); }
  // Inside some walkable ring and outside every obstacle (exact polygon test).
  [[nodiscard]] bool walkable_at(Vec2 p) const;
  // m from p to the nearest wall segment (walkable and obstacle rings).
  [[nodiscard]] double wall_distance(Vec2 p) const;
};

// Checks that a ring is a simple polygon (at least 3 distinct finite vertices, no
// self-intersection, non-zero area) after dropping a repeated closing vertex; throws
// InputError naming `field`. finalize_micro() applies it to every ring; importers
// call it per feature first so that the error can name the file and feature.
void check_micro_ring(Ring& r, const std::string& field);

// Checks the micro geometry, the run settings, shelters and residents of a model
// with movement: micro, and derives model.micro.grid and the per-resident fields
// Model::finalize() derives for the network. Throws InputError naming the field:
// "micro.walkable" (open, degenerate or self-intersecting ring), "micro.exits" (no
// exit, an exit outside the walkable area, an unknown shelter), "population[<resident>]"
// (a resident inside a wall or unable to reach any exit).
void finalize_micro(Model& m);

// Start places for residents whose homes lie off the walkable area (in buildings,
// which a map area cuts out as holes): for each home in order, the centre of the
// nearest navigation-grid cell that is walkable, at least its body radius plus
// `clearance` from every wall, joined to an exit, and at least the two radii plus
// `clearance` from every body placed before it; nullopt when there is none within
// `max_distance` of the home. Rasterises `g` (which needs its exits) on p.grid_cell
// as finalize_micro() does. Deterministic: ties go to the cell met first.
std::vector<std::optional<Vec2>> micro_start_places(MicroGeometry g, const MicroParams& p,
                                                    std::span<const Vec2> homes,
                                                    std::span<const double> radii, double clearance,
                                                    double max_distance);

// Body radius of a resident by profile (MicroParams, FDS+Evac body types).
double body_radius(int age, Mobility mobility, const MicroParams& p);
// The narrowest a resident's body gets: turned sideways, half its torso depth
// (MicroParams::sideways_radius_*); a wheelchair does not turn (its body_radius).
double passing_radius(int age, Mobility mobility, const MicroParams& p);
// The smallest sideways radius of any profile (the field's narrowest open cells).
double smallest_passing_radius(const MicroParams& p);

}  // namespace ss
