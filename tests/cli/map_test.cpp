// `safestreet map` as a user runs it: the files it writes, and a message naming the
// thing at fault for every bad input, with no file left behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "tests/cli/cli_util.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::testing::TempDir;
using namespace ss::testing::cli;

namespace {

std::string run_town(const TempDir& dir) {
  const std::string out = dir.path() + "/run";
  const Result r = safestreet("run " + town(dir) + " --quiet --out " + out);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return out;
}

// Files in `dir` whose name contains `part`.
int files_with(const std::string& dir, const std::string& part) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    n += e.path().filename().string().find(part) != std::string::npos;
  return n;
}

}  // namespace

TEST_CASE("safestreet map writes a PDF and a PNG briefing map with the key figures") {
  TempDir dir;
  const std::string run = run_town(dir);
  const Result pdf = safestreet("map " + run + " --at 30min --out " + dir.path() + "/map.pdf");
  INFO(pdf.output);
  REQUIRE(pdf.exit_code == 0);
  CHECK_THAT(pdf.output, Catch::Contains("A4 landscape") && Catch::Contains("residents") &&
                             Catch::Contains("60") && Catch::Contains("shelters full"));
  CHECK(slurp(dir.path() + "/map.pdf").rfind("%PDF-", 0) == 0);
  const Result png = safestreet("map " + run + " --paper a3 --layers homes,streets --title Drill --out " +
                                dir.path() + "/map.png");
  INFO(png.output);
  REQUIRE(png.exit_code == 0);
  CHECK(slurp(dir.path() + "/map.png").rfind("\x89PNG", 0) == 0);
  const Result diff = safestreet("map " + run + " --compare " + run + " --out " + dir.path() + "/diff.pdf");
  INFO(diff.output);
  REQUIRE(diff.exit_code == 0);
  CHECK_THAT(diff.output, Catch::Contains("unchanged"));
  CHECK(files_with(dir.path(), ".tmp") == 0);
}

TEST_CASE("safestreet map names the thing at fault and writes nothing") {
  TempDir dir;
  const std::string run = run_town(dir);
  const std::string out = dir.path() + "/map.pdf";
  struct Case {
    std::string args, words;
  };
  // A run folder without results.gpkg: a copy of the run without it.
  const std::string bare = dir.path() + "/bare";
  std::filesystem::copy(run, bare);
  std::filesystem::remove(bare + "/results.gpkg");
  // A micro run: rooms and exits, no street map.
  const std::string micro = dir.path() + "/micro";
  const Result m = safestreet("run " + std::string(SAFESTREET_SOURCE_DIR) +
                              "/scenarios/school_evacuation.yaml --quiet --out " + micro);
  REQUIRE(m.exit_code == 0);
  const Case cases[] = {
      {"map " + dir.path() + "/nowhere --out " + out, dir.path() + "/nowhere: no such run folder"},
      {"map " + bare + " --out " + out, bare + ": results.gpkg: the run folder has no results.gpkg"},
      {"map " + micro + " --out " + out, micro + ": a micro run (movement: micro)"},
      {"map " + run + " --at 2h --out " + out, "--at: 2:00:00 is after the end of the run"},
      {"map " + run + " --at soon --out " + out, "--at: 'soon' is not a simulated time"},
      {"map " + run + " --layers homes,roads --out " + out, "--layers: unknown layer 'roads'"},
      {"map " + run + " --out " + dir.path() + "/no/such/folder/map.pdf", "--out: cannot write"},
      {"map " + run + " --out " + run, "--out: '" + run + "' is neither a .pdf nor a .png"},
      {"map " + run + " --out " + dir.path() + "/map.svg", "neither a .pdf nor a .png"},
      {"map " + run + " --paper letter --out " + out, "--paper: 'letter' is not a paper size"},
      {"map " + run + " --compare " + dir.path() + "/nowhere --out " + out, "no such run folder"},
      {"map " + run + " --compare " + run + " --at 10min --out " + out, "--at: a difference map"},
      {"map " + run + " --extent 1,2,3 --out " + out, "--extent: '1,2,3' is not XMIN,YMIN,XMAX,YMAX"},
      {"map " + run + " --extent 5,5,1,1 --out " + out, "--extent: '5,5,1,1' is empty"},
      {"map " + run + " --extent 0,0,100,100 --out " + out,
       "--extent: 0.0,0.0,100.0,100.0 lies outside the run's map"},
      {"map " + run + " --compare " + run + " --extent 0,0,1,1 --out " + out, "--extent: a difference map"},
      {"map " + run + " --compare-label today --out " + out,
       "--compare-label: names a run of a difference map"},
  };
  for (const Case& c : cases) {
    const Result r = safestreet(c.args);
    INFO(c.args << "\n" << r.output);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains(c.words));
    CHECK_FALSE(std::filesystem::exists(out));
  }
  // A folder where the map should go.
  std::filesystem::create_directory(dir.path() + "/taken.pdf");
  const Result r = safestreet("map " + run + " --out " + dir.path() + "/taken.pdf");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.output, Catch::Contains("--out: cannot write " + dir.path() + "/taken.pdf: it is a folder"));
  CHECK(files_with(dir.path(), ".tmp") == 0);
}
