#include "scenarios/micro_assembly.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>

#include "engine/micro_geometry.hpp"
#include "engine/rng.hpp"
#include "maps/micro_geometry_import.hpp"
#include "scenarios/assemble.hpp"
#include "scenarios/micro_map_area.hpp"
#include "scenarios/yaml_reader.hpp"

namespace ss::scenarios {
namespace {

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

std::string at(Vec2 p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "(%.2f, %.2f)", p.x, p.y);
  return buf;
}

std::string metres(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f m", v);
  return buf;
}

// Layer features carry their name in the field ("layer 'school', feature 3 'Class 1a'");
// pieces written in the scenario are named in the message.
[[noreturn]] void fail(const MicroFeature& f, const std::string& message) {
  throw InputError(f.file, f.line, f.field, (f.line > 0 && !f.name.empty() ? "'" + f.name + "' " : "") + message);
}

std::optional<std::string> attribute(const MicroFeature& f, const std::string& key) {
  const auto it = f.attributes.find(key);
  if (it == f.attributes.end()) return std::nullopt;
  std::string v = it->second;
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
  v.erase(0, std::min(v.size(), v.find_first_not_of(" \t")));
  if (v.empty()) return std::nullopt;
  return v;
}

std::optional<double> number_attribute(const MicroFeature& f, const std::string& key) {
  const auto v = attribute(f, key);
  if (!v) return std::nullopt;
  double x = 0.0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), x);
  if (ec != std::errc{} || end != v->data() + v->size() || !std::isfinite(x))
    fail(f, key + " is not a number: '" + *v + "'");
  return x;
}

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
void map_area_pieces(const ScenarioDesc& d, Assembly& a, std::vector<Piece>& out, Population& residents) {
  const MicroAreaDesc& ad = *d.micro->area;
  MapArea ma = cut_map_area(d, a);
  residents = std::move(ma.residents);
  if (ma.residents_in_map > 0)
    a.problems.push_back(std::to_string(residents.size()) + " of the map's " + std::to_string(ma.residents_in_map) +
                         " residents live inside micro.area; the others are not part of this run");
  for (const std::string& f : ma.input_files) add_input(a, f);
  a.problems.insert(a.problems.end(), ma.problems.begin(), ma.problems.end());
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

std::vector<Piece> collect_pieces(const ScenarioDesc& d, Assembly& a, Population& map_residents) {
  const MicroSection& s = *d.micro;
  std::vector<Piece> out;
  if (s.area) map_area_pieces(d, a, out, map_residents);
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
        if (!(*c >= 1.0) || *c > 1e8 || std::floor(*c) != *c) fail(p.f, "capacity must be a positive whole number of persons");
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
  const bool ok = p.f.polygons.empty() && p.f.points.empty() && p.f.lines.size() == 1 && p.f.lines[0].size() == 2;
  if (!ok)
    fail(p.f, std::string("a ") + what + " is a line of two points across its opening (its length is the clear width)");
  const double w = distance(p.f.lines[0][0], p.f.lines[0][1]);
  if (!(w > 0.0)) fail(p.f, std::string("the ") + what + " line has zero length");
  return w;
}

bool inside_polygon(const PolygonRingsList& poly, Vec2 q) {
  if (poly.empty() || !contains(poly[0], q)) return false;
  for (std::size_t j = 1; j < poly.size(); ++j)
    if (contains(poly[j], q)) return false;
  return true;
}

struct Geometry {
  MicroGeometry micro;                  // walkable and obstacle rings (no exits yet)
  std::vector<const Piece*> exits;      // in exit order
  std::vector<Ring> exit_areas;         // m, (exits)
  std::vector<const Piece*> doors;
  std::vector<const Piece*> blocks;     // obstacles and walls, for naming what a resident is inside
  std::vector<const Piece*> places;     // named rooms, corridors and walkable polygons
};

constexpr double kMaxLocal = 10'000.0;  // m from the origin

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
      if (k == "obstacle") g.blocks.push_back(&p);
      else if (!p.f.name.empty()) g.places.push_back(&p);
    } else if (k == "wall") {
      if (!p.f.points.empty()) fail(p.f, "a wall is a polygon or a line");
      check_polygons(p);
      blocks.insert(blocks.end(), p.f.polygons.begin(), p.f.polygons.end());
      const double half = 0.5 * p.thickness.value_or(s.wall_thickness);
      for (const Ring& line : p.f.lines)
        for (std::size_t i = 0; i + 1 < line.size(); ++i)
          if (distance(line[i], line[i + 1]) > 0.0) blocks.push_back({strip(line[i], line[i + 1], half, half)});
      g.blocks.push_back(&p);
    } else if (k == "door") {
      door_line(p, "door");
      cutters.push_back({strip(p.f.lines[0][0], p.f.lines[0][1], 0.5 * s.door_depth, 0.0)});
      g.doors.push_back(&p);
    } else {  // exit
      Ring area;
      if (!p.f.lines.empty() || !p.f.points.empty()) {
        door_line(p, "line exit");
        area = strip(p.f.lines[0][0], p.f.lines[0][1], 0.5 * s.door_depth, 0.0);
      } else {
        check_polygons(p);
        if (p.f.polygons.size() != 1 || p.f.polygons[0].size() != 1)
          fail(p.f, "an exit polygon is one polygon without holes");
        area = p.f.polygons[0][0];
        area.pop_back();  // closing vertex (checked closed above)
      }
      cutters.push_back({area});
      g.exits.push_back(&p);
      g.exit_areas.push_back(std::move(area));
    }
  }
  if (walk.empty()) throw InputError("", 0, "micro", "the geometry has no room, corridor or walkable polygon");
  if (g.exits.empty()) throw InputError("", 0, "micro.exits", "the geometry has no exit (kind exit)");

  // An exit must lie on the edge of or inside what is walkable.
  const std::vector<PolygonRingsList> base = maps::polygon_union(walk);
  for (std::size_t e = 0; e < g.exits.size(); ++e)
    if (!(maps::intersection_area(base, {{g.exit_areas[e]}}) > 1e-6))
      fail(g.exits[e]->f, "lies outside the walkable area: an exit must lie on the edge of (or inside) a room, "
                          "corridor or walkable polygon");

  // Doors and exits cut through walls and obstacles and join what they touch; what
  // is left of the obstacles is cut out of the walkable area.
  const std::vector<PolygonRingsList> solid = maps::polygon_difference(blocks, cutters);
  std::vector<PolygonRingsList> open = walk;
  open.insert(open.end(), cutters.begin(), cutters.end());
  const std::vector<PolygonRingsList> area = maps::polygon_difference(open, solid);
  if (area.empty()) throw InputError("", 0, "micro", "walls and obstacles cover the whole walkable area");
  // Box2D computes in single precision (about 1 mm at 10 km from the origin, half a
  // metre at UTM northings), so building geometry must be in local metres.
  double far = 0.0;
  for (const PolygonRingsList& part : area)
    for (const Vec2 q : part[0]) far = std::max({far, std::fabs(q.x), std::fabs(q.y)});
  if (far > kMaxLocal)
    throw InputError("", 0, "micro",
                     "the geometry lies " + std::to_string(std::lround(far / 1000.0)) +
                         " km from (0, 0): give it in local metres near the origin (the body model computes in "
                         "single precision)");
  for (const PolygonRingsList& part : area) {
    g.micro.walkable.push_back(part[0]);
    for (std::size_t j = 1; j < part.size(); ++j) g.micro.obstacles.push_back(part[j]);
  }
  return g;
}

