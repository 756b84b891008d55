#pragma once
// Run state of the plan: who was warned how, the teams and their tasks. Part of
// SimState (copyable with it for snapshots). The immutable side is engine/plan/plan_types.hpp.
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/plan/plan_types.hpp"

namespace ss {

// How a resident learned of the danger: a plan channel (index into
// WarningPlan::channels, or the single implicit one), or one of these.
enum class WarnSource : std::uint8_t { None, Channel, DoorKnock, Neighbours, Hazard, Inject };
const char* to_string(WarnSource s);

// Households as lists of residents (dense household index per resident), so a
// knock or a broadcast heard by one member reaches the whole home.
struct Households {
  std::vector<std::uint32_t> of_resident;  // dense household index, (residents)
  std::vector<std::uint32_t> offset;       // (households + 1)
  std::vector<ResidentId> members;         // residents grouped by household
  [[nodiscard]] std::size_t count() const { return offset.empty() ? 0 : offset.size() - 1; }
};

struct WarningState {
  Households households;
  std::vector<WarnSource> source;      // (residents)
  std::vector<std::uint16_t> channel;  // channel index when source == Channel, (residents)
  // Earliest time a channel will reach each resident (+inf: none), from the plan's
  // channels and broadcast injects; the warning phase warns them when it comes.
  std::vector<float> scheduled;                  // s, (residents)
  std::vector<WarnSource> scheduled_source;      // (residents)
  std::vector<std::uint16_t> scheduled_channel;  // (residents)
  std::vector<std::uint8_t> refuses;  // 0/1: stays until knocked or the hazard arrives, (residents)
  std::vector<float> premove_base;    // s, the drawn pre-movement delay, (residents)
  // Word of mouth: cell of each home, residents and warned per cell, and each
  // unaware resident's exposure so far against their exponential threshold.
  std::vector<std::uint32_t> cell;                         // (residents)
  std::vector<std::uint32_t> cell_residents, cell_warned;  // (cells)
  std::vector<float> exposure;                             // Σ rate × w × dt, (residents)
  std::vector<float> threshold;                            // Exp(1) draw, (residents)
  std::vector<ResidentId> unaware;                         // residents still unaware, in id order
};

enum class TaskKind : std::uint8_t { DoorKnock, Assist };
const char* to_string(TaskKind k);

struct Task {
  TaskKind kind = TaskKind::DoorKnock;
  HouseholdId household;  // the household the task is for
  ResidentId first;       // a resident of it (home, zone, node)
  NodeId node;            // network node of the home
  ZoneId zone;
  std::uint8_t vulnerability = 0;  // 0 door-knock, 1 someone 80+ or alone, 2 wheelchair, 3 bedridden
  // s after the run's start when the hazard is forecast to reach the home (flood:
  // FloodLinks::home_forecast); +inf when it never does or there is no hazard.
  float hazard_at = std::numeric_limits<float>::infinity();
  bool from_inject = false;
  // Record (s; NaN until it happens).
  float created = 0.0f;
  float dispatched = std::numeric_limits<float>::quiet_NaN();
  float arrived = std::numeric_limits<float>::quiet_NaN();
  float completed = std::numeric_limits<float>::quiet_NaN();
  TeamId team;               // team that first arrived
  std::int32_t carried = 0;  // persons escorted to shelter (assist)
  ShelterId shelter;         // where they were taken (last trip)
  bool open = true;          // not finished
  bool taken = false;        // a team is on it
  bool failed = false;       // no accessible shelter could be reached
};

// Reserve: a mutual-aid team not (yet) asked for; it takes no task and is not drawn.
enum class TeamStage : std::uint8_t { Mobilising, Idle, ToTask, OnSite, Escorting, Handover, Reserve };
const char* to_string(TeamStage s);

struct TeamState {
  TeamStage stage = TeamStage::Mobilising;
  double stage_end = 0.0;    // s when the current stage ends (Idle: since when)
  double stage_start = 0.0;  // s
  NodeId node;               // where the team is (or heads to)
  TaskId task;
  std::vector<ResidentId> carried;
  ShelterId shelter;             // escort destination
  double extra_delay = 0.0;      // s added by DelayTeam injects not yet absorbed
  std::uint64_t seen_tasks = 0;  // task-list version last searched while idle
  // Route of the current leg for drawing: nodes from start to end, cumulative metres.
  std::vector<NodeId> path;
  std::vector<float> path_dist;
  std::vector<EdgeId> path_edges;  // edge from path[k] to path[k + 1], (path - 1)
  // Record.
  double busy = 0.0;      // s travelling or on site
  double distance = 0.0;  // m
  std::uint32_t tasks_done = 0;
  std::int32_t people_escorted = 0;
  // s when the team first looked for work and found open tasks of its roles but none
  // reachable by streets open to its mode (NaN: never); a team that then never takes
  // a task is reported (teams_without_reachable_task).
  double unreachable_since = std::numeric_limits<double>::quiet_NaN();
};

struct ResponseState {
  bool activated = false;           // tasks created at Plan::warning_time
  std::vector<TeamState> teams;     // (teams)
  std::vector<Task> tasks;          // (tasks), in creation order
  std::uint64_t tasks_version = 0;  // bumped whenever a task becomes available
  std::vector<float> reached;       // s a team first reached each resident's home, NaN if never, (residents)
  std::vector<TaskId> assist_task;  // open assist task of each resident who needs help, (residents)
  std::vector<double> aid_requested;  // s each mutual-aid offer was asked for, NaN if not, (offers)
};

}  // namespace ss
