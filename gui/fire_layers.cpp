#include "gui/fire_layers.hpp"

#include <algorithm>
#include <cmath>

#include "engine/hazards/fire/smoke.hpp"

namespace ss::gui {

sf::Color fire_state_colour(BuildingFireState s) {
  switch (s) {
    case BuildingFireState::Ignited: return to_sf(kFireIgnited);
    case BuildingFireState::FullyInvolved: return to_sf(kFireFull);
    case BuildingFireState::BurntOut: return to_sf(kFireBurntOut);
    case BuildingFireState::Extinguished: return to_sf(kFireExtinguished);
    case BuildingFireState::NotBurning: break;
  }
  return sf::Color::Transparent;
}

void FireLayer::reset() {
  ids_.clear();
  shown_.clear();
  first_.assign(1, 0);
  fill_.clear();
  buildings_step_ = ~0ull;
  has_smoke_ = false;
  smoke_built_ = false;
  smoke_updates_ = ~0u;
  smoke_step_ = 0;
  seen_step_ = ~0ull;
}

void FireLayer::update(const Model& model, const SimState& state, const MapLayers& layers, Vec2 origin,
                       bool buildings, bool smoke) {
  const FireHazard* fire = find_fire(model);
  const FireRun* run = fire ? find_fire_run(model, state) : nullptr;
  if (!run) {
    if (!ids_.empty() || has_smoke_) reset();
    return;
  }
  if (buildings && state.step != buildings_step_) {
    update_buildings(*fire, *run, state.time(model.run.dt), layers);
    buildings_step_ = state.step;
  }
  if (!smoke) return;
  // A restart runs the fire again from its first smoke update: the count of updates
  // alone could come back to the one on screen, the step cannot. While the run
  // stands still (paused, a screenshot after run_to) the smoke catches up at once.
  const bool changed = !smoke_built_ || run->updates != smoke_updates_ || state.step < smoke_step_;
  const bool moving = state.step != seen_step_;
  seen_step_ = state.step;
  if (!changed || (smoke_built_ && moving && since_.getElapsedTime().asSeconds() < kRefreshS)) return;
  update_smoke(*fire, *run, origin);
  smoke_built_ = true;
  smoke_updates_ = run->updates;
  smoke_step_ = state.step;
  since_.restart();
}

void FireLayer::update_buildings(const FireHazard& fire, const FireRun& run, double t,
                                 const MapLayers& layers) {
  const std::vector<std::uint32_t>& order = run.spread.order;
  const std::vector<BuildingFireCourse>& course = fire.course();
  // The order only grows during a run; one that does not begin with the buildings
  // drawn belongs to another run (a restart): start afresh.
  bool same = order.size() >= ids_.size();
  for (std::size_t i = 0; same && i < ids_.size(); ++i) same = order[i] == ids_[i];
  if (!same) {
    ids_.clear();
    shown_.clear();
    first_.assign(1, 0);
    fill_.clear();
  }
  const sf::VertexArray& src = layers.building_fill();
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::uint32_t b = order[i];
    const BuildingFireState st =
        b < course.size() ? run.state_of(b, t, course) : BuildingFireState::NotBurning;
    if (i == ids_.size()) {  // caught fire since the last update: its triangles, once
      const sf::Color c = fire_state_colour(st);
      const auto [from, to] = layers.building_range(b);
      for (std::size_t k = from; k < to && k < src.getVertexCount(); ++k) fill_.append({src[k].position, c});
      ids_.push_back(b);
      shown_.push_back(st);
      first_.push_back(static_cast<std::uint32_t>(fill_.getVertexCount()));
      continue;
    }
    if (shown_[i] == st) continue;
    shown_[i] = st;
    const sf::Color c = fire_state_colour(st);
    for (std::size_t k = first_[i]; k < first_[i + 1]; ++k) fill_[k].color = c;
  }
}

void FireLayer::update_smoke(const FireHazard& fire, const FireRun& run, Vec2 origin) {
  has_smoke_ = false;
  const RasterGrid& g = fire.desc().grid;
  const SmokeParams& sp = fire.desc().smoke;
  const unsigned max = sf::Texture::getMaximumSize();
  if (g.nx <= 0 || g.ny <= 0 || static_cast<unsigned>(g.nx) > max || static_cast<unsigned>(g.ny) > max)
    return;
  const auto nx = static_cast<unsigned>(g.nx), ny = static_cast<unsigned>(g.ny);
  if (run.soot.size() != static_cast<std::size_t>(nx) * ny) return;
  if (img_.getSize() != sf::Vector2u(nx, ny)) img_.create(nx, ny, sf::Color::Transparent);
  // Clear cells keep the smoke's grey at zero alpha, so the smoothed texture fades
  // to transparent at the plume's edge instead of darkening it.
  // The cells with smoke, as a box: only that part of the grid is drawn, since a
  // software renderer pays for every pixel of a blended quad, smoke or not.
  unsigned bx0 = nx, by0 = ny, bx1 = 0, by1 = 0;
  for (unsigned iy = 0; iy < ny; ++iy) {
    for (unsigned ix = 0; ix < nx; ++ix) {
      const double soot = run.soot[static_cast<std::size_t>(iy) * nx + ix];
      const double k = extinction(soot, sp.mass_extinction);
      const double vis = soot > 0 ? visibility(k, sp.sign_constant) : INFINITY;
      const std::uint8_t a = smoke_alpha(static_cast<float>(vis));
      if (a > 0) {
        bx0 = std::min(bx0, ix), bx1 = std::max(bx1, ix);
        by0 = std::min(by0, iy), by1 = std::max(by1, iy);
      }
      // Row 0 of the grid is the southern one; image rows grow down.
      img_.setPixel(ix, ny - 1 - iy, to_sf(kSmoke, a));
    }
  }
  if (bx0 > bx1) return;  // no smoke anywhere
  // One clear cell around the box, so the smoothing fades out inside the quad.
  bx0 = bx0 > 0 ? bx0 - 1 : 0, by0 = by0 > 0 ? by0 - 1 : 0;
  bx1 = std::min(bx1 + 1, nx - 1), by1 = std::min(by1 + 1, ny - 1);
  if (tex_.getSize() != sf::Vector2u(nx, ny) && !tex_.create(nx, ny)) return;
  tex_.update(img_);
  // Smoothed, unlike the flood's water: a plume has no edges at the grid's cells,
  // and at town zoom its 20 m cells would otherwise read as a mosaic.
  tex_.setSmooth(true);
  // Local metres of the box's corners and its texels (v counted from the image's
  // top, the grid's northern row).
  const double c = g.cell;
  const auto x0 = static_cast<float>(g.origin.x + bx0 * c - origin.x);
  const auto x1 = static_cast<float>(g.origin.x + (bx1 + 1) * c - origin.x);
  const auto y0 = static_cast<float>(g.origin.y + by0 * c - origin.y);
  const auto y1 = static_cast<float>(g.origin.y + (by1 + 1) * c - origin.y);
  const auto u0 = static_cast<float>(bx0), u1 = static_cast<float>(bx1 + 1);
  const auto v0 = static_cast<float>(ny - by0), v1 = static_cast<float>(ny - by1 - 1);
  quad_[0] = sf::Vertex({x0, y0}, {u0, v0});
  quad_[1] = sf::Vertex({x1, y0}, {u1, v0});
  quad_[2] = sf::Vertex({x1, y1}, {u1, v1});
  quad_[3] = sf::Vertex({x0, y1}, {u0, v1});
  has_smoke_ = true;
}

}  // namespace ss::gui
