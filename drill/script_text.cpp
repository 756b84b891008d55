#include "drill/script_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>

#include "scenarios/loader/inject_kinds.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::drill {
namespace {

using Kind = Intervention::Kind;

// The scenario's scripted inject kinds, same names (scenarios/loader/inject_kinds.hpp).
using scenarios::InjectKindName;
using scenarios::kInjectKinds;

std::optional<std::int64_t> whole_number(const std::string& s) {
  std::int64_t v = 0;
  const char* end = s.data() + s.size();
  const auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || p != end) return std::nullopt;
  return v;
}

// "11.2785, 49.5101" or "11.2785 49.5101": longitude then latitude, in degrees.
std::optional<scenarios::LonLat> lon_lat(const std::string& s) {
  std::string t = s;
  std::replace(t.begin(), t.end(), ',', ' ');
  std::istringstream in(t);
  double lon = 0, lat = 0;
  std::string extra;
  if (!(in >> lon >> lat) || (in >> extra) || !std::isfinite(lon) || !std::isfinite(lat) || lon < -180 ||
      lon > 180 || lat < -90 || lat > 90)
    return std::nullopt;
  return scenarios::LonLat{lon, lat};
}

// "<word> <whole number>" (osm_way 123, household 42, building 7).
std::optional<std::int64_t> keyed_number(const std::string& s, const std::string& word) {
  if (s.rfind(word + " ", 0) != 0) return std::nullopt;
  return whole_number(trim(s.substr(word.size() + 1)));
}

}  // namespace

std::string trim(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

std::string inject_kind_names() {
  std::string names;
  for (const InjectKindName& k : kInjectKinds) names += std::string(k.name) + ", ";
  return names + "message";
}

std::string parse_action(InjectAction& a) {
  if (a.kind == "message") {
    a.message = true;  // the target, if any, says who calls or what it is about
    return "";
  }
  const InjectKindName* found = nullptr;
  for (const InjectKindName& k : kInjectKinds)
    if (a.kind == k.name) found = &k;
  if (!found) {
    std::vector<std::string> names;
    for (const InjectKindName& k : kInjectKinds) names.emplace_back(k.name);
    names.emplace_back("message");
    return "kind: unknown inject kind '" + a.kind + "'" + scenarios::detail::did_you_mean(a.kind, names) +
           "; expected one of " + inject_kind_names();
  }
  scenarios::InjectDesc& d = a.desc;
  d.kind = found->kind;
  const std::string& t = a.target;
  if (t.empty()) return "target: missing: " + std::string(found->name) + " needs a target (docs/drills.md)";
  switch (d.kind) {
    case Kind::CloseRoad:
    case Kind::OpenRoad:
      if (const auto way = keyed_number(t, "osm_way")) {
        d.road.osm_way = *way;
      } else if (const auto p = lon_lat(t)) {
        d.road.lon = p->first;
        d.road.lat = p->second;
      } else {
        return "target: '" + t + "' is not a road: give \"osm_way <id>\" or \"<lon>, <lat>\"";
      }
      break;
    case Kind::CloseShelter:
    case Kind::OpenShelter:
    case Kind::BroadcastWarning:
    case Kind::RequestMutualAid: d.name = t; break;
    case Kind::DelayTeam: {
      const std::size_t by = t.rfind(" by ");
      const auto delay = by == std::string::npos ? std::nullopt : parse_time(t.substr(by + 4));
      if (!delay || !(*delay > 0.0))
        return "target: '" + t + "' is not \"<team> by <delay>\" (e.g. \"Fire engine by 15 min\")";
      d.name = trim(t.substr(0, by));
      d.delay = *delay;
      break;
    }
    case Kind::AddAssistTask:
    case Kind::AddDoorKnockTask:
      if (const auto h = keyed_number(t, "household"))
        d.household = *h;
      else if (const auto p = lon_lat(t))
        d.home = *p;
      else
        return "target: '" + t + "' is not a home: give \"household <id>\" or \"<lon>, <lat>\"";
      break;
    case Kind::StartFire:
      if (const auto b = keyed_number(t, "building"))
        d.building = *b;
      else if (const auto p = lon_lat(t))
        d.home = *p;
      else
        return "target: '" + t + "' is not a building: give \"building <id>\" or \"<lon>, <lat>\"";
      break;
  }
  return "";
}

std::string parse_condition(const std::string& text, Condition& c) {
  c.text = text;
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos)
    return "'" + text +
           "' is not a condition: give shelter_full: NAME, shelter_occupancy: NAME >= N or "
           "zone_t50_not_reached: ZONE";
  const std::string key = trim(text.substr(0, colon));
  const std::string arg = trim(text.substr(colon + 1));
  if (arg.empty()) return "condition '" + key + "' needs a shelter or zone name after the colon";
  if (key == "shelter_full") {
    c.kind = Condition::Kind::ShelterFull;
    c.name = arg;
  } else if (key == "shelter_occupancy") {
    const std::size_t ge = arg.rfind(">=");
    const auto n = ge == std::string::npos ? std::nullopt : whole_number(trim(arg.substr(ge + 2)));
    if (!n || *n < 0) return "'" + arg + "' is not \"<shelter> >= <persons>\"";
    c.kind = Condition::Kind::ShelterOccupancy;
    c.name = trim(arg.substr(0, ge));
    c.at_least = *n;
  } else if (key == "zone_t50_not_reached") {
    c.kind = Condition::Kind::ZoneT50NotReached;
    c.name = arg;
  } else {
    return "unknown condition '" + key + "'" +
           scenarios::detail::did_you_mean(key,
                                           {"shelter_full", "shelter_occupancy", "zone_t50_not_reached"}) +
           "; expected shelter_full, shelter_occupancy or zone_t50_not_reached";
  }
  return "";
}

