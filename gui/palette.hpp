#pragma once
// View colours, in one place so the map, the legend and the screenshot checker
// (tests/gui/png_check.cpp) agree. View settings never enter the engine.
#include <array>
#include <cstdint>

#include "engine/hazards/fire/fire_service.hpp"
#include "engine/plan/plan_types.hpp"
#include "engine/world/population.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/world/world.hpp"

namespace ss::gui {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  constexpr bool operator==(const Rgb&) const = default;
};

inline constexpr Rgb kBackground{22, 26, 32};
inline constexpr Rgb kBuildingFill{52, 58, 68};
inline constexpr Rgb kBuildingEdge{74, 82, 95};
// Micro areas: the walkable floor lighter than the night-map background, what is cut
// out of it (walls, obstacles, buildings) as dark as buildings, edges as building
// edges, exits in the shelter green.
inline constexpr Rgb kMicroFloor{78, 86, 100};
inline constexpr Rgb kMicroEdge{150, 160, 176};
inline constexpr Rgb kStreetMajor{214, 178, 110};
inline constexpr Rgb kStreetMinor{150, 158, 170};
inline constexpr Rgb kStreetService{112, 120, 132};
inline constexpr Rgb kStreetFoot{124, 110, 92};
inline constexpr Rgb kStreetClosed{235, 35, 45};
inline constexpr Rgb kSelection{255, 255, 255};
inline constexpr Rgb kShelterOpen{70, 230, 120};
// Plan targets in the KPI panel: met, missed, deadline still ahead.
inline constexpr Rgb kTargetMet{90, 220, 120};
inline constexpr Rgb kTargetMissed{240, 80, 80};
inline constexpr Rgb kTargetOpen{150, 150, 160};
inline constexpr Rgb kShelterFull{255, 150, 40};
inline constexpr Rgb kShelterClosed{120, 120, 120};
// Panels are opaque so the checker can find them and the map under them does not
// distract; this is ImGui's dark WindowBg without its transparency.
inline constexpr Rgb kPanelBg{16, 18, 22};
// Error banner over the map, opaque for the same reason.
inline constexpr Rgb kBannerBg{140, 20, 26};

// Resident colours by state, indexed by Status. Chosen to stay apart for the common
// colour-vision deficiencies (yellow / blue / orange / grey) where it matters most:
// moving vs waiting vs stranded.
inline constexpr std::array<Rgb, kStatusCount> kStatusColour{{
    {165, 165, 185},  // Unaware
    {255, 220, 0},    // Preparing
    {0, 190, 255},    // Moving
    {60, 220, 90},    // Sheltered
    {255, 120, 0},    // WaitingForHelp
    {255, 40, 200},   // Stranded
}};

inline constexpr std::array<Rgb, kAgeBandCount> kAgeColour{{
    {120, 200, 255}, {200, 200, 200}, {255, 190, 60}, {255, 80, 80}}};
inline constexpr std::array<Rgb, kMobilityCount> kMobilityColour{{
    {200, 200, 200}, {255, 200, 0}, {0, 190, 255}, {255, 60, 200}}};

// Water depth: light blue for ankle-deep water, dark blue from kWaterDeepM on, more
// opaque as it deepens so streets stay readable under shallow water. Cells with less
// than kWaterDryM are left out: the solver keeps thin films no one would call wet.
inline constexpr float kWaterDryM = 0.02f;
inline constexpr float kWaterDeepM = 2.0f;
inline constexpr Rgb kWaterShallow{120, 190, 255};
inline constexpr Rgb kWaterDeep{20, 60, 200};
struct Rgba {
  Rgb rgb;
  std::uint8_t a = 255;
};
inline constexpr Rgba water_colour(float depth_m) {
  const float u = depth_m <= kWaterDryM ? 0.0f : depth_m >= kWaterDeepM ? 1.0f : depth_m / kWaterDeepM;
  auto mix = [u](std::uint8_t a, std::uint8_t b) { return static_cast<std::uint8_t>(a + (b - a) * u); };
  return {{mix(kWaterShallow.r, kWaterDeep.r), mix(kWaterShallow.g, kWaterDeep.g), mix(kWaterShallow.b, kWaterDeep.b)},
          static_cast<std::uint8_t>(110 + 110 * u)};
}

