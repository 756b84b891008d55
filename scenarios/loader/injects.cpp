#include "scenarios/loader/injects.hpp"

#include <algorithm>
#include <cmath>

#include "scenarios/loader/inject_kinds.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::scenarios {
namespace {

using detail::Field;

// An inject item's keys: its time, a note, and one kind (inject_kinds.hpp).
constexpr auto kInjectKeys = [] {
  std::array<std::string_view, kInjectKinds.size() + 2> keys{"at", "note"};
  for (std::size_t i = 0; i < kInjectKinds.size(); ++i) keys[i + 2] = kInjectKinds[i].name;
  return keys;
}();

std::string kind_list() {
  std::string s;
  for (const InjectKindName& k : kInjectKinds) s += (s.empty() ? "" : ", ") + std::string(k.name);
  return s;
}

double degrees(const Field& f, double limit, const char* what) {
  const double v = f.number();
  if (v < -limit || v > limit)
    f.fail(std::string(what) + " must be within [-" + std::to_string(static_cast<int>(limit)) + ", " +
           std::to_string(static_cast<int>(limit)) + "] degrees");
  return v;
}

// `household: N` or {lon, lat} of a home.
void read_home(const Field& f, InjectDesc& out) {
  f.check_keys({"household", "lon", "lat"});
  if (auto h = f.get("household")) {
    if (f.get("lon") || f.get("lat")) f.fail("give either household or lon/lat, not both");
    out.household = h->integer();
    return;
  }
  out.home = LonLat{degrees(f.need("lon"), 180.0, "longitude"), degrees(f.need("lat"), 90.0, "latitude")};
}

// `building: <map id>` or {lon, lat} of a point in (or near) the building to set on fire.
void read_fire_target(const Field& f, InjectDesc& out) {
  f.check_keys({"building", "lon", "lat"});
  if (auto b = f.get("building")) {
    if (f.get("lon") || f.get("lat")) f.fail("give either building or lon/lat, not both");
    out.building = b->integer();
    return;
  }
  out.home = LonLat{degrees(f.need("lon"), 180.0, "longitude"), degrees(f.need("lat"), 90.0, "latitude")};
}

// The building a start_fire inject names: by map id, or the one containing the point,
// else the nearest centroid within 30 m (a point picked by hand on a map).
std::size_t fire_building(const InjectDesc& in, const World& w, const maps::Projector& pr,
                          const Origins& origins) {
  if (in.building) {
    if (const auto b = w.building_with_id(*in.building)) return *b;
    throw origins.error(in.field + ".building",
                        "no building with id " + std::to_string(*in.building) + " on the map");
  }
  const Vec2 p = pr.to_local({in.home->first, in.home->second});
  if (!w.bounds.contains(p)) throw origins.error(in.field, "the point lies outside the map");
  const auto b = w.building_at(p, 30.0);
  if (!b) throw origins.error(in.field, "no building contains the point or lies within 30 m of it");
  return *b;
}

// Index of `name` among `names`, else an InputError naming the field, with the
// closest name as a suggestion.
std::size_t by_name(const std::vector<std::string>& names, const std::string& name, const Origins& origins,
                    const std::string& field, const std::string& what) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
  throw origins.error(field, "no " + what + " named '" + name + "'" + detail::did_you_mean(name, names));
}

// The resident an assist or door-knock inject is for: the first member of the
// household with that id, or the resident whose home is nearest the point (within
// 100 m: a call names an address, the point is picked by hand on a map).
ResidentId home_of(const InjectDesc& in, const Model& m, const maps::Projector& pr, const Origins& origins) {
  const Population& pop = m.population;
  if (in.household) {
    for (std::size_t i = 0; i < pop.size(); ++i)
      if (pop.household[i].valid() && static_cast<std::int64_t>(pop.household[i].value) == *in.household)
        return ResidentId{i};
    throw origins.error(in.field + ".household", "no household " + std::to_string(*in.household) +
                                                     " in the population (ids as in residents.csv)");
  }
  constexpr double kMaxDistance = 100.0;  // m
  const Vec2 p = pr.to_local({in.home->first, in.home->second});
  std::size_t best = pop.size();
  double best_d = kMaxDistance;
  for (std::size_t i = 0; i < pop.size(); ++i)
    if (const double d = distance(pop.home[i], p); d <= best_d) {
      best_d = d;
      best = i;
    }
  if (best == pop.size()) throw origins.error(in.field, "no resident's home within 100 m of this point");
  return ResidentId{best};
}

}  // namespace

ClosedRoad read_road(const Field& f) {
  f.check_keys({"lon", "lat", "osm_way"});
  ClosedRoad c;
  if (auto w = f.get("osm_way")) {
    if (f.get("lon") || f.get("lat")) f.fail("give either osm_way or lon/lat, not both");
    c.osm_way = w->integer();
  } else {
    c.lon = degrees(f.need("lon"), 180.0, "longitude");
    c.lat = degrees(f.need("lat"), 90.0, "latitude");
  }
  return c;
}

std::vector<EdgeId> road_edges(const ClosedRoad& road, const StreetGraph& g, const NetworkSnapper& snapper,
                               const maps::Projector& projector, double max_distance, const Origins& origins,
                               const std::string& field) {
  std::vector<EdgeId> out;
  if (road.osm_way) {
    for (std::size_t e = 0; e < g.edge_source_id.size(); ++e)
      if (g.edge_source_id[e] == *road.osm_way) out.push_back(EdgeId(e));
    if (out.empty())
      throw origins.error(
          field + ".osm_way",
          "no walkable street of OSM way " + std::to_string(*road.osm_way) + " in the kept street network");
    return out;
  }
  // Points are picked by hand from a map; allow them the reach of shelters.
  const auto hit = snapper.nearest(projector.to_local({*road.lon, *road.lat}), max_distance);
  if (!hit)
    throw origins.error(field, "no walkable street within " + std::to_string(std::lround(max_distance)) +
                                   " m (shelters.max_snap_distance) of this point");
  out.push_back(hit->edge);
  return out;
}

