#pragma once
// What the after-action report of a drill is built from (docs/drills.md "The
// after-action report"): the journal's events in time order with what each one changed
// in the simulation, map frames at chosen simulated times, and the final state. All of
// it comes from one replay of the journal (replay_journal, the code `safestreet replay`
// runs), watched step by step; nothing is simulated twice.
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "batch/run_pipeline.hpp"
#include "drill/journal.hpp"
#include "engine/core/sim_state.hpp"

namespace ss::drill {

// Residents of one status within one square of the map grid (kMapCell), drawn as one
// dot sized by the count: a frame of 25,000 residents stays a few hundred dots.
struct MapDots {
  float x = 0.0f, y = 0.0f;  // m, local CRS: the square's centre
  Status status = Status::Unaware;
  std::uint32_t count = 0;
};
// Side of a map grid square (m): a few houses, a short block (the bundled town's
// buildings are 10–30 m across).
inline constexpr double kMapCell = 40.0;

// Water depth bands drawn on a map (m), as the flood's own thresholds: 0.1 m is
// FloodPeople::exposed_depth (a resident counts as in water), 0.5 m the depth limit of an
// adult walking (FloodPeople::max_depth of the adult class), 1 m beyond any mover class.
inline constexpr double kWaterBands[3] = {0.1, 0.5, 1.0};

// A run of flood cells in one grid row whose depth falls in one band.
struct WaterRun {
  float x0 = 0.0f, x1 = 0.0f, y0 = 0.0f, y1 = 0.0f;  // m, local CRS
  std::uint8_t band = 0;                             // index into kWaterBands
};

// The simulation at one simulated time, as drawn on a map.
struct MapFrame {
  double time = 0.0;                         // s, requested
  std::uint64_t step = 0;                    // step captured (the first at or after `time`)
  std::vector<MapDots> residents;            // not yet safe (safe ones are in the shelters' counts)
  std::vector<std::uint8_t> closed;          // 0/1 closed by the plan or an intervention, (edges)
  std::vector<std::uint8_t> water_closed;    // 0/1 closed by a hazard for walkers, (edges)
  std::vector<std::int32_t> occupancy;       // persons, (shelters)
  std::vector<std::uint8_t> shelter_closed;  // SimState::shelter_closed, (shelters)
  std::vector<std::uint8_t> shelter_full;    // 0/1, (shelters)
  std::vector<WaterRun> water;               // empty without a flood
  std::array<std::uint32_t, kStatusCount> by_status{};
};

// One journal event with what it did.
struct DebriefEvent {
  JournalEvent journal;  // the line as read
  double t = 0.0;        // s, simulated (0 for drill_start)
  std::string wall;      // UTC wall clock as journaled
  // What the event changed, in words, taken from the state once its interventions were
  // applied ("closed Sulzbacher Straße (3 segments)", "Bertleinschule closed with 212
  // inside (capacity 400)", "Fire engine 1 held 15 min, mobilising"); for tasks, what
  // the teams made of them by the end ("team Fire engine 2 dispatched 0:58:10, on site
  // 1:03:40").
  std::vector<std::string> consequences;
  // What it acted on, for matching decisions to injects: "edge 12", "shelter 2",
  // "team 1", "zone 3", "household 863", "building 5".
  std::vector<std::string> subjects;
};

struct DebriefRequest {
  std::string journal;
  std::vector<double> map_times;                   // s; empty: every 30 min (default_map_times)
  std::function<void(const Simulation&)> stepped;  // after every step (progress)
};

struct Debrief {
  std::string journal;
  std::string dropped;  // a cut-short last line that was dropped, as "file:line: what"
  std::string drill_name, scenario, variant, version;
  std::uint64_t seed = 0;
  std::vector<DebriefEvent> events;  // in journal order (drill_start first)
  std::vector<MapFrame> maps;        // in time order
  batch::FinishedRun run;            // the replayed run at its end (model and final state)
  std::vector<std::string> warnings;
};

// The map times when none are asked for: every 30 min of the run (at most 8 maps; a
// longer run gets a longer interval, a multiple of 30 min).
std::vector<double> default_map_times(double duration);

// Replays the journal and collects the report's material. Throws InputError for a bad
// journal (the journal reader's errors, naming its line).
Debrief collect_debrief(const DebriefRequest& req);

}  // namespace ss::drill
