// The briefing map: a run's homes, streets, closures, shelters and zones at one
// simulated time on one sheet, with its legend and key figures (docs/maps.md).
#include "maps/briefing_map.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

#include "engine/core/display_text.hpp"
#include "engine/core/input_error.hpp"
#include "i18n/language.hpp"
#include "i18n/number_format.hpp"
#include "maps/briefing_map_run.hpp"
#include "maps/briefing_map_sheet.hpp"
#include "maps/gdal_support.hpp"

namespace ss::maps {
// Counts and shares as the sheet's language writes them (English: as display_text).
using i18n::format_count;
using i18n::format_share;

namespace {

using briefing::Colour;
using briefing::rgb;

// Homes by state: green for all safe, orange and red as fewer have got away, purple
// for not warned (ColorBrewer RdYlGn and Purples, Brewer 2003), as results.gpkg's
// styles colour time to safety.
constexpr std::array<Colour, kHomeStateCount> kHomeColours = {rgb(26, 150, 65), rgb(253, 174, 97),
                                                              rgb(215, 25, 28), rgb(117, 107, 177)};
constexpr Colour kStreet = rgb(150, 150, 150);
constexpr Colour kClosed = rgb(231, 41, 138);  // ColorBrewer Dark2 magenta: no home colour near it
// Streets a hazard made impassable (water too deep, fire, smoke): near-black and
// dashed, unlike the magenta of a decision and the thin blue dashes of zones (a
// display choice, no colour of the homes' scale near it).
constexpr Colour kImpassable = rgb(37, 37, 37);
constexpr Colour kZone = rgb(70, 70, 140);
// Shelters by how full they are at the map's time, as results.gpkg's "peak use" style.
constexpr Colour kShelterRoom = rgb(255, 255, 255);
constexpr Colour kShelterFilling = rgb(254, 224, 139);
constexpr Colour kShelterFull = rgb(0, 0, 0);
constexpr Colour kShelterClosed = rgb(153, 153, 153);

// Line widths (mm on A4) by street kind: main roads, residential, service, paths
// (display choices, as the sheet's layout in maps/briefing_map_sheet.cpp).
bool overlaps(const Box& a, const Box& b) {
  return a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y;
}

double street_width(const std::string& kind) {
  if (kind == "primary" || kind == "secondary" || kind == "tertiary") return 0.45;
  if (kind == "residential" || kind == "unclassified" || kind == "living_street") return 0.3;
  if (kind == "service" || kind == "pedestrian") return 0.22;
  return 0.14;
}

// Share of places taken (0 for open ground without a capacity).
Colour shelter_colour(const briefing::RunShelter& s, int occupancy, bool closed) {
  if (closed) return kShelterClosed;
  if (s.capacity > 0 && occupancy >= s.capacity) return kShelterFull;
  if (s.capacity > 0 && 2 * occupancy >= s.capacity) return kShelterFilling;
  return kShelterRoom;
}

std::string variant_text(const briefing::RunFolder& run) {
  return run.variant.empty() ? std::string(tr("base plan")) : tr("variant ") + run.variant;
}

}  // namespace

const char* to_string(HomeState s) {
  switch (s) {
    case HomeState::AllSafe: return tr_noop("all safe");
    case HomeState::OnTheWay: return tr_noop("some on the way, not all safe");
    case HomeState::NoneLeft: return tr_noop("warned, none left yet");
    case HomeState::NotWarned: return tr_noop("not warned");
  }
  return "?";
}

BriefingLayers parse_layers(const std::string& text) {
  BriefingLayers l{false, false, false, false, false};
  std::stringstream in(text);
  std::string name;
  bool any = false;
  while (std::getline(in, name, ',')) {
    if (name == "homes")
      l.homes = true;
    else if (name == "shelters")
      l.shelters = true;
    else if (name == "closures")
      l.closures = true;
    else if (name == "streets")
      l.streets = true;
    else if (name == "zones")
      l.zones = true;
    else
      throw InputError(
          "command line", 0, "--layers",
          "unknown layer '" + name + "'; the layers are homes, shelters, closures, streets, zones");
    any = true;
  }
  if (!any) throw InputError("command line", 0, "--layers", "no layers given (e.g. homes,streets)");
  return l;
}

Box parse_extent(const std::string& text) {
  std::array<double, 4> v{};
  std::size_t n = 0;
  std::stringstream in(text);
  std::string part;
  bool ok = true;
  while (std::getline(in, part, ',')) {
    const std::optional<double> x = detail::parse_double(part);
    if (!x || !std::isfinite(*x) || n == v.size()) {
      ok = false;
      break;
    }
    v[n++] = *x;
  }
  if (!ok || n != v.size())
    throw InputError("command line", 0, "--extent",
                     "'" + text + "' is not XMIN,YMIN,XMAX,YMAX (four numbers, metres of the map's CRS)");
  if (!(v[0] < v[2]) || !(v[1] < v[3]))
    throw InputError("command line", 0, "--extent",
                     "'" + text + "' is empty: XMIN must be below XMAX and YMIN below YMAX");
  Box b;
  b.extend({v[0], v[1]});
  b.extend({v[2], v[3]});
  return b;
}

std::string format_extent(const Box& box) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%.1f,%.1f,%.1f,%.1f", box.min.x, box.min.y, box.max.x, box.max.y);
  return buf;
}

