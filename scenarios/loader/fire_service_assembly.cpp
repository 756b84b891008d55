#include "scenarios/loader/fire_service_assembly.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <optional>
#include <span>

#include "scenarios/loader/gis_layer.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::scenarios {
namespace {

// A map station (node, or area centroid) this close to another is the same station:
// OSM often tags both the station's building and a node inside it. A listed station
// this close to a map station replaces it.
constexpr double kSameStation = 100.0;  // m
// A surveyed obstruction stands on the street nearest to it within this distance.
constexpr double kObstructionSnap = 15.0;  // m
// A line obstruction is sampled this often along its length, each sample snapped.
constexpr double kLineSample = 2.0;  // m
// A line runs along a street where their directions differ by less than 30°.
const double kAlongCos = std::cos(30.0 * std::numbers::pi / 180.0);

const std::string kService = "fire.service";

std::string metres(double m) { return std::to_string(std::lround(m)) + " m"; }

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Inspection data as 1/0, yes/no, true/false; nullopt for an empty value; "bad" otherwise.
std::optional<bool> flag(const std::string& text, bool& bad) {
  const std::string t = lower(text);
  bad = false;
  if (t.empty()) return std::nullopt;
  if (t == "1" || t == "yes" || t == "true" || t == "y" || t == "t") return true;
  if (t == "0" || t == "no" || t == "false" || t == "n" || t == "f") return false;
  bad = true;
  return std::nullopt;
}

std::string feature_name(const LayerData& l, const std::string& file, const LayerFeature& f) {
  return "feature " + std::to_string(f.fid) + " of layer '" + l.layer + "' (" + file + ")";
}

void require_field(const LayerData& l, const std::string& name, bool given, const Origins& o,
                   const std::string& field) {
  if (given && !has_field(l, name))
    throw o.error(field, "layer '" + l.layer + "' has no field '" + name + "'" +
                             detail::did_you_mean(name, l.field_names) +
                             " (fields: " + joined(l.field_names) + ")");
}

std::vector<ApplianceType> appliance_types(const FireServiceSection& s, const Origins& o) {
  std::vector<ApplianceType> types = default_appliance_types();
  for (const ApplianceTypeDesc& t : s.types) {
    auto it =
        std::find_if(types.begin(), types.end(), [&](const ApplianceType& a) { return a.name == t.name; });
    if (it == types.end()) {
      if (!t.kind) {
        std::vector<std::string> names;
        for (const ApplianceType& a : types) names.push_back(a.name);
        throw o.error(t.field + ".name", "'" + t.name + "' is not a default appliance type (" +
                                             joined(names) +
                                             "); a new type needs its kind: pumper, ladder or tanker");
      }
      // A new type starts from the first default of its kind (a ladder from the
      // turntable ladder, not from a pumper).
      ApplianceType base;
      base.kind = *t.kind;
      for (const ApplianceType& a : types)
        if (a.kind == *t.kind) {
          base = a;
          break;
        }
      base.name = t.name;
      types.push_back(base);
      it = types.end() - 1;
    }
    if (t.kind) it->kind = *t.kind;
    if (t.crew) it->crew = *t.crew;
    if (t.water) it->water = *t.water;
    if (t.flow) it->flow = *t.flow;
    if (t.weight) it->weight = *t.weight;
    if (t.height) it->height = *t.height;
    if (t.hose) it->hose = *t.hose;
  }
  if (types.size() > 255) throw o.error(kService + ".appliance_types", "at most 255 appliance types");
  return types;
}

std::uint8_t type_index(const std::vector<ApplianceType>& types, const std::string& name, const Origins& o,
                        const std::string& field) {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < types.size(); ++k) {
    if (types[k].name == name) return static_cast<std::uint8_t>(k);
    names.push_back(types[k].name);
  }
  throw o.error(field, "no appliance type named '" + name + "'" + detail::did_you_mean(name, names) +
                           "; types: " + joined(names) + " (define more under fire.service.appliance_types)");
}

std::vector<std::uint8_t> appliances(const std::vector<ApplianceType>& types,
                                     const std::vector<std::string>& names, const Origins& o,
                                     const std::string& field) {
  std::vector<std::uint8_t> out;
  for (std::size_t k = 0; k < names.size(); ++k)
    out.push_back(type_index(types, names[k], o, field + "[" + std::to_string(k) + "]"));
  return out;
}

// A station before snapping: where it stands and which field named it (empty: the map).
struct StationCandidate {
  FireStation station;
  std::string field;
};

bool drivable(const StreetGraph& g, const FireServiceParams& p, EdgeId e) {
  return p.speed[static_cast<std::size_t>(g.edge_kind[e.index()])] > 0.0;
}

