// The pieces of a micro scenario's geometry (layers, WKT, the map's streets,
// buildings and shelters) and their merge into the engine's MicroGeometry.
#include <algorithm>
#include <cmath>
#include <map>

#include "engine/movement/micro/micro_geometry.hpp"
#include "engine/movement/micro/micro_line_exit.hpp"
#include "maps/micro_geometry_import.hpp"
#include "scenarios/loader/micro_map_area.hpp"
#include "scenarios/loader/micro_parts.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::scenarios::micro {
namespace {

std::optional<bool> bool_attribute(const MicroFeature& f, const std::string& key) {
  const auto v = attribute(f, key);
  if (!v) return std::nullopt;
  std::string s = *v;
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s == "yes" || s == "true" || s == "1") return true;
  if (s == "no" || s == "false" || s == "0") return false;
  fail(f, key + " must be yes or no, got '" + *v + "'");
}

bool known_kind(const std::string& k) {
  return std::any_of(std::begin(kMicroKinds), std::end(kMicroKinds), [&](const char* x) { return k == x; });
}

// micro.area: the map's streets, buildings and shelters inside the area as pieces.
void map_area_pieces(const ScenarioDesc& d, Assembly& a, std::vector<Piece>& out, MapAreaContext& context) {
  const MicroAreaDesc& ad = *d.micro->area;
  MapArea ma = cut_map_area(d, a);
  context.residents = std::move(ma.residents);
  const Population& residents = context.residents;
  for (const PolygonRingsList& poly : ma.buildings) {
    Building b;
    b.outline = poly[0];
    if (b.outline.size() >= 2 && b.outline.front() == b.outline.back()) b.outline.pop_back();
    b.area = std::abs(signed_area(b.outline));
    b.centroid = centroid(b.outline);
    b.kind = "building";
    context.buildings.push_back(std::move(b));
  }
  if (ma.residents_in_map > 0)
    a.notes.push_back(std::to_string(residents.size()) + " of the map's " +
                      std::to_string(ma.residents_in_map) +
                      " residents live inside micro.area; the others are not part of this run");
  for (const std::string& f : ma.input_files) add_input(a, f);
  a.notes.insert(a.notes.end(), ma.notes.begin(), ma.notes.end());
  auto closed = [](PolygonRingsList poly) {
    for (Ring& r : poly)
      if (!r.empty() && r.front() != r.back()) r.push_back(r.front());
    return poly;
  };
  auto piece = [&](const char* kind, const std::string& name, const std::string& field, std::string where) {
    Piece p;
    p.f.kind = kind;
    p.f.name = name;
    p.f.file = d.origins.file;
    p.f.field = field;
    p.f.line = d.origins.line(field);
    p.f.where = std::move(where);
    return p;
  };
  Piece streets = piece("walkable", ad.name, ad.field, ad.field + " '" + ad.name + "'");
  for (const PolygonRingsList& poly : ma.streets) streets.f.polygons.push_back(closed(poly));
  out.push_back(std::move(streets));
  const std::string bfield = d.map.buildings.empty() ? "map.streets" : "map.buildings";
  for (std::size_t b = 0; b < ma.buildings.size(); ++b) {
    Piece p = piece("obstacle", ma.building_names[b], bfield, ma.building_names[b] + " of the map");
    p.f.polygons.push_back(closed(ma.buildings[b]));
    out.push_back(std::move(p));
  }
  for (const MapAreaExit& e : ma.exits) {
    Piece p = piece("exit", e.site.name, e.field, e.field + " '" + e.site.name + "'");
    p.f.polygons.push_back(closed({e.area}));
    p.capacity = e.site.capacity;
    p.open_time = e.site.open_time;
    p.step_free = e.site.step_free;
    out.push_back(std::move(p));
  }
}

// Every ring must be closed and simple; the engine's check (check_micro_ring) says
// what is wrong, this names the piece.
void check_polygons(const Piece& p) {
  for (const PolygonRingsList& poly : p.f.polygons)
    for (std::size_t j = 0; j < poly.size(); ++j) {
      const std::string ring = j == 0 ? "outline" : "hole " + std::to_string(j);
      Ring r = poly[j];
      if (r.size() >= 2 && r.front() != r.back())
        fail(p.f, "is an open polygon: its " + ring + " ends at " + at(r.back()) + ", not where it starts " +
                      at(r.front()));
      try {
        check_micro_ring(r, ring);
      } catch (const InputError& e) {
        fail(p.f, ring + " " + e.message());
      }
    }
}

