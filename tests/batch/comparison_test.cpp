// What a comparison says about a plan: conditional KPIs (response times over the
// tasks reached) never reward the plan that reaches fewer, differences are judged
// better or worse for the user only when they are real and large enough, and the
// files and report say so. Inputs are RunRecords built here, as a batch reads them.
#include "batch/comparison.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "batch/comparison_files.hpp"
#include "batch/report_html.hpp"

using namespace ss::batch;

namespace {

// A run with a plan: `reached` of the tasks reached by a team, at a mean response
// time `response_s` over those reached; T90 and the safe share of everyone.
RunRecord run(const std::string& variant, std::uint64_t seed, double reached, double response_s, double t90_s,
              double safe_share) {
  RunRecord r;
  r.scenario = "town";
  r.variant = variant;
  r.seed = seed;
  r.kpis = {{"overall.t90_s", t90_s, Better::Lower},
            {"overall.safe_share", safe_share, Better::Higher},
            {"response.mean_s", response_s, Better::Lower, "response.reached_share"},
            {"response.reached_share", reached, Better::Higher}};
  r.curve = {{0, 0.0}, {60, safe_share}};
  r.source = variant + "/seed-" + std::to_string(seed);
  return r;
}

const KpiComparison& row(const Comparison& c, const std::string& key) {
  for (const KpiComparison& k : c.kpis)
    if (k.key == key) return k;
  FAIL("no KPI " << key);
  throw;
}

const VariantKpi& cell(const Comparison& c, const std::string& key, const std::string& variant) {
  for (const VariantKpi& v : row(c, key).variants)
    if (v.variant == variant) return v;
  FAIL("no " << key << " for " << variant);
  throw;
}

// The base and a late warning, four seeds: the late warning reaches 40 % of the
// tasks instead of 60 %, and is five minutes quicker at the few it reaches.
std::vector<RunRecord> late_warning_batch() {
  std::vector<RunRecord> runs;
  for (std::uint64_t s = 1; s <= 4; ++s) {
    const double noise = 7.0 * static_cast<double>(s % 3);
    runs.push_back(run("base", s, 0.6, 900 + noise, 1800 + noise, 0.95));
    runs.push_back(run("late_warning", s, 0.4, 600 + 2 * noise, 2400 + noise, 0.90));
  }
  return runs;
}

}  // namespace

TEST_CASE("a plan that reaches fewer tasks never ranks better on response time", "[batch]") {
  const Comparison c = compare_runs(late_warning_batch());
  // Quicker over the tasks it reached...
  CHECK(*cell(c, "response.mean_s", "late_warning").stats.mean <
        *cell(c, "response.mean_s", "base").stats.mean);
  // ...but a response time over reached tasks is not ranked and not called better.
  CHECK(row(c, "response.mean_s").conditional_on == "response.reached_share");
  CHECK(cell(c, "response.mean_s", "late_warning").rank == 0);
  CHECK(cell(c, "response.mean_s", "base").rank == 0);
  CHECK(cell(c, "response.mean_s", "late_warning").verdict == Verdict::NotComparable);
  // It is shown beside its denominator, which does rank: the base reaches more.
  CHECK(*cell(c, "response.mean_s", "late_warning").denominator_mean == Approx(0.4));
  CHECK(*cell(c, "response.mean_s", "base").denominator_mean == Approx(0.6));
  CHECK(cell(c, "response.reached_share", "base").rank == 1);
  CHECK(cell(c, "response.reached_share", "late_warning").rank == 2);
  CHECK(cell(c, "response.reached_share", "late_warning").verdict == Verdict::Worse);

  SECTION("the files show the denominator beside the conditional KPI and give it no rank") {
    const std::string csv = comparison_csv(c);
    CHECK_THAT(csv, Catch::Contains("response.mean_s,\"response time, mean over reached tasks\",s,1,lower,"
                                    "response.reached_share,late_warning,4,4,"));
    CHECK_THAT(csv, Catch::Contains(",,0.4,4,-293,") && Catch::Contains(",not comparable\n"));
    const auto j = comparison_json(c);
    for (const auto& k : j["kpis"]) {
      if (k["kpi"] != "response.mean_s") continue;
      CHECK(k["conditional_on"] == "response.reached_share");
      CHECK(k["variants"][1]["rank"].is_null());
      CHECK(k["variants"][1]["denominator_mean"] == 0.4);
      CHECK(k["variants"][1]["diff_vs_base"]["verdict"] == "not comparable");
    }
    const std::string html = report_html(c);
    CHECK_THAT(html, Catch::Contains(
                         "not ranked: over reached tasks only; tasks reached by a team 60.0 % → 40.0 %"));
    CHECK_THAT(html, Catch::Contains("not comparable: tasks reached by a team differs"));
  }
}

