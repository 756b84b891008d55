// results.gpkg: a run's homes, streets, shelters, zones and tasks as GeoPackage layers
// with default QGIS styles, read back through GDAL as QGIS would.
#include "maps/results_gpkg.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <string>

#include "engine/core/simulation.hpp"
#include "maps/gdal_support.hpp"
#include "scenarios/loader/assemble.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using namespace ss;

TEST_CASE("results.gpkg holds every layer a planner opens in QGIS, each with a default style") {
  testing::TempDir dir;
  const auto a = scenarios::assemble_file(testing::small_town(dir, ""));
  const Model& m = a.model;
  Simulation sim(m, 1);
  sim.run_to_end();
  const RunMetrics r = compute_metrics(m, sim.state());
  const std::string path = dir.path() + "/results.gpkg";
  maps::write_results_gpkg(path, m, sim.state(), r);
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/results.tmp.gpkg"));

  maps::detail::ensure_gdal_registered();
  maps::detail::DatasetPtr ds{
      static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr))};
  REQUIRE(ds);
  std::map<std::string, OGRLayer*> layers;
  for (OGRLayer* l : ds->GetLayers()) layers[l->GetName()] = l;
  for (const char* name : {"homes", "streets", "shelters", "zones", "tasks", "layer_styles"})
    REQUIRE(layers.count(name) == 1);

  // Homes: every resident of the town is in exactly one home, with their outcome.
  OGRLayer* homes = layers["homes"];
  CHECK(homes->GetGeomType() == wkbPolygon);
  CHECK(homes->GetSpatialRef() != nullptr);  // the map's CRS
  long residents = 0, sheltered = 0;
  for (auto& f : *homes) {
    residents += f->GetFieldAsInteger("residents");
    sheltered += f->GetFieldAsInteger("n_sheltered");
    if (f->GetFieldAsInteger("n_sheltered") > 0) {
      CHECK(f->IsFieldSetAndNotNull(f->GetFieldIndex("safe_median_min")));
      CHECK(f->GetFieldAsDouble("safe_min") <= f->GetFieldAsDouble("safe_median_min"));
      CHECK(f->GetFieldAsDouble("safe_median_min") <= f->GetFieldAsDouble("safe_max_min"));
      CHECK(std::string(f->GetFieldAsString("shelter")) == "Hall");
    }
  }
  CHECK(residents == static_cast<long>(m.population.size()));
  CHECK(sheltered == r.overall.by_outcome[static_cast<std::size_t>(Outcome::Sheltered)]);

  CHECK(layers["streets"]->GetFeatureCount() == static_cast<GIntBig>(m.world.streets.edge_count()));
  CHECK(layers["zones"]->GetFeatureCount() == static_cast<GIntBig>(m.world.zones.size()));
  OGRLayer* shelters = layers["shelters"];
  REQUIRE(shelters->GetFeatureCount() == 1);
  {
    auto it = shelters->begin();
    const OGRFeatureUniquePtr& f = *it;
    CHECK(std::string(f->GetFieldAsString("name")) == "Hall");
    CHECK(f->GetFieldAsInteger("arrivals") == r.shelters[0].arrivals);
    CHECK(f->GetFieldAsInteger("capacity") == 100);
  }
  long walkers = 0;
  for (auto& f : *layers["streets"]) walkers += f->GetFieldAsInteger("walkers");
  CHECK(walkers > 0);

  // Styles: one default per layer QGIS shows, a QML document with its renderer on a
  // field the layer has.
  std::map<std::string, int> defaults;
  for (auto& f : *layers["layer_styles"]) {
    const std::string table = f->GetFieldAsString("f_table_name");
    const std::string qml = f->GetFieldAsString("styleQML");
    CHECK_THAT(qml, Catch::StartsWith("<!DOCTYPE qgis"));
    CHECK_THAT(qml, Catch::Contains("<renderer-v2"));
    const auto at = qml.find("attr=\"");
    REQUIRE(at != std::string::npos);
    const std::string field = qml.substr(at + 6, qml.find('"', at + 6) - at - 6);
    REQUIRE(layers.count(table) == 1);
    CHECK(layers[table]->GetLayerDefn()->GetFieldIndex(field.c_str()) >= 0);
    defaults[table] += f->GetFieldAsInteger("useAsDefault");
  }
  for (const char* name : {"homes", "streets", "shelters", "zones", "tasks"}) CHECK(defaults[name] == 1);
}
