#pragma once
// Every legend entry of every map layer, in one table: the legend panel
// (gui/panel_legend.cpp) draws from it, the map draws with the same palette
// constants it names, and tests/gui/legend_test.cpp checks that no two entries a
// viewer can see at once are too close in colour. Header-only and free of SFML and
// ImGui so the test can read it.
#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "gui/palette.hpp"

namespace ss::gui {

// The layers with legend entries (the map's switches, view_state.hpp, plus the
// resident colourings and the zone measures, each shown one at a time).
enum class LegendLayer : std::uint8_t {
  ResidentsByState,
  ResidentsByAge,
  ResidentsByMobility,
  LateResidents,
  Streets,
  ClosedRoads,
  FloodedRoads,
  Crowding,
  Shelters,
  Teams,
  Zones,
  ZoneShareSafe,
  ZoneT90,
  Water,
  LowLying,
  Fire,
  Smoke,
  Lanes,
  Hydrants,
  Stations,
  Engines,
};

// How an entry is drawn in the legend, as the map draws it: a resident square, a
// bar (street, crowding class), a dashed bar (blocked lane), a diamond (team,
// hydrant), a rimmed square (shelter, appliance), a station square, a thin line
// (hose), a zone's outline, a filled patch (choropleth class, low-lying zone), or a
// stop of a continuous ramp (water depth, smoke).
enum class Glyph : std::uint8_t {
  Dot,
  LateDot,
  Bar,
  Dashed,
  Diamond,
  Square,
  Station,
  Line,
  Outline,
  Patch,
  Ramp
};

struct LegendEntry {
  LegendLayer layer = LegendLayer::Streets;
  const char* label = "";
  Rgb colour;
  Glyph glyph = Glyph::Bar;
  // True when the entry repeats the colour of another entry on purpose (a zone
  // without residents keeps only its outline): left out of the distance check.
  bool repeats = false;
};

// Layers never shown at the same time: the three resident colourings (one is
// chosen), and the two zone measures (one is chosen). 0 = shown with everything.
constexpr int exclusive_group(LegendLayer l) {
  switch (l) {
    case LegendLayer::ResidentsByState:
    case LegendLayer::ResidentsByAge:
    case LegendLayer::ResidentsByMobility: return 1;
    case LegendLayer::ZoneShareSafe:
    case LegendLayer::ZoneT90: return 2;
    default: return 0;
  }
}
constexpr bool shown_together(LegendLayer a, LegendLayer b) {
  return a == b || exclusive_group(a) == 0 || exclusive_group(a) != exclusive_group(b);
}

constexpr const char* legend_title(LegendLayer l) {
  switch (l) {
    case LegendLayer::ResidentsByState: return "Residents by state";
    case LegendLayer::ResidentsByAge: return "Residents by age";
    case LegendLayer::ResidentsByMobility: return "Residents by mobility";
    case LegendLayer::LateResidents: return "Late residents";
    case LegendLayer::Streets: return "Streets";
    case LegendLayer::ClosedRoads: return "Closed streets";
    case LegendLayer::FloodedRoads: return "Flooded streets";
    case LegendLayer::Crowding: return "Crowding";
    case LegendLayer::Shelters: return "Shelters";
    case LegendLayer::Teams: return "Teams";
    case LegendLayer::Zones: return "Zones";
    case LegendLayer::ZoneShareSafe: return "Zones: share safe";
    case LegendLayer::ZoneT90: return "Zones: 90 % safe after (T90)";
    case LegendLayer::Water: return "Water depth";
    case LegendLayer::LowLying: return "Low-lying zone";
    case LegendLayer::Fire: return "Fire";
    case LegendLayer::Smoke: return "Smoke, visibility";
    case LegendLayer::Lanes: return "Fire lanes";
    case LegendLayer::Hydrants: return "Hydrants";
    case LegendLayer::Stations: return "Fire stations";
    case LegendLayer::Engines: return "Fire appliances";
  }
  return "";
}

// Zone choropleth classes (gui/zone_layers.hpp), light = bad to dark = good, the
// order of kZoneRamp. Share safe in fifths; T90 in quarter hours up to an hour, a
// view choice to read at a glance (plan targets set their own times).
inline constexpr std::array<double, 4> kZoneShareBreaks{0.2, 0.4, 0.6, 0.8};       // share of residents safe
inline constexpr std::array<double, 4> kZoneT90BreaksMin{60.0, 45.0, 30.0, 15.0};  // min, longest first

using L = LegendLayer;
inline constexpr LegendEntry kLegend[] = {
    {L::ResidentsByState, "not warned", kStatusColour[0], Glyph::Dot},
    {L::ResidentsByState, "preparing", kStatusColour[1], Glyph::Dot},
    {L::ResidentsByState, "moving", kStatusColour[2], Glyph::Dot},
    {L::ResidentsByState, "sheltered", kStatusColour[3], Glyph::Dot},
    {L::ResidentsByState, "waiting for help", kStatusColour[4], Glyph::Dot},
    {L::ResidentsByState, "stranded", kStatusColour[5], Glyph::Dot},
    {L::ResidentsByAge, "0-17", kAgeColour[0], Glyph::Dot},
    {L::ResidentsByAge, "18-59", kAgeColour[1], Glyph::Dot},
    {L::ResidentsByAge, "60-79", kAgeColour[2], Glyph::Dot},
    {L::ResidentsByAge, "80+", kAgeColour[3], Glyph::Dot},
    {L::ResidentsByMobility, "walks", kMobilityColour[0], Glyph::Dot},
    {L::ResidentsByMobility, "walking aid", kMobilityColour[1], Glyph::Dot},
    {L::ResidentsByMobility, "wheelchair", kMobilityColour[2], Glyph::Dot},
    {L::ResidentsByMobility, "bedridden", kMobilityColour[3], Glyph::Dot},
    {L::LateResidents, "not safe after the deadline", kLate, Glyph::LateDot},
    {L::Streets, "main street", kStreetMajor, Glyph::Bar},
    {L::Streets, "minor street", kStreetMinor, Glyph::Bar},
    {L::Streets, "service / track", kStreetService, Glyph::Bar},
    {L::Streets, "footway / path", kStreetFoot, Glyph::Bar},
    {L::ClosedRoads, "closed by plan or inject", kStreetClosed, Glyph::Bar},
    {L::FloodedRoads, "closed by water", kStreetFlooded, Glyph::Bar},
    {L::Crowding, "under 1 P/m\xc2\xb2", kCrowdingColour[0], Glyph::Bar},
    {L::Crowding, "1-2 P/m\xc2\xb2", kCrowdingColour[1], Glyph::Bar},
    {L::Crowding, "2+ P/m\xc2\xb2 (jammed)", kCrowdingColour[2], Glyph::Bar},
    {L::Shelters, "open (bar: occupancy)", kShelterOpen, Glyph::Square},
    {L::Shelters, "full", kShelterFull, Glyph::Square},
    {L::Shelters, "closed", kShelterClosed, Glyph::Square},
    {L::Teams, "subdistrict team", kTeamColour[0], Glyph::Diamond},
    {L::Teams, "fire team", kTeamColour[1], Glyph::Diamond},
    {L::Teams, "medical team", kTeamColour[2], Glyph::Diamond},
    {L::Teams, "police team", kTeamColour[3], Glyph::Diamond},
    {L::Teams, "volunteers", kTeamColour[4], Glyph::Diamond},
    {L::Zones, "zone / room and its name", kZoneEdge, Glyph::Outline},
    {L::ZoneShareSafe, "under 20 % safe", kZoneRamp[0], Glyph::Patch},
    {L::ZoneShareSafe, "20-40 %", kZoneRamp[1], Glyph::Patch},
    {L::ZoneShareSafe, "40-60 %", kZoneRamp[2], Glyph::Patch},
    {L::ZoneShareSafe, "60-80 %", kZoneRamp[3], Glyph::Patch},
    {L::ZoneShareSafe, "80 % safe or more", kZoneRamp[4], Glyph::Patch},
    {L::ZoneShareSafe, "no residents", kZoneEdge, Glyph::Outline, true},
    {L::ZoneT90, "over 60 min or not yet", kZoneRamp[0], Glyph::Patch},
    {L::ZoneT90, "45-60 min", kZoneRamp[1], Glyph::Patch},
    {L::ZoneT90, "30-45 min", kZoneRamp[2], Glyph::Patch},
    {L::ZoneT90, "15-30 min", kZoneRamp[3], Glyph::Patch},
    {L::ZoneT90, "15 min or less", kZoneRamp[4], Glyph::Patch},
    {L::ZoneT90, "no residents", kZoneEdge, Glyph::Outline, true},
    {L::Water, "shallow", kWaterShallow, Glyph::Ramp},
    {L::Water, "1 m", kWaterMid, Glyph::Ramp},
    {L::Water, "2+ m", kWaterDeep, Glyph::Ramp},
    {L::LowLying, "floods first", kLowLying, Glyph::Patch},
    {L::Fire, "ignited", kFireIgnited, Glyph::Patch},
    {L::Fire, "fully involved", kFireFull, Glyph::Patch},
    {L::Fire, "burnt out", kFireBurntOut, Glyph::Patch},
    {L::Fire, "put out", kFireExtinguished, Glyph::Patch},
    {L::Smoke, "smoke", kSmoke, Glyph::Ramp},
    {L::Lanes, "lane usable", kLaneUsable, Glyph::Bar},
    {L::Lanes, "narrow / limit", kLaneLimited, Glyph::Bar},
    {L::Lanes, "lane closed", kLaneClosed, Glyph::Bar},
    {L::Lanes, "not for vehicles", kLaneNoVehicles, Glyph::Bar},
    {L::Lanes, "blocked this run", kLaneBlocked, Glyph::Dashed},
    {L::Hydrants, "hydrant", kHydrantWorking, Glyph::Diamond},
    {L::Hydrants, "out of service", kHydrantOut, Glyph::Diamond},
    {L::Stations, "station", kStation, Glyph::Station},
    {L::Engines, "pumper", kApplianceColour[0], Glyph::Square},
    {L::Engines, "ladder", kApplianceColour[1], Glyph::Square},
    {L::Engines, "tanker", kApplianceColour[2], Glyph::Square},
    {L::Engines, "hose", kHose, Glyph::Line},
    {L::Engines, "supply line", kSupplyLine, Glyph::Line},
};

// CIE76 colour difference (ΔE*ab) between two sRGB colours, D65 white: the distance
// in CIELAB. Mokrzycki & Tatol (2011, "Colour difference ΔE - a survey") rate
// ΔE > 5 as "two different colours" to an observer; a legend read at a glance from
// the back of a room, on small glyphs and a washed-out projector, gets three times
// that. The classes of one sequential ramp are read in order against their legend,
// so adjacent classes need only twice that (ColorBrewer's own 5-class ramps step by
// about 10-20).
inline constexpr double kMinLegendDeltaE = 15.0;
inline constexpr double kMinRampStepDeltaE = 10.0;
// The layers drawn as the classes of one sequential ramp.
constexpr bool is_ramp(LegendLayer l) {
  return l == LegendLayer::Crowding || l == LegendLayer::ZoneShareSafe || l == LegendLayer::ZoneT90 ||
         l == LegendLayer::Water;
}
// The smallest distance two entries shown together must keep.
constexpr double min_delta_e(const LegendEntry& a, const LegendEntry& b) {
  return a.layer == b.layer && is_ramp(a.layer) ? kMinRampStepDeltaE : kMinLegendDeltaE;
}
// sRGB to CIELAB: IEC 61966-2-1 linearisation and matrix, CIE 15:2004 Lab.
struct Lab {
  double l = 0, a = 0, b = 0;
};
inline Lab to_lab(Rgb c) {
  auto lin = [](std::uint8_t v) {
    const double u = v / 255.0;
    return u <= 0.04045 ? u / 12.92 : std::pow((u + 0.055) / 1.055, 2.4);
  };
  const double r = lin(c.r), g = lin(c.g), b = lin(c.b);
  const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  auto f = [](double t) { return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0; };
  return {116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))};
}
inline double delta_e76(Rgb a, Rgb b) {
  const Lab p = to_lab(a), q = to_lab(b);
  return std::sqrt((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b));
}

}  // namespace ss::gui
