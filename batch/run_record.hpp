#pragma once
// What a batch keeps of one finished run: its KPIs and its evacuation curve, read
// from the run's folder (summary.json, timeline.csv). A few kilobytes per run, so a
// comparison of thousands of runs never holds any resident table in memory.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ss::batch {

// Name under which a batch reports the scenario's base plan (variant "").
inline constexpr const char* kBaseVariant = "base";

enum class Better { Lower, Higher };
const char* to_string(Better b);

struct KpiValue {
  std::string key;              // e.g. "overall.t90_s", "outcome.needs_assistance"
  std::optional<double> value;  // none: not reached in this run (e.g. T100 with people left)
  Better better = Better::Lower;
  // Empty for a KPI over a fixed population (all residents, a group, a zone, all
  // shelters, all tasks). Otherwise the key of the share its population is a part of:
  // response times are taken over the tasks a team reached ("response.reached_share"),
  // mean travel time and distance over the residents who reached a shelter
  // ("overall.safe_share"). A plan that reaches fewer tasks looks faster on such a
  // KPI, so a comparison never ranks or judges it on its own (comparison.hpp).
  std::string conditional_on{};
};

struct CurvePoint {
  double time_s = 0;           // s
  double sheltered_share = 0;  // of all residents, [0, 1]
};

struct RunRecord {
  std::string scenario;  // scenario name from summary.json
  std::string variant;   // kBaseVariant for the base plan
  std::uint64_t seed = 0;
  std::vector<KpiValue> kpis;     // in a fixed order (see kpis_from_summary)
  std::vector<CurvePoint> curve;  // one point per timeline row
  std::string source;             // run folder it was read from (for messages only)
};

// KPIs of a run from its summary.json document, in this order: overall T50/T90/T95/
// T100 and sheltered share; the same per resident group and per zone ("by_zone", when
// present; keys by_zone.<zone name>.*); residents not safe by outcome; shelters that
// filled up; mean travel time and distance (conditional on overall.safe_share, null
// when nobody reached a shelter); response times (conditional on
// response.reached_share) and plan targets met when the summary has a plan; every
// hazard's figures. A group or zone without residents has no safe share (null, not
// 0, which would rank it worst). Lower is better for times and counts, higher for
// shares and targets met. `file` names the document in errors.
std::vector<KpiValue> kpis_from_summary(const nlohmann::json& summary, const std::string& file);

// Reads a run folder. Throws std::runtime_error naming the file and field when
// summary.json or timeline.csv is missing, not valid or lacks a field.
RunRecord read_run_folder(const std::filesystem::path& dir);

// True when `dir` holds a complete run of (scenario, variant, seed): summary.json
// parses, has the run summary format and names that scenario, variant and seed.
bool is_complete_run(const std::filesystem::path& dir, const std::string& scenario,
                     const std::string& variant, std::uint64_t seed);

// Lossless JSON form, to send records between MPI ranks.
nlohmann::json to_json(const RunRecord& r);
RunRecord record_from_json(const nlohmann::json& j);

}  // namespace ss::batch
