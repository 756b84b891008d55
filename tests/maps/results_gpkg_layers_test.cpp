// results.gpkg beyond the first five layers: each street's crowding, queues and hazard
// maxima, the closures layer with who closed a street and when, the teams' tracks,
// hazard exposure at homes, the styles of the new fields, and the WGS 84 copy — all
// read back through GDAL as QGIS would.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "engine/core/simulation.hpp"
#include "maps/gdal_support.hpp"
#include "maps/results_gpkg.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario_loader.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using namespace ss;

namespace {

maps::detail::DatasetPtr open_gpkg(const std::string& path) {
  maps::detail::ensure_gdal_registered();
  return maps::detail::DatasetPtr{
      static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr))};
}

std::map<std::string, OGRLayer*> layers_of(GDALDataset& ds) {
  std::map<std::string, OGRLayer*> layers;
  for (OGRLayer* l : ds.GetLayers()) layers[l->GetName()] = l;
  return layers;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool is_null(const OGRFeature& f, const char* field) {
  return !f.IsFieldSetAndNotNull(f.GetFieldIndex(field));
}

// Every style names a field its layer has; every layer but the styles table has
// exactly one default. Returns the styles by "layer/name".
std::map<std::string, std::string> check_styles(std::map<std::string, OGRLayer*>& layers) {
  std::map<std::string, std::string> by_name;
  std::map<std::string, int> defaults;
  for (auto& f : *layers.at("layer_styles")) {
    const std::string table = f->GetFieldAsString("f_table_name");
    const std::string qml = f->GetFieldAsString("styleQML");
    const auto at = qml.find("attr=\"");
    REQUIRE(at != std::string::npos);
    const std::string field = qml.substr(at + 6, qml.find('"', at + 6) - at - 6);
    REQUIRE(layers.count(table) == 1);
    INFO(table << " style on " << field);
    CHECK(layers[table]->GetLayerDefn()->GetFieldIndex(field.c_str()) >= 0);
    defaults[table] += f->GetFieldAsInteger("useAsDefault");
    by_name[table + "/" + f->GetFieldAsString("styleName")] = qml;
  }
  for (const auto& [name, layer] : layers)
    if (name != "layer_styles") {
      INFO(name);
      CHECK(defaults[name] == 1);
    }
  return by_name;
}

}  // namespace

TEST_CASE("closures say which plan, inject or hazard closed a street, from when and until when") {
  testing::TempDir dir;
  // The plan closes Main's east end; an inject opens it at 5 min and another closes it
  // again at 10 min, for good.
  const auto a = scenarios::assemble_file(
      testing::small_town(dir,
                          "plan: {closed_roads: [{lon: 11.2845, lat: 49.5100}]}\n"
                          "injects:\n"
                          "  - {at: 5 min, open_road: {lon: 11.2845, lat: 49.5100}, note: cleared}\n"
                          "  - {at: 10 min, close_road: {lon: 11.2845, lat: 49.5100}, note: tree down}\n"));
  const Model& m = a.model;
  REQUIRE(m.plan.closed_edges.size() == 1);
  Simulation sim(m, 1);
  sim.run_to_end();
  REQUIRE(sim.time() > 600.0);
  const std::vector<std::string> files =
      maps::write_results_gpkgs(dir.path(), m, sim.state(), compute_metrics(m, sim.state()));
  CHECK(files == std::vector<std::string>{"results.gpkg", "results_wgs84.gpkg"});

  auto ds = open_gpkg(dir.path() + "/results.gpkg");
  REQUIRE(ds);
  auto layers = layers_of(*ds);
  REQUIRE(layers.count("closures") == 1);
  OGRLayer* closures = layers["closures"];
  CHECK(closures->GetGeomType() == wkbLineString);
  REQUIRE(closures->GetFeatureCount() == 2);
  std::vector<OGRFeatureUniquePtr> c;
  for (auto& f : *closures) c.emplace_back(f->Clone());
  const int edge = static_cast<int>(m.plan.closed_edges[0].index());
  CHECK(std::string(c[0]->GetFieldAsString("by")) == "plan");
  CHECK(c[0]->GetFieldAsInteger("edge") == edge);
  CHECK(c[0]->GetFieldAsDouble("from_min") == 0.0);
  CHECK(c[0]->GetFieldAsDouble("to_min") == Approx(5.0));
  CHECK(std::string(c[1]->GetFieldAsString("by")) == "inject");
  CHECK(std::string(c[1]->GetFieldAsString("reason")) == "tree down");
  CHECK(std::string(c[1]->GetFieldAsString("street")) == "Main");
  CHECK(c[1]->GetFieldAsDouble("from_min") == Approx(10.0));
  CHECK(is_null(*c[1], "to_min"));  // still closed at the end
  CHECK(c[1]->GetGeometryRef() != nullptr);

  // Streets: everyone walked to the hall, so some street was crowded and passed people;
  // no flood, no fire: no hazard figures.
  double density = 0.0, flow = 0.0;
  for (auto& f : *layers["streets"]) {
    density = std::max(density, f->GetFieldAsDouble("peak_density"));
    flow = std::max(flow, f->GetFieldAsDouble("peak_flow"));
    CHECK(f->GetFieldAsDouble("queue_min") >= 0.0);
    CHECK(is_null(*f, "max_water_m"));
    CHECK(is_null(*f, "min_visibility_m"));
  }
  CHECK(density > 0.0);
  CHECK(flow > 0.0);
  for (auto& f : *layers["homes"]) CHECK(is_null(*f, "max_water_m"));
  REQUIRE(layers.count("team_tracks") == 1);  // no teams: an empty layer
  CHECK(layers["team_tracks"]->GetFeatureCount() == 0);
  const auto styles = check_styles(layers);
  CHECK(styles.count("streets/peak_density") == 1);
  CHECK(styles.count("streets/max_water_m") == 1);
  CHECK_THAT(styles.at("closures/by"), Catch::Contains("categorizedSymbol"));

  // The WGS 84 copy: the same layers, fields and styles, in longitude and latitude.
  auto wgs = open_gpkg(dir.path() + "/results_wgs84.gpkg");
  REQUIRE(wgs);
  auto wl = layers_of(*wgs);
  REQUIRE(wl.size() == layers.size());
  for (const auto& [name, layer] : layers) {
    INFO(name);
    REQUIRE(wl.count(name) == 1);
    CHECK(wl[name]->GetFeatureCount() == layer->GetFeatureCount());
    CHECK(wl[name]->GetLayerDefn()->GetFieldCount() == layer->GetLayerDefn()->GetFieldCount());
  }
  CHECK(check_styles(wl).size() == styles.size());
  const OGRSpatialReference* srs = wl["streets"]->GetSpatialRef();
  REQUIRE(srs != nullptr);
  CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "4326");
  for (const char* name : {"homes", "streets", "closures", "shelters"})
    for (auto& f : *wl[name]) {
      OGREnvelope env;
      f->GetGeometryRef()->getEnvelope(&env);
      INFO(name << ": " << env.MinX << " " << env.MinY);
      CHECK(env.MinX > 11.2);  // the bundled town's longitude first
      CHECK(env.MaxX < 11.3);
      CHECK(env.MinY > 49.5);
      CHECK(env.MaxY < 49.52);
    }
  // Same run, same bytes.
  testing::TempDir again;
  maps::write_results_gpkgs(again.path(), m, sim.state(), compute_metrics(m, sim.state()));
  CHECK(slurp(again.path() + "/results_wgs84.gpkg") == slurp(dir.path() + "/results_wgs84.gpkg"));
}

