#include "engine/core/sim_state.hpp"

namespace ss {

const char* to_string(Status s) {
  switch (s) {
    case Status::Unaware: return "unaware";
    case Status::Preparing: return "preparing";
    case Status::Moving: return "moving";
    case Status::Sheltered: return "sheltered";
    case Status::WaitingForHelp: return "waiting_for_help";
    case Status::Stranded: return "stranded";
  }
  return "?";
}

const char* to_string(LegPurpose p) {
  switch (p) {
    case LegPurpose::ToTask: return "to_task";
    case LegPurpose::Escorting: return "escorting";
  }
  return "?";
}

const char* to_string(Outcome o) {
  switch (o) {
    case Outcome::Sheltered: return "sheltered";
    case Outcome::NoRoute: return "no_route";
    case Outcome::SheltersFull: return "shelters_full";
    case Outcome::NeedsAssistance: return "needs_assistance";
    case Outcome::TimeRanOut: return "time_ran_out";
    case Outcome::RefusedNotKnocked: return "refused_not_knocked";
    case Outcome::NotWarned: return "not_warned";
    case Outcome::AtAssemblyArea: return "assembly_area";
    case Outcome::SafeUpstairs: return "safe_upstairs";
  }
  return "?";
}

const char* to_string(Intervention::Kind k) {
  switch (k) {
    case Intervention::Kind::CloseRoad: return "close_road";
    case Intervention::Kind::OpenRoad: return "open_road";
    case Intervention::Kind::CloseShelter: return "close_shelter";
    case Intervention::Kind::OpenShelter: return "open_shelter";
    case Intervention::Kind::DelayTeam: return "delay_team";
    case Intervention::Kind::BroadcastWarning: return "broadcast_warning";
    case Intervention::Kind::AddAssistTask: return "add_assist_task";
    case Intervention::Kind::AddDoorKnockTask: return "add_door_knock_task";
    case Intervention::Kind::StartFire: return "start_fire";
    case Intervention::Kind::RequestMutualAid: return "request_aid";
  }
  return "?";
}

}  // namespace ss