TEST_CASE("a quicker response over the same share of tasks reached is better", "[batch]") {
  std::vector<RunRecord> runs;
  for (std::uint64_t s = 1; s <= 4; ++s) {
    const double noise = 5.0 * static_cast<double>(s % 2);
    runs.push_back(run("base", s, 0.6, 900 + noise, 1800, 0.95));
    runs.push_back(run("more_teams", s, 0.6, 700 + 3 * noise, 1800, 0.95));
  }
  const Comparison c = compare_runs(runs);
  CHECK(cell(c, "response.mean_s", "more_teams").verdict == Verdict::Better);
  CHECK(cell(c, "response.mean_s", "more_teams").rank == 0);  // still not ranked on its own
}

TEST_CASE("a significant difference is better or worse for the user, by the KPI's direction", "[batch]") {
  const Comparison c = compare_runs(late_warning_batch());
  // T90 ten minutes later (lower is better) and a lower safe share (higher is better):
  // both are worse for the people evacuated, though one goes up and one goes down.
  CHECK(cell(c, "overall.t90_s", "late_warning").verdict == Verdict::Worse);
  CHECK(cell(c, "overall.safe_share", "late_warning").verdict == Verdict::Worse);
  std::vector<RunRecord> swapped = late_warning_batch();
  for (RunRecord& r : swapped) r.variant = r.variant == "base" ? "late_warning" : "base";
  const Comparison back = compare_runs(swapped);
  CHECK(cell(back, "overall.t90_s", "late_warning").verdict == Verdict::Better);
  CHECK(cell(back, "overall.safe_share", "late_warning").verdict == Verdict::Better);

  const std::string html = report_html(c);
  CHECK_THAT(html, Catch::Contains("<span class=worse>Δ +0:10:00"));
  CHECK_THAT(report_html(back), Catch::Contains("<span class=better>Δ −0:10:00"));
  // Blue and vermillion of Okabe & Ito: apart for the common colour-vision deficiencies.
  CHECK_THAT(html, Catch::Contains(".better { color: #0072B2") && Catch::Contains(".worse { color: #D55E00"));
}

TEST_CASE("a pure time shift is an exact difference, and one below the threshold is no verdict", "[batch]") {
  std::vector<RunRecord> runs;
  for (std::uint64_t s = 1; s <= 3; ++s) {
    const double t = 1000 + 37.0 * static_cast<double>(s);
    runs.push_back(run("base", s, 0.5, 800, t, 0.9));
    runs.push_back(run("later", s, 0.5, 800, t + 60.0, 0.9));       // one minute later in every seed
    runs.push_back(run("a_bit_later", s, 0.5, 800, t + 0.5, 0.9));  // half a second later in every seed
  }
  const Comparison c = compare_runs(runs);
  const VariantKpi& later = cell(c, "overall.t90_s", "later");
  REQUIRE(later.vs_base);
  CHECK(later.vs_base->exact);
  CHECK(*later.vs_base->diff.ci_low == 60.0);
  CHECK(*later.vs_base->diff.ci_high == 60.0);
  CHECK(later.verdict == Verdict::Worse);
  const VariantKpi& bit = cell(c, "overall.t90_s", "a_bit_later");
  CHECK(bit.vs_base->excludes_zero);              // real: the same half second in every seed...
  CHECK(bit.verdict == Verdict::BelowThreshold);  // ...but below 1 s: not worse
  CHECK(bit.rank == 1);                           // ties with the base within the threshold
  CHECK(cell(c, "overall.t90_s", "base").rank == 1);
  CHECK(later.rank == 3);

  const std::string html = report_html(c);
  CHECK_THAT(html,
             Catch::Contains("+0:01:00 <span class=ci>(exact: paired, identical in every seed)</span>"));
  CHECK_THAT(html, Catch::Contains("below the 1 s threshold"));
  CHECK_THAT(html, !Catch::Contains("[+0:01:00, +0:01:00]"));
}

TEST_CASE("the variants' descriptions appear in the report and comparison.json", "[batch]") {
  Comparison c = compare_runs(late_warning_batch());
  c.descriptions = {{"base", "The plan as written."},
                    {"late_warning", "The warning goes out 10 minutes later."}};
  CHECK_THAT(report_html(c), Catch::Contains("The warning goes out 10 minutes later."));
  CHECK(comparison_json(c)["variant_descriptions"]["late_warning"] ==
        "The warning goes out 10 minutes later.");
  c.descriptions.erase("late_warning");
  CHECK(comparison_json(c)["variant_descriptions"]["late_warning"].is_null());
  CHECK_THAT(report_html(c), Catch::Contains("no description found"));
}

