#pragma once
// Text people read: one clock format, one way to write counts and shares, and the
// width a string takes on a terminal. The command line, the GUI and the reports all
// go through these, so a time or a share reads the same wherever it is shown.
// (Machine files — CSV, JSON, GeoPackage — keep plain numbers: output/format.hpp.)
#include <cstdint>
#include <string>
#include <string_view>

namespace ss {

// Simulated time as h:mm:ss, rounded to the nearest second (half away from zero),
// e.g. 0:07:24, 12:00:00, -0:00:05. Not finite: "-:--:--".
std::string format_clock(double seconds);

// A whole count with thousands separators: 24,997.
std::string format_count(std::uint64_t n);

// A share as a percentage with one decimal that never rounds to a result it is not:
// 100 % only when every one is counted, 0 % only when none is (24,997 of 25,000 is
// ">99.9 %", 1 of 25,000 is "<0.1 %"). `fraction` outside [0, 1] is shown as is.
std::string format_percent(double fraction);
std::string format_percent(std::uint64_t part, std::uint64_t whole);

// "24,997 of 25,000 (>99.9 %)"; "0 of 0" when there is nobody to count.
std::string format_share(std::uint64_t part, std::uint64_t whole);

// An amount of memory in decimal (SI) units with two significant digits or more:
// 950 kB, 75 MB, 1.2 GB, 12 GB, 3.4 TB ("0 B" for nothing; not finite: "-").
std::string format_bytes(double bytes);

// Columns a UTF-8 string takes on a terminal or in a fixed-width table: East Asian
// wide and full-width characters take two (Unicode UAX #11, W and F), combining marks
// and zero-width characters none, every other code point one. Invalid bytes count
// one each.
std::size_t display_width(std::string_view utf8);

// `text` followed by spaces up to `width` display columns (never cut).
std::string pad_display(std::string_view text, std::size_t width);

}  // namespace ss
