#include "maps/street_rules.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <numbers>

#include "maps/gdal_support.hpp"

namespace ss::maps {

namespace {
// Reads one double-quoted hstore token starting at s[i] == '"'; advances i past it.
std::optional<std::string> quoted(std::string_view s, std::size_t& i) {
  if (i >= s.size() || s[i] != '"') return std::nullopt;
  std::string out;
  for (++i; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      out.push_back(s[++i]);
    } else if (c == '"') {
      ++i;
      return out;
    } else {
      out.push_back(c);
    }
  }
  return std::nullopt;  // unterminated
}

void skip_space(std::string_view s, std::size_t& i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
}
}  // namespace

Tags parse_hstore(std::string_view s) {
  Tags tags;
  std::size_t i = 0;
  while (true) {
    skip_space(s, i);
    if (i >= s.size()) break;
    auto key = quoted(s, i);
    if (!key) break;
    skip_space(s, i);
    if (s.substr(i, 2) != "=>") break;
    i += 2;
    skip_space(s, i);
    if (s.substr(i, 4) == "NULL") {
      i += 4;
    } else {
      auto value = quoted(s, i);
      if (!value) break;
      tags.emplace_back(std::move(*key), std::move(*value));
    }
    skip_space(s, i);
    if (i < s.size() && s[i] == ',') {
      ++i;
      continue;
    }
    break;
  }
  return tags;
}

std::optional<std::string> tag(const Tags& tags, std::string_view key) {
  for (const auto& [k, v] : tags)
    if (k == key) return v;
  return std::nullopt;
}

std::optional<double> parse_width(std::string_view raw) {
  std::string s = detail::lower(detail::trim(raw));
  // Feet and inches: 16' or 3'6" (https://wiki.openstreetmap.org/wiki/Key:width).
  if (const auto ft = s.find('\''); ft != std::string::npos) {
    const auto feet = detail::parse_double(std::string_view(s).substr(0, ft));
    std::string rest = detail::trim(std::string_view(s).substr(ft + 1));
    double inches = 0.0;
    if (!rest.empty()) {
      if (rest.back() != '"') return std::nullopt;
      rest.pop_back();
      const auto in = detail::parse_double(rest);
      if (!in) return std::nullopt;
      inches = *in;
    }
    if (!feet) return std::nullopt;
    s = std::to_string((*feet * 12.0 + inches) * 0.0254);
  } else {
    double factor = 1.0;
    for (const auto& [unit, f] : std::array<std::pair<std::string_view, double>, 4>{
             {{"ft", 0.3048}, {"km", 1000.0}, {"cm", 0.01}, {"m", 1.0}}}) {
      if (s.size() > unit.size() && s.ends_with(unit)) {
        s = detail::trim(std::string_view(s).substr(0, s.size() - unit.size()));
        factor = f;
        break;
      }
    }
    for (char& c : s)
      if (c == ',') c = '.';  // decimal comma, common in European data
    const auto v = detail::parse_double(s);
    if (!v) return std::nullopt;
    s = std::to_string(*v * factor);
  }
  const auto m = detail::parse_double(s);
  if (!m || *m <= 0.0 || *m > 100.0) return std::nullopt;
  return m;
}

std::optional<Incline> parse_incline(std::string_view raw) {
  std::string s = detail::lower(detail::trim(raw));
  if (s == "up") return Incline{std::numeric_limits<double>::quiet_NaN(), 1};
  if (s == "down") return Incline{std::numeric_limits<double>::quiet_NaN(), -1};
  bool degrees = false;
  for (const std::string_view unit :
       {std::string_view("%"), std::string_view("\xC2\xB0"), std::string_view("deg")}) {
    if (s.size() > unit.size() && s.ends_with(unit)) {
      s = detail::trim(std::string_view(s).substr(0, s.size() - unit.size()));
      degrees = unit != "%";
      break;
    }
  }
  for (char& c : s)
    if (c == ',') c = '.';  // decimal comma
  const auto v = detail::parse_double(s);
  if (!v) return std::nullopt;
  constexpr double kMaxDegrees = 85.0, kMaxGradeTag = 10.0;  // beyond them a tag is garbage, not a street
  if (degrees && std::fabs(*v) > kMaxDegrees) return std::nullopt;
  const double grade = degrees ? std::tan(*v * std::numbers::pi / 180.0) : *v / 100.0;
  if (!std::isfinite(grade) || std::fabs(grade) > kMaxGradeTag) return std::nullopt;
  return Incline{grade, grade > 0.0 ? 1 : (grade < 0.0 ? -1 : 0)};
}

