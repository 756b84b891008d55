#include "batch/report_html.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "batch/kpi_labels.hpp"
#include "batch/report_parts.hpp"
#include "batch/svg_chart.hpp"

namespace ss::batch {
namespace {

std::string value_text(const std::string& key, double v) { return format_value(describe_kpi(key).unit, v); }

// `exact`: a zero-width interval, said in words rather than printed as [x, x].
std::string interval(const std::string& key, const SampleStats& s, bool is_signed, bool exact) {
  if (!s.ci_low || !s.ci_high) return "";
  const Unit u = describe_kpi(key).unit;
  if (exact && !is_signed) return " <span class=ci>(same in every run)</span>";
  if (exact)
    return *s.mean == 0.0 ? " <span class=ci>(identical in every seed)</span>"
                          : " <span class=ci>(exact: paired, identical in every seed)</span>";
  auto f = [&](double v) { return is_signed ? format_difference(u, v) : format_value(u, v); };
  double lo = *s.ci_low, hi = *s.ci_high;
  if (!is_signed && u != Unit::Ratio) {
    // The t interval of a mean near a bound reaches past it (a share of 98 % ± 2.5 pp);
    // shown cut at what the figure can be: 0–100 % for shares, never below zero for
    // times, counts and distances. comparison.json keeps the interval as computed.
    lo = std::max(lo, 0.0);
    hi = std::max(hi, 0.0);
    if (u == Unit::Share) lo = std::min(lo, 1.0), hi = std::min(hi, 1.0);
  }
  return " <span class=ci>[" + f(lo) + ", " + f(hi) + "]</span>";
}

// The denominator beside a conditional KPI: "over reached tasks only; tasks reached
// by a team 60.0 % → 40.0 %" (base → this variant).
std::string conditional_note(const KpiComparison& k, const VariantKpi& v, const VariantKpi* base) {
  const std::string denominator = describe_kpi(k.conditional_on).words;
  auto share = [&](const std::optional<double>& x) {
    return x ? value_text(k.conditional_on, *x) : std::string("–");
  };
  std::string s = "<br><span class=note>not ranked: " + conditional_scope(k.conditional_on) + "; " +
                  html_escape(denominator) + " ";
  if (base && base != &v) s += share(base->denominator_mean) + " → ";
  return s + share(v.denominator_mean) + "</span>";
}

std::string kpi_cell(const KpiComparison& k, const VariantKpi& v, const VariantKpi* base) {
  std::string s = "<td>";
  if (!v.stats.mean) {
    const bool time = describe_kpi(k.key).unit == Unit::Seconds;
    s += "<span class=na>" + std::string(time ? "never reached" : "no value") + " (0/" +
         std::to_string(v.runs) + ")</span>";
  } else {
    s += "<b>" + value_text(k.key, *v.stats.mean) + "</b>" +
         interval(k.key, v.stats, false, *v.stats.min == *v.stats.max);
    if (v.stats.n < v.runs)
      s += " <span class=na>reached in " + std::to_string(v.stats.n) + "/" + std::to_string(v.runs) +
           "</span>";
    if (v.rank > 0) s += " <span class=rank>#" + std::to_string(v.rank) + "</span>";
  }
  if (!k.conditional_on.empty()) s += conditional_note(k, v, base);
  if (v.vs_base && v.vs_base->diff.mean) {
    const PairedDifference& d = *v.vs_base;
    s += "<br><span class=" + std::string(verdict_class(v.verdict)) + ">Δ " +
         format_difference(describe_kpi(k.key).unit, *d.diff.mean) + interval(k.key, d.diff, true, d.exact) +
         " — " + html_escape(verdict_text(v.verdict, k.key, k.conditional_on)) + "</span>";
  }
  return s + "</td>";
}

std::string table_head(const Comparison& c) {
  std::string s = "<table><tr><th>KPI</th><th>better</th>";
  for (const std::string& v : c.variants) s += "<th>" + html_escape(v) + "</th>";
  return s + "</tr>\n";
}

std::string kpi_row(const KpiComparison& k) {
  const VariantKpi* base = nullptr;
  for (const VariantKpi& v : k.variants)
    if (v.variant == kBaseVariant) base = &v;
  std::string s = "<tr>" + kpi_name_cell(k.key) + "<td>" + to_string(k.better) + "</td>";
  for (const VariantKpi& v : k.variants) s += kpi_cell(k, v, base);
  return s + "</tr>\n";
}

// A group or zone without residents has no safe share in any run: its rows would
// only say "no value", so they are left out and named once below the table.
bool has_residents(const Comparison& c, const std::string& population) {
  for (const KpiComparison& k : c.kpis)
    if (k.key == population + ".safe_share")
      for (const VariantKpi& v : k.variants)
        if (v.stats.n > 0) return true;
  return false;
}

std::string kpi_table(const Comparison& c, const std::string& prefix) {
  std::string rows;
  std::set<std::string> empty;
  for (const KpiComparison& k : c.kpis) {
    if (!in_section(k.key, prefix)) continue;
    if (!prefix.empty() && !has_residents(c, population_of(k.key))) {
      empty.insert(population_of(k.key).substr(prefix.size()));
      continue;
    }
    rows += kpi_row(k);
  }
  std::string s = rows.empty() ? "" : table_head(c) + rows + "</table>\n";
  if (!empty.empty()) {
    std::string names;
    for (const std::string& e : empty) names += (names.empty() ? "" : ", ") + html_escape(e);
    s += "<p class=meta>Without residents (no safe share, left out): " + names + ".</p>\n";
  }
  return s;
}

std::string variants_section(const Comparison& c) {
  std::string s = "<h2>Variants</h2>\n<table><tr><th>variant</th><th>description</th><th>runs</th></tr>\n";
  for (std::size_t i = 0; i < c.variants.size(); ++i) {
    const std::string& v = c.variants[i];
    const auto d = c.descriptions.find(v);
    std::size_t runs = 0;
    if (!c.kpis.empty()) runs = c.kpis.front().variants[i].runs;
    s += "<tr><td><span class=swatch style=\"background:" + std::string(variant_colour(i)) + "\"></span>" +
         html_escape(v) + "</td><td>" +
         (d != c.descriptions.end() && !d->second.empty()
              ? html_escape(d->second)
              : std::string("<span class=na>no description found</span>")) +
         "</td><td>" + std::to_string(runs) + "</td></tr>\n";
  }
  return s + "</table>\n";
}

std::string targets_section(const Comparison& c) {
  std::string rows;
  for (const KpiComparison& k : c.kpis) {
    if (k.key.rfind("target.", 0) != 0) continue;
    rows += "<tr>" + kpi_name_cell(k.key);
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

}  // namespace

std::string report_html(const Comparison& c) {
  std::string s = "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>SafeStreet batch: " +
                  html_escape(c.scenario) + "</title>\n" + report_style() + "</head>\n<body>\n";
  s += "<h1>Plan variants compared: " + html_escape(c.scenario) + "</h1>\n";
  std::string seeds;
  for (std::uint64_t seed : c.seeds) seeds += (seeds.empty() ? "" : ", ") + std::to_string(seed);
  s += "<p class=meta>Seeds: " + seeds +
       ". Run i of every variant uses seed i (common random numbers), so differences are paired.</p>\n";
  if (!c.missing.empty())
    s += "<p class=meta><b>Missing runs, in no figure below: " + html_escape(runs_text(c.missing)) +
         ".</b> They failed, ran over their time or were not run; a batch lists why in failed_runs.csv and "
         "keeps each one's log (&lt;variant&gt;/seed-&lt;S&gt;.log). Running the same batch command again "
         "redoes only them.</p>\n";
  s += variants_section(c);
  s += "<h2>Evacuation curves</h2>\n<p class=meta>Share of residents sheltered; line: mean across seeds, "
       "band: lowest to highest run.</p>\n";
  s += evacuation_chart_svg(c.curves);
  s +=
      "<h2>Key figures</h2>\n<p class=meta>Mean over seeds with its 95 % interval (Student t) and rank (#1 = "
      "best; means closer than the practical threshold share a rank). Δ: paired difference from base with "
      "its 95 % interval (paired t), shown cut at what a figure can be (0–100 % for shares, no negative "
      "times "
      "or counts). Times never reached in a run are counted, not averaged.</p>\n";
  s += verdict_legend(true);
  s += kpi_table(c, "");
  s += "<details><summary>By resident group</summary>\n" + kpi_table(c, "by_group.") + "</details>\n";
  const std::string zones = kpi_table(c, "by_zone.");
  if (!zones.empty()) s += "<details><summary>By zone</summary>\n" + zones + "</details>\n";
  const std::string shelters = kpi_table(c, "shelter.");
  if (!shelters.empty())
    s += "<details><summary>By shelter (peak load as a share of capacity)</summary>\n" + shelters +
         "</details>\n";
  s += targets_section(c);
  if (!c.duplicates.empty()) {
    s += "<h2>Duplicate runs left out</h2>\n<ul>\n";
    for (const std::string& d : c.duplicates) s += "<li>" + html_escape(d) + "</li>\n";
    s += "</ul>\n";
  }
  return s + "</body>\n</html>\n";
}

}  // namespace ss::batch
