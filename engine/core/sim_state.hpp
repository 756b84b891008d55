#pragma once
// Everything that changes during a run, in dense arrays. Copyable: a copy is a
// snapshot that Simulation::restore() can resume from.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/core/intervention.hpp"
#include "engine/hazards/hazard.hpp"
#include "engine/plan/plan_state.hpp"
#include "engine/routing/routing.hpp"
#include "engine/world/population.hpp"

namespace ss {

// Where a resident is in the evacuation. Final states: Sheltered, Stranded,
// WaitingForHelp (no one came).
enum class Status : std::uint8_t {
  Unaware,         // not yet warned
  Preparing,       // warned, in the pre-movement delay
  Moving,          // on the street network
  Sheltered,       // inside a shelter (or an assembly area, or upstairs at home: SimState::shelter invalid)
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
  TimeRanOut,       // still on the way (or getting ready) when the run ended
  // Warned, refused to leave (WarningPlan::compliance) and still at home at the end:
  // no team knocked at their door and the hazard did not reach it. The plan's
  // door-knock capacity or coverage is the cause (issue: outcomes a planner can act on).
  RefusedNotKnocked,
  NotWarned,  // never warned: no channel, neighbour, knock or hazard reached them
  // Found every shelter full and walked to an assembly area (Plan::when_shelters_full):
  // out of the hazard's way, counted safe, but without a shelter place.
  AtAssemblyArea,
  // Stayed on the top floor of their home, above the forecast water (Plan::vertical).
  SafeUpstairs,
};
inline constexpr std::size_t kOutcomeCount = 9;
const char* to_string(Outcome o);
// Safe at the end (Status::Sheltered): in a shelter, at an assembly area or upstairs.
inline bool is_safe(Outcome o) {
  return o == Outcome::Sheltered || o == Outcome::AtAssemblyArea || o == Outcome::SafeUpstairs;
}

struct JournalEntry {
  std::uint64_t step = 0;  // step at which it was applied
  double time = 0.0;       // s
  Intervention intervention;
  bool scripted = false;  // one of the plan's scripted injects (Plan::injects), applied by the engine
};

// One timeline row: counts by status, overall and per group, at a time.
struct TimelineRow {
  double time = 0.0;  // s
  std::array<std::uint32_t, kStatusCount> by_status{};
  std::array<std::uint32_t, GroupIndex::kCount> safe_by_group{};  // sheltered so far
  std::vector<std::uint32_t> safe_by_zone;                        // (zones)
  std::vector<double> hazard;  // every hazard's timeline_values, in Model::hazards order
};

// Numeric trouble counted instead of aborting (STYLE: third kind of error).
struct SimWarnings {
  std::uint64_t non_finite_speed = 0;  // speeds that came out NaN/inf and were replaced
  std::uint64_t rerouted_full = 0;     // arrivals turned away by a full shelter
  std::uint64_t turned_around = 0;     // residents who reversed on a street after a route change
  std::uint64_t squeezed = 0;          // entries onto a full street by the gridlock guard
  std::uint64_t stuck = 0;             // micro: walkers that did not get anywhere for MicroParams::stuck_time
};

// Walkers' positions at a fixed frame rate (RunSettings::trajectory_framerate), the
// data of the trajectory files researchers read (output/trajectories.hpp). Frame f is
// at time f / framerate; its points are points[frame_begin[f] .. frame_begin[f + 1]).
struct TrajectoryPoint {
  std::uint32_t resident = 0;  // ResidentId value
  float x = 0.0f, y = 0.0f;    // m, local CRS
};
struct TrajectoryRecord {
  double framerate = 0.0;                  // frames per s; 0: not recorded
  std::vector<std::uint32_t> frame_begin;  // (frames + 1)
  std::vector<TrajectoryPoint> points;     // walkers in resident-id order per frame
  [[nodiscard]] std::size_t frames() const { return frame_begin.empty() ? 0 : frame_begin.size() - 1; }
};

// A micro crowd that stopped: for MicroParams::jam_time nobody reached an exit and
// the walkers together came no nearer the exits (MicroMovement, micro_jam.cpp).
struct MicroJam {
  double since = 0.0;        // s, start of the window without progress
  double time = 0.0;         // s, when it was reported (the window's end)
  std::uint32_t people = 0;  // walkers standing in it
  Vec2 centre;               // m, their centroid
  Vec2 min, max;             // m, the box around them
};

// A street closed by a hazard for some mover class, from `from` to `to` (NaN while
// it stays closed); hazards phase. Plan and inject closures are in the journal.
struct HazardClosure {
  std::uint32_t edge = 0;    // EdgeId value
  std::uint32_t hazard = 0;  // index in Model::hazards
  double from = 0.0;         // s
  double to = 0.0;           // s, NaN while still closed
};

// Why a team travelled a leg (TeamStage::ToTask or TeamStage::Escorting).
enum class LegPurpose : std::uint8_t { ToTask, Escorting };
const char* to_string(LegPurpose p);

// One leg a team finished (or broke off at a closed street), as the streets it
// travelled: edges[first_edge .. first_edge + edges) of RunRecords::team_leg_edges,
// from node `start`; responders phase.
struct TeamLeg {
  std::uint32_t team = 0;  // TeamId value
  LegPurpose purpose = LegPurpose::ToTask;
  std::uint32_t task = 0xFFFFFFFFu;  // TaskId value, 0xFFFFFFFF none
  std::uint32_t start = 0;           // NodeId value
  std::uint32_t first_edge = 0;
  std::uint32_t edges = 0;
  double from = 0.0;  // s, departure
  double to = 0.0;    // s, arrival (or at the junction where it broke off)
};

// Per-street crowd figures the network model records as people move, cheaply: only
// when someone enters or leaves a street or a queue, never by a pass over all streets.
struct StreetRecords {
  // Flow is counted in fixed windows of this length from the run's start (planning
  // assumption: a minute smooths the step-by-step release of a queue head, and Fruin's
  // level-of-service tables give flow per minute; Fruin 1971, Pedestrian Planning and Design).
  static constexpr double kFlowWindow = 60.0;  // s
  std::vector<std::uint32_t> peak_count;       // most residents on the edge at once, (edges)
  std::vector<std::uint32_t> flow_window;      // index of the window flow_count counts in, (edges)
  std::vector<std::uint32_t> flow_count;       // persons who left the edge in that window, (edges)
  std::vector<std::uint32_t> peak_flow;        // most persons who left the edge in one window, (edges)
  // Steps with someone queued at an end of the edge, over the queues that dissolved,
  // and the step the present queue formed (valid while SimState::edge_queued > 0).
  std::vector<std::uint64_t> queue_steps;  // steps, (edges)
  std::vector<std::uint64_t> queue_since;  // step, (edges)
};

// What the run has recorded so far: grows during the run, read by outputs, the GUI
// and the targets at the end; never read back by the step itself.
struct RunRecords {
  std::vector<JournalEntry> journal;  // applied interventions; Simulation::apply()
  std::vector<TimelineRow> timeline;  // one row per timeline_interval; metrics phase
  std::vector<std::vector<std::int32_t>>
      occupancy_series;                      // per timeline row, (rows, shelters); metrics phase
  std::vector<std::uint64_t> edge_passages;  // residents that walked each edge, (edges); movement phase
  std::uint32_t route_rebuilds = 0;          // decisions phase
  SimWarnings warnings;                      // numeric trouble, counted; movement phase
  TrajectoryRecord trajectory;               // micro walkers' positions per frame; metrics phase
  std::vector<MicroJam> jams;                // micro crowds that stopped moving; movement phase