std::optional<int> parse_step_count(std::string_view raw) {
  const auto n = detail::parse_int(raw);
  if (!n || *n < 1 || *n > 10000) return std::nullopt;
  return static_cast<int>(*n);
}

std::optional<double> parse_weight(std::string_view raw) {
  std::string s = detail::lower(detail::trim(raw));
  double factor = 1.0;  // to tonnes (https://wiki.openstreetmap.org/wiki/Key:maxweight)
  for (const auto& [unit, f] : std::array<std::pair<std::string_view, double>, 5>{
           {{"lbs", 0.00045359237}, {"kg", 0.001}, {"st", 0.90718474}, {"t", 1.0}, {"lb", 0.00045359237}}}) {
    if (s.size() > unit.size() && s.ends_with(unit)) {
      s = detail::trim(std::string_view(s).substr(0, s.size() - unit.size()));
      factor = f;
      break;
    }
  }
  for (char& c : s)
    if (c == ',') c = '.';  // decimal comma
  const auto v = detail::parse_double(s);
  if (!v) return std::nullopt;
  const double t = *v * factor;
  if (!(t > 0.0) || t > 1000.0) return std::nullopt;
  return t;
}

std::optional<double> parse_height(std::string_view raw) {
  const std::string s = detail::lower(detail::trim(raw));
  if (s == "default" || s == "none" || s == "below_default") return std::nullopt;
  return parse_width(s);
}

namespace {

// A tag of one side of the street: `<prefix><side><suffix>`, else the same with "both".
std::optional<std::string> side_tag(const Tags& t, std::string_view prefix, std::string_view side,
                                    std::string_view suffix = {}) {
  for (std::string_view s : {side, std::string_view("both")}) {
    std::string key(prefix);
    key += s;
    key += suffix;
    if (auto v = tag(t, key)) return v;
  }
  return std::nullopt;
}

double row_width(std::string_view orientation) {
  if (orientation == "diagonal") return kParkedDiagonal;
  if (orientation == "perpendicular") return kParkedPerpendicular;
  return kParkedParallel;  // parallel, and old-scheme "marked" (stalls of unknown orientation)
}

bool no_cars(const std::optional<std::string>& restriction) {
  return restriction &&
         (*restriction == "no_parking" || *restriction == "no_stopping" || *restriction == "no_standing");
}

// Share of a row's width on the carriageway by where the cars stand: on the road
// (whole row), half on the kerb (half), off it (none).
double position_share(std::string_view position) {
  if (position == "half_on_kerb") return 0.5;
  if (position == "on_kerb" || position == "street_side" || position == "lay_by" || position == "shoulder" ||
      position == "no" || position == "separate")
    return 0.0;
  return 1.0;  // lane, on_street, painted_area_only, yes, untagged
}

// m of the carriageway parked cars take on one side ("left" or "right").
double side_parking(const Tags& t, std::string_view side) {
  if (const auto where = side_tag(t, "parking:", side)) {  // 2022 scheme
    if (no_cars(side_tag(t, "parking:", side, ":restriction"))) return 0.0;
    const auto orientation = side_tag(t, "parking:", side, ":orientation");
    return position_share(*where) * row_width(orientation.value_or("parallel"));
  }
  const auto orientation = side_tag(t, "parking:lane:", side);  // older parking:lane scheme
  if (!orientation || !(*orientation == "parallel" || *orientation == "diagonal" ||
                        *orientation == "perpendicular" || *orientation == "marked"))
    return 0.0;  // no, no_parking, no_stopping, fire_lane, separate, ...
  if (no_cars(side_tag(t, "parking:condition:", side))) return 0.0;
  const auto position = side_tag(t, "parking:lane:", side, ":" + *orientation);
  return position_share(position.value_or("on_street")) * row_width(*orientation);
}

float to_float(const std::optional<double>& v) {
  return v ? static_cast<float>(*v) : std::numeric_limits<float>::quiet_NaN();
}

// The value of `key` parsed, else that of `fallback` (when given and tagged).
std::optional<double> either(const Tags& t, std::string_view key, std::string_view fallback,
                             std::optional<double> (*parse)(std::string_view)) {
  if (const auto v = tag(t, key)) return parse(*v);
  if (const auto v = fallback.empty() ? std::nullopt : tag(t, fallback)) return parse(*v);
  return std::nullopt;
}

}  // namespace