// Where each resident came from, to name it when the engine rejects its position.
struct ResidentOrigin {
  std::string file;
  int line = 0;
  std::string field;
  std::string what;  // "room 'Class 1a'", "point (3.00, 4.00)"
};

struct Profile {
  int age = 35;
  Mobility mobility = Mobility::Walks;
};

// Age and mobility drawn from the shares as synthesize_population() draws them
// (engine/population_synthesis.cpp), without households: people in a building at
// the time of the alarm are not at home, so nobody counts as living alone.
Profile draw_profile(const ProfileShares& s, std::uint64_t seed, std::uint64_t id, const MicroResidentsDesc* given) {
  const RngStream age_rng{seed, RngPurpose::SynthAge};
  const RngStream mob_rng{seed, RngPurpose::SynthMobility};
  Profile p;
  if (given && given->age) {
    p.age = *given->age;
  } else {
    const double u = age_rng.uniform(id, 0), ua = age_rng.uniform(id, 1);
    // Ages uniform within the reporting bands, as in the synthesis: 0–17, 18–59, 60–79, 80–95.
    if (u < s.aged_60_plus) {
      p.age = age_rng.uniform(id, 2) < s.aged_80_plus_of_60_plus ? 80 + static_cast<int>(ua * 16.0)
                                                                 : 60 + static_cast<int>(ua * 20.0);
    } else if (u < s.aged_60_plus + s.children) {
      p.age = static_cast<int>(ua * 18.0);
    } else {
      p.age = 18 + static_cast<int>(ua * 42.0);
    }
  }
  if (given && given->mobility) {
    p.mobility = *given->mobility;
  } else {
    const bool senior = p.age >= 60;
    const double bed = senior ? s.bedridden_of_60_plus : s.bedridden_of_others;
    const double chair = senior ? s.wheelchair_of_60_plus : s.wheelchair_of_others;
    const double aid = senior ? s.walking_aid_of_60_plus : s.walking_aid_of_others;
    const double um = mob_rng.uniform(id, 0);
    if (um < bed) p.mobility = Mobility::Bedridden;
    else if (um < bed + chair) p.mobility = Mobility::Wheelchair;
    else if (um < bed + chair + aid) p.mobility = Mobility::WalkingAid;
  }
  return p;
}

