#include "maps/briefing_map_sheet.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "engine/core/display_text.hpp"
#include "i18n/language.hpp"
#include "maps/gdal_support.hpp"

namespace ss::maps::briefing {
namespace {

// ISO 216 paper sizes in mm, landscape (width, height).
constexpr double kA4[2] = {297.0, 210.0};
constexpr double kA3[2] = {420.0, 297.0};
constexpr double kPointsPerMm = 72.0 / 25.4;  // PDF user space: 1/72 inch (ISO 32000-1, 8.3.2.3)
// DejaVu Sans (fonts-dejavu-core); for Chinese sheets Noto Sans CJK SC (fonts-noto-cjk),
// which has the Latin letters too: Cairo's toy text API draws with one face and no
// per-glyph fallback, so the face must have every glyph of the sheet (scripts/setup.sh).
const char* font_family() {
  return i18n::language() == i18n::Language::ZhCn ? "Noto Sans CJK SC" : "DejaVu Sans";
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t s, const char* what) {
  if (s != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cannot draw the map (") + what + "): " + cairo_status_to_string(s));
}

// The largest 1, 2 or 5 × 10^n not above `v`.
double nice_below(double v) {
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (const double f : {5.0, 2.0, 1.0})
    if (f * p <= v) return f * p;
  return p;
}

std::string metres_text(double m) {
  if (m >= 1000.0) {
    const double km = m / 1000.0;
    char b[32];
    std::snprintf(b, sizeof b, km == std::floor(km) ? "%.0f km" : "%.1f km", km);
    return b;
  }
  char b[32];
  std::snprintf(b, sizeof b, "%.0f m", m);
  return b;
}

}  // namespace

Sheet::Sheet(const SheetOptions& o, const std::string& pdf_title) : format_(o.format) {
  const double* size = o.paper == Paper::A3 ? kA3 : kA4;
  width_ = size[0];
  height_ = size[1];
  if (format_ == SheetFormat::Pdf) {
    units_per_mm_ = kPointsPerMm;
    surface_ =
        cairo_pdf_surface_create_for_stream(append, &bytes_, width_ * kPointsPerMm, height_ * kPointsPerMm);
    // No creation date in the file (an empty value leaves it out, cairo 1.16), so the
    // same run gives the same bytes.
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, "");
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, pdf_title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "SafeStreet");
  } else {
    units_per_mm_ = o.dpi / 25.4;
    surface_ =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(width_ * units_per_mm_)),
                                   static_cast<int>(std::lround(height_ * units_per_mm_)));
  }
  check(cairo_surface_status(surface_), "surface");
  cr_ = cairo_create(surface_);
  check(cairo_status(cr_), "context");
  cairo_scale(cr_, units_per_mm_, units_per_mm_);
  cairo_set_source_rgb(cr_, 1, 1, 1);
  cairo_paint(cr_);
  cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
}

Sheet::~Sheet() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

void Sheet::fill_colour(Colour c) const { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }

double Sheet::text_width(const std::string& s, double size, bool bold) const {
  cairo_save(cr_);
  cairo_select_font_face(cr_, font_family(), CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr_, size);
  cairo_text_extents_t e;
  cairo_text_extents(cr_, s.c_str(), &e);
  cairo_restore(cr_);
  return e.x_advance;
}

double Sheet::text(double x, double y, const std::string& s, double size, bool bold, Align align) {
  const double w = text_width(s, size, bold);
  cairo_save(cr_);
  cairo_select_font_face(cr_, font_family(), CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr_, size);
  cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
  cairo_move_to(cr_, align == Align::Left ? x : align == Align::Centre ? x - w / 2 : x - w, y);
  cairo_show_text(cr_, s.c_str());
  cairo_restore(cr_);
  return w;
}

void Sheet::begin_map(double x, double y, double w, double h, const Box& extent, double margin) {
  fx_ = x;
  fy_ = y;
  fw_ = w;
  fh_ = h;
  const double ew = std::max(extent.max.x - extent.min.x, 1.0) * (1.0 + 2 * margin);
  const double eh = std::max(extent.max.y - extent.min.y, 1.0) * (1.0 + 2 * margin);
  mm_per_m_ = std::min(w / ew, h / eh);
  centre_ = {(extent.min.x + extent.max.x) / 2, (extent.min.y + extent.max.y) / 2};
  cairo_save(cr_);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_clip(cr_);
}

void Sheet::end_map() {
  cairo_restore(cr_);
  cairo_rectangle(cr_, fx_, fy_, fw_, fh_);
  cairo_set_source_rgb(cr_, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr_, 0.3 * k());
  cairo_stroke(cr_);
}

