#pragma once
// The after-action report's pictures as inline SVG (text only, so the report stays one
// self-contained file): the drill's timeline and maps of the town at chosen times.
#include <string>
#include <vector>

#include "drill/debrief.hpp"
#include "drill/debrief_injects.hpp"
#include "i18n/language.hpp"

namespace ss::drill {

// Colour of a resident status on the maps and in their legend (Okabe & Ito 2008, the
// palette of the batch report, batch/svg_chart.cpp).
const char* status_colour(Status s);

// The streets once, as an SVG <defs> block (id "streets") that every map reuses with
// <use>: the page carries the town's geometry once however many maps it shows.
std::string map_defs_svg(const Model& model);

// One map: water by depth band, streets closed by the plan or an intervention and by the
// water, residents not yet safe by status (a dot per map square and status, its area
// proportional to the count), shelters with how full they are (closed ones crossed out).
std::string map_svg(const Model& model, const MapFrame& frame);

// The drill on a time axis: the sheltered share as a curve, the injects by status, the
// decisions by role, the trainer's actions and notes, each a marker at its simulated time.
std::string timeline_svg(const Debrief& d, const InjectTable& injects, i18n::Language l = i18n::Language::En);

}  // namespace ss::drill
