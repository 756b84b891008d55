#pragma once
// Numbers in the current language's usage: English and Chinese write 12,345.6 (GB/T
// 15835 uses the point as decimal sign), German writes 12.345,6 (DIN 5008: decimal
// comma, point as thousands separator). Built on the one clock, count and share
// format (engine/core/display_text.hpp), with the separators exchanged for German.
// Machine files (CSV, JSON) keep plain numbers and never go through these.
#include <cstdint>
#include <string>

#include "i18n/language.hpp"

namespace ss::i18n {

// The English-formatted number `english` (digits, ',' thousands, '.' decimal) as the
// language `l` writes it.
std::string localize_number(const std::string& english, Language l);

// `value` with `decimals` places and thousands separators: 1,234.5 / 1.234,5.
std::string format_number(double value, int decimals, Language l = language());
// A whole count: 24,997 / 24.997.
std::string format_count(std::uint64_t n, Language l = language());
// A share as ss::format_percent rounds it: ">99.9 %" / ">99,9 %".
std::string format_percent(double fraction, Language l = language());
// "24,997 of 25,000 (>99.9 %)" / "24.997 von 25.000 (>99,9 %)" (ss::format_share's
// form, with the language's "of"); "0 of 0" when there is nobody to count.
std::string format_share(std::uint64_t part, std::uint64_t whole, Language l = language());
// A length in metres or, from 1 km on, kilometres: "850 m", "1.2 km" / "1,2 km".
std::string format_distance(double metres, Language l = language());

}  // namespace ss::i18n
