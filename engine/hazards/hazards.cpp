#include "engine/hazards/hazards.hpp"

#include <algorithm>
#include <limits>

#include "engine/plan/warning.hpp"

namespace ss {

void init_hazards(const Model& model, SimState& s) {
  s.hazards.clear();
  for (const auto& h : model.hazards) s.hazards.emplace_back(h->start(model, s.seed));
  s.hazard_effects = HazardEffects{};
  if (model.hazards.empty()) return;
  for (auto& c : s.hazard_effects.closed) c.assign(model.world.streets.edge_count(), 0);
  s.records.hazard_closure_open.assign(model.hazards.size() * model.world.streets.edge_count(), -1);
}

namespace {

// The closures' record (RunRecords::hazard_closures): a street counts as closed by a
// hazard while it is closed to some mover class; run on the steps a closure changed.
void record_closures(const Model& model, SimState& s, double t_end) {
  const std::size_t ne = model.world.streets.edge_count();
  RunRecords& rec = s.records;
  std::vector<std::uint8_t> mask(ne);
  for (std::size_t k = 0; k < model.hazards.size(); ++k) {
    std::fill(mask.begin(), mask.end(), std::uint8_t{0});
    for (std::size_t c = 0; c < kMoverClassCount; ++c)
      model.hazards[k]->add_closures(s.hazards[k].get(), static_cast<MoverClass>(c), mask);
    for (std::size_t e = 0; e < ne; ++e) {
      std::int32_t& open = rec.hazard_closure_open[k * ne + e];
      if (mask[e] != 0 && open < 0) {
        open = static_cast<std::int32_t>(rec.hazard_closures.size());
        rec.hazard_closures.push_back({static_cast<std::uint32_t>(e), static_cast<std::uint32_t>(k), t_end,
                                       std::numeric_limits<double>::quiet_NaN()});
      } else if (mask[e] == 0 && open >= 0) {
        rec.hazard_closures[static_cast<std::size_t>(open)].to = t_end;
        open = -1;
      }
    }
  }
}

}  // namespace

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
  record_closures(model, s, t_end);
}

float hazard_walking_speed(const Model& model, const SimState& s, ResidentId r, const WalkerPlace& at,
                           float v) {
  for (std::size_t k = 0; k < model.hazards.size(); ++k)
    v = model.hazards[k]->walking_speed(model, s, s.hazards[k].get(), r, at, v);
  return v;
}

}  // namespace ss
