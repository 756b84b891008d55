// The plan's warning channels, word of mouth, compliance, teams, door-knocking, task
// times and targets: the `plan:` keys beyond assignment and closures.
#include <algorithm>

#include "scenarios/loader/scenario_sections.hpp"

namespace ss::scenarios::detail {

namespace {

std::size_t group_of(const Field& f, const std::string& name) {
  for (std::size_t g = 0; g < GroupIndex::kCount; ++g)
    if (GroupIndex::name(g) == name) return g;
  std::string names;
  for (std::size_t g = 0; g < GroupIndex::kCount; ++g) names += (g ? ", " : "") + GroupIndex::name(g);
  f.fail("unknown group '" + name + "'; expected one of: " + names);
}

LonLat lon_lat(const Field& f) {
  if (f.is_map()) {
    f.check_keys({"lon", "lat"});
    const double lon = f.need("lon").number(), lat = f.need("lat").number();
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) f.fail("lon/lat out of range");
    return {lon, lat};
  }
  const auto items = f.items();
  if (items.size() != 2) f.fail("a point is [lon, lat] or {lon: .., lat: ..}");
  const double lon = items[0].number(), lat = items[1].number();
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) f.fail("lon/lat out of range");
  return {lon, lat};
}

std::vector<LonLat> points(const Field& f, std::size_t at_least) {
  std::vector<LonLat> out;
  for (const Field& p : f.items()) out.push_back(lon_lat(p));
  if (out.size() < at_least) f.fail("needs at least " + std::to_string(at_least) + " points");
  return out;
}

// Speeds: m/s, or "20 km/h", "1.4 m/s".
double speed(const Field& f) {
  const double v = f.speed();
  if (!(v > 0.0) || v > 60.0) f.fail("speed must be in (0, 60] m/s");
  return v;
}

void read_area(const Field& f, TargetAreaDesc& out) {
  if (auto v = f.get("zones"))
    for (const Field& z : v->items()) out.zones.push_back(z.text());
  if (auto v = f.get("lowest_zones")) {
    const std::int64_t n = v->integer();
    if (n <= 0) v->fail("must be a positive number of zones");
    out.lowest_zones = static_cast<std::size_t>(n);
  }
  if (auto v = f.get("area")) out.area = points(*v, 3);
  if (auto v = f.get("low_lying")) out.low_lying = v->boolean();
  // The same for any hazard: a flood's low-lying zone, a fire's evacuation zone.
  if (auto v = f.get("hazard_zone")) out.low_lying = out.low_lying || v->boolean();
}

ChannelDesc channel(const Field& f) {
  f.check_keys({"name", "kind", "start", "reach", "reach_factor", "delay", "zones", "lowest_zones", "area",
                "low_lying", "hazard_zone", "route", "route_speed", "route_radius"});
  ChannelDesc c;
  c.name = f.need("name").text();
  if (auto v = f.get("kind"))
    c.kind = pick<ChannelKind, 4>(*v, {{{"siren", ChannelKind::Siren},
                                        {"cell_broadcast", ChannelKind::CellBroadcast},
                                        {"loudspeaker", ChannelKind::Loudspeaker},
                                        {"other", ChannelKind::Other}}});
  if (auto v = f.get("start")) {
    c.start = v->duration();
    if (c.start < 0) v->fail("must not be negative");
  }
  if (auto v = f.get("reach")) c.reach = v->share();
  if (auto v = f.get("reach_factor"))
    for (const auto& [group, factor] : v->entries()) c.reach_factor[group_of(*v, group)] = factor.share();
  if (auto v = f.get("delay")) {
    v->check_keys({"median", "sigma_ln"});
    if (auto m = v->get("median")) c.delay_median = m->duration();
    if (auto s = v->get("sigma_ln")) c.delay_sigma_ln = s->non_negative();
    if (c.delay_median < 0) v->fail_at("median", "must not be negative");
  }
  read_area(f, c.target);
  if (auto v = f.get("route")) c.route = points(*v, 2);
  if (auto v = f.get("route_speed")) c.route_speed = speed(*v);
  if (auto v = f.get("route_radius")) c.route_radius = v->length();
  if (c.kind == ChannelKind::Loudspeaker && c.route.empty()) f.fail("a loudspeaker channel needs a route");
  return c;
}

