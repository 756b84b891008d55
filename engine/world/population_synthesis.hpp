#pragma once
// Synthesis of a resident population where no registry exists: homes in the
// residential buildings of the World, households of realistic sizes, and profiles
// (age, mobility, lives alone, needs assistance) drawn from shares. Pure engine
// code: no I/O; deterministic for a seed through the counter-based RNG.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/world/population.hpp"
#include "engine/world/world.hpp"

namespace ss {

// Profile shares. Defaults: the planning setting in DESIGN.md and German official
// statistics for 2019; the mobility shares are planning assumptions (no published
// per-district figure) that a subdistrict should replace with its own.
struct ProfileShares {
  double aged_60_plus = 0.198;  // of all people (DESIGN.md planning figure)
  // Destatis, population by age groups 31.12.2019: 5.9 M aged 80+ of 24.0 M aged 60+.
  double aged_80_plus_of_60_plus = 0.24;
  // Destatis 31.12.2019: 13.7 M under 18 of 83.2 M people.
  double children = 0.165;
  // Mikrozensus 2019: about one in three people aged 65+ lives alone; the 60–64
  // band less often, hence slightly under a third for 60+.
  double lives_alone_of_60_plus = 0.30;
  // Mobility among people aged 60+ and among everybody else (assumptions).
  double walking_aid_of_60_plus = 0.12;
  double wheelchair_of_60_plus = 0.03;
  double bedridden_of_60_plus = 0.01;
  double walking_aid_of_others = 0.01;
  double wheelchair_of_others = 0.005;
  double bedridden_of_others = 0.001;
};

// Who cannot leave home without a team.
struct AssistanceRules {
  bool bedridden = true;                // always
  bool wheelchair_living_alone = true;  // nobody at home to help through doors and steps
  bool walking_aid_living_alone = false;
  double extra_share_of_60_plus_alone = 0.0;  // further share of people 60+ living alone (e.g. dementia)
};

// Which buildings hold homes and how much floor area each one has.
struct BuildingRules {
  // building=* values that never hold homes (OSM wiki Key:building; outbuildings,
  // roofs and non-residential uses).
  std::vector<std::string> excluded_kinds{
      "garage",        "garages",        "shed",        "carport",      "hut",
      "roof",          "cabin",          "barn",        "stable",       "farm_auxiliary",
      "greenhouse",    "industrial",     "warehouse",   "commercial",   "retail",
      "office",        "shop",           "supermarket", "kiosk",        "religious",
      "church",        "chapel",         "cathedral",   "mosque",       "synagogue",
      "temple",        "mortuary",       "school",      "kindergarten", "university",
      "college",       "hospital",       "public",      "civic",        "government",
      "train_station", "transportation", "parking",     "service",      "transformer_tower",
      "water_tower",   "grandstand",     "sports_hall", "construction", "ruins",
      "bunker",        "toilets",        "no"};
  // amenity=* values on a building that mean it is not a home.
  std::vector<std::string> excluded_amenities{
      "school",     "kindergarten", "college",    "university", "hospital", "place_of_worship",
      "townhall",   "fire_station", "police",     "parking",    "library",  "community_centre",
      "restaurant", "pub",          "cafe",       "bank",       "pharmacy", "fuel",
      "theatre",    "cinema",       "marketplace"};
  // building=* values that are homes wherever they stand.
  std::vector<std::string> residential_kinds{
      "house",   "apartments", "residential", "detached", "semidetached_house",
      "terrace", "bungalow",   "dormitory",   "farm",     "static_caravan"};
  // Land uses (World::areas kind) where an untyped building=yes is not a home.
  std::vector<std::string> nonresidential_landuse{"industrial", "commercial",   "retail",  "railway",
                                                  "military",   "construction", "cemetery"};
  std::string residential_landuse = "residential";
  // Footprints below this are garden sheds, kiosks or mapping fragments (assumption:
  // the smallest German detached houses have 40–50 m² footprints).
  double min_footprint = 30.0;  // m²
  // Levels when building:levels is not tagged (assumption: two storeys is the
  // common German single-family house).
  int default_levels = 2;
  // Weight of building=yes outside any residential land use, which are often barns,
  // workshops or farm buildings (assumption).
  double outside_residential_weight = 0.5;
};

// Household sizes as shares of households, sizes 1..5 (5 = five or more, counted as 5).
// Destatis, Mikrozensus 2019, households by size: 42.3 %, 33.2 %, 11.9 %, 9.1 %, 3.5 %.
using HouseholdSizeShares = std::array<double, 5>;

// The most residents one scenario synthesizes: a subdistrict has tens of thousands;
// five million is a large city and the most this engine is sized for (a unit slip in a
// density otherwise ends in an allocation failure minutes later).
inline constexpr std::int64_t kMaxSynthesizedResidents = 5'000'000;

struct SynthesisParams {
  // Either a total (> 0) or a density per km² of residential floor area (> 0).
  std::int64_t total = 0;              // persons
  double density_per_km2_floor = 0.0;  // persons per km² of weighted floor area
  ProfileShares shares;
  AssistanceRules assistance;
  BuildingRules buildings;
  HouseholdSizeShares household_sizes{0.423, 0.332, 0.119, 0.091, 0.035};
};

// Why a building holds nobody, in report order.
enum class BuildingExclusion : std::uint8_t {
  ExcludedKind,           // garage, shed, church, ...
  NonResidentialAmenity,  // amenity=school on the building, ...
  TooSmall,               // footprint below min_footprint
  NonResidentialLanduse,  // building=yes inside industrial/commercial/... land use
  Degenerate,             // no area (broken outline)
};
inline constexpr std::size_t kBuildingExclusionCount = 5;
const char* to_string(BuildingExclusion e);

struct SynthesisReport {
  std::size_t buildings_total = 0;
  std::size_t buildings_used = 0;       // residential buildings that may hold homes
  std::size_t buildings_inhabited = 0;  // of those, buildings given at least one person
  std::array<std::size_t, kBuildingExclusionCount> excluded{};  // by BuildingExclusion
  std::size_t in_residential_landuse = 0;                       // used buildings inside residential land use
  double floor_area_m2 = 0.0;                                   // weighted residential floor area
  std::int64_t people = 0;
  std::size_t households = 0;
  std::array<std::size_t, GroupIndex::kCount> people_by_group{};
  std::size_t needs_assistance = 0;
  std::vector<std::string> notes;
};

// Per-building result of the classification, exposed for tests and the GUI.
struct BuildingWeights {
  std::vector<double> weight;          // m² of weighted floor area, 0 = no homes, (buildings)
  std::vector<std::int8_t> exclusion;  // BuildingExclusion or -1 when used, (buildings)
};
BuildingWeights residential_weights(const World& world, const BuildingRules& rules, SynthesisReport& report);

// Largest-remainder allocation of `total` over weights; ties go to the lower index.
std::vector<std::int64_t> allocate_largest_remainder(const std::vector<double>& weights, std::int64_t total);

// Homes at building centroids. Throws ss::InputError (field under
// "population.synthesize", no file: the caller adds it) when the parameters are
// inconsistent (no total, shares outside [0,1]) or no building can hold homes.
Population synthesize_population(const World& world, const SynthesisParams& params, std::uint64_t seed,
                                 SynthesisReport& report);

}  // namespace ss
