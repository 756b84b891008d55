// report.html of two single runs: the same look as the batch report (report_parts),
// values of A and B, the difference, and what one run each cannot say.
#include "batch/kpi_labels.hpp"
#include "batch/report_parts.hpp"
#include "batch/run_pair.hpp"
#include "batch/svg_chart.hpp"

namespace ss::batch {
namespace {

std::string value_cell(const PairRow& r, const std::optional<double>& v) {
  if (!v)
    return "<td><span class=na>" +
           std::string(describe_kpi(r.key).unit == Unit::Seconds ? "never reached" : "no value") +
           "</span></td>";
  return "<td><b>" + format_value(describe_kpi(r.key).unit, *v) + "</b></td>";
}

std::string denominator_note(const RunPair& p, const PairRow& r) {
  const Unit u = describe_kpi(r.conditional_on).unit;
  std::string a = "–", b = "–";
  for (const PairRow& d : p.kpis)
    if (d.key == r.conditional_on) {
      if (d.a) a = format_value(u, *d.a);
      if (d.b) b = format_value(u, *d.b);
    }
  return "<br><span class=note>" + conditional_scope(r.conditional_on) + "; " +
         html_escape(describe_kpi(r.conditional_on).words) + " " + a + " → " + b + "</span>";
}

std::string row_html(const RunPair& p, const PairRow& r) {
  std::string s = "<tr>" + kpi_name_cell(r.key) + "<td>" + to_string(r.better) + "</td>" +
                  value_cell(r, r.a) + value_cell(r, r.b) + "<td>";
  if (r.difference) {
    s += "<span class=" + std::string(verdict_class(r.verdict)) + ">" +
         format_difference(describe_kpi(r.key).unit, *r.difference) + " — " +
         html_escape(verdict_text(r.verdict, r.key, r.conditional_on)) + "</span>";
  } else {
    s += "<span class=na>no value in " + std::string(r.a ? "B" : r.b ? "A" : "either run") + "</span>";
  }
  if (!r.conditional_on.empty()) s += denominator_note(p, r);
  return s + "</td></tr>\n";
}

// A group or zone without residents has no safe share in either run: left out.
bool has_residents(const RunPair& p, const std::string& population) {
  for (const PairRow& r : p.kpis)
    if (r.key == population + ".safe_share") return r.a || r.b;
  return true;
}

std::string table(const RunPair& p, const std::string& prefix) {
  std::string rows;
  for (const PairRow& r : p.kpis)
    if (in_section(r.key, prefix) && (prefix.empty() || has_residents(p, population_of(r.key))))
      rows += row_html(p, r);
  if (rows.empty()) return "";
  return "<table><tr><th>KPI</th><th>better</th><th>A</th><th>B</th><th>B − A, for the user</th></tr>\n" +
         rows + "</table>\n";
}

std::string side_row(const char* letter, const PairSide& s, std::size_t colour) {
  return "<tr><td><span class=swatch style=\"background:" + std::string(variant_colour(colour)) +
         "\"></span>" + letter + "</td><td>" + html_escape(s.scenario) + "</td><td>" +
         html_escape(s.variant) + "</td><td>" +
         (s.description.empty() ? std::string("<span class=na>no description found</span>")
                                : html_escape(s.description)) +
         "</td><td>" + std::to_string(s.seed) + "</td></tr>\n";
}

}  // namespace

std::string run_pair_html(const RunPair& p) {
  std::string s =
      "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>SafeStreet: two runs "
      "compared</title>\n" +
      std::string(report_style()) + "</head>\n<body>\n";
  s += "<h1>Two runs "
       "compared</h1>\n<table><tr><th>run</th><th>scenario</th><th>variant</th><th>description</th>"
       "<th>seed</th></tr>\n" +
       side_row("A", p.a, 0) + side_row("B", p.b, 1) + "</table>\n";
  s += "<h2>What a pair of runs can say</h2>\n<ul>\n";
  for (const std::string& n : p.notes) s += "<li>" + html_escape(n) + "</li>\n";
  s += "</ul>\n<h2>Evacuation curves</h2>\n<p class=meta>Share of residents sheltered.</p>\n";
  s += evacuation_chart_svg({p.a.curve, p.b.curve});
  s += "<h2>Key figures</h2>\n" + verdict_legend(false) + table(p, "");
  const std::string groups = table(p, "by_group."), zones = table(p, "by_zone.");
  if (!groups.empty()) s += "<details><summary>By resident group</summary>\n" + groups + "</details>\n";
  if (!zones.empty()) s += "<details><summary>By zone</summary>\n" + zones + "</details>\n";
  return s + "</body>\n</html>\n";
}

}  // namespace ss::batch