Vec2 Sheet::to_mm(Vec2 m) const {
  return {fx_ + fw_ / 2 + (m.x - centre_.x) * mm_per_m_, fy_ + fh_ / 2 - (m.y - centre_.y) * mm_per_m_};
}

void Sheet::add_polygon(const Polygon& p) const {
  for (const Ring& r : p.rings) {
    if (r.size() < 3) continue;
    const Vec2 a = to_mm(r.front());
    cairo_move_to(cr_, a.x, a.y);
    for (std::size_t i = 1; i < r.size(); ++i) {
      const Vec2 b = to_mm(r[i]);
      cairo_line_to(cr_, b.x, b.y);
    }
    cairo_close_path(cr_);
  }
}

void Sheet::add_line(const std::vector<Vec2>& pts) const {
  if (pts.size() < 2) return;
  const Vec2 a = to_mm(pts.front());
  cairo_move_to(cr_, a.x, a.y);
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const Vec2 b = to_mm(pts[i]);
    cairo_line_to(cr_, b.x, b.y);
  }
}

void Sheet::marker(Vec2 c, double size, Colour col) const {
  cairo_rectangle(cr_, c.x - size / 2, c.y - size / 2, size, size);
  fill_colour(col);
  cairo_fill_preserve(cr_);
  cairo_set_source_rgb(cr_, 0.14, 0.14, 0.14);
  cairo_set_line_width(cr_, 0.25 * k());
  cairo_stroke(cr_);
}

void Sheet::scale_bar() {
  const double metres = nice_below(fw_ / 4 / mm_per_m_);
  const double len = metres * mm_per_m_;
  const double x = fx_ + 5 * k(), y = fy_ + fh_ - 7 * k(), bar = 1.6 * k(), size = 2.6 * k();
  cairo_set_source_rgba(cr_, 1, 1, 1, 0.85);
  cairo_rectangle(cr_, x - 2 * k(), y - 5.5 * k(), len + 24 * k(), bar + 8.5 * k());
  cairo_fill(cr_);
  for (int i = 0; i < 4; ++i) {
    cairo_rectangle(cr_, x + i * len / 4, y, len / 4, bar);
    if (i % 2 == 0)
      cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
    else
      cairo_set_source_rgb(cr_, 1, 1, 1);
    cairo_fill(cr_);
  }
  cairo_rectangle(cr_, x, y, len, bar);
  cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
  cairo_set_line_width(cr_, 0.2 * k());
  cairo_stroke(cr_);
  text(x, y - 1.2 * k(), "0", size, false, Align::Centre);
  text(x + len, y - 1.2 * k(), metres_text(metres), size, false, Align::Centre);
  // The representative fraction on this paper size, to three significant digits.
  const double denominator = 1000.0 / mm_per_m_;
  const double step = std::pow(10.0, std::floor(std::log10(denominator)) - 2);
  text(x + len + 4 * k(), y + bar,
       "1 : " + format_count(static_cast<std::uint64_t>(std::round(denominator / step) * step)), size);
}

void Sheet::north_arrow(const std::string& crs_wkt) {
  // True north at the map's centre: a step north in WGS 84, back in the map's CRS.
  // UTM grid north differs from it by the meridian convergence (up to a few degrees).
  double angle = 0.0;  // radians clockwise from the sheet's up
  try {
    const OGRSpatialReference map = detail::srs_from_wkt(crs_wkt), geo = detail::wgs84();
    Vec2 c = centre_;
    if (detail::Transform(map, geo).apply(c)) {
      Vec2 n{c.x, c.y + 0.01};
      if (detail::Transform(geo, map).apply(n)) angle = std::atan2(n.x - centre_.x, n.y - centre_.y);
    }
  } catch (const std::runtime_error&) {
    angle = 0.0;  // no transformation: grid north
  }
  const double cx = fx_ + fw_ - 9 * k(), cy = fy_ + 12 * k(), len = 7 * k();
  cairo_save(cr_);
  cairo_set_source_rgba(cr_, 1, 1, 1, 0.85);
  cairo_arc(cr_, cx, cy, 7.5 * k(), 0, 2 * std::numbers::pi);
  cairo_fill(cr_);
  cairo_translate(cr_, cx, cy);
  cairo_rotate(cr_, angle);
  cairo_move_to(cr_, 0, -len / 2);
  cairo_line_to(cr_, 2.2 * k(), len / 2);
  cairo_line_to(cr_, 0, len / 4);
  cairo_close_path(cr_);
  cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
  cairo_fill(cr_);
  cairo_move_to(cr_, 0, -len / 2);
  cairo_line_to(cr_, -2.2 * k(), len / 2);
  cairo_line_to(cr_, 0, len / 4);
  cairo_close_path(cr_);
  cairo_set_line_width(cr_, 0.2 * k());
  cairo_stroke(cr_);
  text(0, -len / 2 - 1 * k(), "N", 3 * k(), true, Align::Centre);
  cairo_restore(cr_);
}

