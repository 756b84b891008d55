#pragma once
// Deterministic text for numbers and CSV cells: the same state must give
// byte-identical files on every run, locale and library, so numbers go through
// std::to_chars (shortest round-trip, never locale-dependent) instead of iostreams.
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

namespace ss::output {

// Shortest decimal that reads back to exactly `v`, fixed notation; "" for NaN/inf
// (an empty CSV cell means "not reached" / "not known").
std::string format_number(double v);
std::string format_number(float v);

// A float widened to the double with the same shortest decimal, so 12.3f appears in
// JSON as 12.3 rather than 12.300000190734863. State times are floats; JSON is double.
double tidy(float v);

// A name as part of a column or key name: every space, tab, line break, comma, quote
// and semicolon becomes '_' (runs of them one '_'), so "cell broadcast" gives
// "cell_broadcast"; other characters (umlauts, CJK, hyphens) are kept.
std::string column_key(std::string_view name);

// RFC 4180 quoting: only fields with a comma, quote or line break are quoted. Text a
// spreadsheet would run as a formula (leading =, +, -, @, tab or carriage return) gets
// a leading apostrophe so it is shown as text.
std::string csv_field(std::string_view text);

// Builds a CSV document row by row.
class CsvWriter {
 public:
  CsvWriter& text(std::string_view s);
  CsvWriter& num(double v);
  CsvWriter& num(float v);
  template <std::integral T>
  CsvWriter& num(T v) {
    if constexpr (std::is_same_v<T, bool>)
      return raw(v ? "1" : "0");
    else if constexpr (std::is_signed_v<T>)
      return raw(std::to_string(static_cast<long long>(v)));
    else
      return raw(std::to_string(static_cast<unsigned long long>(v)));
  }
  void end_row();
  [[nodiscard]] std::string take() { return std::move(out_); }

 private:
  CsvWriter& raw(std::string_view s);
  std::string out_;
  bool row_open_ = false;
};

}  // namespace ss::output