// Fire: buildings by their fire state (FireRun::state_of), drawn opaque over the
// building layer so they keep these exact colours (the screenshot checker counts
// them): ignited orange, fully involved red, burnt out nearly black. None of them is
// a resident, street or shelter colour.
inline constexpr Rgb kFireIgnited{255, 140, 30};
inline constexpr Rgb kFireFull{230, 25, 25};
inline constexpr Rgb kFireBurntOut{12, 10, 10};
// Put out (by the fire service or residents) before it burnt out: blue-grey, wet and
// cold, apart from the building fill and not blue enough to pass for flood water.
inline constexpr Rgb kFireExtinguished{105, 125, 150};
// Smoke: one grey, more opaque as the visibility through it falls (visibility = C/K,
// engine/hazards/fire/smoke.hpp). Clear from kSmokeClearM on, a faint haze at
// kSmokeFaintM, nearly opaque at the tenability limit kSmokeThickM (10 m: streets
// close to walkers) and below; log-linear in between.
inline constexpr Rgb kSmoke{150, 150, 152};
inline constexpr float kSmokeClearM = 1000.0f;
inline constexpr float kSmokeFaintM = 100.0f;
inline constexpr float kSmokeThickM = 10.0f;
std::uint8_t smoke_alpha(float visibility_m);

// The fire service (gui/fire_service_layers.cpp). Fire lanes: a lane line inside
// each street, narrower than the street so its class colour stays visible at the
// sides: usable by appliances teal, narrow or under a weight/height limit violet,
// closed by a barrier or known obstruction crimson, not for vehicles (footways,
// paths, steps) dim. This run's blocked lanes (cars drawn for the seed, obstructions
// crews find) are near-white over the lane, like road markings: dashed while dispatch
// does not know of them, solid once a crew met them (not yellow: preparing residents
// are). None of these is a resident, street or fire colour.
inline constexpr Rgb kLaneUsable{0, 175, 165};
inline constexpr Rgb kLaneLimited{200, 110, 240};
inline constexpr Rgb kLaneClosed{190, 20, 80};
inline constexpr Rgb kLaneNoVehicles{92, 78, 66};
inline constexpr Rgb kLaneBlocked{235, 235, 250};
// Hydrants as small diamonds: working water-blue, out of service grey.
inline constexpr Rgb kHydrantWorking{60, 140, 255};
inline constexpr Rgb kHydrantOut{150, 128, 140};
// Stations as larger squares with a white border and their name.
inline constexpr Rgb kStation{200, 30, 70};
// Appliances by ApplianceKind, as outlined squares: pumper red, turntable ladder
// amber, water tender light blue.
inline constexpr std::array<Rgb, kApplianceKindCount> kApplianceColour{{
    {255, 70, 70},    // Pumper
    {255, 195, 50},   // Ladder
    {110, 205, 255},  // Tanker
}};
// Hose from where an appliance stopped to the building it attacks, and the supply
// line from the hydrant it connected to.
inline constexpr Rgb kHose{255, 250, 185};
inline constexpr Rgb kSupplyLine{160, 210, 225};

// Responder teams by TeamKind; drawn as outlined diamonds, so they read apart from
// the square resident dots even where a colour is close to a resident state.
inline constexpr std::array<Rgb, kTeamKindCount> kTeamColour{{
    {240, 240, 240},  // Subdistrict
    {255, 60, 40},    // Fire
    {80, 255, 200},   // Medical
    {90, 120, 255},   // Police
    {190, 110, 255},  // Volunteers
}};

inline constexpr Rgb street_colour(StreetKind k) {
  switch (k) {
    case StreetKind::Primary:
    case StreetKind::Secondary:
    case StreetKind::Tertiary: return kStreetMajor;
    case StreetKind::Service:
    case StreetKind::Track: return kStreetService;
    case StreetKind::Pedestrian:
    case StreetKind::Footway:
    case StreetKind::Path:
    case StreetKind::Cycleway:
    case StreetKind::Steps: return kStreetFoot;
    default: return kStreetMinor;
  }
}

// Smallest drawn width in pixels, so a street class stays readable when zoomed out.
inline constexpr float street_min_px(StreetKind k) {
  switch (k) {
    case StreetKind::Primary:
    case StreetKind::Secondary: return 3.0f;
    case StreetKind::Tertiary:
    case StreetKind::Unclassified:
    case StreetKind::Residential:
    case StreetKind::LivingStreet: return 2.0f;
    default: return 1.0f;
  }
}

// Distinct line colours for plots (group curves, shelters), cycled.
Rgb series_colour(std::size_t i);

}  // namespace ss::gui
