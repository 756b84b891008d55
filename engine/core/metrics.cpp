#include "engine/core/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ss {
namespace {

// Time at which `share` of `group` were safe: the k-th smallest arrival time with
// k = ceil(share × residents). Unreached when fewer than k are safe.
void fill_times(std::vector<float>& arrivals, std::uint32_t residents, EvacuationTimes& out) {
  out.residents = residents;
  out.safe = static_cast<std::uint32_t>(arrivals.size());
  std::sort(arrivals.begin(), arrivals.end());
  auto at = [&](double share) -> std::optional<double> {
    if (residents == 0) return std::nullopt;
    const auto k = static_cast<std::size_t>(std::ceil(share * residents - 1e-9));
    if (k == 0 || k > arrivals.size()) return std::nullopt;
    return static_cast<double>(arrivals[k - 1]);
  };
  out.t50 = at(0.50);
  out.t90 = at(0.90);
  out.t95 = at(0.95);
  out.t100 = at(1.00);
}

}  // namespace

Outcome outcome_of(const Model& model, const SimState& state, ResidentId r) {
  const std::size_t i = r.index();
  switch (state.status[i]) {
    case Status::Sheltered:
      if (!state.shelter[i].valid()) return Outcome::SafeUpstairs;  // Plan::vertical: at home, upstairs
      return model.world.shelters[state.shelter[i].index()].assembly_area() ? Outcome::AtAssemblyArea
                                                                            : Outcome::Sheltered;
    case Status::WaitingForHelp: return Outcome::NeedsAssistance;
    case Status::Stranded: return state.blocked[i];
    case Status::Unaware: return Outcome::NotWarned;
    case Status::Preparing:
      // WarningState::refuses is cleared by a knock or the hazard at the door
      // (engine/plan/warning.cpp); still set, they never meant to leave.
      if (!state.warn.refuses.empty() && state.warn.refuses[i] != 0) return Outcome::RefusedNotKnocked;
      break;
    case Status::Moving: break;
  }
  return Outcome::TimeRanOut;
}

