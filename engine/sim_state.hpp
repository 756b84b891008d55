#pragma once
// Everything that changes during a run, in dense arrays. Copyable: a copy is a
// snapshot that Simulation::restore() can resume from.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/flood_hazard.hpp"
#include "engine/ids.hpp"
#include "engine/intervention.hpp"
#include "engine/plan_state.hpp"
#include "engine/population.hpp"
#include "engine/routing.hpp"

namespace ss {

// Where a resident is in the evacuation. Final states: Sheltered, Stranded,
// WaitingForHelp (no one came).
enum class Status : std::uint8_t {
  Unaware,         // not yet warned
  Preparing,       // warned, in the pre-movement delay
  Moving,          // on the street network
  Sheltered,       // inside a shelter
  WaitingForHelp,  // cannot leave alone and waits at home for a team
  Stranded,        // warned and ready but no open shelter with room can be reached
};
inline constexpr std::size_t kStatusCount = 6;
const char* to_string(Status s);

// Why a resident is not safe at the end of a run.
enum class Outcome : std::uint8_t {
  Sheltered,
  NoRoute,          // no path from where they are to any open shelter
  SheltersFull,     // reachable shelters were all full
  NeedsAssistance,  // could not leave alone and no team reached them
  TimeRanOut,       // still on the way (or preparing) when the run ended
};
const char* to_string(Outcome o);


struct JournalEntry {
  std::uint64_t step = 0;  // step at which it was applied
  double time = 0.0;       // s
  Intervention intervention;
};

// One timeline row: counts by status, overall and per group, at a time.
struct TimelineRow {
  double time = 0.0;  // s
  std::array<std::uint32_t, kStatusCount> by_status{};
  std::array<std::uint32_t, GroupIndex::kCount> safe_by_group{};  // sheltered so far
  std::vector<std::uint32_t> safe_by_zone;                          // (zones)
};

// Numeric trouble counted instead of aborting (STYLE: third kind of error).
struct SimWarnings {
  std::uint64_t non_finite_speed = 0;  // speeds that came out NaN/inf and were replaced
  std::uint64_t rerouted_full = 0;     // arrivals turned away by a full shelter
  std::uint64_t turned_around = 0;     // residents who reversed on a street after a route change
  std::uint64_t squeezed = 0;          // entries onto a full street by the gridlock guard
  std::uint64_t stuck = 0;             // micro: walkers that did not get anywhere for MicroParams::stuck_time
};

struct SimState {
  std::uint64_t step = 0;
  [[nodiscard]] double time(double dt) const { return static_cast<double>(step) * dt; }
  std::uint64_t seed = 0;

  // Residents, hot.
  std::vector<Status> status;      // (residents)
  std::vector<EdgeId> edge;        // current edge, invalid when not on the network, (residents)
  std::vector<NodeId> toward;      // node the resident walks to on `edge`, (residents)
  std::vector<float> remaining;    // m left to `toward` along `edge`; 0 = in the queue at `toward`, (residents)
  std::vector<float> free_speed;   // m/s, drawn at start, (residents)
  // Residents, cold.
  std::vector<float> premove;       // s from warning to leaving home, drawn at start, (residents)
  std::vector<float> warned_time;   // s, NaN until warned, (residents)
  std::vector<float> start_time;    // s, NaN until they step onto the street, (residents)
  std::vector<float> arrival_time;  // s, NaN until sheltered, (residents)
  std::vector<float> distance;      // m walked, (residents)
  std::vector<ShelterId> shelter;   // where they are sheltered, (residents)
  std::vector<std::uint8_t> turned_away;  // times a full/closed shelter sent them on, (residents)
  std::vector<std::uint64_t> reached_end_step;  // step when they joined the queue at `toward` (FIFO order), (residents)
  std::vector<ShelterId> assigned;  // shelter the plan sends them to; invalid = nearest with room, (residents)
  std::vector<Outcome> blocked;     // why a Stranded resident is stuck, (residents)
  // Micro model only (empty with the network model): body centre and velocity.
  std::vector<Vec2> position;       // m, local CRS, (residents)
  std::vector<Vec2> velocity;       // m/s, (residents)

  // Residents still able to change state (not sheltered); order is deterministic.
  std::vector<ResidentId> active;

  // Streets.
  std::vector<std::uint32_t> edge_count;    // residents on each edge, (edges)
  std::vector<std::uint32_t> edge_queued;   // of those, waiting in the queue at the edge's end, (edges)
  // Node capacity: persons that may still leave / enter each edge; refilled by
  // specific flow × width × dt per step, up to one step's worth (at least one person).
  std::vector<float> exit_credit;           // persons, (edges)
  std::vector<float> entry_credit;          // persons, (edges)
  std::vector<std::uint64_t> credit_step;   // step the credits were last refilled, (edges)
  std::vector<std::uint8_t> edge_closed;    // 0/1, (edges)
  std::vector<std::uint64_t> edge_passages; // residents that walked each edge, (edges)

  // Shelters.
  std::vector<std::int32_t> occupancy;       // persons, (shelters)
  std::vector<std::int32_t> arrivals;        // persons, (shelters)
  std::vector<std::uint8_t> shelter_closed;  // 0/1 by intervention or plan, (shelters)
  std::vector<std::uint8_t> shelter_full;    // 0/1, (shelters)
  std::vector<float> shelter_full_time;      // s when it first filled, NaN if never, (shelters)
  std::vector<std::vector<std::int32_t>> occupancy_series;  // per timeline row, (rows, shelters)

  // Routing: the way out from every node, rebuilt when shelters or roads change.
  RouteFields routes;
  bool routes_dirty = true;
  std::uint32_t route_rebuilds = 0;

  // Interventions waiting for the next step, and the journal of applied ones.
  std::vector<Intervention> pending;
  std::vector<JournalEntry> journal;
  std::size_t next_inject = 0;  // first of Plan::injects not yet applied

  std::vector<TimelineRow> timeline;
  SimWarnings warnings;

  // The flood and its effect on people (engine/flood_hazard.hpp); empty without a flood.
  FloodRun flood;

  // The plan at work: who was warned how (engine/warning.cpp), teams and tasks
  // (engine/responders.cpp).
  WarningState warn;
  ResponseState response;
};

}  // namespace ss
