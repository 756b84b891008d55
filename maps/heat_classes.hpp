#pragma once
// The colour classes of every heat figure (engine/core/heat_figures.hpp): one table
// for the run folder's QGIS styles (results.gpkg's layer_styles, comparison.gpkg,
// heatmaps/*.qml) and the GUI's heat layers and their legend, so that a planner sees
// the same classes, colours and labels on screen and in QGIS. Header-only, free of
// GDAL; the labels are English (the files' legends) and go through tr() where the
// GUI shows them (every label carries its unit).
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "i18n/language.hpp"

namespace ss::maps {

struct Rgb8 {
  std::uint8_t r = 0, g = 0, b = 0;
};

// A class: values from the previous class's upper bound up to below `upper` (the
// last class is open: its `upper` is 0 and unused), its legend label and colour.
struct HeatClass {
  double upper = 0.0;
  const char* label = "";
  Rgb8 colour{};
};

enum class HeatFigure : std::uint8_t { PeakDensity, QueueMinutes, WaterExposure, SmokeDose, TimeToSafety };

// Crowding after Fruin's level of service for walkways (Fruin 1971, Pedestrian
// Planning and Design, ch. 4: A ≥ 35 ft² per person, B 25–35, C 15–25, D 10–15,
// E 5–10, F under 5), as persons per m²: A under 0.31, B to 0.43, C to 0.72, D to
// 1.08, E to 2.17, F above; ColorBrewer RdYlGn (Brewer 2003), green free to red jammed.
inline constexpr std::array<HeatClass, 6> kDensityClasses{{
    {0.31, tr_noop("A: under 0.31 P/m²"), {26, 152, 80}},
    {0.43, tr_noop("B: 0.31-0.43 P/m²"), {145, 207, 96}},
    {0.72, tr_noop("C: 0.43-0.72 P/m²"), {217, 239, 139}},
    {1.08, tr_noop("D: 0.72-1.08 P/m²"), {254, 224, 139}},
    {2.17, tr_noop("E: 1.08-2.17 P/m²"), {252, 141, 89}},
    {0.0, tr_noop("F: over 2.17 P/m²"), {215, 48, 39}},
}};

// Time with a queue per street: a minute and a quarter of an hour are the steps of
// the planners' targets (planning assumption); ColorBrewer YlOrRd.
inline constexpr std::array<HeatClass, 5> kQueueClasses{{
    {0.5, tr_noop("no queue (under 0.5 min)"), {255, 255, 178}},
    {5.0, tr_noop("0.5-5 min"), {254, 204, 92}},
    {15.0, tr_noop("5-15 min"), {253, 141, 60}},
    {30.0, tr_noop("15-30 min"), {240, 59, 32}},
    {0.0, tr_noop("over 30 min"), {189, 0, 38}},
}};

// Water exposure at the home in metre-hours: an hour at ankle depth (0.1 m·h) up to
// a day at the ground floor's ceiling; the class bounds are planning assumptions
// (the Multi-Coloured Manual's damage rises with both depth and duration, Penning-
// Rowsell et al. 2013); ColorBrewer RdPu (not a blue: the GUI draws the water itself
// in blue under the homes).
inline constexpr std::array<HeatClass, 6> kWaterClasses{{
    {0.1, tr_noop("under 0.1 m·h"), {253, 224, 221}},
    {0.5, tr_noop("0.1-0.5 m·h"), {252, 197, 192}},
    {1.0, tr_noop("0.5-1 m·h"), {250, 159, 181}},
    {3.0, tr_noop("1-3 m·h"), {247, 104, 161}},
    {10.0, tr_noop("3-10 m·h"), {197, 27, 138}},
    {0.0, tr_noop("over 10 m·h"), {122, 1, 119}},
}};

// Smoke dose as a fractional effective dose (ISO 13571:2012): 0.3 is where the
// standard expects susceptible people to be incapacitated, 1 the average person
// (the fire model's fed_exposed and fed_incapacitated defaults, docs/fire.md); 0.1 is
// a planning assumption (a first sign); ColorBrewer OrRd.
inline constexpr std::array<HeatClass, 4> kDoseClasses{{
    {0.1, tr_noop("FED under 0.1"), {254, 232, 200}},
    {0.3, tr_noop("FED 0.1-0.3"), {253, 187, 132}},
    {1.0, tr_noop("FED 0.3-1 (susceptible people incapacitated)"), {227, 74, 51}},
    {0.0, tr_noop("FED over 1 (incapacitated)"), {127, 0, 0}},
}};

// Time to safety in minutes after the start, in half hours (planning assumption: the
// steps of evacuation-time targets); ColorBrewer RdYlGn, green early to red late.
inline constexpr std::array<HeatClass, 5> kSafetyClasses{{
    {30.0, tr_noop("under 30 min"), {26, 150, 65}},
    {60.0, tr_noop("30-60 min"), {166, 217, 106}},
    {90.0, tr_noop("60-90 min"), {255, 255, 191}},
    {120.0, tr_noop("90-120 min"), {253, 174, 97}},
    {0.0, tr_noop("over 2 h"), {215, 25, 28}},
}};

constexpr std::span<const HeatClass> heat_classes(HeatFigure f) {
  switch (f) {
    case HeatFigure::PeakDensity: return kDensityClasses;
    case HeatFigure::QueueMinutes: return kQueueClasses;
    case HeatFigure::WaterExposure: return kWaterClasses;
    case HeatFigure::SmokeDose: return kDoseClasses;
    case HeatFigure::TimeToSafety: return kSafetyClasses;
  }
  return {};
}

// The class of value v (a number) among f's classes, an index into heat_classes(f).
constexpr std::size_t heat_class_of(HeatFigure f, double v) {
  const std::span<const HeatClass> c = heat_classes(f);
  for (std::size_t k = 0; k + 1 < c.size(); ++k)
    if (v < c[k].upper) return k;
  return c.empty() ? 0 : c.size() - 1;
}

}  // namespace ss::maps
