#pragma once
// Helpers for scenario tests: a fresh temporary folder with files written inline.
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <string>

#include <catch2/catch.hpp>

#include "engine/input_error.hpp"

namespace ss::testing {

class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("ss_scen_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `text` to `name` inside the folder and returns the full path.
  std::string write(const std::string& name, const std::string& text) const {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }
  [[nodiscard]] std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// A small but complete scenario body; tests append or replace sections.
inline const char* kStreetsGeoJson = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"highway":"residential","name":"Main"},
 "geometry":{"type":"LineString","coordinates":[[11.2800,49.5100],[11.2830,49.5100],[11.2860,49.5100]]}},
{"type":"Feature","properties":{"highway":"footway"},
 "geometry":{"type":"LineString","coordinates":[[11.2830,49.5100],[11.2830,49.5120]]}}]})";

}  // namespace ss::testing

// Checks that `expr` throws an InputError whose file, line and field are as given
// and whose text mentions `words`.
#define REQUIRE_INPUT_ERROR(expr, file_, line_, field_, words)                 \
  do {                                                                         \
    try {                                                                      \
      (void)(expr);                                                            \
      FAIL("expected an InputError");                                          \
    } catch (const ss::InputError& e) {                                        \
      INFO(e.what());                                                          \
      CHECK(e.file() == (file_));                                              \
      CHECK(e.line() == (line_));                                              \
      CHECK(e.field() == (field_));                                            \
      CHECK_THAT(std::string(e.what()), Catch::Contains(words));               \
      CHECK_THAT(std::string(e.what()), Catch::Contains(std::string(field_))); \
    }                                                                          \
  } while (false)
