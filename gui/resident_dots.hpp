#pragma once
// The residents' dots as one map-sized RGBA image, kept from frame to frame: only the
// tiles that a changed dot left or entered are painted again, and only their rows
// need uploading. A tile is painted exactly as a whole repaint paints it (every
// plain dot in resident order, then every late resident's rimmed square in resident
// order, later over earlier), so incremental updates leave the same picture as a
// rebuild from scratch (tests/gui/resident_dots_test.cpp). Free of SFML and GL (the
// caller uploads the rows), so the tests build it without a display.
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "gui/palette.hpp"

namespace ss::gui {

enum class DotKind : std::uint8_t { None, Plain, Late };

// One resident's mark: the top-left corner of its square in px from the image's
// corner (plain: dot px square; late: the rim's outer corner); dots are opaque.
struct DotMark {
  int x = 0, y = 0;
  Rgb colour;
  DotKind kind = DotKind::None;
  bool operator==(const DotMark&) const = default;
};

class ResidentDots {
 public:
  // Tile edge, px: larger than any square the sizes allow (dots up to 8 px and late
  // squares of 7 px, both times a UI scale of at most 3, gui/map_style.hpp), so a
  // square spans at most two tiles each way. Planning assumption: 32 px keeps a
  // tile's repaint small while a whole town at fit zoom has a few hundred tiles.
  static constexpr int kTile = 32;

  // Starts a frame: an image of w × h px for `residents` marks with these square
  // sizes (px). A change of any of them clears every mark and repaints the whole
  // image at finish(); returns true then (every mark must be set again).
  bool begin(unsigned w, unsigned h, int dot, int late, int rim, std::size_t residents);
  // Sets resident i's mark for this frame (unchanged marks cost nothing).
  void set(std::size_t i, const DotMark& m);
  [[nodiscard]] const DotMark& mark(std::size_t i) const { return marks_[i]; }
  // Paints the tiles that changed since the last finish() (the whole image when
  // that is cheaper: one pass over every mark instead of tile by tile).
  void finish();

  [[nodiscard]] const std::vector<std::uint8_t>& pixels() const { return pixels_; }  // RGBA, h rows of w
  [[nodiscard]] unsigned width() const { return w_; }
  [[nodiscard]] unsigned height() const { return h_; }
  // Bands of rows [first, first + count) painted at the last finish(), top to
  // bottom, disjoint: what the texture needs uploading.
  [[nodiscard]] const std::vector<std::pair<unsigned, unsigned>>& painted_rows() const { return rows_; }
  // Tiles painted at the last finish() and whether it repainted everything.
  [[nodiscard]] std::size_t painted_tiles() const { return painted_tiles_; }
  [[nodiscard]] bool repainted_all() const { return repainted_all_; }
  // The smallest rectangle of whole tiles holding every mark, px: x0, y0, x1, y1
  // (empty when x1 <= x0): drawing only it spares the renderer the empty rest.
  [[nodiscard]] std::array<unsigned, 4> occupied() const;
  [[nodiscard]] bool empty() const { return marked_ == 0; }

 private:
  [[nodiscard]] int extent(DotKind k) const { return k == DotKind::Late ? late_ + 2 * rim_ : dot_; }
  [[nodiscard]] std::size_t anchor(const DotMark& m) const;  // tile of the square's clamped corner
  void touch(const DotMark& m);                              // marks the tiles the square covers dirty
  void unlink(std::size_t i);
  void link(std::size_t i);
  void paint_square(int x0, int y0, int size, Rgb c, int cx0, int cy0, int cx1, int cy1);
  void paint_mark(const DotMark& m, int cx0, int cy0, int cx1, int cy1);
  void paint_tile(std::size_t t);
  void paint_all();

  unsigned w_ = 0, h_ = 0;
  int dot_ = 0, late_ = 0, rim_ = 0;
  int tx_ = 0, ty_ = 0;                            // tiles across and down
  bool all_ = true;                                // the next finish() repaints everything
  std::vector<DotMark> marks_;                     // (residents)
  std::vector<std::uint32_t> slot_;                // index in its tile's list, (residents)
  std::vector<std::vector<std::uint32_t>> tiles_;  // residents anchored in each tile, (tiles)
  std::vector<std::uint8_t> dirty_;                // (tiles)
  std::vector<std::uint32_t> dirty_list_;          // tiles to paint
  std::vector<std::uint32_t> gather_;              // scratch: residents painted in one tile
  std::size_t marked_ = 0;                         // marks that are not None
  std::vector<std::uint8_t> pixels_;
  std::vector<std::pair<unsigned, unsigned>> rows_;
  std::size_t painted_tiles_ = 0;
  bool repainted_all_ = false;
};

}  // namespace ss::gui
