#include "batch/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "i18n/number_format.hpp"

namespace ss::batch {
namespace {

// Plot area inside the SVG, in px.
constexpr double kWidth = 860, kHeight = 380, kLeft = 60, kRight = 200, kTop = 20, kBottom = 50;

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Axis label: whole numbers without a decimal point.
std::string label(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, std::fabs(v - std::round(v)) < 1e-9 ? "%.0f" : "%.1f", v);
  return buf;
}

// A "nice" step for about `target` grid lines over `range` (1, 2 or 5 × 10^k, the
// usual choice of plotting libraries, e.g. Heckbert, "Nice numbers for graph
// labels", Graphics Gems 1990).
double nice_step(double range, int target) {
  const double raw = range / target;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * mag >= raw) return m * mag;
  return 10.0 * mag;
}

}  // namespace

const char* variant_colour(std::size_t i) {
  static const char* kPalette[] = {"#000000", "#E69F00", "#56B4E9", "#009E73",
                                   "#0072B2", "#D55E00", "#CC79A7", "#F0E442"};
  return kPalette[i % 8];
}

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string evacuation_chart_svg(const std::vector<VariantCurve>& curves, i18n::Language l) {
  double t_max = 60;  // s; at least one minute so an empty chart still has an axis
  for (const VariantCurve& c : curves)
    if (!c.time_s.empty()) t_max = std::max(t_max, c.time_s.back());
  const double minutes = t_max / 60.0;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto x = [&](double t_s) { return kLeft + plot_w * (t_s / 60.0) / minutes; };
  auto y = [&](double share) { return kTop + plot_h * (1.0 - share); };

  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + fmt(kWidth) + "\" height=\"" +
                  fmt(kHeight) + "\" viewBox=\"0 0 " + fmt(kWidth) + " " + fmt(kHeight) +
                  "\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"" +
                  html_escape(tr(l, "Evacuation curves")) + "\">\n";
  // Grid and axes.
  const double step = nice_step(minutes, 8);
  for (double m = 0; m <= minutes + 1e-9; m += step) {
    s += "<line x1=\"" + fmt(x(m * 60)) + "\" y1=\"" + fmt(kTop) + "\" x2=\"" + fmt(x(m * 60)) + "\" y2=\"" +
         fmt(kTop + plot_h) + "\" stroke=\"#ddd\"/>\n";
    s += "<text x=\"" + fmt(x(m * 60)) + "\" y=\"" + fmt(kTop + plot_h + 16) + "\" text-anchor=\"middle\">" +
         i18n::localize_number(label(m), l) + "</text>\n";
  }
  for (int p = 0; p <= 100; p += 20) {
    s += "<line x1=\"" + fmt(kLeft) + "\" y1=\"" + fmt(y(p / 100.0)) + "\" x2=\"" + fmt(kLeft + plot_w) +
         "\" y2=\"" + fmt(y(p / 100.0)) + "\" stroke=\"#ddd\"/>\n";
    s += "<text x=\"" + fmt(kLeft - 6) + "\" y=\"" + fmt(y(p / 100.0) + 4) + "\" text-anchor=\"end\">" +
         std::to_string(p) + " %</text>\n";
  }
  s += "<rect x=\"" + fmt(kLeft) + "\" y=\"" + fmt(kTop) + "\" width=\"" + fmt(plot_w) + "\" height=\"" +
       fmt(plot_h) + "\" fill=\"none\" stroke=\"#444\"/>\n";
  s += "<text x=\"" + fmt(kLeft + plot_w / 2) + "\" y=\"" + fmt(kHeight - 10) + "\" text-anchor=\"middle\">" +
       html_escape(tr(l, "time since start (min)")) + "</text>\n";
  s += "<text transform=\"translate(16 " + fmt(kTop + plot_h / 2) +
       ") rotate(-90)\" text-anchor=\"middle\">" + html_escape(tr(l, "residents sheltered")) + "</text>\n";

  for (std::size_t i = 0; i < curves.size(); ++i) {
    const VariantCurve& c = curves[i];
    const std::string colour = variant_colour(i);
    if (!c.time_s.empty()) {
      std::string band;
      for (std::size_t k = 0; k < c.time_s.size(); ++k)
        band += fmt(x(c.time_s[k])) + "," + fmt(y(c.max[k])) + " ";
      for (std::size_t k = c.time_s.size(); k-- > 0;)
        band += fmt(x(c.time_s[k])) + "," + fmt(y(c.min[k])) + " ";
      s += "<polygon points=\"" + band + "\" fill=\"" + colour +
           "\" fill-opacity=\"0.18\" stroke=\"none\"/>\n";
      std::string line;
      for (std::size_t k = 0; k < c.time_s.size(); ++k)
        line += fmt(x(c.time_s[k])) + "," + fmt(y(c.mean[k])) + " ";
      s += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"/>\n";
    }
    const double ly = kTop + 10 + 20.0 * static_cast<double>(i);
    s += "<rect x=\"" + fmt(kLeft + plot_w + 14) + "\" y=\"" + fmt(ly - 6) +
         "\" width=\"18\" height=\"10\" fill=\"" + colour + "\" fill-opacity=\"0.5\" stroke=\"" + colour +
         "\"/>\n";
    s += "<text x=\"" + fmt(kLeft + plot_w + 38) + "\" y=\"" + fmt(ly + 3) + "\">" + html_escape(c.variant) +
         "</text>\n";
  }
  s += "</svg>\n";
  return s;
}

}  // namespace ss::batch
