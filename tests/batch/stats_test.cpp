// Batch statistics: sample statistics, paired differences, missing values, ranking
// and duplicates, checked against values worked out by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "batch/comparison.hpp"
#include "batch/stats.hpp"

using namespace ss::batch;

namespace {

RunRecord record(const std::string& variant, std::uint64_t seed, std::optional<double> t100,
                 double stranded) {
  RunRecord r;
  r.scenario = "town";
  r.variant = variant;
  r.seed = seed;
  r.kpis = {{"overall.t100_s", t100, Better::Lower}, {"outcome.no_route", stranded, Better::Lower}};
  r.curve = {{0, 0.0}, {60, 0.5 + 0.01 * static_cast<double>(seed)}};
  r.source = variant + "/seed-" + std::to_string(seed);
  return r;
}

const VariantKpi& cell(const Comparison& c, const std::string& key, const std::string& variant) {
  for (const KpiComparison& k : c.kpis)
    if (k.key == key)
      for (const VariantKpi& v : k.variants)
        if (v.variant == variant) return v;
  FAIL("no " << key << " for " << variant);
  throw;
}

}  // namespace

TEST_CASE("mean, standard deviation and t interval of a sample, worked by hand", "[batch]") {
  // {2,4,4,4,5,5,7,9}: mean 5, Σ(x−5)² = 32, s = √(32/7) = 2.13809;
  // half width t(0.975,7) · s/√8 = 2.364624 · 0.755929 = 1.787488.
  const SampleStats s = sample_stats({2, 4, 4, 4, 5, 5, 7, 9});
  CHECK(s.n == 8);
  CHECK(*s.mean == Approx(5.0));
  CHECK(*s.sd == Approx(2.1380899));
  CHECK(*s.ci_low == Approx(5.0 - 1.787488).epsilon(1e-6));
  CHECK(*s.ci_high == Approx(5.0 + 1.787488).epsilon(1e-6));
  CHECK(*s.min == 2.0);
  CHECK(*s.max == 9.0);
}

TEST_CASE("one value has a mean but no spread or interval, and none has nothing", "[batch]") {
  const SampleStats one = sample_stats({3.5});
  CHECK(one.n == 1);
  CHECK(*one.mean == 3.5);
  CHECK_FALSE(one.sd);
  CHECK_FALSE(one.ci_low);
  const SampleStats none = sample_stats({});
  CHECK(none.n == 0);
  CHECK_FALSE(none.mean);
}

TEST_CASE("a paired difference uses only seeds where both variants have a value", "[batch]") {
  // Differences on seeds 1, 2, 4: 10, 12, 14 → mean 12, s = 2,
  // half width t(0.975,2) · 2/√3 = 4.302653 · 1.154701 = 4.968275.
  const PairedDifference d =
      paired_difference({110.0, 212.0, 999.0, 414.0}, {100.0, 200.0, std::nullopt, 400.0});
  CHECK(d.diff.n == 3);
  CHECK(*d.diff.mean == Approx(12.0));
  CHECK(*d.diff.sd == Approx(2.0));
  CHECK(*d.diff.ci_low == Approx(12.0 - 4.968275).epsilon(1e-6));
  CHECK(d.excludes_zero);
  CHECK_FALSE(d.exact);  // 10, 12, 14: a spread, not one shift
}

TEST_CASE("identical paired values give a zero difference that does not exclude zero", "[batch]") {
  const PairedDifference d = paired_difference({5.0, 7.0, 6.0}, {5.0, 7.0, 6.0});
  CHECK(d.exact);
  CHECK(*d.diff.mean == 0.0);
  CHECK(*d.diff.ci_low == 0.0);
  CHECK(*d.diff.ci_high == 0.0);
  CHECK_FALSE(d.excludes_zero);
}

TEST_CASE("a shift that is equal in every seed up to float rounding is exact, a real spread is not",
          "[batch]") {
  // Arrival times are 32-bit floats: a 10-minute shift of times near 3000 s comes
  // out a few 1e-4 s apart in different seeds.
  const PairedDifference shift = paired_difference({3599.9998, 2600.0002, 3100.0}, {3000.0, 2000.0, 2500.0});
  CHECK(shift.exact);
  CHECK(*shift.diff.ci_low == *shift.diff.ci_high);
  CHECK(*shift.diff.mean == Approx(600.0));
  CHECK(shift.excludes_zero);
  const PairedDifference spread = paired_difference({3600.5, 2600.0, 3100.0}, {3000.0, 2000.0, 2500.0});
  CHECK_FALSE(spread.exact);  // half a second apart is a spread, not rounding
}

