#pragma once
// Two single runs side by side (`safestreet compare RUN_A RUN_B`): per KPI the value
// of A, of B, the difference B − A and what it means for the user. With one run
// each there is no spread to test against, so there are no intervals and no
// significance: better or worse only says which way a difference goes once it
// reaches the unit's practical threshold, and the notes say so.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "batch/comparison.hpp"
#include "batch/run_record.hpp"
#include "batch/verdict.hpp"
#include "i18n/language.hpp"

namespace ss::batch {

struct PairRow {
  std::string key;
  Better better = Better::Lower;
  std::string conditional_on{};          // KpiValue::conditional_on
  std::optional<double> a{}, b{};        // none: no value in that run (or no such KPI)
  std::optional<double> difference{};    // b − a, when both have a value
  Verdict verdict = Verdict::NotTested;  // of B relative to A, without statistics
};

struct PairSide {
  std::string scenario, variant, description;  // description: "" when none was found
  std::uint64_t seed = 0;
  VariantCurve curve;  // the run's sheltered share (mean = min = max: one run)
};

struct RunPair {
  PairSide a, b;
  std::vector<PairRow> kpis;       // A's KPIs in order, then those only B has
  std::vector<std::string> notes;  // what a pair of runs can and cannot say
};

// Builds the pair. Runs of different scenarios, variants or seeds may be compared;
// the notes say what that means. Conditional KPIs are "not comparable" while their
// denominator differs by at least its practical threshold.
RunPair compare_two_runs(const RunRecord& a, const RunRecord& b, const std::string& description_a,
                         const std::string& description_b);

// comparison.json ("safestreet-run-pair/1"), comparison.csv and report.html of a
// pair; deterministic like the batch files (no times, no paths).
nlohmann::ordered_json run_pair_json(const RunPair& p);
std::string run_pair_csv(const RunPair& p);
// In language `l` (the report's words and numbers; JSON and CSV stay English).
std::string run_pair_html(const RunPair& p, i18n::Language l = i18n::Language::En);
// What a pair of runs can say (RunPair::notes) in language `l`.
std::vector<std::string> pair_notes(const PairSide& a, const PairSide& b, i18n::Language l);
void write_run_pair(const std::filesystem::path& dir, const RunPair& p);

// The table `compare` prints: every KPI outside the group and zone sections.
void print_run_pair(std::ostream& out, const RunPair& p);

}  // namespace ss::batch
