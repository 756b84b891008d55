#pragma once
// What loading a scenario found (map, population, zones, shelters, teams, targets,
// hazards, notes and problems), as JSON for
// summary.json and `check --json`, and as text for `check`.
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "scenarios/loader/assemble.hpp"

namespace ss::cli {

nlohmann::ordered_json assembly_report(const scenarios::Assembly& a);
// "about 110 MB at the peak (limit 12 GB): program and map reading 100 MB": the
// run's memory estimate and its largest parts, for `check` and `run`.
std::string memory_text(const scenarios::Assembly& a);
// `variants`: every variant the scenario offers with its description, `chosen` (empty:
// base) marked.
void print_assembly_report(std::ostream& out, const scenarios::Assembly& a, const std::string& scenario_path,
                           const std::map<std::string, std::string>& variants, const std::string& chosen);

}  // namespace ss::cli
