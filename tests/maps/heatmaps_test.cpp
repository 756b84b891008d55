// The heat maps of a run (maps/heatmaps.cpp), read back through GDAL as QGIS would:
// one grid in the map's CRS, NaN as NoData, the streets' peak density and the homes'
// water exposure where results.gpkg has them, the time to safety surface by Shepard's
// interpolation, the QGIS styles beside them, and the same bytes from the same run.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "engine/core/heat_figures.hpp"
#include "engine/core/metrics.hpp"
#include "engine/core/simulation.hpp"
#include "maps/gdal_support.hpp"
#include "maps/heatmaps.hpp"
#include "maps/results_gpkg.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using namespace ss;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A heat map read back: its grid, CRS, NoData and values (rows from the north).
struct Tif {
  maps::detail::DatasetPtr ds;
  double gt[6] = {};
  int nx = 0, ny = 0;
  std::vector<float> v;
  bool nodata_nan = false;
  // The value of the cell holding p; NaN outside.
  [[nodiscard]] float at(Vec2 p) const {
    const int i = static_cast<int>(std::floor((p.x - gt[0]) / gt[1]));
    const int j = static_cast<int>(std::floor((p.y - gt[3]) / gt[5]));
    if (i < 0 || j < 0 || i >= nx || j >= ny) return std::nanf("");
    return v[static_cast<std::size_t>(j) * nx + i];
  }
  // The centre of the cell holding p.
  [[nodiscard]] Vec2 centre(Vec2 p) const {
    const double i = std::floor((p.x - gt[0]) / gt[1]), j = std::floor((p.y - gt[3]) / gt[5]);
    return {gt[0] + (i + 0.5) * gt[1], gt[3] + (j + 0.5) * gt[5]};
  }
};

Tif read_tif(const std::string& path) {
  maps::detail::ensure_gdal_registered();
  Tif t;
  t.ds.reset(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_RASTER, nullptr, nullptr, nullptr)));
  REQUIRE(t.ds);
  REQUIRE(t.ds->GetGeoTransform(t.gt) == CE_None);
  t.nx = t.ds->GetRasterXSize();
  t.ny = t.ds->GetRasterYSize();
  GDALRasterBand* b = t.ds->GetRasterBand(1);
  REQUIRE(b->GetRasterDataType() == GDT_Float32);
  int has = 0;
  const double nodata = b->GetNoDataValue(&has);
  t.nodata_nan = has != 0 && std::isnan(nodata);
  t.v.resize(static_cast<std::size_t>(t.nx) * t.ny);
  REQUIRE(b->RasterIO(GF_Read, 0, 0, t.nx, t.ny, t.v.data(), t.nx, t.ny, GDT_Float32, 0, 0) == CE_None);
  return t;
}

maps::detail::DatasetPtr open_gpkg(const std::string& path) {
  maps::detail::ensure_gdal_registered();
  return maps::detail::DatasetPtr{
      static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr))};
}

Vec2 first_segment_middle(const OGRLineString& l) {
  return {0.5 * (l.getX(0) + l.getX(1)), 0.5 * (l.getY(0) + l.getY(1))};
}

void check_grid(const Tif& t, const Model& m) {
  const maps::HeatGrid g = maps::heat_grid(m);
  CHECK(t.nx == g.nx);
  CHECK(t.ny == g.ny);
  CHECK(t.gt[1] == g.cell);
  CHECK(t.gt[5] == -g.cell);
  CHECK(t.gt[0] == g.origin.x);
  CHECK(t.gt[3] == g.origin.y + g.ny * g.cell);
  CHECK(t.nodata_nan);
  const OGRSpatialReference* srs = t.ds->GetSpatialRef();
  REQUIRE(srs);
  const OGRSpatialReference want = maps::detail::srs_from_wkt(m.world.crs_wkt);
  CHECK(srs->IsSame(&want));
  // No time stamp: the same run gives the same bytes.
  CHECK(t.ds->GetMetadataItem("TIFFTAG_DATETIME") == nullptr);
}

}  // namespace

TEST_CASE("Shepard's interpolation gives a home its own time and weighs nearer homes more") {
  const std::vector<Vec2> at = {{0, 0}, {100, 0}, {1000, 0}};
  const std::vector<double> t = {10.0, 30.0, 99.0};
  CHECK(maps::shepard_idw(at, t, {0, 0}) == 10.0);
  CHECK(maps::shepard_idw(at, t, {100, 0}) == 30.0);
  CHECK(maps::shepard_idw(at, t, {50, 0}) == Approx(20.0));  // halfway: the mean
  // A quarter of the way: weights 1/25² and 1/75², nine to one.
  CHECK(maps::shepard_idw(at, t, {25, 0}) == Approx((9.0 * 10.0 + 30.0) / 10.0));
  // Beyond the search radius of every home: no value.
  CHECK(std::isnan(maps::shepard_idw(at, t, {500, 0})));
  CHECK(maps::shepard_idw(at, t, {1000, 100}) == 99.0);
}