// Rectangle along segment ab: ±half across it, extended by `extend` at both ends.
Ring strip(Vec2 a, Vec2 b, double half, double extend) {
  const Vec2 u = (b - a) * (1.0 / norm(b - a));
  const Vec2 n{-u.y * half, u.x * half};
  const Vec2 a2 = a - u * extend, b2 = b + u * extend;
  return {a2 - n, b2 - n, b2 + n, a2 + n};
}

// A door or line exit: one line of two distinct points; returns its width.
double door_line(const Piece& p, const char* what) {
  const bool ok =
      p.f.polygons.empty() && p.f.points.empty() && p.f.lines.size() == 1 && p.f.lines[0].size() == 2;
  if (!ok)
    fail(p.f, std::string("a ") + what +
                  " is a line of two points across its opening (its length is the clear width)");
  const double w = distance(p.f.lines[0][0], p.f.lines[0][1]);
  if (!(w > 0.0)) fail(p.f, std::string("the ") + what + " line has zero length");
  return w;
}

// A line exit counts a person once the body's centre has walked kExitWalkOn past the
// line to the outside (micro_line_exit(), as the shared verification scenes build
// theirs): the outside is the side with less of the walkable area within
// kExitWalkOn + kExitReach of the line. Its opening (door_depth / 2 inside,
// kExitWalkOn + kExitReach beyond, cutting the wall it sits in) joins the walkable
// area; the exit area lies beyond the line.
void line_exit(const Piece& p, const std::vector<PolygonRingsList>& base, double door_depth, Ring& area,
               std::vector<PolygonRingsList>& cutters) {
  const Vec2 a = p.f.lines[0][0], b = p.f.lines[0][1];
  const double right = maps::intersection_area(base, {{micro_line_exit(a, b, 0.0).opening}});
  const double left = maps::intersection_area(base, {{micro_line_exit(b, a, 0.0).opening}});
  const double half = 0.5 * distance(a, b) * (kExitWalkOn + kExitReach);  // m², half of one side's band
  if (right > half && left > half)
    fail(p.f,
         "has walkable ground on both sides: a line exit is drawn on the outer edge of a room or "
         "corridor, across its opening to the outside (or give the exit as a polygon)");
  const MicroLineExit e =
      right <= left ? micro_line_exit(a, b, 0.5 * door_depth) : micro_line_exit(b, a, 0.5 * door_depth);
  cutters.push_back({e.opening});
  area = e.exit;
}

// The band from `from` to `to` m off the line a → b, on its right, as long as the line.
Ring side_band(Vec2 a, Vec2 b, double from, double to) {
  const Vec2 d = b - a;
  const Vec2 out = Vec2{d.y, -d.x} * (1.0 / norm(d));
  return {b + out * from, a + out * from, a + out * to, b + out * to};
}

// A door joins the places on both sides only when its door_depth rectangle reaches
// walkable ground on each; a shallower one leaves a sliver of wall (or of the gap
// drawn as a wall) that would later read as a passage "narrower than a body". Says
// so, and how deep the rectangle must be: it probes a 5 cm band just past each end
// of the rectangle, and past it in 5 cm steps the ground without doors.
void check_door_reaches(const Piece& door, const std::vector<PolygonRingsList>& area,
                        const std::vector<PolygonRingsList>& ground, double door_depth) {
  constexpr double kBand = 0.05;  // m
  const Vec2 a = door.f.lines[0][0], b = door.f.lines[0][1];
  const double full = distance(a, b) * kBand;  // m², one band
  for (const bool right : {true, false}) {
    const Vec2 p = right ? a : b, q = right ? b : a;
    const double half = 0.5 * door_depth;
    if (maps::intersection_area(area, {{side_band(p, q, half, half + kBand)}}) >= 0.5 * full) continue;
    const Vec2 mid = (p + q) * 0.5;
    const Vec2 toward = mid + Vec2{(q - p).y, -(q - p).x} * ((half + kBand) / norm(q - p));
    std::string advice =
        "no walkable ground lies within 5 m on that side: a door joins two rooms or corridors";
    for (double x = half; x < 5.0; x += kBand)
      if (maps::intersection_area(ground, {{side_band(p, q, x, x + kBand)}}) >= 0.5 * full) {
        advice = "the walkable ground there begins about " + metres(x) +
                 " from the door line: make micro.door_depth at least " + metres(2.0 * (x + kBand));
        break;
      }
    fail(door.f, "does not open a way through: micro.door_depth is " + metres(door_depth) +
                     ", so the opening a door cuts reaches " + metres(half) +
                     " either side of its line, and on "
                     "its side towards " +
                     at(toward) + " that ends in a wall or outside every room; " + advice);
  }
}

