// Fuzz target: a drill's exercise script (MSEL CSV) as trainers export it from a
// spreadsheet, and a players file. The bytes become the MSEL of one drill and the
// players file of another; load_drill and load_players may only refuse them with an
// ss::InputError naming the file, line or column.
#include <cstdint>
#include <string_view>

#include "drill/drill_script.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ss::fuzz::write_scratch("drill/scenario.yaml", "name: only its presence is checked\n");
  // The bytes as the exercise script of one drill ...
  const std::string fuzzed =
      ss::fuzz::write_scratch("drill/fuzzed.yaml", "scenario: scenario.yaml\nmsel: msel.csv\n");
  ss::fuzz::write_scratch("drill/msel.csv", bytes);
  ss::fuzz::expect_input_errors_only("load_drill", [&] { (void)ss::drill::load_drill(fuzzed); });
  // ... and as the players file of a drill whose script is good.
  const std::string good = ss::fuzz::write_scratch(
      "drill/good.yaml",
      "scenario: scenario.yaml\n"
      "msel:\n"
      "  - {id: M01, time: '0:10:00', kind: message, text: A call, role: incident commander}\n"
      "  - {id: M02, time: '0:20:00', kind: close_shelter, target: Hall, text: Closed, role: shelter "
      "lead}\n");
  const std::string players = ss::fuzz::write_scratch("drill/players.csv", bytes);
  ss::fuzz::expect_input_errors_only("load_players", [&] {
    const ss::drill::DrillDesc d = ss::drill::load_drill(good);
    (void)ss::drill::load_players(players, d);
  });
  return 0;
}
