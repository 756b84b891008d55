#include "gui/map_view.hpp"

#include <SFML/Graphics/Sprite.hpp>

#include <algorithm>
#include <cmath>

#include "engine/hazards/flood/flood_hazard.hpp"
#include "gui/map_shapes.hpp"
#include "gui/map_style.hpp"

namespace ss::gui {
namespace {

constexpr float kDragThresholdPx = 4.0f;  // below this a press-release is a click

}  // namespace

void MapView::set_model(const Model& model) {
  bounds_ = model.world.bounds;
  if (bounds_.empty()) bounds_ = ss::bounds(model.world.streets.node_pos);
  if (bounds_.empty()) bounds_.extend({0, 0});
  camera_.set_origin(bounds_.min);
  layers_.build(model.world, bounds_.min);
  layers_.build_micro(model.micro, bounds_.min);
  zones_.build(model.world, bounds_.min);
  heat_.reset();
  placed_labels_.clear();
  positions_.clear();
  drawn_.clear();
  dot_view_ok_ = false;
  teams_.clear();
  flood_.reset();
  fire_.reset();
  service_.reset();
  ++model_serial_;
  camera_.fit(bounds_);
}

std::optional<sf::Vector2f> MapView::handle_event(const sf::Event& e, bool ui_has_mouse) {
  switch (e.type) {
    case sf::Event::MouseButtonPressed:
      if (ui_has_mouse || e.mouseButton.button != sf::Mouse::Left) break;
      dragging_ = true;
      moved_ = false;
      press_ = last_ = {static_cast<float>(e.mouseButton.x), static_cast<float>(e.mouseButton.y)};
      break;
    case sf::Event::MouseMoved: {
      if (!dragging_) break;
      const sf::Vector2f p(static_cast<float>(e.mouseMove.x), static_cast<float>(e.mouseMove.y));
      if (std::hypot(p.x - press_.x, p.y - press_.y) > kDragThresholdPx) moved_ = true;
      if (moved_) camera_.pan_pixels(p - last_);
      last_ = p;
      break;
    }
    case sf::Event::MouseButtonReleased:
      if (e.mouseButton.button != sf::Mouse::Left || !dragging_) break;
      dragging_ = false;
      if (!moved_) return press_;
      break;
    case sf::Event::MouseWheelScrolled:
      if (ui_has_mouse || e.mouseWheelScroll.wheel != sf::Mouse::VerticalWheel) break;
      // 1.2× per notch: about six notches to double the visible detail.
      camera_.zoom_at({static_cast<float>(e.mouseWheelScroll.x), static_cast<float>(e.mouseWheelScroll.y)},
                      std::pow(1.2f, e.mouseWheelScroll.delta));
      break;
    default: break;
  }
  return std::nullopt;
}

void MapView::prepare(const Model& m, const SimState& s, const ViewState& v) {
  // Every size this frame draws and picks with, at the UI scale in effect.
  sizes_ = style::map_sizes(v.ui_scale, v.dot_px);
  // Water under the street overlays: a closed street must stay visible in the flood
  // that closed it (the order is draw()'s; this only fills the buffers).
  water_ = false;
  if (v.layers.water) {
    flood_.update(m, s, camera_.origin());
    water_ = flood_.has_water();
  }
  low_lying_ = false;
  if (v.layers.low_lying) {
    flood_.update_low_lying(m, camera_.origin());
    low_lying_ = flood_.has_low_lying();
  }
  // Zones: figures for the labels whenever zones or the choropleth are shown.
  zone_fill_ = false;
  zone_outline_.clear();
  if (!zones_.empty() && (v.layers.zones || v.layers.zone_shading)) {
    zones_.update(m, s, v.zone_measure, v.layers.zone_shading);
    zone_fill_ = v.layers.zone_shading;
    if (v.layers.zones) zones_.append_outlines(zone_outline_, camera_, sizes_.zone_edge);
  }
  // The fire's buildings and smoke: kept up to date while hidden would cost for
  // nothing; they catch up when shown again.
  fire_buildings_ = smoke_ = false;
  if (v.layers.fire || v.layers.smoke) {
    fire_.update(m, s, layers_, camera_.origin(), v.layers.fire, v.layers.smoke);
    fire_buildings_ = v.layers.fire && fire_.has_buildings();
    smoke_ = v.layers.smoke && fire_.has_smoke();
  }
  // The fire service: only what is switched on is brought up to date.
  const Layers& l = v.layers;
  service_shown_ = l.lanes || l.hydrants || l.stations || l.engines;
  if (service_shown_) service_.update(m, s, camera_, l, sizes_.ui);
  heat_.update(m, s, v.heat, layers_, camera_.scale(), v.ui_scale, camera_.origin());
  prepare_dynamic_streets(m, s, v);
  shelter_overlay_.clear();
  if (v.layers.shelters) prepare_shelters(m, s, v);
  prepare_residents(m, s, v);
  if (m.movement == MovementKind::Micro && v.layers.congestion) prepare_micro_crowding(s);
  prepare_responders(m, s, v);
}

void MapView::draw(sf::RenderWindow& w, const Model& m, const ViewState& v) {
  const sf::FloatRect vp = camera_.viewport();
  // Everything the map draws is clipped to its own area: the sidebars have no
  // background of their own to hide a marker or dot that reaches past the edge.
  const sf::View window_view = w.getView();
  const sf::Vector2u ws = w.getSize();
  sf::View clip(vp);
  clip.setViewport({vp.left / static_cast<float>(ws.x), vp.top / static_cast<float>(ws.y),
                    vp.width / static_cast<float>(ws.x), vp.height / static_cast<float>(ws.y)});
  w.setView(clip);
  const CacheKey key{camera_.center().x,
                     camera_.center().y,
                     camera_.scale(),
                     vp.left,
                     vp.top,
                     vp.width,
                     vp.height,
                     v.layers.terrain,
                     v.layers.buildings,
                     v.layers.streets,
                     v.layers.lanes,
                     model_serial_,
                     v.ui_scale};
  const auto tw = static_cast<unsigned>(std::max(1.0f, vp.width)),
             th = static_cast<unsigned>(std::max(1.0f, vp.height));
  if (!(key == cache_key_) || !cache_ok_) {
    if (cache_.getSize() != sf::Vector2u(tw, th))
      cache_ok_ = cache_.create(tw, th);
    else
      cache_ok_ = true;
    if (cache_ok_) {
      cache_.clear(to_sf(kBackground));
      sf::Transform shift;
      shift.translate(-vp.left, -vp.top);
      draw_static(cache_, m, v, shift);
      cache_.display();
      cache_key_ = key;
    }
  }
  if (cache_ok_) {
    sf::Sprite sprite(cache_.getTexture());
    sprite.setPosition(vp.left, vp.top);
    // The cache is opaque (cleared to the background, alpha kept at 1 by SFML's
    // alpha blend), so a plain copy gives the same pixels as blending, without
    // the renderer reading back the window under it.
    w.draw(sprite, sf::RenderStates(sf::BlendNone));
  } else {
    draw_empty(w);
    draw_static(w, m, v, sf::Transform::Identity);
  }
  sf::RenderStates local;
  local.transform = camera_.local_to_screen();
  // The choropleth and the low-lying zone under the water: the water is what moves.
  if (zone_fill_) w.draw(zones_.fill(), local);
  if (low_lying_) {
    sf::RenderStates t = local;
    t.texture = &flood_.low_lying_texture();
    w.draw(flood_.low_lying_quad(), t);
  }
  if (water_) {
    sf::RenderStates t = local;
    t.texture = &flood_.texture();
    w.draw(flood_.quad(), t);
  }
  // Smoke under the burning buildings: what a trainer follows is where the fire is,
  // and the thickest smoke lies just downwind of it.
  if (smoke_) {
    sf::RenderStates t = local;
    t.texture = &fire_.smoke_texture();
    w.draw(fire_.smoke_quad(), t);
  }
  if (fire_buildings_) w.draw(fire_.buildings(), local);
  if (v.heat != HeatLayer::None) w.draw(heat_.shapes(), local);  // over hazards, under closures and people
  if (street_overlay_.getVertexCount() > 0) w.draw(street_overlay_, local);
  if (zone_outline_.getVertexCount() > 0) w.draw(zone_outline_);
  // This run's blocked lanes over the static lanes, hydrants and stations under the
  // shelters and residents; appliances and their hoses on top of everything: they
  // are few, and what a trainer follows.
  if (service_shown_ && v.layers.lanes && service_.blocked().getVertexCount() > 0)
    w.draw(service_.blocked(), local);
  if (service_shown_ && service_.points().getVertexCount() > 0) w.draw(service_.points());
  if (shelter_overlay_.getVertexCount() > 0) w.draw(shelter_overlay_);
  draw_residents(w);
  if (body_overlay_.getVertexCount() > 0) w.draw(body_overlay_);
  if (ring_overlay_.getVertexCount() > 0) w.draw(ring_overlay_);
  if (team_overlay_.getVertexCount() > 0) w.draw(team_overlay_);
  if (service_shown_ && v.layers.engines && service_.engines().getVertexCount() > 0)
    w.draw(service_.engines());
  w.setView(window_view);
}

void MapView::draw_empty(sf::RenderWindow& w) const {
  const sf::FloatRect vp = camera_.viewport();
  const sf::Color bg = to_sf(kBackground);
  const sf::Vertex quad[4] = {{{vp.left, vp.top}, bg},
                              {{vp.left + vp.width, vp.top}, bg},
                              {{vp.left + vp.width, vp.top + vp.height}, bg},
                              {{vp.left, vp.top + vp.height}, bg}};
  w.draw(quad, 4, sf::Quads, sf::RenderStates(sf::BlendNone));
}

void MapView::prepare_responders(const Model& m, const SimState& s, const ViewState& v) {
  team_overlay_.clear();
  team_routes_ = 0;
  if (!v.layers.responders) return teams_.clear();
  responder_positions(m, s, teams_);
  if (teams_.empty()) return;
  for (const TeamMark& t : teams_) team_routes_ += t.route.size() >= 2 ? 1 : 0;
  const std::int64_t sel = v.selection.kind == Selection::Kind::Team ? v.selection.id : -1;
  append_responders(team_overlay_, m, teams_, camera_, sizes_, sel);
}

void MapView::draw_static(sf::RenderTarget& w, const Model& m, const ViewState& v,
                          const sf::Transform& extra) {
  sf::RenderStates local;
  local.transform = extra * camera_.local_to_screen();
  if (v.layers.terrain && layers_.has_terrain()) {
    sf::RenderStates t = local;
    t.texture = &layers_.terrain_texture();
    w.draw(layers_.terrain_quad(), t);
  }
  if (v.layers.buildings && layers_.has_micro()) {
    // A micro area: the floor people walk on with its exits, walls and obstacles cut
    // out of it.
    sf::RenderStates t = local;
    t.texture = &layers_.micro_floor_texture();
    w.draw(layers_.micro_floor(), t);
    w.draw(layers_.micro_blocks(), local);
    w.draw(layers_.micro_edges(), local);
  }
  if (v.layers.buildings) {
    w.draw(layers_.building_fill(), local);
    // Outlines only when a building is several pixels wide; zoomed out they are noise.
    if (camera_.scale() > 0.6) w.draw(layers_.building_edges(), local);
  }
  if (v.layers.streets) {
    layers_.update_streets(m.world.streets, camera_.scale(), v.ui_scale);
    w.draw(layers_.streets(), local);
  }
  if (v.layers.lanes) {
    service_.update_lanes(m, camera_.origin(), camera_.scale(), v.ui_scale);
    if (service_.lanes().getVertexCount() > 0) w.draw(service_.lanes(), local);
  }
}

void MapView::prepare_dynamic_streets(const Model& m, const SimState& s, const ViewState& v) {
  const StreetGraph& g = m.world.streets;
  const Vec2 origin = camera_.origin();
  const auto px = static_cast<float>(1.0 / camera_.scale());  // m per pixel
  sf::VertexArray& overlay = street_overlay_;
  overlay.clear();
  if (v.layers.congestion) {
    for (std::size_t e = 0; e < g.edge_count() && e < s.edge_count.size(); ++e) {
      if (s.edge_count[e] == 0) continue;
      const float area = std::max(g.edge_length[e], 5.0f) * std::max(g.edge_width[e], 0.5f);
      append_edge_quads(overlay, g, EdgeId{e}, std::max(g.edge_width[e], sizes_.crowded_min * px),
                        density_colour(static_cast<float>(s.edge_count[e]) / area), origin);
    }
  }
  // Streets closed by water (to adults on foot, the least restricted walkers), under
  // the plan's closures: a street closed both ways shows the plan's colour.
  if (v.layers.flooded_roads) {
    if (const FloodRun* run = find_flood_run(m, s)) {
      const auto& wet = run->closed[static_cast<std::size_t>(MoverClass::Adult)];
      for (std::size_t e = 0; e < g.edge_count() && e < wet.size(); ++e)
        if (wet[e])
          append_edge_quads(overlay, g, EdgeId{e}, std::max(g.edge_width[e], sizes_.flooded_min * px),
                            to_sf(kStreetFlooded), origin);
    }
  }
  if (v.layers.closed_roads) {
    for (std::size_t e = 0; e < g.edge_count() && e < s.edge_closed.size(); ++e)
      if (s.edge_closed[e])
        append_edge_quads(overlay, g, EdgeId{e}, std::max(g.edge_width[e], sizes_.closed_min * px),
                          to_sf(kStreetClosed), origin);
  }
  if (v.selection.kind == Selection::Kind::Street && v.selection.id < g.edge_count()) {
    const EdgeId e{v.selection.id};
    append_edge_quads(overlay, g, e,
                      std::max(g.edge_width[e.index()], sizes_.selected_min * px) + sizes_.selected_halo * px,
                      to_sf(kSelection, 160), origin);
  }
}

void MapView::prepare_shelters(const Model& m, const SimState& s, const ViewState& v) {
  sf::VertexArray& overlay = shelter_overlay_;
  const auto& shelters = m.world.shelters;
  for (std::size_t i = 0; i < shelters.size() && i < s.occupancy.size(); ++i) {
    const sf::Vector2f c = camera_.to_screen(shelters[i].pos);
    const Rgb state_col = s.shelter_closed[i] ? kShelterClosed
                          : s.shelter_full[i] ? kShelterFull
                                              : kShelterOpen;
    const bool selected = v.selection.kind == Selection::Kind::Shelter && v.selection.id == i;
    const float half = sizes_.shelter_half, rim = sizes_.shelter_rim;
    append_square(overlay, c, half + (selected ? 3 * rim : rim),
                  to_sf(selected ? kSelection : Rgb{10, 10, 10}));
    append_square(overlay, c, half, to_sf(state_col));
    // Fill bar right of the marker, in the shelter's state colour, filled bottom-up by
    // occupancy/capacity.
    const float cap = static_cast<float>(std::max(shelters[i].capacity, 1));
    const float fill = std::clamp(static_cast<float>(s.occupancy[i]) / cap, 0.0f, 1.0f);
    const float x0 = c.x + half + sizes_.shelter_bar_gap, x1 = x0 + sizes_.shelter_bar_w;
    const float y1 = c.y + sizes_.shelter_bar_h / 2, y0 = c.y - sizes_.shelter_bar_h / 2;
    const float frame = sizes_.shelter_bar_rim;
    append_rect(overlay, x0 - frame, y0 - frame, x1 + frame, y1 + frame, sf::Color(10, 10, 10));
    append_rect(overlay, x0, y0, x1, y1, sf::Color(60, 60, 60));
    append_rect(overlay, x0, y1 - fill * (y1 - y0), x1, y1, to_sf(state_col));
  }
}

EdgeHit MapView::street_at(const EdgeIndex& streets, Vec2 world, float tolerance_px) const {
  return streets.nearest(world, tolerance_px / camera_.scale());
}

Selection MapView::pick(const Model& m, const EdgeIndex& streets, sf::Vector2f pixel) const {
  Selection best;
  float best_d = sizes_.pick_team;
  for (std::size_t i = 0; i < teams_.size(); ++i) {
    const sf::Vector2f p = camera_.to_screen(teams_[i].pos);
    const float d = std::hypot(p.x - pixel.x, p.y - pixel.y);
    if (d < best_d) best_d = d, best = {Selection::Kind::Team, static_cast<std::uint32_t>(i)};
  }
  if (best.kind != Selection::Kind::None) return best;
  best_d = sizes_.pick_resident;
  const std::vector<Vec2>& pos = positions_.positions();
  for (std::size_t i = 0; i < pos.size() && i < drawn_.size(); ++i) {
    if (!drawn_[i]) continue;
    const sf::Vector2f p = camera_.to_screen(pos[i]);
    const float d = std::hypot(p.x - pixel.x, p.y - pixel.y);
    if (d < best_d) best_d = d, best = {Selection::Kind::Resident, static_cast<std::uint32_t>(i)};
  }
  if (best.kind != Selection::Kind::None) return best;
  best_d = sizes_.pick_shelter;
  for (std::size_t i = 0; i < m.world.shelters.size(); ++i) {
    const sf::Vector2f p = camera_.to_screen(m.world.shelters[i].pos);
    const float d = std::hypot(p.x - pixel.x, p.y - pixel.y);
    if (d < best_d) best_d = d, best = {Selection::Kind::Shelter, static_cast<std::uint32_t>(i)};
  }
  if (best.kind != Selection::Kind::None) return best;
  const EdgeHit hit = street_at(streets, camera_.to_world(pixel), sizes_.pick_street);
  if (hit.edge.valid()) best = {Selection::Kind::Street, hit.edge.value};
  return best;
}

}  // namespace ss::gui
