#include <catch2/catch.hpp>

#include "engine/core/input_error.hpp"
#include "maps/maps_test_support.hpp"
#include "maps/shelter_import.hpp"

using namespace ss;
using namespace ss::maps;

namespace {
Ring square(Vec2 c, double half) {
  return {c + Vec2{-half, -half}, c + Vec2{half, -half}, c + Vec2{half, half}, c + Vec2{-half, half}};
}
Building building(Vec2 c, double half, int levels, std::string amenity, std::int64_t id) {
  Building b;
  b.outline = square(c, half);
  b.area = 4 * half * half;
  b.centroid = c;
  b.levels = levels;
  b.kind = "school";
  b.amenity = std::move(amenity);
  b.source_id = id;
  return b;
}
}  // namespace

TEST_CASE("a school site with several buildings is one shelter sized by floor area") {
  World w;
  w.areas.push_back({square({0, 0}, 100), "school", "Bertleinschule"});
  w.buildings.push_back(building({-50, 0}, 10, 2, "", 1));         // 400 m² × 2 levels
  w.buildings.push_back(building({50, 0}, 20, 0, "", 2));          // 1600 m², levels untagged -> 1
  w.buildings.push_back(building({500, 0}, 10, 3, "school", 77));  // school building elsewhere
  w.buildings.push_back(building({900, 0}, 10, 3, "", 78));        // not a school
  const ShelterTagRules rules;
  const auto s = shelters_from_tags(w, rules);
  REQUIRE(s.size() == 2);
  CHECK(s[0].name == "Bertleinschule");
  CHECK(s[0].kind == ShelterKind::School);
  CHECK(s[0].capacity == static_cast<int>((800.0 + 1600.0) * 0.5 / 3.5));
  CHECK(s[0].pos == Vec2{50, 0});  // the largest building
  CHECK_FALSE(s[0].node.valid());  // snapping is left to model assembly
  CHECK(s[1].name == "school 1");  // no name, no address, no street nearby
  CHECK(s[1].capacity == static_cast<int>(400.0 * 3 * 0.5 / 3.5));
}

TEST_CASE("car parks are open assembly sites, and small ones are ignored") {
  World w;
  w.areas.push_back({square({0, 0}, 50), "parking", "P1"});  // 10 000 m²
  w.areas.push_back({square({300, 0}, 10), "parking", ""});  // 400 m² < 1000 m²
  w.areas.push_back({square({600, 0}, 50), "residential", ""});
  const auto s = shelters_from_tags(w);
  REQUIRE(s.size() == 1);
  CHECK(s[0].kind == ShelterKind::Parking);
  CHECK(s[0].capacity == static_cast<int>(10000.0 * 0.5 / 1.5));
  ShelterTagRules none;
  none.parking = false;
  CHECK(shelters_from_tags(w, none).empty());
}

TEST_CASE("an unnamed car park is called by its address, else by the street beside it") {
  World w;
  const Vec2 west[] = {{-100, 200}, {100, 200}};
  const Vec2 east[] = {{900, 200}, {1100, 200}};
  const NodeId a = w.streets.add_node(west[0]), b = w.streets.add_node(west[1]);
  const NodeId c = w.streets.add_node(east[0]), d = w.streets.add_node(east[1]);
  w.streets.add_edge(a, b, west, 5.0f, StreetKind::Residential, "Karlstraße");
  w.streets.add_edge(c, d, east, 5.0f, StreetKind::Residential, "");  // unnamed: no help
  w.areas.push_back({square({0, 0}, 50), "parking", "Parkplatz Marktplatz"});
  w.areas.push_back({square({0, 300}, 50), "parking", "", "Hermannstraße 12"});
  w.areas.push_back({square({0, 100}, 50), "parking", ""});     // 100 m from Karlstraße
  w.areas.push_back({square({1000, 100}, 50), "parking", ""});  // only an unnamed street near
  w.areas.push_back({square({1000, 900}, 50), "parking", ""});  // nothing near
  const auto s = shelters_from_tags(w);
  REQUIRE(s.size() == 5);
  CHECK(s[0].name == "Parkplatz Marktplatz");
  CHECK(s[1].name == "Hermannstraße 12");
  CHECK(s[2].name == "car park at Karlstraße");
  CHECK(s[3].name == "car park 1");
  CHECK(s[4].name == "car park 2");
}

