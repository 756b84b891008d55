#pragma once
// Helpers for drill tests: the small test town with a team, and a run folder's files
// compared byte for byte.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "tests/scenarios/scenario_test_util.hpp"

namespace ss::testing {

// The small town (tests/scenarios/scenario_test_util.hpp) with a team, warned at 2 min,
// as town.yaml in `dir`; its path.
inline std::string drill_town(const TempDir& dir) {
  return small_town(dir,
                    "plan: {warning_time: 2 min, teams: [{name: Squad, kind: subdistrict, members: 4,\n"
                    "       depot: {lon: 11.2815, lat: 49.5100}}]}\n");
}

// Every file under `dir` (relative path -> bytes); summary.json without its
// "wall_seconds" line, the one value that differs between identical runs.
inline std::map<std::string, std::string> run_files(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    const std::string rel = e.path().lexically_relative(dir).string();
    if (rel == "summary.json") {
      const std::size_t at = text.find("\"wall_seconds\"");
      if (at != std::string::npos) text.erase(at, text.find('\n', at) - at);
    }
    out[rel] = std::move(text);
  }
  return out;
}

}  // namespace ss::testing
