#include "gui/resident_dots.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

namespace ss::gui {
namespace {
constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();
}  // namespace

bool ResidentDots::begin(unsigned w, unsigned h, int dot, int late, int rim, std::size_t residents) {
  w = std::max(w, 1u);
  h = std::max(h, 1u);
  if (w == w_ && h == h_ && dot == dot_ && late == late_ && rim == rim_ && residents == marks_.size())
    return false;
  w_ = w, h_ = h, dot_ = dot, late_ = late, rim_ = rim;
  tx_ = (static_cast<int>(w) + kTile - 1) / kTile;
  ty_ = (static_cast<int>(h) + kTile - 1) / kTile;
  marks_.assign(residents, DotMark{});
  slot_.assign(residents, kNoSlot);
  tiles_.assign(static_cast<std::size_t>(tx_) * static_cast<std::size_t>(ty_), {});
  dirty_.assign(tiles_.size(), 0);
  dirty_list_.clear();
  marked_ = 0;
  pixels_.assign(std::size_t{4} * w * h, 0);
  all_ = true;
  return true;
}

std::size_t ResidentDots::anchor(const DotMark& m) const {
  const int x = std::clamp(m.x, 0, static_cast<int>(w_) - 1) / kTile;
  const int y = std::clamp(m.y, 0, static_cast<int>(h_) - 1) / kTile;
  return static_cast<std::size_t>(y) * static_cast<std::size_t>(tx_) + static_cast<std::size_t>(x);
}

void ResidentDots::touch(const DotMark& m) {
  if (m.kind == DotKind::None) return;
  const int size = extent(m.kind);
  const int xa = std::max(m.x, 0), xb = std::min(m.x + size, static_cast<int>(w_));
  const int ya = std::max(m.y, 0), yb = std::min(m.y + size, static_cast<int>(h_));
  if (xa >= xb || ya >= yb) return;
  for (int ty = ya / kTile; ty <= (yb - 1) / kTile; ++ty)
    for (int tx = xa / kTile; tx <= (xb - 1) / kTile; ++tx) {
      const std::size_t t =
          static_cast<std::size_t>(ty) * static_cast<std::size_t>(tx_) + static_cast<std::size_t>(tx);
      if (dirty_[t]) continue;
      dirty_[t] = 1;
      dirty_list_.push_back(static_cast<std::uint32_t>(t));
    }
}

void ResidentDots::unlink(std::size_t i) {
  if (slot_[i] == kNoSlot) return;
  std::vector<std::uint32_t>& list = tiles_[anchor(marks_[i])];
  const std::uint32_t last = list.back();
  list[slot_[i]] = last;
  slot_[last] = slot_[i];
  list.pop_back();
  slot_[i] = kNoSlot;
}

void ResidentDots::link(std::size_t i) {
  if (marks_[i].kind == DotKind::None) return;
  std::vector<std::uint32_t>& list = tiles_[anchor(marks_[i])];
  slot_[i] = static_cast<std::uint32_t>(list.size());
  list.push_back(static_cast<std::uint32_t>(i));
}

void ResidentDots::set(std::size_t i, const DotMark& m) {
  DotMark& old = marks_[i];
  if (old == m) return;
  if (!all_) {
    touch(old);
    touch(m);
  }
  marked_ -= old.kind != DotKind::None ? 1 : 0;
  marked_ += m.kind != DotKind::None ? 1 : 0;
  const bool relink = old.kind == DotKind::None || m.kind == DotKind::None || anchor(old) != anchor(m);
  if (relink) unlink(i);
  old = m;
  if (relink) link(i);
}

void ResidentDots::paint_square(int x0, int y0, int size, Rgb c, int cx0, int cy0, int cx1, int cy1) {
  const int xa = std::max(x0, cx0), xb = std::min(x0 + size, cx1);
  const int ya = std::max(y0, cy0), yb = std::min(y0 + size, cy1);
  for (int y = ya; y < yb; ++y) {
    std::uint8_t* px = &pixels_[4 * (static_cast<std::size_t>(y) * w_ + static_cast<std::size_t>(xa))];
    for (int x = xa; x < xb; ++x, px += 4) {
      px[0] = c.r;
      px[1] = c.g;
      px[2] = c.b;
      px[3] = 255;
    }
  }
}

void ResidentDots::paint_mark(const DotMark& m, int cx0, int cy0, int cx1, int cy1) {
  if (m.kind == DotKind::Plain) {
    paint_square(m.x, m.y, dot_, m.colour, cx0, cy0, cx1, cy1);
  } else if (m.kind == DotKind::Late) {
    // The dark rim, then the square inside it (gui/map_style.hpp).
    paint_square(m.x, m.y, late_ + 2 * rim_, Rgb{10, 10, 10}, cx0, cy0, cx1, cy1);
    paint_square(m.x + rim_, m.y + rim_, late_, m.colour, cx0, cy0, cx1, cy1);
  }
}

void ResidentDots::paint_tile(std::size_t t) {
  const int tx = static_cast<int>(t % static_cast<std::size_t>(tx_)),
            ty = static_cast<int>(t / static_cast<std::size_t>(tx_));
  const int cx0 = tx * kTile, cy0 = ty * kTile;
  const int cx1 = std::min(cx0 + kTile, static_cast<int>(w_)),
            cy1 = std::min(cy0 + kTile, static_cast<int>(h_));
  for (int y = cy0; y < cy1; ++y)
    std::memset(&pixels_[4 * (static_cast<std::size_t>(y) * w_ + static_cast<std::size_t>(cx0))], 0,
                std::size_t{4} * static_cast<std::size_t>(cx1 - cx0));
  // The squares that reach into this tile are anchored in it or in the tiles up to
  // `reach` to its left and above.
  const int reach = (std::max(dot_, late_ + 2 * rim_) - 1 + kTile - 1) / kTile;
  gather_.clear();
  for (int ay = std::max(ty - reach, 0); ay <= ty; ++ay)
    for (int ax = std::max(tx - reach, 0); ax <= tx; ++ax)
      for (const std::uint32_t i : tiles_[static_cast<std::size_t>(ay) * static_cast<std::size_t>(tx_) +
                                          static_cast<std::size_t>(ax)])
        gather_.push_back(i);
  // The whole repaint's order: plain dots by resident, then late ones by resident.
  auto late_last = [&](std::uint32_t a, std::uint32_t b) {
    const bool la = marks_[a].kind == DotKind::Late, lb = marks_[b].kind == DotKind::Late;
    return la != lb ? lb : a < b;
  };
  std::sort(gather_.begin(), gather_.end(), late_last);
  for (const std::uint32_t i : gather_) paint_mark(marks_[i], cx0, cy0, cx1, cy1);
}

void ResidentDots::paint_all() {
  std::fill(pixels_.begin(), pixels_.end(), std::uint8_t{0});
  const int w = static_cast<int>(w_), h = static_cast<int>(h_);
  for (const DotMark& m : marks_)
    if (m.kind == DotKind::Plain) paint_mark(m, 0, 0, w, h);
  for (const DotMark& m : marks_)
    if (m.kind == DotKind::Late) paint_mark(m, 0, 0, w, h);
}

void ResidentDots::finish() {
  rows_.clear();
  painted_tiles_ = 0;
  // A tile's repaint clears the tile, then gathers, sorts and paints the marks
  // anchored in it and its neighbours; the whole repaint clears the image and paints
  // every mark once. Costs in "marks painted", planning assumption from a profile of
  // the 250,000-resident town: sorting and painting a gathered mark ~4, clearing 64
  // pixels ~1.
  const std::size_t whole = marked_ + std::size_t{w_} * h_ / 64;
  std::size_t by_tile = 0;
  if (!all_) {
    const int reach = (std::max(dot_, late_ + 2 * rim_) - 1 + kTile - 1) / kTile;
    for (const std::uint32_t t : dirty_list_) {
      const int tx = static_cast<int>(t % static_cast<std::uint32_t>(tx_));
      const int ty = static_cast<int>(t / static_cast<std::uint32_t>(tx_));
      by_tile += kTile * kTile / 64;
      for (int ay = std::max(ty - reach, 0); ay <= ty; ++ay)
        for (int ax = std::max(tx - reach, 0); ax <= tx; ++ax)
          by_tile += 4 * tiles_[static_cast<std::size_t>(ay) * static_cast<std::size_t>(tx_) +
                                static_cast<std::size_t>(ax)]
                             .size();
      if (by_tile > whole) break;
    }
  }
  repainted_all_ = all_ || by_tile > whole;
  if (repainted_all_) {
    paint_all();
    for (const std::uint32_t t : dirty_list_) dirty_[t] = 0;
    dirty_list_.clear();
    rows_.emplace_back(0u, h_);
    painted_tiles_ = tiles_.size();
    all_ = false;
    return;
  }
  // Row by row of tiles so the bands come out top to bottom.
  std::sort(dirty_list_.begin(), dirty_list_.end());
  for (const std::uint32_t t : dirty_list_) {
    paint_tile(t);
    dirty_[t] = 0;
    const auto y0 = static_cast<unsigned>(t / static_cast<std::uint32_t>(tx_)) * static_cast<unsigned>(kTile);
    const unsigned y1 = std::min(y0 + static_cast<unsigned>(kTile), h_);
    if (!rows_.empty() && rows_.back().first + rows_.back().second >= y0) {
      rows_.back().second = std::max(rows_.back().first + rows_.back().second, y1) - rows_.back().first;
    } else {
      rows_.emplace_back(y0, y1 - y0);
    }
  }
  painted_tiles_ = dirty_list_.size();
  dirty_list_.clear();
}

std::array<unsigned, 4> ResidentDots::occupied() const {
  int x0 = tx_, y0 = ty_, x1 = -1, y1 = -1;
  for (int ty = 0; ty < ty_; ++ty)
    for (int tx = 0; tx < tx_; ++tx) {
      if (tiles_[static_cast<std::size_t>(ty) * static_cast<std::size_t>(tx_) + static_cast<std::size_t>(tx)]
              .empty())
        continue;
      x0 = std::min(x0, tx), y0 = std::min(y0, ty), x1 = std::max(x1, tx), y1 = std::max(y1, ty);
    }
  if (x1 < 0) return {0, 0, 0, 0};
  // A square reaches up to `reach` tiles right of and below its anchor.
  const int reach = (std::max(dot_, late_ + 2 * rim_) - 1 + kTile - 1) / kTile;
  auto px = [](int tiles, unsigned limit) { return std::min(static_cast<unsigned>(tiles * kTile), limit); };
  return {px(x0, w_), px(y0, h_), px(x1 + 1 + reach, w_), px(y1 + 1 + reach, h_)};
}

}  // namespace ss::gui