  // Crowd figures per street; movement phase (network model).
  StreetRecords streets;
  // Streets the hazards closed, in the order the closures began; hazards phase.
  std::vector<HazardClosure> hazard_closures;
  // Index into hazard_closures of the closure of each street by each hazard still
  // open, -1 none, (hazards × edges); hazards phase.
  std::vector<std::int32_t> hazard_closure_open;
  // The teams' legs in the order they ended, and the streets of every leg
  // ((sum of TeamLeg::edges)); responders phase.
  std::vector<TeamLeg> team_legs;
  std::vector<EdgeId> team_leg_edges;
};

// Buffers a phase reuses from step to step to avoid allocating. Not part of the
// state: a copy (a snapshot) starts with empty buffers.
struct StepScratch {
  HazardReport hazard_report;  // hazards phase
  StepScratch() = default;
  StepScratch(const StepScratch&) {}
  StepScratch& operator=(const StepScratch&) { return *this; }
  StepScratch(StepScratch&&) noexcept = default;
  StepScratch& operator=(StepScratch&&) noexcept = default;
};

// Everything that changes during a run, in dense arrays. Copyable: a copy is a
// snapshot that Simulation::restore() resumes from identically. Beside each field,
// the phase of Simulation::step() that writes it (init: set once at the start).
// Bits of SimState::shelter_closed.
inline constexpr std::uint8_t kShelterClosedByPlan = 1;    // plan, injects, interventions: can reopen
inline constexpr std::uint8_t kShelterClosedByHazard = 2;  // a hazard made it unsafe: for good

struct SimState {
  std::uint64_t step = 0;  // metrics phase (the clock)
  [[nodiscard]] double time(double dt) const { return static_cast<double>(step) * dt; }
  std::uint64_t seed = 0;  // init

