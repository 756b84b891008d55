#pragma once
// Pieces shared by the batch report (report_html.hpp) and the report of two single
// runs (run_pair.hpp): the style sheet, KPI names, verdict colours and notes.
#include <string>

#include "batch/verdict.hpp"
#include "i18n/language.hpp"

namespace ss::batch {

// <style> block. Better and worse use the Okabe & Ito (2008) blue and vermillion,
// which stay apart with the common colour-vision deficiencies; the verdict is also
// written out in words, so colour is never the only cue.
const char* report_style();

// "<td class=kpi>T90, everyone (h:mm:ss)<br><code>overall.t90_s</code></td>".
std::string kpi_name_cell(const std::string& key, i18n::Language l = i18n::Language::En);

// CSS class of a verdict: "better", "worse" or "same" (grey: no difference, below
// threshold, not tested, not comparable).
const char* verdict_class(Verdict v);

// What a verdict means for this KPI, in words: "better", "worse", "no difference",
// "below the 1 s threshold", "not comparable: tasks reached by a team differs", ...
std::string verdict_text(Verdict v, const std::string& key, const std::string& conditional_on,
                         i18n::Language l = i18n::Language::En);

// The part of the population a conditional KPI is taken over: "over reached tasks
// only", "over sheltered residents only".
std::string conditional_scope(const std::string& conditional_on, i18n::Language l = i18n::Language::En);

// A paragraph on the colours, the practical thresholds and conditional KPIs; for a
// batch (`paired_seeds`) also on intervals, for a pair of runs on the lack of them.
std::string verdict_legend(bool paired_seeds, i18n::Language l = i18n::Language::En);

// `<html lang=..>` and the <head> of a report in language `l`: the charset, the title
// (escaped here) and the style sheet with `extra_style` after it.
std::string report_head(const std::string& title, i18n::Language l, const char* extra_style = "");

// Keys of a section: "by_group." or "by_zone." (prefix), or neither (prefix "").
bool in_section(const std::string& key, const std::string& prefix);
// "by_zone.Z-1-2.t90_s" → "by_zone.Z-1-2": the population a key describes.
std::string population_of(const std::string& key);

}  // namespace ss::batch
