#include "batch/stats.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "batch/student_t.hpp"

namespace ss::batch {

SampleStats sample_stats(const std::vector<double>& values) {
  SampleStats s;
  s.n = values.size();
  if (values.empty()) return s;
  double sum = 0.0;
  for (double v : values) sum += v;
  const double n = static_cast<double>(values.size());
  const double mean = sum / n;
  s.mean = mean;
  s.min = *std::min_element(values.begin(), values.end());
  s.max = *std::max_element(values.begin(), values.end());
  if (values.size() < 2) return s;
  // Two-pass variance: subtract the mean first, which avoids the cancellation of the
  // one-pass Σx² − n·mean² form (Chan, Golub & LeVeque 1983, "Algorithms for
  // computing the sample variance").
  double ss = 0.0;
  for (double v : values) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / (n - 1.0));
  s.sd = sd;
  const double half = student_t_quantile(0.5 + kConfidence / 2.0, n - 1.0) * sd / std::sqrt(n);
  s.ci_low = mean - half;
  s.ci_high = mean + half;
  return s;
}

PairedDifference paired_difference(const std::vector<std::optional<double>>& variant,
                                   const std::vector<std::optional<double>>& base) {
  assert(variant.size() == base.size() && "paired_difference: one entry per seed in both");
  std::vector<double> d;
  for (std::size_t i = 0; i < variant.size() && i < base.size(); ++i)
    if (variant[i] && base[i]) d.push_back(*variant[i] - *base[i]);
  PairedDifference p;
  p.diff = sample_stats(d);
  if (p.diff.ci_low && p.diff.ci_high) p.excludes_zero = *p.diff.ci_low > 0.0 || *p.diff.ci_high < 0.0;
  return p;
}

}  // namespace ss::batch
