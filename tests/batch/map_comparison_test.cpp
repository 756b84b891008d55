// comparison.gpkg: where on the map a plan variant helps or hurts. The statistics on
// runs made up here (batch/map_comparison.hpp), then a real batch of the test town
// read back through GDAL as QGIS reads it.
#include "batch/map_comparison.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <string>

#include "maps/gdal_support.hpp"
#include "tests/batch/batch_test_util.hpp"

namespace fs = std::filesystem;
using ss::batch::RunMap;
using ss::testing::TempDir;

namespace {

// A run with homes "A" and "B" (safe_median_min, not_safe of 10 residents) and one zone.
RunMap run(const std::string& variant, std::uint64_t seed, double a_min, double b_min, int b_not_safe = 0) {
  RunMap r;
  r.variant = variant;
  r.seed = seed;
  r.crs_wkt = "LOCAL_CS[\"test\"]";
  for (const auto& [key, t, not_safe] : {std::tuple{"A", a_min, 0}, std::tuple{"B", b_min, b_not_safe}}) {
    ss::maps::ResultsFeature f;
    f.key = key;
    f.name = std::string("house ") + key;
    f.residents = 10;
    if (variant == "base") f.geometry = std::string("wkb-") + key;
    f.values = {t, static_cast<double>(not_safe)};
    r.homes.features.push_back(f);
  }
  ss::maps::ResultsFeature z;
  z.key = "Z";
  z.name = "zone";
  z.residents = 20;
  z.values = {a_min, b_min, b_min, 1.0 - b_not_safe / 20.0};
  r.zones.features.push_back(z);
  return r;
}

const ss::maps::ComparedLayer& layer(const ss::batch::MapComparison& c, const std::string& name) {
  for (const auto& l : c.layers)
    if (l.name == name) return l;
  FAIL("no layer " << name);
  throw;
}

}  // namespace

TEST_CASE("a variant identical to the base plan differs by zero everywhere and is unchanged", "[batch]") {
  std::vector<RunMap> runs;
  for (std::uint64_t s = 1; s <= 3; ++s) {
    runs.push_back(run("base", s, 10.0 + s, 20.0 - s));
    runs.push_back(run("twin", s, 10.0 + s, 20.0 - s));
  }
  const auto c = ss::batch::compare_maps(runs, {"base", "twin"});
  REQUIRE(c.layers.size() == 4);  // homes and zones of both
  for (const char* name : {"homes_twin", "zones_twin"}) {
    const auto& l = layer(c, name);
    CHECK_FALSE(l.base);
    for (const auto& f : l.features) {
      CHECK(f.category == "unchanged");
      CHECK(f.seeds == 3);
      for (const auto& v : f.values) {
        REQUIRE(v.diff);
        CHECK(*v.diff == 0.0);
        CHECK(*v.diff_low == 0.0);
        CHECK(*v.diff_high == 0.0);
        CHECK(v.change == "no difference");
      }
    }
  }
  const auto& homes = layer(c, "homes_base");
  CHECK(homes.base);
  REQUIRE(homes.features.size() == 2);
  CHECK(homes.features[0].geometry == "wkb-A");  // shapes from the base plan's first run
  CHECK(*homes.features[0].values[0].mean == Approx(12.0));
  CHECK(*homes.features[0].values[1].mean == 1.0);  // everyone safe
}

TEST_CASE("a home reached later in every seed is worse, with a positive difference and its interval",
          "[batch]") {
  std::vector<RunMap> runs;
  const double shift[] = {2.0, 3.0, 4.0};
  for (std::uint64_t s = 1; s <= 3; ++s) {
    runs.push_back(run("base", s, 10.0 + s, 20.0));
    runs.push_back(run("late", s, 10.0 + s + shift[s - 1], 20.0, s == 1 ? 2 : 0));
  }
  const auto c = ss::batch::compare_maps(runs, {"base", "late"});
  const auto& l = layer(c, "homes_late");
  const auto& a = l.features[0];
  CHECK(a.name == "house A");
  CHECK(*a.values[0].diff == Approx(3.0));
  // Paired t over 3 seeds: mean 3, sd 1, t(0.975, 2) = 4.303 → 3 ± 4.303/√3.
  CHECK(*a.values[0].diff_low == Approx(3.0 - 4.302653 / std::sqrt(3.0)).epsilon(1e-5));
  CHECK(*a.values[0].diff_high == Approx(3.0 + 4.302653 / std::sqrt(3.0)).epsilon(1e-5));
  CHECK(a.values[0].change == "worse");
  CHECK(a.category == "worse");
  CHECK(*a.values[0].base_mean == Approx(12.0));
  // B: the same times; 2 of 10 not safe in one seed only: the interval includes zero.
  const auto& b = l.features[1];
  CHECK(*b.values[0].diff == 0.0);
  CHECK(*b.values[1].diff == Approx(-0.2 / 3));
  CHECK(b.values[1].change == "no difference");
  CHECK(b.category == "unchanged");
}

