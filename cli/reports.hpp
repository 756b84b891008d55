#pragma once
// What loading a scenario found (map, population, shelters, problems), as JSON for
// summary.json and `check --json`, and as text for `check`.
#include <nlohmann/json.hpp>
#include <ostream>

#include "scenarios/loader/assemble.hpp"

namespace ss::cli {

nlohmann::ordered_json assembly_report(const scenarios::Assembly& a);
void print_assembly_report(std::ostream& out, const scenarios::Assembly& a, const std::string& scenario_path);

}  // namespace ss::cli
