#pragma once
// Shared by the benchmarks: medians of repeated timings (machines are shared and
// noisy, so we never quote a single run).
#include <algorithm>
#include <vector>

namespace ss::bench {

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace ss::bench
