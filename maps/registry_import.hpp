#pragma once
// Resident registry import: CSV (lon/lat or projected x/y) or any OGR point layer.
#include <string>
#include <vector>

#include "engine/population.hpp"
#include "maps/projection.hpp"

namespace ss::maps {

struct RegistrySource {
  std::string path;
  std::string layer;         // OGR layer; empty = first
  std::string x_field;       // empty = auto: lon/longitude/x/easting
  std::string y_field;       // empty = auto: lat/latitude/y/northing
  std::string crs;           // CRS of x/y when not lon/lat (e.g. "EPSG:25832"); empty = WGS 84 for CSV, layer CRS otherwise
  std::string origin_file;   // scenario file and line naming it, for errors
  int origin_line = 0;
};

struct RegistryReport {
  std::size_t rows = 0;
  std::size_t defaulted_age = 0;        // rows without a usable age
  std::size_t defaulted_mobility = 0;
  std::size_t defaulted_lives_alone = 0;
  std::size_t defaulted_household = 0;
  std::vector<std::string> ignored_fields;  // personal or unknown columns never copied
  std::vector<std::string> notes;
};

struct RegistryImport {
  Population population;
  RegistryReport report;
};

// Rows outside `bounds` (the map, local CRS) or with non-finite coordinates are an
// InputError naming the file and row (line). Personal fields are never read into
// the population.
RegistryImport load_registry(const RegistrySource& src, const Projector& projector, const Box& bounds);

}  // namespace ss::maps
