// The residents' layer of the map: dots (or, zoomed in on a micro area, discs of
// the body size), the selection ring and a micro area's crowding tint.
#include <algorithm>
#include <cmath>

#include "engine/movement/micro/micro_geometry.hpp"
#include "gui/late_residents.hpp"
#include "gui/map_shapes.hpp"
#include "gui/map_style.hpp"
#include "gui/map_view.hpp"
#include "gui/resident_positions.hpp"

namespace ss::gui {
namespace {

Rgb resident_colour(const Model& m, const SimState& s, std::size_t i, ColourBy by) {
  switch (by) {
    case ColourBy::AgeBand: return kAgeColour[static_cast<std::size_t>(age_band(m.population.age[i]))];
    case ColourBy::Mobility: return kMobilityColour[static_cast<std::size_t>(m.population.mobility[i])];
    case ColourBy::State: break;
  }
  return kStatusColour[static_cast<std::size_t>(s.status[i])];
}

}  // namespace

void MapView::prepare_residents(const Model& m, const SimState& s, const ViewState& v) {
  positions_.update(m, s);
  const std::vector<Vec2>& pos = positions_.positions();
  const std::vector<std::uint8_t>& changed = positions_.changed();
  ring_overlay_.clear();
  body_overlay_.clear();
  const sf::FloatRect vp = camera_.viewport();
  const style::MapSizes& z = sizes_;
  dot_size_ = z.dot;
  late_size_ = z.late_dot;
  late_rim_ = z.late_rim;
  const float half = static_cast<float>(dot_size_) / 2;
  const bool bodies = m.movement == MovementKind::Micro;
  const double now = s.time(m.run.dt), deadline = late_deadline(m);
  const DotView view{camera_.center().x,
                     camera_.center().y,
                     camera_.scale(),
                     vp.left,
                     vp.top,
                     vp.width,
                     vp.height,
                     dot_size_,
                     late_size_,
                     late_rim_,
                     v.colour_by,
                     v.layers.residents,
                     v.layers.sheltered_residents,
                     v.layers.late_residents && now > deadline,
                     bodies,
                     model_serial_};
  // A new view makes every mark again; so do bodies drawn at their true size, which
  // are rebuilt as triangles every frame.
  const bool cleared = dots_.begin(static_cast<unsigned>(std::max(1.0f, vp.width)),
                                   static_cast<unsigned>(std::max(1.0f, vp.height)), dot_size_, late_size_,
                                   late_rim_, pos.size());
  const bool all = cleared || !dot_view_ok_ || !(view == dot_view_) || bodies;
  dot_view_ = view;
  dot_view_ok_ = true;
  drawn_.resize(pos.size(), 0);
  late_count_ = 0;
  const float lh = static_cast<float>(late_size_) / 2 + static_cast<float>(late_rim_);
  for (std::size_t i = 0; i < pos.size(); ++i) {
    if (!all && !changed[i]) {
      late_count_ += dots_.mark(i).kind == DotKind::Late ? 1 : 0;
      continue;
    }
    DotMark mark;
    drawn_[i] = 0;
    const sf::Vector2f p = camera_.to_screen(pos[i]);
    const bool shown =
        v.layers.residents && (s.status[i] != Status::Sheltered || v.layers.sheltered_residents);
    if (shown && vp.contains(p)) {
      const bool late = view.past_deadline && s.status[i] != Status::Sheltered;
      drawn_[i] = 1;
      bool body = false;
      if (bodies) {
        // Zoomed in on a micro area, a resident is drawn as its body: a disc of the
        // body radius the model moves (MicroParams, by profile).
        const auto r_px = static_cast<float>(
            body_radius(m.population.age[i], m.population.mobility[i], m.params.micro) * camera_.scale());
        if (2 * r_px > static_cast<float>(dot_size_)) {
          append_disc(body_overlay_, p, r_px, to_sf(late ? kLate : resident_colour(m, s, i, v.colour_by)));
          body = true;
        }
      }
      // Snap to whole pixels so dots keep their exact colour (no blending at edges);
      // kept relative to the map area's corner. Late residents larger, rimmed and in
      // one colour, over every other dot.
      if (!body && late) {
        mark = {static_cast<int>(std::round(p.x - lh) - vp.left),
                static_cast<int>(std::round(p.y - lh) - vp.top), kLate, DotKind::Late};
      } else if (!body) {
        mark = {static_cast<int>(std::round(p.x - half) - vp.left),
                static_cast<int>(std::round(p.y - half) - vp.top), resident_colour(m, s, i, v.colour_by),
                DotKind::Plain};
      }
      late_count_ += late ? 1 : 0;
    }
    dots_.set(i, mark);
  }
  dots_.finish();
  // The rows the texture has yet to receive (kept until draw_residents uploads them).
  for (const auto& [first, count] : dots_.painted_rows()) {
    if (upload_hi_ <= upload_lo_) upload_lo_ = first, upload_hi_ = first;
    upload_lo_ = std::min(upload_lo_, first);
    upload_hi_ = std::max(upload_hi_, first + count);
  }
  if (v.selection.kind == Selection::Kind::Resident && v.selection.id < pos.size()) {
    const sf::Vector2f c = camera_.to_screen(pos[v.selection.id]);
    // A hollow ring of four bars so the resident's own colour stays visible.
    const float r = half + z.ring_gap, bar = z.ring_bar;
    const sf::Color col = to_sf(kSelection);
    append_rect(ring_overlay_, c.x - r, c.y - r, c.x + r, c.y - r + bar, col);
    append_rect(ring_overlay_, c.x - r, c.y + r - bar, c.x + r, c.y + r, col);
    append_rect(ring_overlay_, c.x - r, c.y - r, c.x - r + bar, c.y + r, col);
    append_rect(ring_overlay_, c.x + r - bar, c.y - r, c.x + r, c.y + r, col);
  }
}

void MapView::draw_residents(sf::RenderWindow& w) {
  if (dots_.empty()) return;
  const sf::FloatRect vp = camera_.viewport();
  const unsigned dw = dots_.width(), dh = dots_.height();
  if (dot_layer_ok_ && dot_tex_.getSize() != sf::Vector2u(dw, dh)) {
    dot_layer_ok_ = dot_tex_.create(dw, dh);
    upload_lo_ = 0, upload_hi_ = dh;  // a new texture holds nothing yet
  }
  if (dot_layer_ok_) {
    // One textured quad instead of a quad per resident: a software renderer pays per
    // primitive, and 250,000 tiny quads cost far more than the copy. Only the rows
    // repainted since the last upload are copied, in one band.
    upload_hi_ = std::min(upload_hi_, dh);
    if (upload_hi_ > upload_lo_)
      dot_tex_.update(dots_.pixels().data() + std::size_t{4} * dw * upload_lo_, dw, upload_hi_ - upload_lo_,
                      0, upload_lo_);
    upload_lo_ = upload_hi_ = 0;
    // Only the tiles that hold dots: the renderer blends every pixel of the quad.
    const auto [x0, y0, x1, y1] = dots_.occupied();
    if (x1 <= x0 || y1 <= y0) return;
    const auto fx0 = static_cast<float>(x0), fy0 = static_cast<float>(y0);
    const auto fx1 = static_cast<float>(x1), fy1 = static_cast<float>(y1);
    const sf::Vertex quad[4] = {{{vp.left + fx0, vp.top + fy0}, {fx0, fy0}},
                                {{vp.left + fx1, vp.top + fy0}, {fx1, fy0}},
                                {{vp.left + fx1, vp.top + fy1}, {fx1, fy1}},
                                {{vp.left + fx0, vp.top + fy1}, {fx0, fy1}}};
    w.draw(quad, 4, sf::Quads, sf::RenderStates(&dot_tex_));
    return;
  }
  // Without the texture (creation failed): the same squares as vertex quads, plain
  // dots first, then late ones with their rim, as the image paints them.
  dot_quads_.clear();
  auto square = [&](int x, int y, int size, Rgb rgb) {
    const sf::Color c = to_sf(rgb);
    const float x0 = static_cast<float>(x) + vp.left, y0 = static_cast<float>(y) + vp.top;
    const float x1 = x0 + static_cast<float>(size), y1 = y0 + static_cast<float>(size);
    dot_quads_.emplace_back(sf::Vector2f{x0, y0}, c);
    dot_quads_.emplace_back(sf::Vector2f{x1, y0}, c);
    dot_quads_.emplace_back(sf::Vector2f{x1, y1}, c);
    dot_quads_.emplace_back(sf::Vector2f{x0, y1}, c);
  };
  for (std::size_t i = 0; i < drawn_.size(); ++i)
    if (const DotMark& d = dots_.mark(i); d.kind == DotKind::Plain) square(d.x, d.y, dot_size_, d.colour);
  for (std::size_t i = 0; i < drawn_.size(); ++i)
    if (const DotMark& d = dots_.mark(i); d.kind == DotKind::Late) {
      square(d.x, d.y, late_size_ + 2 * late_rim_, Rgb{10, 10, 10});
      square(d.x + late_rim_, d.y + late_rim_, late_size_, d.colour);
    }
  w.draw(dot_quads_.data(), dot_quads_.size(), sf::Quads);
}

void MapView::prepare_micro_crowding(const SimState& s) {
  // Density over a 2 m × 2 m window, the measuring area of RiMEA test 4
  // (../shared/VERIFICATION.md), drawn as the 1 m square at the middle of every
  // window that holds a walking body.
  constexpr double kCell = 1.0;  // m
  const Vec2 o = camera_.origin();
  auto key = [](std::int64_t cx, std::int64_t cy) { return (cx << 32) | (cy & 0xffffffff); };
  crowd_cells_.clear();
  const std::vector<Vec2>& pos = positions_.positions();
  for (std::size_t i = 0; i < pos.size(); ++i) {
    if (s.status[i] != Status::Moving) continue;
    crowd_cells_.push_back(key(static_cast<std::int64_t>(std::floor(pos[i].x / kCell)),
                               static_cast<std::int64_t>(std::floor(pos[i].y / kCell))));
  }
  std::sort(crowd_cells_.begin(), crowd_cells_.end());
  auto count = [&](std::int64_t k) {
    const auto r = std::equal_range(crowd_cells_.begin(), crowd_cells_.end(), k);
    return static_cast<float>(r.second - r.first);
  };
  // The windows (by their south-west cell) that hold a body: each occupied cell lies
  // in four of them.
  crowd_windows_.clear();
  for (const std::int64_t c : crowd_cells_) {
    const std::int64_t cx = c >> 32, cy = static_cast<std::int32_t>(c & 0xffffffff);
    for (std::int64_t wy = cy - 1; wy <= cy; ++wy)
      for (std::int64_t wx = cx - 1; wx <= cx; ++wx) crowd_windows_.push_back(key(wx, wy));
  }
  std::sort(crowd_windows_.begin(), crowd_windows_.end());
  crowd_windows_.erase(std::unique(crowd_windows_.begin(), crowd_windows_.end()), crowd_windows_.end());
  for (const std::int64_t w : crowd_windows_) {
    const std::int64_t wx = w >> 32, wy = static_cast<std::int32_t>(w & 0xffffffff);
    const float rho =
        (count(key(wx, wy)) + count(key(wx + 1, wy)) + count(key(wx, wy + 1)) + count(key(wx + 1, wy + 1))) /
        static_cast<float>(4.0 * kCell * kCell);
    const auto x0 = static_cast<float>((static_cast<double>(wx) + 0.5) * kCell - o.x);
    const auto y0 = static_cast<float>((static_cast<double>(wy) + 0.5) * kCell - o.y);
    sf::Color c = density_colour(rho);
    c.a = 140;
    append_rect(street_overlay_, x0, y0, x0 + static_cast<float>(kCell), y0 + static_cast<float>(kCell), c);
  }
}

}  // namespace ss::gui