constexpr double kMaxLocal = 10'000.0;  // m from the origin

}  // namespace

std::vector<Piece> collect_pieces(const ScenarioDesc& d, Assembly& a, MapAreaContext& context) {
  const MicroSection& s = *d.micro;
  std::vector<Piece> out;
  if (s.area) map_area_pieces(d, a, out, context);
  for (const MicroLayerDesc& l : s.layers) {
    add_input(a, l.file);
    maps::MicroLayerSource src;
    src.file = l.file;
    src.layer = l.layer;
    src.kind = l.kind;
    src.kind_field = l.kind_field;
    src.name_field = l.name_field;
    src.origin_file = d.origins.file;
    src.origin_line = l.line;
    src.origin_field = l.field + ".file";
    for (MicroFeature& f : maps::read_micro_layer(src)) {
      Piece p;
      p.f = std::move(f);
      if (!known_kind(p.f.kind)) {
        const std::vector<std::string> kinds(std::begin(kMicroKinds), std::end(kMicroKinds));
        fail(p.f, "unknown kind '" + p.f.kind + "'" + detail::did_you_mean(p.f.kind, kinds) +
                      "; one of room, corridor, walkable, obstacle, wall, door, exit");
      }
      if (const auto c = number_attribute(p.f, "capacity")) {
        if (!(*c >= 1.0) || *c > 1e8 || std::floor(*c) != *c)
          fail(p.f, "capacity must be a positive whole number of persons");
        p.capacity = static_cast<std::int64_t>(*c);
      }
      if (const auto t = number_attribute(p.f, "open_time")) {
        if (*t < 0.0) fail(p.f, "open_time must not be negative (s)");
        p.open_time = *t;
      }
      p.step_free = bool_attribute(p.f, "step_free");
      if (const auto t = number_attribute(p.f, "thickness")) {
        if (!(*t > 0.0)) fail(p.f, "thickness must be greater than 0 (m)");
        p.thickness = *t;
      }
      out.push_back(std::move(p));
    }
  }
  for (const MicroShapeDesc& sh : s.shapes) {
    Piece p;
    p.f = maps::parse_micro_wkt(sh.wkt, d.origins.file, sh.line, sh.field);
    p.f.kind = sh.kind;
    p.f.name = sh.name;
    if (!sh.name.empty()) p.f.where = sh.field + " '" + sh.name + "'";
    p.capacity = sh.capacity;
    p.open_time = sh.open_time;
    p.step_free = sh.step_free;
    p.thickness = sh.thickness;
    out.push_back(std::move(p));
  }
  return out;
}

