// Two single runs side by side: per KPI A, B, the difference and what it means for
// the user, with no statistics from one run each, and saying so.
#include "batch/run_pair.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace ss::batch;

namespace {

RunRecord run(const std::string& variant, std::uint64_t seed, double t90_s, double reached,
              double response_s) {
  RunRecord r;
  r.scenario = "town";
  r.variant = variant;
  r.seed = seed;
  r.kpis = {{"overall.t90_s", t90_s, Better::Lower},
            {"overall.safe_share", 0.9, Better::Higher},
            {"response.mean_s", response_s, Better::Lower, "response.reached_share"},
            {"response.reached_share", reached, Better::Higher},
            {"outcome.no_route", 3.0, Better::Lower}};
  r.curve = {{0, 0.0}, {60, 0.9}};
  return r;
}

const PairRow& row(const RunPair& p, const std::string& key) {
  for (const PairRow& r : p.kpis)
    if (r.key == key) return r;
  FAIL("no KPI " << key);
  throw;
}

}  // namespace

TEST_CASE("two single runs: per KPI A, B, the difference and better or worse for the user", "[batch]") {
  const RunPair p = compare_two_runs(run("base", 1, 1800, 0.6, 900), run("late_warning", 1, 2400, 0.4, 600),
                                     "The plan as written.", "The warning goes out 10 minutes later.");
  const PairRow& t90 = row(p, "overall.t90_s");
  CHECK(*t90.a == 1800.0);
  CHECK(*t90.b == 2400.0);
  CHECK(*t90.difference == 600.0);
  CHECK(t90.verdict == Verdict::Worse);
  CHECK(row(p, "outcome.no_route").verdict == Verdict::NoDifference);
  // Quicker at the fewer tasks it reached: not better.
  CHECK(row(p, "response.mean_s").verdict == Verdict::NotComparable);
  CHECK(row(p, "response.reached_share").verdict == Verdict::Worse);

  // One run each: no intervals, and the notes say what that means.
  CHECK_THAT(p.notes.front(), Catch::Contains("One run each") && Catch::Contains("no significance"));
  CHECK_THAT(p.notes.at(1), Catch::Contains("seed 1 (common random numbers)"));

  std::ostringstream out;
  print_run_pair(out, p);
  CHECK_THAT(out.str(), Catch::Contains("The warning goes out 10 minutes later.") &&
                            Catch::Contains("T90, everyone (h:mm:ss)") && Catch::Contains("+0:10:00") &&
                            Catch::Contains("worse") && Catch::Contains("One run each"));
  const std::string html = run_pair_html(p);
  CHECK_THAT(html, Catch::Contains("<span class=worse>+0:10:00"));
  CHECK_THAT(html, Catch::Contains("over reached tasks only; tasks reached by a team 60.0 % → 40.0 %"));
  CHECK_THAT(run_pair_csv(p),
             Catch::Contains("overall.t90_s,\"T90, everyone\",s,1,lower,,1800,2400,600,worse\n"));
  const auto j = run_pair_json(p);
  CHECK(j["format"] == "safestreet-run-pair/1");
  CHECK(j["b"]["description"] == "The warning goes out 10 minutes later.");
}

TEST_CASE("two runs with different seeds: the notes say part of the difference is chance", "[batch]") {
  const RunPair p =
      compare_two_runs(run("base", 1, 1800, 0.6, 900), run("base", 2, 1800.4, 0.6, 700), "", "");
  CHECK_THAT(p.notes.at(1), Catch::Contains("Different seeds (1 and 2)"));
  CHECK(row(p, "overall.t90_s").verdict == Verdict::BelowThreshold);  // 0.4 s: below 1 s
  CHECK(row(p, "response.mean_s").verdict == Verdict::Better);        // same share reached
}
