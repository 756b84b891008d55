#include "engine/hazards/flood/flood.hpp"

#include <algorithm>
#include <cmath>

namespace ss {

std::int64_t FloodGrid::cell_of(Vec2 p) const {
  const double fx = std::floor((p.x - origin.x) / cell), fy = std::floor((p.y - origin.y) / cell);
  if (!(fx >= 0.0 && fy >= 0.0 && fx < nx && fy < ny)) return -1;
  return static_cast<std::int64_t>(fy) * nx + static_cast<std::int64_t>(fx);
}

double Hydrograph::at(double t) const {
  if (time.empty()) return 0.0;
  if (t <= time.front()) return value.front();
  if (t >= time.back()) return value.back();
  const std::size_t k =
      static_cast<std::size_t>(std::upper_bound(time.begin(), time.end(), t) - time.begin());
  const double a = (t - time[k - 1]) / (time[k] - time[k - 1]);
  return value[k - 1] + a * (value[k] - value[k - 1]);
}

double Hydrograph::integral(double t0, double t1) const {
  if (time.empty() || t1 <= t0) return 0.0;
  // Trapezoids between t0, every breakpoint inside (t0, t1), and t1: exact for a
  // piecewise-linear curve, so the volume a source adds is the volume it reports.
  double sum = 0.0, ta = t0, va = at(t0);
  for (std::size_t k = 0; k < time.size(); ++k) {
    if (time[k] <= t0 || time[k] >= t1) continue;
    sum += 0.5 * (va + value[k]) * (time[k] - ta);
    ta = time[k];
    va = value[k];
  }
  return sum + 0.5 * (va + at(t1)) * (t1 - ta);
}

}  // namespace ss
