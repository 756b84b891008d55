// results.gpkg: the QGIS styles of its layers, in the layer_styles table QGIS reads
// from a GeoPackage (one default per layer, more to load by name).
#include <cstdio>
#include <string>
#include <vector>

#include "maps/results_gpkg_layer.hpp"

namespace ss::maps::results {
namespace {

// A QGIS style document (QML) with one renderer (renderer-v2) for the layer.
std::string qml(const std::string& renderer) {
  return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.0\" "
         "styleCategories=\"Symbology\">\n" +
         renderer + "</qgis>\n";
}

// A symbol of one of QGIS's simple layer classes: fill (polygons), line or marker.
std::string symbol(const std::string& name, const std::string& type, const std::string& rgb) {
  std::string layer;
  if (type == "fill")
    layer = "<layer class=\"SimpleFill\" enabled=\"1\" pass=\"0\" locked=\"0\"><prop k=\"color\" v=\"" + rgb +
            ",255\"/><prop k=\"outline_color\" v=\"60,60,60,255\"/><prop k=\"outline_width\" "
            "v=\"0.1\"/><prop k=\"style\" v=\"solid\"/></layer>";
  else if (type == "line")
    layer = "<layer class=\"SimpleLine\" enabled=\"1\" pass=\"0\" locked=\"0\"><prop k=\"line_color\" v=\"" +
            rgb + ",255\"/><prop k=\"line_width\" v=\"0.6\"/></layer>";
  else
    layer = "<layer class=\"SimpleMarker\" enabled=\"1\" pass=\"0\" locked=\"0\"><prop k=\"color\" v=\"" +
            rgb +
            ",255\"/><prop k=\"name\" v=\"square\"/><prop k=\"size\" v=\"3\"/><prop k=\"outline_color\" "
            "v=\"35,35,35,255\"/></layer>";
  return "<symbol type=\"" + type + "\" name=\"" + name + "\" alpha=\"1\" clip_to_extent=\"1\">" + layer +
         "</symbol>\n";
}

struct Band {
  double lower, upper;
  std::string label, rgb;
};

// A graduated renderer: colour bands on a numeric field, with their legend labels.
std::string graduated(const std::string& field, const std::string& type, const std::vector<Band>& bands) {
  std::string ranges, symbols;
  for (std::size_t k = 0; k < bands.size(); ++k) {
    const std::string id = std::to_string(k);
    char lo[32], hi[32];
    std::snprintf(lo, sizeof lo, "%g", bands[k].lower);
    std::snprintf(hi, sizeof hi, "%g", bands[k].upper);
    ranges += "<range lower=\"" + std::string(lo) + "\" upper=\"" + hi + "\" symbol=\"" + id + "\" label=\"" +
              bands[k].label + "\" render=\"true\"/>\n";
    symbols += symbol(id, type, bands[k].rgb);
  }
  return "<renderer-v2 type=\"graduatedSymbol\" attr=\"" + field +
         "\" graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">\n"
         "<ranges>\n" +
         ranges + "</ranges>\n<symbols>\n" + symbols + "</symbols>\n</renderer-v2>\n";
}

// Text for an XML attribute (names come from the scenario: "&", "<", quotes).
std::string xml_attr(const std::string& v) {
  std::string out;
  for (const char c : v) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

// A categorized renderer: one colour per value of a text field.
std::string categorized(const std::string& field, const std::string& type,
                        const std::vector<std::pair<std::string, std::string>>& values) {
  std::string cats, symbols;
  for (std::size_t k = 0; k < values.size(); ++k) {
    const std::string id = std::to_string(k);
    const std::string v = xml_attr(values[k].first);
    cats += "<category value=\"" + v + "\" symbol=\"" + id + "\" label=\"" + v + "\" render=\"true\"/>\n";
    symbols += symbol(id, type, values[k].second);
  }
  return "<renderer-v2 type=\"categorizedSymbol\" attr=\"" + field +
         "\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">\n<categories>\n" + cats +
         "</categories>\n<symbols>\n" + symbols + "</symbols>\n</renderer-v2>\n";
}

// Time to safety in minutes after the start: ColorBrewer RdYlGn (Brewer 2003), green
// early to red late; homes with nobody safe have no value and are not drawn in this
// style (the outcome style shows them).
std::vector<Band> time_bands() {
  return {{0, 30, "under 30 min", "26,150,65"},
          {30, 60, "30-60 min", "166,217,106"},
          {60, 90, "60-90 min", "255,255,191"},
          {90, 120, "90-120 min", "253,174,97"},
          {120, 100000, "over 2 h", "215,25,28"}};
}

}  // namespace

// Crowding after Fruin's level of service for walkways (Fruin 1971, Pedestrian
// Planning and Design, ch. 4: A ≥ 35 ft² per person, B 25–35, C 15–25, D 10–15,
// E 5–10, F under 5), as persons per m²: A under 0.31, B to 0.43, C to 0.72, D to
// 1.08, E to 2.17, F above; ColorBrewer RdYlGn, green free to red jammed.
std::vector<Band> fruin_bands() {
  return {{0, 0.31, "A: under 0.31 /m2", "26,152,80"},     {0.31, 0.43, "B: 0.31-0.43 /m2", "145,207,96"},
          {0.43, 0.72, "C: 0.43-0.72 /m2", "217,239,139"}, {0.72, 1.08, "D: 0.72-1.08 /m2", "254,224,139"},
          {1.08, 2.17, "E: 1.08-2.17 /m2", "252,141,89"},  {2.17, 1000, "F: over 2.17 /m2", "215,48,39"}};
}

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

void write_styles(const Target& to, const Model& m) {
  // The columns QGIS creates and reads (QgsOgrProviderUtils, GeoPackage layer_styles).
  // A table: no CRS, no geometry, nothing to reproject.
  LayerWriter w(Target{to.ds, nullptr, nullptr}, "layer_styles", wkbNone,
                {{"f_table_catalog", OFTString},
                 {"f_table_schema", OFTString},
                 {"f_table_name", OFTString},
                 {"f_geometry_column", OFTString},
                 {"styleName", OFTString},
                 {"styleQML", OFTString},
                 {"styleSLD", OFTString},
                 {"useAsDefault", OFTInteger},
                 {"description", OFTString},
                 {"owner", OFTString},
                 {"ui", OFTString},
                 {"update_time", OFTString}});
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
  struct Style {
    const char* table;
    const char* name;
    std::string renderer;
    bool by_default;
    const char* description;
  };
  const std::vector<Style> styles = {
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
  for (const Style& st : styles) {
    detail::FeaturePtr f = w.feature();
    f->SetField("f_table_catalog", "");
    f->SetField("f_table_schema", "");
    f->SetField("f_table_name", st.table);
    f->SetField("f_geometry_column", "geom");
    f->SetField("styleName", st.name);
    f->SetField("styleQML", qml(st.renderer).c_str());
    f->SetField("styleSLD", "");
    f->SetField("useAsDefault", st.by_default ? 1 : 0);
    f->SetField("description", st.description);
    f->SetField("owner", "");
    f->SetField("ui", "");
    f->SetField("update_time", "2000-01-01T00:00:00Z");  // fixed: the file is a function of the run
    w.add(std::move(f), nullptr);
  }
  w.finish();
}

}  // namespace ss::maps::results
