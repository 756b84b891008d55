// The fire service inside the `fire:` section (`fire.service:`): time of day and
// alarm times, the first alarm, appliance types, stations (listed, or from the map's
// amenity=fire_station), fire lanes (widths, speeds, barriers, a survey layer of
// obstructions, blocked shares drawn per seed), hydrants, extinguishers, hose, rescue
// and knockdown. Values are checked here with file, line and field; names (appliance
// types) and places (stations, obstructions, hydrant layers) at assembly
// (fire_service_assembly.cpp). Defaults and their sources: FireServiceParams
// (engine/hazards/fire/fire_service.hpp).
#include <array>

#include "scenarios/loader/scenario_sections.hpp"

namespace ss::scenarios::detail {
namespace {

constexpr std::size_t kStreetClasses = std::tuple_size_v<PerStreetKind>;
static_assert(kStreetClasses == static_cast<std::size_t>(StreetKind::Other) + 1, "one value per StreetKind");

ApplianceKind appliance_kind(const Field& f) {
  return pick<ApplianceKind, 3>(f, {{{"pumper", ApplianceKind::Pumper},
                                     {"ladder", ApplianceKind::Ladder},
                                     {"tanker", ApplianceKind::Tanker}}});
}

CrewKind crew_kind(const Field& f) {
  return pick<CrewKind, 2>(f,
                           {{{"volunteer", CrewKind::Volunteer}, {"professional", CrewKind::Professional}}});
}

double time_span(const Field& f) {
  const double v = f.duration();
  if (v < 0.0) f.fail("must not be negative");
  return v;
}

double lane_width(const Field& f) {
  const double v = f.length();
  if (v < 0.0) f.fail("a lane width must not be negative, got '" + f.text() + "'");
  return v;
}

// `{residential: 5 m, service: 3.5 m}`: values by OSM highway class (StreetKind names).
template <class Read>
void per_class(const Field& f, PerStreetKind& out, Read read) {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < kStreetClasses; ++k) names.emplace_back(to_string(static_cast<StreetKind>(k)));
  for (const auto& [name, value] : f.entries()) {
    std::size_t k = 0;
    while (k < kStreetClasses && names[k] != name) ++k;
    if (k == kStreetClasses) {
      std::string all;
      for (const std::string& n : names) all += (all.empty() ? "" : ", ") + n;
      value.fail("unknown street class '" + name + "'" + did_you_mean(name, names) +
                 "; street classes: " + all);
    }
    out[k] = read(value);
  }
}

std::vector<std::string> names_list(const Field& f, bool non_empty, const char* what) {
  std::vector<std::string> out;
  for (const Field& i : f.items()) {
    out.push_back(i.text());
    if (out.back().empty()) i.fail("must not be empty");
  }
  if (non_empty && out.empty()) f.fail(std::string("needs at least one ") + what);
  return out;
}

ApplianceTypeDesc appliance_type(const Field& f) {
  f.check_keys({"name", "kind", "crew", "water", "flow", "weight", "height", "hose"});
  ApplianceTypeDesc t;
  t.field = f.path();
  t.name = f.need("name").text();
  if (t.name.empty()) f.fail_at("name", "must not be empty");
  if (auto v = f.get("kind")) t.kind = appliance_kind(*v);
  if (auto v = f.get("crew")) {
    const std::int64_t n = v->integer();
    if (n < 1 || n > 100) v->fail("a crew is between 1 and 100 persons");
    t.crew = static_cast<int>(n);
  }
  if (auto v = f.get("water")) {
    t.water = v->volume();
    if (*t.water < 0.0) v->fail("must not be negative");
  }
  if (auto v = f.get("flow")) {
    t.flow = v->flow();
    if (*t.flow < 0.0) v->fail("must not be negative");
  }
  if (auto v = f.get("weight")) {
    t.weight = v->mass();
    if (!(*t.weight > 0.0)) v->fail("must be greater than 0");
  }
  if (auto v = f.get("height")) {
    t.height = v->length();
    if (!(*t.height > 0.0)) v->fail("must be greater than 0");
  }
  if (auto v = f.get("hose")) {
    t.hose = v->length();
    if (*t.hose < 0.0) v->fail("must not be negative");
  }
  return t;
}

FireStationDesc station(const Field& f) {
  f.check_keys({"name", "lon", "lat", "crew", "appliances", "turnout_day", "turnout_night"});
  FireStationDesc s;
  s.field = f.path();
  s.name = f.need("name").text();
  if (s.name.empty()) f.fail_at("name", "must not be empty");
  s.at.lon = f.need("lon").number();
  s.at.lat = f.need("lat").number();
  if (s.at.lon < -180 || s.at.lon > 180 || s.at.lat < -90 || s.at.lat > 90) f.fail("lon/lat out of range");
  if (auto v = f.get("crew")) s.crew = crew_kind(*v);
  if (auto v = f.get("appliances")) s.appliances = names_list(*v, true, "appliance");
  if (auto v = f.get("turnout_day")) s.turnout_day = time_span(*v);
  if (auto v = f.get("turnout_night")) s.turnout_night = time_span(*v);
  return s;
}

void read_stations(const Field& f, FireServiceSection& d) {
  f.check_keys({"from_map", "map_crew", "map_appliances", "list"});
  if (auto v = f.get("from_map")) d.stations_from_map = v->boolean();
  if (auto v = f.get("map_crew")) d.map_crew = crew_kind(*v);
  if (auto v = f.get("map_appliances")) d.map_appliances = names_list(*v, true, "appliance");
  if (auto v = f.get("list")) {
    for (const Field& s : v->items()) {
      d.stations.push_back(station(s));
      for (std::size_t k = 0; k + 1 < d.stations.size(); ++k)
        if (d.stations[k].name == d.stations.back().name)
          s.fail_at("name", "a second station named '" + d.stations[k].name + "'");
    }
  }
  if (!d.stations_from_map && d.stations.empty())
    f.fail(
        "a fire service needs at least one station: list them (stations.list) or take the map's "
        "(stations.from_map: true)");
}

void read_lanes(const Field& f, const Sections& sec, FireServiceSection& d) {
  f.check_keys({"min_clear_width", "class_width", "speed", "barriers_from_map", "closing_barriers",
                "barrier_snap", "obstructions", "blocked_share", "blocked_width", "sensor_delay"});
  FireServiceParams& p = d.params;
  if (auto v = f.get("min_clear_width")) p.min_clear_width = lane_width(*v);
  if (auto v = f.get("class_width")) per_class(*v, p.class_width, lane_width);
  if (auto v = f.get("speed"))
    per_class(*v, p.speed, [](const Field& x) {
      const double s = x.speed();
      if (s < 0.0 || s > 60.0) x.fail("an appliance's speed is between 0 (no lane) and 60 m/s");
      return s;
    });
  if (auto v = f.get("barriers_from_map")) p.barriers_from_map = v->boolean();
  if (auto v = f.get("closing_barriers")) p.closing_barriers = names_list(*v, false, "barrier");
  if (auto v = f.get("barrier_snap")) {
    p.barrier_snap = v->length();
    if (!(p.barrier_snap > 0.0)) v->fail("must be greater than 0");
  }
  if (auto v = f.get("obstructions")) {
    v->check_keys({"layer"});
    const Field l = v->need("layer");
    l.check_keys({"file", "layer", "kind_field", "width_field", "closed_field", "known_field"});
    ObstructionLayerDesc o;
    o.file = sec.existing_file(l.need("file"));
    if (auto x = l.get("layer")) o.layer = x->text();
    if (auto x = l.get("kind_field")) {
      o.kind_field = x->text();
      o.kind_given = true;
    }
    if (auto x = l.get("width_field")) {
      o.width_field = x->text();
      o.width_given = true;
    }
    if (auto x = l.get("closed_field")) {
      o.closed_field = x->text();
      o.closed_given = true;
    }
    if (auto x = l.get("known_field")) {
      o.known_field = x->text();
      o.known_given = true;
    }
    d.obstruction_layer = o;
  }
  if (auto v = f.get("blocked_share")) {
    v->check_keys({"day", "night"});
    if (auto x = v->get("day")) per_class(*x, p.blocked_share_day, [](const Field& s) { return s.share(); });
    if (auto x = v->get("night"))
      per_class(*x, p.blocked_share_night, [](const Field& s) { return s.share(); });
  }
  if (auto v = f.get("blocked_width")) p.blocked_width = lane_width(*v);
  if (auto v = f.get("sensor_delay")) p.sensor_delay = time_span(*v);
}

void read_hydrants(const Field& f, const Sections& sec, FireServiceSection& d) {
  f.check_keys({"from_map", "layer", "out_of_service_share", "reach", "flow"});
  FireServiceParams& p = d.params;
  if (auto v = f.get("from_map")) d.hydrants_from_map = v->boolean();
  if (auto v = f.get("layer")) {
    v->check_keys({"file", "layer", "working_field", "name_field"});
    HydrantLayerDesc h;
    h.file = sec.existing_file(v->need("file"));
    if (auto x = v->get("layer")) h.layer = x->text();
    if (auto x = v->get("working_field")) {
      h.working_field = x->text();
      h.working_given = true;
    }
    if (auto x = v->get("name_field")) {
      h.name_field = x->text();
      h.name_given = true;
    }
    d.hydrant_layer = h;
  }
  if (auto v = f.get("out_of_service_share")) p.hydrant_out_of_service = v->share();
  if (auto v = f.get("reach")) {
    p.hydrant_reach = v->length();
    if (!(p.hydrant_reach > 0.0)) v->fail("must be greater than 0");
  }
  if (auto v = f.get("flow")) {
    p.hydrant_flow = v->flow();
    if (!(p.hydrant_flow > 0.0)) v->fail("must be greater than 0");
  }
}

void read_rescue(const Field& f, FireServiceParams& p) {
  f.check_keys({"stairs", "portable_ladder", "ladder_setup", "aerial_ladder", "ladder_area_width",
                "ladder_outreach", "portable_ladder_floors"});
  if (auto v = f.get("stairs")) p.rescue_stairs = time_span(*v);
  if (auto v = f.get("portable_ladder")) p.rescue_portable_ladder = time_span(*v);
  if (auto v = f.get("ladder_setup")) p.ladder_setup = time_span(*v);
  if (auto v = f.get("aerial_ladder")) p.rescue_aerial_ladder = time_span(*v);
  if (auto v = f.get("ladder_area_width")) p.ladder_area_width = lane_width(*v);
  if (auto v = f.get("ladder_outreach")) {
    p.ladder_outreach = v->length();
    if (p.ladder_outreach < 0.0) v->fail("must not be negative");
  }
  if (auto v = f.get("portable_ladder_floors")) {
    const std::int64_t n = v->integer();
    if (n < 0 || n > 10) v->fail("a floor number between 0 (ground) and 10");
    p.portable_ladder_floors = static_cast<int>(n);
  }
}

}  // namespace

