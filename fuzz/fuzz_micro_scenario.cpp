// Fuzz target: a micro scenario (`movement: micro`) as users write it — rooms,
// corridors, doors, exits, obstacles and walls as inline WKT or a GeoJSON layer
// beside the scenario, residents placed by room — read and then assembled into the
// Box2D model (assemble: geometry merged through GEOS, doors and exits checked
// against body sizes, the navigation grid and fields built). Micro scenarios cut from
// a street map are read but not assembled (the map import takes a second per input,
// and the scenario target covers their reading). Only ss::InputError may come out.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_support.hpp"
#include "scenarios/loader/assemble.hpp"
#include "scenarios/loader/scenario_loader.hpp"

namespace {

std::string scenario_path() {
  static const std::string path = ss::fuzz::scenario_beside_bundled(SAFESTREET_SOURCE_DIR, false, ".geojson");
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)scenario_path();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = scenario_path();
  ss::fuzz::write_scratch("scenarios/fuzzed.yaml",
                          std::string_view(reinterpret_cast<const char*>(data), size));
  ss::fuzz::expect_input_errors_only("micro scenario", [&] {
    const ss::scenarios::ScenarioDesc desc = ss::scenarios::load_scenario(path);
    if (desc.movement != ss::MovementKind::Micro || !desc.micro || desc.micro->area) return;
    (void)ss::scenarios::assemble(desc);
  });
  return 0;
}
