// The bottleneck flow figure: flow against width, model and measurement, as CSV
// and as a self-contained SVG (no plotting library; axes, points and a legend).
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "verify/verify.hpp"

namespace ss::verify {

std::string bottleneck_csv(std::span<const BottleneckFlow> sim) {
  std::ostringstream os;
  os << "width_m,flow_model_p_per_s,flow_measured_p_per_s,source,persons,arrived\n";
  const auto& refs = bottleneck_references();
  for (const BottleneckFlow& f : sim) {
    const auto it = std::find_if(refs.begin(), refs.end(), [&](const BottleneckReference& r) {
      return std::abs(r.width - f.width) < 1e-9;
    });
    char line[256];
    std::snprintf(line, sizeof line, "%.2f,%.3f,%.3f,%s,%d,%d\n", f.width, f.flow,
                  it != refs.end() ? it->flow : 0.0, it != refs.end() ? it->source : "", f.persons,
                  f.arrived);
    os << line;
  }
  return os.str();
}

std::string bottleneck_svg(std::span<const BottleneckFlow> sim) {
  // Plot area in pixels and the data ranges it shows.
  constexpr double kW = 560, kH = 380, kLeft = 60, kTop = 20, kRight = 20, kBottom = 50;
  constexpr double x0 = 0.0, x1 = 3.0, y0 = 0.0, y1 = 7.0;
  const double pw = kW - kLeft - kRight, ph = kH - kTop - kBottom;
  auto px = [&](double x) { return kLeft + (x - x0) / (x1 - x0) * pw; };
  auto py = [&](double y) { return kTop + ph - (y - y0) / (y1 - y0) * ph; };
  std::ostringstream os;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%%\" height=\"100%%\" "
                "fill=\"white\"/>\n",
                kW, kH);
  os << buf;
  for (int i = 0; i <= 6; ++i) {  // x ticks every 0.5 m
    const double x = 0.5 * i;
    std::snprintf(buf, sizeof buf,
                  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.1f</text>\n",
                  px(x), py(y0), px(x), py(y1), px(x), py(y0) + 16, x);
    os << buf;
  }
  for (int i = 0; i <= 7; ++i) {  // y ticks every 1 P/s
    const double y = i;
    std::snprintf(buf, sizeof buf,
                  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n",
                  px(x0), py(y), px(x1), py(y), px(x0) - 6, py(y) + 4, y);
    os << buf;
  }
  std::snprintf(
      buf, sizeof buf,
      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">bottleneck width (m)</text>\n"
      "<text transform=\"translate(16 %.1f) rotate(-90)\" text-anchor=\"middle\">flow (P/s)</text>\n",
      kLeft + 0.5 * pw, kH - 10.0, kTop + 0.5 * ph);
  os << buf;
  // Measured: open squares; model: filled circles joined by a line; ±15 % bars.
  const auto& refs = bottleneck_references();
  for (const BottleneckReference& r : refs) {
    std::snprintf(buf, sizeof buf,
                  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>"
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"none\" stroke=\"black\"/>\n",
                  px(r.width), py(0.85 * r.flow), px(r.width), py(1.15 * r.flow), px(r.width) - 4,
                  py(r.flow) - 4);
    os << buf;
  }
  std::string path;
  for (const BottleneckFlow& f : sim) {
    std::snprintf(buf, sizeof buf, "%s%.1f,%.1f", path.empty() ? "M" : " L", px(f.width), py(f.flow));
    path += buf;
  }
  os << "<path d=\"" << path << "\" fill=\"none\" stroke=\"#c03\" stroke-width=\"1.5\"/>\n";
  for (const BottleneckFlow& f : sim) {
    std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#c03\"/>\n", px(f.width),
                  py(f.flow));
    os << buf;
  }
  std::snprintf(buf, sizeof buf,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"none\" stroke=\"black\"/>"
                "<text x=\"%.1f\" y=\"%.1f\">measured (Seyfried 2009 to 1.2 m, Liddle 2011 beyond; bar "
                "&#177;15 %%)</text>\n"
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#c03\"/><text x=\"%.1f\" y=\"%.1f\">micro "
                "model (mean of 3 seeds)</text>\n",
                kLeft + 10, kTop + 6, kLeft + 24, kTop + 14, kLeft + 14, kTop + 28, kLeft + 24, kTop + 32);
  os << buf;
  os << "</svg>\n";
  return os.str();
}

}  // namespace ss::verify
