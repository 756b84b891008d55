#pragma once
// What every fuzz target shares: a scratch folder for the bytes a reader takes as a
// file, and the rule that a reader of outside input may only refuse it with an
// ss::InputError (which names the file, line or field). Any other exception, a crash,
// a hang or a leak is a finding. Built twice: with libFuzzer (clang, -DSAFESTREET_FUZZ=ON)
// to search, and with replay_main.cpp in every test build to run the corpus and the
// kept crashers as regression tests.
#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#include "engine/core/input_error.hpp"

namespace ss::fuzz {

// One scratch folder per process (fuzzers may run as several jobs at once), on
// /dev/shm when there is one so that a file per input costs no disk I/O. Removed at exit.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::error_code ec;
    const std::filesystem::path base =
        std::filesystem::is_directory("/dev/shm", ec) ? "/dev/shm" : std::filesystem::temp_directory_path();
    std::filesystem::path d = base / ("safestreet-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code e;
      std::filesystem::remove_all(scratch_dir(), e);
    });
    return d;
  }();
  return dir;
}

inline std::string write_scratch(const std::string& name, std::string_view bytes) {
  const std::filesystem::path p = scratch_dir() / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "fuzz: cannot write %s\n", p.c_str());
    std::abort();
  }
  return p.string();
}

// A scenario file's path in the scratch folder's scenarios/, beside links to the
// bundled scenarios' files (`only_extension` empty: every file; else only those with
// that extension, e.g. ".geojson") and, with `with_data`, to the repository's data/,
// so that a fuzzed scenario derived from a bundled one finds what it names.
inline std::string scenario_beside_bundled(const std::filesystem::path& source_dir, bool with_data,
                                           const std::string& only_extension) {
  namespace fs = std::filesystem;
  const fs::path root = scratch_dir();
  fs::create_directories(root / "scenarios");
  std::error_code ec;
  if (with_data) fs::create_directory_symlink(source_dir / "data", root / "data", ec);
  for (const auto& e : fs::directory_iterator(source_dir / "scenarios"))
    if (e.is_regular_file() && (only_extension.empty() || e.path().extension() == only_extension))
      fs::create_symlink(e.path(), root / "scenarios" / e.path().filename(), ec);
  return (root / "scenarios" / "fuzzed.yaml").string();
}

// Runs `read`; an InputError is the expected answer to bad input, anything else
// escaping a reader is reported and aborts, so that the fuzzer keeps the input.
template <typename F>
void expect_input_errors_only(const char* reader, F&& read) {
  try {
    read();
  } catch (const ss::InputError& e) {
    // The error must say something: a file, line or field and a message.
    if (e.message().empty() || (e.file().empty() && e.field().empty() && e.line() == 0)) {
      std::fprintf(stderr, "fuzz: %s: InputError without a place or message: %s\n", reader, e.what());
      std::abort();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz: %s: escaped as a non-input error: %s\n", reader, e.what());
    std::abort();
  }
}

}  // namespace ss::fuzz
