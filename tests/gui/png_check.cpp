// Checks a GUI screenshot the way a person glancing at it would: the picture is
// not blank, the map area shows streets and resident dots, the side panels are
// there, and (optionally) the error banner, flood water, a micro area's floor, and a
// fire's burning buildings and smoke, and the fire service's lanes, hydrants,
// appliances and hoses are shown. Colours come from
// gui/palette.hpp, the same constants the GUI draws with; dots and streets are
// drawn without blending, so their pixels carry the exact palette colour.
//
//   safestreet-gui-pngcheck FILE [--streets N] [--residents N] [--panels N] [--banner N]
//                                [--water N] [--floor N] [--warmer-than FILE N] [--no-banner]
//                                [--fire N] [--burnt N] [--smoke N] [--put-out N] [--lanes N] [--blocked N]
//                                [--engines N] [--hoses N] [--hydrants N] [--late N] [--closed N]
//                                [--flooded N] [--zone-edges N] [--team-routes N] [--region X0 Y0 X1 Y1]
//                                [--ui-scale X] [--markers-vs FILE UI_SCALE RATIO]
//                                [--timeline-injects N] [--timeline-decisions N] [--heat N]
// Each N is the minimum pixel count; exit 0 when every check passes. --warmer-than
// compares with another screenshot of the same scene: this one must have at least N
// more clearly warm (yellow to red) map pixels (a tint such as the crowding layer's,
// blended over the map, has no exact palette colour). --late counts late residents
// (their vermillion), --closed streets closed by the plan, --flooded streets closed
// by water, --zone-edges zone outlines, --team-routes teams and their routes. --fire counts buildings drawn
// ignited or fully involved, --burnt burnt out, --smoke the grey of the smoke layer, --put-out buildings the
// fire service put out. The fire service's layers: --lanes counts fire lanes drawn in any lane class,
// --blocked this run's blocked lanes, --engines appliances (any kind), --hoses hose and supply lines,
// --hydrants hydrants (working or not). --region limits the fire and fire-service counts to a part of the map
// area, as fractions of its width and height from its top-left corner (e.g. 0.5 0 1 1:
// the eastern half). --ui-scale gives the UI scale the screenshot was taken at: the
// sidebars widen with it (gui/panels.hpp panel_widths), which moves the map area.
// --markers-vs compares with a screenshot of the same view (same centre and zoom,
// script `map_scale`) taken at UI scale UI_SCALE: the map's marks (resident dots, late
// residents, shelter squares and bars) must cover at least RATIO times the pixels
// there, counted in a strip of the narrower map area's width centred in each map area
// (so both counts see the same part of the map). --timeline-injects and
// --timeline-decisions count the timeline scrubber's marks (gui/timeline.cpp) in the
// left panel. --heat counts the heat layer's streets or homes (any heat class's
// colour, maps/heat_classes.hpp, drawn opaque) in the map area.
#include <SFML/Graphics/Image.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>

#include "gui/heat_choice.hpp"
#include "gui/palette.hpp"
#include "gui/panels.hpp"

