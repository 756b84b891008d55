// Fuzz target: the scenario YAML, with its variants and injects — the file every
// user writes by hand. The bytes become a scenario file beside the bundled scenarios'
// data (symbolic links to data/ and to the files in scenarios/), so that inputs
// derived from the bundled scenarios reach past the file checks into every section.
// The base scenario and each variant it lists are loaded and validated
// (load_scenario); only ss::InputError may come out.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_support.hpp"
#include "scenarios/loader/scenario_loader.hpp"

namespace {

std::string scenario_path() {
  static const std::string path = ss::fuzz::scenario_beside_bundled(SAFESTREET_SOURCE_DIR, true, "");
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
  ss::fuzz::expect_input_errors_only("load_scenario", [&] { (void)ss::scenarios::load_scenario(path); });
  std::vector<ss::scenarios::VariantDesc> variants;
  ss::fuzz::expect_input_errors_only("list_variants", [&] { variants = ss::scenarios::list_variants(path); });
  for (const auto& v : variants)
    ss::fuzz::expect_input_errors_only("load_scenario with a variant",
                                       [&] { (void)ss::scenarios::load_scenario(path, v.name); });
  return 0;
}
