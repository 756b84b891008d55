#include "engine/hazards/hazard.hpp"

namespace ss {

const char* to_string(MoverClass c) {
  switch (c) {
    case MoverClass::Adult: return "adults";
    case MoverClass::ElderlyOrChild: return "elderly_children";
    case MoverClass::Wheelchair: return "wheelchair";
    case MoverClass::TeamOnFoot: return "teams_on_foot";
    case MoverClass::Vehicle: return "vehicles";
  }
  return "?";
}

// Age bands of Bernardini et al. 2020 (children up to 12) and the usual 65+ band of
// the elderly; people with a walking aid share the elderly's limits.
MoverClass mover_class(int age, Mobility m) {
  if (m == Mobility::Wheelchair) return MoverClass::Wheelchair;
  if (age <= 12 || age >= 65 || m == Mobility::WalkingAid || m == Mobility::Bedridden)
    return MoverClass::ElderlyOrChild;
  return MoverClass::Adult;
}

}  // namespace ss
