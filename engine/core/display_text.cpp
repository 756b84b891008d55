#include "engine/core/display_text.hpp"

#include <cmath>
#include <cstdio>

namespace ss {

std::string format_clock(double seconds) {
  if (!std::isfinite(seconds)) return "-:--:--";
  const long long total = std::llround(seconds);
  const long long a = total < 0 ? -total : total;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%lld:%02lld:%02lld", total < 0 ? "-" : "", a / 3600, (a / 60) % 60,
                a % 60);
  return buf;
}

std::string format_count(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string format_percent(double fraction) {
  if (!std::isfinite(fraction)) return "-";
  const double p = 100.0 * fraction;
  // %.1f rounds half to even at the 0.05 boundary; the two guards keep a share that
  // is not complete (or not empty) from reading as if it were.
  if (fraction < 1.0 && fraction > 0.0) {
    if (p >= 99.95) return ">99.9 %";
    if (p < 0.05) return "<0.1 %";
  }
  char buf[40];
  if (fraction == 1.0 || fraction == 0.0)
    std::snprintf(buf, sizeof buf, "%.0f %%", p);
  else
    std::snprintf(buf, sizeof buf, "%.1f %%", p);
  return buf;
}

std::string format_percent(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return "-";
  if (part == whole) return "100 %";
  if (part == 0) return "0 %";
  return format_percent(static_cast<double>(part) / static_cast<double>(whole));
}

std::string format_share(std::uint64_t part, std::uint64_t whole) {
  std::string s = format_count(part) + " of " + format_count(whole);
  if (whole > 0) s += " (" + format_percent(part, whole) + ")";
  return s;
}

std::string format_bytes(double bytes) {
  if (!std::isfinite(bytes)) return "-";
  if (bytes < 1.0) return "0 B";
  static constexpr const char* kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
  std::size_t u = 0;
  while (bytes >= 999.5 && u + 1 < std::size(kUnits)) {
    bytes /= 1000.0;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, bytes < 9.95 && u > 0 ? "%.1f %s" : "%.0f %s", bytes, kUnits[u]);
  return buf;
}

namespace {

// Decodes one UTF-8 sequence at s[i]; advances i. Invalid bytes give U+FFFD, one byte.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b >> 6) != 0x2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Zero-width: combining marks (general category Mn in the common blocks), zero-width
// space/joiners, variation selectors.
bool zero_width(char32_t c) {
  return in(c, 0x0300, 0x036F) || in(c, 0x0483, 0x0489) || in(c, 0x0591, 0x05BD) || in(c, 0x0610, 0x061A) ||
         in(c, 0x064B, 0x065F) || in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) || in(c, 0x200B, 0x200F) ||
         in(c, 0x202A, 0x202E) || in(c, 0x2060, 0x2064) || in(c, 0x20D0, 0x20FF) || in(c, 0xFE00, 0xFE0F) ||
         in(c, 0xFE20, 0xFE2F) || c == 0xFEFF || in(c, 0xE0100, 0xE01EF);
}

// East Asian Wide (W) and Fullwidth (F) ranges of UAX #11 (Unicode 15), merged.
bool wide(char32_t c) {
  return in(c, 0x1100, 0x115F) || in(c, 0x231A, 0x231B) || in(c, 0x2329, 0x232A) || in(c, 0x23E9, 0x23EC) ||
         in(c, 0x2E80, 0x303E) || in(c, 0x3041, 0x33FF) || in(c, 0x3400, 0x4DBF) || in(c, 0x4E00, 0x9FFF) ||
         in(c, 0xA000, 0xA4CF) || in(c, 0xA960, 0xA97F) || in(c, 0xAC00, 0xD7A3) || in(c, 0xF900, 0xFAFF) ||
         in(c, 0xFE10, 0xFE19) || in(c, 0xFE30, 0xFE6F) || in(c, 0xFF00, 0xFF60) || in(c, 0xFFE0, 0xFFE6) ||
         in(c, 0x1F300, 0x1F64F) || in(c, 0x1F900, 0x1F9FF) || in(c, 0x20000, 0x2FFFD) ||
         in(c, 0x30000, 0x3FFFD);
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = next_code_point(utf8, i);
    if (zero_width(c)) continue;
    w += wide(c) ? 2 : 1;
  }
  return w;
}

std::string pad_display(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

}  // namespace ss
