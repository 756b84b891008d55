#pragma once
// Sizes of what the map draws, in screen pixels at UI scale 1, in one place; the
// sizes in effect are these times the UI scale (map_sizes below), so that on a
// projector the map's marks grow with the text. Colours are in gui/palette.hpp.
#include <algorithm>
#include <cmath>

namespace ss::gui::style {

// Residents: the dot size is the user's (ViewState::dot_px, 3 px by default); late
// residents (gui/late_residents.hpp) are squares of kLateDotPx with a dark rim of
// kLateRimPx: 7 px in all, more than twice the default dot, so they read at a glance
// on a projector without burying the map when thousands are late.
inline constexpr float kLateDotPx = 5.0f;
inline constexpr float kLateRimPx = 1.0f;
// The selected resident: a hollow ring kSelectRingGapPx outside its dot, of bars
// kSelectRingBarPx thick (thin enough to keep the dot's own colour visible).
inline constexpr float kSelectRingGapPx = 4.0f;
inline constexpr float kSelectRingBarPx = 2.0f;
// Teams: outlined diamonds (half-diagonal), larger than dots since teams are few;
// their route ahead as a line along the streets on a dark casing kTeamCasingPx wider.
inline constexpr float kTeamHalfPx = 6.0f;
inline constexpr float kTeamRimPx = 2.0f;
inline constexpr float kTeamRouteWidthPx = 3.0f;
inline constexpr float kTeamCasingPx = 2.0f;
// Shelters: a rimmed square and a fill bar beside it, kShelterBarGapPx right of the
// square, with a kShelterBarRimPx dark frame; the name kShelterNameGapPx right of the bar.
inline constexpr float kShelterHalfPx = 4.0f;
inline constexpr float kShelterRimPx = 1.0f;
inline constexpr float kShelterBarHeightPx = 16.0f;
inline constexpr float kShelterBarWidthPx = 4.0f;
inline constexpr float kShelterBarGapPx = 3.0f;
inline constexpr float kShelterBarRimPx = 1.0f;
inline constexpr float kShelterNameGapPx = 4.0f;
// Streets drawn over the map: closed ones at least this wide, whatever the zoom.
inline constexpr float kClosedStreetMinPx = 5.0f;
inline constexpr float kFloodedStreetMinPx = 4.0f;
inline constexpr float kCrowdedStreetMinPx = 3.0f;
// The selected street: at least kSelectedStreetMinPx, with a halo kSelectedHaloPx wider.
inline constexpr float kSelectedStreetMinPx = 3.0f;
inline constexpr float kSelectedHaloPx = 4.0f;
// Zone outlines.
inline constexpr float kZoneEdgePx = 2.0f;
// Labels on the map (zone, room and shelter names): ImGui's font (already built at
// the UI scale) at this scale, on a dark box with this padding; labels that would
// overlap one placed before are left out.
inline constexpr float kLabelFontScale = 1.0f;
inline constexpr float kLabelPadPx = 3.0f;
inline constexpr float kLabelGapPx = 2.0f;
// Clicks: how far from a mark a click still picks it. A little beyond each mark's
// own extent at scale 1 (team diamond with rim 8 px, dots 3 px, shelter square with
// its bar 12 px), so a hand on a touchpad need not hit the exact pixel.
inline constexpr float kPickTeamPx = 9.0f;
inline constexpr float kPickResidentPx = 6.0f;
inline constexpr float kPickShelterPx = 10.0f;
inline constexpr float kPickStreetPx = 10.0f;
// Fire service (gui/fire_service_layers.cpp): lane lines at least kLaneMinPx (a
// footway's kFootLaneMinPx) so a lane class reads zoomed out; blocked lanes at least
// kBlockedMinPx, dashed kDashOnPx on, kDashOffPx off; appliances as squares of
// kApplianceHalfPx (larger than dots, smaller than a team diamond's outline), a
// standing one kApplianceStandingPx smaller, placed kApplianceStepPx apart when
// several stop at one place; stations as squares of kStationHalfPx with a
// kStationRimPx rim; hose and supply lines kHosePx wide; hydrants kHydrantHalfPx
// when zoomed in to a street (0.5 px/m and more), smaller zoomed out (3, 2 px:
// hydrants ~150 m apart are a few pixels apart there).
inline constexpr float kLaneMinPx = 2.0f;
inline constexpr float kFootLaneMinPx = 1.0f;
inline constexpr float kBlockedMinPx = 3.0f;
inline constexpr float kDashOnPx = 7.0f;
inline constexpr float kDashOffPx = 5.0f;
inline constexpr float kApplianceHalfPx = 5.0f;
inline constexpr float kApplianceStandingPx = 1.5f;
inline constexpr float kApplianceStepPx = 2 * kApplianceHalfPx + 3.0f;
inline constexpr float kStationHalfPx = 6.0f;
inline constexpr float kStationRimPx = 2.0f;
inline constexpr float kHosePx = 2.0f;
inline constexpr float kHydrantHalfPx = 4.0f;
inline constexpr float kFireMarkRimPx = 1.5f;  // dark rim of hydrants and appliances
// Legend glyphs in the panel.
inline constexpr float kLegendGlyphPx = 18.0f;
inline constexpr float kLegendRampWidthPx = 200.0f;
inline constexpr float kLegendRampHeightPx = 12.0f;

// A size of `px` at scale 1 at UI scale `ui`.
inline float scaled(float px, float ui) { return px * ui; }
// ... in whole pixels (at least one), for marks rasterised without blending so their
// pixels keep the palette's exact colour.
inline int scaled_int(float px, float ui) { return std::max(1, static_cast<int>(std::lround(px * ui))); }

// The sizes in effect at UI scale `ui` with residents' dots of `dot_px` at scale 1:
// every size the map draws with, computed here only. At scale 1 each is the
// constant above, so the default drawing is unchanged.
struct MapSizes {
  float ui = 1.0f;
  int dot = 3;  // residents' dots, px square
  int late_dot = 5, late_rim = 1;
  float ring_gap = kSelectRingGapPx, ring_bar = kSelectRingBarPx;
  float team_half = kTeamHalfPx, team_rim = kTeamRimPx, team_route = kTeamRouteWidthPx,
        team_casing = kTeamCasingPx;
  float shelter_half = kShelterHalfPx, shelter_rim = kShelterRimPx;
  float shelter_bar_h = kShelterBarHeightPx, shelter_bar_w = kShelterBarWidthPx;
  float shelter_bar_gap = kShelterBarGapPx, shelter_bar_rim = kShelterBarRimPx,
        shelter_name_gap = kShelterNameGapPx;
  float closed_min = kClosedStreetMinPx, flooded_min = kFloodedStreetMinPx, crowded_min = kCrowdedStreetMinPx;
  float selected_min = kSelectedStreetMinPx, selected_halo = kSelectedHaloPx;
  float zone_edge = kZoneEdgePx;
  float label_pad = kLabelPadPx, label_gap = kLabelGapPx;
  float pick_team = kPickTeamPx, pick_resident = kPickResidentPx, pick_shelter = kPickShelterPx,
        pick_street = kPickStreetPx;
};

inline MapSizes map_sizes(float ui, float dot_px) {
  MapSizes s;
  s.ui = ui;
  s.dot = scaled_int(dot_px, ui);
  s.late_dot = scaled_int(kLateDotPx, ui);
  s.late_rim = scaled_int(kLateRimPx, ui);
  s.ring_gap = scaled(kSelectRingGapPx, ui);
  s.ring_bar = scaled(kSelectRingBarPx, ui);
  s.team_half = scaled(kTeamHalfPx, ui);
  s.team_rim = scaled(kTeamRimPx, ui);
  s.team_route = scaled(kTeamRouteWidthPx, ui);
  s.team_casing = scaled(kTeamCasingPx, ui);
  s.shelter_half = scaled(kShelterHalfPx, ui);
  s.shelter_rim = scaled(kShelterRimPx, ui);
  s.shelter_bar_h = scaled(kShelterBarHeightPx, ui);
  s.shelter_bar_w = scaled(kShelterBarWidthPx, ui);
  s.shelter_bar_gap = scaled(kShelterBarGapPx, ui);
  s.shelter_bar_rim = scaled(kShelterBarRimPx, ui);
  s.shelter_name_gap = scaled(kShelterNameGapPx, ui);
  s.closed_min = scaled(kClosedStreetMinPx, ui);
  s.flooded_min = scaled(kFloodedStreetMinPx, ui);
  s.crowded_min = scaled(kCrowdedStreetMinPx, ui);
  s.selected_min = scaled(kSelectedStreetMinPx, ui);
  s.selected_halo = scaled(kSelectedHaloPx, ui);
  s.zone_edge = scaled(kZoneEdgePx, ui);
  s.label_pad = scaled(kLabelPadPx, ui);
  s.label_gap = scaled(kLabelGapPx, ui);
  s.pick_team = scaled(kPickTeamPx, ui);
  s.pick_resident = scaled(kPickResidentPx, ui);
  s.pick_shelter = scaled(kPickShelterPx, ui);
  s.pick_street = scaled(kPickStreetPx, ui);
  return s;
}

}  // namespace ss::gui::style
