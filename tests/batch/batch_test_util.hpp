#pragma once
// Helpers for the batch tests that run the built `safestreet` as a user does: the
// small test town (tests/batch/town) copied into a temporary folder, and the command
// run through the shell with its output kept.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/scenarios/scenario_test_util.hpp"

namespace ss::testing {

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Copies the test town into `dir` (optionally with more YAML appended to its
// variants) and returns the scenario path.
inline std::string test_town(const TempDir& dir, const std::string& more_variants = "") {
  const std::filesystem::path src = std::filesystem::path(SAFESTREET_SOURCE_DIR) / "tests/batch/town";
  dir.write("streets.geojson", read_file(src / "streets.geojson"));
  dir.write("buildings.geojson", read_file(src / "buildings.geojson"));
  return dir.write("town.yaml", read_file(src / "town.yaml") + more_variants);
}

struct CommandResult {
  int code = -1;       // exit code; -1 when ended by a signal
  std::string output;  // stdout and stderr
};

// `safestreet ARGS` through the shell, waited for.
inline CommandResult safestreet(const std::string& args, const TempDir& dir) {
  const std::string log = dir.path() + "/cli-output.txt";
  const std::string cmd = std::string(SAFESTREET_BINARY) + " " + args + " > " + log + " 2>&1";
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(log)};
}

}  // namespace ss::testing
