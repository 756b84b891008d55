#pragma once
// A finished run as a briefing map reads it back from its folder: results.gpkg's
// layers through GDAL (docs/results.md), timeline.csv, occupancy.csv, journal.csv and
// summary.json; and the state at a simulated time worked out from them. Internal to
// maps/briefing_map*.cpp.
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/world/geometry.hpp"
#include "maps/briefing_map.hpp"

namespace ss::maps::briefing {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Polygon {
  std::vector<Ring> rings;  // outer first, then holes
};

struct RunHome {
  std::vector<Polygon> parts;
  std::string key;  // the geometry's bytes: the same building in two runs of one map
  int residents = 0;
  int not_safe = 0;          // at the run's end
  double warned_min = kNaN;  // minutes after the start; NaN: nobody
  double left_min = kNaN;
  double safe_min = kNaN;
  double safe_median_min = kNaN;
  double safe_max_min = kNaN;
};

struct RunStreet {
  std::vector<std::vector<Vec2>> parts;
  std::string kind;
  bool closed_by_plan = false;
};

struct RunShelter {
  Vec2 pos{kNaN, kNaN};  // NaN: the layer gave no point
  std::string name;
  std::string kind;
  int capacity = 0;
  int occupancy_at_end = 0;
  bool closed_at_end = false;
};

struct RunZone {
  std::vector<Polygon> parts;
  std::string name;
};

// Residents by status (engine Status order: unaware, preparing, moving, sheltered,
// waiting_for_help, stranded) at one time.
struct StatusCounts {
  double time = 0.0;  // s
  std::array<std::uint64_t, 6> by_status{};
};

struct JournalRow {
  double time = 0.0;  // s
  std::string kind;   // close_road, open_road, close_shelter, ...
  std::size_t target = 0;
};

// One interval a street was closed (results.gpkg's closures layer).
struct ClosureRow {
  std::size_t edge = 0;
  double from = 0.0;       // s
  double to = HUGE_VAL;    // s; HUGE_VAL: still closed at the run's end
  bool by_hazard = false;  // water, fire or smoke made it impassable; otherwise the plan or an inject
};

// What closed a street at a time, for the map: a command (the plan, an inject, a
// live decision) or a hazard.
enum class StreetClosure : std::uint8_t { Open, Command, Hazard };

struct RunFolder {
  std::string dir;
  std::string crs_wkt;
  std::string crs_name;  // e.g. "WGS 84 / UTM zone 32N"
  std::string scenario, variant;
  std::uint64_t seed = 0;
  double end_time = 0.0;  // s
  std::uint64_t residents = 0;
  bool micro = false;          // a micro run: no street map
  std::string terrain_credit;  // empty: no terrain among the run's inputs
  std::vector<RunHome> homes;
  std::vector<RunStreet> streets;  // in street (edge) order: journal targets index them
  std::vector<RunShelter> shelters;
  std::vector<RunZone> zones;
  std::vector<StatusCounts> timeline;       // timeline.csv rows
  std::vector<StatusCounts> end_status;     // one: summary.json by_status at the end
  std::vector<double> occupancy_times;      // s, occupancy.csv rows
  std::vector<std::vector<int>> occupancy;  // (rows, shelters)
  std::vector<JournalRow> journal;
  // results.gpkg's closures layer; without it (a run folder written before the layer
  // existed) the plan's closures and the journal's close_road/open_road.
  std::vector<ClosureRow> closures;
  bool has_closures_layer = false;
  Box extent;  // streets, homes and shelters
};

// Reads the folder; throws InputError naming the folder or file at fault (no
// folder, a micro run, no results.gpkg, a missing layer or column).
RunFolder read_run_folder(const std::string& dir);

// --- the state at simulated time t (s) ----------------------------------------------
HomeState home_state_at(const RunHome& h, double t);
StatusCounts status_at(const RunFolder& run, double t);
// Streets closed at t, by what closed them: results.gpkg's closures (plan, injects
// and hazards with their times), else the plan's closures and the journal's
// close_road/open_road. A street closed both ways counts as closed by command.
std::vector<StreetClosure> closed_streets_at(const RunFolder& run, double t);
// Shelters' occupancy and closures at t (the journal's close_shelter/open_shelter).
std::vector<int> occupancy_at(const RunFolder& run, double t);
std::vector<std::uint8_t> closed_shelters_at(const RunFolder& run, double t);

}  // namespace ss::maps::briefing
