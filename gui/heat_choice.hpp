#pragma once
// The heat layer the map shows (none, or one of five): streets by their peak crowd
// density or time with a queue, homes by their water exposure, smoke dose or median
// time to safety, each the value so far in the live run (engine/core/heat_figures.hpp,
// the figures the run folder's heatmaps/ GeoTIFFs hold at the end). Its name for the
// script's `heat` command and the state dump, its classes and colours for the map
// (gui/heat_layers.cpp) and the legend. Header-only and free of SFML and ImGui.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "gui/palette.hpp"
#include "i18n/language.hpp"

namespace ss::gui {

enum class HeatLayer : std::uint8_t { None, PeakDensity, QueueTime, WaterExposure, SmokeDose, TimeToSafety };
inline constexpr std::size_t kHeatLayerCount = 6;

// Script and dump names, in HeatLayer order (the GeoTIFFs' base names, docs/gui.md).
inline constexpr std::array<std::string_view, kHeatLayerCount> kHeatNames{
    "none", "peak_density", "queue_minutes", "water_exposure", "smoke_dose", "time_to_safety"};
// Radio button labels.
inline constexpr std::array<const char*, kHeatLayerCount> kHeatLabels{
    tr_noop("none"),           tr_noop("peak crowd density"), tr_noop("time in queues"),
    tr_noop("water exposure"), tr_noop("smoke dose"),         tr_noop("time to safety")};

constexpr std::string_view heat_name(HeatLayer h) { return kHeatNames[static_cast<std::size_t>(h)]; }
constexpr std::optional<HeatLayer> heat_from_name(std::string_view name) {
  for (std::size_t k = 0; k < kHeatLayerCount; ++k)
    if (kHeatNames[k] == name) return static_cast<HeatLayer>(k);
  return std::nullopt;
}
// Streets (density, queues) or home buildings (the rest).
constexpr bool heat_on_streets(HeatLayer h) {
  return h == HeatLayer::PeakDensity || h == HeatLayer::QueueTime;
}

// One sequential ramp for every heat layer, low to high: viridis (van der Walt &
// Smith 2015, perceptually uniform and readable with colour-vision deficiencies) at
// five stops; drawn opaque, so its pixels carry these exact colours.
inline constexpr std::array<Rgb, 5> kHeatRamp{
    {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};

// A class: values below `upper` (the last class has no upper bound), its legend label.
struct HeatClass {
  double upper = 0.0;
  const char* label = "";
};
// The classes follow the GeoTIFFs' QGIS styles (maps/heatmaps.cpp): Fruin's levels of
// service for walkways in P/m² (Fruin 1971; A-B together); queue minutes and water
// metre-hours in planning-assumption steps; the smoke dose at ISO 13571's FED 0.3
// (susceptible people incapacitated) and 1 (the average person), 0.1 and 0.5 planning
// assumptions; time to safety in half hours as results.gpkg's homes style.
inline constexpr std::array<HeatClass, 5> kDensityClasses{{{0.43, tr_noop("under 0.43 P/m² (A-B)")},
                                                           {0.72, tr_noop("0.43-0.72 (C)")},
                                                           {1.08, tr_noop("0.72-1.08 (D)")},
                                                           {2.17, tr_noop("1.08-2.17 (E)")},
                                                           {0.0, tr_noop("over 2.17 P/m² (F)")}}};
inline constexpr std::array<HeatClass, 5> kQueueClasses{{{0.5, tr_noop("no queue")},
                                                         {5.0, tr_noop("0.5-5 min")},
                                                         {15.0, tr_noop("5-15 min")},
                                                         {30.0, tr_noop("15-30 min")},
                                                         {0.0, tr_noop("over 30 min")}}};
inline constexpr std::array<HeatClass, 5> kWaterClasses{{{0.5, tr_noop("under 0.5 m·h")},
                                                         {1.0, tr_noop("0.5-1 m·h")},
                                                         {3.0, tr_noop("1-3 m·h")},
                                                         {10.0, tr_noop("3-10 m·h")},
                                                         {0.0, tr_noop("over 10 m·h")}}};
inline constexpr std::array<HeatClass, 5> kDoseClasses{{{0.1, tr_noop("FED under 0.1")},
                                                        {0.3, tr_noop("0.1-0.3")},
                                                        {0.5, tr_noop("0.3-0.5")},
                                                        {1.0, tr_noop("0.5-1")},
                                                        {0.0, tr_noop("FED over 1")}}};
inline constexpr std::array<HeatClass, 5> kSafetyClasses{{{30.0, tr_noop("under 30 min")},
                                                          {60.0, tr_noop("30-60 min")},
                                                          {90.0, tr_noop("60-90 min")},
                                                          {120.0, tr_noop("90-120 min")},
                                                          {0.0, tr_noop("over 2 h")}}};

constexpr std::span<const HeatClass> heat_classes(HeatLayer h) {
  switch (h) {
    case HeatLayer::PeakDensity: return kDensityClasses;
    case HeatLayer::QueueTime: return kQueueClasses;
    case HeatLayer::WaterExposure: return kWaterClasses;
    case HeatLayer::SmokeDose: return kDoseClasses;
    case HeatLayer::TimeToSafety: return kSafetyClasses;
    case HeatLayer::None: break;
  }
  return {};
}

// The class of value v (v a number), an index into kHeatRamp.
constexpr std::size_t heat_class_of(HeatLayer h, double v) {
  const std::span<const HeatClass> c = heat_classes(h);
  for (std::size_t k = 0; k + 1 < c.size(); ++k)
    if (v < c[k].upper) return k;
  return c.empty() ? 0 : c.size() - 1;
}

}  // namespace ss::gui
