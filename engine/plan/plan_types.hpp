#pragma once
// The emergency plan's warning, responder and target parts, as immutable model data
// (part of Plan in engine/core/model.hpp). Scenarios fill these (scenarios/loader/sections_plan_teams.cpp);
// the run state they drive lives in engine/plan/plan_state.hpp.
//
// Every default below is a planning assumption unless a source is named; each one is
// configurable in the scenario's `plan:` section (docs/plan.md).
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/world/geometry.hpp"
#include "engine/world/population.hpp"

namespace ss {

struct TeamTag;
struct TaskTag;
using TeamId = Id<TeamTag>;
using TaskId = Id<TaskTag>;

// ---------------------------------------------------------------- warning

enum class ChannelKind : std::uint8_t { Siren, CellBroadcast, Loudspeaker, Other };
const char* to_string(ChannelKind k);

// A broadcast channel: from `start` it reaches each targeted resident with
// probability reach × Π group_factor[g] (their age band, mobility and lives-alone
// groups, GroupIndex), after a lognormal delay (median, σ_ln; σ_ln = 0 gives the
// median exactly). Members of a household draw together and tell each other at once
// (households act as units: Lindell & Perry 2012, Risk Analysis 32(4)).
struct WarningChannel {
  std::string name;
  ChannelKind kind = ChannelKind::Other;
  double start = 0.0;  // s after the run's start
  double reach = 1.0;  // share of targeted residents reached
  std::array<double, GroupIndex::kCount> group_factor{[] {
    std::array<double, GroupIndex::kCount> a{};
    a.fill(1.0);
    return a;
  }()};
  double delay_median = 0.0;  // s from start (or from the car passing) to the resident knowing
  double delay_sigma_ln = 0.0;
  // Target: every resident when `zones` and `area` are empty and `low_lying` is off;
  // else residents whose home lies in one of `zones`, inside `area`, or (low_lying)
  // at a door cell of the flood's low-lying zone.
  std::vector<ZoneId> zones;
  Ring area;               // m, local CRS
  bool low_lying = false;  // also homes in the flood's low-lying zone (FloodDesc::low_lying)
  // Loudspeaker car: drives `route` (m, local CRS) from `start` at `route_speed`;
  // residents within `route_radius` of the route hear it when it passes the nearest point.
  std::vector<Vec2> route;
  double route_speed = 20.0 / 3.6;  // m/s (planning assumption: 20 km/h announcing)
  double route_radius = 150.0;      // m (planning assumption: audible over a block)
};

// Word of mouth between neighbours: residents are grouped into square cells of
// `cell` m by home; each step an unaware resident becomes warned with probability
// 1 − exp(−rate × w × dt), w the share of their cell already warned. The population
// warned then follows the logistic curve dw/dt = rate w (1 − w), the contagion form
// Rogers & Sorensen (1991, "Diffusion of emergency warning", Environmental
// Professional 13) fit to community warning data. rate 0 disables it.
struct WordOfMouth {
  double rate = 0.0;    // 1/s
  double cell = 100.0;  // m (planning assumption: a block)
};

// A share of residents who do not leave when warned, only when a team knocks on their
// door or the hazard reaches their home (drawn per household). Share per resident: the
// largest of `share` and the by_group values of their groups.
struct Compliance {
  double refuse_share = 0.0;
  std::array<double, GroupIndex::kCount> refuse_by_group{};  // 0 = use refuse_share
};

struct WarningPlan {
  // No channels and `everyone_at_warning_time`: everyone is warned at Plan::warning_time
  // (one channel reaching all, no delay). A plan that lists its channels — even none,
  // e.g. door-knocking only — switches that off.
  std::vector<WarningChannel> channels;
  bool everyone_at_warning_time = true;
  WordOfMouth word_of_mouth;
  Compliance compliance;
};

// ---------------------------------------------------------------- responders

// DESIGN.md's "1 + 3 + N": one subdistrict emergency team, fire / medical / police,
// N volunteer teams (grid workers, resident volunteers).
enum class TeamKind : std::uint8_t { Subdistrict, Fire, Medical, Police, Volunteers };
inline constexpr std::size_t kTeamKindCount = 5;
const char* to_string(TeamKind k);

enum class TravelMode : std::uint8_t { Foot, Vehicle };
const char* to_string(TravelMode m);

// Roles as bits. Fire tasks come with the fire hazard; until then `fire` teams take
// only the other roles they have.
enum TeamRole : std::uint8_t { kRoleDoorKnock = 1, kRoleAssist = 2, kRoleMedical = 4, kRoleFire = 8 };

struct Team {
  std::string name;
  TeamKind kind = TeamKind::Volunteers;
  std::int32_t members = 1;
  NodeId depot;  // network node the team starts from
  TravelMode mode = TravelMode::Foot;
  double speed = 1.4;  // m/s travelling empty (on foot: Weidmann's 1.34 m/s rounded up for a purposeful walk)
  double mobilisation = 0.0;  // s after the plan's activation (Plan::warning_time) before it can leave
  std::uint8_t roles = kRoleDoorKnock | kRoleAssist;
  std::int32_t escort_capacity = 1;  // persons escorted or carried at once
  double escort_speed = 0.8;         // m/s with people (planning assumption: carrying a chair or stretcher)
  // Index into ResponsePlan::mutual_aid when the team comes from a neighbouring service
  // on request only (a reserve until then); -1 for the plan's own teams.
  std::int32_t aid = -1;
};

// Mutual aid: teams a neighbouring service sends when the command asks for them
// (an intervention, RequestMutualAid), ready at their staging point `delay` after the
// request. The teams are listed in ResponsePlan::teams with Team::aid set; until the
// request they take no task. The delay is the plan's agreed figure (e.g. a county's
// mutual-aid agreement), a planning assumption the scenario states.
struct MutualAid {
  std::string name;    // as the command asks for it: "Feuerwehr Schnaittach", "THW Lauf"
  std::string from;    // who sends it, for reports (optional)
  double delay = 0.0;  // s from the request until its teams are ready at their depot
};

// Times a task takes on site (planning assumptions, configurable).
struct TaskTimes {
  double knock = 60.0;      // s per household: knock, explain, move on
  double pickup = 300.0;    // s to get a person who needs help ready and out of the home
  double handover = 120.0;  // s to hand people over at the shelter
};

struct ResponsePlan {
  std::vector<Team> teams;
  std::vector<MutualAid> mutual_aid;
  std::vector<ZoneId> door_knock_zones;  // every household there gets a door-knock task
  bool door_knock_low_lying = false;     // and every household in the flood's low-lying zone
  bool assist_needing_help = true;  // an assist task for every household with someone who cannot leave alone
  TaskTimes times;
};

// ---------------------------------------------------------------- targets

enum class TargetKind : std::uint8_t {
  VulnerableReachedWithin,  // every resident who needs help reached by a team within `minutes`
  ShareSafeWithin,          // `share` of residents sheltered within `minutes`
  NoShelterOverCapacity,    // no shelter ever holds more than its capacity
  ResponseWithin,           // `share` (quantile) of task response times within `minutes`
  WarnedWithin,             // `share` of residents warned within `minutes`
  HazardKpiAtMost,          // a hazard's key figure `kpi` ("fire.first_engine_s") at most `at_most`
};
const char* to_string(TargetKind k);

struct PlanTarget {
  TargetKind kind = TargetKind::ShareSafeWithin;
  double minutes = 0.0;
  double share = 1.0;
  bool after_warning = true;  // minutes count from Plan::warning_time, else from the run's start
  std::string kpi{};          // HazardKpiAtMost: "<hazard>.<kpi>", e.g. "fire.first_engine_s"
  double at_most = 0.0;       // HazardKpiAtMost: in the key figure's own unit (s for *_s)
};

}  // namespace ss
