// External floods: depth rasters written as GeoTIFF, read back onto the flood grid
// and interpolated in time; and the flood outputs' GeoTIFFs keep their georeference.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/hazards/flood/flood_solver.hpp"
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
  f.external =
      maps::load_external_flood({{0.0, dir.path() + "/d0.tif", ""}, {600.0, dir.path() + "/d1.tif", ""}},
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

TEST_CASE("external frames on different grids are input errors naming the file and the difference") {
  testing::TempDir dir;
  const maps::Projector utm = maps::Projector::from_definition("EPSG:32632");
  const FloodGrid g = small_grid();
  const std::vector<float> depth(g.size(), 0.2f);
  const std::string first = dir.path() + "/d0.tif";
  maps::write_flood_geotiff(first, g, depth, utm.wkt());
  auto load = [&](const std::string& second, const std::string& speed = "") {
    return maps::load_external_flood({{0.0, first, speed.empty() ? "" : first}, {600.0, second, speed}}, g,
                                     utm, "flood.external");
  };
  auto require_error = [](auto&& fn, const std::string& file, const std::string& field,
                          const std::string& how) {
    try {
      fn();
      FAIL("no error for " << file);
    } catch (const InputError& e) {
      INFO(e.what());
      CHECK(e.file() == file);
      CHECK(e.field() == field);
      CHECK_THAT(e.message(),
                 Catch::Contains(how) && Catch::Contains("share one grid") && Catch::Contains("d0.tif"));
    }
  };
  SECTION("another size") {
    FloodGrid other = g;
    other.nx = 9;
    other.z.assign(other.size(), 300.0);
    const std::string p = dir.path() + "/wide.tif";
    maps::write_flood_geotiff(p, other, std::vector<float>(other.size(), 0.2f), utm.wkt());
    require_error([&] { return load(p); }, p, "flood.external[1].depth", "9 x 6 pixels instead of 8 x 6");
  }
  SECTION("the same size moved by half a cell") {
    FloodGrid other = g;
    other.origin.x += 5.0;
    const std::string p = dir.path() + "/moved.tif";
    maps::write_flood_geotiff(p, other, depth, utm.wkt());
    require_error([&] { return load(p); }, p, "flood.external[1].depth", "origin (650005, 5480060)");
  }
  SECTION("another cell size") {
    FloodGrid other = g;
    other.cell = 5.0;
    const std::string p = dir.path() + "/fine.tif";
    maps::write_flood_geotiff(p, other, depth, utm.wkt());
    require_error([&] { return load(p); }, p, "flood.external[1].depth", "pixel 5 x -5");
  }
  SECTION("another CRS") {
    const std::string p = dir.path() + "/utm33.tif";
    maps::write_flood_geotiff(p, g, depth, maps::Projector::from_definition("EPSG:32633").wkt());
    require_error([&] { return load(p); }, p, "flood.external[1].depth", "CRS");
  }
  SECTION("a speed raster on another grid") {
    FloodGrid other = g;
    other.origin.y -= 10.0;
    const std::string p = dir.path() + "/speed.tif";
    maps::write_flood_geotiff(p, other, depth, utm.wkt());
    require_error([&] { return load(first, p); }, p, "flood.external[1].speed", "geotransform");
  }
}

TEST_CASE("an external series on a grid other than the flood grid is resampled onto it") {
  testing::TempDir dir;
  const maps::Projector utm = maps::Projector::from_definition("EPSG:32632");
  const FloodGrid g = small_grid();
  FloodGrid fine = g;  // 5 m pixels over the same area: one series, one grid, not the flood grid
  fine.cell = 5.0;
  fine.nx = 16;
  fine.ny = 12;
  std::vector<float> d0(fine.size(), 0.0f), d1(fine.size(), 0.4f);
  maps::write_flood_geotiff(dir.path() + "/f0.tif", fine, d0, utm.wkt());
  maps::write_flood_geotiff(dir.path() + "/f1.tif", fine, d1, utm.wkt());
  FloodDesc f;
  f.grid = g;
  f.external =
      maps::load_external_flood({{0.0, dir.path() + "/f0.tif", ""}, {600.0, dir.path() + "/f1.tif", ""}},
                                f.grid, utm, "flood.external");
  FloodState s;
  init_flood(f, s);
  advance_flood(f, s, 600.0);
  CHECK(s.h[3 * 8 + 4] == Approx(0.4).margin(1e-4));
}
