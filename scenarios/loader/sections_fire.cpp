// The `fire:` section: ignitions (by building id, by point, drawn at random), the
// wind (constant or a series), the spread's firebreak gap, construction and use
// tables and the rules that give each building its classes, smoke and tenability
// settings, the evacuation zone, and the fire service (`service:`,
// sections_fire_service.cpp). Every value is checked here, with file, line and
// field in the error; class names are checked against the tables at assembly.
#include "scenarios/loader/scenario_sections.hpp"

namespace ss::scenarios::detail {
namespace {

double direction_deg(const Field& f) {
  const double d = f.number();
  if (d < 0.0 || d > 360.0)
    f.fail("a wind direction is in degrees from 0 to 360 (where the wind blows from)");
  return d;
}

double wind_speed(const Field& f) {
  const double v = f.number();
  if (v < 0.0) f.fail("a wind speed must not be negative");
  if (v > 100.0) f.fail("a wind speed above 100 m/s is not a wind a town burns in");
  return v;
}

void read_wind(const Field& f, WindSeries& w) {
  auto row = [&](const Field& r, bool series) {
    r.check_keys(series ? std::initializer_list<std::string_view>{"time", "speed", "from"}
                        : std::initializer_list<std::string_view>{"speed", "from"});
    const double t = series ? r.need("time").duration() : 0.0;
    if (series && !w.time.empty() && !(t > w.time.back()))
      r.need("time").fail("wind times must increase strictly");
    if (series && w.time.empty() && t != 0.0) r.need("time").fail("the wind series starts at time 0");
    w.time.push_back(t);
    w.speed.push_back(wind_speed(r.need("speed")));
    w.from_deg.push_back(direction_deg(r.need("from")));
  };
  if (f.is_sequence()) {
    for (const Field& r : f.items()) row(r, true);
    if (w.time.empty()) f.fail("a wind series needs at least one {time, speed, from}");
  } else {
    row(f, false);
  }
}

ClassOverride class_row(const Field& f, bool construction) {
  ClassOverride c;
  if (construction) {
    f.check_keys({"fire_resistant", "non_combustible"});
    if (auto v = f.get("fire_resistant")) c.fire_resistant = v->share();
    if (auto v = f.get("non_combustible")) c.non_combustible = v->boolean();
  } else {
    f.check_keys({"fire_load", "growth_time", "hrr"});
    if (auto v = f.get("fire_load")) c.fire_load = v->positive() * 1e6;  // MJ/m²
    if (auto v = f.get("growth_time")) c.growth_time = v->duration();    // t_alpha
    if (auto v = f.get("hrr")) c.hrr_per_area = v->positive() * 1e3;     // kW/m²
    if (c.growth_time && !(*c.growth_time > 0.0)) f.need("growth_time").fail("must be positive");
  }
  return c;
}

BuildingClassRule class_rule(const Field& f, std::map<std::string, int>& lines) {
  f.check_keys({"construction", "use"});
  BuildingClassRule r;
  if (auto v = f.get("construction")) {
    r.construction = v->text();
    lines[v->path()] = v->line();
  }
  if (auto v = f.get("use")) {
    r.use = v->text();
    lines[v->path()] = v->line();
  }
  return r;
}

int stability_class(const Field& f) {
  const std::string s = f.text();
  if (s.size() == 1 && s[0] >= 'A' && s[0] <= 'F') return s[0] - 'A';
  f.fail("a Pasquill stability class is one of A, B, C, D, E, F, got '" + s + "'");
}

}  // namespace

FireSection Sections::fire(const Field& f) const {
  f.check_keys({"ignitions", "random", "wind", "max_gap", "constructions", "uses", "materials", "kinds",
                "default", "smoke", "zone", "snap", "default_levels", "service"});
  FireSection d;
  if (auto v = f.get("ignitions")) {
    const std::vector<Field> items = v->items();
    for (std::size_t k = 0; k < items.size(); ++k) {
      const Field& it = items[k];
      it.check_keys({"building", "at", "time"});
      IgnitionDesc ig;
      ig.field = it.path();
      if (auto t = it.get("time")) ig.time = t->duration();
      const auto b = it.get("building");
      const auto at = it.get("at");
      if (b.has_value() == at.has_value())
        it.fail("give either the building's map id (building: <OSM id>) or a point (at: {lon, lat})");
      if (b) ig.building = b->integer();
      if (at) ig.at = read_lon_lat(*at);
      d.ignitions.push_back(ig);
    }
  }
  if (auto v = f.get("random")) {
    const std::vector<Field> items = v->is_sequence() ? v->items() : std::vector<Field>{*v};
    for (const Field& it : items) {
      it.check_keys({"count", "time", "candidates"});
      RandomIgnitionDesc r;
      r.field = it.path();
      if (auto c = it.get("count")) {
        const std::int64_t n = c->integer();
        if (n < 1 || n > 1000) c->fail("draw between 1 and 1000 ignitions");
        r.count = static_cast<std::uint32_t>(n);
      }
      if (auto t = it.get("time")) r.time = t->duration();
      if (auto c = it.get("candidates")) {
        c->check_keys({"file", "layer"});
        r.file = existing_file(c->need("file"));
        if (auto l = c->get("layer")) r.layer = l->text();
      }
      d.random.push_back(r);
    }
  }
  if (d.ignitions.empty() && d.random.empty())
    f.fail(
        "a fire needs at least one ignition (ignitions: or random:); live fires can be started on top of "
        "them");
  read_wind(f.need("wind"), d.wind);
  if (auto v = f.get("max_gap")) d.params.max_gap = v->length();
  if (!(d.params.max_gap > 0.0) || d.params.max_gap > 200.0)
    f.need("max_gap").fail("must be between 0 and 200 m");
  if (auto v = f.get("snap")) d.snap = v->length();
  if (auto v = f.get("default_levels")) {
    const std::int64_t n = v->integer();
    if (n < 1 || n > 100) v->fail("must be between 1 and 100 storeys");
    d.default_levels = static_cast<int>(n);
  }
  if (auto v = f.get("constructions"))
    for (const auto& [name, row] : v->entries()) d.constructions[name] = class_row(row, true);
  if (auto v = f.get("uses"))
    for (const auto& [name, row] : v->entries()) d.uses[name] = class_row(row, false);
  if (auto v = f.get("materials"))
    for (const auto& [name, row] : v->entries()) {
      d.materials[name] = row.text();
      d.line_of[row.path()] = row.line();
    }
  if (auto v = f.get("kinds"))
    for (const auto& [name, row] : v->entries()) d.kinds[name] = class_rule(row, d.line_of);
  if (auto v = f.get("default")) d.fallback = class_rule(*v, d.line_of);
  if (auto v = f.get("smoke")) {
    v->check_keys({"cell", "stability", "update_interval", "min_visibility", "notice_visibility",
                   "soot_yield", "co_yield", "max_cells"});
    SmokeParams& s = d.smoke;
    if (auto x = v->get("cell")) s.cell = x->length();
    if (!(s.cell >= 2.0)) v->fail_at("cell", "the smoke cell must be at least 2 m");
    if (auto x = v->get("stability")) s.stability = stability_class(*x);
    if (auto x = v->get("update_interval")) s.update_interval = x->duration();
    if (!(s.update_interval > 0.0)) v->fail_at("update_interval", "must be positive");
    if (auto x = v->get("min_visibility")) s.min_visibility = x->length();
    if (auto x = v->get("notice_visibility")) s.notice_visibility = x->length();
    if (!(s.min_visibility > 0.0) || !(s.notice_visibility > 0.0)) v->fail("visibilities must be positive");
    if (auto x = v->get("soot_yield")) s.soot_yield = x->share();
    if (auto x = v->get("co_yield")) s.carbon_monoxide_yield = x->share();
    if (!(s.soot_yield > 0.0)) v->fail_at("soot_yield", "must be positive");
    if (auto x = v->get("max_cells")) {
      const std::int64_t n = x->integer();
      if (n < 1) x->fail("must be at least 1");
      s.max_cells = static_cast<std::size_t>(n);
    }
  }
  if (auto v = f.get("zone")) {
    v->check_keys({"radius", "downwind", "half_angle"});
    if (auto x = v->get("radius")) d.zone.radius = x->length();
    if (auto x = v->get("downwind")) d.zone.downwind = x->length();
    if (auto x = v->get("half_angle")) d.zone.half_angle = x->number();
    if (d.zone.half_angle <= 0.0 || d.zone.half_angle > 90.0)
      v->fail_at("half_angle", "must be between 0 and 90 degrees");
  }
  if (auto v = f.get("service")) d.service = fire_service(*v);
  return d;
}

}  // namespace ss::scenarios::detail
