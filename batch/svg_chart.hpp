#pragma once
// Evacuation curves as an inline SVG: one colour per variant, the mean across seeds
// as a line over a translucent min–max band. Text only, so the report stays one
// self-contained file that opens without a network.
#include <string>
#include <vector>

#include "batch/comparison.hpp"
#include "i18n/language.hpp"

namespace ss::batch {

// Colour of the i-th variant (Okabe & Ito 2008, "Color Universal Design", a palette
// readable with the common colour-vision deficiencies), cycling after eight.
const char* variant_colour(std::size_t i);

// Sheltered share (0–100 %) over time (minutes) for every curve, with axes, grid
// lines and a legend.
std::string evacuation_chart_svg(const std::vector<VariantCurve>& curves,
                                 i18n::Language l = i18n::Language::En);

// Text safe inside HTML/SVG elements and attribute values.
std::string html_escape(const std::string& text);

}  // namespace ss::batch
