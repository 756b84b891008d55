// `movement: micro`: the micro block (building-scale geometry as GIS layers and/or
// WKT, its parameters) and the micro population (residents by room, at points or
// from a point layer). docs/micro.md describes the format.
#include "scenarios/loader/sections_micro.hpp"

#include <cmath>
#include <string>

#include "scenarios/loader/micro_parts.hpp"
#include "scenarios/loader/micro_stairs_section.hpp"

namespace ss::scenarios::detail {

namespace {

// The inline lists of micro geometry and the kind each holds.
constexpr std::pair<const char*, const char*> kInlineLists[] = {
    {"rooms", "room"}, {"corridors", "corridor"}, {"walkable", "walkable"}, {"obstacles", "obstacle"},
    {"walls", "wall"}, {"doors", "door"},         {"exits", "exit"}};

MicroShapeDesc read_shape(const Field& f, const std::string& kind) {
  MicroShapeDesc s;
  s.kind = kind;
  s.field = f.path();
  s.line = f.line();
  if (f.is_scalar()) {  // a bare WKT string
    s.wkt = f.text();
    return s;
  }
  if (kind == "exit")
    f.check_keys({"name", "wkt", "capacity", "open_time", "step_free"});
  else if (kind == "wall")
    f.check_keys({"name", "wkt", "thickness"});
  else
    f.check_keys({"name", "wkt"});
  s.wkt = f.need("wkt").text();
  if (auto v = f.get("name")) s.name = v->text();
  if (auto v = f.get("capacity")) {
    s.capacity = v->integer();
    if (*s.capacity <= 0 || *s.capacity > 100'000'000)
      v->fail("capacity must be a positive number of persons");
  }
  if (auto v = f.get("open_time")) {
    s.open_time = v->duration();
    if (*s.open_time < 0.0) v->fail("must not be negative");
  }
  if (auto v = f.get("step_free")) s.step_free = v->boolean();
  if (auto v = f.get("thickness")) s.thickness = v->length();
  if (s.thickness && !(*s.thickness > 0.0)) f.fail_at("thickness", "must be greater than 0");
  return s;
}

MicroLayerDesc read_layer_desc(const Field& f, const Sections& sections) {
  f.check_keys({"file", "layer", "kind", "kind_field", "name_field"});
  MicroLayerDesc l;
  l.field = f.path();
  l.line = f.line();
  l.file = sections.existing_file(f.need("file"));
  if (auto v = f.get("layer")) l.layer = v->text();
  if (auto v = f.get("kind")) {
    l.kind = v->text();
    bool known = false;
    for (const char* k : kMicroKinds) known = known || l.kind == k;
    if (!known)
      v->fail("unknown kind '" + l.kind + "'; one of room, corridor, walkable, obstacle, wall, door, exit");
  }
  if (auto v = f.get("kind_field")) l.kind_field = v->text();
  if (auto v = f.get("name_field")) l.name_field = v->text();
  return l;
}

MicroResidentsDesc read_residents(const Field& f) {
  f.check_keys({"room", "count", "at", "age", "mobility"});
  MicroResidentsDesc r;
  r.field = f.path();
  r.line = f.line();
  const auto room = f.get("room");
  const auto at = f.get("at");
  if (room && at) f.fail("give either room (with count) or at, not both");
  if (!room && !at) f.fail("give a room with a count, or a point `at: [x, y]` (m)");
  if (room) {
    r.room = room->text();
    const Field c = f.need("count");
    r.count = c.integer();
    if (r.count <= 0 || r.count > 1'000'000) c.fail("count must be a positive number of persons");
  } else {
    const std::vector<Field> xy = at->items();
    if (xy.size() != 2) at->fail("a point is [x, y] in metres");
    r.at = Vec2{xy[0].number(), xy[1].number()};
    if (auto c = f.get("count")) c->fail("a point holds one resident; use a room for several");
  }
  if (auto v = f.get("age")) {
    const std::int64_t a = v->integer();
    if (a < 0 || a > 120) v->fail("age must be between 0 and 120 years");
    r.age = static_cast<int>(a);
  }
  if (auto v = f.get("mobility")) {
    Mobility m{};
    if (!mobility_from_string(v->text(), m))
      v->fail("unknown mobility '" + v->text() + "'; one of walks, walking_aid, wheelchair, bedridden");
    r.mobility = m;
  }
  return r;
}

MicroPopulationDesc read_micro_population(const Field& f, const Sections& sections, bool map_area,
                                          PopulationDesc& from_map) {
  f.check_keys(
      {"residents", "points", "shares", "needs_assistance", "seed", "spacing", "registry", "synthesize"});
  MicroPopulationDesc p;
  if (f.get("registry") || f.get("synthesize")) {
    // The residents of the map inside micro.area, as a network scenario reads them.
    if (!map_area)
      (f.get("registry") ? *f.get("registry") : *f.get("synthesize"))
          .fail("needs micro.area: a registry or a synthesized population lives in the map's buildings");
    from_map = sections.population_source(f);
    p.from_map = true;
  }
  if (auto v = f.get("residents"))
    for (const Field& item : v->items()) p.residents.push_back(read_residents(item));
  if (auto v = f.get("points")) {
    v->check_keys({"file", "layer", "age_field", "mobility_field"});
    MicroPointsDesc pts;
    pts.field = v->path();
    pts.line = v->line();
    pts.file = sections.existing_file(v->need("file"));
    if (auto x = v->get("layer")) pts.layer = x->text();
    if (auto x = v->get("age_field")) pts.age_field = x->text();
    if (auto x = v->get("mobility_field")) pts.mobility_field = x->text();
    p.points = pts;
  }
  if (p.residents.empty() && !p.points && !p.from_map)
    f.fail(
        "with movement: micro, give residents (by room with a count, or at points), a points layer, or (with "
        "micro.area) a registry or synthesize");
  if (auto v = f.get("shares")) read_shares(*v, p.shares);
  if (auto v = f.get("needs_assistance")) read_assistance(*v, p.assistance);
  if (auto v = f.get("seed")) p.seed = v->seed();
  if (auto v = f.get("spacing")) {
    p.spacing = v->length();
    if (p.spacing < 0.5 || p.spacing > 10.0) v->fail("spacing must be between 0.5 and 10 m");
  }
  return p;
}

void read_micro_params(const Field& f, MicroParams& p) {
  // Only what a scenario may sensibly change; the driving model's calibrated
  // parameters stay one of the calibrations checked by `safestreet verify`
  // (MicroCalibration, docs/verification.md).
  f.check_keys({"stuck_time", "stuck_distance", "grid_cell", "exit_choice", "jam_time", "calibration"});
  if (auto v = f.get("calibration")) {
    const std::string c = v->text();
    const std::optional<MicroCalibration> calibration = micro_calibration_from(c);
    if (!calibration)
      v->fail(
          "calibration must be imo (at most IMO's 1.33 P/s through a 1 m door, the default) or measured "
          "(flows measured through 0.8-2.5 m bottlenecks), got '" +
          c + "'");
    apply_micro_calibration(p, *calibration);
  }
  if (auto v = f.get("stuck_time")) p.stuck_time = v->duration();
  if (p.stuck_time <= 0.0) f.fail_at("stuck_time", "must be greater than 0");
  if (auto v = f.get("stuck_distance")) p.stuck_distance = v->length();
  if (p.stuck_distance <= 0.0) f.fail_at("stuck_distance", "must be greater than 0");
  if (auto v = f.get("grid_cell")) {
    p.grid_cell = v->length();
    // Coarser than 0.25 m and the grid no longer resolves a door of one body width.
    if (p.grid_cell < 0.02 || p.grid_cell > 0.25) v->fail("grid_cell must be between 0.02 and 0.25 m");
  }
  if (auto v = f.get("exit_choice")) {  // MicroParams::quickest_exit
    const std::string c = v->text();
    if (c != "quickest" && c != "nearest")
      v->fail("exit_choice must be quickest or nearest, got '" + c + "'");
    p.quickest_exit = c == "quickest";
  }
  if (auto v = f.get("jam_time")) {
    p.jam_time = v->duration();
    if (!(p.jam_time > 0.0)) v->fail("jam_time must be greater than 0");
  }
}

}  // namespace

MovementKind read_movement(const Field& root) {
  const auto f = root.get("movement");
  if (!f) return MovementKind::Network;
  const std::string v = f->text();
  if (v == "network") return MovementKind::Network;
  if (v == "micro") return MovementKind::Micro;
  f->fail("unknown movement '" + v +
          "'; one of network (streets, default), micro (bodies in a building or small area)");
}

namespace {

MicroAreaDesc read_area(const Field& f) {
  f.check_keys({"name", "lonlat", "exit_size"});
  MicroAreaDesc a;
  a.field = f.path();
  a.line = f.line();
  if (auto v = f.get("name")) a.name = v->text();
  const Field pts = f.need("lonlat");
  for (const Field& p : pts.items()) {
    const std::vector<Field> xy = p.items();
    if (xy.size() != 2) p.fail("a point is [lon, lat] in degrees");
    const double lon = xy[0].number(), lat = xy[1].number();
    if (lon < -180.0 || lon > 180.0 || lat < -90.0 || lat > 90.0)
      p.fail("is not a [lon, lat] pair in degrees");
    a.outline.emplace_back(lon, lat);
  }
  if (a.outline.size() < 3) pts.fail("the area is a polygon of at least 3 [lon, lat] points");
  if (auto v = f.get("exit_size")) a.exit_size = v->length();
  if (a.exit_size < 0.8 || a.exit_size > 20.0) f.fail_at("exit_size", "must be between 0.8 and 20 m");
  return a;
}

}  // namespace

void read_micro_scenario(const Field& root, const Sections& sections, ScenarioDesc& desc) {
  const Field f = root.need("micro");
  const bool area = f.is_map() && f.get("area").has_value();
  std::vector<std::pair<const char*, const char*>> network_only = {
      {"zones", "every named room is a zone of the summary"},
      {"flood", "the flood model runs on the street network only"},
      {"fire", "the fire model spreads between the map's buildings on the street network only"}};
  if (!area) {
    network_only.push_back(
        {"map", "give the building's geometry under micro: (layers and/or WKT), or micro.area"});
    network_only.push_back(
        {"shelters", "the exits under micro: are the shelters (name, capacity, open_time per exit)"});
  }
  for (const auto& [key, instead] : network_only)
    if (auto v = root.get(key)) v->fail(std::string("is not used with movement: micro; ") + instead);

  f.check_keys({"area", "layers", "rooms", "corridors", "walkable", "obstacles", "walls", "doors", "exits",
                "wall_thickness", "door_depth", "params", "trajectories", "stairs"});
  MicroSection m;
  if (area) {  // a region of the map: its streets, buildings and shelters
    m.area = read_area(f.need("area"));
    desc.map = sections.map(root.need("map"));
    desc.shelters = sections.shelters(root.need("shelters"));
    for (const char* k : {"layers", "rooms", "corridors", "walkable", "obstacles", "walls", "doors", "exits"})
      if (auto v = f.get(k))
        v->fail("give either micro.area (a region of the map) or building geometry, not both");
  }
  if (auto v = f.get("layers"))
    for (const Field& item : v->items()) m.layers.push_back(read_layer_desc(item, sections));
  for (const auto& [key, kind] : kInlineLists)
    if (auto v = f.get(key))
      for (const Field& item : v->items()) m.shapes.push_back(read_shape(item, kind));
  if (!m.area && m.layers.empty() && m.shapes.empty())
    f.fail(
        "give the geometry: layers (GeoJSON, GeoPackage, ... in metres) and/or rooms, corridors, walls, "
        "doors, "
        "exits as WKT");
  if (auto v = f.get("stairs")) read_micro_stairs(*v, m.stairs);
  if (auto v = f.get("wall_thickness")) m.wall_thickness = v->length();
  if (!(m.wall_thickness > 0.0)) f.fail_at("wall_thickness", "must be greater than 0");
  if (auto v = f.get("door_depth")) m.door_depth = v->length();
  if (!(m.door_depth > 0.0) || m.door_depth > 5.0) f.fail_at("door_depth", "must be between 0 and 5 m");
  if (auto v = f.get("params")) read_micro_params(*v, desc.params.micro);
  if (auto v = f.get("trajectories")) {  // trajectories.txt and walkable.wkt (output/trajectories.hpp)
    v->check_keys({"framerate"});
    desc.run.trajectory_framerate = v->need("framerate").positive();
  }
  // A door cuts an opening door_depth deep through its wall: shallower than two
  // navigation cells (params.grid_cell) it may hold no cell centre, and the grid would
  // see a wall there that reads as a passage narrower than a body.
  if (m.door_depth < 2.0 * desc.params.micro.grid_cell)
    f.fail_at("door_depth",
              "is " + micro::metres(m.door_depth) + ", less than two navigation cells (" +
                  micro::metres(2.0 * desc.params.micro.grid_cell) +
                  ", params.grid_cell): the opening a door cuts through its wall would hold no cell of "
                  "the navigation grid, which would see a wall there; use at least " +
                  micro::metres(2.0 * desc.params.micro.grid_cell));
  m.population = read_micro_population(root.need("population"), sections, area, desc.population);
  desc.micro = std::move(m);
}

}  // namespace ss::scenarios::detail