  // Residents, hot: read and written every step by the movement phase.
  std::vector<Status> status;  // warning, movement, responders phases, (residents)
  std::vector<EdgeId> edge;    // current edge, invalid when not on the network; movement, (residents)
  std::vector<NodeId> toward;  // node the resident walks to on `edge`; movement, (residents)
  std::vector<float>
      remaining;  // m left to `toward` along `edge`; 0 = in the queue at `toward`; movement, (residents)
  std::vector<float> free_speed;  // m/s, drawn at start; init, (residents)
  // Residents, cold.
  std::vector<float> premove;  // s from warning to leaving home, drawn at start; init, warning, (residents)
  std::vector<float> warned_time;         // s, NaN until warned; warning, hazards, responders, (residents)
  std::vector<float> start_time;          // s, NaN until they step onto the street; movement, (residents)
  std::vector<float> arrival_time;        // s, NaN until sheltered; movement, responders, (residents)
  std::vector<float> distance;            // m walked; movement, (residents)
  std::vector<ShelterId> shelter;         // where they are sheltered; movement, responders, (residents)
  std::vector<std::uint8_t> turned_away;  // times a full/closed shelter sent them on; movement, (residents)
  std::vector<std::uint64_t>
      reached_end_step;  // step when they joined the queue at `toward` (FIFO order); movement, (residents)
  std::vector<ShelterId>
      assigned;  // shelter the plan sends them to; invalid = nearest with room; init, (residents)
  std::vector<Outcome> blocked;  // why a Stranded resident is stuck; movement, (residents)
  // 1 once they found every shelter full and set off for an assembly area
  // (Plan::WhenSheltersFull::AssemblyArea): they follow RouteFields::to_assembly from
  // then on; movement, (residents)
  std::vector<std::uint8_t> to_assembly;
  // Micro model only (empty with the network model): body centre and velocity; movement.
  std::vector<Vec2> position;  // m, local CRS, (residents)
  std::vector<Vec2> velocity;  // m/s, (residents)

