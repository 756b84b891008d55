// The `flood:` section: grid, roughness, rivers, sources with hydrographs, level
// boundaries, rain, outflow edges, external rasters, people-in-water limits,
// hazard classes, snapshots and low-lying zones. Every value is checked here, with
// file, line and field in the error.
#include "scenarios/loader/scenario_sections.hpp"

namespace ss::scenarios::detail {

LonLatPoint read_lon_lat(const Field& f) {
  LonLatPoint p;
  if (f.is_sequence()) {
    const std::vector<Field> xy = f.items();
    if (xy.size() != 2) f.fail("expected [lon, lat]");
    p = {xy[0].number(), xy[1].number()};
  } else {
    f.check_keys({"lon", "lat"});
    p = {f.need("lon").number(), f.need("lat").number()};
  }
  if (p.lon < -180.0 || p.lon > 180.0 || p.lat < -90.0 || p.lat > 90.0)
    f.fail("not a WGS 84 lon/lat position");
  return p;
}

namespace {

FloodPlace place(const Field& f) {
  FloodPlace p;
  const auto at = f.get("at");
  const auto line = f.get("line");
  if (at.has_value() == line.has_value())
    f.fail("give either a point (at: {lon, lat}) or a line (line: [[lon, lat], ...])");
  if (at) p.at = read_lon_lat(*at);
  if (line) {
    for (const Field& v : line->items()) p.line.push_back(read_lon_lat(v));
    if (p.line.size() < 2) line->fail("a line needs at least two points");
  }
  if (auto r = f.get("radius")) {
    if (!at) r->fail("radius applies to a point source");
    p.radius = r->length();
    if (p.radius < 0.0) r->fail("must not be negative");
  }
  return p;
}

// {unit: <u>, values: [[time, value], ...]}: times strictly increasing durations,
// values converted to SI with the unit table; negative values rejected when asked.
Hydrograph hydrograph(const Field& f, std::initializer_list<std::pair<std::string_view, double>> units,
                      bool non_negative) {
  f.check_keys({"unit", "values"});
  const Field unit = f.need("unit");
  double scale = 0.0;
  std::string known;
  for (const auto& [name, k] : units) {
    known += (known.empty() ? "" : ", ") + std::string(name);
    if (unit.text() == name) scale = k;
  }
  if (scale == 0.0) unit.fail("unknown unit '" + unit.text() + "'; use one of " + known);
  Hydrograph h;
  for (const Field& row : f.need("values").items()) {
    const std::vector<Field> tv = row.items();
    if (tv.size() != 2) row.fail("expected [time, value]");
    const double t = tv[0].duration();
    const double v = tv[1].number();
    if (!h.time.empty() && !(t > h.time.back())) tv[0].fail("times must increase strictly");
    if (non_negative && v < 0.0) tv[1].fail("must not be negative");
    h.time.push_back(t);
    h.value.push_back(v * scale);
  }
  if (h.time.empty()) f.fail("a hydrograph needs at least one [time, value]");
  return h;
}

template <std::size_t N>
void per_class(const Field& f, std::array<double, N>& out) {
  f.check_keys({"adults", "elderly_children", "wheelchair", "teams_on_foot", "vehicles"});
  const char* names[] = {"adults", "elderly_children", "wheelchair", "teams_on_foot", "vehicles"};
  static_assert(std::size(names) == kMoverClassCount);
  for (std::size_t k = 0; k < N; ++k)
    if (auto v = f.get(names[k])) out[k] = v->positive();
}

GridSide side(const Field& f) {
  const std::string s = f.text();
  if (s == "west") return GridSide::West;
  if (s == "east") return GridSide::East;
  if (s == "south") return GridSide::South;
  if (s == "north") return GridSide::North;
  f.fail("expected west, east, south or north, got '" + s + "'");
}

}  // namespace

FloodSection Sections::flood(const Field& f) const {
  f.check_keys({"cell", "margin", "buildings", "manning", "rivers", "sources", "levels", "rain", "outflow",
                "external", "people", "solver", "snapshots", "low_lying", "max_cells"});
  FloodSection d;
  if (auto v = f.get("cell")) d.cell = v->length();
  if (!(d.cell >= 0.5)) f.fail_at("cell", "the flood cell must be at least 0.5 m");
  if (auto v = f.get("margin")) d.margin = v->length();
  if (d.margin < 0.0) f.fail_at("margin", "must not be negative");
  if (auto v = f.get("buildings")) {
    if (v->text() != "block" && v->text() != "roughness") v->fail("expected 'block' or 'roughness'");
    d.block_buildings = v->text() == "block";
  }
  if (auto m = f.get("manning")) {
    m->check_keys({"road", "other", "green", "water", "building"});
    if (auto v = m->get("road")) d.manning.road = v->positive();
    if (auto v = m->get("other")) d.manning.other = v->positive();
    if (auto v = m->get("green")) d.manning.green = v->positive();
    if (auto v = m->get("water")) d.manning.water = v->positive();
    if (auto v = m->get("building")) d.manning.building = v->positive();
  }
  if (auto r = f.get("rivers")) {
    r->check_keys({"file", "layer", "kinds", "width", "depth"});
    RiversDesc rd;
    if (auto v = r->get("file")) rd.file = existing_file(*v);
    if (auto v = r->get("layer")) rd.layer = v->text();
    if (auto v = r->get("kinds")) {
      rd.kinds.clear();
      for (const Field& k : v->items()) rd.kinds.push_back(k.text());
    }
    if (auto v = r->get("width")) rd.width = v->length();
    if (auto v = r->get("depth")) rd.depth = v->length();
    if (!(rd.width > 0.0)) r->fail_at("width", "must be greater than 0");
    if (!(rd.depth >= 0.0)) r->fail_at("depth", "must not be negative");
    d.rivers = rd;
  }
  if (auto list = f.get("sources")) {
    for (const Field& s : list->items()) {
      s.check_keys({"name", "at", "line", "radius", "discharge"});
      FloodSourceDesc sd;
      sd.field = s.path();
      if (auto v = s.get("name")) sd.name = v->text();
      sd.place = place(s);
      sd.discharge = hydrograph(s.need("discharge"), {{"m3/s", 1.0}, {"l/s", 1e-3}}, true);
      d.sources.push_back(std::move(sd));
    }
  }
  if (auto list = f.get("levels")) {
    for (const Field& s : list->items()) {
      s.check_keys({"name", "at", "line", "radius", "level"});
      FloodLevelDesc ld;
      ld.field = s.path();
      if (auto v = s.get("name")) ld.name = v->text();
      ld.place = place(s);
      ld.level = hydrograph(s.need("level"), {{"m", 1.0}}, false);
      d.levels.push_back(std::move(ld));
    }
  }
  if (auto v = f.get("rain")) d.rain = hydrograph(*v, {{"mm/h", 1e-3 / 3600.0}, {"m/s", 1.0}}, true);
  if (auto list = f.get("outflow")) {
    for (const Field& o : list->items()) {
      o.check_keys({"side", "slope"});
      OutflowEdge e;
      e.side = side(o.need("side"));
      if (auto v = o.get("slope")) e.slope = v->non_negative();
      d.outflows.push_back(e);
    }
  }
  if (auto list = f.get("external")) {
    for (const Field& x : list->items()) {
      x.check_keys({"time", "depth", "speed"});
      const double t = x.need("time").duration();
      if (!d.external.empty() && !(t > d.external.back().first))
        x.fail_at("time", "times must increase strictly");
      std::string speed;
      if (auto v = x.get("speed")) speed = existing_file(*v);
      d.external.push_back({t, {existing_file(x.need("depth")), speed}});
    }
    if (!d.sources.empty() || !d.levels.empty() || d.rain)
      list->fail("external rasters replace the solver: remove sources, levels and rain, or the rasters");
  }
  if (auto p = f.get("people")) {
    p->check_keys({"max_depth", "max_depth_speed", "hazard_classes", "debris_factor", "shelter_close_depth",
                   "home_reached_depth", "exposed_depth", "min_factor"});
    PeopleInWaterParams& pp = d.people;
    if (auto v = p->get("max_depth")) per_class(*v, pp.max_depth);
    if (auto v = p->get("max_depth_speed")) per_class(*v, pp.max_depth_speed);
    if (auto v = p->get("hazard_classes")) {
      const std::vector<Field> lim = v->items();
      if (lim.size() != 3) v->fail("expected three upper limits [low, danger for some, danger for most]");
      for (std::size_t k = 0; k < 3; ++k) {
        pp.hr_limits[k] = lim[k].positive();
        if (k > 0 && !(pp.hr_limits[k] > pp.hr_limits[k - 1])) lim[k].fail("limits must increase");
      }
    }
    if (auto v = p->get("debris_factor")) pp.debris_factor = v->non_negative();
    if (auto v = p->get("shelter_close_depth")) pp.shelter_close_depth = v->length();
    if (auto v = p->get("home_reached_depth")) pp.home_reached_depth = v->length();
    if (auto v = p->get("exposed_depth")) pp.exposed_depth = v->length();
    if (auto v = p->get("min_factor")) pp.min_factor = v->share();
  }
  if (auto s = f.get("solver")) {
    s->check_keys(
        {"alpha", "max_step", "dry_depth", "max_froude", "arrival_depth", "threads", "parallel_min_cells"});
    if (auto v = s->get("alpha")) d.solver.alpha = v->positive();
    if (d.solver.alpha > 1.0) s->fail_at("alpha", "must be at most 1 (CFL stability)");
    if (auto v = s->get("max_step")) d.solver.max_step = v->duration();
    if (!(d.solver.max_step > 0.0)) s->fail_at("max_step", "must be greater than 0");
    if (auto v = s->get("dry_depth")) d.solver.dry_depth = v->positive();
    if (auto v = s->get("max_froude")) d.solver.max_froude = v->positive();
    if (auto v = s->get("arrival_depth")) d.solver.arrival_depth = v->positive();
    if (auto v = s->get("threads")) {  // 0: automatic (engine/hazards/flood/flood_team.hpp)
      const std::int64_t t = v->integer();
      if (t < 0 || t > 256) v->fail("must be a whole number from 0 (automatic) to 256");
      d.solver.threads = static_cast<int>(t);
    }
    if (auto v = s->get("parallel_min_cells")) {
      const std::int64_t c = v->integer();
      if (c < 0) v->fail("must be a number of cells, 0 or more");
      d.solver.parallel_min_cells = static_cast<std::uint64_t>(c);
    }
  }
  if (auto list = f.get("snapshots")) {
    for (const Field& t : list->items()) {
      d.snapshots.push_back(t.duration());
      if (d.snapshots.size() > 1 && !(d.snapshots.back() > d.snapshots[d.snapshots.size() - 2]))
        t.fail("snapshot times must increase strictly");
    }
  }
  if (auto l = f.get("low_lying")) {
    l->check_keys({"below_level", "above_river_below", "file", "layer"});
    LowLyingDesc ll;
    if (auto v = l->get("below_level")) ll.below_level = v->length();
    if (auto v = l->get("above_river_below")) ll.above_river_below = v->length();
    if (auto v = l->get("file")) ll.file = existing_file(*v);
    if (auto v = l->get("layer")) ll.layer = v->text();
    const int given = (ll.below_level ? 1 : 0) + (ll.above_river_below ? 1 : 0) + (ll.file.empty() ? 0 : 1);
    if (given != 1) l->fail("give one of below_level, above_river_below or file");
    if (ll.above_river_below && !d.rivers) l->fail_at("above_river_below", "needs flood.rivers");
    d.low_lying = ll;
  }
  if (auto v = f.get("max_cells")) {
    const std::int64_t n = v->integer();
    if (n < 1) v->fail("must be positive");
    d.max_cells = static_cast<std::size_t>(n);
  }
  if (d.sources.empty() && d.levels.empty() && !d.rain && d.external.empty())
    f.fail("a flood needs water: sources, levels, rain or external rasters");
  return d;
}

}  // namespace ss::scenarios::detail
