#pragma once
// Readers of `movement:` and, with movement: micro, of the `micro:` block and the
// micro `population:` (docs/micro.md). Internal to the loader.
#include "engine/core/model.hpp"
#include "scenarios/loader/scenario.hpp"
#include "scenarios/loader/scenario_sections.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::scenarios::detail {

// `movement: network | micro`, default network.
MovementKind read_movement(const Field& root);

// With movement: micro: reads micro (geometry, params) and population into
// desc.micro and desc.params.micro; rejects the network-only sections (map,
// shelters, zones, flood) with a message saying what replaces them.
void read_micro_scenario(const Field& root, const Sections& sections, ScenarioDesc& desc);

}  // namespace ss::scenarios::detail