TEST_CASE("a time never reached in some runs is counted, not averaged, and ranks behind", "[batch]") {
  std::vector<RunRecord> runs = {record("base", 1, 3000, 2),         record("base", 2, 3100, 4),
                                 record("base", 3, std::nullopt, 6), record("faster", 3, 2000, 0),
                                 record("faster", 1, 2500, 0),       record("faster", 2, 2600, 1)};
  const Comparison c = compare_runs(runs);
  REQUIRE(c.variants == std::vector<std::string>{"base", "faster"});
  CHECK(c.seeds == std::vector<std::uint64_t>{1, 2, 3});
  const VariantKpi& base = cell(c, "overall.t100_s", "base");
  CHECK(base.runs == 3);
  CHECK(base.stats.n == 2);  // seed 3 never reached T100
  CHECK(*base.stats.mean == Approx(3050));
  const VariantKpi& faster = cell(c, "overall.t100_s", "faster");
  CHECK(faster.rank == 1);
  CHECK(base.rank == 2);
  REQUIRE(faster.vs_base);
  CHECK(faster.vs_base->diff.n == 2);  // pairs of seeds 1 and 2 only
  CHECK(*faster.vs_base->diff.mean == Approx(-500));
  // Counts: base 2, 4, 6 (mean 4); faster 0, 0, 1; paired differences −2, −4, −5.
  const VariantKpi& stranded = cell(c, "outcome.no_route", "faster");
  CHECK(*stranded.vs_base->diff.mean == Approx(-11.0 / 3.0));
  CHECK(stranded.rank == 1);
  // Curves: mean and band across seeds at each time.
  REQUIRE(c.curves.size() == 2);
  CHECK(c.curves[0].mean.back() == Approx(0.52));
  CHECK(c.curves[0].min.back() == Approx(0.51));
  CHECK(c.curves[0].max.back() == Approx(0.53));
}

TEST_CASE("the same variant and seed from two batches is reported once as a duplicate", "[batch]") {
  std::vector<RunRecord> runs = {record("base", 1, 3000, 2), record("base", 1, 3000, 2),
                                 record("base", 2, 3100, 4)};
  runs[1].source = "other-machine/base/seed-1";
  const Comparison c = compare_runs(runs);
  REQUIRE(c.duplicates.size() == 1);
  CHECK_THAT(c.duplicates[0], Catch::Contains("base seed 1") && Catch::Contains("same results"));
  CHECK(cell(c, "overall.t100_s", "base").runs == 2);
  runs[1].kpis[0].value = 4000;
  CHECK_THAT(compare_runs(runs).duplicates[0], Catch::Contains("DIFFERENT"));
}

TEST_CASE("runs of different scenarios are not compared", "[batch]") {
  std::vector<RunRecord> runs = {record("base", 1, 3000, 2), record("base", 2, 3100, 4)};
  runs[1].scenario = "another town";
  CHECK_THROWS_WITH(compare_runs(runs), Catch::Contains("different scenarios"));
  CHECK_THROWS_WITH(compare_runs({}), Catch::Contains("no finished runs"));
}

TEST_CASE("the comparison does not depend on the order runs are read in", "[batch]") {
  std::vector<RunRecord> runs = {record("base", 1, 3000, 2), record("b", 2, 2900, 4),
                                 record("base", 2, 3100, 1), record("b", 1, 2800, 3)};
  const Comparison one = compare_runs(runs);
  std::reverse(runs.begin(), runs.end());
  const Comparison two = compare_runs(runs);
  CHECK(one.variants == two.variants);
  CHECK(*cell(one, "overall.t100_s", "b").vs_base->diff.mean ==
        *cell(two, "overall.t100_s", "b").vs_base->diff.mean);
  CHECK(*cell(one, "outcome.no_route", "b").stats.sd == *cell(two, "outcome.no_route", "b").stats.sd);
}
