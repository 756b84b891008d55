#include "gui/camera.hpp"

#include <algorithm>
#include <cmath>

namespace ss::gui {
namespace {
// Zoom limits: a whole 20 km² district down to a single doorway.
constexpr double kMinScale = 0.01;   // px/m
constexpr double kMaxScale = 200.0;  // px/m
}  // namespace

void Camera::fit(const Box& box) {
  if (box.empty()) return;
  center_ = {(box.min.x + box.max.x) / 2, (box.min.y + box.max.y) / 2};
  const double w = std::max(box.width(), 1.0), h = std::max(box.height(), 1.0);
  const double margin = 0.92;  // leave room so edge shelters are not cut by panels
  scale_ = std::clamp(margin * std::min(viewport_.width / w, viewport_.height / h), kMinScale, kMaxScale);
}

void Camera::zoom_at(sf::Vector2f pixel, float factor) {
  const Vec2 before = to_world(pixel);
  scale_ = std::clamp(scale_ * factor, kMinScale, kMaxScale);
  const Vec2 after = to_world(pixel);
  center_ = center_ + (before - after);
}

void Camera::pan_pixels(sf::Vector2f delta) { center_ = center_ + Vec2{-delta.x / scale_, delta.y / scale_}; }

sf::Vector2f Camera::to_screen(Vec2 w) const {
  const float cx = viewport_.left + viewport_.width / 2, cy = viewport_.top + viewport_.height / 2;
  return {cx + static_cast<float>((w.x - center_.x) * scale_),
          cy - static_cast<float>((w.y - center_.y) * scale_)};
}

Vec2 Camera::to_world(sf::Vector2f p) const {
  const float cx = viewport_.left + viewport_.width / 2, cy = viewport_.top + viewport_.height / 2;
  return {center_.x + (p.x - cx) / scale_, center_.y - (p.y - cy) / scale_};
}

sf::Transform Camera::local_to_screen() const {
  const float cx = viewport_.left + viewport_.width / 2, cy = viewport_.top + viewport_.height / 2;
  const auto s = static_cast<float>(scale_);
  sf::Transform t;
  t.translate(cx, cy);
  t.scale(s, -s);
  t.translate(static_cast<float>(origin_.x - center_.x), static_cast<float>(origin_.y - center_.y));
  return t;
}

}  // namespace ss::gui