TEST_CASE("a zone without residents is left out of the zone table, not ranked worst", "[batch]") {
  std::vector<RunRecord> runs = late_warning_batch();
  for (RunRecord& r : runs) {
    r.kpis.push_back({"by_zone.Z-0-0.safe_share", std::nullopt, Better::Higher});  // nobody lives there
    r.kpis.push_back({"by_zone.Z-0-1.safe_share", r.variant == "base" ? 0.9 : 0.8, Better::Higher});
  }
  const Comparison c = compare_runs(runs);
  CHECK(cell(c, "by_zone.Z-0-0.safe_share", "base").stats.n == 0);  // no value, not 0 %
  CHECK(cell(c, "by_zone.Z-0-0.safe_share", "base").rank ==
        cell(c, "by_zone.Z-0-0.safe_share", "late_warning").rank);
  const std::string html = report_html(c);
  CHECK_THAT(html, Catch::Contains("<summary>By zone</summary>") &&
                       Catch::Contains("safe in a shelter, zone Z-0-1"));
  CHECK_THAT(html, Catch::Contains("Without residents (no safe share, left out): Z-0-0."));
  CHECK_THAT(html, !Catch::Contains("safe in a shelter, zone Z-0-0"));
}

TEST_CASE("a share's interval in the report stays within 0 to 100 percent", "[batch]") {
  // Safe shares 100, 100, 100 and 96 %: mean 99 %, and its t interval reaches 102.2 %.
  std::vector<RunRecord> runs;
  const double shares[] = {1.0, 1.0, 1.0, 0.96};
  for (std::uint64_t s = 1; s <= 4; ++s) runs.push_back(run("base", s, 0.6, 900, 1800, shares[s - 1]));
  const Comparison c = compare_runs(runs);
  const SampleStats& st = cell(c, "overall.safe_share", "base").stats;
  REQUIRE(st.ci_high);
  CHECK(*st.ci_high > 1.0);  // as computed, kept in comparison.json
  const std::string html = report_html(c);
  CHECK_THAT(html, Catch::Contains("<b>99.0 %</b> <span class=ci>[95.8 %, 100 %]</span>"));
}

TEST_CASE("a shelter or zone name with HTML in it is shown as text in the report, never run", "[batch]") {
  std::vector<RunRecord> runs;
  for (std::uint64_t s = 1; s <= 3; ++s) {
    RunRecord r = run("base", s, 0.6, 900, 1800, 0.95);
    r.kpis.push_back({"shelter.<script>alert(1)</script>.peak_share", 0.5, Better::Lower});
    r.kpis.push_back({"by_zone.<img src=x onerror=alert(2)>.safe_share", 0.9, Better::Higher});
    runs.push_back(r);
  }
  const std::string html = report_html(compare_runs(runs));
  CHECK_THAT(html, !Catch::Contains("<script>") && !Catch::Contains("<img"));
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST_CASE("a comparison names the runs it lacks, planned or seen with other variants and seeds", "[batch]") {
  std::vector<RunRecord> runs = late_warning_batch();
  // late_warning seed 3 failed; the plan also had a variant "twin" of which no run finished.
  runs.erase(std::remove_if(runs.begin(), runs.end(),
                            [](const RunRecord& r) { return r.variant == "late_warning" && r.seed == 3; }),
             runs.end());
  std::vector<RunKey> planned;
  for (const char* v : {"base", "late_warning", "twin"})
    for (std::uint64_t s = 1; s <= 4; ++s) planned.push_back({v, s});
  const Comparison c = compare_runs(runs, planned);
  CHECK(c.variants == std::vector<std::string>{"base", "late_warning"});
  CHECK(runs_text(c.missing) == "late_warning seed 3; twin seeds 1, 2, 3, 4");
  CHECK(cell(c, "overall.t90_s", "late_warning").runs == 3);  // computed over the runs that finished
  CHECK(comparison_json(c)["missing_runs"] ==
        nlohmann::ordered_json::parse(R"([{"variant": "late_warning", "seed": 3},
      {"variant": "twin", "seed": 1}, {"variant": "twin", "seed": 2}, {"variant": "twin", "seed": 3},
      {"variant": "twin", "seed": 4}])"));
  CHECK_THAT(
      report_html(c),
      Catch::Contains("Missing runs, in no figure below: late_warning seed 3; twin seeds 1, 2, 3, 4."));

  // Without a plan (`compare`), every variant seen is expected with every seed seen.
  CHECK(runs_text(compare_runs(runs).missing) == "late_warning seed 3");
  // A complete batch lacks nothing, and its files say so without a word in the report.
  const Comparison whole = compare_runs(late_warning_batch());
  CHECK(whole.missing.empty());
  CHECK(comparison_json(whole)["missing_runs"] == nlohmann::ordered_json::array());
  CHECK_THAT(report_html(whole), !Catch::Contains("Missing runs"));
}
