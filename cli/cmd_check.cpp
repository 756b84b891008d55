// `safestreet check`: load everything a scenario names and report it without running.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/reports.hpp"

namespace ss::cli {

int check_command(const CheckOptions& opt) {
  const scenarios::Assembly a = scenarios::assemble_file(opt.scenario, opt.variant);
  if (opt.json) {
    std::cout << assembly_report(a).dump(2) << "\n";
  } else {
    print_assembly_report(std::cout, a, opt.scenario);
  }
  return a.problems.empty() ? kExitOk : kExitProblems;
}

}  // namespace ss::cli