// The street node appliances leave from: the nearer end of the nearest street when
// appliances can drive it, else the nearest node of a street they can (a station
// beside a footway still leaves by the road). Invalid when none lies within `limit`.
NodeId station_node(const StreetGraph& g, const FireServiceParams& p, const NetworkSnapper& snapper, Vec2 pos,
                    double limit, bool& off_network) {
  off_network = false;
  const auto hit = snapper.nearest(pos, limit);
  if (!hit) {
    off_network = true;
    return {};
  }
  if (drivable(g, p, hit->edge)) return hit->nearer_node;
  NodeId best;
  double best_d = limit;
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    const double d = distance(g.node_pos[n], pos);
    if (d > best_d) continue;
    for (const EdgeId e : g.incident(NodeId(n)))
      if (drivable(g, p, e)) {
        best = NodeId(n);
        best_d = d;
        break;
      }
  }
  return best;
}

// `note` gets how many stations came from where, for the summary line.
std::vector<FireStation> stations(const FireServiceSection& s, const ScenarioDesc& sd, const World& w,
                                  const maps::Projector& projector, const NetworkSnapper& snapper,
                                  const std::vector<ApplianceType>& types, std::vector<std::string>& problems,
                                  std::string& note) {
  const Origins& o = sd.origins;
  const std::string field = kService + ".stations";
  const std::vector<std::uint8_t> map_kit = appliances(types, s.map_appliances, o, field + ".map_appliances");
  std::vector<StationCandidate> cands;
  std::size_t merged = 0;
  if (s.stations_from_map) {
    const Turnout turnout = default_turnout(s.map_crew);
    for (const MapPoint& mp : w.fire_stations) {
      const std::string name = mp.name.empty() ? "fire station " + std::to_string(mp.source_id) : mp.name;
      auto same = std::find_if(cands.begin(), cands.end(), [&](const StationCandidate& c) {
        return c.station.name == name || distance(c.station.pos, mp.pos) <= kSameStation;
      });
      if (same != cands.end()) {
        if (same->station.name.starts_with("fire station ") && !mp.name.empty()) same->station.name = mp.name;
        ++merged;
        continue;
      }
      FireStation st;
      st.name = name;
      st.pos = mp.pos;
      st.crew = s.map_crew;
      st.turnout_day = turnout.day;
      st.turnout_night = turnout.night;
      st.appliances = map_kit;
      cands.push_back({std::move(st), {}});
    }
    if (w.fire_stations.empty()) problems.push_back(field + ".from_map: the map has no amenity=fire_station");
  }
  std::size_t replaced = 0;
  for (const FireStationDesc& d : s.stations) {
    FireStation st;
    st.name = d.name;
    st.pos = projector.to_local({d.at.lon, d.at.lat});
    st.crew = d.crew.value_or(s.map_crew);
    const Turnout turnout = default_turnout(st.crew);
    st.turnout_day = d.turnout_day.value_or(turnout.day);
    st.turnout_night = d.turnout_night.value_or(turnout.night);
    st.appliances = d.appliances ? appliances(types, *d.appliances, o, d.field + ".appliances") : map_kit;
    replaced += static_cast<std::size_t>(std::erase_if(cands, [&](const StationCandidate& c) {
      return c.field.empty() &&
             (c.station.name == st.name || distance(c.station.pos, st.pos) <= kSameStation);
    }));
    cands.push_back({std::move(st), d.field});
  }

  const double limit = sd.plan.response.max_depot_distance;
  std::vector<FireStation> out;
  std::size_t from_map = 0;
  for (StationCandidate& c : cands) {
    bool off = false;
    c.station.node = station_node(w.streets, s.params, snapper, c.station.pos, limit, off);
    if (!c.station.node.valid()) {
      const std::string why =
          off ? "no street within " + metres(limit) + " (plan.max_depot_distance): it lies outside the map"
              : "no street fire appliances can drive within " + metres(limit) + " (plan.max_depot_distance)";
      if (!c.field.empty()) throw o.error(c.field, "station '" + c.station.name + "': " + why);
      problems.push_back(field + ".from_map: map station '" + c.station.name + "' left out: " + why);
      continue;
    }
    from_map += c.field.empty();
    out.push_back(std::move(c.station));
  }
  if (out.empty())
    throw o.error(field,
                  "no fire station on the street network: the map has none that snaps (stations.from_map); "
                  "list them under stations.list");
  note = std::to_string(out.size()) + " stations (" + std::to_string(from_map) + " from the map";
  if (merged)
    note += ", " + std::to_string(merged) + " map duplicates within " + metres(kSameStation) + " merged";
  if (replaced) note += ", " + std::to_string(replaced) + " replaced by listed ones";
  note += ")";
  return out;
}

