#include "maps/street_rules.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

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

TEST_CASE("weight limits parse in tonnes, kilograms and short tons, and none or garbage is no limit") {
  CHECK(parse_weight("7.5").value() == Approx(7.5));
  CHECK(parse_weight("7.5 t").value() == Approx(7.5));
  CHECK(parse_weight("7.5t").value() == Approx(7.5));
  CHECK(parse_weight("7500 kg").value() == Approx(7.5));
  CHECK(parse_weight("3,5").value() == Approx(3.5));
  CHECK(parse_weight("10 st").value() == Approx(9.0718474));
  CHECK(parse_weight("5000 lbs").value() == Approx(2.26796185));
  CHECK_FALSE(parse_weight("none"));
  CHECK_FALSE(parse_weight("default"));
  CHECK_FALSE(parse_weight("heavy"));
  CHECK_FALSE(parse_weight("0"));
  CHECK_FALSE(parse_weight(""));
}

TEST_CASE("height limits parse in metres and feet, and default, none or below_default is no limit") {
  CHECK(parse_height("3.5").value() == Approx(3.5));
  CHECK(parse_height("3.5 m").value() == Approx(3.5));
  CHECK(parse_height("11'6\"").value() == Approx(138 * 0.0254));
  CHECK_FALSE(parse_height("default"));
  CHECK_FALSE(parse_height("none"));
  CHECK_FALSE(parse_height("below_default"));
  CHECK_FALSE(parse_height("low"));
}

TEST_CASE("the carriageway is the width tag, else the lanes at 3 m each and its edge strips, else unknown") {
  const VehicleWay tagged = vehicle_way({{"width", "5.5 m"}, {"lanes", "2"}});
  CHECK(tagged.carriageway == Approx(5.5));
  CHECK(tagged.source == VehicleWay::WidthSource::WidthTag);
  CHECK(vehicle_way({{"width", "7"}, {"width:carriageway", "6"}}).carriageway == Approx(6.0));
  const VehicleWay lanes = vehicle_way({{"lanes", "2"}, {"width", "wide"}});
  CHECK(lanes.carriageway == Approx(6.5));
  CHECK(lanes.source == VehicleWay::WidthSource::Lanes);
  CHECK(vehicle_way({{"lanes", "3"}}).carriageway == Approx(9.5));
  CHECK(vehicle_way({{"lanes", "1"}}).carriageway == Approx(3.5));  // a one-way lane still takes an engine
  const VehicleWay none = vehicle_way({{"highway", "residential"}, {"lanes", "many"}});
  CHECK(std::isnan(none.carriageway));
  CHECK(none.source == VehicleWay::WidthSource::None);
  CHECK(none.parking == 0.0f);
  CHECK(std::isnan(none.maxweight));
  CHECK(std::isnan(none.maxheight));
  CHECK(std::isnan(none.maxwidth));
}

TEST_CASE("weight, height and width limits are read from the way, physical ones when no sign is tagged") {
  const VehicleWay v = vehicle_way({{"maxweight", "7500 kg"}, {"maxheight", "11'6\""}, {"maxwidth", "2"}});
  CHECK(v.maxweight == Approx(7.5));
  CHECK(v.maxheight == Approx(3.5052));
  CHECK(v.maxwidth == Approx(2.0));
  const VehicleWay phys = vehicle_way({{"maxheight:physical", "3.2"}, {"maxwidth:physical", "2.3 m"}});
  CHECK(phys.maxheight == Approx(3.2));
  CHECK(phys.maxwidth == Approx(2.3));
  CHECK(vehicle_way({{"maxheight", "3.8"}, {"maxheight:physical", "3.6"}}).maxheight == Approx(3.8));
  CHECK(std::isnan(vehicle_way({{"maxheight", "default"}, {"maxweight", "none"}}).maxheight));
  CHECK(std::isnan(vehicle_way({{"maxweight", "none"}}).maxweight));
}

TEST_CASE("parked cars of the parking:lane scheme take 2, 4.5 or 5 m a side, half of it half on the kerb") {
  CHECK(vehicle_way({{"parking:lane:both", "parallel"}}).parking == Approx(4.0));
  CHECK(vehicle_way({{"parking:lane:right", "diagonal"}}).parking == Approx(4.5));
  CHECK(vehicle_way({{"parking:lane:left", "perpendicular"}, {"parking:lane:right", "parallel"}}).parking ==
        Approx(7.0));
  CHECK(vehicle_way({{"parking:lane:both", "marked"}}).parking == Approx(4.0));
  CHECK(vehicle_way({{"parking:lane:both", "parallel"}, {"parking:lane:both:parallel", "half_on_kerb"}})
            .parking == Approx(2.0));
  CHECK(vehicle_way({{"parking:lane:both", "parallel"}, {"parking:lane:left:parallel", "on_kerb"}}).parking ==
        Approx(2.0));  // the left side's own position wins over both
  CHECK(vehicle_way({{"parking:lane:right", "diagonal"}, {"parking:lane:right:diagonal", "street_side"}})
            .parking == Approx(0.0));
  CHECK(
      vehicle_way({{"parking:lane:both", "parallel"}, {"parking:lane:both:parallel", "on_street"}}).parking ==
      Approx(4.0));
}

