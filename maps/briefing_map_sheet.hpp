#pragma once
// The sheet a briefing map is drawn on: one Cairo drawing in millimetres of paper
// that becomes a vector PDF or a PNG (Cairo: one drawing code for both, fonts through
// fontconfig, no window). Text, the map frame with its transform, the legend's
// swatches, scale bar, north arrow. Internal to maps/briefing_map*.cpp.
#include <cairo.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/world/geometry.hpp"
#include "maps/briefing_map.hpp"
#include "maps/briefing_map_run.hpp"

namespace ss::maps::briefing {

struct Colour {
  double r = 0.0, g = 0.0, b = 0.0;  // 0..1
};
// From 0..255 components, as colour schemes publish them.
constexpr Colour rgb(int r, int g, int b) { return {r / 255.0, g / 255.0, b / 255.0}; }

enum class Align : std::uint8_t { Left, Centre, Right };

class Sheet {
 public:
  // Throws std::runtime_error when Cairo cannot make the surface.
  Sheet(const SheetOptions& options, const std::string& pdf_title);
  ~Sheet();
  Sheet(const Sheet&) = delete;
  Sheet& operator=(const Sheet&) = delete;

  [[nodiscard]] double width() const { return width_; }    // mm
  [[nodiscard]] double height() const { return height_; }  // mm
  // Text and widths grow with the paper: 1 on A4.
  [[nodiscard]] double k() const { return height_ / 210.0; }
  [[nodiscard]] cairo_t* cr() const { return cr_; }

  // Text with its baseline at y (mm); size in mm of the em. Returns its width.
  double text(double x, double y, const std::string& s, double size, bool bold = false,
              Align align = Align::Left);
  [[nodiscard]] double text_width(const std::string& s, double size, bool bold = false) const;

  void fill_colour(Colour c) const;

  // The map frame (mm) showing `extent` (m) enlarged by `margin` (share of each side),
  // whole, centred; drawing inside is clipped to the frame.
  void begin_map(double x, double y, double w, double h, const Box& extent, double margin);
  void end_map();
  [[nodiscard]] Vec2 to_mm(Vec2 m) const;
  [[nodiscard]] double mm_per_m() const { return mm_per_m_; }
  void add_polygon(const Polygon& p) const;  // a path for cairo_fill (even-odd)
  void add_line(const std::vector<Vec2>& pts) const;

  // Map furniture, inside the frame: a scale bar at the bottom left, the north arrow
  // (true north at the map's centre, from its CRS) at the top right.
  void scale_bar();
  void north_arrow(const std::string& crs_wkt);

  // Legend rows: a swatch (filled box, line or square marker) and its label.
  void legend_fill(double x, double y, Colour c, const std::string& label);
  void legend_line(double x, double y, Colour c, double width, const std::string& label, bool dashed = false);
  void legend_marker(double x, double y, Colour c, const std::string& label);
  void marker(Vec2 centre_mm, double size, Colour c) const;

  // The finished file, and where the map's metres landed (in PDF points or PNG pixels).
  std::string finish();
  [[nodiscard]] SheetTransform transform() const;

 private:
  SheetFormat format_;
  double width_ = 0.0, height_ = 0.0;  // mm
  double units_per_mm_ = 1.0;          // PDF points or PNG pixels per mm
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  // Map frame and transform
  double fx_ = 0, fy_ = 0, fw_ = 0, fh_ = 0;  // mm
  double mm_per_m_ = 0.0;
  Vec2 centre_{};
};

// Where things go on a sheet (mm): title and subtitle above, the map frame at the
// left, the panel (legend, key figures) at the right, the footer below.
struct Layout {
  double margin = 0.0;
  double map_x = 0.0, map_y = 0.0, map_w = 0.0, map_h = 0.0;
  double panel_x = 0.0, panel_y = 0.0, panel_w = 0.0;
  double line = 0.0;  // a legend or figures row
};
Layout page_layout(const Sheet& sheet);

// Title, subtitle and the footer: the map data's attribution (© OpenStreetMap
// contributors, the terrain's credit), the CRS and the program's version.
void sheet_texts(Sheet& sheet, const Layout& l, const std::string& title, const std::string& subtitle,
                 const RunFolder& run, const std::string& version);

// A panel row: label at the left, value right-aligned at the panel's right edge.
void figure_row(Sheet& sheet, const Layout& l, double y, const std::string& label, const std::string& value,
                bool bold = false);

}  // namespace ss::maps::briefing