FireServiceSection Sections::fire_service(const Field& f) const {
  f.check_keys({"time_of_day", "detection_delay", "call_handling", "first_alarm", "appliance_types",
                "stations", "lanes", "hydrants", "extinguishers", "hose", "rescue", "knockdown"});
  FireServiceSection d;
  FireServiceParams& p = d.params;
  if (auto v = f.get("time_of_day")) p.night = pick<bool, 2>(*v, {{{"day", false}, {"night", true}}});
  if (auto v = f.get("detection_delay")) p.detection_delay = time_span(*v);
  if (auto v = f.get("call_handling")) p.call_handling = time_span(*v);
  if (auto v = f.get("first_alarm")) {
    p.first_alarm.clear();
    for (const Field& k : v->items()) p.first_alarm.push_back(appliance_kind(k));
    if (p.first_alarm.empty()) v->fail("the first alarm sends at least one appliance");
  }
  if (auto v = f.get("appliance_types")) {
    for (const Field& t : v->items()) {
      d.types.push_back(appliance_type(t));
      for (std::size_t k = 0; k + 1 < d.types.size(); ++k)
        if (d.types[k].name == d.types.back().name)
          t.fail_at("name", "appliance type '" + d.types[k].name + "' is given twice");
    }
  }
  read_stations(f.need("stations"), d);
  if (auto v = f.get("lanes")) read_lanes(*v, *this, d);
  if (auto v = f.get("hydrants")) read_hydrants(*v, *this, d);
  if (auto v = f.get("extinguishers")) {
    v->check_keys({"share", "success", "time"});
    if (auto x = v->get("share")) p.extinguisher_share = x->share();
    if (auto x = v->get("success")) p.extinguisher_success = x->share();
    if (auto x = v->get("time")) p.extinguisher_time = time_span(*x);
  }
  if (auto v = f.get("hose")) {
    v->check_keys({"attack_reach", "lay_speed", "setup_time"});
    if (auto x = v->get("attack_reach")) {
      p.attack_reach = x->length();
      if (p.attack_reach < 0.0) x->fail("must not be negative");
    }
    if (auto x = v->get("lay_speed")) {
      p.lay_speed = x->speed();
      if (!(p.lay_speed > 0.0) || p.lay_speed > 10.0)
        x->fail("a crew lays hose at more than 0 and at most 10 m/s");
    }
    if (auto x = v->get("setup_time")) p.setup_time = time_span(*x);
  }
  if (auto v = f.get("rescue")) read_rescue(*v, p);
  if (auto v = f.get("knockdown")) {
    p.knockdown = v->duration();
    if (!(p.knockdown > 0.0)) v->fail("must be greater than 0");
  }
  return d;
}

}  // namespace ss::scenarios::detail
