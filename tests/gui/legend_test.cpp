// The map's legend table (gui/legend.hpp): every pair of entries a viewer can see
// at the same time has colours far enough apart to be told apart at a glance.
#include <catch2/catch.hpp>

#include <string>

#include "gui/legend.hpp"

using namespace ss::gui;

TEST_CASE("no two legend entries shown together are too close in colour") {
  int pairs = 0;
  for (const LegendEntry& a : kLegend) {
    for (const LegendEntry& b : kLegend) {
      if (&a >= &b || a.repeats || b.repeats || !shown_together(a.layer, b.layer)) continue;
      ++pairs;
      const double d = delta_e76(a.colour, b.colour);
      INFO(legend_title(a.layer) << ": " << a.label << " vs " << legend_title(b.layer) << ": " << b.label
                                 << ", delta E " << d);
      CHECK(d >= min_delta_e(a, b));
    }
  }
  CHECK(pairs > 1000);  // the check ran over the whole table
}

TEST_CASE("the colour check would have caught the old palette's collisions") {
  // The colours that used to collide: a closed street, the fire team and residents
  // aged 80+ all red; sheltered residents and an open shelter both green.
  CHECK(delta_e76({235, 35, 45}, {255, 60, 40}) < kMinLegendDeltaE);
  CHECK(delta_e76({235, 35, 45}, {255, 80, 80}) < kMinLegendDeltaE);
  CHECK(delta_e76({60, 220, 90}, {70, 230, 120}) < kMinLegendDeltaE);
  CHECK(delta_e76({0, 0, 0}, {255, 255, 255}) == Approx(100.0).margin(0.01));
  CHECK(delta_e76(kStreetClosed, kTeamColour[1]) >= kMinLegendDeltaE);
  CHECK(delta_e76(kStreetClosed, kAgeColour[3]) >= kMinLegendDeltaE);
  CHECK(delta_e76(kStatusColour[3], kShelterOpen) >= kMinLegendDeltaE);
}

TEST_CASE("every layer with a switch has legend entries") {
  for (int l = 0; l <= static_cast<int>(LegendLayer::Engines); ++l) {
    int n = 0;
    for (const LegendEntry& e : kLegend) n += static_cast<int>(e.layer) == l;
    INFO(legend_title(static_cast<LegendLayer>(l)));
    CHECK(n > 0);
  }
}

TEST_CASE("only the resident colourings and the zone measures exclude each other") {
  CHECK_FALSE(shown_together(LegendLayer::ResidentsByState, LegendLayer::ResidentsByAge));
  CHECK_FALSE(shown_together(LegendLayer::ZoneShareSafe, LegendLayer::ZoneT90));
  CHECK(shown_together(LegendLayer::ResidentsByAge, LegendLayer::Teams));
  CHECK(shown_together(LegendLayer::ResidentsByState, LegendLayer::ZoneShareSafe));
  CHECK(shown_together(LegendLayer::Crowding, LegendLayer::Shelters));
}
