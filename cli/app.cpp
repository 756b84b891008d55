// Command line parsing and dispatch; every error reaches the user as one line
// naming the file, line and field, with a non-zero exit code.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"
#include "engine/input_error.hpp"

namespace ss::cli {

int main(int argc, char** argv) {
  CLI::App app{"SafeStreet: evacuation drills and plans for one urban subdistrict"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(SAFESTREET_VERSION));

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "Run one scenario (or variant) headless and write its results");
  run_cmd->add_option("scenario", run.scenario, "Scenario YAML file")->required();
  run_cmd->add_option("--variant", run.variant, "Named plan variant from the scenario");
  run_cmd->add_option("--seed", run.seed, "Random seed (default: the scenario's run.seed)");
  run_cmd->add_option("--out", run.out, "Output folder (default: out/<scenario>[-<variant>])");
  run_cmd->add_flag("-q,--quiet", run.quiet, "No progress bar or summary");

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Load everything a scenario names and report it, without running");
  check_cmd->add_option("scenario", check.scenario, "Scenario YAML file")->required();
  check_cmd->add_option("--variant", check.variant, "Named plan variant from the scenario");
  check_cmd->add_flag("--json", check.json, "Print the report as JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    if (*run_cmd) return run_command(run);
    if (*check_cmd) return check_command(check);
  } catch (const InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitFailure;
}

}  // namespace ss::cli