// A resident's start place must be walkable and at least its body radius from walls.
void check_place(const Geometry& g, double wall_thickness, Vec2 q, double radius,
                 const std::function<void(const std::string&)>& bad) {
  if (!g.micro.walkable_at(q)) {
    for (const Piece* b : g.blocks)
      for (const PolygonRingsList& poly : b->f.polygons)
        if (inside_polygon(poly, q)) bad("lies inside " + b->f.kind + " " + b->f.where);
    for (const Piece* b : g.blocks)
      for (const Ring& line : b->f.lines)
        for (std::size_t i = 0; i + 1 < line.size(); ++i)
          if (project_on_segment(q, line[i], line[i + 1]).distance <= 0.5 * b->thickness.value_or(wall_thickness))
            bad("lies inside wall " + b->f.where);
    bad("lies inside a wall or outside the walkable area");
  }
  const double w = g.micro.wall_distance(q);
  if (w < radius)
    bad("is " + metres(w) + " from a wall, less than its body radius (" + metres(radius) + "): it would start inside the wall");
}

Population build_population(const ScenarioDesc& d, const Geometry& g, const std::vector<Piece>& pieces,
                            std::vector<ResidentOrigin>& origin, Assembly& a) {
  const MicroPopulationDesc& pd = d.micro->population;
  const MicroParams& mp = d.params.micro;
  Population pop;
  auto add = [&](const Profile& pr, Vec2 q, ResidentOrigin o) {
    const bool help = pr.mobility == Mobility::Bedridden && pd.assistance.bedridden;
    pop.add(pr.age, pr.mobility, false, help, HouseholdId{pop.size()}, q);
    origin.push_back(std::move(o));
  };

  // Start places per named place: a square lattice at least half a spacing from
  // every wall, in an order shuffled by the seed; entries take them in turn.
  std::map<std::string, const Piece*> by_name;
  for (const Piece* p : g.places) {
    const auto [it, fresh] = by_name.emplace(p->f.name, p);
    if (!fresh) fail(p->f, "another room, corridor or walkable polygon has the same name (" + it->second->f.where + ")");
  }
  std::map<const Piece*, std::vector<Vec2>> slots;  // start places of each place, shuffled
  std::map<const Piece*, std::size_t> used;          // of them taken
  const double s = pd.spacing;
  for (const MicroResidentsDesc& r : pd.residents) {
    if (r.at) {
      const Profile pr = draw_profile(pd.shares, pd.seed, pop.size(), &r);
      const double radius = body_radius(pr.age, pr.mobility, mp);
      check_place(g, d.micro->wall_thickness, *r.at, radius, [&](const std::string& why) {
        throw InputError(d.origins.file, r.line, r.field + ".at", "resident at " + at(*r.at) + " " + why);
      });
      add(pr, *r.at, {d.origins.file, r.line, r.field, "point " + at(*r.at)});
      continue;
    }
    const auto it = by_name.find(r.room);
    if (it == by_name.end()) {
      std::vector<std::string> known;
      std::string names;
      for (const auto& [name, p] : by_name) {
        names += (names.empty() ? "" : ", ") + name;
        known.push_back(name);
      }
      throw InputError(d.origins.file, r.line, r.field + ".room",
                       "no room, corridor or walkable polygon named '" + r.room + "'" +
                           detail::did_you_mean(r.room, known) + "; named: " + (names.empty() ? "none" : names));
    }
    const Piece* place = it->second;
    if (!slots.count(place)) {
      std::vector<Vec2>& cells = slots[place];
      Box b;
      for (const PolygonRingsList& poly : place->f.polygons)
        for (const Vec2 q : poly[0]) b.extend(q);
      std::vector<std::pair<std::uint64_t, Vec2>> keyed;
      const auto place_id = static_cast<std::uint64_t>(place - pieces.data());
      for (int iy = 0; b.min.y + (iy + 0.5) * s <= b.max.y; ++iy)
        for (int ix = 0; b.min.x + (ix + 0.5) * s <= b.max.x; ++ix) {
          const Vec2 q{b.min.x + (ix + 0.5) * s, b.min.y + (iy + 0.5) * s};
          const bool in = std::any_of(place->f.polygons.begin(), place->f.polygons.end(),
                                      [&](const PolygonRingsList& poly) { return inside_polygon(poly, q); });
          if (!in || !g.micro.walkable_at(q) || g.micro.wall_distance(q) < 0.5 * s) continue;
          const std::uint64_t k = hash_key(pd.seed, static_cast<std::uint64_t>(RngPurpose::SynthHome), place_id,
                                           static_cast<std::uint64_t>(keyed.size()));
          keyed.push_back({k, q});
        }
      std::sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first < y.first : (x.second.y != y.second.y ? x.second.y < y.second.y : x.second.x < y.second.x);
      });
      for (const auto& kv : keyed) cells.push_back(kv.second);
    }
    const std::vector<Vec2>& cells = slots[place];
    std::size_t& next = used[place];
    const std::size_t free = cells.size() - next;
    if (static_cast<std::size_t>(r.count) > free)
      throw InputError(d.origins.file, r.line, r.field + ".count",
                       "room '" + r.room + "' has start places for " + std::to_string(free) + " more residents at " +
                           metres(s) + " spacing (population.spacing), asked for " + std::to_string(r.count));
    for (std::int64_t k = 0; k < r.count; ++k) {
      const Profile pr = draw_profile(pd.shares, pd.seed, pop.size(), &r);
      add(pr, cells[next++], {d.origins.file, r.line, r.field, "room '" + r.room + "'"});
    }
  }

  if (pd.points) {
    const MicroPointsDesc& pts = *pd.points;
    add_input(a, pts.file);
    maps::MicroLayerSource src;
    src.file = pts.file;
    src.layer = pts.layer;
    src.kind = "resident";
    src.origin_file = d.origins.file;
    src.origin_line = pts.line;
    src.origin_field = pts.field + ".file";
    const std::string age_key = [&] {
      std::string k = pts.age_field;
      for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return k;
    }();
    std::string mob_key = pts.mobility_field;
    for (char& c : mob_key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const MicroFeature& f : maps::read_micro_layer(src)) {
      if (f.points.empty() || !f.polygons.empty() || !f.lines.empty()) fail(f, "a resident is a point");
      MicroResidentsDesc given;
      if (const auto age = number_attribute(f, age_key)) {
        if (*age < 0 || *age > 120) fail(f, age_key + " must be between 0 and 120 years");
        given.age = static_cast<int>(*age);
      }
      if (const auto mob = attribute(f, mob_key)) {
        Mobility m{};
        if (!mobility_from_string(*mob, m))
          fail(f, "unknown " + mob_key + " '" + *mob + "'; one of walks, walking_aid, wheelchair, bedridden");
        given.mobility = m;
      }
      for (const Vec2 q : f.points) {
        const Profile pr = draw_profile(pd.shares, pd.seed, pop.size(), &given);
        check_place(g, d.micro->wall_thickness, q, body_radius(pr.age, pr.mobility, mp),
                    [&](const std::string& why) { fail(f, "resident at " + at(q) + " " + why); });
        add(pr, q, {f.file, 0, f.field, "point " + at(q)});
      }
    }
  }
  if (pop.size() == 0 && !pd.from_map) throw d.origins.error("population", "the population is empty");
  return pop;
}

