#include "output/format.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <system_error>

namespace ss::output {
namespace {

template <class F>
std::string shortest_fixed(F v) {
  if (!std::isfinite(v)) return {};
  // Fixed notation of the largest double needs 309 digits plus sign and point.
  char buf[400];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (res.ec != std::errc{}) return {};
  return {buf, res.ptr};
}

}  // namespace

std::string format_number(double v) { return shortest_fixed(v); }
std::string format_number(float v) { return shortest_fixed(v); }

double tidy(float v) {
  if (!std::isfinite(v)) return static_cast<double>(v);
  const std::string s = shortest_fixed(v);
  double d = 0.0;
  std::from_chars(s.data(), s.data() + s.size(), d);
  return d;
}

std::string csv_field(std::string_view text) {
  // Text from maps and registries that a spreadsheet would take for a formula
  // (=HYPERLINK(...), +, -, @, or a leading tab or carriage return) is prefixed with an
  // apostrophe, so it is shown as the text it is and never run (OWASP, "CSV
  // Injection"). Numbers are written by CsvWriter::num and never pass here.
  std::string guarded;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    guarded.reserve(text.size() + 1);
    guarded.push_back('\'');
    guarded.append(text);
    text = guarded;
  }
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

CsvWriter& CsvWriter::raw(std::string_view s) {
  if (row_open_) out_ += ',';
  out_ += s;
  row_open_ = true;
  return *this;
}

CsvWriter& CsvWriter::text(std::string_view s) { return raw(csv_field(s)); }
CsvWriter& CsvWriter::num(double v) { return raw(format_number(v)); }
CsvWriter& CsvWriter::num(float v) { return raw(format_number(v)); }

void CsvWriter::end_row() {
  out_ += '\n';
  row_open_ = false;
}

std::string column_key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (const char c : name) {
    const bool sep = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '"' || c == ';';
    if (!sep)
      out.push_back(c);
    else if (out.empty() || out.back() != '_')
      out.push_back('_');
  }
  return out;
}

}  // namespace ss::output
