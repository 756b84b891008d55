#pragma once
// Key figures of a run, computed from a SimState (at the end or live, for the GUI).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"

namespace ss {

// Times (s) at which a share of a group's residents was safe; nullopt if never reached.
struct EvacuationTimes {
  std::uint32_t residents = 0;
  std::uint32_t safe = 0;
  std::optional<double> t50, t90, t95, t100;              // s
  std::array<std::uint32_t, kOutcomeCount> by_outcome{};  // residents by Outcome (meaningful at the end)
};

struct ShelterMetrics {
  std::int32_t capacity = 0;
  std::int32_t arrivals = 0;
  std::int32_t occupancy = 0;       // at the end
  std::int32_t peak_occupancy = 0;  // highest in any timeline row or at the end
  std::optional<double> full_time;  // s when it first filled
  bool closed = false;
  bool takes_everyone = false;  // ShelterSite::takes_everyone: never full
  // Residents turned away with every shelter full (Outcome::SheltersFull) who wait at
  // this shelter's door (Plan::when_shelters_full): the crowd outside it.
  std::int32_t waiting_outside = 0;
};

// Where residents who found every shelter full (Outcome::SheltersFull) wait.
struct FullShelterWaits {
  std::uint32_t at_home = 0;      // never left: every shelter was full before they set off
  std::uint32_t at_shelters = 0;  // at the door of a full shelter (ShelterMetrics::waiting_outside)
  std::uint32_t on_streets = 0;   // at a junction on the way
  // Plan::WhenSheltersFull::AssemblyArea: on their way to an assembly area at the end
  // (those there are Outcome::AtAssemblyArea; those it turned away wait as above).
  std::uint32_t heading_to_assembly = 0;
};

// Plan::vertical: who stayed on their top floor, and the water below them.
struct UpstairsMetrics {
  std::uint32_t eligible = 0;   // residents the plan lets stay upstairs (Model::upstairs_floor)
  std::uint32_t residents = 0;  // of them, upstairs at the end (Outcome::SafeUpstairs)
  // Deepest water at the door of any of them over the run so far, m, and the
  // shallowest margin left between that water and their floor, m (NaN: nobody upstairs).
  double max_depth_below = 0.0;
  double min_margin = 0.0;
  std::uint32_t water_reached_floor = 0;  // water at the door as high as their floor (should stay 0)
};

struct RunMetrics {
  double time = 0.0;        // s, simulated time the metrics refer to
  EvacuationTimes overall;  // overall.by_outcome: every resident by Outcome
  std::array<EvacuationTimes, GroupIndex::kCount> by_group;
  std::vector<EvacuationTimes> by_zone;  // (zones)
  std::array<std::uint32_t, kStatusCount> by_status{};
  UpstairsMetrics upstairs;
  // Of the RefusedNotKnocked: those whose home had a door-knock task still open at
  // the end (ordered, but no team got there); the others' homes were never on the
  // plan's door-knock list (Plan::response door_knock_zones / low-lying).
  std::uint32_t refused_knock_pending = 0;
  FullShelterWaits shelters_full_waits;
  std::vector<ShelterMetrics> shelters;  // (shelters)
  double mean_distance = 0.0;            // m walked by sheltered residents
  double mean_travel_time = 0.0;         // s from leaving home to shelter
};

// Outcome of each resident as of now: Sheltered, or why not (see Outcome). Residents
// still on their way or getting ready at the end of the run are TimeRanOut; those
// still at home because they refused to leave, RefusedNotKnocked; never warned, NotWarned.
Outcome outcome_of(const Model& model, const SimState& state, ResidentId r);

RunMetrics compute_metrics(const Model& model, const SimState& state);

}  // namespace ss
