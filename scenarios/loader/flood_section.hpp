#pragma once
// The scenario file's `flood:` block as plain description structs (positions still
// in WGS 84, files resolved): read by Sections::flood() (sections_flood.cpp), turned
// into an engine FloodDesc by build_flood() (flood_assembly.cpp).
#include <optional>
#include <string>
#include <vector>

#include "engine/hazards/flood/flood.hpp"
#include "engine/hazards/flood/flood_grid.hpp"

namespace ss::scenarios {

struct LonLatPoint {
  double lon = 0.0, lat = 0.0;  // degrees, WGS 84
};

// Where a source or level boundary acts: a point (with a radius) or a line.
struct FloodPlace {
  std::optional<LonLatPoint> at;
  double radius = 0.0;            // m, around `at`; 0 = the one cell
  std::vector<LonLatPoint> line;  // cells along it
};

struct FloodSourceDesc {
  std::string name;
  FloodPlace place;
  Hydrograph discharge;  // m³/s (converted from the file's unit)
  std::string field;     // e.g. "flood.sources[0]", for errors found at assembly
};

struct FloodLevelDesc {
  std::string name;
  FloodPlace place;
  Hydrograph level;  // m
  std::string field;
};

struct RiversDesc {
  std::string file;                                   // empty: the map's streets file
  std::string layer;                                  // empty: "lines" for OSM
  std::vector<std::string> kinds{"river", "stream"};  // OSM waterway=* values
  double width = 20.0;                                // m, channel burned under the centre line
  double depth = 2.0;                                 // m below the running-minimum terrain
};

struct LowLyingDesc {
  std::optional<double> below_level;        // m: cells with bed below this level
  std::optional<double> above_river_below;  // m: height above the nearest river cell below this
  std::string file, layer;                  // or a polygon layer from the user
};

struct FloodSection {
  double cell = 10.0;     // m
  double margin = 100.0;  // m around the street network
  bool block_buildings = true;
  FloodLandUse manning;
  std::optional<RiversDesc> rivers;
  std::vector<FloodSourceDesc> sources;
  std::vector<FloodLevelDesc> levels;
  std::optional<Hydrograph> rain;  // m/s
  std::vector<OutflowEdge> outflows;
  std::vector<std::pair<double, std::pair<std::string, std::string>>>
      external;  // time, depth file, speed file
  FloodSolverParams solver;
  PeopleInWaterParams people;
  std::vector<double> snapshots;  // s
  std::optional<LowLyingDesc> low_lying;
  // Largest grid accepted: 20 M cells ≈ 1.3 GB (kFloodBytesPerCell), checked before allocating.
  std::size_t max_cells = 20'000'000;
};

}  // namespace ss::scenarios
