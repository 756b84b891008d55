#include "batch/report_html.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "batch/kpi_labels.hpp"
#include "batch/report_parts.hpp"
#include "batch/svg_chart.hpp"
#include "i18n/number_format.hpp"

namespace ss::batch {

using i18n::fill;
using i18n::Language;

namespace {

std::string value_text(const std::string& key, double v, Language l) {
  return format_value(describe_kpi(key).unit, v, l);
}

std::string span(const char* cls, const std::string& text) {
  return std::string("<span class=") + cls + ">" + text + "</span>";
}

// `exact`: a zero-width interval, said in words rather than printed as [x, x].
std::string interval(const std::string& key, const SampleStats& s, bool is_signed, bool exact, Language l) {
  if (!s.ci_low || !s.ci_high) return "";
  const Unit u = describe_kpi(key).unit;
  if (exact && !is_signed) return " " + span("ci", tr(l, "(same in every run)"));
  if (exact)
    return " " + span("ci", *s.mean == 0.0 ? tr(l, "(identical in every seed)")
                                           : tr(l, "(exact: paired, identical in every seed)"));
  auto f = [&](double v) { return is_signed ? format_difference(u, v, l) : format_value(u, v, l); };
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
std::string conditional_note(const KpiComparison& k, const VariantKpi& v, const VariantKpi* base,
                             Language l) {
  const std::string denominator = describe_kpi(k.conditional_on, l).words;
  auto share = [&](const std::optional<double>& x) {
    return x ? value_text(k.conditional_on, *x, l) : std::string("–");
  };
  std::string s = "<br><span class=note>" +
                  fill(tr(l, "not ranked: %s"), {conditional_scope(k.conditional_on, l)}) + "; " +
                  html_escape(denominator) + " ";
  if (base && base != &v) s += share(base->denominator_mean) + " → ";
  return s + share(v.denominator_mean) + "</span>";
}

std::string kpi_cell(const KpiComparison& k, const VariantKpi& v, const VariantKpi* base, Language l) {
  std::string s = "<td>";
  if (!v.stats.mean) {
    const bool time = describe_kpi(k.key).unit == Unit::Seconds;
    s += "<span class=na>" + std::string(time ? tr(l, "never reached") : tr(l, "no value")) + " (0/" +
         std::to_string(v.runs) + ")</span>";
  } else {
    s += "<b>" + value_text(k.key, *v.stats.mean, l) + "</b>" +
         interval(k.key, v.stats, false, *v.stats.min == *v.stats.max, l);
    if (v.stats.n < v.runs)
      s += " " +
           span("na", fill(tr(l, "reached in %s/%s"), {std::to_string(v.stats.n), std::to_string(v.runs)}));
    if (v.rank > 0) s += " <span class=rank>#" + std::to_string(v.rank) + "</span>";
  }
  if (!k.conditional_on.empty()) s += conditional_note(k, v, base, l);
  if (v.vs_base && v.vs_base->diff.mean) {
    const PairedDifference& d = *v.vs_base;
    s += "<br><span class=" + std::string(verdict_class(v.verdict)) + ">Δ " +
         format_difference(describe_kpi(k.key).unit, *d.diff.mean, l) +
         interval(k.key, d.diff, true, d.exact, l) + " — " +
         html_escape(verdict_text(v.verdict, k.key, k.conditional_on, l)) + "</span>";
  }
  return s + "</td>";
}

// "lower" / "higher" (to_string(Better)) in words of the language.
std::string better_text(Better b, Language l) {
  return b == Better::Lower ? tr(l, "lower") : tr(l, "higher");
}

std::string table_head(const Comparison& c, Language l) {
  std::string s = std::string("<table><tr><th>KPI</th><th>") + tr(l, "better") + "</th>";
  for (const std::string& v : c.variants) s += "<th>" + html_escape(v) + "</th>";
  return s + "</tr>\n";
}

std::string kpi_row(const KpiComparison& k, Language l) {
  const VariantKpi* base = nullptr;
  for (const VariantKpi& v : k.variants)
    if (v.variant == kBaseVariant) base = &v;
  std::string s = "<tr>" + kpi_name_cell(k.key, l) + "<td>" + better_text(k.better, l) + "</td>";
  for (const VariantKpi& v : k.variants) s += kpi_cell(k, v, base, l);
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

std::string kpi_table(const Comparison& c, const std::string& prefix, Language l) {
  std::string rows;
  std::set<std::string> empty;
  for (const KpiComparison& k : c.kpis) {
    if (!in_section(k.key, prefix)) continue;
    if (!prefix.empty() && !has_residents(c, population_of(k.key))) {
      empty.insert(population_of(k.key).substr(prefix.size()));
      continue;
    }
    rows += kpi_row(k, l);
  }
  std::string s = rows.empty() ? "" : table_head(c, l) + rows + "</table>\n";
  if (!empty.empty()) {
    std::string names;
    for (const std::string& e : empty) names += (names.empty() ? "" : ", ") + html_escape(e);
    s += "<p class=meta>" + fill(tr(l, "Without residents (no safe share, left out): %s."), {names}) +
         "</p>\n";
  }
  return s;
}

std::string variants_section(const Comparison& c, Language l) {
  std::string s = std::string("<h2>") + tr(l, "Variants") + "</h2>\n<table><tr><th>" + tr(l, "variant") +
                  "</th><th>" + tr(l, "description") + "</th><th>" + tr(l, "runs") + "</th></tr>\n";
  for (std::size_t i = 0; i < c.variants.size(); ++i) {
    const std::string& v = c.variants[i];
    const auto d = c.descriptions.find(v);
    std::size_t runs = 0;
    if (!c.kpis.empty()) runs = c.kpis.front().variants[i].runs;
    s += "<tr><td><span class=swatch style=\"background:" + std::string(variant_colour(i)) + "\"></span>" +
         html_escape(v) + "</td><td>" +
         (d != c.descriptions.end() && !d->second.empty() ? html_escape(d->second)
                                                          : span("na", tr(l, "no description found"))) +
         "</td><td>" + std::to_string(runs) + "</td></tr>\n";
  }
  return s + "</table>\n";
}

std::string targets_section(const Comparison& c, Language l) {
  std::string rows;
  for (const KpiComparison& k : c.kpis) {
    if (k.key.rfind("target.", 0) != 0) continue;
    rows += "<tr>" + kpi_name_cell(k.key, l);
    for (const VariantKpi& v : k.variants) {
      // Met share as "met in m of n runs": the mean of a 0/1 KPI times its runs.
      const long met = v.stats.mean ? std::lround(*v.stats.mean * static_cast<double>(v.stats.n)) : 0;
      rows += "<td>" + fill(tr(l, "met in %s of %s runs"), {std::to_string(met), std::to_string(v.runs)}) +
              "</td>";
    }
    rows += "</tr>\n";
  }
  std::string s = std::string("<h2>") + tr(l, "Plan targets") + "</h2>\n";
  if (rows.empty()) return s + "<p class=na>" + tr(l, "The run summaries list no plan targets.") + "</p>\n";
  s += std::string("<table><tr><th>") + tr(l, "target") + "</th>";
  for (const std::string& v : c.variants) s += "<th>" + html_escape(v) + "</th>";
  return s + "</tr>\n" + rows + "</table>\n";
}

}  // namespace

std::string report_html(const Comparison& c, Language l) {
  std::string s = report_head(fill(tr(l, "SafeStreet batch: %s"), {c.scenario}), l);
  s += "<h1>" + fill(tr(l, "Plan variants compared: %s"), {html_escape(c.scenario)}) + "</h1>\n";
  std::string seeds;
  for (std::uint64_t seed : c.seeds) seeds += (seeds.empty() ? "" : ", ") + std::to_string(seed);
  s += "<p class=meta>" +
       fill(tr(l,
               "Seeds: %s. Run i of every variant uses seed i (common random numbers), so differences "
               "are paired."),
            {seeds}) +
       "</p>\n";
  if (!c.missing.empty())
    s += "<p class=meta><b>" +
         fill(tr(l, "Missing runs, in no figure below: %s."), {html_escape(runs_text(c.missing))}) + "</b> " +
         tr(l,
            "They failed, ran over their time or were not run; a batch lists why in failed_runs.csv and "
            "keeps each one's log (&lt;variant&gt;/seed-&lt;S&gt;.log). Running the same batch command "
            "again redoes only them.") +
         "</p>\n";
  s += variants_section(c, l);
  s += std::string("<h2>") + tr(l, "Evacuation curves") + "</h2>\n<p class=meta>" +
       tr(l, "Share of residents sheltered; line: mean across seeds, band: lowest to highest run.") +
       "</p>\n";
  s += evacuation_chart_svg(c.curves, l);
  s += std::string("<h2>") + tr(l, "Key figures") + "</h2>\n<p class=meta>" +
       tr(l,
          "Mean over seeds with its 95 % interval (Student t) and rank (#1 = best; means closer than the "
          "practical threshold share a rank). Δ: paired difference from base with its 95 % interval (paired "
          "t), shown cut at what a figure can be (0–100 % for shares, no negative times or counts). Times "
          "never reached in a run are counted, not averaged.") +
       "</p>\n";
  s += verdict_legend(true, l);
  s += kpi_table(c, "", l);
  s += std::string("<details><summary>") + tr(l, "By resident group") + "</summary>\n" +
       kpi_table(c, "by_group.", l) + "</details>\n";
  const std::string zones = kpi_table(c, "by_zone.", l);
  if (!zones.empty())
    s += std::string("<details><summary>") + tr(l, "By zone") + "</summary>\n" + zones + "</details>\n";
  const std::string shelters = kpi_table(c, "shelter.", l);
  if (!shelters.empty())
    s += std::string("<details><summary>") + tr(l, "By shelter (peak load as a share of capacity)") +
         "</summary>\n" + shelters + "</details>\n";
  s += targets_section(c, l);
  if (!c.duplicates.empty()) {
    s += std::string("<h2>") + tr(l, "Duplicate runs left out") + "</h2>\n<ul>\n";
    for (const std::string& d : c.duplicates) s += "<li>" + html_escape(d) + "</li>\n";
    s += "</ul>\n";
  }
  return s + "</body>\n</html>\n";
}

}  // namespace ss::batch
