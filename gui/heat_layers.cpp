#include "gui/heat_layers.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/core/heat_figures.hpp"

namespace ss::gui {
namespace {

// A heat street's least width on screen: a little wider than the widest street
// class's minimum (palette.hpp street_min_px), so the colour reads over it.
constexpr float kHeatStreetMinPx = 4.0f;

}  // namespace

void HeatMapLayer::update(const Model& m, const SimState& s, HeatLayer choice, const MapLayers& layers,
                          double scale, float ui_scale, Vec2 origin) {
  const bool streets = heat_on_streets(choice);
  // Streets' widths follow the zoom, like MapLayers::update_streets (15 % change).
  const bool zoomed =
      streets && (scale_ <= 0 || ui_scale != ui_ || std::abs(std::log(scale / scale_)) >= 0.15);
  if (choice == choice_ && s.step == step_ && !zoomed) return;
  choice_ = choice;
  step_ = s.step;
  scale_ = scale;
  ui_ = ui_scale;
  homes_.clear();
  streets_.clear();
  coloured_ = 0;
  if (choice == HeatLayer::None) return;
  if (streets) {
    const std::vector<double> v =
        choice == HeatLayer::PeakDensity ? street_peak_density(m, s) : street_queue_minutes(m, s);
    const StreetGraph& g = m.world.streets;
    const float min_w = static_cast<float>(kHeatStreetMinPx * ui_scale / scale);
    for (std::size_t e = 0; e < v.size() && e < g.edge_count(); ++e) {
      if (std::isnan(v[e])) continue;
      const sf::Color c = to_sf(heat_colour(choice, v[e]));
      append_edge_quads(streets_, g, EdgeId{e}, std::max(g.edge_width[e], min_w), c, origin);
      ++coloured_;
    }
    return;
  }
  const HomeHeat h = home_heat(m, s);
  const std::vector<double>& v = choice == HeatLayer::WaterExposure ? h.water_exposure_mh
                                 : choice == HeatLayer::SmokeDose   ? h.smoke_dose
                                                                    : h.safe_median_min;
  const sf::VertexArray& fill = layers.building_fill();
  for (std::size_t k = 0; k < h.size(); ++k) {
    // No value, or (water, smoke) none so far: not drawn, as heatmaps/ leaves it NoData.
    if (std::isnan(v[k]) || (choice != HeatLayer::TimeToSafety && !(v[k] > 0.0))) continue;
    const sf::Color c = to_sf(heat_colour(choice, v[k]));
    const auto [first, last] = layers.building_range(h.building[k].index());
    for (std::size_t i = first; i < last; ++i) homes_.append({fill[i].position, c});
    ++coloured_;
  }
}

}  // namespace ss::gui
