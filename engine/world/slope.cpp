#include "engine/world/slope.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ss {

double tobler_factor(double grade) {
  if (!std::isfinite(grade)) return 1.0;
  const double s = std::clamp(grade, -kMaxGrade, kMaxGrade);
  return std::exp(-kToblerRate * (std::fabs(s + kToblerOffset) - kToblerOffset));
}

double stair_speed_along(StairWay way, AgeBand band, Mobility mob) {
  const bool up = way == StairWay::Up;
  double v = kStairFreeSpeed * (up ? kStairUpOverDown : 1.0);
  if (band == AgeBand::Senior || band == AgeBand::Elderly) v *= up ? kStairOlderUp : kStairOlderDown;
  if (mob != Mobility::Walks) v *= kStairWalkingAid;
  return v;
}

double stair_factor(double free_speed, StairWay way, AgeBand band, Mobility mob) {
  // The edge length is the horizontal run; the speeds are along the slope line.
  static const double kCos = kStepTread / std::hypot(kStepTread, kStepRiser);
  const double v0 = std::isfinite(free_speed) && free_speed > 0.0 ? free_speed : kStairFreeSpeed;
  return std::min(v0, stair_speed_along(way, band, mob)) / v0 * kCos;
}

StairWay stair_way(const StreetGraph& g, std::size_t e, bool forward) {
  const float rise = edge_rise_of(g, e);
  if (rise == 0.0f) return StairWay::Up;
  return (rise > 0.0f) == forward ? StairWay::Up : StairWay::Down;
}

double edge_walk_factor(const StreetGraph& g, std::size_t e, bool forward, double reference_speed) {
  if (g.edge_kind[e] == StreetKind::Steps)
    return stair_factor(reference_speed, stair_way(g, e, forward), AgeBand::Adult, Mobility::Walks);
  const double len = g.edge_length[e];
  if (!(len > 0.0)) return 1.0;
  const double grade = static_cast<double>(edge_rise_of(g, e)) / len;
  return tobler_factor(forward ? grade : -grade);
}

void resolve_edge_rise(StreetGraph& g, std::span<const std::int8_t> tag_sign) {
  const std::size_t n = g.edge_count();
  g.edge_rise.resize(n, std::numeric_limits<float>::quiet_NaN());
  g.edge_steps.resize(n, 0);
  for (std::size_t e = 0; e < n; ++e) {
    const int sign = e < tag_sign.size() ? tag_sign[e] : 0;
    const float za = g.node_z[g.edge_from[e].index()], zb = g.node_z[g.edge_to[e].index()];
    const float dem = zb - za;  // NaN without terrain at either end
    float& rise = g.edge_rise[e];
    if (g.edge_kind[e] == StreetKind::Steps && g.edge_steps[e] > 0) {
      const float height = static_cast<float>(g.edge_steps[e] * kStepRiser);
      const int way = sign != 0 ? sign : (std::isfinite(dem) && dem != 0.0f ? (dem > 0.0f ? 1 : -1) : 0);
      rise = static_cast<float>(way) * height;
    } else if (std::isfinite(rise)) {
      // a numeric incline tag: kept
    } else if (std::isfinite(dem)) {
      rise = sign != 0 ? static_cast<float>(sign) * std::fabs(dem) : dem;
    } else {
      rise = 0.0f;
    }
  }
}

}  // namespace ss
