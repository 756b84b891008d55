#pragma once
// A batch's comparison.gpkg (docs/batch.md "comparison.gpkg"): per home and zone, each
// variant's means over seeds and its paired difference from the base plan, as
// GeoPackage layers for QGIS with their styles. This file reads the figures of one
// run's results.gpkg and writes the layers; what goes into them (means, intervals,
// categories) is computed in batch/map_comparison.cpp. Plain structs only: no GDAL
// header leaks to the callers.
#include <optional>
#include <string>
#include <vector>

namespace ss::maps {

// --- reading a run's results.gpkg ---------------------------------------------------

// One feature of a results.gpkg layer.
struct ResultsFeature {
  // Tells the same building or zone apart in every run of a batch: FNV-1a 64 of its
  // geometry's WKB, in hex. Runs of one map write the same coordinates bit for bit.
  std::string key{};
  std::string geometry{};  // WKB (little-endian); only when asked for
  std::string name{};      // the layer's text field asked for (homes: address, zones: name)
  int residents = 0;
  std::vector<std::optional<double>> values{};  // per field asked for, in that order; null: none
};

struct ResultsLayer {
  std::vector<ResultsFeature> features{};  // in the file's order
};

struct RunResultsFile {
  std::string crs_wkt{};               // of the layers read; empty: no CRS (micro scenarios)
  std::vector<ResultsLayer> layers{};  // per layer asked for
};

struct ResultsLayerRequest {
  std::string layer;                // "homes", "zones"
  std::string name_field;           // a text field
  std::vector<std::string> fields;  // numeric fields
};

// Reads `path` (a run's results.gpkg). Throws ss::InputError naming the file and
// layer or field when it lacks one asked for.
RunResultsFile read_results_gpkg(const std::string& path, const std::vector<ResultsLayerRequest>& requests,
                                 bool with_geometry);

// --- writing comparison.gpkg ----------------------------------------------------------

// One measure of one feature, for one variant.
struct ComparedValue {
  std::optional<double> mean{};       // over the variant's runs that had a value
  std::optional<double> base_mean{};  // the base plan's, for reading beside it
  // The paired difference, variant − base, over seeds where both had a value: its
  // mean and 95 % interval (none with fewer than two such seeds).
  std::optional<double> diff{}, diff_low{}, diff_high{};
  int paired = 0;        // seeds in the difference
  std::string change{};  // batch::Verdict in words ("better", "no difference", ...)
};

struct ComparedFeature {
  std::string geometry{};  // WKB, from the base plan's first run
  std::string name{};
  int residents = 0;
  int seeds = 0;                        // the variant's runs that had this feature: what each mean covers
  std::vector<ComparedValue> values{};  // per ComparedLayer::measures
  std::string category{};               // "better", "worse", "unchanged"; empty for the base plan
};

struct ComparedMeasure {
  std::string field;     // name of the mean's field, as in results.gpkg ("t90_min")
  bool minutes = false;  // a time in minutes (the difference ramp's unit), else a share
};

struct ComparedLayer {
  std::string name;        // "homes_base", "zones_late_warning"
  std::string kind;        // "homes" or "zones"
  std::string variant;     // the plan variant
  bool base = false;       // the base plan: means only, no differences
  std::string name_field;  // "address" or "name"
  std::vector<ComparedMeasure> measures{};
  std::vector<ComparedFeature> features{};
};

// Writes `path` (whole or not at all: a temporary file renamed) with these layers in
// `crs_wkt`, and each layer's styles in `layer_styles`. Throws std::runtime_error on
// I/O failure.
void write_comparison_gpkg(const std::string& path, const std::string& crs_wkt,
                           const std::vector<ComparedLayer>& layers);

}  // namespace ss::maps
