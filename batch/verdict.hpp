#pragma once
// What a difference between two plans means for the user: better, worse, no
// difference, too small to matter, or not comparable. Colours and words in the
// report, the CSV/JSON "verdict" and the printed tables all come from here.
#include <optional>

#include "batch/run_record.hpp"
#include "batch/stats.hpp"

namespace ss::batch {

enum class Verdict {
  NotTested,       // no interval: fewer than two seeds where both plans had a value
  NoDifference,    // the 95 % interval includes zero (or, for a single pair of runs, equal values)
  BelowThreshold,  // a real but negligible difference: |Δ| below the unit's practical threshold
  Better,          // for the user, in the KPI's better direction
  Worse,
  NotComparable,  // a conditional KPI whose denominator differs (a plan that reaches fewer
                  // tasks may look faster over those it reaches): neither better nor worse
};

// "not tested", "no difference", "below threshold", "better", "worse", "not comparable".
const char* to_string(Verdict v);

// Verdict of a paired difference (variant − base) over seeds: better or worse only
// when its 95 % interval excludes zero and |mean| ≥ `threshold` (kpi_labels.hpp).
Verdict judge_paired(const PairedDifference& d, Better better, double threshold);

// Verdict of one difference (run B − run A) without any statistics: which way it
// goes, when it reaches `threshold`. Says nothing about chance.
Verdict judge_single(std::optional<double> difference, Better better, double threshold);

// A conditional KPI's verdict, given the difference of its denominator between the
// same two plans: better or worse only while the denominators agree within the
// denominator's practical threshold; otherwise NotComparable.
Verdict judge_conditional(Verdict own, std::optional<double> denominator_difference,
                          double denominator_threshold);

}  // namespace ss::batch
