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
  double magnitude = 0.0;  // largest |value| paired
  for (std::size_t i = 0; i < variant.size() && i < base.size(); ++i) {
    if (!variant[i] || !base[i]) continue;
    d.push_back(*variant[i] - *base[i]);
    magnitude = std::max({magnitude, std::fabs(*variant[i]), std::fabs(*base[i])});
  }
  PairedDifference p;
  p.diff = sample_stats(d);
  if (p.diff.ci_low && p.diff.ci_high) p.excludes_zero = *p.diff.ci_low > 0.0 || *p.diff.ci_high < 0.0;
  // Equal differences are recognised on the values, not on sd == 0, within the
  // precision the engine stores them in: times are 32-bit floats (24-bit mantissa,
  // relative spacing 2^-23 ≈ 1.2e-7, IEEE 754), so a shift by exactly 10 min may come
  // out as 599.9998 in one seed and 600.0002 in another. 1e-6 of the values' size
  // is a few float spacings: below it two differences are the same difference.
  p.exact = p.diff.n >= 2 && *p.diff.max - *p.diff.min <= 1e-6 * magnitude;
  if (p.exact) {
    p.diff.ci_low = p.diff.ci_high = p.diff.mean;
    p.diff.sd = 0.0;
    p.excludes_zero = *p.diff.mean != 0.0;
  }
  return p;
}

}  // namespace ss::batch
