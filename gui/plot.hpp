#pragma once
// A multi-line plot for ImGui 1.86 (whose PlotLines draws one series): several
// series over a shared time axis, a legend, and a hover readout.
#include <string>
#include <vector>

#include "gui/palette.hpp"

namespace ss::gui {

struct Series {
  std::string label;
  Rgb colour;
  std::vector<float> y;  // one value per x
};

struct AppContext;

// x: times in s (ascending). y range is [0, y_max]. `unit` labels the hover values.
// The legend's labels are recorded as "plot.legend" probes in `probes` when given.
void plot_series(const char* id, const std::vector<float>& x, const std::vector<Series>& series, float y_max,
                 float height, const char* unit, bool legend = true, AppContext* probes = nullptr);

}  // namespace ss::gui
