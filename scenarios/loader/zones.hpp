#pragma once
// Zones for reporting and by-zone assignment: a GIS polygon layer with a name
// field, or a regular grid of square cells over the street network.
#include <string>
#include <vector>

#include "engine/world/world.hpp"
#include "maps/projection.hpp"
#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

// Square cells of `cell` m covering `bounds`, named "Z-<column>-<row>" counted from
// the south-west corner, so a name says where the zone is.
std::vector<Zone> grid_zones(const Box& bounds, double cell);

// Polygons of a layer, named by `desc.name_field`. A multi-part polygon keeps its
// largest part (noted in problems). Throws InputError naming the file on a missing
// name field, a feature without a name or polygon, or a duplicate name.
std::vector<Zone> zones_from_layer(const ZonesDesc& desc, const maps::Projector& projector,
                                   std::vector<std::string>& problems);

}  // namespace ss::scenarios
