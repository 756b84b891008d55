// Fuzz target: the resident registry CSV, as planners export it from office software
// (any encoding, quoting, separators, blank or broken rows). The bytes become a
// registry file read through GDAL's CSV driver by load_registry over a 1.4 km map of
// Lauf a. d. Pegnitz; only ss::InputError may come out, and residents read must lie
// on the map with a plausible profile.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz/fuzz_support.hpp"
#include "maps/projection.hpp"
#include "maps/registry_import.hpp"

namespace {

struct Area {
  ss::maps::Projector projector = ss::maps::Projector::utm_for({11.28, 49.51});
  ss::Box bounds;
  Area() {
    bounds.extend(projector.to_local({11.27, 49.505}));
    bounds.extend(projector.to_local({11.29, 49.515}));
  }
};

const Area& area() {
  static const Area a;
  return a;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)area();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ss::maps::RegistrySource src;
  src.path =
      ss::fuzz::write_scratch("registry.csv", std::string_view(reinterpret_cast<const char*>(data), size));
  src.origin_file = "fuzzed.yaml";
  src.origin_line = 1;
  ss::fuzz::expect_input_errors_only("load_registry", [&] {
    const ss::maps::RegistryImport imp = ss::maps::load_registry(src, area().projector, area().bounds);
    const ss::Population& p = imp.population;
    for (std::size_t i = 0; i < p.home.size(); ++i) {
      const ss::Vec2 h = p.home[i];
      if (!std::isfinite(h.x) || !std::isfinite(h.y) || !area().bounds.contains(h)) {
        std::fprintf(stderr, "fuzz: load_registry: resident %zu at (%g, %g) is off the map\n", i, h.x, h.y);
        std::abort();
      }
    }
  });
  return 0;
}
