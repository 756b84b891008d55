#include "batch/kpi_labels.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "engine/core/display_text.hpp"

namespace ss::batch {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool starts_with(const std::string& s, const std::string& head) { return s.rfind(head, 0) == 0; }

// The group names of engine/world/population.cpp (GroupIndex::name) in words.
std::string group_words(const std::string& g) {
  static const std::pair<const char*, const char*> kGroups[] = {
      {"age_0_17", "children (0–17)"},
      {"age_18_59", "adults (18–59)"},
      {"age_60_79", "aged 60–79"},
      {"age_80_plus", "aged 80 and over"},
      {"mobility_walks", "walking unaided"},
      {"mobility_walking_aid", "with a walking aid"},
      {"mobility_wheelchair", "wheelchair users"},
      {"mobility_bedridden", "bedridden"},
      {"lives_alone", "living alone"},
      {"lives_with_others", "living with others"}};
  for (const auto& [name, words] : kGroups)
    if (g == name) return words;
  std::string s = g;
  for (char& c : s) c = c == '_' ? ' ' : c;
  return s;
}

// Outcomes of engine/core/sim_state.cpp (to_string(Outcome)) for residents not safe.
std::string outcome_words(const std::string& o) {
  if (o == "no_route") return "no route to a shelter";
  if (o == "shelters_full") return "turned away by full shelters";
  if (o == "needs_assistance") return "waiting for help that did not come";
  if (o == "time_ran_out") return "still on the way when time ran out";
  if (o == "refused_not_knocked") return "refused to leave, no team knocked";
  if (o == "not_warned") return "never warned";
  if (o == "assembly_area") return "at an assembly area, no shelter place";
  if (o == "safe_upstairs") return "safe upstairs at home";
  return group_words(o);
}

// Target kinds of engine/plan/plan_types.cpp (to_string(TargetKind)).
std::string target_words(const std::string& kind) {
  if (kind == "vulnerable_reached_within") return "vulnerable residents reached in time";
  if (kind == "share_safe_within") return "share safe in time";
  if (kind == "no_shelter_over_capacity") return "no shelter over capacity";
  if (kind == "response_within") return "response in time";
  if (kind == "warned_within") return "share warned in time";
  if (kind == "hazard_kpi_at_most") return "hazard figure within its limit";
  return group_words(kind);
}

// Unit from a key's suffix (the naming rule of HazardKpi::name, engine/hazards/hazard.hpp),
// words from the rest: "max_depth_m" → "maximum depth", metres.
KpiInfo by_suffix(std::string name) {
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
            name == "mass_error" ? "relative" : "count"};
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
  return k;
}

// T50…T100 and the safe share of one population (everyone, a group, a zone).
KpiInfo evacuation(const std::string& kpi, const std::string& who) {
  KpiInfo k;
  if (kpi == "safe_share") {
    k = {"safe in a shelter", Unit::Share, "%"};
  } else if (starts_with(kpi, "t") && ends_with(kpi, "_s")) {
    // Appended piecewise: g++ 12 warns falsely (-Wrestrict) on "literal" + string.
    k = {"T", Unit::Seconds, "h:mm:ss"};
    k.words.append(kpi, 1, kpi.size() - 3);
  } else {
    k = by_suffix(kpi);
  }
  k.words.append(", ").append(who);
  return k;
}

KpiInfo words_of(const std::string& key) {
  const std::size_t last = key.rfind('.');
  const std::string kpi = last == std::string::npos ? key : key.substr(last + 1);
  if (starts_with(key, "overall.")) return evacuation(kpi, "everyone");
  if (starts_with(key, "by_group.") && last > 9) return evacuation(kpi, group_words(key.substr(9, last - 9)));
  if (starts_with(key, "by_zone.") && last > 8) return evacuation(kpi, "zone " + key.substr(8, last - 8));
  if (starts_with(key, "outcome."))
    return {"not safe: " + outcome_words(key.substr(8)), Unit::Count, "residents"};
  // Shelter names may hold dots: the name is everything between the prefix and suffix.
  if (starts_with(key, "shelter.") && ends_with(key, ".peak_share") && key.size() > 19)
    return {"peak load, shelter " + key.substr(8, key.size() - 19), Unit::Share, "% of capacity"};
  if (key == "shelters.filled") return {"shelters that filled up", Unit::Count, "shelters"};
  if (key == "mean_travel_time_s")
    return {"mean travel time, sheltered residents only", Unit::Seconds, "h:mm:ss"};
  if (key == "mean_distance_m") return {"mean distance walked, sheltered residents only", Unit::Metres, "m"};
  if (key == "response.reached_share") return {"tasks reached by a team", Unit::Share, "%"};
  if (starts_with(key, "response.") && ends_with(key, "_s")) {
    const std::string stat = key.substr(9, key.size() - 11);
    const std::string words = stat == "mean"  ? "mean"
                              : stat == "p50" ? "median"
                              : stat == "p90" ? "90th percentile"
                              : stat == "max" ? "longest"
                                              : stat;
    return {"response time, " + words + " over reached tasks", Unit::Seconds, "h:mm:ss"};
  }
  if (key == "targets.met") return {"plan targets met", Unit::Count, "targets"};
  if (starts_with(key, "target.") && ends_with(key, ".met") && key.size() > 11) {
    const std::string id = key.substr(7, key.size() - 11);  // "<i>_<kind>"
    const std::size_t u = id.find('_');
    const std::string n = id.substr(0, u), kind = u == std::string::npos ? "" : id.substr(u + 1);
    return {"target " + n + " met: " + target_words(kind), Unit::Share, "% of runs"};
  }
  if (last != std::string::npos) {  // a hazard's "<hazard>.<kpi>"
    KpiInfo k = by_suffix(kpi);
    k.words = key.substr(0, last) + ": " + k.words;
    return k;
  }
  return by_suffix(key);
}

}  // namespace

KpiInfo describe_kpi(const std::string& key) {
  KpiInfo k = words_of(key);
  k.threshold = key == "mean_distance_m" ? 1.0 : practical_threshold(k.unit);
  return k;
}

std::string kpi_label(const std::string& key) {
  const KpiInfo k = describe_kpi(key);
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

std::string threshold_text(Unit u) { return threshold_text(u, practical_threshold(u)); }

std::string threshold_text(Unit u, double t) {
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
  return buf;
}

std::string clock_text(double seconds) {
  if (!std::isfinite(seconds)) return "never";
  return format_clock(seconds);  // one clock format for the CLI, the GUI and the reports
}

std::string format_value(Unit u, double v) {
  char buf[48];
  switch (u) {
    case Unit::Seconds: return clock_text(v);
    case Unit::Share: return format_percent(v);  // never "100.0 %" for a share that is not complete
    case Unit::Metres: std::snprintf(buf, sizeof buf, std::fabs(v) < 10 ? "%.2f m" : "%.0f m", v); break;
    case Unit::SquareMetres: std::snprintf(buf, sizeof buf, "%.0f m²", v); break;
    case Unit::Count: std::snprintf(buf, sizeof buf, v == std::round(v) ? "%.0f" : "%.1f", v); break;
    case Unit::Ratio: std::snprintf(buf, sizeof buf, "%.3g", v); break;
  }
  return buf;
}

std::string format_difference(Unit u, double v) {
  if (v == 0.0) return "±0";
  std::string magnitude = format_value(u, std::fabs(v));
  if (u == Unit::Share) magnitude.replace(magnitude.size() - 1, 1, "pp");  // percentage points
  return (v > 0 ? "+" : "−") + magnitude;
}

}  // namespace ss::batch