TeamDesc team(const Field& f) {
  f.check_keys({"name", "kind", "count", "members", "depot", "mode", "speed", "mobilisation", "roles",
                "escort_capacity", "escort_speed"});
  TeamDesc d;
  d.field = f.path();
  Team& t = d.team;
  t.name = f.need("name").text();
  t.kind = pick<TeamKind, 5>(f.need("kind"), {{{"subdistrict", TeamKind::Subdistrict},
                                               {"fire", TeamKind::Fire},
                                               {"medical", TeamKind::Medical},
                                               {"police", TeamKind::Police},
                                               {"volunteers", TeamKind::Volunteers}}});
  if (auto v = f.get("count")) {
    d.count = v->integer();
    if (d.count < 1 || d.count > 1000) v->fail("must be between 1 and 1000");
  }
  const Field members = f.need("members");
  const std::int64_t m = members.integer();
  if (m < 1 || m > 10000) members.fail("must be a positive number of people, got " + std::to_string(m));
  t.members = static_cast<std::int32_t>(m);
  const Field depot = f.need("depot");
  depot.check_keys({"lon", "lat", "amenity", "near"});
  if (auto a = depot.get("amenity")) {
    if (depot.get("lon") || depot.get("lat")) depot.fail("give either lon/lat or amenity, not both");
    d.depot.amenity = a->text();
    if (auto n = depot.get("near")) d.depot.near = lon_lat(*n);
  } else {
    d.depot.at = lon_lat(depot);
  }
  if (auto v = f.get("mode"))
    t.mode = pick<TravelMode, 2>(*v, {{{"foot", TravelMode::Foot}, {"vehicle", TravelMode::Vehicle}}});
  if (t.mode == TravelMode::Vehicle)
    t.speed = t.escort_speed = 25.0 / 3.6;  // planning assumption: urban emergency driving
  if (auto v = f.get("speed")) t.speed = speed(*v);
  if (auto v = f.get("mobilisation")) {
    t.mobilisation = v->duration();
    if (t.mobilisation < 0) v->fail("must not be negative");
  }
  if (auto v = f.get("roles")) {
    t.roles = 0;
    for (const Field& r : v->items())
      t.roles |= pick<TeamRole, 4>(r, {{{"door_knock", kRoleDoorKnock},
                                        {"assist", kRoleAssist},
                                        {"medical", kRoleMedical},
                                        {"fire", kRoleFire}}});
    if (t.roles == 0) v->fail("a team needs at least one role");
  }
  if (auto v = f.get("escort_capacity")) {
    const std::int64_t c = v->integer();
    if (c < 1 || c > 1000) v->fail("must be a positive number of persons");
    t.escort_capacity = static_cast<std::int32_t>(c);
  }
  if (auto v = f.get("escort_speed")) t.escort_speed = speed(*v);
  return d;
}

MutualAidDesc mutual_aid(const Field& f) {
  f.check_keys({"name", "from", "arrives_after", "teams"});
  MutualAidDesc d;
  d.field = f.path();
  d.aid.name = f.need("name").text();
  if (auto v = f.get("from")) d.aid.from = v->text();
  const Field after = f.need("arrives_after");
  d.aid.delay = after.duration();
  if (d.aid.delay < 0 || d.aid.delay > 48 * 3600.0) after.fail("must be a time between 0 and 48 h");
  const Field teams = f.need("teams");
  for (const Field& t : teams.items()) {
    if (t.get("mobilisation"))
      t.fail_at("mobilisation", "a mutual-aid team is ready arrives_after its request; give no mobilisation");
    d.teams.push_back(team(t));
  }
  if (d.teams.empty()) teams.fail("an offer of mutual aid needs at least one team");
  return d;
}

