#include "maps/map_import.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "engine/core/input_error.hpp"
#include "engine/world/slope.hpp"
#include "maps/map_features.hpp"
#include "maps/street_graph_builder.hpp"
#include "maps/terrain_import.hpp"

namespace ss::maps {

namespace {
using detail::Origin;
using detail::RawPolygons;
using detail::RawStreets;

// Areas kept in World::areas besides every landuse=*: amenities that can serve as
// shelters or attract people, and open leisure grounds usable for assembly.
bool is_area_amenity(const std::string& a) {
  static const std::set<std::string> k = {"school",  "kindergarten", "college",     "university",
                                          "parking", "hospital",     "marketplace", "community_centre"};
  return k.contains(a);
}
bool is_area_leisure(const std::string& l) {
  static const std::set<std::string> k = {"park", "pitch", "playground", "sports_centre", "stadium"};
  return k.contains(l);
}

bool looks_like_degrees(const Box& b) {
  return !b.empty() && b.min.x >= -180.0 && b.max.x <= 180.0 && b.min.y >= -90.0 && b.max.y <= 90.0;
}

// Source CRS of a layer; a layer without one is taken as WGS 84 when its
// coordinates can only be degrees, and is an error otherwise.
OGRSpatialReference source_srs(const detail::RawSource& s, const Box& extent, const std::string& field,
                               MapReport& report) {
  if (s.srs) return *s.srs;
  if (looks_like_degrees(extent)) {
    report.notes.push_back(s.path + ": layer '" + s.layer +
                           "' has no CRS; coordinates look like degrees, using WGS 84");
    return detail::wgs84();
  }
  throw InputError(s.path, 0, field, "layer '" + s.layer + "' has no coordinate reference system");
}

void to_local(std::vector<Vec2>& pts, const detail::Transform& t, const std::string& path,
              const std::string& field) {
  if (!t.apply(pts))
    throw InputError(path, 0, field, "coordinates that cannot be transformed to the local CRS");
}

detail::Transform make_transform(const OGRSpatialReference& from, const OGRSpatialReference& to,
                                 const std::string& path, const std::string& field) {
  try {
    return detail::Transform(from, to);
  } catch (const std::exception& e) {
    throw InputError(path, 0, field, e.what());
  }
}

Projector choose_projector(const MapSources& src, const OGRSpatialReference& streets_srs, const Box& extent) {
  try {
    if (!src.crs.empty() && !detail::iequals(src.crs, "auto")) return Projector::from_definition(src.crs);
    const Vec2 centre = (extent.min + extent.max) * 0.5;
    Vec2 c = centre;
    const bool moved = detail::Transform(streets_srs, detail::wgs84()).apply(c);
    // Coordinates that are nowhere on Earth are the streets file's fault, not the
    // scenario's map.crs: name the file and what it holds.
    if (!moved || !std::isfinite(c.x) || !std::isfinite(c.y) || std::abs(c.x) > 180.0 ||
        std::abs(c.y) > 90.0) {
      char buf[200];
      std::snprintf(buf, sizeof buf,
                    "its streets centre on (%.6g, %.6g), which is no place on Earth in the layer's CRS "
                    "(longitude %.6g, latitude %.6g): wrong coordinates or a missing CRS",
                    centre.x, centre.y, c.x, c.y);
      throw InputError(src.streets, 0, "map.streets", buf);
    }
    return Projector::utm_for({c.x, c.y});
  } catch (const InputError& e) {
    if (e.field() == "map.streets") throw;
    throw InputError(src.origin_file, 0, "map.crs", e.message());
  } catch (const std::exception& e) {
    throw InputError(src.streets, 0, "map.crs", e.what());
  }
}

// Returns each kept edge's incline-tag direction (StreetGraph order) for resolve_edge_rise().
std::vector<std::int8_t> build_streets(MapData& out, const MapSources& src, RawStreets& raw,
                                       const OGRSpatialReference& local, const OGRSpatialReference& from,
                                       MapReport& rep) {
  const detail::Transform t = make_transform(from, local, src.streets, "map.streets");
  std::vector<WayInput> ways;
  std::size_t unreadable_inclines = 0;
  for (detail::RawWay& w : raw.ways) {
    const StreetKind kind =
        w.has_highway_column ? street_kind_from_highway(w.tags.highway) : StreetKind::Other;
    WayInput in;
    in.points = std::move(w.points);
    to_local(in.points, t, src.streets, "map.streets");
    in.width = static_cast<float>(parse_width(w.width).value_or(default_width(kind)));
    in.kind = kind;
    in.name = std::move(w.name);
    in.source_id = w.id;
    in.vehicle = vehicle_way(w.vehicle);
    if (const auto inc = parse_incline(w.incline)) {
      in.grade = inc->grade;
      in.incline_sign = inc->sign;
    } else if (!w.incline.empty()) {
      ++unreadable_inclines;
    }
    if (kind == StreetKind::Steps) in.steps = parse_step_count(w.step_count).value_or(0);
    ways.push_back(std::move(in));
  }
  if (unreadable_inclines)
    rep.notes.push_back("incline tag unreadable on " + std::to_string(unreadable_inclines) +
                        (unreadable_inclines == 1 ? " way" : " ways") + ": the slope comes from the terrain");
  GraphBuildResult built = build_street_graph(std::move(ways));
  rep.duplicate_edges_merged = built.duplicate_edges_merged;
  if (built.graph.edge_count() == 0)
    throw InputError(src.streets, 0, "map.streets", "no walkable street has two distinct points");
  const Components comps = connected_components(built.graph);
  rep.components = comps.size.size();
  std::vector<Box> boxes(comps.size.size());
  for (std::size_t e = 0; e < built.graph.edge_count(); ++e)
    for (const Vec2& p : built.graph.shape(EdgeId{e}))
      boxes[comps.of_node[built.graph.edge_from[e].index()]].extend(p);
  for (std::uint32_t k = 0; k < comps.size.size(); ++k)
    if (k != comps.largest) rep.dropped_component_bounds.push_back(boxes[k]);
  const std::size_t nodes_before = built.graph.node_count(), edges_before = built.graph.edge_count();
  std::vector<std::size_t> kept_from(edges_before), kept_to(edges_before);
  for (std::size_t e = 0; e < edges_before; ++e) {
    kept_from[e] = built.graph.edge_from[e].index();
    kept_to[e] = built.graph.edge_to[e].index();
  }
  const std::vector<NodeId> remap = keep_component(built.graph, comps, comps.largest);
  // keep_component keeps the edges between kept nodes in their order.
  std::vector<std::int8_t> incline_sign;
  incline_sign.reserve(built.graph.edge_count());
  for (std::size_t e = 0; e < built.incline_sign.size(); ++e)
    if (remap[kept_from[e]].valid() && remap[kept_to[e]].valid())
      incline_sign.push_back(built.incline_sign[e]);
  rep.nodes_dropped = nodes_before - built.graph.node_count();
  rep.edges_dropped = edges_before - built.graph.edge_count();
  if (rep.components > 1)
    rep.notes.push_back(
        std::to_string(rep.components - 1) + " street pieces not connected to the main network dropped (" +
        std::to_string(rep.nodes_dropped) + " nodes, " + std::to_string(rep.edges_dropped) + " edges)");
  out.world.streets = std::move(built.graph);
  out.world.bounds = bounds(out.world.streets.shape_points);
  rep.area_km2 = out.world.bounds.width() * out.world.bounds.height() / 1e6;
  return incline_sign;
}

// Fire stations mapped as areas (amenity=fire_station) are collected into
// `station_areas` as the centroid of their largest part, before the bounds filter.
void build_polygons(MapData& out, RawPolygons& raw, const OGRSpatialReference& local,
                    const std::string& field, MapReport& rep, std::vector<MapPoint>& station_areas) {
  if (raw.polygons.empty()) return;
  Box extent;
  for (const auto& p : raw.polygons)
    for (const auto& part : p.parts)
      for (const Vec2& v : part.outer) extent.extend(v);
  const OGRSpatialReference from = source_srs(raw.source, extent, field, rep);
  const detail::Transform t = make_transform(from, local, raw.source.path, field);
  for (detail::RawPolygon& p : raw.polygons) {
    const bool building = p.has_building_column ? (!p.building.empty() && p.building != "no") : true;
    std::string area_kind = !p.landuse.empty()           ? p.landuse
                            : is_area_amenity(p.amenity) ? p.amenity
                            : is_area_leisure(p.leisure) ? p.leisure
                                                         : std::string();
    // An amenity on a building describes the building (kept in Building::amenity);
    // only landuse makes a building polygon an area as well.
    if (building && p.landuse.empty()) area_kind.clear();
    const bool station = p.amenity == "fire_station";
    if (!building && area_kind.empty() && !station) continue;
    for (detail::PolygonRings& part : p.parts) {
      to_local(part.outer, t, raw.source.path, field);
      if (building) {
        Building b;
        b.area = std::abs(signed_area(part.outer));
        for (auto& h : part.holes) {
          to_local(h, t, raw.source.path, field);
          b.area -= std::abs(signed_area(h));
        }
        b.area = std::max(b.area, 0.0);
        b.centroid = centroid(part.outer);
        b.levels = static_cast<int>(std::clamp(detail::parse_double(p.levels).value_or(0.0), 0.0, 200.0));
        b.kind = p.building.empty() ? "yes" : p.building;
        b.amenity = p.amenity;
        b.material = p.material;
        b.address = p.address;
        b.source_id = p.id;
        b.outline = part.outer;
        out.world.buildings.push_back(std::move(b));
      }
      if (!area_kind.empty()) out.world.areas.push_back(Area{part.outer, area_kind, p.name, p.address});
    }
    if (station) {
      const auto largest = std::max_element(p.parts.begin(), p.parts.end(), [](const auto& a, const auto& b) {
        return std::abs(signed_area(a.outer)) < std::abs(signed_area(b.outer));
      });
      station_areas.push_back(MapPoint{centroid(largest->outer), p.building, p.name, p.id});
    }
  }
  rep.buildings = out.world.buildings.size();
  rep.areas = out.world.areas.size();
}

// Fire stations (nodes, then areas), amenity nodes, hydrants and barriers within the street
// network's bounds grown by kPointMargin, in the local CRS.
void build_points(MapData& out, detail::RawPoints& raw, std::vector<MapPoint> station_areas,
                  const OGRSpatialReference& local, MapReport& rep) {
  Box keep = out.world.bounds;
  keep.extend(out.world.bounds.min - Vec2{kPointMargin, kPointMargin});
  keep.extend(out.world.bounds.max + Vec2{kPointMargin, kPointMargin});
  World& w = out.world;
  if (!raw.points.empty()) {
    const OGRSpatialReference from = raw.source.srs ? *raw.source.srs : detail::wgs84();
    const detail::Transform t = make_transform(from, local, raw.source.path, "map.streets");
    for (detail::RawPoint& p : raw.points) {
      if (!t.apply(p.pos) || !keep.contains(p.pos)) continue;
      if (p.station) w.fire_stations.push_back({p.pos, {}, p.name, p.id});
      if (!p.amenity.empty()) w.amenity_points.push_back({p.pos, p.amenity, p.name, p.id});
      if (p.hydrant) w.hydrants.push_back({p.pos, p.hydrant_type, p.ref.empty() ? p.name : p.ref, p.id});
      if (!p.barrier.empty()) w.barriers.push_back({p.pos, p.barrier, p.name, p.id});
    }
  }
  for (MapPoint& s : station_areas)
    if (keep.contains(s.pos)) w.fire_stations.push_back(std::move(s));
  rep.fire_stations = w.fire_stations.size();
  rep.hydrants = w.hydrants.size();
  rep.barriers = w.barriers.size();
}
}  // namespace

std::optional<Box> cut_off_piece_near(const MapReport& report, Vec2 p) {
  constexpr double kMargin = 50.0;  // m, about a building's depth beside the street
  for (const Box& b : report.dropped_component_bounds)
    if (p.x >= b.min.x - kMargin && p.x <= b.max.x + kMargin && p.y >= b.min.y - kMargin &&
        p.y <= b.max.y + kMargin)
      return b;
  return std::nullopt;
}

MapData load_map(const MapSources& src) {
  const Origin streets_origin{src.origin_file, src.streets_line, "map.streets"};
  const Origin buildings_origin{src.origin_file, src.buildings_line, "map.buildings"};
  const bool same_file = src.buildings.empty() || src.buildings == src.streets;

  RawStreets streets;
  RawPolygons polygons;
  detail::RawPoints points;
  // Buildings (and an OSM file's point features) from the streets file are read in
  // the same pass (OSM: one parse).
  detail::read_streets(src.streets, src.streets_layer, streets_origin, streets,
                       same_file ? &polygons : nullptr, same_file ? src.buildings_layer : std::string(),
                       &points);
  if (!same_file) detail::read_polygons(src.buildings, src.buildings_layer, buildings_origin, polygons, true);

  MapReport rep;
  rep.ways_read = streets.ways.size();
  // Walkability filter before projection: the local CRS is chosen from the walkable network.
  std::map<std::string, std::size_t> reasons;
  std::erase_if(streets.ways, [&](const detail::RawWay& w) {
    if (!w.has_highway_column) return false;
    const auto why = drop_reason(w.tags);
    if (why) ++reasons[*why];
    return why.has_value();
  });
  rep.ways_dropped = rep.ways_read - streets.ways.size();
  if (streets.ways.empty())
    throw InputError(src.streets, 0, "map.streets",
                     "no walkable streets in layer '" + streets.source.layer + "' (" +
                         std::to_string(rep.ways_read) + " lines read, all dropped or none present)");
  Box extent;
  for (const auto& w : streets.ways)
    for (const Vec2& p : w.points) extent.extend(p);
  const OGRSpatialReference streets_srs = source_srs(streets.source, extent, "map.streets", rep);
  if (const char* n = streets_srs.GetName()) rep.source_crs = n;

  MapData out{World{}, choose_projector(src, streets_srs, extent), MapReport{}};
  OGRSpatialReference local;
  local.importFromWkt(out.projector.wkt().c_str());
  local.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  out.world.crs_wkt = out.projector.wkt();
  out.world.crs_name = out.projector.name();

  const std::vector<std::int8_t> incline_sign = build_streets(out, src, streets, local, streets_srs, rep);
  for (const auto& [why, count] : reasons)
    rep.notes.push_back("dropped " + std::to_string(count) + " ways: " + why);

  std::vector<MapPoint> station_areas;
  build_polygons(out, polygons, local, same_file ? "map.streets" : "map.buildings", rep, station_areas);
  if (polygons.source.layer.empty()) rep.notes.push_back("no building layer found: the map has no buildings");
  build_points(out, points, std::move(station_areas), local, rep);

  if (!src.terrain.empty()) {
    TerrainRequest rq{src.terrain,     out.world.bounds, src.terrain_cell, 0.5,
                      src.origin_file, src.terrain_line, "map.terrain"};
    out.world.terrain = load_terrain(rq, out.projector);
    StreetGraph& g = out.world.streets;
    std::size_t unknown = 0;
    for (std::size_t v = 0; v < g.node_count(); ++v) {
      g.node_z[v] = out.world.terrain.sample(g.node_pos[v]);
      if (std::isnan(g.node_z[v])) ++unknown;
    }
    rep.terrain = true;
    if (unknown)
      rep.notes.push_back(std::to_string(unknown) + " street nodes without terrain elevation (NoData)");
  }
  // Each edge's rise from its incline and step_count tags and the terrain (engine/world/slope.hpp).
  resolve_edge_rise(out.world.streets, incline_sign);
  out.report = std::move(rep);
  return out;
}

}  // namespace ss::maps
