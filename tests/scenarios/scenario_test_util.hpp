#pragma once
// Helpers for scenario tests: a fresh temporary folder with files written inline.
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "engine/core/input_error.hpp"
#include "engine/core/simulation.hpp"

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

// A town of the streets above, one house and a hall as shelter, 20 synthesized
// residents and 200 m zones, as lines 1–7 of a scenario file; `rest` follows from
// line 8. Returns the file's path.
inline std::string small_town(const TempDir& dir, const std::string& rest) {
  dir.write("streets.geojson", kStreetsGeoJson);
  dir.write("buildings.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"building":"house"},"geometry":{"type":"Polygon","coordinates":[[[11.2805,49.5102],[11.2807,49.5102],[11.2807,49.51035],[11.2805,49.51035],[11.2805,49.5102]]]}}]})");
  return dir.write("town.yaml",
                   "name: small town\n"                                                   // 1
                   "map: {streets: streets.geojson, buildings: buildings.geojson}\n"      // 2
                   "population: {synthesize: {total: 20, seed: 3}}\n"                     // 3
                   "shelters:\n"                                                          // 4
                   "  list: [{name: Hall, lon: 11.2830, lat: 49.5121, capacity: 100}]\n"  // 5
                   "zones: {grid: 200 m}\n"                                               // 6
                   "run: {dt: 1, duration: 30 min}\n" +                                   // 7
                       rest);
}

// Runs the model with `seed` until everyone is out or the time is up; the final state.
inline SimState run_whole(const Model& m, std::uint64_t seed) {
  Simulation sim(m, seed);
  while (!sim.finished()) sim.step();
  sim.run_to_end();
  return sim.state();
}

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
