#pragma once
// What a KPI key means to a reader: its name in words, its unit, how its values are
// written, and the smallest difference that matters in practice. One table for the
// report, the CSV/JSON labels, the printed tables and the comparison of two runs.
#include <string>

#include "i18n/language.hpp"

namespace ss::batch {

// Unit of a KPI's values, as they are stored (comparison.json, comparison.csv).
enum class Unit {
  Seconds,       // s; shown as h:mm:ss
  Share,         // [0, 1]; shown in percent
  Metres,        // m
  SquareMetres,  // m²
  Count,         // residents, shelters, buildings, targets (a mean over runs may be fractional)
  Ratio,         // a dimensionless number (e.g. the flood's relative mass error)
};

struct KpiInfo {
  std::string words;  // e.g. "T90, everyone"; "not safe: turned away by full shelters"
  Unit unit = Unit::Count;
  std::string unit_text;  // shown after the words: "h:mm:ss", "%", "m", "residents", ...
  double threshold = 0;   // practical threshold, in the unit (see practical_threshold)
};

// Words and unit of a KPI key: overall.* and by_group.<g>.* (T50…T100, safe share),
// by_zone.<zone>.*, outcome.<x>, shelters.filled, mean_travel_time_s,
// mean_distance_m, response.*, target.<i>_<kind>.met, targets.met, and a hazard's
// "<hazard>.<kpi>" (words from the name, unit from its suffix _s, _m, _m2, _share).
// An unknown key keeps its own text, with the unit taken from its suffix.
// `l`: the language of words and unit_text (the reports); files and printed tables
// keep English, the default.
KpiInfo describe_kpi(const std::string& key, i18n::Language l = i18n::Language::En);

// "T90, everyone (h:mm:ss)".
std::string kpi_label(const std::string& key, i18n::Language l = i18n::Language::En);

// Unit symbol in files: "s", "share", "m", "m2", "count", "ratio".
const char* unit_symbol(Unit u);

// The smallest difference between plans that counts as a difference at all. A
// difference whose 95 % interval excludes zero but whose size is below this is
// reported as "below the practical threshold", never as better or worse:
//   time 1 s (the usual step; the report shows whole seconds), share 0.001 (0.1
//   percentage point, one resident in a thousand), length 0.01 m (1 cm, the
//   precision of a water depth), area 1 m², counts and ratios 0 (one resident
//   more or less is already a difference; a count changes by whole units).
// One KPI has its own (KpiInfo::threshold): the mean distance walked, 1 m, about
// a second's walk (free walking speed 1.34 m/s, Weidmann 1993), in line with 1 s.
double practical_threshold(Unit u);
// The threshold in words: "1 s", "0.1 pp", "1 cm", "1 m²", "" for none.
std::string threshold_text(Unit u, double threshold, i18n::Language l = i18n::Language::En);
std::string threshold_text(Unit u, i18n::Language l = i18n::Language::En);

// A value in its display unit: "0:12:05", "93.4 %", "512 m", "0.42 m", "1250 m²",
// counts "3" or "2.5" (a mean over runs). In German with the decimal comma ("93,4 %",
// i18n/number_format.hpp); the units' symbols are the same in every language.
std::string format_value(Unit u, double v, i18n::Language l = i18n::Language::En);
// A difference with its sign: "+0:01:00", "−2.0 pp" (percentage points), "±0".
std::string format_difference(Unit u, double v, i18n::Language l = i18n::Language::En);
// Seconds as h:mm:ss (rounded to whole seconds), "-" prefixed when negative; "never"
// (translated) when not finite.
std::string clock_text(double seconds, i18n::Language l = i18n::Language::En);

}  // namespace ss::batch