TEST_CASE("runs that failed are left out and each mean says how many seeds it covers", "[batch]") {
  std::vector<RunMap> runs;
  for (std::uint64_t s = 1; s <= 3; ++s) runs.push_back(run("base", s, 10.0, 20.0));
  runs.push_back(run("late", 1, 15.0, 20.0));
  runs.push_back(run("late", 3, 15.0, 20.0));  // seed 2 failed
  const auto c = ss::batch::compare_maps(runs, {"base", "late"});
  for (const auto& f : layer(c, "homes_base").features) CHECK(f.seeds == 3);
  const auto& late = layer(c, "homes_late");
  for (const auto& f : late.features) {
    CHECK(f.seeds == 2);
    CHECK(f.values[0].paired == 2);
  }
  CHECK(late.features[0].category == "worse");  // exactly 5 min later in both seeds
  CHECK(*late.features[0].values[0].diff_low == Approx(5.0));

  // Without the base plan's runs there are no shapes and nothing to compare with.
  CHECK_THROWS_WITH(ss::batch::compare_maps({run("late", 1, 15.0, 20.0)}, {"base", "late"}),
                    Catch::Contains("base plan"));
}

TEST_CASE("with one seed a difference counts from a minute on, for shares from one resident", "[batch]") {
  const auto c =
      ss::batch::compare_maps({run("base", 1, 10.0, 20.0), run("v", 1, 10.5, 18.0, 1)}, {"base", "v"});
  const auto& l = layer(c, "homes_v");
  CHECK(l.features[0].values[0].change == "below threshold");  // 30 s later
  CHECK(l.features[0].category == "unchanged");
  CHECK(l.features[1].values[0].change == "better");  // 2 min earlier ...
  CHECK(l.features[1].values[1].change == "worse");   // ... but one of 10 not safe
  CHECK(l.features[1].category == "worse");
  CHECK_FALSE(l.features[1].values[0].diff_low);  // no interval from one seed
}

TEST_CASE("a run's map values cross MPI as JSON unchanged", "[batch]") {
  RunMap r = run("base", 7, 1.0 / 3.0, 20.0);
  r.homes.features[1].values[0] = std::nullopt;  // nobody safe
  r.homes.features[0].geometry = std::string("\x01\x03\x00\xff", 4);
  const RunMap back = ss::batch::run_map_from_json(nlohmann::json::parse(ss::batch::run_map_json(r).dump()));
  CHECK(back.seed == 7);
  CHECK(back.crs_wkt == r.crs_wkt);
  REQUIRE(back.homes.features.size() == 2);
  CHECK(back.homes.features[0].geometry == r.homes.features[0].geometry);
  CHECK(back.homes.features[0].values == r.homes.features[0].values);  // exact doubles
  CHECK_FALSE(back.homes.features[1].values[0]);
  CHECK(back.zones.features[0].key == "Z");
}

