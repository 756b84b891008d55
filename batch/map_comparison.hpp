#pragma once
// The batch's comparison.gpkg: where on the map a plan variant helps or hurts. Per
// home (building with residents) and per zone, each variant's mean over seeds of what
// its runs' results.gpkg say (median time to safety and share safe; zones: T50, T90,
// T95 and share safe), and for every variant but the base the paired difference from
// the base plan (per seed variant − base, then mean and 95 % Student t interval over
// seeds: batch/stats.hpp) with a category better / worse / unchanged. The statistics
// are here; reading and writing the GeoPackages is maps/comparison_gpkg.cpp.
// docs/batch.md "comparison.gpkg".
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "maps/comparison_gpkg.hpp"

namespace ss::batch {

inline constexpr const char* kComparisonGpkg = "comparison.gpkg";

// With a single seed there is no interval: a difference is better or worse once it
// reaches these (planning assumption): a minute for times — a home's median time moves
// by seconds with the order residents pass a queue, and the map shows minutes —, and
// for shares the batch's practical threshold (0.001, one resident in a thousand:
// in a home any resident more or less safe).
inline constexpr double kSingleSeedMinutes = 1.0;
inline constexpr double kSingleSeedShare = 0.001;

// What comparison.gpkg needs of one run: its homes and zones from results.gpkg.
struct RunMap {
  std::string variant;
  std::uint64_t seed = 0;
  std::string crs_wkt{};  // empty: the run's map has no CRS (micro scenarios)
  maps::ResultsLayer homes{}, zones{};
};

// Reads RUN_DIR/results.gpkg; with `with_geometry` the features' geometry too (the
// base plan's runs: comparison.gpkg takes its shapes from the first). Throws
// ss::InputError or std::runtime_error naming the file.
RunMap read_run_map(const std::filesystem::path& run_dir, const std::string& variant, std::uint64_t seed,
                    bool with_geometry);

// Exact round trip through JSON text (geometry as hex), for MPI ranks sending their
// runs to rank 0, as their records go.
nlohmann::json run_map_json(const RunMap& m);
RunMap run_map_from_json(const nlohmann::json& j);

struct MapComparison {
  std::string crs_wkt{};
  std::vector<maps::ComparedLayer> layers{};  // homes_<variant> for every variant, then zones_<variant>
};

// The layers of comparison.gpkg from the runs read (any order; failed runs are simply
// absent). `variants`: base first, as Comparison::variants. Features are those of the
// base plan's run with the lowest seed; a variant's runs are matched to them by
// geometry (maps::ResultsFeature::key). Throws std::runtime_error when no run of the
// base plan is among `runs`.
MapComparison compare_maps(std::vector<RunMap> runs, const std::vector<std::string>& variants);

// Writes DIR/comparison.gpkg from `runs`, or explains why there is none (no run of the
// base plan, a map without a CRS: micro scenarios), removing an older one then.
// Returns a line for the batch's printout.
std::string write_map_comparison(const std::filesystem::path& dir, std::vector<RunMap> runs,
                                 const std::vector<std::string>& variants);

}  // namespace ss::batch