VehicleWay vehicle_way(const Tags& t) {
  VehicleWay v;
  if (const auto w = either(t, "width:carriageway", "width", parse_width)) {
    v.carriageway = static_cast<float>(*w);
    v.source = VehicleWay::WidthSource::WidthTag;
  } else if (const auto lanes = detail::parse_double(tag(t, "lanes").value_or(""));
             lanes && *lanes >= 1.0 && *lanes <= 20.0) {
    v.carriageway = static_cast<float>(*lanes * kLaneWidth + kCarriagewayEdges);
    v.source = VehicleWay::WidthSource::Lanes;
  }
  v.parking = static_cast<float>(side_parking(t, "left") + side_parking(t, "right"));
  v.maxweight = to_float(either(t, "maxweight", {}, parse_weight));
  v.maxheight = to_float(either(t, "maxheight", "maxheight:physical", parse_height));
  v.maxwidth =
      to_float(either(t, "maxwidth", "maxwidth:physical", parse_height));  // "default"/"none" as for heights
  return v;
}

bool is_vehicle_key(std::string_view k) {
  static constexpr std::array<std::string_view, 8> kKeys = {
      "width",     "width:carriageway",  "lanes",    "maxweight",
      "maxheight", "maxheight:physical", "maxwidth", "maxwidth:physical"};
  return k.starts_with("parking:") || std::find(kKeys.begin(), kKeys.end(), k) != kKeys.end();
}

std::optional<std::string> drop_reason(const WayTags& t) {
  if (t.highway.empty()) return "no highway tag";
  static constexpr std::array<std::string_view, 13> kNotWalkable = {
      "motorway", "motorway_link", "construction", "proposed", "abandoned", "disused", "razed",
      "raceway",  "bus_guideway",  "escape",       "platform", "rest_area", "services"};
  for (std::string_view h : kNotWalkable)
    if (t.highway == h) return "highway=" + t.highway;
  if (t.motorroad == "yes") return "motorroad=yes";
  if (t.foot == "no" || t.foot == "private" || t.foot == "use_sidepath") return "foot=" + t.foot;
  const bool foot_allowed = t.foot == "yes" || t.foot == "designated" || t.foot == "permissive";
  if ((t.access == "no" || t.access == "private") && !foot_allowed) return "access=" + t.access;
  return std::nullopt;
}

float default_width(StreetKind k) {
  switch (k) {
    case StreetKind::Primary: return 12.0f;      // 7 m carriageway + 2 × 2.5 m sidewalks
    case StreetKind::Secondary: return 11.0f;    // 6.5 m + 2 × 2.25 m
    case StreetKind::Tertiary: return 10.0f;     // 6 m + 2 × 2 m
    case StreetKind::Unclassified: return 6.0f;  // rural single carriageway, no sidewalks
    case StreetKind::Residential: return 8.0f;   // 5 m + 2 × 1.5 m
    case StreetKind::LivingStreet: return 5.0f;  // shared surface
    case StreetKind::Service: return 4.0f;       // one lane
    case StreetKind::Pedestrian: return 6.0f;    // pedestrian zone
    case StreetKind::Track: return 3.0f;         // one lane
    case StreetKind::Footway: return 2.0f;
    case StreetKind::Path: return 1.5f;
    case StreetKind::Cycleway: return 2.5f;  // two-way cycle path (ERA 2010)
    case StreetKind::Steps: return 1.5f;
    case StreetKind::Other: return 3.0f;
  }
  return 3.0f;
}

}  // namespace ss::maps