void Sheet::legend_fill(double x, double y, Colour c, const std::string& label) {
  cairo_rectangle(cr_, x, y - 2.6 * k(), 5 * k(), 3.2 * k());
  fill_colour(c);
  cairo_fill(cr_);
  text(x + 7 * k(), y, label, 2.8 * k());
}

void Sheet::legend_line(double x, double y, Colour c, double width, const std::string& label, bool dashed) {
  cairo_save(cr_);
  cairo_move_to(cr_, x, y - 1 * k());
  cairo_line_to(cr_, x + 5 * k(), y - 1 * k());
  fill_colour(c);
  cairo_set_line_width(cr_, width);
  if (dashed) {
    const double d[2] = {1.2 * k(), 0.8 * k()};
    cairo_set_dash(cr_, d, 2, 0);
  }
  cairo_stroke(cr_);
  cairo_restore(cr_);
  text(x + 7 * k(), y, label, 2.8 * k());
}

void Sheet::legend_marker(double x, double y, Colour c, const std::string& label) {
  marker({x + 2.5 * k(), y - 1 * k()}, 2.6 * k(), c);
  text(x + 7 * k(), y, label, 2.8 * k());
}

std::string Sheet::finish() {
  cairo_destroy(cr_);
  cr_ = nullptr;
  if (format_ == SheetFormat::Png) {
    cairo_surface_flush(surface_);
    check(cairo_surface_write_to_png_stream(surface_, append, &bytes_), "PNG");
  } else {
    cairo_surface_finish(surface_);
    check(cairo_surface_status(surface_), "PDF");
  }
  cairo_surface_destroy(surface_);
  surface_ = nullptr;
  return std::move(bytes_);
}

SheetTransform Sheet::transform() const {
  SheetTransform t;
  t.scale = mm_per_m_ * units_per_mm_;
  t.centre = centre_;
  t.frame_centre = {(fx_ + fw_ / 2) * units_per_mm_, (fy_ + fh_ / 2) * units_per_mm_};
  return t;
}

// Margins, panel width and row height in mm on A4, grown with the paper (display
// choices that fit the legend and figures of both maps on A4).
Layout page_layout(const Sheet& sheet) {
  const double k = sheet.k();
  Layout l;
  l.margin = 10.0 * k;
  l.panel_w = 72.0 * k;
  l.map_x = l.margin;
  l.map_y = l.margin + 15.0 * k;
  l.map_w = sheet.width() - 2 * l.margin - l.panel_w - 6.0 * k;
  l.map_h = sheet.height() - l.map_y - l.margin - 6.0 * k;
  l.panel_x = sheet.width() - l.margin - l.panel_w;
  l.panel_y = l.map_y + 4.0 * k;
  l.line = 4.6 * k;
  return l;
}

void sheet_texts(Sheet& sheet, const Layout& l, const std::string& title, const std::string& subtitle,
                 const RunFolder& run, const std::string& version) {
  const double k = sheet.k();
  sheet.text(l.margin, l.margin + 5.5 * k, title, 6.0 * k, true);
  sheet.text(l.margin, l.margin + 11.5 * k, subtitle, 3.2 * k);
  std::string credit = tr("\u00a9 OpenStreetMap contributors");
  if (!run.terrain_credit.empty()) credit += " \u00b7 " + run.terrain_credit;
  const double y = sheet.height() - l.margin;
  sheet.text(l.map_x, y, credit, 2.5 * k);
  std::string right = "SafeStreet";
  if (!version.empty()) right += " " + version;
  if (!run.crs_name.empty()) right += " \u00b7 " + run.crs_name;
  sheet.text(l.map_x + l.map_w, y, right, 2.5 * k, false, Align::Right);
}

void figure_row(Sheet& sheet, const Layout& l, double y, const std::string& label, const std::string& value,
                bool bold) {
  sheet.text(l.panel_x, y, label, 2.8 * sheet.k(), bold);
  sheet.text(l.panel_x + l.panel_w, y, value, 2.8 * sheet.k(), bold, Align::Right);
}

}  // namespace ss::maps::briefing
