#include "batch/summary_table.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "batch/kpi_labels.hpp"
#include "engine/core/display_text.hpp"

namespace ss::batch {
namespace {

const KpiComparison* find(const Comparison& c, const std::string& key) {
  for (const KpiComparison& k : c.kpis)
    if (k.key == key) return &k;
  return nullptr;
}

std::string clock_text(const std::optional<double>& s) { return s ? batch::clock_text(*s) : "never"; }

}  // namespace

void print_summary_table(std::ostream& out, const Comparison& c) {
  const KpiComparison* t50 = find(c, "overall.t50_s");
  const KpiComparison* t90 = find(c, "overall.t90_s");
  const KpiComparison* t95 = find(c, "overall.t95_s");
  const KpiComparison* share = find(c, "overall.safe_share");
  char line[256];
  std::snprintf(line, sizeof line, "%-18s %5s %9s %9s %9s %9s  %s\n", "variant", "runs", "T50", "T90", "T95",
                "sheltered", "T90 vs base (95 % CI)");
  out << line;
  for (std::size_t i = 0; i < c.variants.size(); ++i) {
    auto mean = [&](const KpiComparison* k) { return k ? k->variants[i].stats.mean : std::nullopt; };
    std::string diff = "-";
    if (t90 && t90->variants[i].vs_base && t90->variants[i].vs_base->diff.mean) {
      const PairedDifference& d = *t90->variants[i].vs_base;
      // Appended piecewise: g++ 12 warns falsely (-Wrestrict) on "literal" + string.
      diff = *d.diff.mean >= 0 ? "+" : "";
      diff.append(clock_text(d.diff.mean));
      if (d.exact) {
        diff.append(" exact");
      } else if (d.diff.ci_low && d.diff.ci_high) {
        diff.append(" [").append(clock_text(d.diff.ci_low)).append(", ").append(clock_text(d.diff.ci_high));
        diff.append("]");
      }
      diff.append(" ").append(to_string(t90->variants[i].verdict));
    }
    const auto s = mean(share);
    const std::string pct = s ? format_percent(*s) : "-";
    std::snprintf(line, sizeof line, "%s %5zu %9s %9s %9s %9s  %s\n", pad_display(c.variants[i], 18).c_str(),
                  t90 ? t90->variants[i].runs : 0, clock_text(mean(t50)).c_str(),
                  clock_text(mean(t90)).c_str(), clock_text(mean(t95)).c_str(), pct.c_str(), diff.c_str());
    out << line;
  }
  out << "(better/worse: the 95 % interval of the paired difference excludes zero and the difference is at "
         "least "
      << threshold_text(Unit::Seconds) << "; exact: the same difference in every seed)\n";
  if (!c.missing.empty()) out << "missing runs (not in the comparison): " << runs_text(c.missing) << "\n";
}

}  // namespace ss::batch