namespace {

using ss::gui::Rgb;

bool is_street(Rgb c) {
  return c == ss::gui::kStreetMajor || c == ss::gui::kStreetMinor || c == ss::gui::kStreetService ||
         c == ss::gui::kStreetFoot;
}

bool is_resident(Rgb c) {
  for (const Rgb s : ss::gui::kStatusColour)
    if (c == s && !(c == ss::gui::kStatusColour[static_cast<std::size_t>(ss::Status::Sheltered)]))
      return true;
  return false;
}

// Water is blended over whatever lies under it, so its pixels have no exact palette
// colour; they are the only clearly blue map pixels that are not resident dots
// (terrain, buildings and streets are grey to brown, panels are outside the map).
bool is_warm(Rgb c) { return c.r >= 120 && c.r >= c.b + 50; }

// A heat layer's classes are drawn opaque in their exact colours (maps/heat_classes.hpp).
bool is_heat(Rgb c) {
  for (std::size_t h = 1; h < ss::gui::kHeatLayerCount; ++h)
    for (const ss::maps::HeatClass& k : ss::gui::heat_classes(static_cast<ss::gui::HeatLayer>(h)))
      if (c == Rgb{k.colour.r, k.colour.g, k.colour.b}) return true;
  return false;
}

// The fire service's colours are drawn unblended, so exact palette matches.
bool is_lane(Rgb c) {
  using namespace ss::gui;
  return c == kLaneUsable || c == kLaneLimited || c == kLaneClosed || c == kLaneNoVehicles;
}
bool is_engine(Rgb c) {
  for (const Rgb a : ss::gui::kApplianceColour)
    if (c == a) return true;
  return false;
}
bool is_hydrant(Rgb c) { return c == ss::gui::kHydrantWorking || c == ss::gui::kHydrantOut; }
bool is_hose(Rgb c) { return c == ss::gui::kHose || c == ss::gui::kSupplyLine; }

// The marks whose size follows the UI scale: resident dots, late residents, shelters.
bool is_mark(Rgb c) {
  using namespace ss::gui;
  return is_resident(c) || c == kLate || c == kShelterOpen || c == kShelterFull || c == kShelterClosed;
}

bool is_team(Rgb c) {
  for (const Rgb t : ss::gui::kTeamColour)
    if (c == t) return true;
  return false;
}

// Water is blended over the terrain (greys and browns, no blue) and the streets, so
// its pixels are clearly bluer than anything under it.
bool is_water(Rgb c) {
  return !is_resident(c) && !is_engine(c) && !is_hydrant(c) && !is_team(c) &&
         !(c == ss::gui::kStreetFlooded) && c.b >= 90 && c.b >= c.r + 30 && c.b >= c.g + 10;
}

// Buildings on fire are drawn opaque in their state's exact colour.
bool is_fire(Rgb c) { return c == ss::gui::kFireIgnited || c == ss::gui::kFireFull; }

// Smoke is grey blended over the map: nearly colourless and lighter than anything
// the map draws dark (terrain, buildings, background), and not a palette colour
// (grey streets, unaware residents, closed shelters keep theirs exactly). Faint
// haze over dark ground stays below the threshold: what counts is smoke one sees.
bool is_smoke(Rgb c) {
  const int hi = std::max({c.r, c.g, c.b}), lo = std::min({c.r, c.g, c.b});
  return hi - lo <= 16 && (c.r + c.g + c.b) / 3 >= 80 && !is_street(c) && !is_resident(c) &&
         !(c == ss::gui::kShelterClosed) && !(c == ss::gui::kBuildingEdge) && !(c == ss::gui::kSelection) &&
         !(c == ss::gui::kLaneBlocked);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return std::fputs("usage: safestreet-gui-pngcheck FILE [--streets N] ...\n", stderr), 2;
  long min_streets = 200, min_residents = 50, min_panels = 20000, min_banner = 0, min_water = 0,
       min_floor = 0;
  long min_fire = 0, min_burnt = 0, min_smoke = 0, min_put_out = 0;
  long min_lanes = 0, min_blocked = 0, min_engines = 0, min_hoses = 0, min_hydrants = 0;
  long min_late = 0, min_closed = 0, min_flooded = 0, min_zone_edges = 0, min_team_routes = 0;
  long min_timeline_injects = 0, min_timeline_decisions = 0;
  long min_heat = 0;
  double region[4] = {0, 0, 1, 1};  // x0 y0 x1 y1, fractions of the map area
  bool no_banner = false;
  float ui_scale = 1.0f;
  std::string warmer_than;
  long min_warmer = 0;
  std::string marks_vs;
  float marks_vs_scale = 1.0f;
  double marks_ratio = 0;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--no-banner") {
      no_banner = true;
      continue;
    }
    if (a == "--warmer-than") {
      if (i + 2 >= argc) return std::fprintf(stderr, "--warmer-than needs a file and a number\n"), 2;
      warmer_than = argv[++i];
      min_warmer = std::strtol(argv[++i], nullptr, 10);
      continue;
    }
    if (a == "--markers-vs") {
      if (i + 3 >= argc)
        return std::fprintf(stderr, "--markers-vs needs a file, a UI scale and a ratio\n"), 2;
      marks_vs = argv[++i];
      marks_vs_scale = std::strtof(argv[++i], nullptr);
      marks_ratio = std::strtod(argv[++i], nullptr);
      continue;
    }
    if (a == "--ui-scale") {
      if (i + 1 >= argc) return std::fprintf(stderr, "--ui-scale needs a factor\n"), 2;
      ui_scale = std::strtof(argv[++i], nullptr);
      continue;
    }
    if (a == "--region") {
      if (i + 4 >= argc) return std::fprintf(stderr, "--region needs four fractions\n"), 2;
      for (double& r : region) r = std::strtod(argv[++i], nullptr);
      continue;
    }
    if (i + 1 >= argc) return std::fprintf(stderr, "%s needs a number\n", a.c_str()), 2;
    const long v = std::strtol(argv[++i], nullptr, 10);
    if (a == "--streets")
      min_streets = v;
    else if (a == "--residents")
      min_residents = v;
    else if (a == "--panels")
      min_panels = v;
    else if (a == "--banner")
      min_banner = v;
    else if (a == "--water")
      min_water = v;
    else if (a == "--floor")
      min_floor = v;
    else if (a == "--fire")
      min_fire = v;
    else if (a == "--burnt")
      min_burnt = v;
    else if (a == "--smoke")
      min_smoke = v;
    else if (a == "--put-out")
      min_put_out = v;
    else if (a == "--lanes")
      min_lanes = v;
    else if (a == "--blocked")
      min_blocked = v;
    else if (a == "--engines")
      min_engines = v;
    else if (a == "--hoses")
      min_hoses = v;
    else if (a == "--hydrants")
      min_hydrants = v;
    else if (a == "--late")
      min_late = v;
    else if (a == "--closed")
      min_closed = v;
    else if (a == "--flooded")
      min_flooded = v;
    else if (a == "--zone-edges")
      min_zone_edges = v;
    else if (a == "--team-routes")
      min_team_routes = v;
    else if (a == "--timeline-injects")
      min_timeline_injects = v;
    else if (a == "--timeline-decisions")
      min_timeline_decisions = v;
    else if (a == "--heat")
      min_heat = v;
    else
      return std::fprintf(stderr, "unknown option %s\n", a.c_str()), 2;
  }
  sf::Image img;
  if (!img.loadFromFile(argv[1])) return std::fprintf(stderr, "cannot read %s\n", argv[1]), 1;
  const sf::Vector2u size = img.getSize();
  const ss::gui::PanelWidths pw = ss::gui::panel_widths(static_cast<float>(size.x), ui_scale);
  const auto map_x0 = static_cast<unsigned>(pw.left);
  const auto map_x1 = size.x - static_cast<unsigned>(pw.right);
  auto warm_px = [&](const sf::Image& im) {
    long n = 0;
    const sf::Vector2u sz = im.getSize();
    for (unsigned y = 0; y < sz.y; ++y)
      for (unsigned x = map_x0; x < std::min(map_x1, sz.x); ++x) {
        const sf::Color p = im.getPixel(x, y);
        n += is_warm(Rgb{p.r, p.g, p.b});
      }
    return n;
  };

  // The --region rectangle in window pixels.
  const double map_w = map_x1 - map_x0;
  const double rx0 = map_x0 + region[0] * map_w, rx1 = map_x0 + region[2] * map_w;
  const double ry0 = region[1] * size.y, ry1 = region[3] * size.y;
  long streets = 0, residents = 0, panels = 0, banner = 0, water = 0, floor = 0;
  long fire = 0, burnt = 0, smoke = 0, put_out = 0;
  long lanes = 0, blocked = 0, engines = 0, hoses = 0, hydrants = 0;
  long late = 0, closed = 0, flooded = 0, zone_edges = 0, team_routes = 0;
  long timeline_injects = 0, timeline_decisions = 0;
  long heat = 0;
  std::set<std::uint32_t> colours;
  for (unsigned y = 0; y < size.y; ++y) {
    for (unsigned x = 0; x < size.x; ++x) {
      const sf::Color p = img.getPixel(x, y);
      const Rgb c{p.r, p.g, p.b};
      colours.insert(p.toInteger() >> 8);
      if (c == ss::gui::kPanelBg) ++panels;
      if (c == ss::gui::kBannerBg) ++banner;
      if (x < map_x0 && c == ss::gui::kTimelineInject) ++timeline_injects;
      if (x < map_x0 && c == ss::gui::kTimelineDecision) ++timeline_decisions;
      if (x < map_x0 || x >= map_x1) continue;  // the legend repeats the map colours
      if (is_street(c)) ++streets;
      if (is_resident(c)) ++residents;
      if (is_water(c)) ++water;
      if (c == ss::gui::kMicroFloor) ++floor;
      if (c == ss::gui::kLate) ++late;
      if (c == ss::gui::kStreetClosed) ++closed;
      if (c == ss::gui::kStreetFlooded) ++flooded;
      if (c == ss::gui::kZoneEdge) ++zone_edges;
      if (is_team(c)) ++team_routes;
      if (is_heat(c)) ++heat;
      if (x < rx0 || x >= rx1 || y < ry0 || y >= ry1) continue;
      if (is_fire(c)) ++fire;
      if (c == ss::gui::kFireBurntOut) ++burnt;
      if (is_smoke(c)) ++smoke;
      if (c == ss::gui::kFireExtinguished) ++put_out;
      if (is_lane(c)) ++lanes;
      if (c == ss::gui::kLaneBlocked) ++blocked;
      if (is_engine(c)) ++engines;
      if (is_hose(c)) ++hoses;
      if (is_hydrant(c)) ++hydrants;
    }
  }
  std::printf(
      "%s: %ux%u, %zu colours, street px %ld, resident px %ld, panel px %ld, banner px %ld, water px %ld, "
      "micro floor px %ld; in the region: fire px %ld, burnt-out px %ld, smoke px %ld, put-out px %ld, "
      "lane px %ld, blocked-lane px %ld, engine px %ld, hose px %ld, hydrant px %ld; late px %ld, "
      "closed px %ld, flooded px %ld, zone-edge px %ld, team px %ld\n",
      argv[1], size.x, size.y, colours.size(), streets, residents, panels, banner, water, floor, fire, burnt,
      smoke, put_out, lanes, blocked, engines, hoses, hydrants, late, closed, flooded, zone_edges,
      team_routes);
  int failed = 0;
  auto check = [&](bool ok, const char* what) {
    if (!ok) std::printf("FAIL: %s\n", what), ++failed;
  };
  check(colours.size() >= 16, "the picture is (nearly) blank");
  check(streets >= min_streets, "too few street pixels in the map area");
  check(residents >= min_residents, "too few resident dots in the map area");
  check(panels >= min_panels, "side panels missing");
  check(banner >= min_banner, "error banner missing");
  check(water >= min_water, "too few water pixels in the map area");
  check(floor >= min_floor, "too few micro-area floor pixels in the map area");
  check(fire >= min_fire, "too few burning-building pixels in the region");
  check(burnt >= min_burnt, "too few burnt-out building pixels in the region");
  check(smoke >= min_smoke, "too few smoke pixels in the region");
  check(put_out >= min_put_out, "too few put-out building pixels in the region");
  check(lanes >= min_lanes, "too few fire-lane pixels in the region (lanes layer not drawn?)");
  check(blocked >= min_blocked, "too few blocked-lane pixels in the region");
  check(engines >= min_engines, "too few fire-appliance pixels in the region (engines layer not drawn?)");
  check(hoses >= min_hoses, "too few hose-line pixels in the region");
  check(hydrants >= min_hydrants, "too few hydrant pixels in the region");
  check(late >= min_late, "too few late-resident pixels in the map area");
  check(closed >= min_closed, "too few closed-street pixels in the map area");
  check(flooded >= min_flooded, "too few flooded-street pixels in the map area");
  check(zone_edges >= min_zone_edges, "too few zone-outline pixels in the map area");
  check(team_routes >= min_team_routes, "too few team pixels (markers and routes) in the map area");
  std::printf("timeline inject px %ld, decision px %ld\n", timeline_injects, timeline_decisions);
  check(timeline_injects >= min_timeline_injects, "too few inject marks on the timeline");
  check(timeline_decisions >= min_timeline_decisions, "too few decision marks on the timeline");
  std::printf("heat layer px %ld\n", heat);
  check(heat >= min_heat, "too few heat-layer pixels in the map area");
  if (no_banner) check(banner == 0, "an error banner is shown");
  if (!warmer_than.empty()) {
    sf::Image other;
    if (!other.loadFromFile(warmer_than))
      return std::fprintf(stderr, "cannot read %s\n", warmer_than.c_str()), 1;
    const long here = warm_px(img), there = warm_px(other);
    std::printf("warm map px %ld here, %ld in %s\n", here, there, warmer_than.c_str());
    check(here - there >= min_warmer, "not enough more warm tint than the other screenshot");
  }
  if (!marks_vs.empty()) {
    sf::Image other;
    if (!other.loadFromFile(marks_vs)) return std::fprintf(stderr, "cannot read %s\n", marks_vs.c_str()), 1;
    // Each picture's map area, and a strip of the narrower one's width centred in it.
    auto area = [](const sf::Image& im, float scale) {
      const ss::gui::PanelWidths w = ss::gui::panel_widths(static_cast<float>(im.getSize().x), scale);
      return std::pair<long, long>(static_cast<long>(w.left),
                                   static_cast<long>(im.getSize().x) - static_cast<long>(w.right));
    };
    const auto [a0, a1] = area(img, ui_scale);
    const auto [b0, b1] = area(other, marks_vs_scale);
    const long strip = std::min(a1 - a0, b1 - b0);
    auto marks = [&](const sf::Image& im, long x0, long x1) {
      const long from = x0 + (x1 - x0 - strip) / 2;
      long n = 0;
      for (unsigned y = 0; y < im.getSize().y; ++y)
        for (long x = from; x < from + strip; ++x) {
          const sf::Color p = im.getPixel(static_cast<unsigned>(x), y);
          n += is_mark(Rgb{p.r, p.g, p.b});
        }
      return n;
    };
    const long here = marks(img, a0, a1), there = marks(other, b0, b1);
    std::printf("mark px %ld here, %ld in %s (strip %ld px wide)\n", here, there, marks_vs.c_str(), strip);
    check(there > 0 && static_cast<double>(here) >= marks_ratio * static_cast<double>(there),
          "the map's marks are not enough larger than in the other screenshot");
  }
  return failed ? 1 : 0;
}
