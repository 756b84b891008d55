#pragma once
// The `safestreet` command run as a user runs it, for tests in several files: its
// exit code and output, files read back, and a small complete town scenario.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/scenarios/scenario_test_util.hpp"

namespace ss::testing::cli {

struct Result {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

inline Result safestreet(const std::string& args) {
  const std::string cmd = std::string(SAFESTREET_BINARY) + " " + args + " 2>&1";
  Result r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), p)) r.output += buf.data();
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline const char* kHouses = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"building":"house"},"geometry":{"type":"Polygon","coordinates":[[[11.2805,49.5102],[11.2807,49.5102],[11.2807,49.51035],[11.2805,49.51035],[11.2805,49.5102]]]}},
{"type":"Feature","properties":{"building":"apartments","building:levels":"4"},"geometry":{"type":"Polygon","coordinates":[[[11.2835,49.5102],[11.2837,49.5102],[11.2837,49.51035],[11.2835,49.51035],[11.2835,49.5102]]]}}]})";

// A complete small scenario; `run_line` and `extra` let a test break one thing.
inline std::string town(const ss::testing::TempDir& dir,
                        const std::string& run_line = "run: {dt: 1, duration: 1 h, seed: 4}\n",
                        const std::string& extra = "", const std::string& streets = "streets.geojson") {
  dir.write("streets.geojson", ss::testing::kStreetsGeoJson);
  dir.write("buildings.geojson", kHouses);
  return dir.write("town.yaml",
                   "name: small town\n"
                   "map: {streets: " +
                       streets +
                       ", buildings: buildings.geojson}\n"
                       "population: {synthesize: {total: 60, seed: 3}}\n"
                       "shelters:\n"
                       "  list:\n"
                       "    - {name: Hall, lon: 11.2830, lat: 49.5121, capacity: 100}\n"
                       "zones: {grid: 200 m}\n" +
                       run_line + extra);
}

}  // namespace ss::testing::cli
