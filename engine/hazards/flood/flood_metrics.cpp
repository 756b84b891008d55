#include "engine/hazards/flood/flood_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/hazards/flood/flood_hazard.hpp"

namespace ss {

std::vector<float> home_arrival_times(const Model& model, const SimState& state) {
  const FloodLinks& l = find_flood(model)->desc().links;
  const FloodRun& f = *find_flood_run(model, state);
  std::vector<float> out(model.population.size(), std::numeric_limits<float>::quiet_NaN());
  for (std::size_t r = 0; r < out.size(); ++r)
    if (l.home_cell[r] != FloodLinks::kNoCell) out[r] = f.field.arrival[l.home_cell[r]];
  return out;
}

FloodMetrics compute_flood_metrics(const Model& model, const SimState& s) {
  const FloodDesc& fd = find_flood(model)->desc();
  const FloodRun& f = *find_flood_run(model, s);
  const FloodState& field = f.field;
  const Population& pop = model.population;
  const auto deep_water =
      static_cast<float>(fd.people.max_depth[static_cast<std::size_t>(MoverClass::Adult)]);
  FloodMetrics m;
  m.volumes = field.volumes;
  m.mass_error = field.volumes.relative_error();
  m.substeps = field.substeps;
  m.cell_updates = field.cell_updates;
  m.negative_depths = field.negative_depths;
  m.nx = fd.grid.nx;
  m.ny = fd.grid.ny;
  m.cell = fd.grid.cell;
  for (const float d : field.max_depth) {
    m.max_depth = std::max(m.max_depth, static_cast<double>(d));
    if (d >= fd.solver.arrival_depth) m.flooded_area += fd.grid.cell * fd.grid.cell;
  }
  m.by_zone.resize(model.world.zone_count());
  m.closure_changes = f.closure_changes;
  for (std::size_t c = 0; c < kMoverClassCount; ++c)
    m.closed_at_end[c] = static_cast<std::uint32_t>(std::count(f.closed[c].begin(), f.closed[c].end(), 1));

  const std::vector<float> arrival = home_arrival_times(model, s);
  const StreetGraph& g = model.world.streets;
  for (std::size_t r = 0; r < pop.size(); ++r) {
    FloodExposure* rows[] = {&m.overall, &m.by_group[GroupIndex::of_age(age_band(pop.age[r]))],
                             &m.by_group[GroupIndex::of_mobility(pop.mobility[r])],
                             &m.by_group[GroupIndex::of_alone(pop.lives_alone[r] != 0)],
                             &m.by_zone[model.home_zone[r].index()]};
    const bool wet = f.worst_class[r] != FloodRun::kNever;
    const bool deep = wet && f.worst_depth[r] >= deep_water;
    const bool home = !std::isnan(f.reached_at_home[r]);
    const bool stranded = !std::isnan(f.stranded_time[r]);
    for (FloodExposure* e : rows) {
      ++e->residents;
      if (wet) {
        ++e->in_water;
        ++e->ever_in_class[f.worst_class[r]];
        e->in_deep_water += deep ? 1 : 0;
      }
      e->reached_at_home += home ? 1 : 0;
      e->stranded += stranded ? 1 : 0;
      e->longest_exposure = std::max(e->longest_exposure, static_cast<double>(f.wet_time[r]));
    }
    if (wet && (!m.longest_resident || f.wet_time[r] > f.wet_time[m.longest_resident->index()])) {
      m.longest_resident = ResidentId(r);
      m.longest_worst_edge = f.worst_edge[r];
    }
    if (!std::isnan(arrival[r])) {
      ++m.homes_reached;
      if (!m.first_home_arrival || arrival[r] < *m.first_home_arrival) m.first_home_arrival = arrival[r];
    }
    if (stranded) {
      StrandedResident sr;
      sr.resident = ResidentId(r);
      sr.time = f.stranded_time[r];
      // Where they wait: the junction ahead on their street, or home (network model).
      sr.at_home = !s.edge[r].valid();
      sr.pos = sr.at_home ? pop.home[r] : g.node_pos[s.toward[r].index()];
      sr.zone = model.world.zone_of(sr.pos);
      m.stranded.push_back(sr);
    }
  }

  m.shelters.resize(model.world.shelters.size());
  for (std::size_t sh = 0; sh < m.shelters.size(); ++sh) {
    const std::uint32_t c = fd.links.shelter_cell[sh];
    if (c != FloodLinks::kNoCell && !std::isnan(field.arrival[c])) m.shelters[sh].arrival = field.arrival[c];
    if (!std::isnan(f.shelter_flooded[sh])) m.shelters[sh].closed = f.shelter_flooded[sh];
    m.shelters[sh].occupants = f.occupants_flooded[sh];
  }
  return m;
}

}  // namespace ss
