#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>

#include "engine/core/input_error.hpp"
#include "maps/maps_test_support.hpp"
#include "maps/terrain_import.hpp"

using namespace ss;
using namespace ss::maps;

namespace {
// Writes a 100 × 100 GeoTIFF with 10 m pixels whose elevation rises 1 cm per metre
// eastwards: z = 300 + 0.01 * (x - x0) at pixel centres. Bilinear sampling of a
// linear field is exact, so resampled values can be checked precisely. Pixels of
// the western `nodata_cols` columns are NoData.
std::string write_dem(const std::filesystem::path& path, Vec2 x0y0, bool with_crs, int nodata_cols = 0,
                      double pixel = 10.0) {
  GDALAllRegister();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
  REQUIRE(drv);
  GDALDataset* ds = drv->Create(path.c_str(), 100, 100, 1, GDT_Float32, nullptr);
  REQUIRE(ds);
  double gt[6] = {x0y0.x, pixel, 0.0, x0y0.y + 100 * pixel, 0.0, -pixel};
  ds->SetGeoTransform(gt);
  if (with_crs) {
    OGRSpatialReference srs;
    srs.importFromEPSG(32632);
    ds->SetSpatialRef(&srs);
  }
  std::vector<float> z(100 * 100);
  for (int j = 0; j < 100; ++j)
    for (int i = 0; i < 100; ++i) z[j * 100 + i] = i < nodata_cols ? -9999.0f : 300.0f + 0.1f * i + 0.05f;
  GDALRasterBand* b = ds->GetRasterBand(1);
  b->SetNoDataValue(-9999.0);
  CHECK(b->RasterIO(GF_Write, 0, 0, 100, 100, z.data(), 100, 100, GDT_Float32, 0, 0, nullptr) == CE_None);
  GDALClose(ds);
  return path.string();
}

const Vec2 kCorner{650000.0, 5485000.0};  // UTM 32N, near Lauf
}  // namespace

TEST_CASE("a DEM is resampled onto a grid covering the map plus one cell") {
  const auto dir = test::fixture_dir("terrain");
  const Projector proj = Projector::utm_for({11.28, 49.51});
  TerrainRequest rq;
  rq.path = write_dem(dir / "dem.tif", kCorner, true);
  rq.bounds.extend(kCorner + Vec2{200, 200});
  rq.bounds.extend(kCorner + Vec2{600, 500});
  rq.cell = 25.0;
  const TerrainGrid g = load_terrain(rq, proj);
  CHECK(g.cell == 25.0);
  CHECK(g.origin == kCorner + Vec2{175, 175});
  CHECK(g.nx == 18);
  CHECK(g.ny == 14);
  for (const Vec2 p : {Vec2{300, 300}, Vec2{412.5, 333}, Vec2{555, 480}}) {
    const double expect = 300.0 + 0.01 * p.x;  // linear field, relative to the raster's west edge
    CHECK(g.sample(kCorner + p) == Approx(expect).margin(1e-3));
  }
  CHECK(std::isnan(g.sample(kCorner + Vec2{5000, 5000})));
}

TEST_CASE("a DEM without a CRS is an input error naming the file") {
  const auto dir = test::fixture_dir("terrain_nocrs");
  TerrainRequest rq;
  rq.path = write_dem(dir / "dem.tif", kCorner, false);
  rq.bounds.extend(kCorner + Vec2{200, 200});
  rq.bounds.extend(kCorner + Vec2{600, 500});
  try {
    (void)load_terrain(rq, Projector::utm_for({11.28, 49.51}));
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == rq.path);
    CHECK(e.field() == "map.terrain");
    CHECK_THAT(e.message(), Catch::Contains("no coordinate reference system"));
  }
}

TEST_CASE("a DEM that does not cover the map is an input error") {
  const auto dir = test::fixture_dir("terrain_cover");
  const Projector proj = Projector::utm_for({11.28, 49.51});
  TerrainRequest rq;
  rq.path = write_dem(dir / "dem.tif", kCorner, true);
  rq.bounds.extend(kCorner + Vec2{800, 800});  // mostly east and north of the raster
  rq.bounds.extend(kCorner + Vec2{3000, 3000});
  CHECK_THROWS_WITH(load_terrain(rq, proj), Catch::Contains("does not cover the map"));
  // NoData over most of the map counts as not covered as well.
  rq.path = write_dem(dir / "dem_nodata.tif", kCorner, true, 80);
  rq.bounds = Box{};
  rq.bounds.extend(kCorner + Vec2{100, 100});
  rq.bounds.extend(kCorner + Vec2{900, 900});
  CHECK_THROWS_WITH(load_terrain(rq, proj), Catch::Contains("does not cover the map"));
}

TEST_CASE("a DEM whose geotransform has an absurd pixel size is an input error, not a wrong read") {
  // Found by fuzzing (fuzz/regressions/flood_raster/): pixel coordinates of the map
  // then lie far outside what an int holds.
  const auto dir = test::fixture_dir("terrain_pixel");
  const Projector proj = Projector::utm_for({11.28, 49.51});
  TerrainRequest rq;
  rq.bounds.extend(kCorner + Vec2{200, 200});
  rq.bounds.extend(kCorner + Vec2{600, 500});
  for (const double pixel : {1e-270, 1e-9}) {
    rq.path = write_dem(dir / "dem.tif", kCorner, true, 0, pixel);
    CHECK_THROWS_WITH(load_terrain(rq, proj), Catch::Contains("does not cover the map"));
  }
}
