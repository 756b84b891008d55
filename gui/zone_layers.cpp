#include "gui/zone_layers.hpp"

#include "gui/map_layers.hpp"
#include "gui/map_shapes.hpp"
#include "gui/triangulate.hpp"

namespace ss::gui {

void ZoneLayer::build(const World& world, Vec2 origin) {
  rings_.clear();
  label_at_.clear();
  first_.clear();
  fill_.clear();
  figures_.clear();
  step_ = ~0ull;
  std::vector<sf::Vector2f> ring;
  std::vector<std::uint32_t> tris;
  for (const Zone& z : world.zones) {
    rings_.push_back(z.outline);
    label_at_.push_back(z.outline.size() >= 3 ? centroid(z.outline)
                        : z.outline.empty()   ? Vec2{}
                                              : z.outline[0]);
    first_.push_back(static_cast<std::uint32_t>(fill_.getVertexCount()));
    ring.clear();
    for (const Vec2& p : z.outline)
      ring.emplace_back(static_cast<float>(p.x - origin.x), static_cast<float>(p.y - origin.y));
    if (ring.size() >= 2 && ring.front() == ring.back()) ring.pop_back();
    if (ring.size() < 3) continue;
    tris.clear();
    triangulate(ring, tris);
    for (const std::uint32_t i : tris) fill_.append({ring[i], sf::Color::Transparent});
  }
  first_.push_back(static_cast<std::uint32_t>(fill_.getVertexCount()));
}

void ZoneLayer::update(const Model& m, const SimState& s, ZoneMeasure measure, bool shade) {
  if (rings_.empty()) return;
  const bool same = s.step == step_ && measure == measure_ && shade == shaded_;
  if (same || (!figures_.empty() && s.step != step_ && since_.getElapsedTime().asSeconds() < kRefreshS &&
               measure == measure_ && shade == shaded_))
    return;
  zone_figures(m, s, figures_, arrivals_);
  step_ = s.step;
  measure_ = measure;
  shaded_ = shade;
  since_.restart();
  if (!shade) return;
  for (std::size_t z = 0; z < rings_.size(); ++z) {
    const auto cls = z < figures_.size() ? zone_class(figures_[z], measure) : std::nullopt;
    // No residents: no colour at all, only the outline and "no residents".
    const sf::Color c = cls ? to_sf(kZoneRamp[*cls], kFillAlpha) : sf::Color::Transparent;
    for (std::uint32_t v = first_[z]; v < first_[z + 1]; ++v) fill_[v].color = c;
  }
}

void ZoneLayer::append_outlines(sf::VertexArray& va, const Camera& cam, float width_px) const {
  const sf::Color c = to_sf(kZoneEdge);  // opaque: exact colour for the screenshot checker
  for (const Ring& r : rings_) {
    const std::size_t n = r.size() >= 2 && r.front() == r.back() ? r.size() - 1 : r.size();
    for (std::size_t i = 0; n >= 2 && i < n; ++i)
      append_segment(va, cam.to_screen(r[i]), cam.to_screen(r[(i + 1) % n]), width_px, c);
  }
}

}  // namespace ss::gui
