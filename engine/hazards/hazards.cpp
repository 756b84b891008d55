#include "engine/hazards/hazards.hpp"

#include "engine/plan/warning.hpp"

namespace ss {

void init_hazards(const Model& model, SimState& s) {
  s.hazards.clear();
  for (const auto& h : model.hazards) s.hazards.emplace_back(h->start(model, s.seed));
  s.hazard_effects = HazardEffects{};
  if (model.hazards.empty()) return;
  for (auto& c : s.hazard_effects.closed) c.assign(model.world.streets.edge_count(), 0);
}

void hazards_phase(const Model& model, SimState& s, double t) {
  if (model.hazards.empty()) return;
  const double t_end = t + model.run.dt;
  HazardReport& report = s.scratch.hazard_report;
  bool closures = false;
  for (std::size_t k = 0; k < model.hazards.size(); ++k) {
    report.clear();
    model.hazards[k]->advance(model, s, s.hazards[k].get(), t, report);
    closures = closures || report.closures_changed;
    for (const ShelterId sh : report.close_shelters) {
      s.shelter_closed[sh.index()] |= kShelterClosedByHazard;
      s.routes_dirty = true;
    }
    for (const ShelterId sh : report.evacuate_shelters) {
      s.shelter_closed[sh.index()] |= kShelterClosedByHazard;
      s.routes_dirty = true;
      s.evacuating.push_back(sh);  // emptied by the decisions phase once the routes are rebuilt
    }
    for (const ResidentId r : report.reached_home) hazard_at_home(model, s, r, t_end);
    for (const ResidentId r : report.inside_home) hazard_in_home(model, s, r, t_end);
  }
  if (!closures) return;
  HazardEffects& fx = s.hazard_effects;
  const std::size_t ne = model.world.streets.edge_count();
  for (std::size_t c = 0; c < kMoverClassCount; ++c) {
    std::fill(fx.closed[c].begin(), fx.closed[c].end(), std::uint8_t{0});
    fx.cost[c].assign(ne, 1.0f);
    bool costs = false;
    for (std::size_t k = 0; k < model.hazards.size(); ++k) {
      const MoverClass mc = static_cast<MoverClass>(c);
      model.hazards[k]->add_closures(s.hazards[k].get(), mc, fx.closed[c]);
      costs = model.hazards[k]->add_route_costs(s.hazards[k].get(), mc, fx.cost[c]) || costs;
    }
    if (!costs) fx.cost[c].clear();
  }
  ++fx.closure_changes;
  s.routes_dirty = true;
}

float hazard_walking_speed(const Model& model, const SimState& s, ResidentId r, const WalkerPlace& at,
                           float v) {
  for (std::size_t k = 0; k < model.hazards.size(); ++k)
    v = model.hazards[k]->walking_speed(model, s, s.hazards[k].get(), r, at, v);
  return v;
}

}  // namespace ss
