#include "gui/resident_positions.hpp"

#include <algorithm>
#include <cmath>

namespace ss::gui {

Vec2 point_along(std::span<const Vec2> pts, double offset) {
  if (pts.empty()) return {};
  if (offset <= 0) return pts.front();
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const double seg = distance(pts[i], pts[i + 1]);
    if (offset <= seg && seg > 0) return pts[i] + (pts[i + 1] - pts[i]) * (offset / seg);
    offset -= seg;
  }
  return pts.back();
}

namespace {

// `poly_len`: the street polylines' own lengths, (edges), when the caller keeps them;
// else each is measured here.
Vec2 position_of(const Model& model, const SimState& state, ResidentId r,
                 const std::vector<double>* poly_len) {
  const std::size_t i = r.index();
  const StreetGraph& g = model.world.streets;
  if (state.status[i] == Status::Sheltered && state.shelter[i].valid())
    return model.world.shelters[state.shelter[i].index()].pos;
  // The micro model moves bodies in the plane; its positions are the truth, the
  // network fields below are only its bookkeeping (non-finite before a body exists).
  if (i < state.position.size() && std::isfinite(state.position[i].x) && std::isfinite(state.position[i].y))
    return state.position[i];
  const EdgeId e = state.edge[i];
  if (e.valid() && e.index() < g.edge_count()) {
    // `remaining` is measured back from the node the resident walks to; the
    // polyline runs from edge_from, so flip it when walking toward edge_to.
    const double len = g.edge_length[e.index()];
    const double rem = std::clamp(static_cast<double>(state.remaining[i]), 0.0, len);
    const double from_start = state.toward[i] == g.edge_to[e.index()] ? len - rem : rem;
    // The polyline's own length may differ slightly from edge_length (rounding in
    // import); scale so residents at the far node are drawn at the node.
    const auto pts = g.shape(e);
    const double poly = poly_len ? (*poly_len)[e.index()] : polyline_length(pts);
    return point_along(pts, len > 0 ? from_start * poly / len : 0.0);
  }
  return model.population.home[i];
}

}  // namespace

Vec2 resident_position(const Model& model, const SimState& state, ResidentId r) {
  return position_of(model, state, r, nullptr);
}

void resident_positions(const Model& model, const SimState& state, std::vector<Vec2>& out) {
  const std::size_t n = std::min(model.population.size(), state.status.size());
  out.resize(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = resident_position(model, state, ResidentId{i});
}

}  // namespace ss::gui

namespace ss::gui {

void ResidentPositions::clear() {
  model_ = nullptr;
  edges_ = 0;
  poly_len_.clear();
  keys_.clear();
  positions_.clear();
  changed_.clear();
}

std::size_t ResidentPositions::update(const Model& model, const SimState& state) {
  const std::size_t n = std::min(model.population.size(), state.status.size());
  // Another model (or the same object holding another town) invalidates every key.
  if (&model != model_ || model.world.streets.edge_count() != edges_ || keys_.size() != n) {
    model_ = &model;
    edges_ = model.world.streets.edge_count();
    poly_len_.resize(edges_);
    for (std::size_t e = 0; e < edges_; ++e)
      poly_len_[e] = polyline_length(model.world.streets.shape(EdgeId{e}));
    keys_.assign(n, Key{});
    positions_.resize(n);
    changed_.assign(n, 1);
    for (std::size_t i = 0; i < n; ++i) {
      keys_[i] = {state.status[i], state.edge[i], state.toward[i], state.remaining[i], state.shelter[i]};
      positions_[i] = position_of(model, state, ResidentId{i}, &poly_len_);
    }
    return n;
  }
  // The micro model moves bodies in the plane without touching the network fields.
  const bool bodies = !state.position.empty();
  std::size_t placed = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Key k{state.status[i], state.edge[i], state.toward[i], state.remaining[i], state.shelter[i]};
    const bool same = !bodies && k == keys_[i];
    changed_[i] = same ? 0 : 1;
    if (same) continue;
    keys_[i] = k;
    positions_[i] = position_of(model, state, ResidentId{i}, &poly_len_);
    ++placed;
  }
  return placed;
}

}  // namespace ss::gui
