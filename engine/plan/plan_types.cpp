#include "engine/plan/plan_types.hpp"
#include "engine/plan/plan_state.hpp"

namespace ss {

const char* to_string(ChannelKind k) {
  switch (k) {
    case ChannelKind::Siren: return "siren";
    case ChannelKind::CellBroadcast: return "cell_broadcast";
    case ChannelKind::Loudspeaker: return "loudspeaker";
    case ChannelKind::Other: return "other";
  }
  return "?";
}

const char* to_string(TeamKind k) {
  switch (k) {
    case TeamKind::Subdistrict: return "subdistrict";
    case TeamKind::Fire: return "fire";
    case TeamKind::Medical: return "medical";
    case TeamKind::Police: return "police";
    case TeamKind::Volunteers: return "volunteers";
  }
  return "?";
}

const char* to_string(TravelMode m) { return m == TravelMode::Foot ? "foot" : "vehicle"; }

const char* to_string(TargetKind k) {
  switch (k) {
    case TargetKind::VulnerableReachedWithin: return "vulnerable_reached_within";
    case TargetKind::ShareSafeWithin: return "share_safe_within";
    case TargetKind::NoShelterOverCapacity: return "no_shelter_over_capacity";
    case TargetKind::ResponseWithin: return "response_within";
    case TargetKind::WarnedWithin: return "warned_within";
    case TargetKind::HazardKpiAtMost: return "hazard_kpi_at_most";
  }
  return "?";
}

const char* to_string(WarnSource s) {
  switch (s) {
    case WarnSource::None: return "none";
    case WarnSource::Channel: return "channel";
    case WarnSource::DoorKnock: return "door_knock";
    case WarnSource::Neighbours: return "neighbours";
    case WarnSource::Hazard: return "hazard";
    case WarnSource::Inject: return "inject";
  }
  return "?";
}

const char* to_string(TaskKind k) { return k == TaskKind::DoorKnock ? "door_knock" : "assist"; }

const char* to_string(TeamStage s) {
  switch (s) {
    case TeamStage::Mobilising: return "mobilising";
    case TeamStage::Idle: return "idle";
    case TeamStage::ToTask: return "to_task";
    case TeamStage::OnSite: return "on_site";
    case TeamStage::Escorting: return "escorting";
    case TeamStage::Handover: return "handover";
    case TeamStage::Reserve: return "reserve";
  }
  return "?";
}

}  // namespace ss
