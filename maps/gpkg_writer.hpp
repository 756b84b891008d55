#pragma once
// Writing GeoPackage layers for QGIS, shared by results.gpkg (maps/results_gpkg.cpp)
// and a batch's comparison.gpkg (maps/comparison_gpkg.cpp): a layer writer that
// declares fields once and writes features in one transaction, and QGIS styles (QML
// documents) stored in the `layer_styles` table QGIS reads from a GeoPackage.
// Internal to maps/ (it includes GDAL headers).
#include <string>
#include <utility>
#include <vector>

#include "maps/gdal_support.hpp"
#include "maps/heat_classes.hpp"

namespace ss::maps::detail {

// One layer being written: fields declared once, then features.
class LayerWriter {
 public:
  // `to_srs` (optional): features' geometries are reprojected from the map's CRS by it.
  LayerWriter(GDALDataset& ds, const std::string& name, OGRSpatialReference* srs, OGRwkbGeometryType type,
              const std::vector<std::pair<std::string, OGRFieldType>>& fields,
              OGRCoordinateTransformation* to_srs = nullptr);
  LayerWriter(const LayerWriter&) = delete;
  LayerWriter& operator=(const LayerWriter&) = delete;
  ~LayerWriter() = default;

  [[nodiscard]] FeaturePtr feature() const;
  // Sets a real field; NaN (and infinite: "never") is written as null.
  static void number(OGRFeature& f, const char* field, double v);
  void add(FeaturePtr f, OGRGeometry* g);
  void finish();

 private:
  std::string name_;
  OGRLayer* layer_ = nullptr;
  OGRCoordinateTransformation* to_srs_ = nullptr;
};

// --- QGIS styles -------------------------------------------------------------------

// A QGIS style document (QML) with one renderer (renderer-v2) for the layer.
std::string qml(const std::string& renderer);

// A symbol of one of QGIS's simple layer classes: `type` "fill" (polygons), "line" or
// "marker"; `rgb` as "r,g,b".
std::string symbol(const std::string& name, const std::string& type, const std::string& rgb);

struct Band {
  double lower = 0, upper = 0;
  std::string label{}, rgb{};
};

// A graduated renderer: colour bands on a numeric field, with their legend labels.
std::string graduated(const std::string& field, const std::string& type, const std::vector<Band>& bands);

// A categorized renderer: one colour per value of a text field (value, "r,g,b").
std::string categorized(const std::string& field, const std::string& type,
                        const std::vector<std::pair<std::string, std::string>>& values);

// The colour bands of a heat figure's classes (maps/heat_classes.hpp, the table the
// GUI's heat layers share), the top one open (upper 100000).
std::vector<Band> bands(HeatFigure f);

// Time to safety in minutes after the start (bands(HeatFigure::TimeToSafety)).
std::vector<Band> time_bands();

// Crowding in Fruin's levels of service for walkways (bands(HeatFigure::PeakDensity)).
std::vector<Band> fruin_bands();

// A raster renderer for a QGIS style document (qml()): band 1 in discrete colour
// classes (singleband pseudocolor), each class up to its band's upper bound, the top
// one open (upper ≥ 1000), labelled with the band's label (which carries the unit).
std::string pseudocolor(const std::vector<Band>& bands);

// One row of `layer_styles`.
struct LayerStyle {
  std::string table;
  std::string name;
  std::string renderer;  // graduated() or categorized()
  bool by_default = false;
  std::string description{};
};

// Writes the `layer_styles` table with these styles, in this order.
void write_layer_styles(GDALDataset& ds, const std::vector<LayerStyle>& styles);

}  // namespace ss::maps::detail
