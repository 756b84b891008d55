#include "engine/core/heat_figures.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/metrics.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"

namespace ss {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

std::vector<double> street_peak_density(const Model& model, const SimState& state) {
  const StreetGraph& g = model.world.streets;
  const StreetRecords& rec = state.records.streets;
  std::vector<double> out(g.edge_count(), kNaN);
  for (std::size_t e = 0; e < out.size() && e < rec.peak_count.size(); ++e) {
    const double area = static_cast<double>(g.edge_length[e]) * g.edge_width[e];
    if (area > 0.0) out[e] = rec.peak_count[e] / area;
  }
  return out;
}

std::vector<double> street_queue_minutes(const Model& model, const SimState& state) {
  const StreetRecords& rec = state.records.streets;
  std::vector<double> out(std::min(model.world.streets.edge_count(), rec.queue_steps.size()), 0.0);
  for (std::size_t e = 0; e < out.size(); ++e) {
    const std::uint64_t open_queue =
        e < state.edge_queued.size() && state.edge_queued[e] > 0 ? state.step - rec.queue_since[e] : 0;
    out[e] = static_cast<double>(rec.queue_steps[e] + open_queue) * model.run.dt / 60.0;
  }
  return out;
}

HomeHeat home_heat(const Model& model, const SimState& state) {
  const Population& pop = model.population;
  const std::size_t nb = model.world.buildings.size();
  std::vector<std::vector<std::size_t>> living(nb);
  for (std::size_t i = 0; i < pop.size(); ++i) {
    const BuildingId b = pop.home_building[i];
    if (b.valid() && b.index() < nb) living[b.index()].push_back(i);
  }
  const FireRun* fire = find_fire_run(model, state);
  HomeHeat h;
  std::vector<double> safe;
  for (std::size_t b = 0; b < nb; ++b) {
    if (living[b].empty()) continue;
    double water = kNaN, dose = kNaN;
    safe.clear();
    for (const std::size_t i : living[b]) {
      for (std::size_t k = 0; k < model.hazards.size() && k < state.hazards.size(); ++k) {
        const double x = model.hazards[k]->home_water_exposure(model, state.hazards[k].get(), ResidentId{i});
        water = std::fmax(water, x / 3600.0);  // fmax: NaN (no value) loses to a number
      }
      if (fire && i < fire->fed.size()) dose = std::fmax(dose, fire->fed[i]);
      if (i < state.arrival_time.size() && is_safe(outcome_of(model, state, ResidentId{i})))
        safe.push_back(state.arrival_time[i] / 60.0);
    }
    double median = kNaN;
    if (!safe.empty()) {  // the median as results.gpkg's safe_median_min gives it
      std::sort(safe.begin(), safe.end());
      const std::size_t n = safe.size();
      median = n % 2 ? safe[n / 2] : 0.5 * (safe[n / 2 - 1] + safe[n / 2]);
    }
    h.building.push_back(BuildingId{b});
    h.water_exposure_mh.push_back(water);
    h.smoke_dose.push_back(dose);
    h.safe_median_min.push_back(median);
  }
  return h;
}

}  // namespace ss
