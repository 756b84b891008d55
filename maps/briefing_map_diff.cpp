// The difference map of two runs of one map: each home by the change in its
// residents' median time to safety, and the homes everyone left safely in one run
// but not in the other called out (docs/maps.md).
#include <array>
#include <cmath>
#include <map>
#include <numbers>

#include "engine/core/display_text.hpp"
#include "engine/core/input_error.hpp"
#include "i18n/language.hpp"
#include "i18n/number_format.hpp"
#include "maps/briefing_map.hpp"
#include "maps/briefing_map_run.hpp"
#include "maps/briefing_map_sheet.hpp"

namespace ss::maps {
// Counts as the sheet's language writes them (English: as display_text).
using i18n::format_count;

namespace {

using briefing::Colour;
using briefing::rgb;

// Past this change (min) a home is "much" better or worse: the outer bands of the
// diverging scale (a display choice, not a planning figure).
constexpr double kMuchMinutes = 10.0;

// Diverging ColorBrewer RdBu (Brewer 2003): blue earlier, red later; a light grey
// middle (RdBu's own is near white and would vanish on the paper), dark grey for
// homes without a time in one run.
constexpr std::array<Colour, kHomeChangeCount> kChangeColours = {rgb(5, 113, 176),   rgb(146, 197, 222),
                                                                 rgb(210, 210, 210), rgb(244, 165, 130),
                                                                 rgb(202, 0, 32),    rgb(64, 64, 64)};
constexpr Colour kNoLongerSafe = rgb(202, 0, 32);
constexpr Colour kNowSafe = rgb(26, 150, 65);
constexpr Colour kStreet = rgb(185, 185, 185);

std::string run_label(const briefing::RunFolder& r) {
  return i18n::fill(tr("%s (seed %s)"),
                    {r.variant.empty() ? std::string(tr("base plan")) : r.variant, std::to_string(r.seed)});
}

// Same map: the same CRS and the same streets, point for point.
void check_same_map(const briefing::RunFolder& a, const briefing::RunFolder& b,
                    const DifferenceRequest& req) {
  auto refuse = [&](const std::string& why) {
    throw InputError(req.other_dir, 0, "--compare",
                     "not a run on the same map as " + req.run_dir + ": " + why);
  };
  if (a.crs_wkt != b.crs_wkt) refuse("the map CRSs differ (" + a.crs_name + ", " + b.crs_name + ")");
  if (a.streets.size() != b.streets.size())
    refuse(std::to_string(b.streets.size()) + " streets against " + std::to_string(a.streets.size()));
  for (std::size_t e = 0; e < a.streets.size(); ++e)
    if (a.streets[e].parts != b.streets[e].parts) refuse("street " + std::to_string(e) + " differs");
}

void ring_around(briefing::Sheet& sheet, const briefing::RunHome& h, Colour c) {
  Box box;
  for (const briefing::Polygon& p : h.parts)
    for (const Vec2 v : p.rings.front()) box.extend(v);
  const Vec2 centre = sheet.to_mm({(box.min.x + box.max.x) / 2, (box.min.y + box.max.y) / 2});
  cairo_t* cr = sheet.cr();
  cairo_new_sub_path(cr);
  cairo_arc(cr, centre.x, centre.y, 1.8 * sheet.k(), 0, 2 * std::numbers::pi);
  sheet.fill_colour(c);
  cairo_set_line_width(cr, 0.45 * sheet.k());
  cairo_stroke(cr);
}

}  // namespace

const char* to_string(HomeChange c) {
  switch (c) {
    case HomeChange::MuchBetter: return "much earlier";
    case HomeChange::Better: return "earlier";
    case HomeChange::Unchanged: return "unchanged";
    case HomeChange::Worse: return "later";
    case HomeChange::MuchWorse: return "much later";
    case HomeChange::NoTime: return "nobody safe in one run";
  }
  return "?";
}

SheetResult render_difference_map(const DifferenceRequest& req) {
  const briefing::RunFolder a = briefing::read_run_folder(req.run_dir);
  const briefing::RunFolder b = briefing::read_run_folder(req.other_dir);
  check_same_map(a, b, req);
  const double thr = req.unchanged_min;
  std::map<std::string, std::size_t> in_b;
  for (std::size_t i = 0; i < b.homes.size(); ++i) in_b.emplace(b.homes[i].key, i);

  const std::string title =
      req.sheet.title.empty() ? tr("Difference map \u2014 ") + a.scenario : req.sheet.title;
  briefing::Sheet sheet(req.sheet, title);
  const briefing::Layout l = briefing::page_layout(sheet);
  const double k = sheet.k();
  cairo_t* cr = sheet.cr();
  char english_band[64];
  std::snprintf(english_band, sizeof english_band, "%g", thr);
  const std::string band = i18n::localize_number(english_band, i18n::language());
  briefing::sheet_texts(
      sheet, l, title,
      i18n::fill(tr("%s against %s \u00b7 median time to safety per home, unchanged within \u00b1%s min"),
                 {run_label(b), run_label(a), band}),
      a, req.sheet.version);

  Box extent = a.extent;
  extent.extend(b.extent.min);
  extent.extend(b.extent.max);
  sheet.begin_map(l.map_x, l.map_y, l.map_w, l.map_h, extent, 0.03);
  sheet.fill_colour(kStreet);
  cairo_set_line_width(cr, 0.18 * k);
  for (const briefing::RunStreet& s : a.streets)
    for (const auto& part : s.parts) sheet.add_line(part);
  cairo_stroke(cr);

  std::array<std::uint64_t, kHomeChangeCount> counts{};
  std::uint64_t only_a = 0, only_b = 0, unmatched = 0;
  std::vector<const briefing::RunHome*> lost, won;
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (const briefing::RunHome& h : a.homes) {
    const auto it = in_b.find(h.key);
    if (it == in_b.end()) {
      ++unmatched;
      continue;
    }
    const briefing::RunHome& o = b.homes[it->second];
    HomeChange c = HomeChange::NoTime;
    if (!std::isnan(h.safe_median_min) && !std::isnan(o.safe_median_min)) {
      const double d = o.safe_median_min - h.safe_median_min;
      c = std::abs(d) <= thr  ? HomeChange::Unchanged
          : d < -kMuchMinutes ? HomeChange::MuchBetter
          : d < 0             ? HomeChange::Better
          : d > kMuchMinutes  ? HomeChange::MuchWorse
                              : HomeChange::Worse;
    }
    ++counts[static_cast<std::size_t>(c)];
    if (h.not_safe == 0 && o.not_safe > 0) {
      ++only_a;
      lost.push_back(&h);
    }
    if (h.not_safe > 0 && o.not_safe == 0) {
      ++only_b;
      won.push_back(&h);
    }
    for (const briefing::Polygon& p : h.parts) sheet.add_polygon(p);
    sheet.fill_colour(kChangeColours[static_cast<std::size_t>(c)]);
    cairo_fill(cr);
  }
  for (const briefing::RunHome* h : lost) ring_around(sheet, *h, kNoLongerSafe);
  for (const briefing::RunHome* h : won) ring_around(sheet, *h, kNowSafe);
  sheet.scale_bar();
  sheet.north_arrow(a.crs_wkt);
  sheet.end_map();

  const double x = l.panel_x;
  double y = l.panel_y;
  sheet.text(x, y, tr("Legend"), 3.4 * k, true);
  y += l.line * 1.3;
  sheet.text(x, y, tr("Homes: median time to safety"), 2.8 * k, true);
  y += l.line;
  char english_much[32];
  std::snprintf(english_much, sizeof english_much, "%g", kMuchMinutes);
  const std::string much = i18n::localize_number(english_much, i18n::language());
  const std::array<std::string, kHomeChangeCount> labels = {
      i18n::fill(tr("more than %s min earlier"), {much}),
      i18n::fill(tr("%s to %s min earlier"), {band, much}),
      i18n::fill(tr("within \u00b1%s min"), {band}),
      i18n::fill(tr("%s to %s min later"), {band, much}),
      i18n::fill(tr("more than %s min later"), {much}),
      tr("nobody safe in one of the runs")};
  for (std::size_t c = 0; c < kHomeChangeCount; ++c, y += l.line)
    sheet.legend_fill(x, y, kChangeColours[c], labels[c]);
  const auto legend_ring = [&](Colour c, const std::string& label) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + 2.5 * k, y - 1 * k, 1.6 * k, 0, 2 * std::numbers::pi);
    sheet.fill_colour(c);
    cairo_set_line_width(cr, 0.45 * k);
    cairo_stroke(cr);
    sheet.text(x + 7 * k, y, label, 2.8 * k);
    y += l.line;
  };
  legend_ring(kNoLongerSafe, tr("all safe only in the reference run"));
  legend_ring(kNowSafe, tr("all safe only in the compared run"));

  y += l.line * 0.8;
  sheet.text(x, y, i18n::fill(tr("Homes (%s)"), {format_count(a.homes.size())}), 3.4 * k, true);
  y += l.line * 1.2;
  std::string figures;
  const auto row = [&](const std::string& label, std::uint64_t n) {
    briefing::figure_row(sheet, l, y, label, format_count(n));
    y += l.line;
    figures += pad_display(label, 34) + format_count(n) + "\n";
  };
  row(tr("earlier"), counts[0] + counts[1]);
  row(tr("unchanged"), counts[2]);
  row(tr("later"), counts[3] + counts[4]);
  row(tr("nobody safe in one run"), counts[5]);
  row(tr("all safe in the reference only"), only_a);
  row(tr("all safe in the compared run only"), only_b);
  if (unmatched > 0) row(tr("homes in the reference only"), unmatched);
  y += l.line * 0.5;
  sheet.text(x, y, i18n::fill(tr("reference: %s"), {req.run_label.empty() ? a.dir : req.run_label}), 2.3 * k);
  sheet.text(x, y + l.line * 0.8,
             i18n::fill(tr("compared: %s"), {req.other_label.empty() ? b.dir : req.other_label}), 2.3 * k);

  SheetResult out;
  out.transform = sheet.transform();
  out.figures_text = std::move(figures);
  out.bytes = sheet.finish();
  return out;
}

}  // namespace ss::maps
