#pragma once
// A micro area cut from the scenario's map (micro.area, docs/micro.md): the streets
// inside a lon/lat polygon buffered by their walkable width, buildings cut out as
// holes, and an exit at the entrance of each shelter inside the area.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/world/population.hpp"
#include "maps/micro_geometry_import.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

struct MapAreaExit {
  ShelterSite site;   // name, capacity, step_free, open_time from the shelter
  Ring area;          // m, exit_size square at the shelter's entrance
  std::string field;  // scenario field of the shelter ("shelters.list[0]")
};

struct MapArea {
  Vec2 origin;  // m, map CRS position of the area's (0, 0): its south-west corner, whole metres
  std::vector<maps::PolygonRingsList> streets;    // m, walkable street surface inside the area
  std::vector<maps::PolygonRingsList> buildings;  // m, buildings touching the area
  std::vector<std::string> building_names;        // "building <source id>", (buildings)
  std::vector<MapAreaExit> exits;
  // With population.registry or population.synthesize: the residents whose homes lie
  // inside the area (homes in area coordinates, households as in the map's
  // population), and how many the whole map has.
  Population residents;
  std::size_t residents_in_map = 0;
  std::vector<std::string> input_files;  // map files read
  std::vector<std::string> notes;        // buildings left out (broken outlines), street pieces cut off, ...
};

// Throws InputError naming the scenario field (micro.area, map.streets, shelters,
// population) when the area is not a simple polygon, holds no street, no shelter or
// no resident's home. The population import's report goes to `a`.
MapArea cut_map_area(const ScenarioDesc& d, Assembly& a);

}  // namespace ss::scenarios
