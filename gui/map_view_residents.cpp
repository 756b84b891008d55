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

sf::Color resident_colour(const Model& m, const SimState& s, std::size_t i, ColourBy by) {
  switch (by) {
    case ColourBy::AgeBand: return to_sf(kAgeColour[static_cast<std::size_t>(age_band(m.population.age[i]))]);
    case ColourBy::Mobility:
      return to_sf(kMobilityColour[static_cast<std::size_t>(m.population.mobility[i])]);
    case ColourBy::State: break;
  }
  return to_sf(kStatusColour[static_cast<std::size_t>(s.status[i])]);
}

}  // namespace

void MapView::prepare_residents(const Model& m, const SimState& s, const ViewState& v) {
  resident_positions(m, s, positions_);
  drawn_.assign(positions_.size(), 0);
  dots_.clear();
  ring_overlay_.clear();
  body_overlay_.clear();
  if (!v.layers.residents) return;
  const sf::FloatRect vp = camera_.viewport();
  const style::MapSizes& z = sizes_;
  dot_size_ = z.dot;
  late_size_ = z.late_dot;
  late_rim_ = z.late_rim;
  const float half = static_cast<float>(dot_size_) / 2;
  const bool bodies = m.movement == MovementKind::Micro;
  const double now = s.time(m.run.dt), deadline = late_deadline(m);
  late_dots_.clear();
  late_count_ = 0;
  for (std::size_t i = 0; i < positions_.size(); ++i) {
    if (s.status[i] == Status::Sheltered && !v.layers.sheltered_residents) continue;
    const sf::Vector2f p = camera_.to_screen(positions_[i]);
    if (!vp.contains(p)) continue;
    const bool late = v.layers.late_residents && is_late(s, i, now, deadline);
    late_count_ += late ? 1 : 0;
    if (bodies) {
      // Zoomed in on a micro area, a resident is drawn as its body: a disc of the
      // body radius the model moves (MicroParams, by profile).
      const auto r_px = static_cast<float>(
          body_radius(m.population.age[i], m.population.mobility[i], m.params.micro) * camera_.scale());
      if (2 * r_px > static_cast<float>(dot_size_)) {
        append_disc(body_overlay_, p, r_px, late ? to_sf(kLate) : resident_colour(m, s, i, v.colour_by));
        drawn_[i] = 1;
        continue;
      }
    }
    // Snap to whole pixels so dots keep their exact colour (no blending at edges);
    // kept relative to the map area's corner.
    const auto x0 = static_cast<int>(std::round(p.x - half) - vp.left);
    const auto y0 = static_cast<int>(std::round(p.y - half) - vp.top);
    if (late) {
      // Late residents larger, rimmed and in one colour, over every other dot.
      const float lh = static_cast<float>(late_size_) / 2 + static_cast<float>(late_rim_);
      late_dots_.push_back({static_cast<int>(std::round(p.x - lh) - vp.left),
                            static_cast<int>(std::round(p.y - lh) - vp.top), to_sf(kLate)});
    } else {
      dots_.push_back({x0, y0, resident_colour(m, s, i, v.colour_by)});
    }
    drawn_[i] = 1;
  }
  // The squares rasterised into the map-sized RGBA layer, transparent elsewhere;
  // later dots over earlier ones as in a draw in resident order.
  dot_w_ = static_cast<unsigned>(std::max(1.0f, vp.width));
  dot_h_ = static_cast<unsigned>(std::max(1.0f, vp.height));
  dot_pixels_.assign(std::size_t{4} * dot_w_ * dot_h_, 0);
  const int w = static_cast<int>(dot_w_), h = static_cast<int>(dot_h_);
  auto square = [&](int x0, int y0, int size, sf::Color c) {
    const int xa = std::max(x0, 0), xb = std::min(x0 + size, w);
    const int ya = std::max(y0, 0), yb = std::min(y0 + size, h);
    for (int y = ya; y < yb; ++y) {
      std::uint8_t* px =
          &dot_pixels_[4 * (static_cast<std::size_t>(y) * dot_w_ + static_cast<std::size_t>(xa))];
      for (int x = xa; x < xb; ++x, px += 4) {
        px[0] = c.r;
        px[1] = c.g;
        px[2] = c.b;
        px[3] = c.a;
      }
    }
  };
  for (const Dot& d : dots_) square(d.x, d.y, dot_size_, d.colour);
  const int rim = late_rim_, late = late_size_;
  for (const Dot& d : late_dots_) {
    square(d.x, d.y, late + 2 * rim, sf::Color(10, 10, 10));
    square(d.x + rim, d.y + rim, late, d.colour);
  }
  if (v.selection.kind == Selection::Kind::Resident && v.selection.id < positions_.size()) {
    const sf::Vector2f c = camera_.to_screen(positions_[v.selection.id]);
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
  if (dots_.empty() && late_dots_.empty()) return;
  const sf::FloatRect vp = camera_.viewport();
  if (dot_layer_ok_ && dot_tex_.getSize() != sf::Vector2u(dot_w_, dot_h_))
    dot_layer_ok_ = dot_tex_.create(dot_w_, dot_h_);
  if (dot_layer_ok_) {
    // One upload and one textured quad instead of a quad per resident: a software
    // renderer pays per primitive, and 25,000 tiny quads cost more than the copy.
    dot_tex_.update(dot_pixels_.data());
    const auto fw = static_cast<float>(dot_w_), fh = static_cast<float>(dot_h_);
    const sf::Vertex quad[4] = {{{vp.left, vp.top}, {0, 0}},
                                {{vp.left + fw, vp.top}, {fw, 0}},
                                {{vp.left + fw, vp.top + fh}, {fw, fh}},
                                {{vp.left, vp.top + fh}, {0, fh}}};
    w.draw(quad, 4, sf::Quads, sf::RenderStates(&dot_tex_));
    return;
  }
  // Without the texture (creation failed): the same squares as vertex quads.
  dot_quads_.resize(4 * (dots_.size() + late_dots_.size()));
  std::size_t k = 0;
  for (std::size_t j = 0; j < dots_.size() + late_dots_.size(); ++j) {
    const bool late = j >= dots_.size();
    const Dot& d = late ? late_dots_[j - dots_.size()] : dots_[j];
    const float size = static_cast<float>(late ? late_size_ + 2 * late_rim_ : dot_size_);
    const float x0 = static_cast<float>(d.x) + vp.left, y0 = static_cast<float>(d.y) + vp.top;
    const float x1 = x0 + size, y1 = y0 + size;
    dot_quads_[k++] = sf::Vertex({x0, y0}, d.colour);
    dot_quads_[k++] = sf::Vertex({x1, y0}, d.colour);
    dot_quads_[k++] = sf::Vertex({x1, y1}, d.colour);
    dot_quads_[k++] = sf::Vertex({x0, y1}, d.colour);
  }
  w.draw(dot_quads_.data(), k, sf::Quads);
}

void MapView::prepare_micro_crowding(const SimState& s) {
  // Density over a 2 m × 2 m window, the measuring area of RiMEA test 4
  // (../shared/VERIFICATION.md), drawn as the 1 m square at the middle of every
  // window that holds a walking body.
  constexpr double kCell = 1.0;  // m
  const Vec2 o = camera_.origin();
  auto key = [](std::int64_t cx, std::int64_t cy) { return (cx << 32) | (cy & 0xffffffff); };
  crowd_cells_.clear();
  for (std::size_t i = 0; i < positions_.size(); ++i) {
    if (s.status[i] != Status::Moving) continue;
    crowd_cells_.push_back(key(static_cast<std::int64_t>(std::floor(positions_[i].x / kCell)),
                               static_cast<std::int64_t>(std::floor(positions_[i].y / kCell))));
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
