#include "maps/gpkg_writer.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace ss::maps::detail {

LayerWriter::LayerWriter(GDALDataset& ds, const std::string& name, OGRSpatialReference* srs,
                         OGRwkbGeometryType type,
                         const std::vector<std::pair<std::string, OGRFieldType>>& fields,
                         OGRCoordinateTransformation* to_srs)
    : name_(name), to_srs_(to_srs) {
  layer_ = ds.CreateLayer(name.c_str(), srs, type, nullptr);
  if (!layer_) throw std::runtime_error("cannot create layer " + name);
  for (const auto& [field, kind] : fields) {
    OGRFieldDefn fd(field.c_str(), kind);
    if (layer_->CreateField(&fd) != OGRERR_NONE) throw std::runtime_error("cannot add field " + field);
  }
  if (layer_->StartTransaction() != OGRERR_NONE) throw std::runtime_error("cannot write layer " + name);
}

FeaturePtr LayerWriter::feature() const {
  return FeaturePtr{OGRFeature::CreateFeature(layer_->GetLayerDefn())};
}

void LayerWriter::number(OGRFeature& f, const char* field, double v) {
  if (!std::isfinite(v))
    f.SetFieldNull(f.GetFieldIndex(field));
  else
    f.SetField(field, v);
}

void LayerWriter::add(FeaturePtr f, OGRGeometry* g) {
  if (g) {
    if (to_srs_ && g->transform(to_srs_) != OGRERR_NONE)
      throw std::runtime_error("cannot reproject a feature of " + name_);
    f->SetGeometry(g);
  }
  if (layer_->CreateFeature(f.get()) != OGRERR_NONE) throw std::runtime_error("cannot write to " + name_);
}

void LayerWriter::finish() {
  if (layer_->CommitTransaction() != OGRERR_NONE) throw std::runtime_error("cannot write layer " + name_);
}

std::string qml(const std::string& renderer) {
  return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.0\" "
         "styleCategories=\"Symbology\">\n" +
         renderer + "</qgis>\n";
}

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

namespace {

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

}  // namespace

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

std::vector<Band> bands(HeatFigure f) {
  std::vector<Band> out;
  double lower = 0.0;
  const std::span<const HeatClass> classes = heat_classes(f);
  for (std::size_t k = 0; k < classes.size(); ++k) {
    const HeatClass& c = classes[k];
    const double upper = k + 1 < classes.size() ? c.upper : 100000.0;  // the open top class
    out.push_back(
        {lower, upper, c.label,
         std::to_string(c.colour.r) + "," + std::to_string(c.colour.g) + "," + std::to_string(c.colour.b)});
    lower = upper;
  }
  return out;
}

std::vector<Band> time_bands() { return bands(HeatFigure::TimeToSafety); }

std::vector<Band> fruin_bands() { return bands(HeatFigure::PeakDensity); }

std::string pseudocolor(const std::vector<Band>& bands) {
  std::string items;
  for (const Band& b : bands) {
    char upper[32];
    if (b.upper >= 1000)  // the open top class
      std::snprintf(upper, sizeof upper, "inf");
    else
      std::snprintf(upper, sizeof upper, "%g", b.upper);
    int r = 0, g = 0, bl = 0;
    std::sscanf(b.rgb.c_str(), "%d,%d,%d", &r, &g, &bl);
    char colour[8];
    std::snprintf(colour, sizeof colour, "#%02x%02x%02x", r & 0xff, g & 0xff, bl & 0xff);
    items += std::string("<item alpha=\"255\" value=\"") + upper + "\" label=\"" + xml_attr(b.label) +
             "\" color=\"" + colour + "\"/>\n";
  }
  char lo[32], hi[32];
  std::snprintf(lo, sizeof lo, "%g", bands.empty() ? 0.0 : bands.front().lower);
  std::snprintf(hi, sizeof hi, "%g", bands.empty() ? 1.0 : bands.back().lower);
  return "<pipe>\n<rasterrenderer type=\"singlebandpseudocolor\" band=\"1\" opacity=\"1\" "
         "alphaBand=\"-1\" nodataColor=\"\" classificationMin=\"" +
         std::string(lo) + "\" classificationMax=\"" + hi +
         "\">\n<rastershader>\n<colorrampshader colorRampType=\"DISCRETE\" classificationMode=\"1\" "
         "clip=\"0\" minimumValue=\"" +
         lo + "\" maximumValue=\"" + hi + "\">\n" + items +
         "</colorrampshader>\n</rastershader>\n</rasterrenderer>\n</pipe>\n";
}

void write_layer_styles(GDALDataset& ds, const std::vector<LayerStyle>& styles) {
  // The columns QGIS creates and reads (QgsOgrProviderUtils, GeoPackage layer_styles).
  LayerWriter w(ds, "layer_styles", nullptr, wkbNone,
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
  for (const LayerStyle& st : styles) {
    FeaturePtr f = w.feature();
    f->SetField("f_table_catalog", "");
    f->SetField("f_table_schema", "");
    f->SetField("f_table_name", st.table.c_str());
    f->SetField("f_geometry_column", "geom");
    f->SetField("styleName", st.name.c_str());
    f->SetField("styleQML", qml(st.renderer).c_str());
    f->SetField("styleSLD", "");
    f->SetField("useAsDefault", st.by_default ? 1 : 0);
    f->SetField("description", st.description.c_str());
    f->SetField("owner", "");
    f->SetField("ui", "");
    f->SetField("update_time", "2000-01-01T00:00:00Z");  // fixed: the file is a function of its inputs
    w.add(std::move(f), nullptr);
  }
  w.finish();
}

}  // namespace ss::maps::detail