void build_plan(const ScenarioDesc& d, Model& m) {
  const PlanDesc& p = d.plan;
  const PlanTeamsDesc& r = p.response;
  const char* no = "is not available with movement: micro (it needs the street network)";
  if (!p.closed_roads.empty()) throw d.origins.error("plan.closed_roads", "a micro scenario has no streets to close");
  if (p.assignment != Plan::Assignment::Nearest)
    throw d.origins.error("plan.assignment", "by_zone is not available with movement: micro; people take the nearest open exit");
  if (r.channels_given) throw d.origins.error("plan.channels", no);
  if (!r.teams.empty()) throw d.origins.error("plan.teams", no);
  if (r.door_knock_set) throw d.origins.error("plan.door_knock", no);
  if (!r.targets.empty()) throw d.origins.error("plan.targets", no);
  if (!p.injects.empty())
    throw d.origins.error("injects", "scripted injects work with the network model only (movement: network)");
  m.plan.warning_time = p.warning_time;
  m.plan.warning.everyone_at_warning_time = true;
  m.plan.warning.word_of_mouth = r.word_of_mouth;
  m.plan.warning.compliance = r.compliance;
  for (std::size_t i = 0; i < p.closed_shelters.size(); ++i) {
    const std::string& name = p.closed_shelters[i];
    std::size_t s = 0;
    while (s < m.world.shelters.size() && m.world.shelters[s].name != name) ++s;
    if (s == m.world.shelters.size())
      throw d.origins.error("plan.closed_shelters[" + std::to_string(i) + "]", "no exit named '" + name + "'");
    if (std::find(m.plan.closed_shelters.begin(), m.plan.closed_shelters.end(), ShelterId{s}) ==
        m.plan.closed_shelters.end())
      m.plan.closed_shelters.push_back(ShelterId{s});
  }
}

