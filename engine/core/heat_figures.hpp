#pragma once
// The figures the heat maps show, from a run's state at any time (the value so far
// during a run, the run's figure at its end): per street its peak crowd density and
// time with a queue, per home building its water exposure, smoke dose and residents'
// median time to safety. One definition for results.gpkg, the heat map GeoTIFFs
// (maps/heatmaps.cpp) and the GUI's heat layers (gui/heat_layers.cpp); docs/results.md
// "Heat maps".
#include <vector>

#include "engine/core/ids.hpp"
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss {

// Persons per m² of walkable street at the fullest so far: StreetRecords::peak_count
// over length × width (the network model's density). NaN for a street of no area or
// without records (a micro run), (edges).
std::vector<double> street_peak_density(const Model& model, const SimState& state);

// Minutes with someone queued at an end of the street so far, the queue still
// standing included, (edges); empty without records (a micro run).
std::vector<double> street_queue_minutes(const Model& model, const SimState& state);

// Per building people live in (in building order), what happened there so far. NaN
// where there is no value: no flood (water), no fire (dose), nobody safe yet (time).
struct HomeHeat {
  std::vector<BuildingId> building;       // the home buildings, ascending, (homes)
  std::vector<double> water_exposure_mh;  // m·h, highest over its residents' door cells, (homes)
  std::vector<double> smoke_dose;         // ISO 13571 FED of CO, highest of its residents, (homes)
  std::vector<double> safe_median_min;    // minutes, median time to safety of those safe, (homes)
  [[nodiscard]] std::size_t size() const { return building.size(); }
};
HomeHeat home_heat(const Model& model, const SimState& state);

}  // namespace ss
