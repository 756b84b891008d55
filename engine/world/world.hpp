#pragma once
// The immutable physical world of one scenario: the walkable street network,
// buildings, terrain, zones and shelter sites, all in the local metric CRS.
// Built once by maps/ + scenarios/, then passed as const to the simulation.
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/world/geometry.hpp"

namespace ss {

// Street classes, from OSM `highway=*` (https://wiki.openstreetmap.org/wiki/Key:highway).
enum class StreetKind : std::uint8_t {
  Primary,
  Secondary,
  Tertiary,
  Unclassified,
  Residential,
  LivingStreet,
  Service,
  Pedestrian,
  Track,
  Footway,
  Path,
  Cycleway,
  Steps,
  Other,
};
const char* to_string(StreetKind k);
StreetKind street_kind_from_highway(std::string_view highway);  // unknown -> Other

// What the map says about a street for heavy vehicles (fire appliances): read from
// OSM `width`, `lanes`, `parking:*` / `parking:lane:*`, `maxweight`, `maxheight`,
// `maxwidth` (maps/street_rules.hpp, vehicle_way()).
// Unknown values are NaN; the fire service fills them from class defaults.
struct VehicleWay {
  enum class WidthSource : std::uint8_t { None, WidthTag, Lanes };
  float carriageway = std::numeric_limits<float>::quiet_NaN();  // m, from `width` or `lanes`; NaN untagged
  WidthSource source = WidthSource::None;
  float parking = 0.0f;  // m of the carriageway taken by parked cars, per the parking tags
  float maxweight = std::numeric_limits<float>::quiet_NaN();  // t, NaN no limit tagged
  float maxheight = std::numeric_limits<float>::quiet_NaN();  // m, NaN no limit tagged
  // m, NaN no limit tagged: `maxwidth` (a sign, e.g. old-town lanes at 2 m) or
  // `maxwidth:physical`; a limit on the vehicle, apart from the carriageway it drives on.
  float maxwidth = std::numeric_limits<float>::quiet_NaN();
};

// A point feature of the map: fire stations (nodes, or an area's centroid),
// hydrants, barriers on streets.
struct MapPoint {
  Vec2 pos;                     // m, local CRS
  std::string kind;             // barrier=* value, fire_hydrant:type, building=* of a station area, ...
  std::string name;             // name=* or ref=*, may be empty
  std::int64_t source_id = -1;  // OSM id (nodes positive; areas as the OSM driver numbers them)
};

// Street network as a graph. Edges are undirected walkable segments between
// junctions; people may walk them both ways. Hot fields (length, width, ends) are
// kept apart from the drawing geometry and names.
struct StreetGraph {
  std::vector<Vec2> node_pos;  // m, local CRS, (nodes)
  std::vector<float> node_z;   // m above sea level, NaN without terrain, (nodes)

  std::vector<NodeId> edge_from;      // (edges)
  std::vector<NodeId> edge_to;        // (edges)
  std::vector<float> edge_length;     // m, along the geometry, (edges)
  std::vector<float> edge_width;      // m, walkable width, (edges)
  std::vector<StreetKind> edge_kind;  // (edges)

  // Cold data: polyline of each edge (from node ... to node), for drawing,
  // snapping and export. Points of edge e are shape_points[shape_offset[e] .. shape_offset[e+1]).
  std::vector<std::uint32_t> shape_offset;   // (edges + 1)
  std::vector<Vec2> shape_points;            // m
  std::vector<std::string> edge_name;        // street name or empty, (edges)
  std::vector<std::int64_t> edge_source_id;  // e.g. OSM way id, -1 unknown, (edges)
  std::vector<VehicleWay> edge_vehicle;      // what a fire appliance needs to know, (edges)
  // Terrain along each edge (engine/world/slope.hpp): the signed rise walking it from
  // edge_from to edge_to, from an OSM `incline` tag, a stair's `step_count` or the DEM
  // (maps import, resolve_edge_rise()); 0 when level or unknown. A stair of unknown
  // direction has rise 0. The steps of a stair from `step_count`, 0 when untagged.
  std::vector<float> edge_rise;           // m, (edges)
  std::vector<std::uint16_t> edge_steps;  // steps, (edges)

  // Adjacency in compressed rows, built by build_adjacency():
  // incident edges of node n are adj_edge[adj_offset[n] .. adj_offset[n+1]).
  std::vector<std::uint32_t> adj_offset;  // (nodes + 1)
  std::vector<EdgeId> adj_edge;           // (2 * edges)

  [[nodiscard]] std::size_t node_count() const { return node_pos.size(); }
  [[nodiscard]] std::size_t edge_count() const { return edge_from.size(); }
  [[nodiscard]] std::span<const Vec2> shape(EdgeId e) const {
    return {shape_points.data() + shape_offset[e.index()], shape_points.data() + shape_offset[e.index() + 1]};
  }
  [[nodiscard]] std::span<const EdgeId> incident(NodeId n) const {
    return {adj_edge.data() + adj_offset[n.index()], adj_edge.data() + adj_offset[n.index() + 1]};
  }
  [[nodiscard]] NodeId other_end(EdgeId e, NodeId n) const {
    return edge_from[e.index()] == n ? edge_to[e.index()] : edge_from[e.index()];
  }

