#pragma once
// Sizes of what the map draws, in screen pixels, in one place so that a UI scale
// factor can be applied to all of them at once. Colours are in gui/palette.hpp.
namespace ss::gui::style {

// Residents: the dot size is the user's (ViewState::dot_px, 3 px by default); late
// residents (gui/late_residents.hpp) are squares of kLateDotPx with a dark rim of
// kLateRimPx: 7 px in all, more than twice the default dot, so they read at a glance
// on a projector without burying the map when thousands are late.
inline constexpr float kLateDotPx = 5.0f;
inline constexpr float kLateRimPx = 1.0f;
// Teams: outlined diamonds (half-diagonal), larger than dots since teams are few;
// their route ahead as a line along the streets.
inline constexpr float kTeamHalfPx = 6.0f;
inline constexpr float kTeamRimPx = 2.0f;
inline constexpr float kTeamRouteWidthPx = 3.0f;
// Shelters: a rimmed square and a fill bar beside it.
inline constexpr float kShelterHalfPx = 4.0f;
inline constexpr float kShelterRimPx = 1.0f;
inline constexpr float kShelterBarHeightPx = 16.0f;
inline constexpr float kShelterBarWidthPx = 4.0f;
// Streets drawn over the map: closed ones at least this wide, whatever the zoom.
inline constexpr float kClosedStreetMinPx = 5.0f;
inline constexpr float kFloodedStreetMinPx = 4.0f;
inline constexpr float kCrowdedStreetMinPx = 3.0f;
// Zone outlines.
inline constexpr float kZoneEdgePx = 2.0f;
// Labels on the map (zone, room and shelter names): ImGui's font at this scale, on a
// dark box with this padding; labels that would overlap one placed before are left out.
inline constexpr float kLabelFontScale = 1.0f;
inline constexpr float kLabelPadPx = 3.0f;
inline constexpr float kLabelGapPx = 2.0f;
// Legend glyphs in the panel.
inline constexpr float kLegendGlyphPx = 18.0f;
inline constexpr float kLegendRampWidthPx = 200.0f;

}  // namespace ss::gui::style
