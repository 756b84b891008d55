// Population synthesis: homes only in residential buildings, totals allocated
// exactly, profile shares respected, and the same population for the same seed.
#include <catch2/catch.hpp>

#include <numeric>

#include "engine/core/input_error.hpp"
#include "engine/world/population_synthesis.hpp"

using namespace ss;

namespace {

Building square(Vec2 at, double side, std::string kind, int levels = 0, std::string amenity = {}) {
  Building b;
  b.outline = {at, {at.x + side, at.y}, {at.x + side, at.y + side}, {at.x, at.y + side}};
  b.area = side * side;
  b.centroid = {at.x + side / 2, at.y + side / 2};
  b.kind = std::move(kind);
  b.levels = levels;
  b.amenity = std::move(amenity);
  return b;
}

// A village: 200 houses in a residential area, plus buildings that must stay empty.
World village() {
  World w;
  w.areas.push_back(Area{{{0, 0}, {2000, 0}, {2000, 2000}, {0, 2000}}, "residential", "village"});
  w.areas.push_back(Area{{{3000, 0}, {4000, 0}, {4000, 1000}, {3000, 1000}}, "industrial", "estate"});
  for (int i = 0; i < 200; ++i)
    w.buildings.push_back(square({100.0 * (i % 20), 100.0 * (i / 20)}, 10, "yes"));
  w.buildings.push_back(square({5, 5}, 6, "garage"));
  w.buildings.push_back(square({15, 5}, 4, "yes"));                // 16 m²: too small
  w.buildings.push_back(square({3500, 500}, 40, "yes"));           // hall in the industrial estate
  w.buildings.push_back(square({25, 5}, 30, "yes", 2, "school"));  // school building
  w.buildings.push_back(square({35, 55}, 20, "church"));
  return w;
}

}  // namespace

TEST_CASE("largest remainder hands out exactly the total in proportion to the weights") {
  const auto a = allocate_largest_remainder({1.0, 1.0, 1.0}, 10);
  CHECK(std::accumulate(a.begin(), a.end(), std::int64_t{0}) == 10);
  CHECK(a == std::vector<std::int64_t>{4, 3, 3});  // tie goes to the lower index
  const auto b = allocate_largest_remainder({0.0, 3.0, 1.0}, 8);
  CHECK(b == std::vector<std::int64_t>{0, 6, 2});
}

TEST_CASE("excluded building kinds, tiny footprints and buildings in industrial estates get nobody") {
  const World w = village();
  SynthesisParams p;
  p.total = 1000;
  SynthesisReport rep;
  const Population pop = synthesize_population(w, p, 7, rep);
  REQUIRE(pop.size() == 1000);
  for (std::size_t i = 0; i < pop.size(); ++i) CHECK(pop.home_building[i].index() < 200);
  CHECK(rep.buildings_used == 200);
  CHECK(rep.excluded[static_cast<std::size_t>(BuildingExclusion::ExcludedKind)] == 2);  // garage, church
  CHECK(rep.excluded[static_cast<std::size_t>(BuildingExclusion::TooSmall)] == 1);
  CHECK(rep.excluded[static_cast<std::size_t>(BuildingExclusion::NonResidentialLanduse)] == 1);
  CHECK(rep.excluded[static_cast<std::size_t>(BuildingExclusion::NonResidentialAmenity)] == 1);
  CHECK(rep.people == 1000);
}

TEST_CASE("floor area weights: tagged levels count, untagged buildings take the default") {
  World w;
  w.areas.push_back(Area{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}}, "residential", ""});
  w.buildings.push_back(square({0, 0}, 10, "yes", 4));  // 400 m² floor area
  w.buildings.push_back(square({50, 0}, 10, "house"));  // 100 m² × default 2 levels
  SynthesisParams p;
  p.total = 600;
  SynthesisReport rep;
  const Population pop = synthesize_population(w, p, 1, rep);
  std::size_t in_first = 0;
  for (std::size_t i = 0; i < pop.size(); ++i) in_first += pop.home_building[i].index() == 0;
  CHECK(in_first == 400);
  CHECK(rep.floor_area_m2 == Approx(600.0));
}

TEST_CASE("a density per km² of floor area sets the total") {
  const World w = village();  // 200 houses × 100 m² × 2 levels = 0.04 km² floor area
  SynthesisParams p;
  p.density_per_km2_floor = 25000.0;
  SynthesisReport rep;
  CHECK(synthesize_population(w, p, 1, rep).size() == 1000);
}

TEST_CASE("synthesis is deterministic for a seed and differs between seeds") {
  const World w = village();
  SynthesisParams p;
  p.total = 2000;
  SynthesisReport r1, r2, r3;
  const Population a = synthesize_population(w, p, 42, r1);
  const Population b = synthesize_population(w, p, 42, r2);
  const Population c = synthesize_population(w, p, 43, r3);
  CHECK(a.age == b.age);
  CHECK(a.mobility == b.mobility);
  CHECK(a.household == b.household);
  CHECK(a.lives_alone == b.lives_alone);
  CHECK(a.home == b.home);
  CHECK(a.age != c.age);
}

TEST_CASE("profile shares are respected within sampling tolerance") {
  World w = village();
  SynthesisParams p;
  p.total = 20000;
  SynthesisReport rep;
  const Population pop = synthesize_population(w, p, 3, rep);
  const double n = static_cast<double>(pop.size());
  std::size_t senior = 0, child = 0, senior_alone = 0, wheelchair_senior = 0, bedridden = 0,
              bedridden_helped = 0;
  for (std::size_t i = 0; i < pop.size(); ++i) {
    const bool s = pop.age[i] >= 60;
    senior += s;
    child += pop.age[i] < 18;
    senior_alone += s && pop.lives_alone[i];
    wheelchair_senior += s && pop.mobility[i] == Mobility::Wheelchair;
    bedridden += pop.mobility[i] == Mobility::Bedridden;
    bedridden_helped += pop.mobility[i] == Mobility::Bedridden && pop.needs_assistance[i];
  }
  CHECK(senior / n == Approx(p.shares.aged_60_plus).margin(0.01));
  CHECK(child / n == Approx(p.shares.children).margin(0.01));
  CHECK(double(senior_alone) / senior == Approx(p.shares.lives_alone_of_60_plus).margin(0.03));
  CHECK(double(wheelchair_senior) / senior == Approx(p.shares.wheelchair_of_60_plus).margin(0.01));
  CHECK(bedridden_helped == bedridden);  // bedridden people always need a team
  // Households of one person are exactly the people living alone; no child lives alone.
  for (std::size_t i = 0; i < pop.size(); ++i)
    if (pop.lives_alone[i]) CHECK(pop.age[i] >= 18);
  CHECK(rep.people_by_group[GroupIndex::of_alone(true)] + rep.people_by_group[GroupIndex::of_alone(false)] ==
        pop.size());
}

TEST_CASE("a map without residential buildings is an input error") {
  World w;
  w.buildings.push_back(square({0, 0}, 10, "garage"));
  SynthesisParams p;
  p.total = 10;
  SynthesisReport rep;
  CHECK_THROWS_AS(synthesize_population(w, p, 1, rep), InputError);
}