  // Appends an edge with its polyline (first/last points are the end nodes' positions).
  EdgeId add_edge(NodeId from, NodeId to, std::span<const Vec2> polyline, float width, StreetKind kind,
                  std::string name = {}, std::int64_t source_id = -1);
  NodeId add_node(Vec2 p, float z = std::numeric_limits<float>::quiet_NaN());
  void build_adjacency();
};

// Connected components of a graph: component index per node, sizes, largest.
struct Components {
  std::vector<std::uint32_t> of_node;  // (nodes)
  std::vector<std::uint32_t> size;     // nodes per component, (components)
  std::uint32_t largest = 0;
};
Components connected_components(const StreetGraph& g);
// Keeps only the nodes of component `keep`; returns old->new node index map (invalid if dropped).
std::vector<NodeId> keep_component(StreetGraph& g, const Components& c, std::uint32_t keep);

struct Building {
  Ring outline;                 // m, outer ring
  double area = 0.0;            // m², footprint
  Vec2 centroid;                // m
  int levels = 0;               // from building:levels, 0 when not tagged
  std::string kind;             // building=* value ("yes", "house", ...)
  std::string amenity;          // amenity=* value or empty
  std::string material;         // building:material=* value or empty (wood, brick, concrete, ...)
  std::string address;          // "addr:street addr:housenumber", empty when untagged
  std::int64_t source_id = -1;  // OSM id or feature id
};

// A polygon area with a class, e.g. landuse=residential or amenity=parking.
struct Area {
  Ring outline;      // m
  std::string kind;  // "residential", "industrial", "parking", "school", ...
  std::string name;
  std::string address{};  // "addr:street addr:housenumber" (e.g. "Hermannstraße 12"), empty when untagged
};

// Regular terrain grid resampled from a DEM into the local CRS.
// z[iy * nx + ix] is the elevation at the centre of cell (ix, iy); row 0 is the southern row.
struct TerrainGrid {
  Vec2 origin;        // m, south-west corner of cell (0,0)
  double cell = 0.0;  // m
  int nx = 0, ny = 0;
  std::vector<float> z;  // m above sea level, NaN where unknown, (ny * nx)
  [[nodiscard]] bool empty() const { return z.empty(); }
  // Bilinear elevation at p; NaN outside the grid.
  [[nodiscard]] float sample(Vec2 p) const;
};

struct Zone {
  std::string name;
  Ring outline;  // m
};

// AssemblyArea: open ground where people gather when every shelter is full
// (Plan::when_shelters_full); never a destination while a shelter has room, never
// where teams carry people.
enum class ShelterKind : std::uint8_t { School, Parking, Building, Open, Other, AssemblyArea };
const char* to_string(ShelterKind k);

struct ShelterSite {
  std::string name;
  Vec2 pos;                   // m, entrance or centroid
  NodeId node;                // network node people walk to
  std::int32_t capacity = 0;  // persons
  bool step_free = true;      // wheelchair accessible
  double open_time = 0.0;     // s after start when it can take people
  ShelterKind kind = ShelterKind::Other;
  // An exit to the open air (a micro exit given no capacity): capacity holds the
  // population, and reaching it never counts as the shelter filling up.
  bool takes_everyone = false;
  [[nodiscard]] bool assembly_area() const { return kind == ShelterKind::AssemblyArea; }
};

struct World {
  StreetGraph streets;
  std::vector<Building> buildings;
  std::vector<Area> areas;  // landuse and amenity areas used for synthesis and shelters
  TerrainGrid terrain;
  std::vector<Zone> zones;  // named zones; residents outside all of them fall in one extra zone
  std::vector<ShelterSite> shelters;
  std::vector<MapPoint> fire_stations;  // amenity=fire_station as nodes and as areas (centroid)
  // Every node tagged amenity=* (kind: its value; OSM maps many police stations,
  // schools and town halls as a single node): depots and shelters by amenity.
  std::vector<MapPoint> amenity_points;
  std::vector<MapPoint> hydrants;  // emergency=fire_hydrant nodes
  std::vector<MapPoint> barriers;  // barrier=* nodes (bollards, gates, ...) anywhere on the map
  Box bounds;                      // m, extent of the street network
  std::string crs_wkt;             // local metric CRS (for export), opaque to the engine
  std::string crs_name;            // e.g. "WGS 84 / UTM zone 32N"

  // Zones are the named ones plus one extra at index zones.size() for everything
  // outside them ("all" when no zones are named, else "outside").
  [[nodiscard]] std::size_t zone_count() const { return zones.size() + 1; }
  [[nodiscard]] std::string zone_name(ZoneId z) const;
  // First named zone containing p, else the extra zone.
  [[nodiscard]] ZoneId zone_of(Vec2 p) const;
  // The building whose footprint holds p (the first listed), else the one whose
  // centroid is nearest p and closer than `reach`; nullopt when there is none.
  // A point picked on a map or a registry address on the pavement finds its house.
  [[nodiscard]] std::optional<std::size_t> building_at(Vec2 p, double reach) const;
  // The building with this map id (OSM way or relation id), or nullopt.
  [[nodiscard]] std::optional<std::size_t> building_with_id(std::int64_t source_id) const;
};

}  // namespace ss
