// The residents of a micro scenario: by room on a shuffled lattice, at points, from
// a point layer, or (micro.area) the map's residents living in the area, started on
// the street nearest their home.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "engine/core/rng.hpp"
#include "engine/movement/micro/micro_geometry.hpp"
#include "maps/micro_geometry_import.hpp"
#include "scenarios/loader/micro_parts.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::scenarios::micro {
namespace {

struct Profile {
  int age = 35;
  Mobility mobility = Mobility::Walks;
};

// Age and mobility drawn from the shares as synthesize_population() draws them
// (engine/world/population_synthesis.cpp), without households: people in a building at
// the time of the alarm are not at home, so nobody counts as living alone.
Profile draw_profile(const ProfileShares& s, std::uint64_t seed, std::uint64_t id,
                     const MicroResidentsDesc* given) {
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
    if (um < bed)
      p.mobility = Mobility::Bedridden;
    else if (um < bed + chair)
      p.mobility = Mobility::Wheelchair;
    else if (um < bed + chair + aid)
      p.mobility = Mobility::WalkingAid;
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
          if (project_on_segment(q, line[i], line[i + 1]).distance <=
              0.5 * b->thickness.value_or(wall_thickness))
            bad("lies inside wall " + b->f.where);
    bad("lies inside a wall or outside the walkable area");
  }
  const double w = g.micro.wall_distance(q);
  if (w < radius)
    bad("is " + metres(w) + " from a wall, less than its body radius (" + metres(radius) +
        "): it would start inside the wall");
}

}  // namespace

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
    if (!fresh)
      fail(p->f,
           "another room, corridor or walkable polygon has the same name (" + it->second->f.where + ")");
  }
  std::map<const Piece*, std::vector<Vec2>> slots;  // start places of each place, shuffled
  std::map<const Piece*, std::size_t> used;         // of them taken
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
                           detail::did_you_mean(r.room, known) +
                           "; named: " + (names.empty() ? "none" : names));
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
          const std::uint64_t k = hash_key(pd.seed, static_cast<std::uint64_t>(RngPurpose::SynthHome),
                                           place_id, static_cast<std::uint64_t>(keyed.size()));
          keyed.push_back({k, q});
        }
      std::sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) {
        return x.first != y.first
                   ? x.first < y.first
                   : (x.second.y != y.second.y ? x.second.y < y.second.y : x.second.x < y.second.x);
      });
      for (const auto& kv : keyed) cells.push_back(kv.second);
    }
    const std::vector<Vec2>& cells = slots[place];
    std::size_t& next = used[place];
    const std::size_t free = cells.size() - next;
    if (static_cast<std::size_t>(r.count) > free)
      throw InputError(d.origins.file, r.line, r.field + ".count",
                       "room '" + r.room + "' has start places for " + std::to_string(free) +
                           " more residents at " + metres(s) + " spacing (population.spacing), asked for " +
                           std::to_string(r.count));
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
  const std::vector<std::optional<Vec2>> start = micro_start_places(
      std::move(geo), d.params.micro, from_map.home, radii, kClearance, kMaxStreetDistance);
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
    pop.add(from_map.age[r], from_map.mobility[r], from_map.lives_alone[r] != 0,
            from_map.needs_assistance[r] != 0, it->second,
            *start[r]);  // the micro model has no buildings: no building id
    const double moved = distance(*start[r], from_map.home[r]);
    moved_sum += moved;
    moved_max = std::max(moved_max, moved);
    origin.push_back({file, line, field, "home " + at(from_map.home[r]) + " (start " + at(*start[r]) + ")"});
  }
  const std::size_t placed = from_map.size() - left_out;
  if (placed > 0) {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "%zu residents start on the street nearest their home: %.1f m from it on average, "
                  "at most %.1f m",
                  placed, moved_sum / static_cast<double>(placed), moved_max);
    a.notes.push_back(buf);
  }
  if (left_out > 0)
    a.problems.push_back(std::to_string(left_out) + " residents of micro.area live more than " +
                         metres(kMaxStreetDistance) +
                         " from its streets (or only by streets cut off from every exit) "
                         "and were left out");
  if (pop.size() == 0) throw d.origins.error(field, "no resident of micro.area lives near its streets");
}

}  // namespace ss::scenarios::micro
