// KPI keys in words with their units, the practical thresholds and how values and
// differences are written.
#include "batch/kpi_labels.hpp"

#include <catch2/catch.hpp>

using namespace ss::batch;

TEST_CASE("KPI keys read as words with their unit", "[batch]") {
  CHECK(kpi_label("overall.t90_s") == "T90, everyone (h:mm:ss)");
  CHECK(kpi_label("overall.safe_share") == "safe in a shelter, everyone (%)");
  CHECK(kpi_label("by_group.age_80_plus.t90_s") == "T90, aged 80 and over (h:mm:ss)");
  CHECK(kpi_label("by_group.mobility_wheelchair.t100_s") == "T100, wheelchair users (h:mm:ss)");
  CHECK(kpi_label("by_zone.Z-1-2.safe_share") == "safe in a shelter, zone Z-1-2 (%)");
  CHECK(kpi_label("by_zone.Old town.t50_s") == "T50, zone Old town (h:mm:ss)");
  CHECK(kpi_label("shelter.St. Leonhard.peak_share") == "peak load, shelter St. Leonhard (% of capacity)");
  CHECK(kpi_label("outcome.shelters_full") == "not safe: turned away by full shelters (residents)");
  CHECK(kpi_label("outcome.no_route") == "not safe: no route to a shelter (residents)");
  CHECK(kpi_label("shelters.filled") == "shelters that filled up (shelters)");
  CHECK(kpi_label("mean_travel_time_s") == "mean travel time, sheltered residents only (h:mm:ss)");
  CHECK(kpi_label("response.p90_s") == "response time, 90th percentile over reached tasks (h:mm:ss)");
  CHECK(kpi_label("response.reached_share") == "tasks reached by a team (%)");
  CHECK(kpi_label("target.2_share_safe_within.met") == "target 2 met: share safe in time (% of runs)");
  CHECK(kpi_label("targets.met") == "plan targets met (targets)");
}

TEST_CASE("a hazard's KPIs are named from their key, with the unit from its suffix", "[batch]") {
  CHECK(kpi_label("flood.max_depth_m") == "flood: maximum depth (m)");
  CHECK(describe_kpi("flood.max_depth_m").unit == Unit::Metres);
  CHECK(kpi_label("flood.flooded_area_m2") == "flood: flooded area (m²)");
  CHECK(describe_kpi("flood.flooded_area_m2").unit == Unit::SquareMetres);
  CHECK(kpi_label("fire.buildings_ignited") == "fire: buildings ignited (count)");
  CHECK(kpi_label("fire.min_visibility_m") == "fire: minimum visibility (m)");
  CHECK(describe_kpi("flood.mass_error").unit == Unit::Ratio);
  CHECK(describe_kpi("smoke.first_alarm_s").unit == Unit::Seconds);  // a hazard not yet written
}

TEST_CASE("each unit has a documented practical threshold", "[batch]") {
  CHECK(practical_threshold(Unit::Seconds) == 1.0);
  CHECK(practical_threshold(Unit::Share) == 0.001);
  CHECK(practical_threshold(Unit::Metres) == 0.01);
  CHECK(practical_threshold(Unit::SquareMetres) == 1.0);
  CHECK(practical_threshold(Unit::Count) == 0.0);  // one resident more or less already counts
  CHECK(threshold_text(Unit::Seconds) == "1 s");
  CHECK(threshold_text(Unit::Share) == "0.1 pp");
  CHECK(threshold_text(Unit::Metres) == "1 cm");
  CHECK(threshold_text(Unit::Count).empty());
  // The mean distance walked has its own: 1 m, about a second's walk, not 1 cm.
  CHECK(describe_kpi("mean_distance_m").threshold == 1.0);
  CHECK(describe_kpi("flood.max_depth_m").threshold == 0.01);
  CHECK(threshold_text(Unit::Metres, 1.0) == "1 m");
}

TEST_CASE("values and differences are written in the unit a reader expects", "[batch]") {
  CHECK(format_value(Unit::Seconds, 3725.4) == "1:02:05");
  CHECK(format_value(Unit::Share, 0.934) == "93.4 %");
  CHECK(format_value(Unit::Metres, 512.3) == "512 m");
  CHECK(format_value(Unit::Metres, 0.423) == "0.42 m");
  CHECK(format_value(Unit::Count, 3.0) == "3");
  CHECK(format_value(Unit::Count, 2.5) == "2.5");
  CHECK(format_difference(Unit::Seconds, -60.0) == "−0:01:00");
  CHECK(format_difference(Unit::Share, 0.02) == "+2.0 pp");
  CHECK(format_difference(Unit::Count, 0.0) == "±0");
}
