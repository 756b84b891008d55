// safestreet-gui-title-ink SCREENSHOT UI_DUMP MIN_INK [MAX_INK]
// Counts the ink of the first panel title's text in a GUI screenshot: the light
// pixels inside the header rectangle dump_ui reports as "title_rect" (the header is
// a dark blue bar, its text and arrow near white). Exit 0 when the count is at least
// MIN_INK (and at most MAX_INK when given), 1 otherwise, 2 on bad arguments.
//
// Why ink tells Chinese glyphs from boxes: a glyph the font lacks is drawn as ImGui's
// fallback '?', a few strokes; the two characters of "情景" at 14 px have several
// times the strokes of "??" (measured counts in tests/gui/CMakeLists.txt).
#include <SFML/Graphics/Image.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace {
// Luma steps above the header's that count as ink: a third of the way from the
// header's blue (luma about 70) to the white text.
constexpr int kInkStep = 60;
}  // namespace

int main(int argc, char** argv) {
  if (argc < 4)
    return std::fputs("usage: safestreet-gui-title-ink SCREENSHOT UI_DUMP MIN_INK [MAX_INK]\n", stderr), 2;
  sf::Image img;
  if (!img.loadFromFile(argv[1])) return std::fprintf(stderr, "cannot read %s\n", argv[1]), 2;
  std::ifstream in(argv[2]);
  const nlohmann::json dump = nlohmann::json::parse(in, nullptr, false);
  if (dump.is_discarded() || !dump.contains("title_rect"))
    return std::fprintf(stderr, "%s: no \"title_rect\" (written by dump_ui)\n", argv[2]), 2;
  const auto r = dump["title_rect"];
  const long min_ink = std::strtol(argv[3], nullptr, 10);
  const long max_ink = argc > 4 ? std::strtol(argv[4], nullptr, 10) : -1;
  const unsigned x0 = r[0].get<unsigned>(), y0 = r[1].get<unsigned>();
  const unsigned x1 = std::min(r[2].get<unsigned>(), img.getSize().x),
                 y1 = std::min(r[3].get<unsigned>(), img.getSize().y);
  // The header's own colour is the commonest in its rectangle; ink is every pixel
  // clearly lighter (the text's anti-aliased edges included: thin CJK strokes at
  // 14 px are mostly edge).
  auto luma = [](sf::Color c) { return (299 * c.r + 587 * c.g + 114 * c.b) / 1000; };
  std::map<int, long> counts;
  for (unsigned y = y0; y < y1; ++y)
    for (unsigned x = x0; x < x1; ++x) ++counts[luma(img.getPixel(x, y))];
  int bg = 0;
  long most = -1;
  for (const auto& [l, n] : counts)
    if (n > most) most = n, bg = l;
  long ink = 0;
  for (const auto& [l, n] : counts) ink += l > bg + kInkStep ? n : 0;
  std::printf("title %s: %ld ink pixels in [%u, %u, %u, %u]\n", dump.value("language", "?").c_str(), ink, x0,
              y0, x1, y1);
  if (ink < min_ink) return std::fprintf(stderr, "fewer than %ld\n", min_ink), 1;
  if (max_ink >= 0 && ink > max_ink) return std::fprintf(stderr, "more than %ld\n", max_ink), 1;
  return 0;
}
