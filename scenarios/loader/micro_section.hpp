#pragma once
// The `micro:` block and the micro `population:` of a scenario with movement: micro
// (docs/micro.md), as plain description structs. Building-scale geometry in local
// metres comes from GIS layers and/or WKT written in the file; residents are placed
// by room with counts, at points, or from a point layer. scenarios/loader/sections_micro.cpp
// reads them, scenarios/loader/micro_assembly.cpp turns them into the engine's MicroGeometry,
// shelters (one per exit) and Population.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/world/geometry.hpp"
#include "engine/world/population.hpp"
#include "engine/world/population_synthesis.hpp"

namespace ss::scenarios {

// Kinds of micro geometry. Rooms, corridors and walkable polygons are merged into
// the walkable area; obstacles (polygons) and walls (polygons, or lines of a
// thickness) are cut out of it; doors (2-point lines across an opening, length =
// clear width) cut through walls and join what they touch; exits (2-point lines on
// the outer edge, or polygons) are where people leave, each counted as a shelter.
inline constexpr const char* kMicroKinds[] = {"room", "corridor", "walkable", "obstacle",
                                              "wall", "door",     "exit"};

// One piece written in the scenario as WKT.
struct MicroShapeDesc {
  std::string kind;  // one of kMicroKinds
  std::string name;  // optional; rooms are found by it, exits become shelters of that name
  std::string wkt;
  std::optional<std::int64_t> capacity;  // exits: persons, > 0
  std::optional<double> open_time;       // exits: s after start
  std::optional<bool> step_free;         // exits
  std::optional<double> thickness;       // walls given as lines: m
  std::string field;                     // "micro.rooms[2]", for errors
  int line = 0;
};

// A GeoJSON/GeoPackage/... layer of micro geometry in local metres. Attributes read
// when present: name_field, capacity, open_time (s), step_free (yes/no), thickness (m).
struct MicroLayerDesc {
  std::string file;   // absolute after loading
  std::string layer;  // empty: the first layer
  std::string kind;   // every feature is of this kind, or empty: read kind_field
  std::string kind_field = "kind";
  std::string name_field = "name";
  std::string field;  // "micro.layers[0]"
  int line = 0;
};

// One entry of population.residents: `count` residents placed in room `room`, or
// one resident at `at`. Age and mobility are drawn from the profile shares unless
// given.
struct MicroResidentsDesc {
  std::string room;
  std::optional<Vec2> at;  // m
  std::int64_t count = 1;
  std::optional<int> age;  // years
  std::optional<Mobility> mobility;
  std::string field;  // "population.residents[3]"
  int line = 0;
};

// A point layer: one resident per point (attributes age and mobility when present).
struct MicroPointsDesc {
  std::string file, layer;
  std::string age_field = "age", mobility_field = "mobility";
  std::string field;  // "population.points"
  int line = 0;
};

struct MicroPopulationDesc {
  std::vector<MicroResidentsDesc> residents;
  std::optional<MicroPointsDesc> points;
  // With micro.area: population.registry or population.synthesize read as in a
  // network scenario (ScenarioDesc::population); residents whose homes lie in the
  // area start on the street surface nearest their home.
  bool from_map = false;
  ProfileShares shares;  // as population.synthesize.shares (engine/world/population_synthesis.hpp)
  AssistanceRules assistance;
  std::uint64_t seed = 1;  // placement and profile draws (part of the model, like synthesis_seed)
  // Start places in a room lie on a square lattice of this spacing, at least half
  // of it from every wall, so no two bodies overlap at the start: 0.75 m is the
  // widest body (ISO 7193 wheelchair, 0.70 m; MicroParams::radius_wheelchair) plus
  // 5 cm.
  double spacing = 0.75;  // m
};

// A region of the scenario's map (micro.area): its streets buffered by their width,
// buildings cut out as holes, and an exit at each shelter inside it.
struct MicroAreaDesc {
  std::string name = "area";  // the place residents are put in (residents: {room: <name>})
  std::vector<std::pair<double, double>> outline;  // degrees, WGS 84 (lon, lat), a polygon
  // Each shelter inside the area gets an exit of this side, centred where the walkable
  // area comes nearest its point (its entrance): a double door (assumption).
  double exit_size = 2.0;  // m
  std::string field;       // "micro.area"
  int line = 0;
};

// A stair area (micro.stairs, docs/micro.md "Stairs"): a polygon of its horizontal
// run and the way up in plan.
struct MicroStairDesc {
  std::string name;
  std::string wkt;
  Vec2 up{0.0, 0.0};  // m, any length > 0
  std::string field;  // "micro.stairs[0]"
  int line = 0;
};

struct MicroSection {
  std::optional<MicroAreaDesc> area;
  std::vector<MicroLayerDesc> layers;
  std::vector<MicroShapeDesc> shapes;  // written inline, in file order
  // Walls drawn as lines get this thickness unless a feature says otherwise
  // (assumption: a light interior partition wall with plaster, 10–15 cm, rounded up).
  double wall_thickness = 0.2;  // m
  // Doors and line exits become rectangles this deep across their line: a door cuts
  // walls up to this thick (load-bearing masonry walls are up to about 0.5 m), an
  // exit reaches half of it inside and half outside the building.
  double door_depth = 1.0;             // m
  std::vector<MicroStairDesc> stairs;  // scenarios/loader/micro_stairs_section.cpp
  MicroPopulationDesc population;
};

}  // namespace ss::scenarios
