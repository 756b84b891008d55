// Entry point of the `safestreet` command; subcommands live in cli/*.cpp.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return ss::cli::main(argc, argv); }
