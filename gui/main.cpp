// safestreet-gui: watch and steer an evacuation on the map.
#include <cstdio>
#include <exception>

#include "gui/app.hpp"
#include "gui/options.hpp"

int main(int argc, char** argv) {
  std::string error;
  bool help = false;
  const auto options = ss::gui::parse_options(argc, argv, error, help);
  if (!options) {
    if (help) return std::fputs(ss::gui::kUsage, stdout), 0;
    std::fprintf(stderr, "safestreet-gui: %s\n%s", error.c_str(), ss::gui::kUsage);
    return 2;
  }
  try {
    ss::gui::App app(*options);
    return app.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "safestreet-gui: %s\n", e.what());
    return 1;
  }
}