std::vector<Hydrant> hydrants(const FireServiceSection& s, const World& w, const maps::Projector& projector,
                              const Origins& o) {
  std::vector<Hydrant> out;
  if (s.hydrants_from_map)
    for (const MapPoint& mp : w.hydrants) out.push_back({mp.pos, mp.name, -1});
  if (s.hydrant_layer) {
    const HydrantLayerDesc& h = *s.hydrant_layer;
    const std::string field = kService + ".hydrants.layer";
    const LayerData l = read_layer(h.file, h.layer, projector, field + ".file");
    require_field(l, h.working_field, h.working_given, o, field + ".working_field");
    require_field(l, h.name_field, h.name_given, o, field + ".name_field");
    std::size_t points = 0;
    for (const LayerFeature& f : l.features) {
      if (!f.lines.empty() || !f.polygons.empty())
        throw o.error(field,
                      feature_name(l, h.file, f) + " is a line or polygon: hydrants are a point layer");
      bool bad = false;
      const std::optional<bool> working = flag(field_value(f, h.working_field), bad);
      if (bad)
        throw o.error(field + ".working_field", feature_name(l, h.file, f) + ": '" +
                                                    field_value(f, h.working_field) +
                                                    "' is not 1/0, yes/no or true/false");
      const std::int8_t state = working ? (*working ? 1 : 0) : -1;
      for (const Vec2 p : f.points) out.push_back({p, field_value(f, h.name_field), state});
      points += f.points.size();
    }
    if (points == 0) throw o.error(field, "layer '" + l.layer + "' (" + h.file + ") has no hydrant points");
  }
  return out;
}

struct ObstructionAttributes {
  std::string kind;
  double width = 0.0;
  bool closed = false, known = true;
};

ObstructionAttributes attributes(const ObstructionLayerDesc& d, const LayerData& l, const LayerFeature& f,
                                 double default_width, const Origins& o, const std::string& field) {
  ObstructionAttributes a;
  a.kind = field_value(f, d.kind_field);
  if (a.kind.empty()) a.kind = "obstruction";
  a.width = default_width;
  if (const std::string t = field_value(f, d.width_field); !t.empty()) {
    char* end = nullptr;
    a.width = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(a.width) || a.width < 0.0)
      throw o.error(field + ".width_field",
                    feature_name(l, d.file, f) + ": width '" + t + "' is not a width in metres");
  }
  bool bad = false;
  if (const auto c = flag(field_value(f, d.closed_field), bad)) a.closed = *c;
  if (bad)
    throw o.error(field + ".closed_field",
                  feature_name(l, d.file, f) + ": closed is not 1/0, yes/no or true/false");
  if (const auto k = flag(field_value(f, d.known_field), bad)) a.known = *k;
  if (bad)
    throw o.error(field + ".known_field",
                  feature_name(l, d.file, f) + ": known is not 1/0, yes/no or true/false");
  return a;
}

struct Sample {
  Vec2 pos;  // m
  Vec2 dir;  // unit vector along the line there
};

// Points along a polyline every kLineSample metres, both ends included.
std::vector<Sample> samples(const std::vector<Vec2>& line) {
  std::vector<Sample> out;
  for (std::size_t i = 1; i < line.size(); ++i) {
    const Vec2 a = line[i - 1], b = line[i];
    const double len = distance(a, b);
    if (!(len > 0.0)) continue;
    const Vec2 dir = (b - a) * (1.0 / len);
    if (out.empty()) out.push_back({a, dir});
    const int n = static_cast<int>(std::ceil(len / kLineSample));
    for (int k = 1; k <= n; ++k) out.push_back({a + (b - a) * (static_cast<double>(k) / n), dir});
  }
  return out;
}

// Whether the street at `p` (a point on edge e) runs within kAlongAngle of `dir`.
bool runs_along(const StreetGraph& g, EdgeId e, Vec2 p, Vec2 dir) {
  const std::span<const Vec2> shape = g.shape(e);
  double best = HUGE_VAL;
  Vec2 seg;
  for (std::size_t i = 1; i < shape.size(); ++i) {
    const double d = project_on_segment(p, shape[i - 1], shape[i]).distance;
    if (d < best) {
      best = d;
      seg = shape[i] - shape[i - 1];
    }
  }
  const double len = norm(seg);
  return len > 0.0 && std::abs(dot(seg, dir)) >= kAlongCos * len;
}

