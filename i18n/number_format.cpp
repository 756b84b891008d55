#include "i18n/number_format.hpp"

#include <cmath>
#include <cstdio>

#include "engine/core/display_text.hpp"

namespace ss::i18n {

std::string localize_number(const std::string& english, Language l) {
  if (l != Language::De) return english;
  std::string out = english;
  for (char& c : out) c = c == ',' ? '.' : c == '.' ? ',' : c;
  return out;
}

std::string format_number(double value, int decimals, Language l) {
  if (!std::isfinite(value)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals < 0 ? 0 : decimals, std::fabs(value));
  std::string s = buf;
  const std::size_t dot = s.find('.');
  std::string whole = s.substr(0, dot);
  const std::string frac = dot == std::string::npos ? "" : s.substr(dot);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(whole[i]);
  }
  // No "-0" for a value that rounds to zero.
  const bool negative = value < 0 && (grouped + frac).find_first_not_of("0.,") != std::string::npos;
  return localize_number((negative ? "-" : "") + grouped + frac, l);
}

std::string format_count(std::uint64_t n, Language l) { return localize_number(ss::format_count(n), l); }

std::string format_percent(double fraction, Language l) {
  return localize_number(ss::format_percent(fraction), l);
}

std::string format_share(std::uint64_t part, std::uint64_t whole, Language l) {
  std::string s = fill(tr(l, "%s of %s"), {format_count(part, l), format_count(whole, l)});
  if (whole > 0) s += " (" + localize_number(ss::format_percent(part, whole), l) + ")";
  return s;
}

std::string format_distance(double metres, Language l) {
  if (!std::isfinite(metres)) return "-";
  if (std::fabs(metres) >= 1000.0) return format_number(metres / 1000.0, 1, l) + " km";
  return format_number(metres, 0, l) + " m";
}

}  // namespace ss::i18n