RunMetrics compute_metrics(const Model& model, const SimState& state) {
  RunMetrics m;
  m.time = state.time(model.run.dt);
  const Population& pop = model.population;
  const std::size_t zones = model.world.zone_count();

  std::vector<float> all;
  std::array<std::vector<float>, GroupIndex::kCount> by_group;
  std::array<std::uint32_t, GroupIndex::kCount> group_size{};
  std::vector<std::vector<float>> by_zone(zones);
  std::vector<std::uint32_t> zone_size(zones, 0);
  m.by_zone.resize(zones);
  double dist_sum = 0.0, travel_sum = 0.0;
  // Households with a door-knock task still open (ordered, no team got there).
  std::vector<std::uint8_t> knock_open(state.warn.households.count(), 0);
  for (const Task& task : state.response.tasks)
    if (task.kind == TaskKind::DoorKnock && task.open && task.household.index() < knock_open.size())
      knock_open[task.household.index()] = 1;
  m.shelters.resize(model.world.shelters.size());
  // Where a resident who found every shelter full waits: at home, at a full shelter's
  // door (the shelter at the node they queue at; built on first use) or on the street.
  std::vector<ShelterId> shelter_at;
  auto count_wait = [&](std::size_t i) {
    if (!state.edge[i].valid()) {
      ++m.shelters_full_waits.at_home;
      return;
    }
    if (shelter_at.empty()) {
      shelter_at.resize(model.world.streets.node_count());
      for (std::size_t s = model.world.shelters.size(); s-- > 0;) {  // the first listed wins a shared node
        const NodeId n = model.world.shelters[s].node;
        if (n.valid() && n.index() < shelter_at.size()) shelter_at[n.index()] = ShelterId{s};
      }
    }
    const NodeId n = state.toward[i];
    const ShelterId at = n.valid() && n.index() < shelter_at.size() ? shelter_at[n.index()] : ShelterId{};
    if (at.valid() && state.remaining[i] <= 0.0f) {
      ++m.shelters_full_waits.at_shelters;
      ++m.shelters[at.index()].waiting_outside;
    } else {
      ++m.shelters_full_waits.on_streets;
    }
  };

  // Those upstairs: the deepest water at their door (any hazard with a depth) against their floor.
  std::size_t walked = 0;
  UpstairsMetrics& up = m.upstairs;
  up.min_margin = std::numeric_limits<double>::quiet_NaN();
  for (const float f : model.upstairs_floor) up.eligible += std::isnan(f) ? 0 : 1;
  auto count_upstairs = [&](std::size_t i) {
    ++up.residents;
    double depth = 0.0;
    for (std::size_t k = 0; k < model.hazards.size(); ++k) {
      const float d = model.hazards[k]->home_max_depth(model, state.hazards[k].get(), ResidentId{i});
      if (d > depth) depth = d;
    }
    const double margin = model.upstairs_floor[i] - depth;
    up.max_depth_below = std::max(up.max_depth_below, depth);
    if (std::isnan(up.min_margin) || margin < up.min_margin) up.min_margin = margin;
    if (margin <= 0.0) ++up.water_reached_floor;
  };

  for (std::size_t i = 0; i < pop.size(); ++i) {
    const std::size_t groups[3] = {GroupIndex::of_age(age_band(pop.age[i])),
                                   GroupIndex::of_mobility(pop.mobility[i]),
                                   GroupIndex::of_alone(pop.lives_alone[i] != 0)};
    const std::size_t z = model.home_zone[i].index();
    for (const std::size_t g : groups) ++group_size[g];
    ++zone_size[z];
    ++m.by_status[static_cast<std::size_t>(state.status[i])];
    const Outcome o = outcome_of(model, state, ResidentId{i});
    const auto oi = static_cast<std::size_t>(o);
    ++m.overall.by_outcome[oi];
    for (const std::size_t g : groups) ++m.by_group[g].by_outcome[oi];
    ++m.by_zone[z].by_outcome[oi];
    if (o == Outcome::RefusedNotKnocked && i < state.warn.households.of_resident.size() &&
        knock_open[state.warn.households.of_resident[i]] != 0)
      ++m.refused_knock_pending;
    if (o == Outcome::SheltersFull) count_wait(i);
    if (state.to_assembly[i] != 0 && state.status[i] == Status::Moving)
      ++m.shelters_full_waits.heading_to_assembly;
    if (o == Outcome::SafeUpstairs) count_upstairs(i);
    if (state.status[i] != Status::Sheltered) continue;
    const float t = state.arrival_time[i];
    all.push_back(t);
    for (const std::size_t g : groups) by_group[g].push_back(t);
    by_zone[z].push_back(t);
    if (o == Outcome::SafeUpstairs) continue;  // no walk: not in the mean distance and travel time
    ++walked;
    dist_sum += state.distance[i];
    travel_sum += state.arrival_time[i] - state.start_time[i];
  }
  const std::size_t safe = walked;
  fill_times(all, static_cast<std::uint32_t>(pop.size()), m.overall);
  for (std::size_t g = 0; g < GroupIndex::kCount; ++g) fill_times(by_group[g], group_size[g], m.by_group[g]);
  for (std::size_t z = 0; z < zones; ++z) fill_times(by_zone[z], zone_size[z], m.by_zone[z]);
  if (safe > 0) {
    m.mean_distance = dist_sum / static_cast<double>(safe);
    m.mean_travel_time = travel_sum / static_cast<double>(safe);
  }

  for (std::size_t s = 0; s < m.shelters.size(); ++s) {
    ShelterMetrics& sm = m.shelters[s];
    sm.capacity = model.world.shelters[s].capacity;
    sm.takes_everyone = model.world.shelters[s].takes_everyone;
    sm.arrivals = state.arrivals[s];
    sm.occupancy = state.occupancy[s];
    sm.peak_occupancy = state.occupancy[s];
    for (const auto& row : state.records.occupancy_series)
      sm.peak_occupancy = std::max(sm.peak_occupancy, row[s]);
    if (!std::isnan(state.shelter_full_time[s])) sm.full_time = state.shelter_full_time[s];
    sm.closed = state.shelter_closed[s] != 0;
  }
  return m;
}

}  // namespace ss
