#pragma once
// The drill's after-action report (`safestreet report`, docs/drills.md "The after-action
// report"): one self-contained HTML page — inline CSS and SVG, no scripts, no network —
// for the debrief: key figures against the plan's targets, the timeline of injects,
// decisions and trainer actions with what each changed, the inject table with the
// expected against the actual action, and maps at chosen times.
#include <string>

#include "drill/debrief.hpp"
#include "drill/debrief_injects.hpp"
#include "i18n/language.hpp"

namespace ss::drill {

// `values_section`: the HTML of "What each decision was worth" (decision_values.hpp),
// or empty when the re-runs were not made. `l`: the language of headings, words and
// numbers; journal texts, names and roles stay as the drill wrote them.
std::string debrief_html(const Debrief& d, const InjectTable& injects, const std::string& values_section,
                         i18n::Language l = i18n::Language::En);

// The run's key figures as `safestreet run` writes them to summary.json and a batch
// reads them back (batch::kpis_from_summary): the same keys and values for the drill
// and for its re-runs without decisions.
nlohmann::json debrief_summary(const Debrief& d);

}  // namespace ss::drill
