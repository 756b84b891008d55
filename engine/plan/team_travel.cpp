#include "engine/plan/team_travel.hpp"

#include <algorithm>
#include <cmath>

#include "engine/world/slope.hpp"

namespace ss {

double team_edge_factor(const Model& model, TravelMode mode, double speed, EdgeId e, NodeId from) {
  if (mode == TravelMode::Vehicle) return 1.0;
  const StreetGraph& g = model.world.streets;
  const double f = edge_walk_factor(g, e.index(), g.edge_from[e.index()] == from, speed);
  return std::isfinite(f) && f > 0.0 ? f : 1.0;  // edge_walk_factor is finite and > 0; kept safe
}

void team_walk_factors(const Model& model, TravelMode mode, double speed, bool outward,
                       std::vector<float>& out) {
  out.clear();
  if (mode == TravelMode::Vehicle) return;
  const StreetGraph& g = model.world.streets;
  const std::size_t n = g.edge_count();
  out.resize(2 * n);
  for (std::size_t e = 0; e < n; ++e) {
    const auto fwd = static_cast<float>(edge_walk_factor(g, e, true, speed));
    const auto back = static_cast<float>(edge_walk_factor(g, e, false, speed));
    out[2 * e] = outward ? back : fwd;
    out[2 * e + 1] = outward ? fwd : back;
  }
}

double team_stage_speed(const Team& team, const TeamState& ts) {
  return ts.stage == TeamStage::Escorting ? std::min(team.speed, team.escort_speed) : team.speed;
}

void team_path_cost(const Model& model, TravelMode mode, double speed, const TeamState& ts,
                    std::vector<double>& out) {
  out.assign(1, 0.0);
  const StreetGraph& g = model.world.streets;
  for (std::size_t k = 0; k < ts.path_edges.size() && k + 1 < ts.path.size(); ++k) {
    const EdgeId e = ts.path_edges[k];
    const double len = g.edge_length[e.index()];
    out.push_back(out.back() + len / team_edge_factor(model, mode, speed, e, ts.path[k]));
  }
}

}  // namespace ss
