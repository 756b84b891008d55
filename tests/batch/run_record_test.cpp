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
    "shelters": [{"name": "Hall", "capacity": 200, "peak_occupancy": 50, "full_time_s": null},
                 {"name": "Bertleinschule", "capacity": 100, "peak_occupancy": 100, "full_time_s": 900},
                 {"name": "St. Leonhard", "capacity": 0, "peak_occupancy": 0, "full_time_s": null}],
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

TEST_CASE("a run's response times and plan targets become KPIs of the comparison", "[batch]") {
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
  // Each shelter's peak load as a share of its capacity, named by the shelter.
  CHECK(*find(kpis, "shelter.Hall.peak_share")->value == 0.25);
  CHECK(*find(kpis, "shelter.Bertleinschule.peak_share")->value == 1.0);
  CHECK(find(kpis, "shelter.Bertleinschule.peak_share")->better == ss::batch::Better::Lower);
  CHECK_FALSE(find(kpis, "shelter.St. Leonhard.peak_share")->value.has_value());  // no capacity, no share
}

TEST_CASE("a summary without a plan has no response or target KPIs", "[batch]") {
  nlohmann::json s = summary_with_plan();
  s.erase("plan");
  const auto kpis = ss::batch::kpis_from_summary(s, "summary.json");
  CHECK_FALSE(find(kpis, "response.p50_s"));
  CHECK_FALSE(find(kpis, "targets.met"));
}

TEST_CASE("every hazard's key figures become KPIs named after the hazard, with their direction", "[batch]") {
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

TEST_CASE("response times are marked as taken over the tasks reached, beside the share reached", "[batch]") {
  const auto kpis = ss::batch::kpis_from_summary(summary_with_plan(), "summary.json");
  for (const char* k : {"response.mean_s", "response.p50_s", "response.p90_s", "response.max_s"}) {
    INFO(k);
    REQUIRE(find(kpis, k));
    CHECK(find(kpis, k)->conditional_on == "response.reached_share");
  }
  CHECK(find(kpis, "response.reached_share")->conditional_on.empty());  // over all tasks
  CHECK(find(kpis, "mean_travel_time_s")->conditional_on == "overall.safe_share");
  CHECK(find(kpis, "mean_distance_m")->conditional_on == "overall.safe_share");
  CHECK(find(kpis, "overall.t90_s")->conditional_on.empty());  // a share of all residents

  SECTION("the mark survives the trip between MPI ranks") {
    ss::batch::RunRecord r;
    r.scenario = "town";
    r.variant = "base";
    r.seed = 1;
    r.kpis = kpis;
    const auto back = ss::batch::record_from_json(ss::batch::to_json(r));
    CHECK(find(back.kpis, "response.p90_s")->conditional_on == "response.reached_share");
    CHECK(find(back.kpis, "overall.t90_s")->conditional_on.empty());
  }
}

TEST_CASE("when nobody reached a shelter, mean travel time and distance have no value", "[batch]") {
  nlohmann::json s = summary_with_plan();
  s["overall"]["safe"] = 0;
  s["overall"]["safe_share"] = 0.0;
  s["mean_travel_time_s"] = 0.0;  // as summary.json writes it: a mean of nobody
  const auto kpis = ss::batch::kpis_from_summary(s, "summary.json");
  CHECK_FALSE(find(kpis, "mean_travel_time_s")->value.has_value());
  CHECK_FALSE(find(kpis, "mean_distance_m")->value.has_value());
}

TEST_CASE("zones become KPIs, and a zone without residents has no safe share rather than 0", "[batch]") {
  nlohmann::json s = summary_with_plan();
  s["by_zone"] = nlohmann::json::parse(R"([
    {"id": 0, "zone": "Z-0-0", "residents": 0, "safe": 0, "safe_share": 0.0,
     "t50_s": null, "t90_s": null, "t95_s": null, "t100_s": null},
    {"id": 1, "zone": "Z-0-1", "residents": 40, "safe": 30, "safe_share": 0.75,
     "t50_s": 500, "t90_s": null, "t95_s": null, "t100_s": null},
    {"id": 2, "zone": "Mitte", "residents": 5, "safe": 5, "safe_share": 1.0,
     "t50_s": 300, "t90_s": 400, "t95_s": 400, "t100_s": 420},
    {"id": 3, "zone": "Mitte", "residents": 6, "safe": 6, "safe_share": 1.0,
     "t50_s": 310, "t90_s": 410, "t95_s": 410, "t100_s": 430}])");
  const auto kpis = ss::batch::kpis_from_summary(s, "summary.json");
  REQUIRE(find(kpis, "by_zone.Z-0-0.safe_share"));
  CHECK_FALSE(find(kpis, "by_zone.Z-0-0.safe_share")->value.has_value());  // nobody lives there
  CHECK(*find(kpis, "by_zone.Z-0-1.safe_share")->value == 0.75);
  CHECK(*find(kpis, "by_zone.Z-0-1.t50_s")->value == 500.0);
  CHECK(find(kpis, "by_zone.Z-0-1.safe_share")->better == ss::batch::Better::Higher);
  // Zone names need not be unique: a repeated name gets its position.
  CHECK(*find(kpis, "by_zone.Mitte #2.t100_s")->value == 420.0);
  CHECK(*find(kpis, "by_zone.Mitte #3.t100_s")->value == 430.0);
  s["by_group"] =
      nlohmann::json::parse(R"({"mobility_bedridden": {"residents": 0, "safe": 0, "safe_share": 0.0,
    "t50_s": null, "t90_s": null, "t95_s": null, "t100_s": null}})");
  CHECK_FALSE(find(ss::batch::kpis_from_summary(s, "summary.json"), "by_group.mobility_bedridden.safe_share")
                  ->value.has_value());
}
