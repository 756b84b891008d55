#pragma once
// The GUI's text face and its size: a TrueType font from a Debian font package,
// rasterised into ImGui's atlas at the UI scale (a projector wants 1.5–2×), with the
// glyphs scenario names, street names and the panels use. Rebuilt whole when the
// scale changes: a font drawn at its size is sharp where FontGlobalScale is blurred.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace ss::gui {

// The panels' text height at scale 1, px. 14 px DejaVu Sans is about the x-height of
// ImGui's built-in 13 px ProggyClean, which the panels' widths were laid out for.
inline constexpr float kBaseFontPx = 14.0f;
// fonts-dejavu-core's path on Debian 12 (scripts/setup.sh installs the package):
// DejaVu Sans covers Latin-1, Latin Extended, General Punctuation, arrows and the
// symbols below in one face.
inline constexpr const char* kDefaultFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
// The scale factor's range: below 0.75 the 14 px face drops under 11 px and stops
// being readable; above 3 the 1280 px wide window the GUI is tested at has no room
// left for the map between the sidebars.
inline constexpr float kMinUiScale = 0.75f;
inline constexpr float kMaxUiScale = 3.0f;

// Noto Sans CJK (Debian package fonts-noto-cjk, scripts/setup.sh): the Chinese
// glyphs merged into the atlas for --lang zh-CN. The file is a collection; face 2 is
// Noto Sans CJK SC, the Simplified Chinese shapes (fc-query lists JP, KR, SC, TC, HK).
inline constexpr const char* kCjkFontFile = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
inline constexpr int kCjkFontFaceSc = 2;

struct FontReport {
  std::string file;      // the TrueType file in use; empty with the built-in font
  float size_px = 0.0f;  // rasterised size
  // Why the built-in font is used (file missing or unreadable), empty otherwise.
  std::string problem;
  std::string cjk_file;                   // the CJK font merged in; empty when none was asked for or found
  std::string cjk_problem;                // why a CJK font asked for is not merged, empty otherwise
  int atlas_width = 0, atlas_height = 0;  // the font atlas texture, px
};

// Code point ranges rasterised (ImGui's zero-terminated pair list): Basic Latin and
// Latin-1, Latin Extended-A/B, Latin Extended Additional, General Punctuation (dashes,
// quotes, ellipsis, bullet), super- and subscripts (m², 10⁵), currency, letterlike
// symbols, arrows, mathematical operators (−, ≈, ≤, ≥) and geometric shapes (■ ● ▲).
const ImWchar* ui_glyph_ranges();

// Rebuilds ImGui's font atlas with `file` at kBaseFontPx × scale; when the file is
// missing or unreadable, with ImGui's built-in font at the same size and the reason in
// FontReport::problem. The caller uploads the atlas texture (ImGuiSfml::set_font).
// With `cjk_file` (a TrueType collection, face kCjkFontFaceSc), its glyphs for
// ImGui's common Simplified Chinese set and for every character `cjk_text` holds (the
// zh-CN catalog's translations) are merged into the same font; when it cannot be
// read, FontReport::cjk_problem says why and the atlas has Latin glyphs only.
FontReport build_ui_font(const std::string& file, float scale, const std::string& cjk_file = {},
                         std::string_view cjk_text = {});

// The code points of `utf8` the current ImGui font has no glyph for (not drawn, or
// drawn as '?'); spaces and control characters are not counted.
std::vector<char32_t> missing_glyphs(std::string_view utf8);

// A length laid out for scale 1 at the current font size: panels write ui_px(110)
// where they mean "110 px at scale 1".
float ui_px(float px_at_scale_1);

}  // namespace ss::gui