std::string parse_player_action(PlayerRow& row, const DrillDesc& drill) {
  const std::string& a = row.action;
  using K = PlayerRow::Kind;
  auto msel_id = [&]() -> std::string {
    row.inject_id = row.target;
    for (const MselInject& m : drill.msel)
      if (m.id == row.target) return "";
    std::vector<std::string> ids;
    for (const MselInject& m : drill.msel) ids.push_back(m.id);
    return "target: no inject '" + row.target + "' in the exercise script" +
           scenarios::detail::did_you_mean(row.target, ids);
  };
  if (a == "fire" || a == "hold" || a == "skip") {
    row.kind = a == "fire" ? K::Fire : a == "hold" ? K::Hold : K::Skip;
    return msel_id();
  }
  if (a == "note" || a == "pause" || a == "resume") {
    row.kind = a == "note" ? K::Note : a == "pause" ? K::Pause : K::Resume;
    if (row.kind == K::Note && row.reason.empty())
      return "action: a note needs its text in the reason column";
    return "";
  }
  if (a == "speed") {
    row.kind = K::Speed;
    const auto v = parse_time(row.target);
    if (!v || !(*v > 0.0)) return "target: '" + row.target + "' is not a speed factor above 0 (e.g. 4)";
    row.speed = *v;
    return "";
  }
  if (a.rfind("inject:", 0) == 0) {  // an unscripted inject from the trainer
    row.kind = K::AddInject;
    row.inject.kind = trim(a.substr(7));
    row.inject.target = row.target;
    if (row.reason.empty()) return "action: an added inject needs the players' text in the reason column";
    std::string err = parse_action(row.inject);
    if (err.rfind("kind:", 0) == 0) err = "action" + err.substr(4);
    return err;
  }
  row.kind = K::Decision;
  row.inject.kind = a;
  row.inject.target = row.target;
  if (a == "message") return "action: a decision changes something; use note for a message";
  std::string err = parse_action(row.inject);
  if (err.rfind("kind:", 0) == 0)
    err = "action: '" + a + "' is neither a decision (" + inject_kind_names() +
          ") nor a trainer action (fire, hold, skip, inject:<kind>, note, pause, resume, speed)";
  return err;
}

}  // namespace ss::drill