TEST_CASE("no_parking and no_stopping leave the parking:lane carriageway free of cars") {
  CHECK(vehicle_way({{"parking:lane:both", "no_stopping"}}).parking == Approx(0.0));
  CHECK(vehicle_way({{"parking:lane:left", "no_stopping"}, {"parking:lane:right", "no_parking"}}).parking ==
        Approx(0.0));
  CHECK(vehicle_way({{"parking:lane:both", "parallel"}, {"parking:condition:both", "no_parking"}}).parking ==
        Approx(0.0));
  CHECK(vehicle_way({{"parking:lane:both", "parallel"}, {"parking:condition:left", "no_stopping"}}).parking ==
        Approx(2.0));
  CHECK(vehicle_way({{"parking:lane:both", "parallel"}, {"parking:condition:both", "free"}}).parking ==
        Approx(4.0));
}

TEST_CASE("parked cars of the 2022 parking scheme count by position and orientation") {
  CHECK(vehicle_way({{"parking:both", "lane"}}).parking == Approx(4.0));  // parallel unless tagged
  CHECK(vehicle_way({{"parking:right", "lane"}, {"parking:right:orientation", "perpendicular"}}).parking ==
        Approx(5.0));
  CHECK(vehicle_way({{"parking:both", "half_on_kerb"}, {"parking:both:orientation", "diagonal"}}).parking ==
        Approx(4.5));
  CHECK(vehicle_way({{"parking:left", "on_kerb"}, {"parking:right", "street_side"}}).parking == Approx(0.0));
  CHECK(vehicle_way({{"parking:both", "no"}}).parking == Approx(0.0));
  CHECK(vehicle_way({{"parking:both", "separate"}}).parking == Approx(0.0));
  CHECK(vehicle_way({{"parking:both", "lane"}, {"parking:left", "no"}}).parking == Approx(2.0));
  CHECK(vehicle_way({{"parking:both", "lane"}, {"parking:both:restriction", "no_stopping"}}).parking ==
        Approx(0.0));
  // A side in the new scheme ignores the old one; the other side may still use it.
  CHECK(vehicle_way({{"parking:left", "no"}, {"parking:lane:both", "parallel"}}).parking == Approx(2.0));
}

TEST_CASE("the import keeps only the tags vehicle_way reads") {
  CHECK(is_vehicle_key("width"));
  CHECK(is_vehicle_key("lanes"));
  CHECK(is_vehicle_key("maxwidth:physical"));
  CHECK(is_vehicle_key("parking:lane:both:parallel"));
  CHECK(is_vehicle_key("parking:right:orientation"));
  CHECK_FALSE(is_vehicle_key("parking"));
  CHECK_FALSE(is_vehicle_key("surface"));
  CHECK_FALSE(is_vehicle_key("maxspeed"));
}

TEST_CASE("incline tags read as percent, degrees or a bare direction") {
  CHECK(parse_incline("10%")->grade == Approx(0.10));
  CHECK(parse_incline("10%")->sign == 1);
  CHECK(parse_incline("-8 %")->grade == Approx(-0.08));
  CHECK(parse_incline("-8 %")->sign == -1);
  CHECK(parse_incline("10,5%")->grade == Approx(0.105));
  CHECK(parse_incline("12")->grade == Approx(0.12));  // no unit: percent
  CHECK(parse_incline("5\xC2\xB0")->grade == Approx(std::tan(5.0 * std::numbers::pi / 180.0)));
  CHECK(parse_incline("-5 \xC2\xB0")->grade == Approx(-std::tan(5.0 * std::numbers::pi / 180.0)));
  CHECK(parse_incline("3deg")->grade == Approx(std::tan(3.0 * std::numbers::pi / 180.0)));
  CHECK(parse_incline("0%")->sign == 0);
  const auto up = parse_incline("up");
  REQUIRE(up);
  CHECK(up->sign == 1);
  CHECK(std::isnan(up->grade));
  const auto down = parse_incline(" Down ");
  REQUIRE(down);
  CHECK(down->sign == -1);
  CHECK(std::isnan(down->grade));
}

TEST_CASE("unreadable incline tags give no incline, never a crash or a NaN grade") {
  for (const char* s : {"", "steep", "%", "\xC2\xB0", "up;down", "10%%", "nan", "inf%", "1e400", "90\xC2\xB0",
                        "-89deg", "5000%", "12 m", "--5%", "\xFF\xFE"})
    CHECK_FALSE(parse_incline(s).has_value());
}

TEST_CASE("step_count reads a whole number of steps") {
  CHECK(parse_step_count("12") == 12);
  CHECK(parse_step_count(" 3 ") == 3);
  CHECK_FALSE(parse_step_count("0"));
  CHECK_FALSE(parse_step_count("-4"));
  CHECK_FALSE(parse_step_count("12.5"));
  CHECK_FALSE(parse_step_count("many"));
  CHECK_FALSE(parse_step_count("99999"));
}
