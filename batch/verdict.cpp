#include "batch/verdict.hpp"

#include <cmath>

namespace ss::batch {
namespace {

Verdict by_direction(double difference, Better better) {
  return (difference < 0) == (better == Better::Lower) ? Verdict::Better : Verdict::Worse;
}

}  // namespace

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::NotTested: return "not tested";
    case Verdict::NoDifference: return "no difference";
    case Verdict::BelowThreshold: return "below threshold";
    case Verdict::Better: return "better";
    case Verdict::Worse: return "worse";
    case Verdict::NotComparable: return "not comparable";
  }
  return "?";
}

Verdict judge_paired(const PairedDifference& d, Better better, double threshold) {
  if (!d.diff.mean || !d.diff.ci_low || !d.diff.ci_high) return Verdict::NotTested;
  if (!d.excludes_zero) return Verdict::NoDifference;
  if (std::fabs(*d.diff.mean) < threshold) return Verdict::BelowThreshold;
  return by_direction(*d.diff.mean, better);
}

Verdict judge_single(std::optional<double> difference, Better better, double threshold) {
  if (!difference) return Verdict::NotTested;
  if (*difference == 0.0) return Verdict::NoDifference;
  if (std::fabs(*difference) < threshold) return Verdict::BelowThreshold;
  return by_direction(*difference, better);
}

Verdict judge_conditional(Verdict own, std::optional<double> denominator_difference,
                          double denominator_threshold) {
  if (own != Verdict::Better && own != Verdict::Worse) return own;
  // An unknown denominator difference (no common seed had one) cannot vouch for the
  // populations being the same either.
  if (!denominator_difference) return Verdict::NotComparable;
  const double dd = std::fabs(*denominator_difference);
  if (dd > 0.0 && dd >= denominator_threshold) return Verdict::NotComparable;
  return own;
}

}  // namespace ss::batch
