// Sections about places: map, shelters, zones, plan, run.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "engine/core/display_text.hpp"

#include "scenarios/loader/injects.hpp"
#include "scenarios/loader/scenario_sections.hpp"

namespace ss::scenarios::detail {

namespace fs = std::filesystem;

namespace {

// A run longer than a week is almost surely a unit slip (minutes typed as seconds
// the other way round, or hours as seconds).
constexpr double kMaxDuration = 7.0 * 86400.0;  // s
// The finest time step any model here needs: the micro model sub-steps at 0.05 s
// (MicroParams::substep) and its scenarios use 0.1 s; 1 ms is fifty times finer. A
// step below it (1e-9 s) is a unit slip that would run for ever.
constexpr double kMinDt = 0.001;  // s
// Steps one run may take: a week at 1 s is 604,800 steps and three hours of the micro
// model at 0.1 s 108,000; ten million (e.g. 0.000001 s for 3 h is 10.8 billion) would
// keep a core busy for days on a town.
constexpr double kMaxSteps = 1e7;
// Timeline rows one run may record (each holds every status, group and zone count):
// three hours at 0.1 s is 108,000.
constexpr double kMaxTimelineRows = 1e6;

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

double longitude(const Field& f) {
  const double v = f.number();
  if (v < -180.0 || v > 180.0) f.fail("longitude must be within [-180, 180] degrees");
  return v;
}

double latitude(const Field& f) {
  const double v = f.number();
  if (v < -90.0 || v > 90.0) f.fail("latitude must be within [-90, 90] degrees");
  return v;
}

std::int32_t capacity(const Field& f) {
  const std::int64_t v = f.integer();
  if (v <= 0) f.fail("capacity must be a positive number of persons, got " + std::to_string(v));
  if (v > 10'000'000) f.fail("capacity is implausibly large: " + std::to_string(v));
  return static_cast<std::int32_t>(v);
}

}  // namespace

std::string Sections::existing_file(const Field& f) const {
  const std::string text = f.text();
  if (text.empty()) f.fail("file path is empty");
  fs::path p(text);
  if (p.is_relative()) p = fs::path(folder) / p;
  p = p.lexically_normal();
  std::error_code ec;
  if (!fs::exists(p, ec)) f.fail("file not found: " + p.string());
  if (fs::is_directory(p, ec) && p.extension() != ".gdb") f.fail("is a folder, not a file: " + p.string());
  return p.string();
}

MapDesc Sections::map(const Field& f) const {
  f.check_keys(
      {"streets", "streets_layer", "buildings", "buildings_layer", "terrain", "terrain_cell", "crs"});
  MapDesc m;
  m.streets = existing_file(f.need("streets"));
  if (auto v = f.get("streets_layer")) m.streets_layer = v->text();
  if (auto v = f.get("buildings")) m.buildings = existing_file(*v);
  if (auto v = f.get("buildings_layer")) m.buildings_layer = v->text();
  if (auto v = f.get("terrain")) m.terrain = existing_file(*v);
  if (auto v = f.get("terrain_cell")) {
    m.terrain_cell = v->length();
    if (!(m.terrain_cell > 0.0)) v->fail("terrain cell must be greater than 0");
  }
  if (auto v = f.get("crs")) m.crs = v->text();
  return m;
}

SheltersDesc Sections::shelters(const Field& f) const {
  f.check_keys({"list", "layer", "from_map", "max_snap_distance", "assembly_areas"});
  SheltersDesc s;
  if (auto v = f.get("max_snap_distance")) {
    s.max_snap_distance = v->length();
    if (!(s.max_snap_distance > 0.0)) v->fail("must be greater than 0");
  }
  std::set<std::string> names;
  if (auto list = f.get("list")) {
    for (const Field& item : list->items()) {
      item.check_keys({"name", "lon", "lat", "capacity", "step_free", "open_time"});
      ShelterEntry e;
      const Field name = item.need("name");
      e.name = name.text();
      if (e.name.empty()) name.fail("a shelter needs a name");
      if (!names.insert(e.name).second) name.fail("duplicate shelter name '" + e.name + "'");
      e.lon = longitude(item.need("lon"));
      e.lat = latitude(item.need("lat"));
      e.capacity = capacity(item.need("capacity"));
      if (auto v = item.get("step_free")) e.step_free = v->boolean();
      if (auto v = item.get("open_time")) e.open_time = v->duration();
      if (e.open_time < 0.0) item.fail_at("open_time", "must not be negative");
      s.list.push_back(std::move(e));
    }
  }
  if (auto list = f.get("assembly_areas")) {
    for (const Field& item : list->items()) {
      item.check_keys({"name", "lon", "lat", "capacity", "step_free", "open_time"});
      ShelterEntry e;
      const Field name = item.need("name");
      e.name = name.text();
      if (e.name.empty()) name.fail("an assembly area needs a name");
      if (!names.insert(e.name).second) name.fail("duplicate shelter or assembly area name '" + e.name + "'");
      e.lon = longitude(item.need("lon"));
      e.lat = latitude(item.need("lat"));
      if (auto v = item.get("capacity")) e.capacity = capacity(*v);  // not given: everyone
      if (auto v = item.get("step_free")) e.step_free = v->boolean();
      if (auto v = item.get("open_time")) e.open_time = v->duration();
      if (e.open_time < 0.0) item.fail_at("open_time", "must not be negative");
      s.assembly_areas.push_back(std::move(e));
    }
  }
  if (auto l = f.get("layer")) {
    l->check_keys({"file", "layer", "name_field", "capacity_field", "step_free_field",
                   "covered_m2_per_person", "open_time"});
    ShelterLayerDesc d;
    d.file = existing_file(l->need("file"));
    if (auto v = l->get("layer")) d.layer = v->text();
    if (auto v = l->get("name_field")) d.name_field = v->text();
    if (auto v = l->get("capacity_field")) d.capacity_field = v->text();
    if (auto v = l->get("step_free_field")) d.step_free_field = v->text();
    if (auto v = l->get("covered_m2_per_person")) d.covered_m2_per_person = v->positive();
    if (auto v = l->get("open_time")) d.open_time = v->duration();
    if (d.open_time < 0.0) l->fail_at("open_time", "must not be negative");
    s.layer = d;
  }
  if (auto m = f.get("from_map")) {
    m->check_keys({"schools", "parking", "covered_m2_per_person", "school_usable_share", "open_m2_per_person",
                   "parking_usable_share", "schoolyard_usable_share", "min_parking_area", "step_free",
                   "open_time"});
    ShelterFromMapDesc d;
    maps::ShelterTagRules& r = d.rules;
    if (auto v = m->get("schools")) r.schools = v->boolean();
    if (auto v = m->get("parking")) r.parking = v->boolean();
    if (auto v = m->get("covered_m2_per_person")) r.covered_m2_per_person = v->positive();
    if (auto v = m->get("school_usable_share")) r.school_usable_share = v->share();
    if (auto v = m->get("open_m2_per_person")) r.open_m2_per_person = v->positive();
    if (auto v = m->get("parking_usable_share")) r.parking_usable_share = v->share();
    if (auto v = m->get("schoolyard_usable_share")) r.schoolyard_usable_share = v->share();
    if (auto v = m->get("min_parking_area")) r.min_parking_area = v->non_negative();
    if (auto v = m->get("step_free")) d.step_free = v->boolean();
    if (auto v = m->get("open_time")) d.open_time = v->duration();
    if (d.open_time < 0.0) m->fail_at("open_time", "must not be negative");
    if (!r.schools && !r.parking)
      m->fail("from_map takes neither schools nor parking; remove it or enable one");
    s.from_map = d;
  }
  if (s.list.empty() && !s.layer && !s.from_map) f.fail("no shelters: give a list, a layer or from_map");
  return s;
}

ZonesDesc Sections::zones(const Field& f) const {
  f.check_keys({"grid", "file", "layer", "name_field"});
  ZonesDesc z;
  const auto grid = f.get("grid");
  const auto file = f.get("file");
  if (grid && file) f.fail("give either a grid cell size or a polygon file, not both");
  if (!grid && !file) f.fail("give a grid cell size (e.g. grid: 1 km) or a polygon file");
  if (grid) {
    z.grid_cell = grid->length();
    if (!(z.grid_cell >= 10.0)) grid->fail("grid cell must be at least 10 m");
    if (f.get("layer") || f.get("name_field"))
      f.fail("layer and name_field belong to a polygon file, not a grid");
  } else {
    z.file = existing_file(*file);
    if (auto v = f.get("layer")) z.layer = v->text();
    if (auto v = f.get("name_field")) z.name_field = v->text();
  }
  return z;
}

PlanDesc Sections::plan(const Field& f) const {
  f.check_keys({"assignment", "zone_shelters", "closed_roads", "closed_shelters", "warning_time", "channels",
                "word_of_mouth", "compliance", "teams", "door_knock", "assist_needing_help", "task_times",
                "max_depot_distance", "targets", "when_shelters_full", "vertical_evacuation", "mutual_aid"});
  PlanDesc p;
  read_plan_teams(f, p.response);
  if (auto v = f.get("assignment")) {
    const std::string a = v->text();
    if (a == "nearest")
      p.assignment = Plan::Assignment::Nearest;
    else if (a == "by_zone")
      p.assignment = Plan::Assignment::ByZone;
    else
      v->fail("assignment must be 'nearest' or 'by_zone', got '" + a + "'");
  }
  if (auto v = f.get("when_shelters_full")) {
    const std::string w = v->text();
    if (w == "wait")
      p.when_shelters_full = Plan::WhenSheltersFull::Wait;
    else if (w == "assembly_area")
      p.when_shelters_full = Plan::WhenSheltersFull::AssemblyArea;
    else
      v->fail("when_shelters_full must be 'wait' or 'assembly_area', got '" + w + "'");
  }
  if (auto v = f.get("vertical_evacuation")) {
    v->check_keys({"zones", "groups", "storey_height", "freeboard", "untagged_levels"});
    VerticalDesc d;
    if (auto z = v->get("zones"))
      for (const Field& item : z->items()) d.zones.push_back(item.text());
    if (auto g = v->get("groups"))
      for (const Field& item : g->items()) d.groups.push_back(item.text());
    if (auto h = v->get("storey_height")) {
      d.rules.storey_height = h->length();
      if (!(d.rules.storey_height >= 2.0 && d.rules.storey_height <= 10.0))
        h->fail("a storey from 2 m to 10 m high, floor to floor");
    }
    if (auto h = v->get("freeboard")) {
      d.rules.freeboard = h->length();
      if (!(d.rules.freeboard >= 0.0 && d.rules.freeboard <= 5.0)) h->fail("a height from 0 to 5 m");
    }
    if (auto n = v->get("untagged_levels")) {
      const std::int64_t levels = n->integer();
      if (levels < 0 || levels > 200) n->fail("a number of storeys from 0 to 200");
      d.rules.untagged_levels = static_cast<int>(levels);
    }
    p.vertical = std::move(d);
  }
  if (auto v = f.get("zone_shelters")) {
    if (p.assignment != Plan::Assignment::ByZone) v->fail("zone_shelters needs assignment: by_zone");
    for (const auto& [zone, shelter] : v->entries()) p.zone_shelters[zone] = shelter.text();
  }
  if (auto v = f.get("closed_roads")) {
    for (const Field& item : v->items()) p.closed_roads.push_back(read_road(item));
  }
  if (auto v = f.get("closed_shelters"))
    for (const Field& item : v->items()) p.closed_shelters.push_back(item.text());
  if (auto v = f.get("warning_time")) {
    p.warning_time = v->duration();
    if (p.warning_time < 0.0) v->fail("must not be negative");
  }
  return p;
}

void Sections::run(const Field& f, RunSettings& out, double& memory_limit) const {
  f.check_keys({"dt", "duration", "seed", "timeline_interval", "memory_limit"});
  if (auto v = f.get("dt")) {
    out.dt = v->duration();
    if (!(out.dt > 0.0)) v->fail("time step must be greater than 0");
    if (out.dt < kMinDt) v->fail("time step below 1 ms is surely a unit slip (the micro model needs 0.05 s)");
    if (out.dt > 60.0) v->fail("time step above 60 s is too coarse for walking on streets");
  }
  if (auto v = f.get("duration")) {
    out.duration = v->duration();
    if (!(out.duration > 0.0)) v->fail("duration must be greater than 0");
    if (out.duration > kMaxDuration) v->fail("duration above 7 days is surely a unit slip");
  }
  if (out.dt > out.duration) f.fail_at("dt", "time step is longer than the run");
  const double steps = std::ceil(out.duration / out.dt);
  if (steps > kMaxSteps)
    f.fail_at(f.get("dt") ? "dt" : "duration",
              "the run would take " + format_count(static_cast<std::uint64_t>(steps)) + " steps (" +
                  format_clock(out.duration) + " at " + seconds_text(out.dt) + " s), more than " +
                  format_count(static_cast<std::uint64_t>(kMaxSteps)) +
                  ": choose a longer time step or a shorter run");
  if (auto v = f.get("seed")) out.seed = v->seed();
  if (auto v = f.get("memory_limit")) {
    memory_limit = v->bytes();
    if (!(memory_limit > 0.0)) v->fail("must be greater than 0");
  }
  if (auto v = f.get("timeline_interval")) {
    out.timeline_interval = v->duration();
    if (!(out.timeline_interval > 0.0)) v->fail("must be greater than 0");
    const double rows = std::ceil(out.duration / std::max(out.timeline_interval, out.dt));
    if (rows > kMaxTimelineRows)
      v->fail("the timeline would hold " + format_count(static_cast<std::uint64_t>(rows)) +
              " rows, more than " + format_count(static_cast<std::uint64_t>(kMaxTimelineRows)) +
              ": choose a longer interval");
  }
}

}  // namespace ss::scenarios::detail
