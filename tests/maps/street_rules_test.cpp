#include <catch2/catch.hpp>

#include "maps/street_rules.hpp"

using namespace ss;
using namespace ss::maps;

TEST_CASE("other_tags hstore strings are parsed into key/value pairs") {
  const Tags t = parse_hstore(R"("foot"=>"no","width"=>"5 m", "name:de" => "Am \"Markt\"","note"=>NULL)");
  REQUIRE(t.size() == 3);
  CHECK(tag(t, "foot") == "no");
  CHECK(tag(t, "width") == "5 m");
  CHECK(tag(t, "name:de") == "Am \"Markt\"");
  CHECK_FALSE(tag(t, "note"));
  CHECK(parse_hstore("").empty());
}

TEST_CASE("a malformed hstore keeps the pairs read before the damage") {
  const Tags t = parse_hstore(R"("a"=>"1","b"=>"unterminated)");
  REQUIRE(t.size() == 1);
  CHECK(tag(t, "a") == "1");
  CHECK(parse_hstore("garbage").empty());
}

TEST_CASE("widths parse in metres, feet and with a decimal comma, and garbage is ignored") {
  CHECK(parse_width("5").value() == Approx(5.0));
  CHECK(parse_width("5.5").value() == Approx(5.5));
  CHECK(parse_width("5 m").value() == Approx(5.0));
  CHECK(parse_width("3,5").value() == Approx(3.5));
  CHECK(parse_width("16'").value() == Approx(16 * 0.3048));
  CHECK(parse_width("3'6\"").value() == Approx(42 * 0.0254));
  CHECK(parse_width("10 ft").value() == Approx(3.048));
  CHECK_FALSE(parse_width("wide"));
  CHECK_FALSE(parse_width(""));
  CHECK_FALSE(parse_width("0"));
  CHECK_FALSE(parse_width("-2"));
  CHECK_FALSE(parse_width("5;6"));
}

TEST_CASE("ways people may not or cannot walk are dropped, with a reason") {
  CHECK(drop_reason({"motorway", "", "", "", ""}) == "highway=motorway");
  CHECK(drop_reason({"motorway_link", "", "", "", ""}));
  CHECK(drop_reason({"construction", "", "", "", ""}));
  CHECK(drop_reason({"", "", "", "", ""}) == "no highway tag");
  CHECK(drop_reason({"residential", "no", "", "", ""}) == "foot=no");
  CHECK(drop_reason({"service", "", "private", "", ""}) == "access=private");
  CHECK(drop_reason({"trunk", "", "", "yes", ""}) == "motorroad=yes");
  CHECK_FALSE(drop_reason({"service", "yes", "private", "", ""}));
  CHECK_FALSE(drop_reason({"steps", "", "", "", ""}));
  CHECK_FALSE(drop_reason({"footway", "", "", "", ""}));
  CHECK_FALSE(drop_reason({"trunk", "", "", "", ""}));
}

TEST_CASE("default widths grow with the street class") {
  CHECK(default_width(StreetKind::Primary) > default_width(StreetKind::Residential));
  CHECK(default_width(StreetKind::Residential) > default_width(StreetKind::Footway));
  CHECK(default_width(StreetKind::Footway) == Approx(2.0));
  CHECK(default_width(StreetKind::Steps) == Approx(1.5));
  CHECK(default_width(StreetKind::Path) == Approx(1.5));
}