TEST_CASE("shelters load from a point or polygon layer with capacity, name and step-free fields") {
  const auto dir = test::fixture_dir("shelter_layer");
  const std::string path = test::write_file(
      dir / "shelters.geojson",
      R"({"type":"FeatureCollection","features":[)"
      R"({"type":"Feature","properties":{"name":"Hall","cap":"250","stepfree":"no"},"geometry":{"type":"Point","coordinates":[11.281,49.510]}},)"
      R"({"type":"Feature","properties":{"name":"Gym","kind":"school"},"geometry":{"type":"Polygon","coordinates":[[[11.280,49.510],[11.2805,49.510],[11.2805,49.5105],[11.280,49.5105],[11.280,49.510]]]}})"
      "]}");
  const Projector proj = Projector::utm_for({11.28, 49.51});
  const auto s = shelters_from_layer(path, "", "name", "cap", "stepfree", proj, {"drill.yaml", 3});
  REQUIRE(s.size() == 2);
  CHECK(s[0].name == "Hall");
  CHECK(s[0].capacity == 250);
  CHECK_FALSE(s[0].step_free);
  CHECK(s[0].kind == ShelterKind::Other);
  CHECK(distance(s[0].pos, proj.to_local({11.281, 49.510})) < 0.01);
  CHECK(s[1].kind == ShelterKind::School);
  CHECK(s[1].step_free);
  // 0.0005° × 0.0005° ≈ 36.2 m × 55.6 m ≈ 2013 m², at 3.5 m² per person
  CHECK(s[1].capacity == Approx(2013.0 / 3.5).epsilon(0.01));
  CHECK_THROWS_WITH(shelters_from_layer(path, "", "name", "", "", proj, {"drill.yaml", 3}),
                    Catch::Contains("without a capacity"));
  // Without a name column, or without a name in it: the street address, else the feature id.
  const std::string unnamed = test::write_file(
      dir / "unnamed.geojson",
      R"({"type":"FeatureCollection","features":[)"
      R"({"type":"Feature","id":4,"properties":{"name":"","addr:street":"Hermannstraße","addr:housenumber":"12","cap":"80"},"geometry":{"type":"Point","coordinates":[11.281,49.510]}},)"
      R"({"type":"Feature","id":5,"properties":{"name":"","addr:street":"Marktplatz","cap":"80"},"geometry":{"type":"Point","coordinates":[11.282,49.510]}},)"
      R"({"type":"Feature","id":6,"properties":{"name":"","cap":"80"},"geometry":{"type":"Point","coordinates":[11.283,49.510]}})"
      "]}");
  const auto u = shelters_from_layer(unnamed, "", "name", "cap", "", proj, {"drill.yaml", 3});
  REQUIRE(u.size() == 3);
  CHECK(u[0].name == "Hermannstraße 12");
  CHECK(u[1].name == "Marktplatz");
  CHECK(u[2].name.rfind("shelter ", 0) == 0);
  CHECK_THROWS_WITH(shelters_from_layer(path, "", "title", "cap", "", proj, {"drill.yaml", 3}),
                    Catch::Contains("no column 'title'"));
}

TEST_CASE("a school mapped as a node is the building it stands in, once, and a node in no building is said") {
  World w;
  w.areas.push_back({square({0, 0}, 100), "school", "Bertleinschule"});
  w.buildings.push_back(building({0, 0}, 10, 2, "", 1));                       // inside the school area
  w.buildings.push_back(building({500, 0}, 20, 3, "", 2));                     // untagged, 1600 m² × 3
  w.buildings.push_back(building({900, 0}, 10, 1, "school", 3));               // a school building already
  w.amenity_points.push_back({{5, 5}, "school", "Bertleinschule", 10});        // the area's own node
  w.amenity_points.push_back({{505, 5}, "school", "Volkshochschule", 11});     // in building 2
  w.amenity_points.push_back({{495, -5}, "school", "VHS (second node)", 12});  // the same building
  w.amenity_points.push_back({{905, 0}, "school", "", 13});                    // in the school building
  w.amenity_points.push_back({{2000, 0}, "school", "Musikschule", 14});        // in no building
  w.amenity_points.push_back({{505, 0}, "police", "Polizei", 15});             // not a school
  std::vector<std::string> left_out;
  const auto s = shelters_from_tags(w, {}, &left_out);
  REQUIRE(s.size() == 3);
  CHECK(s[0].name == "Bertleinschule");
  CHECK(s[1].name == "school 1");  // the tagged building
  CHECK(s[2].name == "Volkshochschule");
  CHECK(s[2].kind == ShelterKind::School);
  CHECK(s[2].pos == Vec2{500, 0});
  CHECK(s[2].capacity == static_cast<int>(1600.0 * 3 * 0.5 / 3.5));
  REQUIRE(left_out.size() == 1);
  CHECK_THAT(left_out[0], Catch::Contains("'Musikschule' (OSM node 14) stands in no mapped building"));
  // Without the list to fill, the same shelters.
  CHECK(shelters_from_tags(w).size() == 3);
  ShelterTagRules no_schools;
  no_schools.schools = false;
  CHECK(shelters_from_tags(w, no_schools).empty());
}
