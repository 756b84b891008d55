#include "gui/palette.hpp"

#include <algorithm>
#include <cmath>

namespace ss::gui {

Rgb series_colour(std::size_t i) {
  // Tableau 10: distinguishable on dark backgrounds and printable.
  static constexpr std::array<Rgb, 10> kSeries{{{78, 121, 167},
                                                {242, 142, 43},
                                                {225, 87, 89},
                                                {118, 183, 178},
                                                {89, 161, 79},
                                                {237, 201, 72},
                                                {176, 122, 161},
                                                {255, 157, 167},
                                                {156, 117, 95},
                                                {186, 176, 172}}};
  return kSeries[i % kSeries.size()];
}

std::uint8_t smoke_alpha(float v) {
  // Alpha at the three marks: haze, tenability limit, and 3 m (a hand before the eyes).
  constexpr float kFaint = 60, kThick = 205, kDense = 235;
  if (!(v < kSmokeClearM)) return 0;              // clear air (+inf) or NaN
  auto ramp = [](float hi, float lo, float at) {  // 0 at hi, 1 at lo, log scale
    return std::clamp(std::log(hi / at) / std::log(hi / lo), 0.0f, 1.0f);
  };
  float a = 0;
  if (v >= kSmokeFaintM)
    a = kFaint * ramp(kSmokeClearM, kSmokeFaintM, v);
  else if (v >= kSmokeThickM)
    a = kFaint + (kThick - kFaint) * ramp(kSmokeFaintM, kSmokeThickM, v);
  else
    a = kThick + (kDense - kThick) * ramp(kSmokeThickM, 3.0f, std::max(v, 1e-3f));
  return static_cast<std::uint8_t>(std::lround(a));
}

}  // namespace ss::gui
