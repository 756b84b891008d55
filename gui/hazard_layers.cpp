#include "gui/hazard_layers.hpp"

#include <algorithm>
#include <cmath>

#include "engine/hazards/flood/flood_hazard.hpp"
#include "engine/plan/responders.hpp"
#include "gui/map_layers.hpp"
#include "gui/map_shapes.hpp"
#include "gui/map_style.hpp"
#include "gui/palette.hpp"

namespace ss::gui {

void FloodLayer::update(const Model& model, const SimState& state, Vec2 origin) {
  const FloodHazard* flood = find_flood(model);
  const FloodRun* run = find_flood_run(model, state);
  if (!flood || !run || run->field.h.empty() || run->field.h.size() != flood->desc().grid.size()) {
    has_ = false;
    return;
  }
  const std::vector<double>& h = run->field.h;
  if (state.step == built_step_) return;
  if (has_ && since_.getElapsedTime().asSeconds() < kRefreshS) return;
  const FloodGrid& g = flood->desc().grid;
  const auto nx = static_cast<unsigned>(g.nx), ny = static_cast<unsigned>(g.ny);
  const unsigned max = sf::Texture::getMaximumSize();
  if (nx == 0 || ny == 0 || nx > max || ny > max) {
    has_ = false;
    return;
  }
  if (img_.getSize() != sf::Vector2u(nx, ny)) img_.create(nx, ny, sf::Color::Transparent);
  // Row iy of the grid runs west to east with iy growing north; image rows grow
  // down, so row iy goes to image row ny-1-iy (as the terrain texture).
  for (unsigned iy = 0; iy < ny; ++iy) {
    for (unsigned ix = 0; ix < nx; ++ix) {
      const double d = h[static_cast<std::size_t>(iy) * nx + ix];
      sf::Color c = sf::Color::Transparent;
      if (d > kWaterDryM) {
        const Rgba w = water_colour(static_cast<float>(d));
        c = to_sf(w.rgb, w.a);
      }
      img_.setPixel(ix, ny - 1 - iy, c);
    }
  }
  if (tex_.getSize() != sf::Vector2u(nx, ny) && !tex_.create(nx, ny)) {
    has_ = false;
    return;
  }
  tex_.update(img_);
  // Unsmoothed: each cell is a square of the depth the solver holds for it, which
  // is what the hazard figures use; smoothing would suggest a finer resolution.
  tex_.setSmooth(false);
  const auto x0 = static_cast<float>(g.origin.x - origin.x), y0 = static_cast<float>(g.origin.y - origin.y);
  const float x1 = x0 + static_cast<float>(g.nx * g.cell), y1 = y0 + static_cast<float>(g.ny * g.cell);
  const auto w = static_cast<float>(nx), hh = static_cast<float>(ny);
  quad_[0] = sf::Vertex({x0, y0}, {0, hh});
  quad_[1] = sf::Vertex({x1, y0}, {w, hh});
  quad_[2] = sf::Vertex({x1, y1}, {w, 0});
  quad_[3] = sf::Vertex({x0, y1}, {0, 0});
  built_step_ = state.step;
  since_.restart();
  has_ = true;
}

void responder_positions(const Model& model, const SimState& state, std::vector<TeamMark>& out) {
  const auto& teams = state.response.teams;
  const std::size_t n = std::min(teams.size(), model.plan.response.teams.size());
  out.resize(n);
  const double t = state.time(model.run.dt);
  for (std::size_t i = 0; i < n; ++i) {
    out[i].shown = teams[i].stage != TeamStage::Reserve;
    out[i].pos = team_position(model, state, TeamId{i}, t);
    team_route_ahead(model, state, TeamId{i}, t, out[i].route);  // keeps its capacity
  }
}

void append_responders(sf::VertexArray& va, const Model& model, const std::vector<TeamMark>& marks,
                       const Camera& cam, const style::MapSizes& z, std::int64_t selected) {
  const float half = z.team_half;
  const auto& teams = model.plan.response.teams;
  // Routes first so the markers sit on top of them: opaque, in the team's colour, on
  // a dark casing so they read over streets of any colour.
  for (const bool casing : {true, false}) {
    for (std::size_t i = 0; i < marks.size(); ++i) {
      const auto& r = marks[i].route;
      const sf::Color c =
          casing ? sf::Color(10, 10, 10) : to_sf(kTeamColour[static_cast<std::size_t>(teams[i].kind)]);
      const float w = z.team_route + (casing ? z.team_casing : 0.0f);
      for (std::size_t k = 0; k + 1 < r.size(); ++k)
        append_segment(va, cam.to_screen(r[k]), cam.to_screen(r[k + 1]), w, c);
    }
  }
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (!marks[i].shown) continue;
    const sf::Vector2f p = cam.to_screen(marks[i].pos);
    const bool sel = static_cast<std::int64_t>(i) == selected;
    append_diamond(va, p, half + (sel ? 2 * z.team_rim : z.team_rim),
                   to_sf(sel ? kSelection : Rgb{10, 10, 10}));
    append_diamond(va, p, half, to_sf(kTeamColour[static_cast<std::size_t>(teams[i].kind)]));
  }
}

void FloodLayer::update_low_lying(const Model& model, Vec2 origin) {
  if (low_built_) return;
  low_built_ = true;
  has_low_ = false;
  const FloodHazard* flood = find_flood(model);
  if (!flood) return;
  const FloodGrid& g = flood->desc().grid;
  const std::vector<std::uint8_t>& low = flood->desc().low_lying;
  const auto nx = static_cast<unsigned>(g.nx), ny = static_cast<unsigned>(g.ny);
  const unsigned max = sf::Texture::getMaximumSize();
  if (low.size() != g.size() || nx == 0 || ny == 0 || nx > max || ny > max) return;
  sf::Image img;
  img.create(nx, ny, sf::Color::Transparent);
  const sf::Color c = to_sf(kLowLying, kLowLyingAlpha);
  // Grid row iy grows north, image rows down (as the water texture).
  for (unsigned iy = 0; iy < ny; ++iy)
    for (unsigned ix = 0; ix < nx; ++ix)
      if (low[static_cast<std::size_t>(iy) * nx + ix]) img.setPixel(ix, ny - 1 - iy, c);
  if (!low_tex_.loadFromImage(img)) return;
  low_tex_.setSmooth(false);
  const auto x0 = static_cast<float>(g.origin.x - origin.x), y0 = static_cast<float>(g.origin.y - origin.y);
  const float x1 = x0 + static_cast<float>(g.nx * g.cell), y1 = y0 + static_cast<float>(g.ny * g.cell);
  const auto w = static_cast<float>(nx), hh = static_cast<float>(ny);
  low_quad_[0] = sf::Vertex({x0, y0}, {0, hh});
  low_quad_[1] = sf::Vertex({x1, y0}, {w, hh});
  low_quad_[2] = sf::Vertex({x1, y1}, {w, 0});
  low_quad_[3] = sf::Vertex({x0, y1}, {0, 0});
  has_low_ = true;
}

}  // namespace ss::gui
