#include "scenarios/loader/micro_map_area.hpp"

#include <cmath>
#include <numbers>

#include "engine/movement/micro/micro_geometry.hpp"
#include "maps/map_import.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/shelter_sites.hpp"

namespace ss::scenarios {
namespace {

using maps::PolygonRingsList;

bool overlap(const Box& a, const Box& b) {
  return a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y;
}

// Rectangle of ±half around segment ab.
Ring segment_strip(Vec2 a, Vec2 b, double half) {
  const Vec2 u = (b - a) * (1.0 / norm(b - a));
  const Vec2 n{-u.y * half, u.x * half};
  return {a - n, b - n, b + n, a + n};
}

// Octagon of circumradius r: fills the joint between two segments of a street.
Ring joint(Vec2 c, double r) {
  Ring out;
  for (int k = 0; k < 8; ++k) {
    const double a = k * std::numbers::pi / 4.0;
    out.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  return out;
}

Ring square(Vec2 c, double side) {
  const double h = 0.5 * side;
  return {{c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}};
}

}  // namespace

MapArea cut_map_area(const ScenarioDesc& d, Assembly& a) {
  const MicroAreaDesc& ad = *d.micro->area;
  MapArea out;
  const maps::MapData map = load_scenario_map(d);
  for (const std::string& f : {d.map.streets, d.map.buildings, d.map.terrain})
    if (!f.empty()) out.input_files.push_back(f);

  // Box2D computes in single precision: at UTM coordinates (millions of metres) that
  // is half a metre, so the area gets its own origin at its south-west corner.
  Ring outline;
  for (const auto& [lon, lat] : ad.outline) outline.push_back(map.projector.to_local({lon, lat}));
  {
    const Box utm = bounds(outline);
    out.origin = {std::floor(utm.min.x), std::floor(utm.min.y)};
  }
  const Vec2 o = out.origin;
  for (Vec2& p : outline) p = p - o;
  try {
    Ring r = outline;
    check_micro_ring(r, "");
  } catch (const InputError& e) {
    throw d.origins.error(ad.field + ".lonlat", "the area " + e.message());
  }
  if (outline.front() == outline.back()) outline.pop_back();
  const Box box = bounds(outline);

  // Streets: each segment a strip of the street's walkable width, each vertex an
  // octagon of that width so bends and junctions have no gaps.
  const StreetGraph& g = map.world.streets;
  std::vector<PolygonRingsList> surface;
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const double half = 0.5 * g.edge_width[e];
    std::vector<Vec2> shape(g.shape(EdgeId{e}).begin(), g.shape(EdgeId{e}).end());
    for (Vec2& p : shape) p = p - o;
    if (!(half > 0.0) || shape.size() < 2) continue;
    Box eb = bounds(shape);
    eb.min = eb.min - Vec2{half, half};
    eb.max = eb.max + Vec2{half, half};
    if (!overlap(eb, box)) continue;
    for (std::size_t i = 0; i + 1 < shape.size(); ++i)
      if (distance(shape[i], shape[i + 1]) > 1e-3)
        surface.push_back({segment_strip(shape[i], shape[i + 1], half)});
    for (const Vec2 p : shape) surface.push_back({joint(p, half)});
  }
  if (surface.empty()) throw d.origins.error(ad.field, "no street of the map lies inside the area");
  out.streets = maps::polygon_intersection(maps::polygon_union(surface), {{outline}});
  if (out.streets.empty()) throw d.origins.error(ad.field, "no street of the map lies inside the area");

  // Buildings touching the area are holes; broken outlines are left out and reported.
  std::size_t broken = 0;
  for (const Building& b : map.world.buildings) {
    Ring r = b.outline;
    for (Vec2& p : r) p = p - o;
    if (!overlap(bounds(r), box)) continue;
    try {
      check_micro_ring(r, "");
    } catch (const InputError&) {
      ++broken;
      continue;
    }
    out.buildings.push_back({r});
    out.building_names.push_back("building " + std::to_string(b.source_id));
  }
  if (broken > 0)
    out.notes.push_back(std::to_string(broken) +
                        " buildings in micro.area have broken outlines (self-intersecting "
                        "or degenerate) and were left out");

  // Shelters inside the area: an exit square where the walkable area comes nearest
  // the shelter's point (a school's point lies inside the building, its door on the
  // street side).
  std::vector<ShelterCandidate> cands = shelters_from_list(d.shelters, map.projector);
  if (d.shelters.layer) {
    out.input_files.push_back(d.shelters.layer->file);
    std::vector<ShelterCandidate> more = shelters_from_layer(*d.shelters.layer, map.projector, d.origins);
    cands.insert(cands.end(), more.begin(), more.end());
  }
  if (d.shelters.from_map) {
    std::vector<ShelterCandidate> more = shelters_from_map(map.world, *d.shelters.from_map, out.notes);
    cands.insert(cands.end(), more.begin(), more.end());
  }
  const std::vector<PolygonRingsList> open = maps::polygon_difference(out.streets, out.buildings);
  MicroGeometry walk;
  for (const PolygonRingsList& part : open) {
    walk.walkable.push_back(part[0]);
    for (std::size_t j = 1; j < part.size(); ++j) walk.obstacles.push_back(part[j]);
  }
  for (ShelterCandidate c : cands) {
    c.site.pos = c.site.pos - o;
    if (!contains(outline, c.site.pos)) continue;
    Vec2 q = c.site.pos;
    if (!walk.walkable_at(q)) {
      double best = HUGE_VAL;
      auto scan = [&](const Ring& r) {
        for (std::size_t i = 0; i < r.size(); ++i) {
          const SegmentProjection s = project_on_segment(c.site.pos, r[i], r[(i + 1) % r.size()]);
          if (s.distance < best) {
            best = s.distance;
            q = s.point;
          }
        }
      };
      for (const Ring& r : walk.walkable) scan(r);
      for (const Ring& r : walk.obstacles) scan(r);
    }
    out.exits.push_back({c.site, square(q, ad.exit_size), c.field});
  }
  if (out.exits.empty())
    throw d.origins.error("shelters",
                          "no shelter lies inside micro.area: its exits are the shelters inside it");

  // Street pieces the area's edge cuts off from every exit lead nowhere: left out.
  std::vector<PolygonRingsList> squares;
  for (const MapAreaExit& e : out.exits) squares.push_back({e.area});
  std::vector<PolygonRingsList> kept;
  for (PolygonRingsList& part : out.streets)
    if (maps::intersection_area({part}, squares) > 0.0) kept.push_back(std::move(part));
  if (kept.size() < out.streets.size())
    out.notes.push_back(std::to_string(out.streets.size() - kept.size()) +
                        " street pieces inside micro.area do not connect to any exit and were left out");
  out.streets = std::move(kept);

  // The map's residents living inside the area (population.registry/synthesize).
  if (d.micro->population.from_map) {
    if (d.population.registry) out.input_files.push_back(d.population.registry->file);
    const Population all = load_population(d, map.world, map.projector, a);
    out.residents_in_map = all.size();
    for (std::size_t r = 0; r < all.size(); ++r) {
      const Vec2 home = all.home[r] - o;
      if (!contains(outline, home)) continue;
      out.residents.add(all.age[r], all.mobility[r], all.lives_alone[r] != 0, all.needs_assistance[r] != 0,
                        all.household[r], home, all.home_building[r]);
    }
    if (out.residents.size() == 0)
      throw d.origins.error(
          d.population.registry ? "population.registry" : "population.synthesize",
          "none of the " + std::to_string(all.size()) + " residents lives inside micro.area");
  }
  return out;
}

}  // namespace ss::scenarios
