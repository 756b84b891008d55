#include "engine/routing/navigation.hpp"

#include <cmath>

namespace ss {

bool shelter_open(const Model& model, const SimState& state, ShelterId s, double t) {
  return !state.shelter_closed[s.index()] && model.world.shelters[s.index()].open_time <= t;
}

bool shelter_accepts(const Model& model, const SimState& state, ShelterId s, ResidentId r, double t) {
  const ShelterSite& site = model.world.shelters[s.index()];
  if (!shelter_open(model, state, s, t)) return false;
  if (state.occupancy[s.index()] >= site.capacity) return false;
  if (model.population.mobility[r.index()] == Mobility::Wheelchair && !site.step_free) return false;
  return true;
}

const RouteField& route_field_for(const Model& model, const SimState& state, ResidentId r, double t) {
  const bool wheelchair = model.population.mobility[r.index()] == Mobility::Wheelchair;
  if (state.to_assembly[r.index()] != 0)
    return wheelchair ? state.routes.to_assembly_step_free : state.routes.to_assembly;
  if (wheelchair) return state.routes.nearest_step_free;
  // With hazards the elderly and children follow the field of their own limits.
  if (state.hazard_effects.any() && model.mover[r.index()] == MoverClass::ElderlyOrChild)
    return state.routes.nearest_elderly_child;
  const ShelterId a = state.assigned[r.index()];
  if (a.valid() && !state.shelter_full[a.index()] && shelter_open(model, state, a, t) &&
      !state.routes.to_shelter[a.index()].dist.empty())
    return state.routes.to_shelter[a.index()];
  return state.routes.nearest;
}

void admit(const Model& model, SimState& state, ResidentId r, ShelterId s, double t) {
  const std::size_t i = r.index(), si = s.index();
  state.leave_active(i, Status::Sheltered);
  state.arrival_time[i] = static_cast<float>(t);
  state.shelter[i] = s;
  ++state.occupancy[si];
  ++state.arrivals[si];
  const ShelterSite& site = model.world.shelters[si];
  if (!site.takes_everyone && state.occupancy[si] >= site.capacity && !state.shelter_full[si]) {
    state.shelter_full[si] = 1;
    if (std::isnan(state.shelter_full_time[si])) state.shelter_full_time[si] = static_cast<float>(t);
    state.routes_dirty = true;  // a full shelter turns newcomers on to the next one
  }
}

Outcome blocked_reason(const Model& model, const SimState& state, double t) {
  for (std::size_t s = 0; s < model.world.shelters.size(); ++s)
    if (!model.world.shelters[s].assembly_area() && shelter_open(model, state, ShelterId{s}, t) &&
        !state.shelter_full[s])
      return Outcome::NoRoute;
  return Outcome::SheltersFull;
}

bool head_for_assembly(const Model& model, SimState& state, ResidentId r, double t) {
  const std::size_t i = r.index();
  if (model.plan.when_shelters_full != Plan::WhenSheltersFull::AssemblyArea || state.to_assembly[i] != 0 ||
      blocked_reason(model, state, t) != Outcome::SheltersFull)
    return false;
  state.to_assembly[i] = 1;
  return true;
}

void closed_for(const SimState& state, MoverClass c, std::vector<std::uint8_t>& out) {
  out = state.edge_closed;
  const std::vector<std::uint8_t>& h = state.hazard_effects.closed[static_cast<std::size_t>(c)];
  if (h.empty()) return;
  for (std::size_t e = 0; e < out.size(); ++e) out[e] |= h[e];
}

void rebuild_routes(const Model& model, SimState& state, double t) {
  const World& w = model.world;
  std::vector<ShelterId> all, step_free, assembly, assembly_step_free;
  for (std::size_t s = 0; s < w.shelters.size(); ++s) {
    const ShelterId id{s};
    if (!shelter_open(model, state, id, t) || state.shelter_full[s]) continue;
    const bool area = w.shelters[s].assembly_area();
    (area ? assembly : all).push_back(id);
    if (w.shelters[s].step_free) (area ? assembly_step_free : step_free).push_back(id);
  }
  // With hazards every walker class gets a field over the streets still passable
  // for it (plan and inject closures plus what the hazards close for that class).
  std::vector<std::uint8_t> adult_closed, wheelchair_closed, vulnerable_closed;
  closed_for(state, MoverClass::Adult, adult_closed);
  closed_for(state, MoverClass::Wheelchair, wheelchair_closed);
  const HazardEffects& fx = state.hazard_effects;
  // Every walker's field weighs each street by the time it takes in the direction
  // walked on its slope or stair (Model::walk_factor), so a flatter detour wins when it
  // is quicker.
  const std::span<const float> walk = model.walk_factor;
  const EdgeFilter open{adult_closed, false, fx.cost[static_cast<std::size_t>(MoverClass::Adult)], walk};
  const EdgeFilter open_step_free{wheelchair_closed, true,
                                  fx.cost[static_cast<std::size_t>(MoverClass::Wheelchair)], walk};
  build_route_field(w.streets, w.shelters, all, open, state.routes.nearest);
  build_route_field(w.streets, w.shelters, step_free, open_step_free, state.routes.nearest_step_free);
  if (state.hazard_effects.any()) {
    closed_for(state, MoverClass::ElderlyOrChild, vulnerable_closed);
    build_route_field(w.streets, w.shelters, all,
                      EdgeFilter{vulnerable_closed, false,
                                 fx.cost[static_cast<std::size_t>(MoverClass::ElderlyOrChild)], walk},
                      state.routes.nearest_elderly_child);
  }
  if (model.plan.when_shelters_full == Plan::WhenSheltersFull::AssemblyArea) {
    build_route_field(w.streets, w.shelters, assembly, open, state.routes.to_assembly);
    build_route_field(w.streets, w.shelters, assembly_step_free, open_step_free,
                      state.routes.to_assembly_step_free);
  }
  state.routes.to_shelter.resize(w.shelters.size());
  if (model.plan.assignment == Plan::Assignment::ByZone) {
    for (const ShelterId s : model.plan.zone_shelter) {
      if (!s.valid()) continue;
      const ShelterId one[] = {s};
      const bool takes = shelter_open(model, state, s, t) && !state.shelter_full[s.index()];
      build_route_field(w.streets, w.shelters,
                        takes ? std::span<const ShelterId>(one) : std::span<const ShelterId>(), open,
                        state.routes.to_shelter[s.index()]);
    }
  }
  state.routes_dirty = false;
  ++state.records.route_rebuilds;
}

}  // namespace ss
