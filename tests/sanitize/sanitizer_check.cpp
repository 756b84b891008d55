// The sanitizer build checks itself (SAFESTREET_SANITIZE, tests/CMakeLists.txt): each
// argument commits one kind of error that build must stop, and CTest expects the
// report for it. A build that lost its instrumentation, its assertions or
// libstdc++'s checks would let the program end quietly, and the test would fail.
//   safestreet-sanitizer-check heap-buffer-overflow | signed-integer-overflow |
//                              float-cast-overflow | leak | vector-index | assert
#include <cassert>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

// Values the compiler cannot know, so nothing below is folded away.
volatile int eight = 8;
volatile int int_max = INT_MAX;
volatile double huge = 1e300;
int* volatile kept = nullptr;

// A failed assertion ends with abort(), a signal, which CTest counts as a failure
// whatever the output says; ending with abort's usual exit code lets CTest judge the
// report instead.
extern "C" void exit_on_abort(int) { std::_Exit(134); }

[[gnu::noinline]] void lose_a_block() {
  kept = new int[eight];
  kept = nullptr;  // the only pointer to the block is gone
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: safestreet-sanitizer-check KIND\n");
    return 2;
  }
  std::signal(SIGABRT, exit_on_abort);
  const std::string kind = argv[1];
  const int n = eight;
  if (kind == "heap-buffer-overflow") {
    int* a = new int[n];
    a[0] = 0;
    a[n] = 1;  // one past the end
    const int r = a[0];
    delete[] a;
    return r;
  }
  if (kind == "signed-integer-overflow") return int_max + n > 0 ? 0 : 1;
  if (kind == "float-cast-overflow") return static_cast<int>(huge) > 0 ? 0 : 1;
  if (kind == "leak") {
    lose_a_block();
    return 0;
  }
  if (kind == "vector-index") {
    std::vector<int> v(static_cast<std::size_t>(n));
    return v[static_cast<std::size_t>(n)];  // one past the end
  }
  if (kind == "assert") {
    assert(n < 0);
    return 0;
  }
  std::fprintf(stderr, "safestreet-sanitizer-check: unknown kind %s\n", kind.c_str());
  return 2;
}
