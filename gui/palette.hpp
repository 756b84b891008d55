#pragma once
// View colours, in one place so the map, the legend and the screenshot checker
// (tests/gui/png_check.cpp) agree. View settings never enter the engine.
#include <array>
#include <cstdint>

#include "engine/core/sim_state.hpp"
#include "engine/hazards/fire/fire_service.hpp"
#include "engine/plan/plan_types.hpp"
#include "engine/world/population.hpp"
#include "engine/world/world.hpp"

namespace ss::gui {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  constexpr bool operator==(const Rgb&) const = default;
};

// One palette for every layer, so that no two things a viewer may see at once share
// a colour (tests/gui/legend_test.cpp checks every pair of legend entries for a
// CIE76 distance of at least kMinLegendDeltaE). Sources:
//  - categorical colours where it matters most (resident states, late residents):
//    Okabe & Ito, "Color Universal Design" (2002), the eight colours that stay apart
//    for protanopes, deuteranopes and tritanopes: orange (230,159,0), sky blue
//    (86,180,233), bluish green (0,158,115), yellow (240,228,66), blue (0,114,178),
//    vermillion (213,94,0), reddish purple (204,121,167);
//  - sequential ramps: ColorBrewer 2.0 (Brewer, Harrower, colorbrewer2.org): YlOrRd for
//    crowding, Blues for water depth, Purples for the zone choropleth;
//  - the rest (streets, shelters, teams, the fire and its service) picked by hand to
//    stay at least kMinLegendDeltaE from every other entry; where a colour comes
//    close to another for colour-blind viewers, the glyph differs (residents are
//    squares, teams diamonds, shelters rimmed squares with a fill bar, streets bars).

inline constexpr Rgb kBackground{22, 26, 32};
inline constexpr Rgb kBuildingFill{52, 58, 68};
inline constexpr Rgb kBuildingEdge{74, 82, 95};
// Micro areas: the walkable floor lighter than the night-map background, what is cut
// out of it (walls, obstacles, buildings) as dark as buildings, edges as building
// edges, exits in the open-shelter colour.
inline constexpr Rgb kMicroFloor{78, 86, 100};
inline constexpr Rgb kMicroEdge{150, 160, 176};
inline constexpr Rgb kStreetMajor{200, 170, 110};
inline constexpr Rgb kStreetMinor{135, 148, 119};
inline constexpr Rgb kStreetService{88, 92, 102};
inline constexpr Rgb kStreetFoot{132, 105, 57};
// Closed by the plan or a trainer (an inject, a click): a hot pink-red no hazard uses.
inline constexpr Rgb kStreetClosed{255, 5, 135};
// Closed by water (too deep for adults on foot): cyan, bright over the blue water
// it lies in and apart from the plan's closures.
inline constexpr Rgb kStreetFlooded{0, 240, 255};
inline constexpr Rgb kSelection{255, 255, 255};
// Shelter markers (rimmed squares) and their fill bar, in the shelter's state colour:
// open light green (not the sheltered residents' bluish green), full peach, closed
// dark olive.
inline constexpr Rgb kShelterOpen{100, 255, 150};
inline constexpr Rgb kShelterFull{255, 200, 150};
inline constexpr Rgb kShelterClosed{66, 78, 25};
// Plan targets in the KPI panel: met, missed, deadline still ahead (text, not map).
inline constexpr Rgb kTargetMet{90, 220, 120};
inline constexpr Rgb kTargetMissed{240, 80, 80};
inline constexpr Rgb kTargetOpen{150, 150, 160};
// The timeline scrubber's marks (gui/timeline.cpp): the scenario's scripted injects
// and the decisions taken live. Picked by hand, warm against cool as the event log
// tells injects from interventions, and equal to no other colour of this palette so
// that the screenshot checker can count them in the left panel.
inline constexpr Rgb kTimelineInject{250, 140, 40};
inline constexpr Rgb kTimelineDecision{120, 200, 255};
// Panels are opaque so the checker can find them and the map under them does not
// distract; this is ImGui's dark WindowBg without its transparency.
inline constexpr Rgb kPanelBg{16, 18, 22};
// Error banner over the map, opaque for the same reason.
inline constexpr Rgb kBannerBg{140, 20, 26};

// Resident colours by state, indexed by Status: Okabe-Ito, with a light grey for
// "not warned yet" (no news is no colour).
inline constexpr std::array<Rgb, kStatusCount> kStatusColour{{
    {195, 195, 195},  // Unaware
    {240, 228, 66},   // Preparing: Okabe-Ito yellow
    {86, 180, 233},   // Moving: sky blue
    {0, 158, 115},    // Sheltered: bluish green
    {230, 159, 0},    // WaitingForHelp: orange
    {204, 121, 167},  // Stranded: reddish purple
}};
// Residents not yet safe after the deadline (gui/late_residents.hpp): Okabe-Ito
// vermillion, drawn larger than the other dots.
inline constexpr Rgb kLate{213, 94, 0};

// The other two resident colourings use the same Okabe-Ito colours (only one
// colouring is shown at a time): age bands young to old, mobility from walking to
// bedridden.
inline constexpr std::array<Rgb, kAgeBandCount> kAgeColour{
    {{86, 180, 233}, {195, 195, 195}, {230, 159, 0}, {204, 121, 167}}};
inline constexpr std::array<Rgb, kMobilityCount> kMobilityColour{
    {{195, 195, 195}, {240, 228, 66}, {86, 180, 233}, {204, 121, 167}}};

