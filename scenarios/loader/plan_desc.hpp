#pragma once
// The plan's warning channels, teams and targets as the scenario file states them
// (plain description structs; part of PlanDesc). Names and coordinates are resolved
// into the engine's Plan by assemble() (scenarios/loader/plan_assembly.cpp).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/plan/plan_types.hpp"

namespace ss::scenarios {

using LonLat = std::pair<double, double>;  // degrees, WGS 84

// Which homes a channel or door-knocking targets: zones by name, the N lowest-lying
// zones (mean terrain elevation of their homes), a polygon, or the flood's low-lying
// zone. All empty: everyone.
struct TargetAreaDesc {
  bool all = false;  // every zone
  std::vector<std::string> zones;
  std::size_t lowest_zones = 0;
  std::vector<LonLat> area;
  bool low_lying = false;  // homes in the flood's low-lying zone (flood.low_lying)
};

struct ChannelDesc {
  std::string name;
  ChannelKind kind = ChannelKind::Other;
  double start =
      0.0;  // s after the plan's warning_time (activation), so a later warning delays every channel
  double reach = 1.0;
  std::array<double, GroupIndex::kCount> reach_factor{[] {
    std::array<double, GroupIndex::kCount> a{};
    a.fill(1.0);
    return a;
  }()};
  double delay_median = 0.0, delay_sigma_ln = 0.0;  // s, -
  TargetAreaDesc target;
  std::vector<LonLat> route;                            // loudspeaker car
  double route_speed = WarningChannel{}.route_speed;    // m/s
  double route_radius = WarningChannel{}.route_radius;  // m
};

// Where a team starts: coordinates, or the nearest map feature with amenity=<value>
// (buildings and areas) to `near` (default: the centre of the map).
struct DepotDesc {
  std::optional<LonLat> at;
  std::string amenity;
  std::optional<LonLat> near;
};

struct TeamDesc {
  Team team;  // everything but the depot, engine defaults filled
  DepotDesc depot;
  std::int64_t count = 1;  // identical squads "<name> 1" ... "<name> count"
  std::string field;       // "plan.teams[3]", for errors found while assembling
};

// An offer of mutual aid (plan.mutual_aid[k]): teams that come when asked for.
struct MutualAidDesc {
  MutualAid aid;  // name, from, delay
  std::vector<TeamDesc> teams;
  std::string field;  // "plan.mutual_aid[0]"
};

struct PlanTeamsDesc {
  std::vector<ChannelDesc> channels;
  bool channels_given = false;  // `channels:` present, even empty: no implicit everyone-at-once warning
  WordOfMouth word_of_mouth;
  Compliance compliance;
  std::vector<TeamDesc> teams;
  std::vector<MutualAidDesc> mutual_aid;
  TargetAreaDesc door_knock;  // empty: no door-knocking
  bool door_knock_set = false;
  bool assist_needing_help = true;
  TaskTimes task_times;
  std::vector<PlanTarget> targets;
  double max_depot_distance = 300.0;  // m from a street; farther is an input error
};

}  // namespace ss::scenarios
