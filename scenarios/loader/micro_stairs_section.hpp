#pragma once
// `micro.stairs`: stair areas of a micro scenario (docs/micro.md "Stairs"), read into
// MicroStairDesc (micro_section.hpp) and turned into the engine's MicroStair list.
// Internal to the loader.
#include <vector>

#include "engine/movement/micro/micro_stairs.hpp"
#include "scenarios/loader/micro_section.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::scenarios {

struct ScenarioDesc;

namespace detail {
// Reads the list under micro.stairs: each {name?, wkt: POLYGON (...), up: [x, y]}.
void read_micro_stairs(const Field& list, std::vector<MicroStairDesc>& out);
}  // namespace detail

// The stairs of d.micro as the engine's stair areas: one polygon without holes each;
// throws InputError naming the scenario file, the entry's line and field.
std::vector<MicroStair> build_micro_stairs(const ScenarioDesc& d);

}  // namespace ss::scenarios
