#pragma once
// The map: camera, static layers and the per-frame dynamic layers (water depth,
// burning buildings and smoke, the fire service, closed roads, shelters, residents,
// responders), plus mouse handling for pan, zoom and click picking.
#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/world/spatial_index.hpp"
#include "gui/camera.hpp"
#include "gui/fire_layers.hpp"
#include "gui/fire_service_layers.hpp"
#include "gui/hazard_layers.hpp"
#include "gui/heat_layers.hpp"
#include "gui/map_layers.hpp"
#include "gui/map_style.hpp"
#include "gui/resident_dots.hpp"
#include "gui/resident_positions.hpp"
#include "gui/view_state.hpp"
#include "gui/zone_layers.hpp"

namespace ss::gui {

class MapView {
 public:
  // Rebuilds the static layers for a new model and fits the camera to it.
  void set_model(const Model& model);
  void set_viewport(sf::FloatRect viewport) { camera_.set_viewport(viewport); }
  void fit() { camera_.fit(bounds_); }
  Camera& camera() { return camera_; }
  [[nodiscard]] const Camera& camera() const { return camera_; }
  [[nodiscard]] const Box& bounds() const { return bounds_; }

  // Mouse input not taken by ImGui. Returns the pixel of a click (press and release
  // without dragging) for the caller to interpret.
  std::optional<sf::Vector2f> handle_event(const sf::Event& e, bool ui_has_mouse);

  // Rebuilds this frame's dynamic layers on the CPU (resident positions and dots,
  // street, shelter and team overlays, the flood and smoke textures, the burning
  // buildings) in place, without reallocating once their buffers have grown. Call
  // before draw().
  void prepare(const Model& model, const SimState& state, const ViewState& view);
  // Submits the map: the static layers (from the offscreen cache), then the
  // layers prepare() built. The state itself is not read here.
  void draw(sf::RenderWindow& window, const Model& model, const ViewState& view);
  // The map area without a scene: background colour only.
  void draw_empty(sf::RenderWindow& window) const;

  // The zones with this frame's figures (for their labels).
  [[nodiscard]] const ZoneLayer& zones() const { return zones_; }
  // The heat layer as last prepared (streets or homes coloured).
  [[nodiscard]] const HeatMapLayer& heat() const { return heat_; }
  // The names written over the map in the last frame (gui/map_labels.cpp), for the
  // state dump: kind ("zone", "shelter") and text.
  struct PlacedLabel {
    const char* kind = "";
    std::string text;
  };
  std::vector<PlacedLabel>& placed_labels() { return placed_labels_; }
  // Teams drawn with a route ahead along the streets this frame.
  [[nodiscard]] std::size_t team_routes() const { return team_routes_; }

  // The sizes the last prepare() drew with (the UI scale's, gui/map_style.hpp): the
  // labels, picking and the state dump read them.
  [[nodiscard]] const style::MapSizes& sizes() const { return sizes_; }

  // Late residents in view at the last prepare() (with the late layer on).
  [[nodiscard]] std::size_t late_count() const { return late_count_; }

  // What lies under `pixel`: a team, else a resident dot, else a shelter marker, else a street,
  // within a few pixels (more at a larger UI scale). Uses the positions of the last prepare().
  Selection pick(const Model& model, const EdgeIndex& streets, sf::Vector2f pixel) const;
  // Street under a world point within `tolerance_px` at the current zoom.
  EdgeHit street_at(const EdgeIndex& streets, Vec2 world, float tolerance_px = 10.0f) const;

 private:
  // The static layers (terrain, buildings, streets) are drawn into an offscreen
  // texture only when the camera or the layer choice changes; every other frame
  // blits it in one quad. Under a software renderer (Xvfb, llvmpipe) this is what
  // keeps a whole town at interactive frame rates.
  struct CacheKey {
    double cx = 0, cy = 0, scale = 0;
    float left = 0, top = 0, width = 0, height = 0;
    bool terrain = false, buildings = false, streets = false, lanes = false;
    std::uint64_t model = 0;
    float ui = 1.0f;  // the UI scale: street widths have a minimum in pixels
    bool operator==(const CacheKey&) const = default;
  };
  void draw_static(sf::RenderTarget& target, const Model& m, const ViewState& v, const sf::Transform& extra);
  void prepare_dynamic_streets(const Model& m, const SimState& s, const ViewState& v);
  void prepare_shelters(const Model& m, const SimState& s, const ViewState& v);
  void prepare_residents(const Model& m, const SimState& s, const ViewState& v);
  // Crowding in a micro area: walking bodies per m² over 2 m × 2 m windows, as
  // tinted 1 m cells (needs this frame's positions_).
  void prepare_micro_crowding(const SimState& s);
  void prepare_responders(const Model& m, const SimState& s, const ViewState& v);
  void draw_residents(sf::RenderWindow& w);

