#pragma once
// Summary statistics of one KPI over a batch's seeds: mean, standard deviation,
// 95 % confidence interval (Student t), and the paired difference between two
// variants run with the same seeds (common random numbers).
#include <cstddef>
#include <optional>
#include <vector>

namespace ss::batch {

// Confidence level of every interval SafeStreet reports.
inline constexpr double kConfidence = 0.95;

struct SampleStats {
  std::size_t n = 0;             // values averaged (runs where the KPI had a value)
  std::optional<double> mean;    // none when n == 0
  std::optional<double> sd;      // sample standard deviation (n - 1); none when n < 2
  std::optional<double> ci_low;  // 95 % interval of the mean; none when n < 2
  std::optional<double> ci_high;
  std::optional<double> min, max;
};

// Mean ± t(0.975, n-1) · s / √n: the t interval for a mean with unknown variance
// (e.g. Montgomery & Runger, Applied Statistics and Probability for Engineers,
// 6th ed., eq. 8-16). The sum is taken in the order given, so the same values in the
// same order give bit-identical results on every machine.
SampleStats sample_stats(const std::vector<double>& values);

struct PairedDifference {
  SampleStats diff;            // of (variant − base), over seeds where both had a value
  bool excludes_zero = false;  // the 95 % interval lies wholly above or below zero
  // Every seed gave the same difference (n >= 2, equal within 1e-6 of the values'
  // size, the float precision of stored times): the interval has zero width and is
  // written as [mean, mean]. With common random numbers a plan that only shifts
  // times (a later warning) does this; the difference is then exact for these
  // seeds, not a suspiciously sharp estimate.
  bool exact = false;
};

// Paired t: the t interval of the per-seed differences (Montgomery & Runger, §10-4).
// `variant` and `base` hold one entry per seed in the same order; seeds where either
// is missing are left out (and not counted in diff.n).
PairedDifference paired_difference(const std::vector<std::optional<double>>& variant,
                                   const std::vector<std::optional<double>>& base);

}  // namespace ss::batch