std::vector<InjectDesc> read_injects(const Field& f) {
  std::vector<InjectDesc> out;
  for (const Field& item : f.items()) {
    item.check_keys(kInjectKeys);
    InjectDesc in;
    in.field = item.path();
    in.at = item.need("at").duration();
    if (in.at < 0.0) item.fail_at("at", "must not be negative");
    if (auto n = item.get("note")) in.note = n->text();
    const InjectKindName* found = nullptr;
    for (const InjectKindName& k : kInjectKinds) {
      if (!item.get(k.name)) continue;
      if (found)
        item.fail("one inject per item: both " + std::string(found->name) + " and " + std::string(k.name));
      found = &k;
    }
    if (!found) item.fail("says nothing happens: give one of " + kind_list());
    in.kind = found->kind;
    const Field v = item.need(found->name);
    switch (in.kind) {
      case Intervention::Kind::CloseRoad:
      case Intervention::Kind::OpenRoad: in.road = read_road(v); break;
      case Intervention::Kind::CloseShelter:
      case Intervention::Kind::OpenShelter: in.name = v.text(); break;
      case Intervention::Kind::DelayTeam:
        v.check_keys({"team", "by"});
        in.name = v.need("team").text();
        in.delay = v.need("by").duration();
        if (!(in.delay > 0.0)) v.fail_at("by", "must be a positive delay");
        break;
      case Intervention::Kind::BroadcastWarning:
        v.check_keys({"zone"});
        in.name = v.need("zone").text();
        break;
      case Intervention::Kind::AddAssistTask:
      case Intervention::Kind::AddDoorKnockTask: read_home(v, in); break;
      case Intervention::Kind::StartFire: read_fire_target(v, in); break;
      case Intervention::Kind::RequestMutualAid: in.name = v.text(); break;
    }
    in.field = in.field + "." + std::string(found->name);
    out.push_back(std::move(in));
  }
  return out;
}

std::vector<Intervention> resolve_inject(const InjectDesc& in, const InjectTargets& t, const Origins& o,
                                         std::vector<std::string>& problems) {
  const Model& m = t.model;
  std::vector<std::string> shelters, teams, zones, offers;
  for (const ShelterSite& s : m.world.shelters) shelters.push_back(s.name);
  for (const MutualAid& a : m.plan.response.mutual_aid) offers.push_back(a.name);
  for (const Team& team : m.plan.response.teams) teams.push_back(team.name);
  for (std::size_t z = 0; z < m.world.zone_count(); ++z) zones.push_back(m.world.zone_name(ZoneId{z}));
  std::vector<Intervention> out;
  Intervention iv;
  iv.kind = in.kind;
  iv.note = in.note;
  auto add = [&](std::size_t target) {
    iv.target = static_cast<std::uint32_t>(target);
    out.push_back(iv);
  };
  switch (in.kind) {
    case Intervention::Kind::CloseRoad:
    case Intervention::Kind::OpenRoad:
      for (const EdgeId e :
           road_edges(in.road, m.world.streets, t.snapper, t.projector, t.max_snap_distance, o, in.field))
        add(e.index());
      break;
    case Intervention::Kind::CloseShelter:
    case Intervention::Kind::OpenShelter: add(by_name(shelters, in.name, o, in.field, "shelter")); break;
    case Intervention::Kind::DelayTeam:
      iv.value = in.delay;
      add(by_name(teams, in.name, o, in.field + ".team", "team"));
      break;
    case Intervention::Kind::BroadcastWarning:
      add(by_name(zones, in.name, o, in.field + ".zone", "zone"));
      break;
    case Intervention::Kind::AddAssistTask:
    case Intervention::Kind::AddDoorKnockTask: {
      const ResidentId r = home_of(in, m, t.projector, o);
      if (in.kind == Intervention::Kind::AddAssistTask && m.plan.response.teams.empty())
        problems.push_back(in.field + ": no team in the plan can take the task");
      add(r.index());
      break;
    }
    case Intervention::Kind::RequestMutualAid:
      if (offers.empty())
        throw o.error(in.field, "the plan has no mutual_aid offer to ask for (plan.mutual_aid)");
      add(by_name(offers, in.name, o, in.field, "mutual-aid offer"));
      break;
    case Intervention::Kind::StartFire:
      if (!t.fire)
        throw o.error(in.field,
                      "a scenario without a fire: block cannot start fires (add fire: with its wind)");
      add(fire_building(in, m.world, t.projector, o));
      break;
  }
  return out;
}

void build_injects(const ScenarioDesc& d, const NetworkSnapper& snapper, const maps::Projector& projector,
                   Model& m, std::vector<std::string>& problems) {
  const InjectTargets targets{m, snapper, projector, d.shelters.max_snap_distance, d.fire.has_value()};
  for (const InjectDesc& in : d.plan.injects) {
    if (in.at >= d.run.duration)
      problems.push_back(in.field + ": at or after the end of the run, never applied");
    for (Intervention& iv : resolve_inject(in, targets, d.origins, problems))
      m.plan.injects.push_back({in.at, std::move(iv)});
  }
  std::stable_sort(m.plan.injects.begin(), m.plan.injects.end(),
                   [](const ScriptedInject& a, const ScriptedInject& b) { return a.time < b.time; });
}

}  // namespace ss::scenarios
