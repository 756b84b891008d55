// results.gpkg: the QGIS styles of its layers, in the layer_styles table QGIS reads
// from a GeoPackage (one default per layer, more to load by name).
#include <cstdio>
#include <string>
#include <vector>

#include "maps/gpkg_writer.hpp"
#include "maps/results_gpkg_layer.hpp"

namespace ss::maps::results {

using detail::Band;
using detail::categorized;
using detail::fruin_bands;
using detail::graduated;
using detail::time_bands;

namespace {

// Deepest water in bands at the flood model's default wading limits (docs/flood.md
// "Closures per wading class"): 0.3 m closes streets to the elderly, children and
// walking-aid users, 0.5 m to adults and vehicles (AIDR Handbook 7-3); 0.1 m and 1 m
// are planning assumptions (wet feet; beyond any wading). ColorBrewer Blues. Null
// (no flood) is not drawn.
std::vector<Band> water_bands() {
  return {{0, 0.01, "dry", "239,243,255"},        {0.01, 0.1, "under 0.1 m", "198,219,239"},
          {0.1, 0.3, "0.1-0.3 m", "107,174,214"}, {0.3, 0.5, "0.3-0.5 m", "49,130,189"},
          {0.5, 1.0, "0.5-1 m", "8,81,156"},      {1.0, 1000, "over 1 m", "8,48,107"}};
}

}  // namespace

void write_styles(const Target& to, const Model& m) {
  std::vector<std::pair<std::string, std::string>> outcome_colours = {{"all_safe", "26,150,65"}};
  // Not safe, by outcome: a qualitative scheme (ColorBrewer Set1).
  const char* set1[] = {"228,26,28",   "55,126,184",  "152,78,163", "255,127,0", "166,86,40",
                        "247,129,191", "153,153,153", "77,175,74",  "255,255,51"};
  for (std::size_t o = 0, k = 0; o < kOutcomeCount; ++o)
    if (!is_safe(static_cast<Outcome>(o)))
      outcome_colours.emplace_back(to_string(static_cast<Outcome>(o)), set1[k++]);
  // One colour per team (ColorBrewer Dark2, repeating past eight teams).
  const char* dark2[] = {"27,158,119", "217,95,2",  "117,112,179", "231,41,138",
                         "102,166,30", "230,171,2", "166,118,29",  "102,102,102"};
  std::vector<std::pair<std::string, std::string>> team_colours;
  for (std::size_t k = 0; k < m.plan.response.teams.size(); ++k)
    team_colours.emplace_back(m.plan.response.teams[k].name, dark2[k % 8]);
  const std::vector<detail::LayerStyle> styles = {
      {"homes", "time to safety", graduated("safe_median_min", "fill", time_bands()), true,
       "median time to safety of the residents, minutes after the start"},
      {"homes", "outcome", categorized("outcome", "fill", outcome_colours), false,
       "everyone safe, or the commonest reason some are not"},
      {"streets", "walkers",
       graduated("walkers", "line",
                 {{0, 0.5, "nobody", "200,200,200"},
                  {0.5, 100, "1-100", "254,224,139"},
                  {100, 500, "100-500", "253,174,97"},
                  {500, 1000000000, "over 500", "215,48,39"}}),
       true, "residents who walked each street"},
      {"streets", "peak_density", graduated("peak_density", "line", fruin_bands()), false,
       "highest persons per m2 on the street, in Fruin's levels of service for walkways (Fruin 1971)"},
      {"streets", "max_water_m", graduated("max_water_m", "line", water_bands()), false,
       "deepest water on the street over the run, m"},
      {"homes", "max_water_m", graduated("max_water_m", "fill", water_bands()), false,
       "deepest water at the door over the run, m"},
      {"closures", "by",
       categorized("by", "line", {{"plan", "55,126,184"}, {"inject", "255,127,0"}, {"hazard", "228,26,28"}}),
       true, "street closures by who closed them: the plan, an inject, a hazard"},
      {"team_tracks", "team", categorized("team", "line", team_colours), true,
       "the legs each team travelled"},
      {"shelters", "peak use",
       graduated("peak_share", "marker",
                 {{0, 0.5, "under half full", "26,150,65"},
                  {0.5, 0.999, "half to nearly full", "254,224,139"},
                  {0.999, 1000, "full", "215,25,28"}}),
       true, "highest occupancy over capacity"},
      {"zones", "T90", graduated("t90_min", "fill", time_bands()), true,
       "time by which 90 % of the zone's residents were safe, minutes after the start"},
      {"tasks", "reached",
       categorized("kind", "marker", {{"door_knock", "55,126,184"}, {"assist", "228,26,28"}}), true,
       "door-knocks and assistance tasks at the home"},
  };
  detail::write_layer_styles(*to.ds, styles);
}

}  // namespace ss::maps::results
