#pragma once
// Resident registry import: CSV (lon/lat or projected x/y) or any OGR point layer.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/world/population.hpp"
#include "maps/projection.hpp"

namespace ss::maps {

struct MapReport;  // maps/map_import.hpp

struct RegistrySource {
  std::string path;
  std::string layer;    // OGR layer; empty = first
  std::string x_field;  // empty = auto: lon/longitude/x/easting
  std::string y_field;  // empty = auto: lat/latitude/y/northing
  std::string
      crs;  // CRS of x/y when not lon/lat (e.g. "EPSG:25832"); empty = WGS 84 for CSV, layer CRS otherwise
  std::string origin_file;  // scenario file and line naming it, for errors
  int origin_line = 0;
};

struct RegistryReport {
  std::size_t rows = 0;
  std::size_t defaulted_age = 0;  // rows without a usable age
  std::size_t defaulted_mobility = 0;
  std::size_t defaulted_lives_alone = 0;
  std::size_t defaulted_household = 0;
  std::size_t defaulted_needs_assistance = 0;  // rows without a usable value (default: bedridden)
  std::size_t skipped_blank_rows = 0;
  std::vector<std::string> ignored_fields;  // personal or unknown columns never copied
  std::vector<std::string> notes;
};

struct RegistryImport {
  Population population;
  RegistryReport report;
};

// Profile columns (case-insensitive): age (years, 0-120; default 40), mobility
// (walks | walking_aid | wheelchair | bedridden, see mobility_from_registry;
// default walks), lives_alone (yes/no/true/false/1/0/y/n; default no), household
// (any id, mapped to dense HouseholdIds; default: a household of its own),
// needs_assistance (same booleans; default: yes only for bedridden people, who
// cannot leave without a team). Every defaulted value is counted in the report.
// Rows outside `bounds` (the map, local CRS), with missing coordinates or with a cell
// that is there but cannot be read are refused together: one InputError naming the
// file and the first bad row's line lists every problem (row, column, what is wrong;
// the first 20 and the total). Personal fields are never read into the population.
// `map` (optional): the map's report; a row off the map that lies by a street piece
// the map import cut off is told so, with where that piece is.
RegistryImport load_registry(const RegistrySource& src, const Projector& projector, const Box& bounds,
                             const MapReport* map = nullptr);

// Mobility words accepted in registries; nullopt for anything else.
// walks/walking/walk/none/no/independent -> Walks; walking_aid/walker/rollator/
// cane/crutches/aid -> WalkingAid; wheelchair -> Wheelchair; bedridden/bed ->
// Bedridden. Case-insensitive; spaces and hyphens count as underscores.
std::optional<Mobility> mobility_from_registry(std::string_view s);

}  // namespace ss::maps
