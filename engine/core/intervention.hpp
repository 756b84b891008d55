#pragma once
// An outside intervention in a run (DESIGN.md "injects"): live from the GUI, or
// scripted in the scenario (Plan::injects). All go through Simulation::apply().
#include <cstdint>
#include <string>

namespace ss {

struct InterventionTag {};
struct Intervention {
  enum class Kind : std::uint8_t {
    CloseRoad,
    OpenRoad,
    CloseShelter,
    OpenShelter,
    DelayTeam,         // target: TeamId; value: s of delay
    BroadcastWarning,  // target: ZoneId; everyone there not yet warned is warned now
    AddAssistTask,     // target: ResidentId; a team comes to carry their household's helpless out
    AddDoorKnockTask,  // target: ResidentId; a team knocks on their household's door
    StartFire,         // target: building index (World::buildings); a fire hazard ignites it now
    RequestMutualAid,  // target: index into ResponsePlan::mutual_aid; its teams set out now
  };
  static constexpr Kind kLastKind = Kind::RequestMutualAid;  // for loops over every kind
  Kind kind = Kind::CloseRoad;
  std::uint32_t target =
      0;               // EdgeId, ShelterId, TeamId, ZoneId, ResidentId, building or offer index (see Kind)
  std::string note;    // who/why, for the journal
  double value = 0.0;  // DelayTeam: s
};
const char* to_string(Intervention::Kind k);

// Interventions a hazard takes (Hazard::intervene) rather than the plan or the streets.
inline bool is_hazard_intervention(Intervention::Kind k) { return k == Intervention::Kind::StartFire; }

}  // namespace ss
