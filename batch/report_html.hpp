#pragma once
// report.html: one self-contained page (inline CSS and SVG, no scripts, no network)
// that an analyst opens in any browser: evacuation curves per variant with their
// spread across seeds, the KPI table with 95 % intervals and a marker where the
// difference from the base plan is significant, and plan targets met per variant.
#include <string>

#include "batch/comparison.hpp"
#include "i18n/language.hpp"

namespace ss::batch {

// In language `l` (headings, words, units, numbers; docs/batch.md); variant, zone,
// shelter names and KPI keys as they are.
std::string report_html(const Comparison& c, i18n::Language l = i18n::Language::En);

}  // namespace ss::batch
