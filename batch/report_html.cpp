#include "batch/report_html.hpp"

#include <cmath>
#include <cstdio>

#include "batch/svg_chart.hpp"

namespace ss::batch {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool is_share(const std::string& key) { return ends_with(key, "safe_share") || ends_with(key, ".met"); }

// A value in the KPI's own unit: times in minutes, shares in percent.
std::string value_text(const std::string& key, double v) {
  char buf[48];
  if (ends_with(key, "_s")) std::snprintf(buf, sizeof buf, "%.1f min", v / 60.0);
  else if (is_share(key) && key != "targets.met") std::snprintf(buf, sizeof buf, "%.1f %%", 100.0 * v);
  else if (ends_with(key, "_m")) std::snprintf(buf, sizeof buf, "%.0f m", v);
  else std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string signed_text(const std::string& key, double v) {
  const std::string t = value_text(key, std::fabs(v));
  return (v > 0 ? "+" : v < 0 ? "−" : "±") + t;
}

std::string interval(const std::string& key, const std::optional<double>& lo, const std::optional<double>& hi,
                     bool is_signed) {
  if (!lo || !hi) return "";
  auto f = [&](double v) { return is_signed ? signed_text(key, v) : value_text(key, v); };
  return " <span class=ci>[" + f(*lo) + ", " + f(*hi) + "]</span>";
}

std::string kpi_cell(const std::string& key, const VariantKpi& v) {
  std::string s = "<td>";
  if (!v.stats.mean) return s + "<span class=na>never reached (0/" + std::to_string(v.runs) + ")</span></td>";
  s += "<b>" + value_text(key, *v.stats.mean) + "</b>" + interval(key, v.stats.ci_low, v.stats.ci_high, false);
  if (v.stats.n < v.runs)
    s += " <span class=na>reached in " + std::to_string(v.stats.n) + "/" + std::to_string(v.runs) + "</span>";
  s += " <span class=rank>#" + std::to_string(v.rank) + "</span>";
  if (v.vs_base && v.vs_base->diff.mean) {
    const PairedDifference& d = *v.vs_base;
    s += "<br><span class=" + std::string(d.excludes_zero ? "sig" : "diff") + ">Δ " + signed_text(key, *d.diff.mean) +
         interval(key, d.diff.ci_low, d.diff.ci_high, true) + (d.excludes_zero ? " ●" : "") + "</span>";
  }
  return s + "</td>";
}

std::string kpi_table(const Comparison& c, bool groups) {
  std::string s = "<table><tr><th>KPI</th><th>better</th>";
  for (const std::string& v : c.variants) s += "<th>" + html_escape(v) + "</th>";
  s += "</tr>\n";
  for (const KpiComparison& k : c.kpis) {
    if ((k.key.rfind("by_group.", 0) == 0) != groups) continue;
    s += "<tr><td class=key>" + html_escape(k.key) + "</td><td>" + to_string(k.better) + "</td>";
    for (const VariantKpi& v : k.variants) s += kpi_cell(k.key, v);
    s += "</tr>\n";
  }
  return s + "</table>\n";
}

std::string targets_section(const Comparison& c) {
  std::string rows;
  for (const KpiComparison& k : c.kpis) {
    if (k.key.rfind("target.", 0) != 0) continue;
    rows += "<tr><td class=key>" + html_escape(k.key.substr(7, k.key.size() - 11)) + "</td>";
    for (const VariantKpi& v : k.variants) {
      // Met share as "met in m of n runs": the mean of a 0/1 KPI times its runs.
      const long met = v.stats.mean ? std::lround(*v.stats.mean * static_cast<double>(v.stats.n)) : 0;
      rows += "<td>met in " + std::to_string(met) + " of " + std::to_string(v.runs) + " runs</td>";
    }
    rows += "</tr>\n";
  }
  std::string s = "<h2>Plan targets</h2>\n";
  if (rows.empty()) return s + "<p class=na>The run summaries list no plan targets.</p>\n";
  s += "<table><tr><th>target</th>";
  for (const std::string& v : c.variants) s += "<th>" + html_escape(v) + "</th>";
  return s + "</tr>\n" + rows + "</table>\n";
}

std::string runs_line(const Comparison& c) {
  std::string s;
  for (const KpiComparison& k : c.kpis) {
    for (const VariantKpi& v : k.variants)
      s += (s.empty() ? "" : ", ") + html_escape(v.variant) + " " + std::to_string(v.runs);
    break;
  }
  return s;
}

constexpr const char* kStyle = R"(<style>
body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1400px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.key { font-family: monospace; white-space: nowrap; }
.ci { color: #666; } .na { color: #999; } .rank { color: #0072B2; font-size: 11px; }
.diff { color: #666; font-size: 12px; } .sig { color: #D55E00; font-weight: bold; font-size: 12px; }
</style>
)";

}  // namespace

std::string report_html(const Comparison& c) {
  std::string s = "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>SafeStreet batch: " +
                  html_escape(c.scenario) + "</title>\n" + kStyle + "</head>\n<body>\n";
  s += "<h1>Plan variants compared: " + html_escape(c.scenario) + "</h1>\n";
  std::string seeds;
  for (std::uint64_t seed : c.seeds) seeds += (seeds.empty() ? "" : ", ") + std::to_string(seed);
  s += "<p class=meta>Runs per variant: " + runs_line(c) + ". Seeds: " + seeds +
       ". Run i of every variant uses seed i (common random numbers), so differences are paired.</p>\n";
  s += "<h2>Evacuation curves</h2>\n<p class=meta>Share of residents sheltered; line: mean across seeds, "
       "band: lowest to highest run.</p>\n";
  s += evacuation_chart_svg(c.curves);
  s += "<h2>Key figures</h2>\n<p class=meta>Mean over seeds with its 95 % interval (Student t) and rank (#1 = "
       "best). Δ: paired difference from base with its 95 % interval (paired t); ● marks a difference "
       "whose interval excludes zero. Times never reached in a run are counted, not averaged.</p>\n";
  s += kpi_table(c, false);
  s += "<details><summary>By resident group</summary>\n" + kpi_table(c, true) + "</details>\n";
  s += targets_section(c);
  if (!c.duplicates.empty()) {
    s += "<h2>Duplicate runs left out</h2>\n<ul>\n";
    for (const std::string& d : c.duplicates) s += "<li>" + html_escape(d) + "</li>\n";
    s += "</ul>\n";
  }
  return s + "</body>\n</html>\n";
}

}  // namespace ss::batch
