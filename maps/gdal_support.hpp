#pragma once
// Internal helpers shared by the maps/*.cpp importers: opening GDAL sources with
// errors that name the file, RAII handles, bulk coordinate transforms, and small
// string utilities. Not part of the maps API (it includes GDAL headers).
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/world/geometry.hpp"

namespace ss::maps::detail {

// Where a source was named (scenario file and line), used when the file itself is
// missing; problems inside a file name the file.
struct Origin {
  std::string file;
  int line = 0;
  std::string field;  // e.g. "map.streets"
};

void ensure_gdal_registered();

struct DatasetClose {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetClose>;

struct FeatureDelete {
  void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDelete>;

// Silences GDAL's default stderr printing while alive; the last message stays
// readable through last_message() for our own error text.
class QuietGdal {
 public:
  QuietGdal();
  ~QuietGdal();
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
  [[nodiscard]] static std::string last_message();
};

// Throw InputError: missing path -> names the origin (scenario line); unreadable -> names the path.
DatasetPtr open_vector(const std::string& path, const Origin& origin);
DatasetPtr open_raster(const std::string& path, const Origin& origin);
bool path_exists(const std::string& path);

bool is_osm(const std::string& path);  // .osm or .osm.pbf

// A CRS from WKT (empty: none) with traditional GIS axis order.
OGRSpatialReference srs_from_wkt(const std::string& wkt);
// "x.gpkg" -> "x.tmp.gpkg": outputs are written to this name, then renamed by commit()
// (whole or not at all); the GPKG driver wants its extension on the temporary file too.
std::string temp_name(const std::string& path);
void commit(const std::string& tmp, const std::string& path);

// WGS 84 with longitude first (OAMS_TRADITIONAL_GIS_ORDER).
OGRSpatialReference wgs84();
// Copy of `srs` with traditional GIS (x = easting/longitude) axis order.
OGRSpatialReference gis_order(const OGRSpatialReference& srs);

// Transforms points in place between two CRSs (both in traditional GIS order).
class Transform {
 public:
  Transform(const OGRSpatialReference& from, const OGRSpatialReference& to);  // throws std::runtime_error
  // Returns false if any point failed (those become NaN).
  bool apply(std::vector<Vec2>& pts) const;
  bool apply(Vec2& p) const;

 private:
  struct Destroy {
    void operator()(OGRCoordinateTransformation* t) const { OCTDestroyCoordinateTransformation(t); }
  };
  std::unique_ptr<OGRCoordinateTransformation, Destroy> ct_;
};

// Field helpers: index of a field by case-insensitive name (-1 if absent), and the
// string value of a set, non-null field (nullopt otherwise).
int field_index(OGRFeatureDefn* defn, std::string_view name);
std::optional<std::string> field_string(const OGRFeature& f, int index);

std::string lower(std::string_view s);
std::string trim(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool ends_with_ci(std::string_view s, std::string_view suffix);
// Strict number parsing of the whole (trimmed) string; nullopt on garbage.
std::optional<double> parse_double(std::string_view s);
std::optional<long long> parse_int(std::string_view s);

// Rings of a (multi)polygon geometry in its own CRS: outer ring first, then holes,
// one vector per polygon part. Empty for non-polygonal geometries.
struct PolygonRings {
  std::vector<Vec2> outer;
  std::vector<std::vector<Vec2>> holes;
};
std::vector<PolygonRings> polygon_parts(const OGRGeometry* g);
// Parts of a (multi)linestring geometry; empty for other types.
std::vector<std::vector<Vec2>> line_parts(const OGRGeometry* g);

}  // namespace ss::maps::detail
