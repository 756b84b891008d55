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
#include "maps/heat_classes.hpp"

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

// The figure a heat layer shows, whose classes and colours (maps/heat_classes.hpp)
// the map and its legend share with the run folder's QGIS styles.
constexpr maps::HeatFigure heat_figure(HeatLayer h) {
  switch (h) {
    case HeatLayer::PeakDensity: return maps::HeatFigure::PeakDensity;
    case HeatLayer::QueueTime: return maps::HeatFigure::QueueMinutes;
    case HeatLayer::WaterExposure: return maps::HeatFigure::WaterExposure;
    case HeatLayer::SmokeDose: return maps::HeatFigure::SmokeDose;
    case HeatLayer::TimeToSafety:
    case HeatLayer::None: break;
  }
  return maps::HeatFigure::TimeToSafety;
}

// The layer's classes (none for HeatLayer::None).
constexpr std::span<const maps::HeatClass> heat_classes(HeatLayer h) {
  return h == HeatLayer::None ? std::span<const maps::HeatClass>{} : maps::heat_classes(heat_figure(h));
}

// The colour value v (a number) is drawn in on layer h (not None); drawn opaque, so
// its pixels carry this exact colour.
constexpr Rgb heat_colour(HeatLayer h, double v) {
  const maps::Rgb8 c = maps::heat_classes(heat_figure(h))[maps::heat_class_of(heat_figure(h), v)].colour;
  return {c.r, c.g, c.b};
}

}  // namespace ss::gui
