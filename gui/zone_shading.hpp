#pragma once
// What the zone choropleth shows of each zone (gui/zone_layers.hpp): its residents,
// how many are safe, and T90, the time by which 90 % of them were safe (the same
// nearest-rank rule as the run's key figures, engine/core/metrics.cpp: the
// ceil(0.9 × residents)-th arrival). A zone without residents has no class and no
// colour: "no residents" is not "0 % safe". Header-only and free of SFML so
// tests/gui/zone_shading_test.cpp can read it.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/display_text.hpp"
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "gui/legend.hpp"
#include "gui/view_state.hpp"

namespace ss::gui {

struct ZoneFigure {
  std::uint32_t residents = 0;
  std::uint32_t safe = 0;  // sheltered now
  double t90 = NAN;        // s from the run's start, NaN while fewer than 90 % are safe
};

// Figures of every zone (world.zone_count(), the extra "outside" zone last) at the
// state's time; `arrivals` is scratch reused between calls.
inline void zone_figures(const Model& m, const SimState& s, std::vector<ZoneFigure>& out,
                         std::vector<std::vector<float>>& arrivals) {
  const std::size_t zones = m.world.zone_count();
  out.assign(zones, ZoneFigure{});
  arrivals.resize(zones);
  for (auto& a : arrivals) a.clear();
  for (std::size_t i = 0; i < m.population.size() && i < m.home_zone.size() && i < s.status.size(); ++i) {
    const std::size_t z = m.home_zone[i].index();
    if (z >= zones) continue;
    ++out[z].residents;
    if (s.status[i] != Status::Sheltered) continue;
    ++out[z].safe;
    arrivals[z].push_back(s.arrival_time[i]);
  }
  for (std::size_t z = 0; z < zones; ++z) {
    const auto k = static_cast<std::size_t>(std::ceil(0.9 * out[z].residents));
    if (k == 0 || arrivals[z].size() < k) continue;
    std::nth_element(arrivals[z].begin(), arrivals[z].begin() + static_cast<std::ptrdiff_t>(k - 1),
                     arrivals[z].end());
    out[z].t90 = arrivals[z][k - 1];
  }
}

// The choropleth class of a zone (index into kZoneRamp, 0 = bad), nullopt for a zone
// without residents.
inline std::optional<std::size_t> zone_class(const ZoneFigure& f, ZoneMeasure measure) {
  if (f.residents == 0) return std::nullopt;
  if (measure == ZoneMeasure::ShareSafe) {
    const double share = static_cast<double>(f.safe) / f.residents;
    std::size_t c = 0;
    while (c < kZoneShareBreaks.size() && share >= kZoneShareBreaks[c]) ++c;
    return c;
  }
  if (std::isnan(f.t90)) return 0;  // not yet: as bad as the longest
  const double min = f.t90 / 60.0;
  std::size_t c = 0;
  while (c < kZoneT90BreaksMin.size() && min <= kZoneT90BreaksMin[c]) ++c;
  return c;
}

// The figure written under a zone's name: "62.3 % safe", "T90 0:24:12", "T90 not yet",
// "no residents", in the share and clock formats of the rest of the product
// (engine/core/display_text.hpp): 100 % only when everyone is safe, 0 % only when
// nobody is.
inline std::string zone_value_text(const ZoneFigure& f, ZoneMeasure measure) {
  if (f.residents == 0) return "no residents";
  if (measure == ZoneMeasure::ShareSafe)
    return format_percent(static_cast<std::uint64_t>(f.safe), static_cast<std::uint64_t>(f.residents)) +
           " safe";
  if (std::isnan(f.t90)) return "T90 not yet";
  return "T90 " + format_clock(f.t90);
}

}  // namespace ss::gui
