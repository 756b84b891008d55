#pragma once
// comparison.json and comparison.csv: the machine-readable result of a batch, and
// the scan of run folders that `safestreet compare` rebuilds them from.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/comparison.hpp"

namespace ss::batch {

// Keys in a fixed order; numbers in shortest round-trip form; no times or paths, so
// the same runs give byte-identical files wherever and however they were produced.
nlohmann::ordered_json comparison_json(const Comparison& c);
// One row per (KPI, variant); empty cells where a value does not exist.
std::string comparison_csv(const Comparison& c);

// Writes a file whole or not at all (temporary sibling + rename); throws
// std::runtime_error naming the path.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

// Removes the temporary files (NAME.tmp-PID) that write_file_atomically() left in
// `dir` when its process was killed: those of processes no longer running here.
void remove_stale_temporaries(const std::filesystem::path& dir);

// Writes comparison.json, comparison.csv and report.html into `dir`. Variants
// without a description in `c` get the one DIR/batch.json gives, if any.
void write_comparison(const std::filesystem::path& dir, const Comparison& c);

// Every run folder under a batch folder: DIR/<variant>/seed-<S>/ with a summary.json.
// Staging folders of unfinished runs (seed-S.tmp-PID) are not run folders.
std::vector<std::filesystem::path> find_run_folders(const std::filesystem::path& batch_dir);

}  // namespace ss::batch
