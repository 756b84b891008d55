// Fuzz target: a drill journal (JSON lines) as a crash, a full disk or a hand edit may
// leave it. parse_journal may only refuse it with an ss::InputError naming the line; a
// dropped last line must be reported with its place, and every event kept must carry
// a step that does not go backwards.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "drill/journal.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  ss::fuzz::expect_input_errors_only("parse_journal", [&] {
    const ss::drill::JournalRead j = ss::drill::parse_journal(text, "fuzzed.jsonl");
    if (!j.dropped.empty() && j.dropped.rfind("fuzzed.jsonl:", 0) != 0) {
      std::fprintf(stderr, "fuzz: parse_journal: dropped line reported without its place: %s\n",
                   j.dropped.c_str());
      std::abort();
    }
    std::uint64_t step = 0;
    for (std::size_t i = 1; i < j.events.size(); ++i) {
      if (j.events[i].step < step || j.events[0].type != "drill_start") {
        std::fprintf(stderr, "fuzz: parse_journal: events out of order at line %d\n", j.events[i].line);
        std::abort();
      }
      step = j.events[i].step;
    }
    if (j.good_bytes > text.size()) std::abort();
  });
  return 0;
}
