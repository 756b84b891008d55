#pragma once
// Reading a YAML scenario file into a ScenarioDesc: the one boundary where scenario
// input is validated. Every problem is an ss::InputError naming the file, the line
// and the dotted field path (e.g. "shelters.list[2].capacity").
#include <string>
#include <vector>

#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios {

// Loads `path`, applies the named variant's patch (empty: the base scenario) and
// validates everything. Relative file paths in the scenario resolve against the
// scenario file's folder; referenced files must exist.
ScenarioDesc load_scenario(const std::string& path, const std::string& variant = "");

// Names and descriptions of the variants a scenario file offers (validated lightly).
std::vector<VariantDesc> list_variants(const std::string& path);

}  // namespace ss::scenarios
