#pragma once
// Subcommands of the `safestreet` command line tool.
#include <cstdint>
#include <optional>
#include <string>

namespace ss::cli {

int main(int argc, char** argv);

struct RunOptions {
  std::string scenario;
  std::string variant;
  std::optional<std::uint64_t> seed;  // default: the scenario's run.seed
  std::string out;                    // default: out/<scenario>[-<variant>]
  bool quiet = false;                 // no progress bar and summary
};
int run_command(const RunOptions& opt);

struct CheckOptions {
  std::string scenario;
  std::string variant;
  bool json = false;  // machine-readable report on stdout
};
int check_command(const CheckOptions& opt);

// Exit codes shared by the subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // a run failed for a reason other than its inputs
inline constexpr int kExitBadInput = 2;  // the scenario or a file it names is wrong
inline constexpr int kExitProblems = 3;  // `check` found problems that do not stop a run

}  // namespace ss::cli
