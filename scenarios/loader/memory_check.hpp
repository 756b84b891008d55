#pragma once
// How much memory a scenario's run will take, and the refusal of one that would not
// fit, before its big arrays are allocated: the engine's estimate of the model and the
// run (engine/core/memory_estimate.hpp) plus the program itself and the map reader,
// against run.memory_limit (default: half of this machine's physical memory).
#include <cstddef>
#include <optional>

#include "engine/core/memory_estimate.hpp"
#include "engine/core/model.hpp"
#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

// The program and the libraries it loads (GDAL, PROJ, yaml-cpp, Box2D): 38 MB peak
// resident memory for `safestreet --version` (g++ 12 Release build, Debian bookworm),
// rounded up.
inline constexpr double kProgramBytes = 40e6;
// Reading a map through GDAL: the peak of `safestreet check scenarios/lauf.yaml` is
// 101 MB, of which the program 38 MB and the town's model a few MB, so about 60 MB go
// to reading the bundled OpenStreetMap extract and SRTM tile. GDAL's OSM reader keeps
// its temporary database in memory up to OSM_MAX_TMPFILE_SIZE (100 MB by default),
// so a larger extract takes up to about that much more. Counted as if still held
// during the run (glibc keeps freed memory for reuse): conservative.
inline constexpr double kMapReadingBytes = 60e6;

// run.memory_limit when the scenario sets it, else half of this machine's physical
// memory (planning assumption: the other half stays with the system, the page cache
// and other work; the same share the smoke grid may take, fire_assembly.cpp).
double memory_limit(const ScenarioDesc& d);

// The engine's estimate for model `m` (with `residents` residents when given, before
// they are drawn) plus the program and, when the scenario reads a map, the map reader.
MemoryEstimate estimate_memory(const ScenarioDesc& d, const Model& m,
                               std::optional<std::size_t> residents = {});

// Throws InputError at the field of the largest part when the estimate passes the
// limit, saying how much the run needs, the limit, and what to change.
void check_memory(const ScenarioDesc& d, const MemoryEstimate& e, double limit);

}  // namespace ss::scenarios
