#include "gui/ui_dump.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

#include "gui/actions.hpp"
#include "gui/panels.hpp"
#include "i18n/language.hpp"

namespace ss::gui {
namespace {

std::string quoted(const std::string& s) { return '"' + json_escape(s) + '"'; }

// Half a pixel: ImGui places items at fractional positions and rounds when drawing.
constexpr float kTolerancePx = 0.5f;

bool outside(const LayoutProbe& p) {
  return p.x0 < p.clip_x0 - kTolerancePx || p.x1 > p.clip_x1 + kTolerancePx;
}

bool overlap(const LayoutProbe& a, const LayoutProbe& b) {
  return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > kTolerancePx &&
         std::min(a.y1, b.y1) - std::max(a.y0, b.y0) > kTolerancePx;
}

}  // namespace

bool write_ui_summary(AppContext& ctx, const std::string& path) {
  std::ostringstream j;
  const Session& s = ctx.session;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const PanelWidths pw = panel_widths(display.x, ctx.ui_scale());
  j << "{\n  \"ui_scale\": " << ctx.ui_scale();
  j << ",\n  \"font\": {\"file\": " << quoted(ctx.ui.font.file) << ", \"size_px\": " << ctx.ui.font.size_px
    << ", \"problem\": " << quoted(ctx.ui.font.problem) << ", \"cjk_file\": " << quoted(ctx.ui.font.cjk_file)
    << ", \"cjk_problem\": " << quoted(ctx.ui.font.cjk_problem) << ", \"atlas\": [" << ctx.ui.font.atlas_width
    << ", " << ctx.ui.font.atlas_height << "]}";
  // The panels' language and the section titles as the left panel shows them
  // (gui/panel_layout.cpp), with the code points the font has no glyph for.
  j << ",\n  \"language\": " << quoted(i18n::code(i18n::language())) << ", \"section_titles\": [";
  std::string title_missing;
  const char* const titles[] = {"Scenario", "Time", "Timeline", "Layers and legend", "Key figures"};
  for (std::size_t i = 0; i < std::size(titles); ++i) {
    const char* shown = tr(titles[i]);
    j << (i ? ", " : "") << quoted(shown);
    for (const char32_t c : missing_glyphs(shown)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%sU+%04X", title_missing.empty() ? "" : " ", static_cast<unsigned>(c));
      title_missing += buf;
    }
  }
  j << "], \"section_titles_glyphs_missing\": " << quoted(title_missing);
  // The first title's header in screen px (x0, y0, x1, y1): a test counts the ink of
  // its text in a screenshot (tests/gui/title_ink_check.cpp).
  for (const LayoutProbe& p : ctx.probes)
    if (p.name == "title.scenario")
      j << ", \"title_rect\": [" << std::lround(p.x0) << ", " << std::lround(p.y0) << ", "
        << std::lround(p.x1) << ", " << std::lround(p.y1) << "]";
  j << ",\n  \"window\": [" << display.x << ", " << display.y << "], \"left_panel\": " << pw.left
    << ", \"right_panel\": " << pw.right;
  j << ",\n  \"loaded\": " << (s.ready() ? "true" : "false");
  if (s.ready()) {
    const std::size_t k = static_cast<std::size_t>(std::max(ctx.buffers.variant, 0));
    j << ",\n  \"scene\": " << quoted(s.source().label()) << ", \"name\": " << quoted(s.name());
    j << ",\n  \"time\": " << s.sim().time();
    j << ",\n  \"movement\": \"" << (s.model().movement == MovementKind::Micro ? "micro" : "network") << "\"";
    j << ",\n  \"variant_box\": "
      << quoted(k == 0 || k > s.variants().size() ? "(base plan)" : s.variants()[k - 1]);
    std::string missing;
    for (const char32_t c : missing_glyphs(s.name())) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%sU+%04X", missing.empty() ? "" : " ", static_cast<unsigned>(c));
      missing += buf;
    }
    j << ",\n  \"name_glyphs_missing\": " << quoted(missing);
  }
  j << ",\n  \"load\": {\"stages\": [";
  const auto& stages = s.last_load();
  for (std::size_t i = 0; i < stages.size(); ++i)
    j << (i ? ", " : "") << "{\"name\": " << quoted(stages[i].name) << ", \"seconds\": " << stages[i].seconds
      << "}";
  j << "]}";

