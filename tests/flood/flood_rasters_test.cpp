// External floods: depth rasters written as GeoTIFF, read back onto the flood grid
// and interpolated in time; and the flood outputs' GeoTIFFs keep their georeference.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/flood_solver.hpp"
#include "maps/flood_rasters.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

namespace {

using namespace ss;

FloodGrid small_grid() {
  FloodGrid g;
  g.origin = {650000.0, 5480000.0};
  g.cell = 10.0;
  g.nx = 8;
  g.ny = 6;
  g.z.assign(g.size(), 300.0);
  g.manning.assign(g.size(), 0.03f);
  g.blocked.assign(g.size(), 0);
  return g;
}

}  // namespace

TEST_CASE("an external depth series is read onto the flood grid and interpolated in time") {
  testing::TempDir dir;
  const maps::Projector utm = maps::Projector::from_definition("EPSG:32632");
  FloodDesc f;
  f.grid = small_grid();
  std::vector<float> d0(f.grid.size(), 0.0f), d1(f.grid.size(), 0.0f);
  for (std::size_t c = 0; c < d1.size(); ++c) d1[c] = 0.1f * static_cast<float>(c % 8);  // deeper to the east
  maps::write_flood_geotiff(dir.path() + "/d0.tif", f.grid, d0, utm.wkt());
  maps::write_flood_geotiff(dir.path() + "/d1.tif", f.grid, d1, utm.wkt());
  f.external = maps::load_external_flood({{0.0, dir.path() + "/d0.tif", ""}, {600.0, dir.path() + "/d1.tif", ""}},
                                         f.grid, utm, "flood.external");
  FloodState s;
  init_flood(f, s);
  advance_flood(f, s, 300.0);
  const std::size_t c = 2 * 8 + 5;  // column 5: 0.5 m at 600 s
  CHECK(s.h[c] == Approx(0.25).margin(1e-4));
  advance_flood(f, s, 900.0);  // held after the last frame
  CHECK(s.h[c] == Approx(0.5).margin(1e-4));
  CHECK(s.max_depth[c] == Approx(0.5).margin(1e-4));
  CHECK(s.arrival[c] == Approx(300.0));  // first seen ≥ 5 cm at the 300 s step
}

TEST_CASE("external frames out of order or with speed for some frames only are input errors") {
  testing::TempDir dir;
  const maps::Projector utm = maps::Projector::from_definition("EPSG:32632");
  const FloodGrid g = small_grid();
  maps::write_flood_geotiff(dir.path() + "/d.tif", g, std::vector<float>(g.size(), 0.2f), utm.wkt());
  const std::string d = dir.path() + "/d.tif";
  CHECK_THROWS_WITH(maps::load_external_flood({{600.0, d, ""}, {0.0, d, ""}}, g, utm, "flood.external"),
                    Catch::Contains("increase"));
  CHECK_THROWS_WITH(maps::load_external_flood({{0.0, d, d}, {600.0, d, ""}}, g, utm, "flood.external"),
                    Catch::Contains("speed"));
}
