#pragma once
// The run list of a batch: every selected variant (the base plan as "base") × seed,
// each with its own folder DIR/<variant>/seed-<S>. Everything about the inputs is
// checked here, before any run starts.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "batch/variant_descriptions.hpp"

namespace ss::batch {

struct RunSpec {
  std::string variant;  // kBaseVariant for the base plan
  std::uint64_t seed = 0;
  std::filesystem::path dir;  // DIR/<variant>/seed-<S>
  std::filesystem::path log;  // DIR/<variant>/seed-<S>.log: the run's stderr
  // The child's arguments after the executable; empty: `run SCENARIO [--variant V]
  // --seed S --out DIR --quiet` (a batch's run). The after-action report's re-runs of a
  // drill are `replay JOURNAL --out DIR --without-decision LINE --quiet`.
  std::vector<std::string> command{};
};

struct BatchPlan {
  std::string scenario_path;  // as given
  std::string scenario_name;
  std::vector<std::string> variants;  // in the scenario's order, base first
  Descriptions descriptions;          // of every variant the scenario offers, and base
  std::vector<std::uint64_t> seeds;
  std::filesystem::path out;
  std::vector<RunSpec> runs;  // seed-major: seed 1 of every variant, then seed 2, ...
};

// Loads the scenario and every selected variant (so a bad patch, an unknown variant
// name or a wrong type is reported now, as an ss::InputError naming the file, line
// and field), and lays out the runs. `variants`: {"all"} or names, "base" for the
// base plan. `seeds` must be non-empty and without repeats.
BatchPlan plan_batch(const std::string& scenario_path, const std::vector<std::string>& variants,
                     const std::vector<std::uint64_t>& seeds, const std::filesystem::path& out);

// Seeds 1..n (`--seeds n`): run i of every variant uses seed i.
std::vector<std::uint64_t> seeds_one_to(std::uint64_t n);

// Claims the output folder for this scenario: writes DIR/batch.json (scenario name
// and path, each variant's description for the report), or checks that the one there
// (and any run folders) belong to the same scenario. Throws
// ss::InputError naming the folder otherwise, so two scenarios never mix.
void claim_output_folder(const BatchPlan& plan);

// Removes what interrupted runs among `runs` left behind (staging folders
// seed-S.tmp-PID and seed-S.old-PID); call only while none of them is running. Other
// runs' folders are not touched: another MPI rank or shard may be writing them.
void remove_leftovers(const std::vector<RunSpec>& runs);

// Runs whose folder does not yet hold a complete run (see is_complete_run).
std::vector<RunSpec> unfinished_runs(const BatchPlan& plan, const std::vector<RunSpec>& runs);

// Runs of shard i of n (0 <= i < n): every n-th run starting at i, for MPI ranks and
// scheduler job arrays. Every run lands in exactly one shard.
std::vector<RunSpec> shard_of(const std::vector<RunSpec>& runs, std::size_t i, std::size_t n);

}  // namespace ss::batch
