#include "gui/plot.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "engine/core/display_text.hpp"
#include "gui/panels.hpp"
#include "gui/ui_fonts.hpp"

namespace ss::gui {

void plot_series(const char* id, const std::vector<float>& x, const std::vector<Series>& series, float y_max,
                 float height, const char* unit, bool legend, AppContext* probes) {
  ImGui::PushID(id);
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 p1(p0.x + width, p0.y + height);
  ImGui::InvisibleButton("plot", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, p1, IM_COL32(30, 34, 40, 255));
  dl->AddRect(p0, p1, IM_COL32(90, 96, 110, 255));
  const float x_max = x.empty() ? 1.0f : std::max(x.back(), 1.0f);
  y_max = std::max(y_max, 1e-6f);
  auto to_px = [&](float t, float v) {
    return ImVec2(p0.x + 2 + (width - 4) * t / x_max,
                  p1.y - 2 - (height - 4) * std::clamp(v / y_max, 0.0f, 1.0f));
  };
  // One polyline per series: a line per segment costs a draw-list path and its
  // anti-aliased fringe each, which over a long run and many shelters is tens of
  // thousands of vertices a frame. The scratch buffer keeps its capacity.
  static std::vector<ImVec2> pts;
  for (const Series& s : series) {
    const ImU32 col = IM_COL32(s.colour.r, s.colour.g, s.colour.b, 255);
    pts.clear();
    for (std::size_t i = 0; i < x.size() && i < s.y.size(); ++i) pts.push_back(to_px(x[i], s.y[i]));
    if (pts.size() >= 2)
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, ImDrawFlags_None, 1.5f);
  }
  char label[64];
  std::snprintf(label, sizeof label, "%.0f min", x_max / 60.0);
  dl->AddText(ImVec2(p1.x - ImGui::CalcTextSize(label).x - 4, p1.y - ImGui::GetTextLineHeight() - 2),
              IM_COL32(160, 160, 170, 255), label);
  std::snprintf(label, sizeof label, "%.3g %s", y_max, unit);
  dl->AddText(ImVec2(p0.x + 4, p0.y + 2), IM_COL32(160, 160, 170, 255), label);
  if (hovered && !x.empty()) {
    const float t = (ImGui::GetIO().MousePos.x - p0.x - 2) / (width - 4) * x_max;
    const auto it = std::lower_bound(x.begin(), x.end(), t);
    const std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(it - x.begin()), x.size() - 1);
    dl->AddLine(ImVec2(to_px(x[i], 0).x, p0.y), ImVec2(to_px(x[i], 0).x, p1.y), IM_COL32(255, 255, 255, 90));
    ImGui::BeginTooltip();
    ImGui::Text("t = %s", format_clock(x[i]).c_str());
    for (const Series& s : series)
      if (i < s.y.size())
        ImGui::TextColored(ImVec4(s.colour.r / 255.f, s.colour.g / 255.f, s.colour.b / 255.f, 1),
                           "%s: %.3g %s", s.label.c_str(), s.y[i], unit);
    ImGui::EndTooltip();
  }
  // Legend: coloured labels side by side, the next on a new line when it would not
  // fit whole (a label wider than the panel wraps), each recorded for dump_ui.
  const float gap = ui_px(10);
  float line_x = 0;
  for (std::size_t k = 0; legend && k < series.size(); ++k) {
    const Series& s = series[k];
    const std::string text = "- " + s.label;
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    if (k > 0 && line_x + gap + w <= width)
      ImGui::SameLine(0, gap), line_x += gap;
    else
      line_x = 0;
    line_x += w;
    ImGui::PushStyleColor(ImGuiCol_Text,
                          ImVec4(s.colour.r / 255.f, s.colour.g / 255.f, s.colour.b / 255.f, 1));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    if (probes) probe(*probes, "plot.legend");
  }
  ImGui::PopID();
}

}  // namespace ss::gui
