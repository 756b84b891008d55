#include "maps/comparison_gpkg.hpp"

#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "engine/core/input_error.hpp"
#include "engine/core/state_hash.hpp"
#include "maps/gdal_support.hpp"
#include "maps/gpkg_writer.hpp"

namespace ss::maps {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string wkb_of(const OGRGeometry& g) {
  std::string wkb(static_cast<std::size_t>(g.WkbSize()), '\0');
  g.exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
  return wkb;
}

// FNV-1a 64 of the bytes (the state hash's hasher), as 16 hex digits.
std::string key_of(const std::string& wkb) {
  StateHasher h;
  for (const char c : wkb) h.add(c);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016" PRIx64, h.value());
  return hex;
}

double or_nan(const std::optional<double>& v) { return v ? *v : kNaN; }

bool defined_srs(GDALDataset& ds, const std::string& table) {
  std::string quoted;  // the name as an SQL string literal
  for (const char c : table) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  OGRLayer* r = ds.ExecuteSQL(
      ("SELECT srs_id FROM gpkg_contents WHERE table_name = '" + quoted + "'").c_str(), nullptr, nullptr);
  if (!r) return true;  // not a GeoPackage: trust GDAL's answer
  bool defined = true;
  for (const auto& f : *r) defined = f->GetFieldAsInteger(0) > 0;
  ds.ReleaseResultSet(r);
  return defined;
}

// Differences in minutes, variant − base: ColorBrewer RdBu, 7 classes (Brewer 2003,
// colorbrewer2.org; a diverging scheme that stays readable for the common colour-vision
// deficiencies), blue earlier (better), red later (worse), near white within half a
// minute. The band edges (0.5, 3, 10 min) are a planning assumption for reading the
// map; whether a difference is real is the category style's business.
std::vector<detail::Band> difference_bands() {
  return {
      {-100000, -10, "over 10 min earlier", "33,102,172"}, {-10, -3, "3-10 min earlier", "103,169,207"},
      {-3, -0.5, "0.5-3 min earlier", "209,229,240"},      {-0.5, 0.5, "within half a minute", "247,247,247"},
      {0.5, 3, "0.5-3 min later", "253,219,199"},          {3, 10, "3-10 min later", "239,138,98"},
      {10, 100000, "over 10 min later", "178,24,43"}};
}

// better / worse in the report's colours (Okabe & Ito 2008: blue #0072B2, vermillion
// #D55E00, distinct with the common colour-vision deficiencies), unchanged grey.
std::string category_renderer() {
  return detail::categorized("category", "fill",
                             {{"better", "0,114,178"}, {"worse", "213,94,0"}, {"unchanged", "220,220,220"}});
}

std::vector<std::pair<std::string, OGRFieldType>> fields_of(const ComparedLayer& l) {
  std::vector<std::pair<std::string, OGRFieldType>> f = {
      {l.name_field, OFTString}, {"residents", OFTInteger}, {"variant", OFTString}, {"seeds", OFTInteger}};
  for (const ComparedMeasure& m : l.measures) {
    f.emplace_back(m.field, OFTReal);
    if (l.base) continue;
    f.emplace_back("base_" + m.field, OFTReal);
    f.emplace_back("diff_" + m.field, OFTReal);
    f.emplace_back("diff_" + m.field + "_low", OFTReal);
    f.emplace_back("diff_" + m.field + "_high", OFTReal);
    f.emplace_back("diff_" + m.field + "_n", OFTInteger);
    f.emplace_back(m.field + "_change", OFTString);
  }
  if (!l.base) f.emplace_back("category", OFTString);
  return f;
}

void write_layer(GDALDataset& ds, OGRSpatialReference* srs, const ComparedLayer& l) {
  detail::LayerWriter w(ds, l.name, srs, wkbPolygon, fields_of(l));
  for (const ComparedFeature& cf : l.features) {
    detail::FeaturePtr f = w.feature();
    f->SetField(l.name_field.c_str(), cf.name.c_str());
    f->SetField("residents", cf.residents);
    f->SetField("variant", l.variant.c_str());
    f->SetField("seeds", cf.seeds);
    for (std::size_t k = 0; k < l.measures.size() && k < cf.values.size(); ++k) {
      const std::string& m = l.measures[k].field;
      const ComparedValue& v = cf.values[k];
      detail::LayerWriter::number(*f, m.c_str(), or_nan(v.mean));
      if (l.base) continue;
      detail::LayerWriter::number(*f, ("base_" + m).c_str(), or_nan(v.base_mean));
      detail::LayerWriter::number(*f, ("diff_" + m).c_str(), or_nan(v.diff));
      detail::LayerWriter::number(*f, ("diff_" + m + "_low").c_str(), or_nan(v.diff_low));
      detail::LayerWriter::number(*f, ("diff_" + m + "_high").c_str(), or_nan(v.diff_high));
      f->SetField(("diff_" + m + "_n").c_str(), v.paired);
      f->SetField((m + "_change").c_str(), v.change.c_str());
    }
    if (!l.base) f->SetField("category", cf.category.c_str());
    OGRGeometry* g = nullptr;
    if (!cf.geometry.empty() &&
        OGRGeometryFactory::createFromWkb(cf.geometry.data(), nullptr, &g, cf.geometry.size()) != OGRERR_NONE)
      throw std::runtime_error("cannot write a geometry of " + l.name);
    const std::unique_ptr<OGRGeometry> owned(g);
    w.add(std::move(f), g);
  }
  w.finish();
}

// The measure a layer's default style draws: T90 for zones (as results.gpkg's zones),
// the first time otherwise.
const ComparedMeasure* styled_measure(const ComparedLayer& l) {
  for (const ComparedMeasure& m : l.measures)
    if (m.field == "t90_min") return &m;
  for (const ComparedMeasure& m : l.measures)
    if (m.minutes) return &m;
  return nullptr;
}

// A measure's name in a style's title.
std::string words(const ComparedMeasure& m) { return m.field == "t90_min" ? "T90" : "time to safety"; }

std::vector<detail::LayerStyle> styles_of(const std::vector<ComparedLayer>& layers) {
  std::vector<detail::LayerStyle> styles;
  for (const ComparedLayer& l : layers) {
    const ComparedMeasure* m = styled_measure(l);
    if (l.base) {
      if (m)
        styles.push_back({l.name, words(*m), detail::graduated(m->field, "fill", detail::time_bands()), true,
                          "the base plan's " + m->field + ", mean over seeds, minutes after the start"});
      continue;
    }
    if (m)
      styles.push_back(
          {l.name, "difference in " + words(*m),
           detail::graduated("diff_" + m->field, "fill", difference_bands()), true,
           l.variant + " minus the base plan, mean of the paired differences over seeds, minutes"});
    styles.push_back({l.name, "category", category_renderer(), !m,
                      "better or worse than the base plan where the difference is real (docs/batch.md)"});
  }
  return styles;
}

}  // namespace

