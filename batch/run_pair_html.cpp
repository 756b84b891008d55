// report.html of two single runs: the same look as the batch report (report_parts),
// values of A and B, the difference, and what one run each cannot say.
#include <tuple>

#include "batch/kpi_labels.hpp"
#include "batch/report_parts.hpp"
#include "batch/run_pair.hpp"
#include "batch/svg_chart.hpp"

namespace ss::batch {
namespace {

using i18n::fill;
using i18n::Language;

std::string value_cell(const PairRow& r, const std::optional<double>& v, Language l) {
  if (!v)
    return "<td><span class=na>" +
           std::string(describe_kpi(r.key).unit == Unit::Seconds ? tr(l, "never reached")
                                                                 : tr(l, "no value")) +
           "</span></td>";
  return "<td><b>" + format_value(describe_kpi(r.key).unit, *v, l) + "</b></td>";
}

std::string denominator_note(const RunPair& p, const PairRow& r, Language l) {
  const Unit u = describe_kpi(r.conditional_on).unit;
  std::string a = "–", b = "–";
  for (const PairRow& d : p.kpis)
    if (d.key == r.conditional_on) {
      if (d.a) a = format_value(u, *d.a, l);
      if (d.b) b = format_value(u, *d.b, l);
    }
  return "<br><span class=note>" + conditional_scope(r.conditional_on, l) + "; " +
         html_escape(describe_kpi(r.conditional_on, l).words) + " " + a + " → " + b + "</span>";
}

std::string row_html(const RunPair& p, const PairRow& r, Language l) {
  const std::string better = to_string(r.better);
  std::string s = "<tr>" + kpi_name_cell(r.key, l) + "<td>" +
                  (better == "lower"    ? tr(l, "lower")
                   : better == "higher" ? tr(l, "higher")
                                        : better) +
                  "</td>" + value_cell(r, r.a, l) + value_cell(r, r.b, l) + "<td>";
  if (r.difference) {
    s += "<span class=" + std::string(verdict_class(r.verdict)) + ">" +
         format_difference(describe_kpi(r.key).unit, *r.difference, l) + " — " +
         html_escape(verdict_text(r.verdict, r.key, r.conditional_on, l)) + "</span>";
  } else {
    s += "<span class=na>" +
         std::string(r.a   ? tr(l, "no value in B")
                     : r.b ? tr(l, "no value in A")
                           : tr(l, "no value in either run")) +
         "</span>";
  }
  if (!r.conditional_on.empty()) s += denominator_note(p, r, l);
  return s + "</td></tr>\n";
}

// A group or zone without residents has no safe share in either run: left out.
bool has_residents(const RunPair& p, const std::string& population) {
  for (const PairRow& r : p.kpis)
    if (r.key == population + ".safe_share") return r.a || r.b;
  return true;
}

std::string table(const RunPair& p, const std::string& prefix, Language l) {
  std::string rows;
  for (const PairRow& r : p.kpis)
    if (in_section(r.key, prefix) && (prefix.empty() || has_residents(p, population_of(r.key))))
      rows += row_html(p, r, l);
  if (rows.empty()) return "";
  return std::string("<table><tr><th>KPI</th><th>") + tr(l, "better") + "</th><th>A</th><th>B</th><th>" +
         tr(l, "B − A, for the user") + "</th></tr>\n" + rows + "</table>\n";
}

std::string side_row(const char* letter, const PairSide& s, std::size_t colour, Language l) {
  return "<tr><td><span class=swatch style=\"background:" + std::string(variant_colour(colour)) +
         "\"></span>" + letter + "</td><td>" + html_escape(s.scenario) + "</td><td>" +
         html_escape(s.variant) + "</td><td>" +
         (s.description.empty() ? "<span class=na>" + std::string(tr(l, "no description found")) + "</span>"
                                : html_escape(s.description)) +
         "</td><td>" + std::to_string(s.seed) + "</td></tr>\n";
}

}  // namespace

std::string run_pair_html(const RunPair& p, Language l) {
  std::string s = report_head(std::string("SafeStreet: ") + tr(l, "two runs compared"), l);
  s += std::string("<h1>") + tr(l, "Two runs compared") + "</h1>\n<table><tr><th>" + tr(l, "run") +
       "</th><th>" + tr(l, "scenario") + "</th><th>" + tr(l, "variant") + "</th><th>" + tr(l, "description") +
       "</th><th>" + tr(l, "seed") + "</th></tr>\n" + side_row("A", p.a, 0, l) + side_row("B", p.b, 1, l) +
       "</table>\n";
  s += std::string("<h2>") + tr(l, "What a pair of runs can say") + "</h2>\n<ul>\n";
  // The notes in the report's language (RunPair::notes keeps English for run_pair.json).
  for (const std::string& n : l == Language::En ? p.notes : pair_notes(p.a, p.b, l))
    s += "<li>" + html_escape(n) + "</li>\n";
  s += std::string("</ul>\n<h2>") + tr(l, "Evacuation curves") + "</h2>\n<p class=meta>" +
       tr(l, "Share of residents sheltered.") + "</p>\n";
  std::vector<VariantCurve> curves{p.a.curve, p.b.curve};
  if (l != Language::En)
    for (auto [c, side, letter] : {std::tuple{&curves[0], &p.a, "A"}, std::tuple{&curves[1], &p.b, "B"}})
      c->variant = fill(tr(l, "%s: %s (seed %s)"), {letter, side->variant, std::to_string(side->seed)});
  s += evacuation_chart_svg(curves, l);
  s += std::string("<h2>") + tr(l, "Key figures") + "</h2>\n" + verdict_legend(false, l) + table(p, "", l);
  const std::string groups = table(p, "by_group.", l), zones = table(p, "by_zone.", l);
  if (!groups.empty())
    s += std::string("<details><summary>") + tr(l, "By resident group") + "</summary>\n" + groups +
         "</details>\n";
  if (!zones.empty())
    s += std::string("<details><summary>") + tr(l, "By zone") + "</summary>\n" + zones + "</details>\n";
  return s + "</body>\n</html>\n";
}

}  // namespace ss::batch
