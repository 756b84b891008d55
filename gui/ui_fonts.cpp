#include "gui/ui_fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <fstream>

namespace ss::gui {

const ImWchar* ui_glyph_ranges() {
  // Unicode blocks (Unicode 14 charts), pairs of first and last code point.
  static const ImWchar kRanges[] = {
      0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement (ä ö ü ß é ° × ² ·)
      0x0100, 0x024F,  // Latin Extended-A and -B (Polish, Czech, Turkish street names)
      0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese, Welsh)
      0x2000, 0x206F,  // General Punctuation (– — ‘ ’ “ ” „ … • ‰)
      0x2070, 0x209F,  // Superscripts and Subscripts (⁵ ₂)
      0x20A0, 0x20CF,  // Currency Symbols (€)
      0x2100, 0x214F,  // Letterlike Symbols (№ ™)
      0x2190, 0x21FF,  // Arrows (← → ↑ ↓ ⇒)
      0x2200, 0x22FF,  // Mathematical Operators (− ≈ ≤ ≥)
      0x25A0, 0x25FF,  // Geometric Shapes (■ ● ▲ ◆)
      0,
  };
  return kRanges;
}

FontReport build_ui_font(const std::string& file, float scale, const std::string& cjk_file,
                         std::string_view cjk_text) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  FontReport r;
  r.size_px = kBaseFontPx * scale;
  ImFont* font = nullptr;
  if (std::ifstream(file, std::ios::binary).good()) {
    font = io.Fonts->AddFontFromFileTTF(file.c_str(), r.size_px, nullptr, ui_glyph_ranges());
    if (font)
      r.file = file;
    else
      r.problem = "cannot read the font " + file;
  } else {
    r.problem = "font " + file + " not found (Debian package fonts-dejavu-core, or --font FILE)";
  }
  if (!font) {
    r.problem += ": using ImGui's built-in font, which has ASCII only (— and umlauts show as ?)";
    ImFontConfig cfg;
    cfg.SizePixels = r.size_px;
    io.Fonts->AddFontDefault(&cfg);
  }
  // Kept alive until Build(): the atlas reads the ranges then.
  ImVector<ImWchar> cjk_ranges;
  if (!cjk_file.empty()) {
    if (!std::ifstream(cjk_file, std::ios::binary).good()) {
      r.cjk_problem = "Chinese font " + cjk_file + " not found (Debian package fonts-noto-cjk)";
    } else {
      ImFontGlyphRangesBuilder builder;
      builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
      builder.AddText(cjk_text.data(), cjk_text.data() + cjk_text.size());
      builder.BuildRanges(&cjk_ranges);
      ImFontConfig cfg;
      cfg.MergeMode = true;
      cfg.FontNo = kCjkFontFaceSc;
      // One oversample across: CJK strokes are dense and the glyph count large, so
      // ImGui's default 3× would triple the atlas for no visible gain at UI sizes.
      cfg.OversampleH = 1;
      cfg.OversampleV = 1;
      if (io.Fonts->AddFontFromFileTTF(cjk_file.c_str(), r.size_px, &cfg, cjk_ranges.Data))
        r.cjk_file = cjk_file;
      else
        r.cjk_problem = "cannot read the Chinese font " + cjk_file;
    }
  }
  io.Fonts->Build();
  r.atlas_width = io.Fonts->TexWidth;
  r.atlas_height = io.Fonts->TexHeight;
  return r;
}

std::vector<char32_t> missing_glyphs(std::string_view utf8) {
  std::vector<char32_t> out;
  const ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    p += n > 0 ? n : 1;
    if (c <= 0x20 || c == 0x7F) continue;
    if (!font || c > IM_UNICODE_CODEPOINT_MAX || !font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
      out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

float ui_px(float px_at_scale_1) { return px_at_scale_1 * ImGui::GetFontSize() / kBaseFontPx; }

}  // namespace ss::gui