// Crowding (residents per m² on a street, or per m² of a micro window), in three
// classes after Fruin's levels of service for walkways (Fruin 1971, Pedestrian
// Planning and Design): under 1 P/m² (LOS A-C, free walking), 1-2 P/m² (LOS D-E,
// restricted), 2 P/m² and more (LOS F, jammed). ColorBrewer YlOrRd, classes 3, 4 and
// 7 of 9.
inline constexpr std::array<float, 2> kCrowdingBreaks{1.0f, 2.0f};  // P/m²
inline constexpr std::array<Rgb, 3> kCrowdingColour{{{254, 217, 118}, {254, 178, 76}, {227, 26, 28}}};
inline constexpr std::size_t crowding_class(float rho) {
  return rho < kCrowdingBreaks[0] ? 0 : rho < kCrowdingBreaks[1] ? 1 : 2;
}

// Zones: outlines and names in a pale yellow; the choropleth (gui/zone_layers.hpp) in
// five classes of ColorBrewer Purples (classes 4-8 of 9: the lightest are too close to
// the labels and the greys), light for bad (few safe, long T90), dark for good.
inline constexpr Rgb kZoneEdge{255, 239, 222};
inline constexpr std::array<Rgb, 5> kZoneRamp{
    {{188, 189, 220}, {158, 154, 200}, {128, 125, 186}, {106, 81, 163}, {84, 39, 143}}};

// Water depth: ColorBrewer Blues (classes 4, 7 and 8 of 9 as the stops at 0, 1 and
// 2 m), light for ankle-deep water, dark from kWaterDeepM
// on, more opaque as it deepens so streets stay readable under shallow water. Cells
// with less than kWaterDryM are left out: the solver keeps thin films no one would
// call wet. The terrain under it is shaded in greys and browns only
// (MapLayers::build_terrain), so water is the one blue ground on the map.
inline constexpr float kWaterDryM = 0.02f;
inline constexpr float kWaterDeepM = 2.0f;
inline constexpr Rgb kWaterShallow{158, 202, 225};
inline constexpr Rgb kWaterMid{33, 113, 181};
inline constexpr Rgb kWaterDeep{8, 81, 156};
// The flood's low-lying zone (FloodDesc::low_lying): a dark teal tint.
inline constexpr Rgb kLowLying{0, 100, 100};
inline constexpr std::uint8_t kLowLyingAlpha = 90;
struct Rgba {
  Rgb rgb;
  std::uint8_t a = 255;
};
inline constexpr Rgba water_colour(float depth_m) {
  const float u = depth_m <= kWaterDryM ? 0.0f : depth_m >= kWaterDeepM ? 1.0f : depth_m / kWaterDeepM;
  auto mix = [](std::uint8_t a, std::uint8_t b, float t) {
    return static_cast<std::uint8_t>(a + (b - a) * t);
  };
  const Rgb lo = u < 0.5f ? kWaterShallow : kWaterMid, hi = u < 0.5f ? kWaterMid : kWaterDeep;
  const float t = u < 0.5f ? 2 * u : 2 * u - 1;
  return {{mix(lo.r, hi.r, t), mix(lo.g, hi.g, t), mix(lo.b, hi.b, t)},
          static_cast<std::uint8_t>(140 + 90 * u)};
}

// Fire: buildings by their fire state (FireRun::state_of), drawn opaque over the
// building layer so they keep these exact colours (the screenshot checker counts
// them): ignited orange, fully involved a light red, burnt out nearly black.
inline constexpr Rgb kFireIgnited{255, 140, 30};
inline constexpr Rgb kFireFull{255, 90, 60};
inline constexpr Rgb kFireBurntOut{12, 10, 10};
// Put out (by the fire service or residents) before it burnt out: blue-grey, wet and
// cold, apart from the building fill and not blue enough to pass for flood water.
inline constexpr Rgb kFireExtinguished{90, 130, 175};
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
// closed by a barrier or known obstruction dark crimson, not for vehicles (footways,
// paths, steps) dim. This run's blocked lanes (cars drawn for the seed, obstructions
// crews find) are near-white over the lane, like road markings: dashed while dispatch
// does not know of them, solid once a crew met them.
inline constexpr Rgb kLaneUsable{0, 175, 165};
inline constexpr Rgb kLaneLimited{200, 110, 240};
inline constexpr Rgb kLaneClosed{150, 0, 60};
inline constexpr Rgb kLaneNoVehicles{92, 78, 66};
inline constexpr Rgb kLaneBlocked{235, 235, 250};
// Hydrants as small diamonds: working water-blue, out of service dull brown-grey.
inline constexpr Rgb kHydrantWorking{60, 140, 255};
inline constexpr Rgb kHydrantOut{175, 140, 120};
// Stations as larger squares with a white border and their name.
inline constexpr Rgb kStation{230, 40, 110};
// Appliances by ApplianceKind, as outlined squares: pumper light red, turntable
// ladder amber, water tender pale blue.
inline constexpr std::array<Rgb, kApplianceKindCount> kApplianceColour{{
    {255, 120, 120},  // Pumper
    {238, 193, 31},   // Ladder
    {159, 240, 255},  // Tanker
}};
// Hose from where an appliance stopped to the building it attacks, and the supply
// line from the hydrant it connected to.
inline constexpr Rgb kHose{255, 250, 185};
inline constexpr Rgb kSupplyLine{180, 255, 220};

// Responder teams by TeamKind; drawn as outlined diamonds along their route, which
// is drawn in the same colour.
inline constexpr std::array<Rgb, kTeamKindCount> kTeamColour{{
    {255, 175, 220},  // Subdistrict: pink
    {120, 40, 0},     // Fire: dark brown-red (not a fire or resident colour)
    {150, 255, 0},    // Medical: lime
    {40, 60, 200},    // Police: blue
    {150, 80, 255},   // Volunteers: violet
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
