#pragma once
// Residents' fixed profiles in dense arrays indexed by ResidentId. The profile is
// part of the immutable model; what changes during a run lives in SimState.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/world/geometry.hpp"

namespace ss {

enum class Mobility : std::uint8_t { Walks, WalkingAid, Wheelchair, Bedridden };
inline constexpr std::size_t kMobilityCount = 4;
const char* to_string(Mobility m);
bool mobility_from_string(std::string_view s, Mobility& out);

// Age bands used for reporting; boundaries follow the planning setting
// (DESIGN.md: share of people aged 60 or older) with 80+ as the frailest band.
enum class AgeBand : std::uint8_t { Child, Adult, Senior, Elderly };  // 0-17, 18-59, 60-79, 80+
inline constexpr std::size_t kAgeBandCount = 4;
AgeBand age_band(int age);
const char* to_string(AgeBand b);

struct Population {
  std::vector<std::uint8_t> age;               // years, (residents)
  std::vector<Mobility> mobility;              // (residents)
  std::vector<std::uint8_t> lives_alone;       // 0/1, (residents)
  std::vector<std::uint8_t> needs_assistance;  // 0/1: cannot leave without a team, (residents)
  std::vector<HouseholdId> household;          // (residents)
  std::vector<Vec2> home;                      // m, local CRS, (residents)
  std::vector<BuildingId> home_building;       // invalid when not known, (residents)

  [[nodiscard]] std::size_t size() const { return age.size(); }
  ResidentId add(int age_years, Mobility m, bool alone, bool assistance, HouseholdId hh, Vec2 home_pos,
                 BuildingId building = {});
};

// Reporting groups. Each resident belongs to one age band, one mobility class and
// one lives-alone class; curves are kept for each of these groups.
enum class GroupAxis : std::uint8_t { AgeBand, Mobility, LivesAlone };
struct GroupIndex {
  // Flat group index: [0,4) age bands, [4,8) mobility, [8,10) lives alone (no, yes).
  static constexpr std::size_t kCount = kAgeBandCount + kMobilityCount + 2;
  static std::size_t of_age(AgeBand b) { return static_cast<std::size_t>(b); }
  static std::size_t of_mobility(Mobility m) { return kAgeBandCount + static_cast<std::size_t>(m); }
  static std::size_t of_alone(bool a) { return kAgeBandCount + kMobilityCount + (a ? 1 : 0); }
  static std::string name(std::size_t g);  // e.g. "age_60_79", "mobility_wheelchair", "lives_alone"
};

}  // namespace ss
