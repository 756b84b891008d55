#include "engine/world/population.hpp"

namespace ss {

const char* to_string(Mobility m) {
  switch (m) {
    case Mobility::Walks: return "walks";
    case Mobility::WalkingAid: return "walking_aid";
    case Mobility::Wheelchair: return "wheelchair";
    case Mobility::Bedridden: return "bedridden";
  }
  return "?";
}

bool mobility_from_string(std::string_view s, Mobility& out) {
  for (std::size_t i = 0; i < kMobilityCount; ++i) {
    const auto m = static_cast<Mobility>(i);
    if (s == to_string(m)) {
      out = m;
      return true;
    }
  }
  return false;
}

AgeBand age_band(int age) {
  if (age < 18) return AgeBand::Child;
  if (age < 60) return AgeBand::Adult;
  if (age < 80) return AgeBand::Senior;
  return AgeBand::Elderly;
}

const char* to_string(AgeBand b) {
  switch (b) {
    case AgeBand::Child: return "age_0_17";
    case AgeBand::Adult: return "age_18_59";
    case AgeBand::Senior: return "age_60_79";
    case AgeBand::Elderly: return "age_80_plus";
  }
  return "?";
}

std::string GroupIndex::name(std::size_t g) {
  if (g < kAgeBandCount) return to_string(static_cast<AgeBand>(g));
  if (g < kAgeBandCount + kMobilityCount)
    return std::string("mobility_") + to_string(static_cast<Mobility>(g - kAgeBandCount));
  return g == of_alone(true) ? "lives_alone" : "lives_with_others";
}

ResidentId Population::add(int age_years, Mobility m, bool alone, bool assistance, HouseholdId hh,
                           Vec2 home_pos, BuildingId building) {
  const ResidentId id{age.size()};
  age.push_back(static_cast<std::uint8_t>(age_years < 0 ? 0 : (age_years > 120 ? 120 : age_years)));
  mobility.push_back(m);
  lives_alone.push_back(alone ? 1 : 0);
  needs_assistance.push_back(assistance ? 1 : 0);
  household.push_back(hh);
  home.push_back(home_pos);
  home_building.push_back(building);
  return id;
}

}  // namespace ss
