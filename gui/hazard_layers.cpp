#include "gui/hazard_layers.hpp"

#include <algorithm>
#include <cmath>

#include "engine/hazards/flood/flood_hazard.hpp"
#include "engine/plan/responders.hpp"
#include "gui/map_layers.hpp"
#include "gui/map_shapes.hpp"
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
    const TeamState& ts = teams[i];
    TeamMark& m = out[i];
    m.pos = team_position(model, state, TeamId{i}, t);
    m.has_target = false;
    if (ts.stage == TeamStage::Escorting && ts.shelter.valid() && ts.shelter.index() < model.world.shelters.size()) {
      m.target = model.world.shelters[ts.shelter.index()].pos;
      m.has_target = true;
    } else if ((ts.stage == TeamStage::ToTask || ts.stage == TeamStage::OnSite) && ts.task.valid() &&
               ts.task.index() < state.response.tasks.size()) {
      const ResidentId r = state.response.tasks[ts.task.index()].first;
      if (r.valid() && r.index() < model.population.size()) {
        m.target = model.population.home[r.index()];
        m.has_target = true;
      }
    }
  }
}

void append_responders(sf::VertexArray& va, const Model& model, const std::vector<TeamMark>& marks,
                       const Camera& cam, float half, std::int64_t selected) {
  const auto& teams = model.plan.response.teams;
  // Lines first so the markers sit on top of them.
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (!marks[i].has_target) continue;
    const Rgb c = kTeamColour[static_cast<std::size_t>(teams[i].kind)];
    append_segment(va, cam.to_screen(marks[i].pos), cam.to_screen(marks[i].target), 2.0f, to_sf(c, 200));
  }
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const sf::Vector2f p = cam.to_screen(marks[i].pos);
    const bool sel = static_cast<std::int64_t>(i) == selected;
    append_diamond(va, p, half + (sel ? 4.0f : 2.0f), to_sf(sel ? kSelection : Rgb{10, 10, 10}));
    append_diamond(va, p, half, to_sf(kTeamColour[static_cast<std::size_t>(teams[i].kind)]));
  }
}

}  // namespace ss::gui