std::vector<Obstruction> obstructions(const FireServiceSection& s, const World& w,
                                      const maps::Projector& projector, const NetworkSnapper& snapper,
                                      const Origins& o) {
  std::vector<Obstruction> out;
  if (!s.obstruction_layer) return out;
  const ObstructionLayerDesc& d = *s.obstruction_layer;
  const std::string field = kService + ".lanes.obstructions.layer";
  const LayerData l = read_layer(d.file, d.layer, projector, field + ".file");
  require_field(l, d.kind_field, d.kind_given, o, field + ".kind_field");
  require_field(l, d.width_field, d.width_given, o, field + ".width_field");
  require_field(l, d.closed_field, d.closed_given, o, field + ".closed_field");
  require_field(l, d.known_field, d.known_given, o, field + ".known_field");
  const StreetGraph& g = w.streets;
  const std::string off_street = " lies on no street: none within " + metres(kObstructionSnap);
  for (const LayerFeature& f : l.features) {
    if (!f.polygons.empty())
      throw o.error(field, feature_name(l, d.file, f) +
                               " is a polygon: an obstruction is a point or a line along a street");
    if (f.points.empty() && f.lines.empty())
      throw o.error(field, feature_name(l, d.file, f) + " has no geometry");
    const ObstructionAttributes a = attributes(d, l, f, s.params.blocked_width, o, field);
    auto add = [&](EdgeId e, Vec2 p) { out.push_back({e, p, a.kind, a.width, a.closed, a.known}); };
    for (const Vec2 p : f.points) {
      const auto hit = snapper.nearest(p, kObstructionSnap);
      if (!hit) throw o.error(field, feature_name(l, d.file, f) + off_street);
      add(hit->edge, hit->point);
    }
    for (const std::vector<Vec2>& line : f.lines) {
      // Every edge the line runs along (samples snapped to an edge parallel to the
      // line there); a line only across streets (a gate, a cordon) closes the ones it crosses.
      std::vector<std::pair<EdgeId, Vec2>> along, across;
      auto seen = [](const std::vector<std::pair<EdgeId, Vec2>>& v, EdgeId e) {
        return std::any_of(v.begin(), v.end(), [&](const auto& x) { return x.first == e; });
      };
      for (const Sample& smp : samples(line)) {
        const auto hit = snapper.nearest(smp.pos, kObstructionSnap);
        if (!hit) continue;
        auto& into = runs_along(g, hit->edge, hit->point, smp.dir) ? along : across;
        if (!seen(into, hit->edge)) into.emplace_back(hit->edge, hit->point);
      }
      const auto& use = along.empty() ? across : along;
      if (use.empty()) throw o.error(field, feature_name(l, d.file, f) + off_street);
      for (const auto& [e, p] : use) add(e, p);
    }
  }
  return out;
}

}  // namespace

FireServiceDesc build_fire_service(const ScenarioDesc& sd, const World& world,
                                   const maps::Projector& projector, const NetworkSnapper& snapper,
                                   std::vector<std::string>& problems, std::vector<std::string>& notes) {
  const FireServiceSection& s = *sd.fire->service;
  const Origins& o = sd.origins;
  FireServiceDesc d;
  d.enabled = true;
  d.params = s.params;
  d.types = appliance_types(s, o);
  std::string station_note;
  d.stations = stations(s, sd, world, projector, snapper, d.types, problems, station_note);
  d.hydrants = hydrants(s, world, projector, o);
  d.obstructions = obstructions(s, world, projector, snapper, o);

  std::size_t kit = 0, working = 0, broken = 0;
  std::array<std::size_t, kApplianceKindCount> of_kind{};
  for (const FireStation& st : d.stations) {
    kit += st.appliances.size();
    for (const std::uint8_t t : st.appliances) ++of_kind[static_cast<std::size_t>(d.types[t].kind)];
  }
  for (const Hydrant& h : d.hydrants) {
    if (h.working == 1) ++working;
    if (h.working == 0) ++broken;
  }
  std::string note = "fire service: " + station_note + ", " + std::to_string(kit) + " appliances, " +
                     std::to_string(d.hydrants.size()) + " hydrants";
  if (working + broken)
    note +=
        " (" + std::to_string(working) + " inspected working, " + std::to_string(broken) + " out of service)";
  note += ", " + std::to_string(d.obstructions.size()) + " surveyed obstructions";
  note += d.params.barriers_from_map ? ", the map's barriers added by the fire model"
                                     : ", the map's barriers ignored";
  notes.push_back(note);
  for (const ApplianceKind k : d.params.first_alarm)
    if (of_kind[static_cast<std::size_t>(k)] == 0) {
      problems.push_back(kService + ".first_alarm asks for a " + to_string(k) + " but no station has one");
      break;
    }
  if (d.hydrants.empty())
    problems.push_back(kService +
                       ".hydrants: none (from the map or a layer); pumpers fight with their tanks and "
                       "tenders shuttle water");
  return d;
}

}  // namespace ss::scenarios