// The map's residents inside micro.area (population.registry/synthesize): their
// homes are in buildings, which the area cuts out, so each starts on the street
// surface nearest the home, clear of walls and of the bodies placed before it.
void add_map_residents(const ScenarioDesc& d, const Geometry& g, const Population& from_map, Population& pop,
                       std::vector<ResidentOrigin>& origin, Assembly& a) {
  if (from_map.size() == 0) return;
  // Farther than this from any street of the area, a home is not served by it: its
  // people are left out (and reported). A numerical choice: a long garden path.
  constexpr double kMaxStreetDistance = 50.0;  // m
  // Between a body and walls or other bodies at the start (a numerical choice,
  // matching the 5 cm of population.spacing over the widest body).
  constexpr double kClearance = 0.05;  // m
  MicroGeometry geo = g.micro;
  for (std::size_t e = 0; e < g.exit_areas.size(); ++e) geo.exits.push_back({g.exit_areas[e], ShelterId{e}});
  std::vector<double> radii(from_map.size());
  for (std::size_t r = 0; r < from_map.size(); ++r)
    radii[r] = body_radius(from_map.age[r], from_map.mobility[r], d.params.micro);
  const std::vector<std::optional<Vec2>> start =
      micro_start_places(std::move(geo), d.params.micro, from_map.home, radii, kClearance, kMaxStreetDistance);
  const std::string field = d.population.registry ? "population.registry" : "population.synthesize";
  const std::string file = d.population.registry ? d.population.registry->file : d.origins.file;
  const int line = d.population.registry ? 0 : d.origins.line(field);
  std::map<std::size_t, HouseholdId> households;  // area household -> run household
  std::size_t left_out = 0;
  double moved_sum = 0.0, moved_max = 0.0;
  for (std::size_t r = 0; r < from_map.size(); ++r) {
    if (!start[r]) {
      ++left_out;
      continue;
    }
    const auto [it, fresh] = households.emplace(from_map.household[r].index(), HouseholdId{pop.size()});
    pop.add(from_map.age[r], from_map.mobility[r], from_map.lives_alone[r] != 0, from_map.needs_assistance[r] != 0,
            it->second, *start[r]);  // the micro model has no buildings: no building id
    const double moved = distance(*start[r], from_map.home[r]);
    moved_sum += moved;
    moved_max = std::max(moved_max, moved);
    origin.push_back({file, line, field, "home " + at(from_map.home[r]) + " (start " + at(*start[r]) + ")"});
  }
  const std::size_t placed = from_map.size() - left_out;
  if (placed > 0) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%zu residents start on the street nearest their home: %.1f m from it on average, "
                  "at most %.1f m", placed, moved_sum / static_cast<double>(placed), moved_max);
    a.problems.push_back(buf);
  }
  if (left_out > 0)
    a.problems.push_back(std::to_string(left_out) + " residents of micro.area live more than " +
                         metres(kMaxStreetDistance) + " from its streets (or only by streets cut off from every exit) "
                         "and were left out");
  if (pop.size() == 0) throw d.origins.error(field, "no resident of micro.area lives near its streets");
}

}  // namespace

