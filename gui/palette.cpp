#include "gui/palette.hpp"

namespace ss::gui {

Rgb series_colour(std::size_t i) {
  // Tableau 10: distinguishable on dark backgrounds and printable.
  static constexpr std::array<Rgb, 10> kSeries{{{78, 121, 167}, {242, 142, 43}, {225, 87, 89}, {118, 183, 178},
                                                {89, 161, 79}, {237, 201, 72}, {176, 122, 161}, {255, 157, 167},
                                                {156, 117, 95}, {186, 176, 172}}};
  return kSeries[i % kSeries.size()];
}

}  // namespace ss::gui
