#pragma once
// Internal to results.gpkg (maps/results_gpkg*.cpp): one layer being written, with
// fields declared once and then features, into a GeoPackage in the map's CRS or
// reprojected on the way (results_wgs84.gpkg). Not part of the maps API.
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/metrics.hpp"
#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "maps/gdal_support.hpp"
#include "maps/gpkg_writer.hpp"

namespace ss::maps::results {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Minutes from seconds (NaN stays NaN: written as null).
inline double minutes(double s) { return s / 60.0; }

// Where the layers go: the dataset, the CRS the layers declare (null: none), and the
// transformation from the map's CRS into it (null: the map's own CRS).
struct Target {
  GDALDataset* ds = nullptr;
  OGRSpatialReference* srs = nullptr;
  OGRCoordinateTransformation* to_srs = nullptr;
};

using Fields = std::vector<std::pair<std::string, OGRFieldType>>;

// A layer of results.gpkg: the shared GeoPackage layer writer (maps/gpkg_writer.hpp)
// into the target's dataset, CRS and reprojection.
class LayerWriter : public detail::LayerWriter {
 public:
  LayerWriter(const Target& to, const std::string& name, OGRwkbGeometryType type, const Fields& fields)
      : detail::LayerWriter(*to.ds, name, to.srs, type, fields, to.to_srs) {}
};

// The layers of results.gpkg, each in its own file: streets, closures and team
// tracks in results_gpkg_streets.cpp, the styles in results_gpkg_styles.cpp.
void write_streets(const Target& to, const Model& m, const SimState& s);
void write_closures(const Target& to, const Model& m, const SimState& s);
void write_team_tracks(const Target& to, const Model& m, const SimState& s);
void write_styles(const Target& to, const Model& m);

// The street edge e as a line in the map's CRS, from edge_from to edge_to.
OGRLineString street_line(const Model& m, EdgeId e);

}  // namespace ss::maps::results
