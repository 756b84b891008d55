#pragma once
// The runs a batch could not finish, and why: printed as the batch ends and written
// to DIR/failed_runs.csv, so a batch that lost runs to a crash, a kill or its run
// timeout says which ones (variant and seed) and why. The comparison itself only says
// which runs it lacks (Comparison::missing): it depends on the runs, not on how they
// were produced.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ss::batch {

inline constexpr const char* kFailedRunsFile = "failed_runs.csv";

struct FailedRun {
  std::string variant;
  std::uint64_t seed = 0;
  std::string reason{};  // its last error line, the signal that ended it, or "timed out after N s"
  std::string log{};     // its stderr, relative to the batch folder: <variant>/seed-<S>.log
};

// Header "variant,seed,reason,log", then one row per run in the order given.
std::string failed_runs_csv(const std::vector<FailedRun>& runs);

// Writes DIR/failed_runs.csv whole or not at all; a header alone when no run failed,
// so the list of an earlier batch in the same folder never stays behind. Throws
// std::runtime_error naming the file.
void write_failed_runs(const std::filesystem::path& dir, const std::vector<FailedRun>& runs);

// JSON form, to send them between MPI ranks.
nlohmann::json failed_runs_json(const std::vector<FailedRun>& runs);
// Throws std::runtime_error naming the field for a document not made by failed_runs_json.
std::vector<FailedRun> failed_runs_from_json(const nlohmann::json& j);

}  // namespace ss::batch