SheetResult render_briefing_map(const BriefingRequest& req) {
  const briefing::RunFolder run = briefing::read_run_folder(req.run_dir);
  const double t = req.at.value_or(run.end_time);
  if (t > run.end_time + 1e-9)
    throw InputError("command line", 0, "--at",
                     format_clock(t) + " is after the end of the run in " + req.run_dir + " (" +
                         format_clock(run.end_time) + ")");
  const std::string title =
      req.sheet.title.empty() ? tr("Briefing map \u2014 ") + run.scenario : req.sheet.title;
  briefing::Sheet sheet(req.sheet, title);
  const briefing::Layout l = briefing::page_layout(sheet);
  const double k = sheet.k();
  cairo_t* cr = sheet.cr();
  briefing::sheet_texts(sheet, l, title,
                        i18n::fill(tr("%s \u00b7 %s \u00b7 seed %s \u00b7 at %s of %s"),
                                   {run.scenario, variant_text(run), std::to_string(run.seed),
                                    format_clock(t), format_clock(run.end_time)}),
                        run, req.sheet.version);

  // --- the map --------------------------------------------------------------------------
  if (req.extent && !overlaps(*req.extent, run.extent))
    throw InputError("command line", 0, "--extent",
                     format_extent(*req.extent) + " lies outside the run's map in " + req.run_dir + " (" +
                         format_extent(run.extent) + ")");
  // A chosen area is shown as it is; the whole run keeps 3 % of it free on each side.
  sheet.begin_map(l.map_x, l.map_y, l.map_w, l.map_h, req.extent.value_or(run.extent),
                  req.extent ? 0.0 : 0.03);
  if (req.layers.zones) {
    const double dash[2] = {1.5 * k, 1.0 * k};
    cairo_save(cr);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, 0.25 * k);
    sheet.fill_colour(kZone);
    for (const briefing::RunZone& z : run.zones)
      for (const briefing::Polygon& p : z.parts) sheet.add_polygon(p);
    cairo_stroke(cr);
    cairo_restore(cr);
  }
  if (req.layers.streets) {
    sheet.fill_colour(kStreet);
    for (const briefing::RunStreet& s : run.streets) {
      cairo_set_line_width(cr, street_width(s.kind) * k);
      for (const auto& part : s.parts) sheet.add_line(part);
      cairo_stroke(cr);
    }
  }
  std::array<std::uint64_t, kHomeStateCount> homes_by_state{};
  std::array<std::uint64_t, kHomeStateCount> residents_by_state{};
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (const briefing::RunHome& h : run.homes) {
    const auto s = static_cast<std::size_t>(briefing::home_state_at(h, t));
    ++homes_by_state[s];
    residents_by_state[s] += static_cast<std::uint64_t>(h.residents);
    if (!req.layers.homes) continue;
    for (const briefing::Polygon& p : h.parts) sheet.add_polygon(p);
    sheet.fill_colour(kHomeColours[s]);
    cairo_fill(cr);
  }
  const std::vector<briefing::StreetClosure> closed = briefing::closed_streets_at(run, t);
  std::size_t closed_count = 0, impassable_count = 0;
  bool any_hazard_closure = false;  // at any time of the run: the legend names the line
  for (const briefing::ClosureRow& c : run.closures) any_hazard_closure = any_hazard_closure || c.by_hazard;
  for (std::size_t e = 0; e < closed.size(); ++e) {
    if (closed[e] == briefing::StreetClosure::Open) continue;
    const bool hazard = closed[e] == briefing::StreetClosure::Hazard;
    ++(hazard ? impassable_count : closed_count);
    if (!req.layers.closures) continue;
    for (const auto& part : run.streets[e].parts) sheet.add_line(part);
    cairo_save(cr);
    if (hazard) {
      const double dash[2] = {1.2 * k, 0.8 * k};
      cairo_set_dash(cr, dash, 2, 0);
    }
    sheet.fill_colour(hazard ? kImpassable : kClosed);
    cairo_set_line_width(cr, (hazard ? 0.8 : 1.0) * k);
    cairo_stroke(cr);
    cairo_restore(cr);
  }
  const std::vector<int> occupancy = briefing::occupancy_at(run, t);
  const std::vector<std::uint8_t> shelter_closed = briefing::closed_shelters_at(run, t);
  std::size_t full = 0, with_places = 0, shut = 0;
  for (std::size_t i = 0; i < run.shelters.size(); ++i) {
    const briefing::RunShelter& s = run.shelters[i];
    const int occ = i < occupancy.size() ? occupancy[i] : 0;
    with_places += s.capacity > 0;
    full += s.capacity > 0 && occ >= s.capacity;
    shut += shelter_closed[i];
    if (req.layers.shelters && std::isfinite(s.pos.x))
      sheet.marker(sheet.to_mm(s.pos), 2.0 * k, shelter_colour(s, occ, shelter_closed[i] != 0));
  }
  sheet.scale_bar();
  sheet.north_arrow(run.crs_wkt);
  sheet.end_map();

  // --- legend -------------------------------------------------------------------------------
  const double x = l.panel_x;
  double y = l.panel_y;
  sheet.text(x, y, tr("Legend"), 3.4 * k, true);
  y += l.line * 1.3;
  if (req.layers.homes) {
    sheet.text(x, y, i18n::fill(tr("Homes, by their residents at %s"), {format_clock(t)}), 2.8 * k, true);
    y += l.line;
    for (std::size_t s = 0; s < kHomeStateCount; ++s, y += l.line)
      sheet.legend_fill(x, y, kHomeColours[s], tr(to_string(static_cast<HomeState>(s))));
  }
  if (req.layers.shelters) {
    sheet.text(x, y, tr("Shelters"), 2.8 * k, true);
    y += l.line;
    sheet.legend_marker(x, y, kShelterRoom, tr("under half full"));
    sheet.legend_marker(x, y += l.line, kShelterFilling, tr("half full or more"));
    sheet.legend_marker(x, y += l.line, kShelterFull, tr("full"));
    sheet.legend_marker(x, y += l.line, kShelterClosed, tr("closed"));
    y += l.line;
  }
  if (req.layers.streets) {
    sheet.legend_line(x, y, kStreet, 0.3 * k, tr("street or path"));
    y += l.line;
  }
  if (req.layers.closures) {
    sheet.legend_line(x, y, kClosed, 1.0 * k, tr("street closed (plan, injects)"));
    y += l.line;
    if (any_hazard_closure) {
      sheet.legend_line(x, y, kImpassable, 0.8 * k, tr("street impassable (water, fire, smoke)"), true);
      y += l.line;
    }
  }
  if (req.layers.zones) {
    sheet.legend_line(x, y, kZone, 0.25 * k, tr("zone"), true);
    y += l.line;
  }

  // --- key figures at t -------------------------------------------------------------------
  const briefing::StatusCounts c = briefing::status_at(run, t);
  const std::uint64_t safe = c.by_status[3], moving = c.by_status[2],
                      not_left = c.by_status[0] + c.by_status[1] + c.by_status[4], stranded = c.by_status[5];
  y += l.line * 0.8;
  sheet.text(x, y, i18n::fill(tr("At %s"), {format_clock(t)}), 3.4 * k, true);
  y += l.line * 1.2;
  std::vector<std::pair<std::string, std::string>> rows = {{tr("residents"), format_count(run.residents)},
                                                           {tr("safe"), format_share(safe, run.residents)},
                                                           {tr("on the way"), format_count(moving)},
                                                           {tr("not yet left"), format_count(not_left)}};
  if (stranded > 0) rows.emplace_back(tr("stranded (no way out)"), format_count(stranded));
  rows.emplace_back(tr("homes all safe"), format_share(homes_by_state[0], run.homes.size()));
  rows.emplace_back(tr("shelters full"),
                    i18n::fill(tr("%s of %s"), {format_count(full), format_count(with_places)}));
  if (shut > 0) rows.emplace_back(tr("shelters closed"), format_count(shut));
  rows.emplace_back(tr("streets closed"), format_count(closed_count));
  if (any_hazard_closure) rows.emplace_back(tr("streets impassable"), format_count(impassable_count));
  std::string figures;
  for (const auto& [label, value] : rows) {
    briefing::figure_row(sheet, l, y, label, value);
    y += l.line;
    figures += pad_display(label, 22) + value + "\n";
  }
  if (c.time < t - 1e-9) {
    sheet.text(x, y, i18n::fill(tr("resident counts as at %s (timeline)"), {format_clock(c.time)}), 2.4 * k);
    figures +=
        i18n::fill(tr("(resident counts as at %s, the timeline's last row before)"), {format_clock(c.time)}) +
        "\n";
  }

  SheetResult out;
  out.transform = sheet.transform();
  out.figures_text = std::move(figures);
  out.bytes = sheet.finish();
  return out;
}

}  // namespace ss::maps
