// Building the flood grid from the terrain: a DEM that does not cover the flood
// area, and a cell so small that the grid would not fit, are input errors raised
// before the grid is allocated.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "engine/core/input_error.hpp"
#include "engine/hazards/flood/flood_grid.hpp"

namespace {

using namespace ss;

// 1 km x 1 km of 10 m terrain sloping east, NaN (NoData) where x > nodata_from.
TerrainGrid terrain(double nodata_from = 1e9) {
  TerrainGrid t;
  t.cell = 10.0;
  t.nx = 100;
  t.ny = 100;
  t.z.resize(static_cast<std::size_t>(t.nx) * t.ny);
  for (int iy = 0; iy < t.ny; ++iy)
    for (int ix = 0; ix < t.nx; ++ix)
      t.z[static_cast<std::size_t>(iy) * t.nx + ix] = (ix + 0.5) * t.cell > nodata_from
                                                          ? std::numeric_limits<float>::quiet_NaN()
                                                          : 100.0f - 0.01f * static_cast<float>(ix);
  return t;
}

Box box(double x0, double y0, double x1, double y1) {
  Box b;
  b.extend({x0, y0});
  b.extend({x1, y1});
  return b;
}

}  // namespace

TEST_CASE("a flood grid is the terrain sampled at the cell centres") {
  const FloodGrid g = resample_terrain(terrain(), box(100, 100, 300, 250), 20.0, 1'000'000, "flood.cell");
  CHECK(g.nx == 10);
  CHECK(g.ny == 8);  // 150 m grown to whole 20 m cells
  CHECK(g.z[0] ==
        Approx(100.0 - 0.01 * 10.5).margin(1e-4));  // centre (110, 110): between terrain cells 10 and 11
  CHECK(std::count(g.blocked.begin(), g.blocked.end(), 1) == 0);
}

TEST_CASE("a DEM that does not cover the flood area is an input error") {
  // NoData east of x = 600 m: a flood area reaching x = 800 m is only partly covered.
  CHECK_THROWS_WITH(
      resample_terrain(terrain(600.0), box(100, 100, 800, 500), 10.0, 1'000'000, "flood.cell"),
      Catch::Contains("the DEM does not cover the flood area") && Catch::Contains("flood.cell"));
  // Outside the terrain altogether.
  CHECK_THROWS_WITH(resample_terrain(terrain(), box(900, 100, 1500, 500), 10.0, 1'000'000, "flood.cell"),
                    Catch::Contains("does not cover"));
  // Within the covered part it builds.
  CHECK_NOTHROW(resample_terrain(terrain(600.0), box(100, 100, 550, 500), 10.0, 1'000'000, "flood.cell"));
}

TEST_CASE(
    "a cell that would need too many cells or more memory than the run may take is refused before "
    "allocating") {
  const TerrainGrid t = terrain();
  const Box area = box(0, 0, 1000, 1000);
  SECTION("beyond flood.max_cells") {
    // 1 km² at 0.5 m: 4 M cells against a limit of 1 M.
    try {
      (void)resample_terrain(t, area, 0.5, 1'000'000, "flood.cell");
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.field() == "flood.cell");
      CHECK_THAT(e.message(), Catch::Contains("2000 x 2000 cells") && Catch::Contains("0.26 GB") &&
                                  Catch::Contains("flood.max_cells") && Catch::Contains("larger cell"));
    }
  }
  SECTION("beyond the run's memory limit") {
    // 1 km² at 0.01 m is 10^10 cells: 640 GB, more than a 16 GB limit. The
    // check runs on the sizes alone; nothing of that size is ever allocated.
    try {
      (void)resample_terrain(t, area, 0.01, std::numeric_limits<std::size_t>::max(), "flood.cell", 0.0, 16e9);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK_THAT(e.message(), Catch::Contains("100000 x 100000 cells would need about 640") &&
                                  Catch::Contains("more than the limit of 16.00 GB") &&
                                  Catch::Contains("run.memory_limit"));
    }
    // Within the memory it builds.
    CHECK_NOTHROW(resample_terrain(t, area, 20.0, 1'000'000, "flood.cell", 0.0, 16e9));
  }
}
