#pragma once
// How much memory a run of a model will take, estimated from the model before the run
// allocates its state: the model itself (the map as loaded, the population, the
// hazards' grids), the run's state (per resident, per street, per node of the way-out
// fields), the timeline the run records, each hazard's grids and snapshots
// (Hazard::memory_parts) and, with the micro model, its bodies and navigation grid.
// Bytes per element are the sizes of the arrays' element types (sizeof), so the
// estimate follows the code; what is not an array of the model or the state (the
// program and the libraries it loads, a map reader's buffers) the scenario loader adds
// (scenarios/loader/memory_check.hpp). Each part names the scenario field that drives
// it, so a refusal can say what to change.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ss {

struct Model;

struct MemoryPart {
  std::string what;   // e.g. "residents", "timeline", "flood grid"
  std::string field;  // the scenario field that drives it, e.g. "population", "run.timeline_interval"
  double bytes = 0.0;
};

struct MemoryEstimate {
  std::vector<MemoryPart> parts;
  [[nodiscard]] double total() const;
  // The part with the most bytes; nullptr when there are none.
  [[nodiscard]] const MemoryPart* largest() const;
};

// The model's and a run's memory, by part. `residents`: the population to assume
// (default: the model's), so a loader can check a population before drawing it. The
// model need not be finalized; what finalize() derives is estimated from the counts.
MemoryEstimate estimate_run_memory(const Model& model, std::optional<std::size_t> residents = {});

// Bytes per resident of the network run's state arrays (SimState, one element each;
// the micro model adds positions and velocities).
double run_state_bytes_per_resident();

// Bytes of one element of the array member `m` (a std::vector member of a struct),
// e.g. SS_ELEMENT_BYTES(SimState::status): the estimate follows the element types.
#define SS_ELEMENT_BYTES(m) static_cast<double>(sizeof(decltype(m)::value_type))

// Bytes a vector holds on the heap (its capacity), for the parts counted as they are.
template <class V>
double heap_bytes(const V& v) {
  return static_cast<double>(v.capacity() * sizeof(typename V::value_type));
}

}  // namespace ss