  // Residents still able to change state (not sheltered); order is deterministic.
  std::vector<ResidentId> active;  // bookkeeping phase
  // Stranded residents (no open shelter with room reachable: they wait where they
  // are, Plan::when_shelters_full) taken off `active` so that a town whose shelters
  // are all full does not walk them every step; back on `active` whenever the routes
  // change (a shelter opens or gets room, a road reopens). The hazards still see
  // them. Network model only. bookkeeping, decisions phases
  std::vector<ResidentId> parked;
  // Someone on `active` became (or stayed, after the routes changed) sheltered,
  // stranded or waiting for help during this step: the bookkeeping phase looks over
  // `active` only then, and clears it. Always false between steps.
  bool leaving = false;
  // Sets resident i's status to one that takes them off `active` at the bookkeeping
  // (sheltered, stranded or waiting for help) and tells the bookkeeping to look.
  void leave_active(std::size_t i, Status st) {
    status[i] = st;
    leaving = true;
  }
  // Residents at home whose time to leave (warned_time + premove) was set or brought
  // forward since the movement model's last step (engine/plan/warning.cpp): the
  // network model files them by that time instead of looking at everyone at home
  // every step. Scratch between the phases that warn and the next movement step; not
  // hashed: on restore the network model rebuilds its departures from status and
  // times, so what it holds changes no result. warning, responders, movement phases
  std::vector<ResidentId> readied;

  // Streets.
  std::vector<std::uint32_t> edge_count;  // residents on each edge; movement, (edges)
  std::vector<std::uint32_t>
      edge_queued;  // of those, waiting in the queue at the edge's end; movement, (edges)
  // Node capacity: persons that may still leave / enter each edge; refilled by
  // specific flow × width × dt per step, up to one step's worth (at least one person).
  std::vector<float> exit_credit;          // persons; movement, (edges)
  std::vector<float> entry_credit;         // persons; movement, (edges)
  std::vector<std::uint64_t> credit_step;  // step the credits were last refilled; movement, (edges)
  std::vector<std::uint8_t> edge_closed;   // 0/1 by plan or intervention; injects, (edges)

  // Shelters.
  std::vector<std::int32_t> occupancy;  // persons; movement, responders, (shelters)
  std::vector<std::int32_t> arrivals;   // persons; movement, responders, (shelters)
  // Why a shelter is closed, as bits (kShelterClosedByPlan, kShelterClosedByHazard); a
  // shelter takes people while the value is 0. The plan's closures (closed_shelters,
  // injects, the GUI) and a hazard's are kept apart, so reopening a shelter the plan
  // closed never reopens one the water or fire made unsafe. injects, hazards, (shelters)
  std::vector<std::uint8_t> shelter_closed;
  std::vector<std::uint8_t> shelter_full;  // 0/1; movement, responders, (shelters)
  std::vector<float>
      shelter_full_time;  // s when it first filled, NaN if never; movement, responders, (shelters)

  // Routing: the way out from every node, rebuilt when shelters or roads change.
  RouteFields routes;        // decisions phase
  bool routes_dirty = true;  // set by any phase that closes or fills something; cleared by decisions
  std::vector<ShelterId>
      evacuating;  // shelters a hazard made unsafe with people inside; hazards, emptied by decisions

  // Interventions waiting for the next step (Simulation::apply(), injects phase).
  std::vector<Intervention> pending;
  std::size_t next_inject = 0;  // first of Plan::injects not yet applied; injects phase

  // Hazards: each one's own state, in Model::hazards order (written only by that
  // hazard's advance() in the hazards phase), and their combined effect on streets
  // (written by the hazards phase; read by routing, movement and the responders).
  std::vector<HazardStateSlot> hazards;
  HazardEffects hazard_effects;

  // The plan at work: who was warned how (warning phase, engine/plan/warning.cpp),
  // teams and tasks (responders phase, engine/plan/responders.cpp).
  WarningState warn;
  ResponseState response;

  RunRecords records;   // what the run recorded so far
  StepScratch scratch;  // reused buffers, not state
};

}  // namespace ss
