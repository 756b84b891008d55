#include <catch2/catch.hpp>

#include "engine/core/resident_draws.hpp"
#include "engine/core/rng.hpp"
#include "engine/scenes/builders.hpp"

using namespace ss;

TEST_CASE(
    "uniform draws lie between 0 (included) and 1 (excluded) with the moments of a uniform distribution") {
  double sum = 0.0, sum2 = 0.0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = uniform01(7, 1, static_cast<std::uint64_t>(i), 0);
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n;
  CHECK(mean == Approx(0.5).margin(0.005));
  CHECK(sum2 / n - mean * mean == Approx(1.0 / 12.0).margin(0.002));
}

TEST_CASE("normal draws have mean 0 and standard deviation 1") {
  double sum = 0.0, sum2 = 0.0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double z = normal01(3, 2, static_cast<std::uint64_t>(i), 0);
    sum += z;
    sum2 += z * z;
  }
  CHECK(sum / n == Approx(0.0).margin(0.01));
  CHECK(std::sqrt(sum2 / n) == Approx(1.0).margin(0.01));
}

TEST_CASE("every key changes the draw") {
  const double base = uniform01(1, 2, 3, 4);
  CHECK(uniform01(2, 2, 3, 4) != base);
  CHECK(uniform01(1, 3, 3, 4) != base);
  CHECK(uniform01(1, 2, 4, 4) != base);
  CHECK(uniform01(1, 2, 3, 5) != base);
  CHECK(uniform01(1, 2, 3, 4) == base);
}

TEST_CASE("a resident's draws do not change when another resident is added") {
  Model small = builders::street_grid(3, 3, 50.0, 4.0);
  builders::add_shelter(small, NodeId{0}, 100);
  builders::add_residents(small, {100.0, 100.0}, 20, 35);
  builders::add_residents(small, {50.0, 100.0}, 5, 72);
  Model big = small;
  builders::add_residents(big, {20.0, 40.0}, 7, 50, Mobility::WalkingAid);

  std::vector<float> speed_a(small.population.size()), premove_a(small.population.size());
  std::vector<float> speed_b(big.population.size()), premove_b(big.population.size());
  draw_resident_profiles(small, 99, speed_a, premove_a);
  draw_resident_profiles(big, 99, speed_b, premove_b);
  for (std::size_t i = 0; i < small.population.size(); ++i) {
    CHECK(speed_a[i] == speed_b[i]);
    CHECK(premove_a[i] == premove_b[i]);
  }
  // And a different seed gives different draws.
  std::vector<float> speed_c(small.population.size()), premove_c(small.population.size());
  draw_resident_profiles(small, 100, speed_c, premove_c);
  CHECK(speed_c != speed_a);
}

TEST_CASE("free speeds follow Weidmann's age table and Boyce's mobility means") {
  const ResidentParams p;
  CHECK(mean_free_speed(20, Mobility::Walks, p) == Approx(1.61));
  CHECK(mean_free_speed(45, Mobility::Walks, p) == Approx((1.48 + 1.41) / 2));
  CHECK(mean_free_speed(80, Mobility::Walks, p) == Approx(0.68));
  CHECK(mean_free_speed(95, Mobility::Walks, p) == Approx(0.68));
  CHECK(mean_free_speed(70, Mobility::WalkingAid, p) == Approx(0.81));
  CHECK(mean_free_speed(70, Mobility::Wheelchair, p) == Approx(0.69));
  CHECK(mean_free_speed(70, Mobility::Bedridden, p) == 0.0);

  // Drawn speeds of 2000 thirty-year-olds: mean 1.54, spread 0.26 × 1.54 / 1.34.
  Model m = builders::street_grid(2, 2, 50.0, 4.0);
  builders::add_shelter(m, NodeId{0}, 10);
  builders::add_residents(m, {10.0, 10.0}, 2000, 30);
  std::vector<float> v(2000), pre(2000);
  draw_resident_profiles(m, 5, v, pre);
  double sum = 0.0, sum2 = 0.0;
  for (float x : v) {
    sum += x;
    sum2 += double(x) * x;
  }
  const double mean = sum / 2000.0;
  CHECK(mean == Approx(1.54).margin(0.02));
  CHECK(std::sqrt(sum2 / 2000.0 - mean * mean) == Approx(0.26 * 1.54 / 1.34).margin(0.03));
}