TEST_CASE(
    "a flood run's heat maps hold the streets' peak density, the homes' water exposure and time to safety") {
  scenarios::ScenarioDesc desc = scenarios::load_scenario(SAFESTREET_SOURCE_DIR "/scenarios/lauf_flood.yaml");
  REQUIRE(desc.population.synthesize);
  desc.population.synthesize->total = 3000;
  desc.run.duration = 2 * 3600.0;
  const scenarios::Assembly a = scenarios::assemble(desc);
  const Model& m = a.model;
  Simulation sim(m, 1);
  sim.run_to_end();
  const SimState& s = sim.state();
  testing::TempDir dir;
  maps::write_results_gpkgs(dir.path(), m, s, compute_metrics(m, s));
  const std::vector<std::string> files = maps::write_heatmaps(dir.path(), m, s);
  CHECK(files.size() == 8);  // four maps and their styles: no fire, no smoke dose
  const std::string hm = dir.path() + "/heatmaps/";
  CHECK_FALSE(std::filesystem::exists(hm + "smoke_dose.tif"));
  auto gpkg = open_gpkg(dir.path() + "/results.gpkg");
  REQUIRE(gpkg);

  SECTION("every street's cells hold at least its peak density, the busiest street's exactly") {
    const Tif t = read_tif(hm + "peak_density.tif");
    check_grid(t, m);
    double top = -1.0;
    Vec2 top_at;
    int streets = 0;
    for (auto& f : *gpkg->GetLayerByName("streets")) {
      if (!f->IsFieldSetAndNotNull(f->GetFieldIndex("peak_density"))) continue;
      const double d = f->GetFieldAsDouble("peak_density");
      const Vec2 p = first_segment_middle(*f->GetGeometryRef()->toLineString());
      INFO("street " << f->GetFID() << " peak density " << d);
      CHECK(t.at(p) >= static_cast<float>(d));
      ++streets;
      if (d > top) {
        top = d;
        top_at = p;
      }
    }
    REQUIRE(streets > 100);
    REQUIRE(top > 0.0);
    CHECK(t.at(top_at) == static_cast<float>(top));
    // Off the streets: NoData, not zero.
    std::size_t nodata = 0;
    for (const float v : t.v) nodata += std::isnan(v);
    CHECK(nodata > t.v.size() / 2);
    const std::string qml = slurp(hm + "peak_density.qml");
    CHECK_THAT(qml, Catch::Contains("singlebandpseudocolor"));
    CHECK_THAT(qml, Catch::Contains("P/m²"));
  }

  SECTION("the wettest home's building holds its water exposure, as results.gpkg has it") {
    const Tif t = read_tif(hm + "water_exposure.tif");
    check_grid(t, m);
    const HomeHeat heat = home_heat(m, s);
    double top = 0.0;
    std::size_t top_home = 0, k = 0;
    for (auto& f : *gpkg->GetLayerByName("homes")) {
      REQUIRE(k < heat.size());
      const double mh = f->GetFieldAsDouble("water_exposure_mh");
      CHECK(mh == Approx(heat.water_exposure_mh[k]));
      if (mh > top) {
        top = mh;
        top_home = k;
      }
      ++k;
    }
    REQUIRE(top > 0.0);
    const Vec2 c = m.world.buildings[heat.building[top_home].index()].centroid;
    CHECK(t.at(c) == static_cast<float>(top));
    CHECK_THAT(slurp(hm + "water_exposure.qml"), Catch::Contains("m·h"));
  }

  SECTION("time to safety: each home's cell holds Shepard's interpolation at the cell's centre") {
    const Tif t = read_tif(hm + "time_to_safety.tif");
    check_grid(t, m);
    const HomeHeat heat = home_heat(m, s);
    std::vector<Vec2> at;
    std::vector<double> minutes;
    std::size_t k = 0;
    for (auto& f : *gpkg->GetLayerByName("homes")) {  // the times are results.gpkg's medians
      const bool safe = f->IsFieldSetAndNotNull(f->GetFieldIndex("safe_median_min"));
      CHECK(safe == !std::isnan(heat.safe_median_min[k]));
      if (safe) {
        CHECK(heat.safe_median_min[k] == Approx(f->GetFieldAsDouble("safe_median_min")));
        at.push_back(m.world.buildings[heat.building[k].index()].centroid);
        minutes.push_back(heat.safe_median_min[k]);
      }
      ++k;
    }
    REQUIRE(at.size() > 50);
    for (std::size_t h = 0; h < at.size(); h += 7) {
      INFO("home " << h);
      CHECK(maps::shepard_idw(at, minutes, at[h]) == minutes[h]);
      CHECK(t.at(at[h]) == Approx(maps::shepard_idw(at, minutes, t.centre(at[h]))).epsilon(1e-5));
    }
    // Far from every home (the grid's corner lies a cell beyond the map): NoData.
    CHECK(std::isnan(t.v.front()));
  }
}

TEST_CASE("a run in which no home got wet writes no water exposure map, and the same run the same bytes") {
  testing::TempDir town;
  const auto a = scenarios::assemble_file(testing::small_town(town, ""));
  const Model& m = a.model;
  auto write = [&](const testing::TempDir& to) {
    Simulation sim(m, 5);
    sim.run_to_end();
    return maps::write_heatmaps(to.path(), m, sim.state());
  };
  testing::TempDir one, two;
  const std::vector<std::string> first = write(one);
  const std::vector<std::string> second = write(two);
  REQUIRE(first.size() == 6);  // density, queues, time to safety; no flood, no fire
  for (const char* name : {"water_exposure", "smoke_dose"}) {
    CHECK_FALSE(std::filesystem::exists(one.path() + "/heatmaps/" + name + ".tif"));
    CHECK_FALSE(std::filesystem::exists(one.path() + "/heatmaps/" + name + ".qml"));
  }
  for (const std::string& f : first) {
    const std::string name = std::filesystem::path(f).filename().string();
    INFO(name);
    const std::string a_bytes = slurp(one.path() + "/heatmaps/" + name);
    CHECK_FALSE(a_bytes.empty());
    CHECK(a_bytes == slurp(two.path() + "/heatmaps/" + name));
  }
  // Nothing half-written is left behind.
  for (const auto& e : std::filesystem::directory_iterator(one.path() + "/heatmaps"))
    CHECK(e.path().string().find(".tmp") == std::string::npos);
}
