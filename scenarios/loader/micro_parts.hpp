#pragma once
// Parts of the micro scenario assembly (scenarios/loader/micro_assembly.cpp), shared by its
// files: the geometry pieces read from layers, WKT and the map (micro_pieces.cpp),
// the merged geometry, and the residents placed in it (micro_population.cpp).
// Internal to the scenarios library.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/input_error.hpp"
#include "engine/movement/micro/micro_geometry.hpp"
#include "maps/micro_geometry_import.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/micro_section.hpp"

namespace ss::scenarios::micro {

using maps::MicroFeature;
using maps::PolygonRingsList;

// One piece of geometry with the attributes its kind uses.
struct Piece {
  MicroFeature f;
  std::optional<std::int64_t> capacity;  // exits, persons
  std::optional<double> open_time;       // exits, s
  std::optional<bool> step_free;         // exits
  std::optional<double> thickness;       // walls, m
};

struct Geometry {
  MicroGeometry micro;              // walkable and obstacle rings (no exits yet)
  std::vector<const Piece*> exits;  // in exit order
  std::vector<Ring> exit_areas;     // m, (exits)
  std::vector<const Piece*> doors;
  std::vector<const Piece*> blocks;  // obstacles and walls, for naming what a resident is inside
  std::vector<const Piece*> places;  // named rooms, corridors and walkable polygons
};

// Where each resident came from, to name it when the engine rejects its position.
struct ResidentOrigin {
  std::string file;
  int line = 0;
  std::string field;
  std::string what;  // "room 'Class 1a'", "point (3.00, 4.00)"
};

inline std::string at(Vec2 p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "(%.2f, %.2f)", p.x, p.y);
  return buf;
}

inline std::string metres(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f m", v);
  return buf;
}

// Layer features carry their name in the field ("layer 'school', feature 3 'Class 1a'");
// pieces written in the scenario are named in the message.
[[noreturn]] inline void fail(const MicroFeature& f, const std::string& message) {
  throw InputError(f.file, f.line, f.field,
                   (f.line > 0 && !f.name.empty() ? "'" + f.name + "' " : "") + message);
}

inline std::optional<std::string> attribute(const MicroFeature& f, const std::string& key) {
  const auto it = f.attributes.find(key);
  if (it == f.attributes.end()) return std::nullopt;
  std::string v = it->second;
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
  v.erase(0, std::min(v.size(), v.find_first_not_of(" \t")));
  if (v.empty()) return std::nullopt;
  return v;
}

inline std::optional<double> number_attribute(const MicroFeature& f, const std::string& key) {
  const auto v = attribute(f, key);
  if (!v) return std::nullopt;
  double x = 0.0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), x);
  if (ec != std::errc{} || end != v->data() + v->size() || !std::isfinite(x))
    fail(f, key + " is not a number: '" + *v + "'");
  return x;
}

inline bool inside_polygon(const PolygonRingsList& poly, Vec2 q) {
  if (poly.empty() || !contains(poly[0], q)) return false;
  for (std::size_t j = 1; j < poly.size(); ++j)
    if (contains(poly[j], q)) return false;
  return true;
}

// What a micro.area gives besides pieces: the residents living in it (with a
// registry or synthesized population) and the map's buildings touching it, drawn
// by the GUI around the street surface (area coordinates).
struct MapAreaContext {
  Population residents;
  std::vector<Building> buildings;
};

// Every piece of the scenario: its layers, WKT shapes and (micro.area) the map's
// streets, buildings and shelter entrances, with the area's context in `context`.
std::vector<Piece> collect_pieces(const ScenarioDesc& d, Assembly& a, MapAreaContext& context);

// The pieces merged into walkable and obstacle rings, exits, doors and places.
Geometry build_geometry(const std::vector<Piece>& pieces, const MicroSection& s);

// Residents by room, at points and from a point layer, with where each came from.
Population build_population(const ScenarioDesc& d, const Geometry& g, const std::vector<Piece>& pieces,
                            std::vector<ResidentOrigin>& origin, Assembly& a);

// The map's residents inside micro.area (population.registry/synthesize): their
// homes are in buildings, which the area cuts out, so each starts on the street
// surface nearest the home, clear of walls and of the bodies placed before it.
void add_map_residents(const ScenarioDesc& d, const Geometry& g, const Population& from_map, Population& pop,
                       std::vector<ResidentOrigin>& origin, Assembly& a);

}  // namespace ss::scenarios::micro
