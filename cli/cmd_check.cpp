// `safestreet check`: load everything a scenario names and report it without running.
#include <cmath>
#include <iostream>

#include "batch/variant_descriptions.hpp"
#include "cli/commands.hpp"
#include "cli/reports.hpp"
#include "scenarios/loader/scenario_loader.hpp"

namespace ss::cli {

int check_command(const CheckOptions& opt) {
  const scenarios::Assembly a = scenarios::assemble_file(opt.scenario, opt.variant);
  const batch::Descriptions variants = batch::scenario_descriptions(opt.scenario);
  // Every other variant's patch is read and checked as far as the scenario file goes
  // (unknown keys, values out of range): a broken variant is found now, not when a
  // batch reaches it. Assembling each against the map would take a map load apiece.
  for (const auto& [name, description] : variants)
    if (name != "base" && name != opt.variant) (void)scenarios::load_scenario(opt.scenario, name);
  if (opt.json) {
    nlohmann::ordered_json j = assembly_report(a);
    j["variant"] = opt.variant.empty() ? "base" : opt.variant;
    j["variants"] = batch::descriptions_json(variants);
    j["memory"]["limit_bytes"] = std::llround(a.memory_limit);
    std::cout << j.dump(2) << "\n";
  } else {
    print_assembly_report(std::cout, a, opt.scenario, variants, opt.variant);
  }
  // Notes describe what the loader did; only problems (the run will differ from what
  // the scenario asks for) give exit code 3.
  return a.problems.empty() ? kExitOk : kExitProblems;
}

}  // namespace ss::cli
