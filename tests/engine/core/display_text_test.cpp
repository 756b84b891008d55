#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/display_text.hpp"

using namespace ss;

TEST_CASE("Clock text is h:mm:ss rounded to the nearest second everywhere") {
  CHECK(format_clock(0.0) == "0:00:00");
  CHECK(format_clock(444.4) == "0:07:24");
  CHECK(format_clock(444.5) == "0:07:25");
  CHECK(format_clock(59.6) == "0:01:00");
  CHECK(format_clock(43200.0) == "12:00:00");
  CHECK(format_clock(-5.0) == "-0:00:05");
  CHECK(format_clock(std::numeric_limits<double>::infinity()) == "-:--:--");
  CHECK(format_clock(std::numeric_limits<double>::quiet_NaN()) == "-:--:--");
}

TEST_CASE("Counts carry thousands separators") {
  CHECK(format_count(0) == "0");
  CHECK(format_count(999) == "999");
  CHECK(format_count(1000) == "1,000");
  CHECK(format_count(24997) == "24,997");
  CHECK(format_count(1234567) == "1,234,567");
}

TEST_CASE("A share that is not complete never reads 100 percent, one that is not empty never 0") {
  CHECK(format_share(24997, 25000) == "24,997 of 25,000 (>99.9 %)");
  CHECK(format_share(25000, 25000) == "25,000 of 25,000 (100 %)");
  CHECK(format_share(1, 25000) == "1 of 25,000 (<0.1 %)");
  CHECK(format_share(0, 25000) == "0 of 25,000 (0 %)");
  CHECK(format_share(0, 0) == "0 of 0");
  CHECK(format_percent(1, 3) == "33.3 %");
  CHECK(format_percent(0.9996) == ">99.9 %");
  CHECK(format_percent(0.999) == "99.9 %");
  CHECK(format_percent(1.0) == "100 %");
}

TEST_CASE("Display width counts CJK as two columns and combining marks as none") {
  CHECK(display_width("Hauptstrasse") == 12);
  CHECK(display_width("Hauptstraße") == 11);  // ß is two bytes, one column
  CHECK(display_width("Bärenwiese") == 10);
  CHECK(display_width("U\xCC\x88") == 1);  // U + combining diaeresis
  CHECK(display_width("避难所") == 6);     // three wide ideographs
  CHECK(display_width("\xFF") == 1);       // an invalid byte still takes a column
  CHECK(pad_display("避难所", 8) == "避难所  ");
  CHECK(pad_display("Bärenwiese", 12) == "Bärenwiese  ");
  CHECK(pad_display("toolong", 3) == "toolong");
}

TEST_CASE("Memory sizes read in decimal units with two significant digits or more") {
  CHECK(format_bytes(0.0) == "0 B");
  CHECK(format_bytes(512.0) == "512 B");
  CHECK(format_bytes(1500.0) == "1.5 kB");
  CHECK(format_bytes(114e6) == "114 MB");
  CHECK(format_bytes(9.96e6) == "10 MB");
  CHECK(format_bytes(999.6e6) == "1.0 GB");  // never "1000 MB"
  CHECK(format_bytes(1.2e9) == "1.2 GB");
  CHECK(format_bytes(12.6e9) == "13 GB");
  CHECK(format_bytes(628e9) == "628 GB");
  CHECK(format_bytes(3.4e12) == "3.4 TB");
  CHECK(format_bytes(std::nan("")) == "-");
}