Geometry build_geometry(const std::vector<Piece>& pieces, const MicroSection& s) {
  Geometry g;
  std::vector<PolygonRingsList> walk, cutters, blocks;
  for (const Piece& p : pieces) {
    const std::string& k = p.f.kind;
    if (k == "room" || k == "corridor" || k == "walkable" || k == "obstacle") {
      if (!p.f.lines.empty() || !p.f.points.empty() || p.f.polygons.empty())
        fail(p.f, "a " + k + " must be a polygon");
      check_polygons(p);
      auto& dst = k == "obstacle" ? blocks : walk;
      dst.insert(dst.end(), p.f.polygons.begin(), p.f.polygons.end());
      if (k == "obstacle")
        g.blocks.push_back(&p);
      else if (!p.f.name.empty())
        g.places.push_back(&p);
    } else if (k == "wall") {
      if (!p.f.points.empty()) fail(p.f, "a wall is a polygon or a line");
      check_polygons(p);
      blocks.insert(blocks.end(), p.f.polygons.begin(), p.f.polygons.end());
      const double half = 0.5 * p.thickness.value_or(s.wall_thickness);
      for (const Ring& line : p.f.lines)
        for (std::size_t i = 0; i + 1 < line.size(); ++i)
          if (distance(line[i], line[i + 1]) > 0.0)
            blocks.push_back({strip(line[i], line[i + 1], half, half)});
      g.blocks.push_back(&p);
    } else if (k == "door") {
      door_line(p, "door");
      cutters.push_back({strip(p.f.lines[0][0], p.f.lines[0][1], 0.5 * s.door_depth, 0.0)});
      g.doors.push_back(&p);
      g.micro.doors.push_back({p.f.where, strip(p.f.lines[0][0], p.f.lines[0][1], 0.5 * s.door_depth, 0.0)});
    } else {      // exit
      Ring area;  // a line exit's: below, once the walkable area says which side is outside
      if (!p.f.lines.empty() || !p.f.points.empty()) {
        door_line(p, "line exit");
      } else {
        check_polygons(p);
        if (p.f.polygons.size() != 1 || p.f.polygons[0].size() != 1)
          fail(p.f, "an exit polygon is one polygon without holes");
        area = p.f.polygons[0][0];
        area.pop_back();  // closing vertex (checked closed above)
        cutters.push_back({area});
      }
      g.exits.push_back(&p);
      g.exit_areas.push_back(std::move(area));
    }
  }
  // A door (or a line exit) opens its wall only when it is deeper than the wall is thick (strip() above:
  // door_depth across the door line, the wall's thickness across the wall line); a
  // shallower one leaves a sliver of wall that later reads as "narrower than a body".
  std::vector<const Piece*> openings = g.doors;  // doors and line exits
  for (const Piece* e : g.exits)
    if (!e->f.lines.empty()) openings.push_back(e);
  for (const Piece* door : openings) {
    const Vec2 mid = (door->f.lines[0][0] + door->f.lines[0][1]) * 0.5;
    for (const Piece* wall : g.blocks) {
      if (wall->f.kind != "wall") continue;
      const double thick = wall->thickness.value_or(s.wall_thickness);
      if (s.door_depth > thick) continue;
      for (const Ring& line : wall->f.lines)
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
          const SegmentProjection pr = project_on_segment(mid, line[i], line[i + 1]);
          if (pr.distance > 0.5 * thick + 1e-9) continue;
          fail(door->f, "sits in wall '" + wall->f.name + "' (" + wall->f.where + "), " + metres(thick) +
                            " thick, but micro.door_depth is " + metres(s.door_depth) +
                            ": a door or line exit cuts an opening door_depth deep across its line, so "
                            "door_depth must be more than the thickness of the walls they sit in");
        }
    }
  }

  if (walk.empty())
    throw InputError("", 0, "micro", "the geometry has no room, corridor or walkable polygon");
  if (g.exits.empty()) throw InputError("", 0, "micro.exits", "the geometry has no exit (kind exit)");

  // An exit must lie on the edge of or inside what is walkable.
  const std::vector<PolygonRingsList> base = maps::polygon_union(walk);
  for (std::size_t e = 0; e < g.exits.size(); ++e) {
    const Piece& p = *g.exits[e];
    const bool line = g.exit_areas[e].empty();
    const Ring probe =
        line ? strip(p.f.lines[0][0], p.f.lines[0][1], 0.5 * s.door_depth, 0.0) : g.exit_areas[e];
    if (!(maps::intersection_area(base, {{probe}}) > 1e-6))
      fail(p.f,
           "lies outside the walkable area: an exit must lie on the edge of (or inside) a room, "
           "corridor or walkable polygon");
    if (line) line_exit(p, base, s.door_depth, g.exit_areas[e], cutters);
  }

  // Doors and exits cut through walls and obstacles and join what they touch; what
  // is left of the obstacles is cut out of the walkable area.
  const std::vector<PolygonRingsList> solid = maps::polygon_difference(blocks, cutters);
  std::vector<PolygonRingsList> open = walk;
  open.insert(open.end(), cutters.begin(), cutters.end());
  const std::vector<PolygonRingsList> area = maps::polygon_difference(open, solid);
  if (area.empty()) throw InputError("", 0, "micro", "walls and obstacles cover the whole walkable area");
  if (!g.doors.empty()) {
    const std::vector<PolygonRingsList> ground = maps::polygon_difference(walk, blocks);
    for (const Piece* door : g.doors) check_door_reaches(*door, area, ground, s.door_depth);
  }
  // Box2D computes in single precision (about 1 mm at 10 km from the origin, half a
  // metre at UTM northings), so building geometry must be in local metres.
  double far = 0.0;
  for (const PolygonRingsList& part : area)
    for (const Vec2 q : part[0]) far = std::max({far, std::fabs(q.x), std::fabs(q.y)});
  if (far > kMaxLocal)
    throw InputError(
        "", 0, "micro",
        "the geometry lies " + std::to_string(std::lround(far / 1000.0)) +
            " km from (0, 0): give it in local metres near the origin (the body model computes in "
            "single precision)");
  for (const PolygonRingsList& part : area) {
    g.micro.walkable.push_back(part[0]);
    for (std::size_t j = 1; j < part.size(); ++j) g.micro.obstacles.push_back(part[j]);
  }
  return g;
}

}  // namespace ss::scenarios::micro
