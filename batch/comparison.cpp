#include "batch/comparison.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "batch/kpi_labels.hpp"

namespace ss::batch {
namespace {

bool variant_before(const std::string& a, const std::string& b) {
  if (a == b) return false;
  if (a == kBaseVariant) return true;
  if (b == kBaseVariant) return false;
  return a < b;
}

bool same_kpis(const RunRecord& a, const RunRecord& b) {
  if (a.kpis.size() != b.kpis.size()) return false;
  for (std::size_t i = 0; i < a.kpis.size(); ++i)
    if (a.kpis[i].key != b.kpis[i].key || a.kpis[i].value != b.kpis[i].value) return false;
  return true;
}

// KPI keys in order of first appearance, so a key present only in some runs (plan
// targets added later) still gets a row, with those runs counted as missing.
std::vector<KpiValue> kpi_keys(const std::vector<RunRecord>& runs) {
  std::vector<KpiValue> keys;
  std::set<std::string> seen;
  for (const RunRecord& r : runs)
    for (const KpiValue& k : r.kpis)
      if (seen.insert(k.key).second) keys.push_back({k.key, std::nullopt, k.better, k.conditional_on});
  return keys;
}

std::optional<double> value_of(const RunRecord& r, const std::string& key) {
  for (const KpiValue& k : r.kpis)
    if (k.key == key) return k.value;
  return std::nullopt;
}

// Competition ranking: 1 + the number of variants clearly better. Means closer than
// the practical threshold tie, so a 0.2 s difference does not order two plans.
void rank(KpiComparison& row) {
  if (!row.conditional_on.empty()) return;  // never ranked on its own: rank stays 0
  const double threshold = describe_kpi(row.key).threshold;
  auto share = [](const VariantKpi& v) { return v.runs ? static_cast<double>(v.stats.n) / v.runs : 0.0; };
  auto better = [&](const VariantKpi& a, const VariantKpi& b) {
    if (share(a) != share(b)) return share(a) > share(b);
    if (!a.stats.mean || !b.stats.mean) return a.stats.mean.has_value() && !b.stats.mean.has_value();
    const double gain =
        row.better == Better::Lower ? *b.stats.mean - *a.stats.mean : *a.stats.mean - *b.stats.mean;
    return gain > 0.0 && gain >= threshold;
  };
  for (VariantKpi& v : row.variants) {
    v.rank = 1;
    for (const VariantKpi& other : row.variants) v.rank += better(other, v) ? 1 : 0;
  }
}

// Conditional KPIs beside their denominator: its mean per variant, and no verdict
// of better or worse while the denominator differs from the base's.
void judge_conditionals(std::vector<KpiComparison>& rows) {
  for (KpiComparison& row : rows) {
    if (row.conditional_on.empty()) continue;
    const KpiComparison* denominator = nullptr;
    for (const KpiComparison& d : rows)
      if (d.key == row.conditional_on) denominator = &d;
    const double threshold = describe_kpi(row.conditional_on).threshold;
    for (std::size_t i = 0; i < row.variants.size(); ++i) {
      VariantKpi& v = row.variants[i];
      std::optional<double> moved;
      if (denominator) {
        const VariantKpi& dv = denominator->variants[i];
        v.denominator_mean = dv.stats.mean;
        if (dv.vs_base) moved = dv.vs_base->diff.mean;
      }
      v.verdict = judge_conditional(v.verdict, moved, threshold);
    }
  }
}

VariantCurve curve_of(const std::string& variant, const std::vector<const RunRecord*>& runs) {
  VariantCurve c;
  c.variant = variant;
  // Runs of one scenario share the timeline interval; different lengths (a run that
  // ended early) are handled by carrying each run's last value forward.
  std::set<double> times;
  for (const RunRecord* r : runs)
    for (const CurvePoint& p : r->curve) times.insert(p.time_s);
  for (double t : times) {
    double sum = 0, lo = 1e300, hi = -1e300;
    for (const RunRecord* r : runs) {
      double v = 0;
      for (const CurvePoint& p : r->curve) {
        if (p.time_s > t) break;
        v = p.sheltered_share;
      }
      sum += v;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    c.time_s.push_back(t);
    c.mean.push_back(sum / static_cast<double>(runs.size()));
    c.min.push_back(lo);
    c.max.push_back(hi);
  }
  return c;
}

}  // namespace

Comparison compare_runs(std::vector<RunRecord> records, const std::vector<RunKey>& expected) {
  if (records.empty()) throw std::runtime_error("no finished runs to compare");
  std::stable_sort(records.begin(), records.end(), [](const RunRecord& a, const RunRecord& b) {
    if (a.variant != b.variant) return variant_before(a.variant, b.variant);
    return a.seed < b.seed;
  });
  Comparison c;
  c.scenario = records.front().scenario;
  std::vector<RunRecord> runs;
  for (RunRecord& r : records) {
    if (r.scenario != c.scenario)
      throw std::runtime_error("runs of different scenarios cannot be compared: '" + c.scenario + "' and '" +
                               r.scenario + "' (" + r.source + ")");
    if (!runs.empty() && runs.back().variant == r.variant && runs.back().seed == r.seed) {
      c.duplicates.push_back(r.variant + " seed " + std::to_string(r.seed) + ": " + runs.back().source +
                             " and " + r.source +
                             (same_kpis(runs.back(), r) ? " (same results)" : " (DIFFERENT results)"));
      continue;
    }
    runs.push_back(std::move(r));
  }

  std::map<std::string, std::vector<const RunRecord*>, decltype(&variant_before)> by_variant(&variant_before);
  std::set<std::uint64_t> seeds;
  for (const RunRecord& r : runs) {
    by_variant[r.variant].push_back(&r);
    seeds.insert(r.seed);
  }
  c.seeds.assign(seeds.begin(), seeds.end());
  for (const auto& [v, list] : by_variant) c.variants.push_back(v);

  std::set<std::string, decltype(&variant_before)> all_variants(c.variants.begin(), c.variants.end(),
                                                                &variant_before);
  std::set<std::uint64_t> all_seeds = seeds;
  for (const RunKey& k : expected) {
    all_variants.insert(k.variant);
    all_seeds.insert(k.seed);
  }
  for (const std::string& v : all_variants) {
    const auto found = by_variant.find(v);
    for (const std::uint64_t seed : all_seeds) {
      const bool present =
          found != by_variant.end() && std::any_of(found->second.begin(), found->second.end(),
                                                   [&](const RunRecord* r) { return r->seed == seed; });
      if (!present) c.missing.push_back({v, seed});
    }
  }

  // Per variant, one value slot per seed of c.seeds, for pairing by seed.
  auto per_seed = [&](const std::vector<const RunRecord*>& list, const std::string& key) {
    std::vector<std::optional<double>> out(c.seeds.size());
    for (const RunRecord* r : list) {
      const auto at = std::lower_bound(c.seeds.begin(), c.seeds.end(), r->seed) - c.seeds.begin();
      out[static_cast<std::size_t>(at)] = value_of(*r, key);
    }
    return out;
  };
  const auto base = by_variant.find(kBaseVariant);
  for (const KpiValue& kpi : kpi_keys(runs)) {
    KpiComparison row;
    row.key = kpi.key;
    row.better = kpi.better;
    row.conditional_on = kpi.conditional_on;
    const double threshold = describe_kpi(kpi.key).threshold;
    const auto base_values =
        base != by_variant.end() ? per_seed(base->second, kpi.key) : std::vector<std::optional<double>>{};
    for (const auto& [variant, list] : by_variant) {
      const auto values = per_seed(list, kpi.key);
      std::vector<double> present;
      for (const auto& v : values)
        if (v) present.push_back(*v);
      VariantKpi vk;
      vk.variant = variant;
      vk.runs = list.size();
      vk.stats = sample_stats(present);
      if (variant != kBaseVariant && base != by_variant.end()) {
        vk.vs_base = paired_difference(values, base_values);
        vk.verdict = judge_paired(*vk.vs_base, kpi.better, threshold);
      }
      row.variants.push_back(std::move(vk));
    }
    rank(row);
    c.kpis.push_back(std::move(row));
  }
  judge_conditionals(c.kpis);
  for (const auto& [variant, list] : by_variant) c.curves.push_back(curve_of(variant, list));
  return c;
}

std::string runs_text(const std::vector<RunKey>& runs) {
  std::string text;
  for (std::size_t i = 0; i < runs.size();) {
    std::size_t j = i;
    std::string seeds;
    for (; j < runs.size() && runs[j].variant == runs[i].variant; ++j)
      seeds += (seeds.empty() ? "" : ", ") + std::to_string(runs[j].seed);
    text += (text.empty() ? "" : "; ") + runs[i].variant + (j - i > 1 ? " seeds " : " seed ") + seeds;
    i = j;
  }
  return text;
}

}  // namespace ss::batch