  Camera camera_;
  style::MapSizes sizes_;           // this frame's sizes at the UI scale
  std::uint64_t model_serial_ = 0;  // bumps on set_model, part of the cache key
  sf::RenderTexture cache_;
  CacheKey cache_key_;
  bool cache_ok_ = false;  // false: offscreen drawing unavailable, draw directly
  MapLayers layers_;
  FloodLayer flood_;
  FireLayer fire_;
  FireServiceLayer service_;
  std::vector<TeamMark> teams_;  // scratch: teams drawn this frame, empty when hidden, (teams)
  std::size_t team_routes_ = 0;  // of those, with a route ahead
  ZoneLayer zones_;
  HeatMapLayer heat_;
  bool zone_fill_ = false;                   // the choropleth is drawn this frame
  bool low_lying_ = false;                   // ... the flood's low-lying zone
  sf::VertexArray zone_outline_{sf::Quads};  // pixels
  std::vector<PlacedLabel> placed_labels_;
  Box bounds_;
  // Residents' positions, kept from frame to frame: only those whose network state
  // changed are placed anew (gui/resident_positions.hpp).
  ResidentPositions positions_;
  std::vector<std::uint8_t> drawn_;  // 1 if the dot was drawn at the last prepare, (residents)
  // The view the dots were last made for: when any of it changes, every resident's
  // mark is made again; otherwise only those whose position or status changed.
  struct DotView {
    double cx = 0, cy = 0, scale = 0;
    float left = 0, top = 0, width = 0, height = 0;
    int dot = 0, late = 0, rim = 0;
    ColourBy colour_by = ColourBy::State;
    bool residents = false, sheltered = false, past_deadline = false, bodies = false;
    std::uint64_t model = 0;
    bool operator==(const DotView&) const = default;
  };
  DotView dot_view_;
  bool dot_view_ok_ = false;  // false: no marks made yet for this model
  // Residents' dots: squares of dot_size_ px (late ones larger and rimmed) in a
  // map-sized RGBA image kept from frame to frame and drawn as one texture; only the
  // rows repainted since the last upload go to the texture (gui/resident_dots.hpp).
  // dot_quads_ is the fallback when the texture cannot be created.
  ResidentDots dots_;
  std::size_t late_count_ = 0;  // late residents in view this frame
  int dot_size_ = 1;
  int late_size_ = 5, late_rim_ = 1;        // late residents' square and rim, px (sizes_)
  unsigned upload_lo_ = 0, upload_hi_ = 0;  // rows painted but not yet uploaded, [lo, hi)
  sf::Texture dot_tex_;
  bool dot_layer_ok_ = true;
  std::vector<sf::Vertex> dot_quads_;
  bool water_ = false;           // the flood layer has water to draw this frame
  bool fire_buildings_ = false;  // ... the fire layer burning buildings
  bool smoke_ = false;           // ... and smoke
  bool service_shown_ = false;   // ... the fire service (blocked lanes, hydrants, stations, engines)
  // This frame's overlays in local metres (streets) or pixels (the rest); cleared
  // and refilled each frame, keeping their capacity.
  sf::VertexArray street_overlay_{sf::Quads};
  std::vector<std::int64_t> crowd_cells_;    // scratch: 1 m cells of the walking bodies
  std::vector<std::int64_t> crowd_windows_;  // scratch: 2 m windows holding a body
  sf::VertexArray shelter_overlay_{sf::Quads};
  sf::VertexArray ring_overlay_{sf::Quads};
  sf::VertexArray body_overlay_{sf::Triangles};  // micro bodies at true size when zoomed in
  sf::VertexArray team_overlay_{sf::Quads};
  bool dragging_ = false;
  bool moved_ = false;
  sf::Vector2f press_{}, last_{};
};

}  // namespace ss::gui