PlanTarget target(const Field& f) {
  // The fire service's targets are a hazard key figure at most a limit.
  const std::string kind = f.need("kind").text();
  if (kind == "first_engine_within" || kind == "first_alarm_within" || kind == "fire_kept_to_origin" ||
      kind == "no_resident_incapacitated" || kind == "hazard_kpi") {
    PlanTarget t;
    t.kind = TargetKind::HazardKpiAtMost;
    if (kind == "first_engine_within" || kind == "first_alarm_within") {
      f.check_keys({"kind", "minutes"});
      t.minutes = f.need("minutes").non_negative();
      t.kpi = kind == "first_engine_within" ? "fire.first_engine_s" : "fire.first_alarm_complete_s";
      t.at_most = t.minutes * 60.0;  // the key figures count seconds from the call
    } else if (kind == "hazard_kpi") {
      f.check_keys({"kind", "kpi", "at_most"});
      t.kpi = f.need("kpi").text();
      if (t.kpi.find('.') == std::string::npos)
        f.fail_at("kpi", "expected <hazard>.<figure>, e.g. fire.first_engine_s");
      t.at_most = f.need("at_most").number();
    } else {
      f.check_keys({"kind"});
      t.kpi = kind == "fire_kept_to_origin" ? "fire.buildings_beyond_origin" : "fire.residents_incapacitated";
      t.at_most = 0.0;
    }
    return t;
  }
  f.check_keys({"kind", "minutes", "share", "after"});
  PlanTarget t;
  t.kind = pick<TargetKind, 5>(f.need("kind"),
                               {{{"vulnerable_reached_within", TargetKind::VulnerableReachedWithin},
                                 {"share_safe_within", TargetKind::ShareSafeWithin},
                                 {"no_shelter_over_capacity", TargetKind::NoShelterOverCapacity},
                                 {"response_within", TargetKind::ResponseWithin},
                                 {"warned_within", TargetKind::WarnedWithin}}});
  const bool timed = t.kind != TargetKind::NoShelterOverCapacity;
  if (timed)
    t.minutes = f.need("minutes").non_negative();
  else if (f.get("minutes"))
    f.fail_at("minutes", "no_shelter_over_capacity takes no time");
  const bool shared = t.kind == TargetKind::ShareSafeWithin || t.kind == TargetKind::WarnedWithin ||
                      t.kind == TargetKind::ResponseWithin;
  // response_within: the share of tasks (a quantile), all of them unless given.
  const bool share_required = shared && t.kind != TargetKind::ResponseWithin;
  if (auto v = share_required ? std::optional<Field>(f.need("share")) : f.get("share")) {
    if (!shared) v->fail("this target takes no share");
    t.share = v->share();
    if (t.share <= 0) v->fail("must be above 0");
  }
  if (auto v = f.get("after")) {
    const std::string a = v->text();
    if (a == "warning")
      t.after_warning = true;
    else if (a == "start")
      t.after_warning = false;
    else
      v->fail("after must be 'warning' or 'start', got '" + a + "'");
  }
  return t;
}

}  // namespace

void read_plan_teams(const Field& f, PlanTeamsDesc& p) {
  if (auto v = f.get("channels")) {
    for (const Field& c : v->items()) p.channels.push_back(channel(c));
    p.channels_given = true;
  } else if (f.node()["channels"].IsDefined()) {  // `channels: []` or null: no broadcast at all
    p.channels_given = true;
  }
  if (auto v = f.get("word_of_mouth")) {
    v->check_keys({"rate_per_min", "cell"});
    if (auto r = v->get("rate_per_min")) p.word_of_mouth.rate = r->non_negative() / 60.0;
    if (auto c = v->get("cell")) {
      p.word_of_mouth.cell = c->length();
      if (!(p.word_of_mouth.cell > 0)) c->fail("must be a positive length");
    }
  }
  if (auto v = f.get("compliance")) {
    v->check_keys({"refuse_share", "by_group"});
    if (auto r = v->get("refuse_share")) p.compliance.refuse_share = r->share();
    if (auto g = v->get("by_group"))
      for (const auto& [group, share] : g->entries())
        p.compliance.refuse_by_group[group_of(*g, group)] = share.share();
  }
  if (auto v = f.get("teams"))
    for (const Field& t : v->items()) p.teams.push_back(team(t));
  if (auto v = f.get("mutual_aid")) {
    for (const Field& a : v->items()) {
      p.mutual_aid.push_back(mutual_aid(a));
      for (std::size_t k = 0; k + 1 < p.mutual_aid.size(); ++k)
        if (p.mutual_aid[k].aid.name == p.mutual_aid.back().aid.name)
          a.fail_at("name", "a second mutual-aid offer named '" + p.mutual_aid.back().aid.name + "'");
    }
  }
  if (auto v = f.get("door_knock")) {
    v->check_keys({"all", "zones", "lowest_zones", "low_lying", "hazard_zone"});
    if (auto a = v->get("all")) p.door_knock.all = a->boolean();
    read_area(*v, p.door_knock);
    p.door_knock_set = true;
  }
  if (auto v = f.get("assist_needing_help")) p.assist_needing_help = v->boolean();
  if (auto v = f.get("task_times")) {
    v->check_keys({"knock", "pickup", "handover"});
    if (auto k = v->get("knock")) p.task_times.knock = k->duration();
    if (auto k = v->get("pickup")) p.task_times.pickup = k->duration();
    if (auto k = v->get("handover")) p.task_times.handover = k->duration();
    if (p.task_times.knock < 0 || p.task_times.pickup < 0 || p.task_times.handover < 0)
      v->fail("task times must not be negative");
  }
  if (auto v = f.get("max_depot_distance")) p.max_depot_distance = v->length();
  if (auto v = f.get("targets"))
    for (const Field& t : v->items()) p.targets.push_back(target(t));
}

}  // namespace ss::scenarios::detail