Assembly assemble_micro(const ScenarioDesc& d) {
  Assembly a;
  Model& m = a.model;
  {
    std::error_code ec;
    add_input(a, std::filesystem::absolute(d.origins.file, ec).lexically_normal().string());
  }
  const MicroSection& s = *d.micro;
  Population map_residents;
  const std::vector<Piece> pieces = collect_pieces(d, a, map_residents);
  Geometry g;
  try {
    g = build_geometry(pieces, s);
  } catch (const InputError& e) {
    if (!e.file().empty()) throw;
    throw d.origins.error(e.field(), e.message());
  } catch (const std::runtime_error& e) {  // GDAL without GEOS, or a failed overlay
    throw d.origins.error("micro", e.what());
  }

  std::vector<ResidentOrigin> origin;
  m.params = d.params;
  m.population = build_population(d, g, pieces, origin, a);
  add_map_residents(d, g, map_residents, m.population, origin, a);

  // A door or exit must let the widest resident through (MicroParams body radii).
  double r_max = 0.0;
  for (std::size_t i = 0; i < m.population.size(); ++i)
    r_max = std::max(r_max, body_radius(m.population.age[i], m.population.mobility[i], m.params.micro));
  for (const Piece* p : g.doors) {
    const double w = distance(p->f.lines[0][0], p->f.lines[0][1]);
    if (w < 2.0 * r_max)
      fail(p->f, "is " + metres(w) + " wide, narrower than a body (" + metres(2.0 * r_max) +
                     " across, the widest resident)");
  }
  for (const Piece* p : g.exits)
    if (!p->f.lines.empty() && distance(p->f.lines[0][0], p->f.lines[0][1]) < 2.0 * r_max)
      fail(p->f, "is " + metres(distance(p->f.lines[0][0], p->f.lines[0][1])) + " wide, narrower than a body (" +
                     metres(2.0 * r_max) + " across, the widest resident)");

  // One shelter per exit; an exit without capacity takes everyone (it leads outdoors).
  std::map<std::string, const Piece*> exit_names;
  for (std::size_t e = 0; e < g.exits.size(); ++e) {
    const Piece& p = *g.exits[e];
    ShelterSite site;
    site.name = p.f.name.empty() ? "exit " + std::to_string(e + 1) : p.f.name;
    if (const auto [it, fresh] = exit_names.emplace(site.name, &p); !fresh)
      fail(p.f, "another exit has the same name (" + it->second->f.where + ")");
    site.capacity = static_cast<std::int32_t>(p.capacity.value_or(static_cast<std::int64_t>(m.population.size())));
    site.step_free = p.step_free.value_or(true);
    site.open_time = p.open_time.value_or(0.0);
    site.kind = ShelterKind::Open;
    site.pos = centroid(g.exit_areas[e]);
    m.world.shelters.push_back(site);
    m.micro.exits.push_back({g.exit_areas[e], ShelterId{e}});
    a.shelters.capacity += site.capacity;
  }
  a.shelters.from_list = m.world.shelters.size();
  m.micro.walkable = std::move(g.micro.walkable);
  m.micro.obstacles = std::move(g.micro.obstacles);
  // Every named room, corridor or walkable polygon is a zone of the summary.
  for (const Piece* p : g.places)
    for (const PolygonRingsList& poly : p->f.polygons) {
      Ring outline = poly[0];
      if (outline.size() >= 2 && outline.front() == outline.back()) outline.pop_back();
      m.world.zones.push_back({p->f.name, std::move(outline)});
    }

  build_plan(d, m);
  m.run = d.run;
  m.movement = MovementKind::Micro;
  try {
    m.finalize();
  } catch (const InputError& e) {
    const std::string& f = e.field();
    if (f.rfind("population[", 0) == 0) {  // a resident's position: name where it was placed
      const std::size_t r = std::strtoul(f.c_str() + 11, nullptr, 10);
      if (r < origin.size())
        throw InputError(origin[r].file, origin[r].line, origin[r].field, origin[r].what + ": " + e.message());
    }
    if (f.rfind("micro.exits[", 0) == 0) {
      const std::size_t x = std::strtoul(f.c_str() + 12, nullptr, 10);
      if (x < g.exits.size()) fail(g.exits[x]->f, e.message());
    }
    if (!e.file().empty()) throw;
    throw d.origins.error(f, e.message());
  }
  if (a.shelters.capacity < static_cast<std::int64_t>(m.population.size()))
    a.problems.push_back("exit capacity (" + std::to_string(a.shelters.capacity) + ") is below the population (" +
                         std::to_string(m.population.size()) + "): not everyone can leave");
  return a;
}

}  // namespace ss::scenarios