TEST_CASE("a flood run's streets and homes carry the deepest water, its closures and the teams' tracks") {
  // The bundled Pegnitz flood, with fewer residents and two hours, enough for the water
  // to close streets and for the teams to drive to tasks and escort people.
  scenarios::ScenarioDesc desc = scenarios::load_scenario(SAFESTREET_SOURCE_DIR "/scenarios/lauf_flood.yaml");
  REQUIRE(desc.population.synthesize);
  desc.population.synthesize->total = 3000;
  desc.run.duration = 2 * 3600.0;
  const scenarios::Assembly a = scenarios::assemble(desc);
  const Model& m = a.model;
  Simulation sim(m, 1);
  sim.run_to_end();
  testing::TempDir dir;
  maps::write_results_gpkgs(dir.path(), m, sim.state(), compute_metrics(m, sim.state()));
  auto ds = open_gpkg(dir.path() + "/results.gpkg");
  REQUIRE(ds);
  auto layers = layers_of(*ds);

  double street_water = 0.0;
  for (auto& f : *layers["streets"]) {
    CHECK_FALSE(is_null(*f, "peak_flow"));
    if (!is_null(*f, "max_water_m"))
      street_water = std::max(street_water, f->GetFieldAsDouble("max_water_m"));
  }
  CHECK(street_water > 0.3);
  double home_water = 0.0;
  for (auto& f : *layers["homes"])
    if (!is_null(*f, "max_water_m")) home_water = std::max(home_water, f->GetFieldAsDouble("max_water_m"));
  CHECK(home_water > 0.0);

  // The water closed streets: hazard closures, each from a time, ending after it.
  int by_flood = 0;
  for (auto& f : *layers["closures"]) {
    if (std::string(f->GetFieldAsString("by")) != "hazard") continue;
    ++by_flood;
    CHECK(std::string(f->GetFieldAsString("reason")) == "flood");
    if (!is_null(*f, "to_min")) CHECK(f->GetFieldAsDouble("to_min") >= f->GetFieldAsDouble("from_min"));
  }
  CHECK(by_flood > 0);
  CHECK(by_flood == static_cast<int>(sim.state().records.hazard_closures.size()));

  // Teams: every leg a line from departure to arrival, a team's legs one after another.
  OGRLayer* tracks = layers["team_tracks"];
  REQUIRE(tracks->GetFeatureCount() > 0);
  std::map<std::string, double> last_arrival;
  std::map<std::string, int> purposes;
  for (auto& f : *tracks) {
    const std::string team = f->GetFieldAsString("team");
    const double from = f->GetFieldAsDouble("from_min");
    INFO(team << " " << from);
    ++purposes[f->GetFieldAsString("purpose")];
    CHECK(f->GetGeometryRef()->toLineString()->getNumPoints() >= 2);
    if (is_null(*f, "to_min")) continue;  // under way at the end
    const double to = f->GetFieldAsDouble("to_min");
    CHECK(from <= to);
    if (last_arrival.count(team)) CHECK(from >= last_arrival[team] - 1e-9);
    last_arrival[team] = to;
  }
  CHECK(purposes["to_task"] > 0);
  const auto styles = check_styles(layers);
  CHECK_THAT(styles.at("team_tracks/team"), Catch::Contains(m.plan.response.teams.front().name));
}