RunResultsFile read_results_gpkg(const std::string& path, const std::vector<ResultsLayerRequest>& requests,
                                 bool with_geometry) {
  detail::DatasetPtr ds = detail::open_vector(path, {});
  RunResultsFile out;
  bool crs_read = false;
  for (const ResultsLayerRequest& req : requests) {
    OGRLayer* layer = ds->GetLayerByName(req.layer.c_str());
    if (!layer) throw InputError(path, 0, req.layer, "no layer " + req.layer);
    if (!crs_read) {
      // A layer written without a CRS has srs_id -1 or 0 in gpkg_contents, "undefined
      // Cartesian / geographic SRS" (OGC 12-128r18, GeoPackage 1.3, 1.1.2.1.2), which
      // GDAL still reports as a spatial reference: ask the table itself.
      if (const OGRSpatialReference* srs = layer->GetSpatialRef(); srs && defined_srs(*ds, req.layer)) {
        char* wkt = nullptr;
        srs->exportToWkt(&wkt);
        out.crs_wkt = wkt ? wkt : "";
        CPLFree(wkt);
      }
      crs_read = true;
    }
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    auto index = [&](const std::string& field) {
      const int i = detail::field_index(defn, field);
      if (i < 0) throw InputError(path, 0, req.layer + "." + field, "no field " + field);
      return i;
    };
    const int name_i = index(req.name_field), residents_i = index("residents");
    std::vector<int> value_i;
    for (const std::string& f : req.fields) value_i.push_back(index(f));
    ResultsLayer rl;
    layer->ResetReading();
    for (const auto& f : *layer) {
      ResultsFeature rf;
      const OGRGeometry* g = f->GetGeometryRef();
      const std::string wkb = g ? wkb_of(*g) : std::string();
      rf.key = key_of(wkb);
      if (with_geometry) rf.geometry = wkb;
      rf.name = detail::field_string(*f, name_i).value_or("");
      rf.residents = f->GetFieldAsInteger(residents_i);
      for (const int i : value_i)
        rf.values.push_back(f->IsFieldSetAndNotNull(i) ? std::optional<double>(f->GetFieldAsDouble(i))
                                                       : std::nullopt);
      rl.features.push_back(std::move(rf));
    }
    out.layers.push_back(std::move(rl));
  }
  return out;
}

void write_comparison_gpkg(const std::string& path, const std::string& crs_wkt,
                           const std::vector<ComparedLayer>& layers) {
  detail::ensure_gdal_registered();
  GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!gpkg) throw std::runtime_error("GDAL lacks the GPKG driver");
  const std::string tmp = detail::temp_name(path);
  std::filesystem::remove(tmp);
  try {
    detail::DatasetPtr out{gpkg->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr)};
    if (!out) throw std::runtime_error("cannot create " + tmp);
    OGRSpatialReference srs = detail::srs_from_wkt(crs_wkt);
    OGRSpatialReference* s = crs_wkt.empty() ? nullptr : &srs;
    for (const ComparedLayer& l : layers) write_layer(*out, s, l);
    detail::write_layer_styles(*out, styles_of(layers));
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);  // nothing half-written stays behind
    throw;
  }
  detail::commit(tmp, path);
}

}  // namespace ss::maps
