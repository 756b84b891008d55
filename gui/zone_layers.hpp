#pragma once
// The zones of the map (world.zones; in a micro area its named rooms and corridors):
// their outlines, and the choropleth that fills each by its share of residents safe
// or its T90 (gui/zone_shading.hpp), translucent over the static layers. The names
// and figures are written over the map by gui/map_labels.cpp.
#include <cstdint>
#include <vector>

#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/System/Clock.hpp>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "gui/camera.hpp"
#include "gui/zone_shading.hpp"

namespace ss::gui {

class ZoneLayer {
 public:
  // Triangulates every named zone, coordinates relative to `origin`.
  void build(const World& world, Vec2 origin);
  // Recomputes the zones' figures when the step changed, at most every kRefreshS of
  // wall time (a pass over the residents), and recolours the fill when `shade`.
  void update(const Model& model, const SimState& state, ZoneMeasure measure, bool shade);
  // Outlines `width_px` wide in screen pixels for this camera, to sf::Quads.
  void append_outlines(sf::VertexArray& va, const Camera& cam, float width_px) const;
  [[nodiscard]] bool empty() const { return rings_.empty(); }
  [[nodiscard]] const sf::VertexArray& fill() const { return fill_; }
  [[nodiscard]] const std::vector<ZoneFigure>& figures() const { return figures_; }
  // Where a zone's name goes: the centroid of its outline (m, local CRS).
  [[nodiscard]] Vec2 label_at(std::size_t zone) const { return label_at_[zone]; }
  [[nodiscard]] std::size_t zone_count() const { return rings_.size(); }

  static constexpr float kRefreshS = 0.25f;
  // Fill alpha of the choropleth: the streets and dots under it stay readable.
  static constexpr std::uint8_t kFillAlpha = 90;

 private:
  std::vector<Ring> rings_;           // m, (named zones)
  std::vector<Vec2> label_at_;        // m, (named zones)
  std::vector<std::uint32_t> first_;  // first fill vertex of each zone, (named zones + 1)
  sf::VertexArray fill_{sf::Triangles};
  std::vector<ZoneFigure> figures_;           // (zones incl. the extra one)
  std::vector<std::vector<float>> arrivals_;  // scratch of zone_figures
  std::uint64_t step_ = ~0ull;
  ZoneMeasure measure_ = ZoneMeasure::ShareSafe;
  bool shaded_ = false;
  sf::Clock since_;
};

}  // namespace ss::gui
