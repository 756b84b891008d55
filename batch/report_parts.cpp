#include "batch/report_parts.hpp"

#include <utility>

#include "batch/kpi_labels.hpp"
#include "batch/svg_chart.hpp"
#include "i18n/number_format.hpp"

namespace ss::batch {

using i18n::fill;
using i18n::Language;

const char* report_style() {
  return R"(<style>
body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1400px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; }
p.meta { color: #555; margin-top: 0; max-width: 1000px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.kpi code { color: #777; font-size: 11px; }
.ci { color: #666; } .na { color: #999; } .rank { color: #555; font-size: 11px; }
.note { color: #666; font-size: 11px; font-style: italic; }
.same { color: #666; font-size: 12px; }
.better { color: #0072B2; font-weight: bold; font-size: 12px; }
.worse { color: #D55E00; font-weight: bold; font-size: 12px; }
.swatch { display: inline-block; width: 14px; height: 10px; margin-right: 6px; }
</style>
)";
}

std::string kpi_name_cell(const std::string& key, Language l) {
  return "<td class=kpi>" + html_escape(kpi_label(key, l)) + "<br><code>" + html_escape(key) + "</code></td>";
}

const char* verdict_class(Verdict v) {
  if (v == Verdict::Better) return "better";
  if (v == Verdict::Worse) return "worse";
  return "same";
}

std::string conditional_scope(const std::string& conditional_on, Language l) {
  if (conditional_on == "response.reached_share") return tr(l, "over reached tasks only");
  if (conditional_on == "overall.safe_share") return tr(l, "over sheltered residents only");
  return fill(tr(l, "over part of the population only (%s)"), {describe_kpi(conditional_on, l).words});
}

std::string verdict_text(Verdict v, const std::string& key, const std::string& conditional_on, Language l) {
  switch (v) {
    case Verdict::Better: return tr(l, "▲ better");
    case Verdict::Worse: return tr(l, "▼ worse");
    case Verdict::NoDifference: return tr(l, "no difference");
    case Verdict::NotTested: return tr(l, "not tested (fewer than 2 paired seeds)");
    case Verdict::BelowThreshold: {
      const KpiInfo k = describe_kpi(key, l);
      return fill(tr(l, "below the %s threshold"), {threshold_text(k.unit, k.threshold, l)});
    }
    case Verdict::NotComparable:
      return fill(tr(l, "not comparable: %s differs"), {describe_kpi(conditional_on, l).words});
  }
  return "";
}

std::string report_head(const std::string& title, Language l, const char* extra_style) {
  return std::string("<!DOCTYPE html>\n<html lang=") + i18n::code(l) +
         ">\n<head>\n<meta charset=utf-8>\n<title>" + html_escape(title) + "</title>\n" + report_style() +
         extra_style + "</head>\n<body>\n";
}

std::string verdict_legend(bool paired_seeds, Language l) {
  std::string thresholds;
  const std::pair<Unit, const char*> kinds[] = {{Unit::Seconds, tr_noop("%s for times")},
                                                {Unit::Share, tr_noop("%s for shares")},
                                                {Unit::Metres, tr_noop("%s for lengths")},
                                                {Unit::SquareMetres, tr_noop("%s for areas")}};
  for (const auto& [unit, what] : kinds)
    thresholds += (thresholds.empty() ? "" : ", ") + fill(tr(l, what), {threshold_text(unit, l)});
  thresholds += fill(tr(l, " (%s for the mean distance walked)"), {i18n::localize_number("1 m", l)});
  std::string s = std::string("<p class=meta>") +
                  tr(l,
                     "<span class=better>▲ better</span> and <span class=worse>▼ worse</span> are meant "
                     "for the people evacuated, in the KPI's better direction. ");
  if (paired_seeds)
    s += fill(tr(l,
                 "They need both a 95 % interval that excludes zero and a difference at least as large as "
                 "the practical threshold (%s; any change of a count); smaller differences are marked "
                 "<span class=same>below the threshold</span>. An <i>exact</i> difference is the same in "
                 "every seed: with common random numbers a plan that only shifts times gives identical "
                 "paired differences, so the interval has no width. "),
              {thresholds});
  else
    s += fill(tr(l,
                 "With one run each they only say which way B differs from A once the difference reaches "
                 "the practical threshold (%s; any change of a count), not whether it is more than "
                 "chance. "),
              {thresholds});
  return s +
         tr(l,
            "KPIs marked <span class=note>over reached tasks only</span> or <span class=note>over sheltered "
            "residents only</span> describe a part of the population that differs between plans (a late "
            "warning reaches fewer tasks and is then quicker at the few it reaches); they are shown beside "
            "that part's size, never ranked, and <span class=same>not comparable</span> while it differs. "
            "pp: percentage points.") +
         "</p>\n";
}

bool in_section(const std::string& key, const std::string& prefix) {
  if (!prefix.empty()) return key.rfind(prefix, 0) == 0;
  return key.rfind("by_group.", 0) != 0 && key.rfind("by_zone.", 0) != 0 && key.rfind("shelter.", 0) != 0;
}

std::string population_of(const std::string& key) {
  const std::size_t last = key.rfind('.');
  return last == std::string::npos ? key : key.substr(0, last);
}

}  // namespace ss::batch