  // The controls the last frame drew (probes named control.*), and the key figures'
  // text checked against the panel's edges and against each other.
  j << ",\n  \"controls\": [";
  bool first = true;
  for (const LayoutProbe& p : ctx.probes)
    if (p.name.rfind("control.", 0) == 0) j << (first ? "" : ", ") << quoted(p.name.substr(8)), first = false;
  j << "]";
  // Each section's probed text (gui/panels.hpp probe): how many items, how many run
  // past the panel's edges, how many overlap another item of the section.
  auto layout = [&](const char* key, const std::string& prefix) {
    std::size_t probed = 0, out = 0, overlaps = 0;
    std::string out_names, overlap_names;
    auto in = [&](const LayoutProbe& p) { return p.name.rfind(prefix, 0) == 0; };
    for (std::size_t a = 0; a < ctx.probes.size(); ++a) {
      const LayoutProbe& p = ctx.probes[a];
      if (!in(p)) continue;
      ++probed;
      if (outside(p)) ++out, out_names += (out_names.empty() ? "" : " ") + p.name;
      for (std::size_t b = a + 1; b < ctx.probes.size(); ++b)
        if (in(ctx.probes[b]) && overlap(p, ctx.probes[b]))
          ++overlaps, overlap_names += (overlap_names.empty() ? "" : " ") + p.name + "/" + ctx.probes[b].name;
    }
    j << ",\n  \"" << key << "\": {\"items\": " << probed << ", \"outside\": " << out
      << ", \"overlaps\": " << overlaps << ", \"outside_items\": " << quoted(out_names)
      << ", \"overlapping\": " << quoted(overlap_names) << "}";
  };
  layout("kpi_layout", "kpi.");
  layout("inspector_layout", "inspector.");
  layout("plot_layout", "plot.");
  layout("layers_layout", "layers.");
  // The layer switches offered (by the script's layer names), in panel order.
  j << ",\n  \"layers_offered\": [";
  first = true;
  for (const LayoutProbe& p : ctx.probes)
    if (p.name.rfind("layers.box.", 0) == 0)
      j << (first ? "" : ", ") << quoted(p.name.substr(11)), first = false;
  j << "]";
  // The heat layer chosen (gui/heat_choice.hpp names) and how many streets or homes
  // it coloured in the last frame.
  j << ",\n  \"heat_layer\": " << quoted(std::string(heat_name(ctx.view.heat)))
    << ", \"heat_coloured\": " << ctx.map.heat().coloured();

  const EventLog& log = ctx.log;
  j << ",\n  \"log_at_newest\": " << (log.at_newest ? "true" : "false");
  j << ",\n  \"log_shown\": [";
  for (std::size_t k = 0; k < kEventKindCount; ++k) j << (k ? ", " : "") << (log.show[k] ? "true" : "false");
  j << "],\n  \"log\": [";
  for (std::size_t i = 0; i < log.lines.size(); ++i) {
    const EventLine& l = log.lines[i];
    j << (i ? ",\n    " : "\n    ") << "{\"kind\": \"" << to_string(l.kind) << "\", \"time\": ";
    if (std::isnan(l.sim_time))
      j << "null";
    else
      j << l.sim_time;
    j << ", \"pending\": " << (l.pending ? "true" : "false") << ", \"text\": " << quoted(l.text) << "}";
  }
  j << "]\n}\n";
  return write_whole_file(ctx, path, j.str());
}

}  // namespace ss::gui