TEST_CASE("a batch writes comparison.gpkg: homes and zones per variant, differences and styles", "[batch]") {
  TempDir dir;
  const std::string scen = ss::testing::test_town(dir);
  const fs::path out = fs::path(dir.path()) / "batch";
  const auto r = ss::testing::safestreet(
      "batch " + scen + " --variants base,twin,late_warning --seeds 2 --jobs 2 --out " + out.string(), dir);
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output, Catch::Contains((out / "comparison.gpkg").string()));
  CHECK_FALSE(fs::exists(out / "comparison.tmp.gpkg"));

  ss::maps::detail::ensure_gdal_registered();
  const std::string path = (out / "comparison.gpkg").string();
  ss::maps::detail::DatasetPtr ds{
      static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr))};
  REQUIRE(ds);
  std::map<std::string, OGRLayer*> layers;
  for (OGRLayer* l : ds->GetLayers()) layers[l->GetName()] = l;
  for (const char* name : {"homes_base", "homes_twin", "homes_late_warning", "zones_base", "zones_twin",
                           "zones_late_warning", "layer_styles"})
    REQUIRE(layers.count(name) == 1);

  // As many homes as the base run's results.gpkg has, in the map's CRS.
  ss::maps::detail::DatasetPtr run_ds{static_cast<GDALDataset*>(
      GDALOpenEx((out / "base/seed-1/results.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr))};
  REQUIRE(run_ds);
  const GIntBig homes = run_ds->GetLayerByName("homes")->GetFeatureCount();
  CHECK(homes > 0);
  for (const char* name : {"homes_base", "homes_twin", "homes_late_warning"}) {
    CHECK(layers[name]->GetFeatureCount() == homes);
    REQUIRE(layers[name]->GetSpatialRef() != nullptr);
    CHECK(layers[name]->GetSpatialRef()->IsSame(run_ds->GetLayerByName("homes")->GetSpatialRef()));
  }
  CHECK(layers["zones_base"]->GetFeatureCount() == run_ds->GetLayerByName("zones")->GetFeatureCount());

  for (const char* name : {"homes_twin", "zones_twin"})
    for (auto& f : *layers[name]) {
      CHECK(f->GetFieldAsInteger("seeds") == 2);
      CHECK(std::string(f->GetFieldAsString("category")) == "unchanged");
      CHECK(std::string(f->GetFieldAsString("variant")) == "twin");
      const int i = f->GetFieldIndex("diff_safe_share");
      if (f->IsFieldSetAndNotNull(i)) CHECK(f->GetFieldAsDouble(i) == 0.0);
    }
  int worse = 0;
  for (auto& f : *layers["homes_late_warning"])
    if (std::string(f->GetFieldAsString("category")) == "worse") {
      ++worse;
      if (std::string(f->GetFieldAsString("safe_median_min_change")) == "worse")
        CHECK(f->GetFieldAsDouble("diff_safe_median_min") > 0.0);
    }
  CHECK(worse > 0);
  bool later = false;  // some home reached later, its interval wholly above zero
  for (auto& f : *layers["homes_late_warning"])
    later = later || (f->GetFieldAsDouble("diff_safe_median_min") > 0.0 &&
                      f->GetFieldAsDouble("diff_safe_median_min_low") > 0.0 &&
                      std::string(f->GetFieldAsString("category")) == "worse");
  CHECK(later);

  // Styles: each names a field of its layer; one default per layer.
  std::map<std::string, int> defaults;
  std::map<std::string, std::vector<std::string>> styled;
  for (auto& f : *layers["layer_styles"]) {
    const std::string table = f->GetFieldAsString("f_table_name");
    const std::string qml = f->GetFieldAsString("styleQML");
    CHECK_THAT(qml, Catch::StartsWith("<!DOCTYPE qgis"));
    const auto at = qml.find("attr=\"");
    REQUIRE(at != std::string::npos);
    const std::string field = qml.substr(at + 6, qml.find('"', at + 6) - at - 6);
    REQUIRE(layers.count(table) == 1);
    CHECK(layers[table]->GetLayerDefn()->GetFieldIndex(field.c_str()) >= 0);
    defaults[table] += f->GetFieldAsInteger("useAsDefault");
    styled[table].push_back(field);
  }
  for (const auto& [name, l] : layers)
    if (name != "layer_styles") CHECK(defaults[name] == 1);
  CHECK(styled["homes_late_warning"] == std::vector<std::string>{"diff_safe_median_min", "category"});
  CHECK(styled["zones_late_warning"] == std::vector<std::string>{"diff_t90_min", "category"});

  // The same runs give the same bytes (the batch run again only compares again).
  const std::string first = ss::testing::read_file(out / "comparison.gpkg");
  ds.reset();
  const auto again = ss::testing::safestreet(
      "batch " + scen + " --variants base,twin,late_warning --seeds 2 --jobs 2 -q --out " + out.string(),
      dir);
  REQUIRE(again.code == 0);
  CHECK(ss::testing::read_file(out / "comparison.gpkg") == first);
  // `compare` rebuilds it from the run folders, byte for byte.
  const fs::path merged = fs::path(dir.path()) / "merged";
  const auto compared =
      ss::testing::safestreet("compare " + out.string() + " -q --out " + merged.string(), dir);
  INFO(compared.output);
  REQUIRE(compared.code == 0);
  CHECK(ss::testing::read_file(merged / "comparison.gpkg") == first);
}

TEST_CASE("a micro scenario's batch writes no comparison.gpkg and says so", "[batch]") {
  TempDir dir;
  const fs::path out = fs::path(dir.path()) / "batch";
  const auto r = ss::testing::safestreet(std::string("batch ") + SAFESTREET_SOURCE_DIR +
                                             "/scenarios/school_evacuation.yaml --variants base --seeds 1 "
                                             "--jobs 1 --out " +
                                             out.string(),
                                         dir);
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output, Catch::Contains("no comparison.gpkg: the map has no CRS (a micro scenario)"));
  CHECK(fs::is_regular_file(out / "comparison.json"));
  CHECK_FALSE(fs::exists(out / "comparison.gpkg"));
}
