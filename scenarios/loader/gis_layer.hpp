#pragma once
// Reading a GIS point, line or polygon layer (shelters, zones, hydrants, obstructions)
// through GDAL/OGR into the local metric CRS, with every attribute as text. The maps
// layer reads streets, buildings and registries; these small layers belong to the scenario.
#include <map>
#include <string>
#include <vector>

#include "engine/core/input_error.hpp"
#include "engine/world/geometry.hpp"
#include "maps/projection.hpp"

namespace ss::scenarios {

struct LayerFeature {
  std::int64_t fid = -1;
  std::vector<Ring> polygons;                 // m, outer rings of each polygon part (empty for points)
  std::vector<Vec2> points;                   // m, points of (multi)point geometries
  std::vector<std::vector<Vec2>> lines;       // m, parts of (multi)line geometries
  std::map<std::string, std::string> fields;  // attribute name -> value as text (unset fields absent)
};

struct LayerData {
  std::string layer;                     // layer actually read
  std::vector<std::string> field_names;  // in layer order
  std::vector<LayerFeature> features;
};

// Throws InputError naming `file` (unreadable source, unknown layer, a layer
// without CRS whose coordinates are not degrees, coordinates that do not transform);
// `field` is the scenario field that named the file.
LayerData read_layer(const std::string& file, const std::string& layer, const maps::Projector& projector,
                     const std::string& field);

// Value of a field looked up case-insensitively; empty when unset.
std::string field_value(const LayerFeature& f, const std::string& name);
bool has_field(const LayerData& d, const std::string& name);

}  // namespace ss::scenarios
