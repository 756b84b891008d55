#pragma once
// The scripted inject kinds by name: one table for a scenario's `injects:` (each item
// names its kind by key, scenarios/loader/injects.cpp) and a drill's exercise script
// (the MSEL's kind column and typed decisions, drill/script_text.cpp), so the two
// always accept the same names (docs/drills.md).
#include <array>
#include <string_view>

#include "engine/core/intervention.hpp"

namespace ss::scenarios {

struct InjectKindName {
  std::string_view name;
  Intervention::Kind kind;
};

inline constexpr std::array<InjectKindName, 10> kInjectKinds = {{
    {"close_road", Intervention::Kind::CloseRoad},
    {"open_road", Intervention::Kind::OpenRoad},
    {"close_shelter", Intervention::Kind::CloseShelter},
    {"open_shelter", Intervention::Kind::OpenShelter},
    {"delay_team", Intervention::Kind::DelayTeam},
    {"broadcast", Intervention::Kind::BroadcastWarning},
    {"assist", Intervention::Kind::AddAssistTask},
    {"door_knock", Intervention::Kind::AddDoorKnockTask},
    {"start_fire", Intervention::Kind::StartFire},
    {"request_aid", Intervention::Kind::RequestMutualAid},
}};

}  // namespace ss::scenarios
