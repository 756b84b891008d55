#pragma once
// The Merewether urban flood benchmark (ARR Project 15; data and provenance in
// ../shared/data/SOURCES.md §3a) as a flood model: 1 m DEM resampled to `cell`,
// the 60 building footprints blocking flow, Manning n 0.02 on the road polygon and
// 0.04 elsewhere, 19.7 m³/s over a 10 m circle at (382265, 6354280) — the setup of
// ANUGA's validation case — and free outflow on the open sides.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/hazards/flood/flood_grid.hpp"
#include "maps/flood_rasters.hpp"

namespace ss::test {

inline std::string merewether_dir() {
  for (const char* d : {SAFESTREET_SOURCE_DIR "/../shared/data/flood-benchmark/merewether",
                        "/work/shared/data/flood-benchmark/merewether"})
    if (std::filesystem::exists(d)) return d;
  return {};
}

// x,y rows of a CSV file; lines that do not start with two numbers are skipped.
inline std::vector<std::vector<double>> read_rows(const std::string& path) {
  std::vector<std::vector<double>> rows;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<double> row;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) {
      try {
        row.push_back(std::stod(cell));
      } catch (...) {
        break;
      }
    }
    if (row.size() >= 2) rows.push_back(row);
  }
  return rows;
}

inline Ring read_ring(const std::string& path) {
  Ring r;
  for (const auto& row : read_rows(path)) r.push_back({row[0], row[1]});
  return r;
}

struct ObservationPoint {
  Vec2 pos;
  int id = 0;
  double observed = 0.0;  // m AHD, peak stage, "ARR Report Final"
  double tuflow = 0.0;    // m AHD, WRL TUFLOW result in the same report
};

inline std::vector<ObservationPoint> merewether_observations(const std::string& dir) {
  std::vector<ObservationPoint> out;
  for (const auto& r : read_rows(dir + "/Observations/ObservationPoints.csv"))
    if (r.size() >= 6) out.push_back({{r[0], r[1]}, static_cast<int>(r[2]), r[4], r[5]});
  return out;
}

inline FloodDesc merewether_flood(const std::string& dir, double cell) {
  const maps::NativeRaster dem =
      maps::read_native_raster("/vsizip/" + dir + "/topography1.zip/topography1.asc", "dem");
  Box area;
  area.extend({382250.0, 6354265.0});  // extent.csv
  area.extend({382571.0, 6354681.0});
  FloodDesc f;
  f.grid = resample_terrain(maps::to_terrain(dem), area, cell, 10'000'000, "dem",
                            0.02);  // NoData fringe of the DEM
  FloodLandUse land;                // road 0.02, other 0.04: the ANUGA/ARR P15 values
  std::fill(f.grid.manning.begin(), f.grid.manning.end(), static_cast<float>(land.other));
  const Ring road = read_ring(dir + "/Road/RoadPolygon.csv");
  for (std::size_t c = 0; c < f.grid.size(); ++c)
    if (contains(road, f.grid.centre(c))) f.grid.manning[c] = static_cast<float>(land.road);
  std::vector<Building> houses;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/houses")) {
    Building b;
    b.outline = read_ring(e.path().string());
    houses.push_back(std::move(b));
  }
  apply_buildings(f.grid, houses, true, land);
  f.sources.push_back(
      {"inflow", cells_in_disc(f.grid, {382265.0, 6354280.0}, 10.0), Hydrograph{{0.0}, {19.7}}});
  for (const GridSide s : {GridSide::West, GridSide::East, GridSide::North, GridSide::South})
    f.outflows.push_back({s, 0.0});
  return f;
}

}  // namespace ss::test
