#pragma once
// Helpers for the maps tests: fixture files written into a fresh temp folder,
// great-circle distances to check projected lengths against.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace ss::maps::test {

// A folder of its own per fixture name and process (ctest runs test cases in
// parallel processes), emptied on creation and removed when the process exits.
inline std::filesystem::path fixture_dir(const std::string& name) {
  struct Cleanup {
    std::vector<std::filesystem::path> dirs;
    ~Cleanup() {
      std::error_code ec;
      for (const auto& d : dirs) std::filesystem::remove_all(d, ec);
    }
  };
  static Cleanup cleanup;
  const auto dir =
      std::filesystem::temp_directory_path() / ("safestreet_maps_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  cleanup.dirs.push_back(dir);
  return dir;
}

inline std::string write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// Haversine distance on the mean Earth sphere (IUGG R1 = 6371008.8 m).
inline double haversine_m(double lon1, double lat1, double lon2, double lat2) {
  constexpr double kR = 6371008.8, kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * kR * std::asin(std::sqrt(a));
}

}  // namespace ss::maps::test
