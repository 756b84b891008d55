#pragma once
// What each decision was worth (docs/drills.md "What each decision was worth"): the
// drill re-run without any of the players' decisions, and without each decision in
// turn — replays of the same journal, so the same scenario, seed and injects (common
// random numbers, as a batch pairs its variants' runs) — each in a worker process
// (`safestreet replay JOURNAL --without-decision LINE`, batch/process_pool.hpp), and
// the differences in the key figures put in words.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/process_pool.hpp"
#include "drill/debrief.hpp"
#include "i18n/language.hpp"

namespace ss::drill {

// The figures compared, read from a run's summary.json.
struct ValueFigures {
  std::optional<double> t90;              // s; none: 90 % never safe
  std::uint64_t safe = 0;                 // residents safe at the end
  std::uint64_t not_safe = 0;             // residents not safe at the end
  std::optional<std::uint64_t> in_water;  // ever in water ≥ FloodPeople::exposed_depth; none without a flood
  std::optional<std::uint64_t> in_deep;   // ever in water ≥ deep_water (the adults' wading limit)
  double deep_water = 0.0;                // m
  std::optional<std::uint64_t> danger;    // ever in water of hazard class "danger for some" or worse
  double danger_rating = 0.0;             // hazard rating (FD2321) that class starts at
};
ValueFigures value_figures(const nlohmann::json& summary);

struct ValueRun {
  int line = 0;               // journal line of the decision left out; 0: every decision left out
  std::size_t event = 0;      // its index into Debrief::events (line > 0)
  std::string label;          // "0:32:00 operations: door_knock 11.2856, 49.5122"
  std::filesystem::path dir;  // the re-run's folder
  bool ok = false;
  std::string error;     // why it failed
  double seconds = 0.0;  // wall clock
  ValueFigures figures;
};

// The re-runs for the debrief's applied decisions: first without all, then without each.
std::vector<ValueRun> plan_value_runs(const Debrief& d, const std::filesystem::path& work_dir);

// Runs them with `exe` (this program), `jobs` at a time, and reads their results.
// `on_progress` as batch::run_processes.
void run_value_runs(std::vector<ValueRun>& runs, const std::string& exe, const std::string& journal,
                    std::size_t jobs, const std::function<void(const batch::PoolProgress&)>& on_progress);

// "cost 0:04:00 of T90, brought 12 more people to safety and kept 120 people out of
// water ≥ 0.1 m": what having made the decision(s) changed, drill minus re-run.
// `exposed_depth`: the flood's FloodPeople::exposed_depth (m).
// `l`: the language of the words and numbers (the report's, the printout's).
std::string worth_in_words(const ValueFigures& drill, const ValueFigures& without, double exposed_depth,
                           i18n::Language l = i18n::Language::En);

// The flood's FloodPeople::exposed_depth (m): what "in water" means; 0 without a flood.
double exposed_depth(const Model& model);

// The report's section: the sentence per decision and the table of figures.
std::string values_section_html(const Debrief& d, const ValueFigures& drill,
                                const std::vector<ValueRun>& runs, i18n::Language l = i18n::Language::En);

}  // namespace ss::drill
