#pragma once
// The comparison of a batch: for every KPI and variant the statistics over seeds,
// the paired difference from the base plan and a rank; plus each variant's
// evacuation curve (mean and min–max band across seeds).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "batch/run_record.hpp"
#include "batch/stats.hpp"
#include "batch/verdict.hpp"

namespace ss::batch {

struct VariantKpi {
  std::string variant;
  std::size_t runs = 0;  // runs of the variant; stats.n of them had a value
  SampleStats stats;
  std::optional<PairedDifference> vs_base;   // none for the base itself or without a base
  int rank = 0;                              // 1 = best; ties share a rank ("1224" competition ranking);
                                             // 0 = not ranked (a conditional KPI)
  Verdict verdict = Verdict::NotTested;      // what vs_base means for the user
  std::optional<double> denominator_mean{};  // conditional KPIs: this variant's mean of conditional_on
};

struct KpiComparison {
  std::string key;
  Better better = Better::Lower;
  std::vector<VariantKpi> variants;  // in Comparison::variants order
  std::string conditional_on{};      // KpiValue::conditional_on: empty for a fixed population
};

struct VariantCurve {
  std::string variant;
  std::vector<double> time_s, mean, min, max;  // sheltered share across seeds, per time
};

// A run by what tells it apart in a batch.
struct RunKey {
  std::string variant;
  std::uint64_t seed = 0;
};

struct Comparison {
  std::string scenario;
  std::vector<std::string> variants;  // base first, then by name
  std::vector<std::uint64_t> seeds;   // every seed seen, ascending
  // Runs the comparison lacks (failed, timed out, not run yet): every variant × seed
  // of the runs and of `expected` (compare_runs) without a record; by variant (base
  // first, then by name), then seed.
  std::vector<RunKey> missing{};
  std::vector<KpiComparison> kpis;
  std::vector<VariantCurve> curves;
  std::vector<std::string> duplicates;  // "variant seed S: a and b" (the first read is kept)
  // Each variant's description from the scenario file (variant_descriptions.hpp);
  // variants without one are missing. Set by the caller: runs do not record it.
  std::map<std::string, std::string> descriptions;
};

// Builds the comparison. Records may come in any order and from several batches;
// they are sorted by (variant, seed) first, so the result depends only on the set
// of runs. A second record of the same variant and seed is left out and listed in
// `duplicates`, with a note when its KPIs differ. Throws std::runtime_error when
// the records come from different scenarios or there are none.
//
// Missing values (a KPI null in some runs, e.g. T100 never reached) are never
// averaged as zero: stats.n counts the runs that had a value; the paired difference
// uses only seeds where both variant and base had one. Ranking: first by the share
// of runs with a value (higher first: reaching T100 in every run beats reaching it
// sometimes), then by the mean in the KPI's better direction, where means closer than
// the unit's practical threshold (kpi_labels.hpp) tie. Conditional KPIs (response
// times over reached tasks, means over sheltered residents) are not ranked, and
// their verdict is "not comparable" while their denominator differs from the base's.
//
// `expected`: the runs the caller planned (a batch's variants × seeds); a run listed
// there or in the grid of variants and seeds seen, but without a record, is listed
// in `missing`. Without it (`compare`, which does not know what was planned) every
// variant seen is expected with every seed seen.
Comparison compare_runs(std::vector<RunRecord> records, const std::vector<RunKey>& expected = {});

// Runs in words, by variant: "late_warning seeds 1, 2; twin seed 3".
std::string runs_text(const std::vector<RunKey>& runs);

}  // namespace ss::batch
