#include "batch/kpi_labels.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "engine/core/display_text.hpp"
#include "i18n/number_format.hpp"

namespace ss::batch {
namespace {

using i18n::fill;
using i18n::Language;

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool starts_with(const std::string& s, const std::string& head) { return s.rfind(head, 0) == 0; }

// The group names of engine/world/population.cpp (GroupIndex::name) in words.
std::string group_words(const std::string& g, Language l) {
  static const std::pair<const char*, const char*> kGroups[] = {
      {"age_0_17", tr_noop("children (0–17)")},
      {"age_18_59", tr_noop("adults (18–59)")},
      {"age_60_79", tr_noop("aged 60–79")},
      {"age_80_plus", tr_noop("aged 80 and over")},
      {"mobility_walks", tr_noop("walking unaided")},
      {"mobility_walking_aid", tr_noop("with a walking aid")},
      {"mobility_wheelchair", tr_noop("wheelchair users")},
      {"mobility_bedridden", tr_noop("bedridden")},
      {"lives_alone", tr_noop("living alone")},
      {"lives_with_others", tr_noop("living with others")}};
  for (const auto& [name, words] : kGroups)
    if (g == name) return tr(l, words);
  std::string s = g;
  for (char& c : s) c = c == '_' ? ' ' : c;
  return s;
}

// Outcomes of engine/core/sim_state.cpp (to_string(Outcome)) for residents not safe.
std::string outcome_words(const std::string& o, Language l) {
  if (o == "no_route") return tr(l, "no route to a shelter");
  if (o == "shelters_full") return tr(l, "turned away by full shelters");
  if (o == "needs_assistance") return tr(l, "waiting for help that did not come");
  if (o == "time_ran_out") return tr(l, "still on the way when time ran out");
  if (o == "refused_not_knocked") return tr(l, "refused to leave, no team knocked");
  if (o == "not_warned") return tr(l, "never warned");
  if (o == "assembly_area") return tr(l, "at an assembly area, no shelter place");
  if (o == "safe_upstairs") return tr(l, "safe upstairs at home");
  return group_words(o, l);
}

// Target kinds of engine/plan/plan_types.cpp (to_string(TargetKind)).
std::string target_words(const std::string& kind, Language l) {
  if (kind == "vulnerable_reached_within") return tr(l, "vulnerable residents reached in time");
  if (kind == "share_safe_within") return tr(l, "share safe in time");
  if (kind == "no_shelter_over_capacity") return tr(l, "no shelter over capacity");
  if (kind == "response_within") return tr(l, "response in time");
  if (kind == "warned_within") return tr(l, "share warned in time");
  if (kind == "hazard_kpi_at_most") return tr(l, "hazard figure within its limit");
  return group_words(kind, l);
}

// The hazards' figures (HazardKpi names of engine/hazards/flood and fire, suffix taken
// off) in words, as by_suffix writes them; listed so the catalogs carry them. A figure
// not listed keeps its English words.
constexpr const char* kHazardWords[] = {tr_noop("maximum depth"),
                                        tr_noop("flooded area"),
                                        tr_noop("mass error"),
                                        tr_noop("residents in water"),
                                        tr_noop("residents reached at home"),
                                        tr_noop("residents stranded"),
                                        tr_noop("homes reached"),
                                        tr_noop("street closure changes"),
                                        tr_noop("buildings ignited"),
                                        tr_noop("buildings burnt out"),
                                        tr_noop("burnt area"),
                                        tr_noop("residents exposed"),
                                        tr_noop("residents incapacitated"),
                                        tr_noop("residents home caught fire"),
                                        tr_noop("residents trapped waiting for help"),
                                        tr_noop("shelters closed"),
                                        tr_noop("sheltered residents moved on"),
                                        tr_noop("minimum visibility"),
                                        tr_noop("incidents"),
                                        tr_noop("fires put out by residents"),
                                        tr_noop("first engine"),
                                        tr_noop("first alarm complete"),
                                        tr_noop("buildings beyond origin"),
                                        tr_noop("buildings extinguished"),
                                        tr_noop("detour"),
                                        tr_noop("hose lay"),
                                        tr_noop("waiting for water"),
                                        tr_noop("reroutes"),
                                        tr_noop("residents rescued"),
                                        tr_noop("residents rescued before incapacitation"),
                                        tr_noop("residents without ladder position"),
                                        tr_noop("hydrants out of service"),
                                        tr_noop("lanes blocked")};

std::string listed_words(const std::string& words, Language l) {
  for (const char* w : kHazardWords)
    if (words == w) return tr(l, w);
  return words;
}

// A hazard's name (Hazard::name()) as the prefix of its figures: "fire" stays "fire" in
// English; in the other languages the noun, as the GUI's panel titles have it ("fire"
// alone is the verb of firing an inject in the catalogs).
std::string hazard_words(const std::string& name, Language l) {
  if (l == Language::En) return name;
  if (name == "fire") return tr(l, "Fire");
  if (name == "flood") return tr(l, "Flood");
  return name;
}

// Unit from a key's suffix (the naming rule of HazardKpi::name, engine/hazards/hazard.hpp),
// words from the rest: "max_depth_m" → "maximum depth", metres.
KpiInfo by_suffix(std::string name, Language l) {
  struct Suffix {
    const char* tail;
    Unit unit;
    const char* text;
  };
  static const Suffix kSuffixes[] = {{"_m2", Unit::SquareMetres, "m²"},
                                     {"_m", Unit::Metres, "m"},
                                     {"_s", Unit::Seconds, "h:mm:ss"},
                                     {"_share", Unit::Share, "%"}};
  KpiInfo k{"", name == "mass_error" ? Unit::Ratio : Unit::Count,
            name == "mass_error" ? tr(l, "relative") : tr(l, "count")};
  for (const Suffix& x : kSuffixes) {
    if (!ends_with(name, x.tail)) continue;
    k.unit = x.unit;
    k.unit_text = x.text;
    name.resize(name.size() - std::string(x.tail).size());
    break;
  }
  std::size_t from = 0;
  while (from <= name.size()) {
    const std::size_t to = std::min(name.find('_', from), name.size());
    std::string w = name.substr(from, to - from);
    if (w == "max") w = "maximum";
    if (w == "min") w = "minimum";
    k.words += (k.words.empty() ? "" : " ") + w;
    from = to + 1;
  }
  k.words = listed_words(k.words, l);
  return k;
}

// T50…T100 and the safe share of one population (everyone, a group, a zone).
KpiInfo evacuation(const std::string& kpi, const std::string& who, Language l) {
  KpiInfo k;
  if (kpi == "safe_share") {
    k = {tr(l, "safe in a shelter"), Unit::Share, "%"};
  } else if (starts_with(kpi, "t") && ends_with(kpi, "_s")) {
    // Appended piecewise: g++ 12 warns falsely (-Wrestrict) on "literal" + string.
    k = {"T", Unit::Seconds, "h:mm:ss"};
    k.words.append(kpi, 1, kpi.size() - 3);
  } else {
    k = by_suffix(kpi, l);
  }
  k.words = fill(tr(l, "%s, %s"), {k.words, who});
  return k;
}

KpiInfo words_of(const std::string& key, Language l) {
  const std::size_t last = key.rfind('.');
  const std::string kpi = last == std::string::npos ? key : key.substr(last + 1);
  if (starts_with(key, "overall.")) return evacuation(kpi, tr(l, "everyone"), l);
  if (starts_with(key, "by_group.") && last > 9)
    return evacuation(kpi, group_words(key.substr(9, last - 9), l), l);
  if (starts_with(key, "by_zone.") && last > 8)
    return evacuation(kpi, fill(tr(l, "zone %s"), {key.substr(8, last - 8)}), l);
  if (starts_with(key, "outcome."))
    return {fill(tr(l, "not safe: %s"), {outcome_words(key.substr(8), l)}), Unit::Count, tr(l, "residents")};
  // Shelter names may hold dots: the name is everything between the prefix and suffix.
  if (starts_with(key, "shelter.") && ends_with(key, ".peak_share") && key.size() > 19)
    return {fill(tr(l, "peak load, shelter %s"), {key.substr(8, key.size() - 19)}), Unit::Share,
            tr(l, "% of capacity")};
  if (key == "shelters.filled") return {tr(l, "shelters that filled up"), Unit::Count, tr(l, "shelters")};
  if (key == "mean_travel_time_s")
    return {tr(l, "mean travel time, sheltered residents only"), Unit::Seconds, "h:mm:ss"};
  if (key == "mean_distance_m")
    return {tr(l, "mean distance walked, sheltered residents only"), Unit::Metres, "m"};
  if (key == "response.reached_share") return {tr(l, "tasks reached by a team"), Unit::Share, "%"};
  if (starts_with(key, "response.") && ends_with(key, "_s")) {
    const std::string stat = key.substr(9, key.size() - 11);
    const std::string words = stat == "mean"  ? tr(l, "mean")
                              : stat == "p50" ? tr(l, "median")
                              : stat == "p90" ? tr(l, "90th percentile")
                              : stat == "max" ? tr(l, "longest")
                                              : stat;
    return {fill(tr(l, "response time, %s over reached tasks"), {words}), Unit::Seconds, "h:mm:ss"};
  }
  if (key == "targets.met") return {tr(l, "plan targets met"), Unit::Count, tr(l, "targets")};
  if (starts_with(key, "target.") && ends_with(key, ".met") && key.size() > 11) {
    const std::string id = key.substr(7, key.size() - 11);  // "<i>_<kind>"
    const std::size_t u = id.find('_');
    const std::string n = id.substr(0, u), kind = u == std::string::npos ? "" : id.substr(u + 1);
    return {fill(tr(l, "target %s met: %s"), {n, target_words(kind, l)}), Unit::Share, tr(l, "% of runs")};
  }
  if (last != std::string::npos) {  // a hazard's "<hazard>.<kpi>"
    KpiInfo k = by_suffix(kpi, l);
    k.words = fill(tr(l, "%s: %s"), {hazard_words(key.substr(0, last), l), k.words});
    return k;
  }
  return by_suffix(key, l);
}

}  // namespace

KpiInfo describe_kpi(const std::string& key, Language l) {
  KpiInfo k = words_of(key, l);
  k.threshold = key == "mean_distance_m" ? 1.0 : practical_threshold(k.unit);
  return k;
}

std::string kpi_label(const std::string& key, Language l) {
  const KpiInfo k = describe_kpi(key, l);
  return k.words + " (" + k.unit_text + ")";
}

const char* unit_symbol(Unit u) {
  switch (u) {
    case Unit::Seconds: return "s";
    case Unit::Share: return "share";
    case Unit::Metres: return "m";
    case Unit::SquareMetres: return "m2";
    case Unit::Count: return "count";
    case Unit::Ratio: return "ratio";
  }
  return "?";
}

double practical_threshold(Unit u) {
  switch (u) {
    case Unit::Seconds: return 1.0;
    case Unit::Share: return 0.001;
    case Unit::Metres: return 0.01;
    case Unit::SquareMetres: return 1.0;
    case Unit::Count:
    case Unit::Ratio: return 0.0;
  }
  return 0.0;
}

std::string threshold_text(Unit u, Language l) { return threshold_text(u, practical_threshold(u), l); }

std::string threshold_text(Unit u, double t, Language l) {
  if (t <= 0.0) return "";
  char buf[32];
  switch (u) {
    case Unit::Seconds: std::snprintf(buf, sizeof buf, "%g s", t); break;
    case Unit::Share: std::snprintf(buf, sizeof buf, "%g pp", 100.0 * t); break;
    case Unit::Metres:
      std::snprintf(buf, sizeof buf, t < 1.0 ? "%g cm" : "%g m", t < 1.0 ? 100.0 * t : t);
      break;
    case Unit::SquareMetres: std::snprintf(buf, sizeof buf, "%g m²", t); break;
    default: std::snprintf(buf, sizeof buf, "%g", t); break;
  }
  std::string s = i18n::localize_number(buf, l);
  if (u == Unit::Share) s = s.substr(0, s.size() - 2) + tr(l, "pp");
  return s;
}

std::string clock_text(double seconds, Language l) {
  if (!std::isfinite(seconds)) return tr(l, "never");
  return format_clock(seconds);  // one clock format for the CLI, the GUI and the reports
}

std::string format_value(Unit u, double v, Language l) {
  char buf[48];
  switch (u) {
    case Unit::Seconds: return clock_text(v, l);
    case Unit::Share:  // never "100.0 %" for a share that is not complete
      return i18n::localize_number(format_percent(v), l);
    case Unit::Metres: std::snprintf(buf, sizeof buf, std::fabs(v) < 10 ? "%.2f m" : "%.0f m", v); break;
    case Unit::SquareMetres: std::snprintf(buf, sizeof buf, "%.0f m²", v); break;
    case Unit::Count: std::snprintf(buf, sizeof buf, v == std::round(v) ? "%.0f" : "%.1f", v); break;
    case Unit::Ratio: std::snprintf(buf, sizeof buf, "%.3g", v); break;
  }
  return i18n::localize_number(buf, l);
}

std::string format_difference(Unit u, double v, Language l) {
  if (v == 0.0) return "±0";
  std::string magnitude = format_value(u, std::fabs(v), l);
  if (u == Unit::Share) magnitude.replace(magnitude.size() - 1, 1, tr(l, "pp"));  // percentage points
  return (v > 0 ? "+" : "−") + magnitude;
}

}  // namespace ss::batch
