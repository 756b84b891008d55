// Reading the KPIs a batch compares out of one run's summary.json.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "batch/run_record.hpp"

namespace {

nlohmann::json summary_with_plan() {
  return nlohmann::json::parse(R"({
    "overall": {"t50_s": 600, "t90_s": 1200, "t95_s": 1500, "t100_s": null, "safe_share": 0.97},
    "by_group": {},
    "by_outcome": {"sheltered": 97, "needs_assistance": 3},
    "shelters": [{"full_time_s": null}, {"full_time_s": 900}],
    "mean_travel_time_s": 400, "mean_distance_m": 500,
    "plan": {
      "responders": {"response_time": {"tasks": 10, "arrived": 8, "mean_s": 700, "p50_s": 650, "p90_s": 1100, "max_s": null}},
      "targets": [{"kind": "share_safe_within", "met": true}, {"kind": "vulnerable_reached_within", "met": false}]
    }})");
}

const ss::batch::KpiValue* find(const std::vector<ss::batch::KpiValue>& kpis, const std::string& key) {
  for (const auto& k : kpis)
    if (k.key == key) return &k;
  return nullptr;
}

}  // namespace

TEST_CASE("a run's response times and plan targets become KPIs of the comparison") {
  const auto kpis = ss::batch::kpis_from_summary(summary_with_plan(), "summary.json");
  REQUIRE(find(kpis, "response.p50_s"));
  CHECK(*find(kpis, "response.p50_s")->value == 650.0);
  REQUIRE(find(kpis, "response.max_s"));
  CHECK_FALSE(find(kpis, "response.max_s")->value.has_value());  // nobody reached: missing, not zero
  CHECK(*find(kpis, "response.reached_share")->value == Approx(0.8));
  CHECK(*find(kpis, "target.1_share_safe_within.met")->value == 1.0);
  CHECK(*find(kpis, "target.2_vulnerable_reached_within.met")->value == 0.0);
  CHECK(*find(kpis, "targets.met")->value == 1.0);
  CHECK(*find(kpis, "shelters.filled")->value == 1.0);
}

TEST_CASE("a summary without a plan has no response or target KPIs") {
  nlohmann::json s = summary_with_plan();
  s.erase("plan");
  const auto kpis = ss::batch::kpis_from_summary(s, "summary.json");
  CHECK_FALSE(find(kpis, "response.p50_s"));
  CHECK_FALSE(find(kpis, "targets.met"));
}

TEST_CASE("every hazard's key figures become KPIs named after the hazard, with their direction") {
  nlohmann::json s = summary_with_plan();
  s["hazards"] = nlohmann::json::parse(R"([
    {"name": "fire", "kpis": [{"name": "buildings_ignited", "value": 542, "better": "lower"},
                              {"name": "min_visibility_m", "value": null, "better": "higher"}]}])");
  const auto kpis = ss::batch::kpis_from_summary(s, "summary.json");
  REQUIRE(find(kpis, "fire.buildings_ignited"));
  CHECK(*find(kpis, "fire.buildings_ignited")->value == 542.0);
  CHECK(find(kpis, "fire.buildings_ignited")->better == ss::batch::Better::Lower);
  REQUIRE(find(kpis, "fire.min_visibility_m"));
  CHECK_FALSE(find(kpis, "fire.min_visibility_m")->value.has_value());
  CHECK(find(kpis, "fire.min_visibility_m")->better == ss::batch::Better::Higher);
  s["hazards"][0]["kpis"][0].erase("better");
  CHECK_THROWS_WITH(ss::batch::kpis_from_summary(s, "summary.json"), Catch::Contains("hazards[0].kpis[0]"));
}
