// The `safestreet` command as a user runs it: real processes, exit codes, messages
// and the files a run leaves behind.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/core/display_text.hpp"
#include "tests/cli/cli_util.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::testing::TempDir;

using namespace ss::testing::cli;

TEST_CASE("safestreet run writes the run's files and a summary, and repeats itself exactly") {
  TempDir dir;
  const std::string scenario = town(dir);
  const std::string out1 = dir.path() + "/run1", out2 = dir.path() + "/run2";
  const Result r = safestreet("run " + scenario + " --out " + out1);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("T50/T90/T95/T100"));
  for (const char* f : {"summary.json", "timeline.csv", "residents.csv", "shelters.csv", "occupancy.csv",
                        "journal.csv", "results.gpkg", "results_wgs84.gpkg"})
    CHECK(std::filesystem::exists(std::filesystem::path(out1) / f));
  REQUIRE(safestreet("run " + scenario + " --quiet --out " + out2).exit_code == 0);
  CHECK(slurp(out1 + "/residents.csv") == slurp(out2 + "/residents.csv"));
  CHECK(slurp(out1 + "/results.gpkg") == slurp(out2 + "/results.gpkg"));
  CHECK(slurp(out1 + "/results_wgs84.gpkg") == slurp(out2 + "/results_wgs84.gpkg"));
  CHECK(slurp(out1 + "/timeline.csv") == slurp(out2 + "/timeline.csv"));
  // The heat maps (docs/results.md "Heat maps"), the same bytes too.
  for (const char* f : {"heatmaps/peak_density.tif", "heatmaps/queue_minutes.tif",
                        "heatmaps/time_to_safety.tif", "heatmaps/time_to_safety.qml"}) {
    INFO(f);
    CHECK(std::filesystem::exists(std::filesystem::path(out1) / f));
    CHECK(slurp(out1 + "/" + f) == slurp(out2 + "/" + f));
  }
  // Another seed: same files, other draws.
  REQUIRE(safestreet("run " + scenario + " --quiet --seed 99 --out " + out2).exit_code == 0);
  CHECK(slurp(out1 + "/residents.csv") != slurp(out2 + "/residents.csv"));
}

TEST_CASE("safestreet check reports the map, population and shelters without running") {
  TempDir dir;
  const Result r = safestreet("check " + town(dir));
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output,
             Catch::Contains("nodes") && Catch::Contains("residents 60") && Catch::Contains("Hall"));
  CHECK_THAT(r.output, Catch::Contains("run       1:00:00 in 3,600 steps of 1 s"));
}

TEST_CASE("safestreet check separates notes from problems and exits 3 only for problems") {
  TempDir dir, d2;
  // A private way is dropped from the map: a note, the run is what the scenario asks for.
  const std::string streets = std::string(ss::testing::kStreetsGeoJson)
                                  .substr(0, std::string(ss::testing::kStreetsGeoJson).size() - 2) +
                              R"(,
{"type":"Feature","properties":{"highway":"service","access":"private"},
 "geometry":{"type":"LineString","coordinates":[[11.2860,49.5100],[11.2870,49.5110]]}}]})";
  dir.write("private.geojson", streets);
  Result r = safestreet("check " + town(dir, "run: {dt: 1, duration: 1 h}\n", "", "private.geojson"));
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("notes     ") && Catch::Contains("access=private") &&
                           Catch::Contains("problems  none"));
  // Room for 10 of 60 residents: the run cannot shelter everyone the scenario names.
  const std::string small =
      town(d2, "run: {dt: 1, duration: 1 h}\n",
           "variants: {tiny_hall: {description: A hall for ten., patch: {shelters: {list: "
           "[{name: Hall, lon: 11.2830, lat: 49.5121, capacity: 10}]}}}}\n");
  r = safestreet("check " + small + " --variant tiny_hall");
  INFO(r.output);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.output, Catch::Contains("problems  1") && Catch::Contains("shelter capacity (10)"));
  // The base plan of the same file has no problem.
  CHECK(safestreet("check " + small).exit_code == 0);
  // Every shelter closed from the start: a run would shelter nobody.
  TempDir d3;
  r = safestreet("check " + town(d3, "run: {dt: 1, duration: 1 h}\n", "plan: {closed_shelters: [Hall]}\n"));
  INFO(r.output);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.output, Catch::Contains("every shelter is closed from the start"));
}

TEST_CASE("safestreet check lists variants, zones, teams and targets, aligned by display width") {
  TempDir dir;
  dir.write("streets.geojson", ss::testing::kStreetsGeoJson);
  dir.write("buildings.geojson", kHouses);
  const std::string scenario = dir.write(
      "town.yaml",
      "name: Kleinstadt\n"
      "map: {streets: streets.geojson, buildings: buildings.geojson}\n"
      "population: {synthesize: {total: 60, seed: 3}}\n"
      "shelters:\n"
      "  list:\n"
      "    - {name: Hall, lon: 11.2830, lat: 49.5121, capacity: 100}\n"
      "    - {name: Bärenwiese Süd, lon: 11.2800, lat: 49.5100, capacity: 50}\n"
      "    - {name: 街道避难所, lon: 11.2860, lat: 49.5100, capacity: 50}\n"
      "zones: {grid: 200 m}\n"
      "run: {dt: 1, duration: 1 h}\n"
      "plan:\n"
      "  warning_time: 5 min\n"
      "  teams: [{name: Trupp Süd, kind: volunteers, members: 2, depot: {lon: 11.2830, lat: 49.5100}, mode: "
      "foot}]\n"
      "  targets: [{kind: share_safe_within, minutes: 30, share: 0.9}]\n"
      "variants:\n"
      "  später: {description: Die Warnung kommt später., patch: {plan: {warning_time: 15 min}}}\n");
  const Result r = safestreet("check " + scenario);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("variants  2") && Catch::Contains("später") &&
                           Catch::Contains("Die Warnung kommt später."));
  CHECK_THAT(r.output, Catch::Contains("zones     ") && Catch::Contains("teams     1") &&
                           Catch::Contains("Trupp Süd") && Catch::Contains("targets   1") &&
                           Catch::Contains("share_safe_within 90 % within 0:30:00"));
  // The shelters' kind column starts at the same display column whatever the name's script.
  std::vector<std::size_t> columns;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);) {
    const auto at = line.find("  other  ");
    if (at == std::string::npos || line.rfind("          ", 0) != 0) continue;
    columns.push_back(ss::display_width(line.substr(0, at)));
  }
  REQUIRE(columns.size() == 3);
  CHECK(columns[0] == columns[1]);
  CHECK(columns[1] == columns[2]);
}

TEST_CASE("bad input ends with a message naming the file and field and exit code 2") {
  TempDir dir;
  struct Case {
    const char* what;
    std::string args;
    std::string expect;
  };
  const std::string good = town(dir);
  TempDir d2, d3, d4, d5, d6, d7, d8, d9, d10, d12, d13, d14;
  const Case cases[] = {
      {"missing scenario", "run " + dir.path() + "/nope.yaml", "nope.yaml"},
      {"dt <= 0", "run " + town(d2, "run: {dt: 0, duration: 1 h}\n"), "run.dt"},
      {"unknown key (typo)", "run " + town(d3, "run: {dt: 1, duraton: 1 h}\n"), "run.duraton"},
      {"missing map file", "check " + town(d4, "run: {dt: 1}\n", "", "missing.osm.pbf"), "missing.osm.pbf"},
      {"negative capacity",
       "check " +
           town(d5, "run: {dt: 1}\n",
                "variants: {bad: {patch: {shelters: {list: [{name: X, lon: 11.283, lat: 49.512, capacity: "
                "-5}]}}}}\n") +
           " --variant bad",
       "capacity"},
      {"NaN coordinate",
       "check " + town(d6, "run: {dt: 1}\n", "plan: {closed_roads: [{lon: .nan, lat: 49.51}]}\n"),
       "plan.closed_roads"},
      {"unknown variant", "run " + good + " --variant nope", "nope"},
      {"a patch with an unknown section",
       "check " + town(d12, "run: {dt: 1}\n", "variants: {typo: {patch: {runn: {dt: 2}}}}\n") +
           " --variant typo",
       "runn"},
      {"a broken variant found by check without --variant",
       "check " + town(d13, "run: {dt: 1}\n", "variants: {typo: {patch: {runn: {dt: 2}}}}\n"),
       "variant 'typo'"},
      {"a time step that never ends", "check " + town(d8, "run: {dt: 1e-9, duration: 3 h}\n"), "run.dt"},
      {"billions of steps", "check " + town(d9, "run: {dt: 0.001, duration: 7 d}\n"), "604,800,000 steps"},
      {"a timeline row every half second for a week",
       "check " + town(d10, "run: {dt: 0.5, duration: 7 d, timeline_interval: 0.5}\n"), "1,209,600 rows"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const Result r = safestreet(c.args);
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::StartsWith("error: ") && Catch::Contains(c.expect));
  }
  // Anchors that repeat anchors: a few lines that expand to 10^9 values are refused at once.
  {
    std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int k = 1; k <= 9; ++k) {
      const std::string prev = std::to_string(k - 1), self = std::to_string(k);
      bomb.append("a").append(self).append(": &a").append(self).append(" [");
      for (int j = 0; j < 10; ++j) bomb.append(j ? ", *a" : "*a").append(prev);
      bomb.append("]\n");
    }
    const std::string file = d14.write("bomb.yaml", bomb);
    const Result r = safestreet("check " + file);
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output,
               Catch::StartsWith("error: ") && Catch::Contains("bomb.yaml") && Catch::Contains("aliases"));
  }
  // A density that would make over a billion residents is refused before any is made.
  {
    TempDir d11;
    std::string text = slurp(town(d11, "run: {dt: 1}\n"));
    text.replace(text.find("{total: 60, seed: 3}"), 20, "{density_per_km2_floor: 1e12, seed: 3}");
    const std::string file = d11.write("dense.yaml", text);
    const Result r = safestreet("check " + file);
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::StartsWith("error: ") && Catch::Contains("dense.yaml:3") &&
                             Catch::Contains("density_per_km2_floor") &&
                             Catch::Contains("more than 5000000"));
  }
  // Streets with coordinates nowhere on Earth: the error names the streets file and
  // what it holds, not the scenario's map.crs.
  {
    TempDir d15;
    d15.write("far.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[5e8,5e8],[5.0001e8,5e8]]}}]})");
    const Result r = safestreet("check " + town(d15, "run: {dt: 1}\n", "", "far.geojson"));
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::StartsWith("error: ") && Catch::Contains("far.geojson") &&
                             Catch::Contains("map.streets") && Catch::Contains("no place on Earth"));
  }
  // A map without any street is refused, not run empty.
  d7.write("points.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Point","coordinates":[11.28,49.51]}}]})");
  const Result r = safestreet("check " + town(d7, "run: {dt: 1}\n", "", "points.geojson"));
  INFO(r.output);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.output, Catch::Contains("points.geojson"));
}

TEST_CASE("a command line it cannot understand ends with a message and exit code 2") {
  TempDir dir;
  const std::string scenario = town(dir);
  // A seed that is not a whole number from 0 to 2^64 - 1 is refused, not wrapped to another.
  for (const std::string seed : {"-1", "18446744073709551616", "99999999999999999999999", "1.5", "0x10"}) {
    INFO(seed);
    const Result r = safestreet("run " + scenario + " --seed " + seed + " --out " + dir.path() + "/never");
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::StartsWith("error: ") && Catch::Contains("--seed"));
    CHECK_FALSE(std::filesystem::exists(dir.path() + "/never"));
  }
  CHECK(safestreet("batch " + scenario + " --seed-list 1,-2 --out " + dir.path() + "/b").exit_code == 2);
  for (const std::string args : {"run", "", "check", "run --no-such-option x.yaml", "frobnicate"}) {
    INFO(args);
    const Result r = safestreet(args);
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::StartsWith("error: "));
  }
  CHECK(safestreet("--help").exit_code == 0);
  CHECK(safestreet("run --help").exit_code == 0);
}

TEST_CASE(
    "safestreet check on a fire service naming an undefined appliance type exits 2 and writes nothing") {
  TempDir dir;
  const std::string scenario =
      town(dir, "run: {dt: 1, duration: 1 h, seed: 4}\n",
           "fire:\n"
           "  random: {count: 1}\n"
           "  wind: {speed: 5, from: 270}\n"
           "  service:\n"
           "    stations:\n"
           "      list: [{name: Main, lon: 11.2815, lat: 49.5101, appliances: [HLF 20, DLK 32]}]\n");
  auto listing = [&] {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path()))
      files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
  };
  const std::vector<std::string> before = listing();
  const Result r = safestreet("check " + scenario);
  INFO(r.output);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.output,
             Catch::StartsWith("error: " + scenario + ":14: fire.service.stations.list[0].appliances[1]: ") &&
                 Catch::Contains("no appliance type named 'DLK 32'"));
  CHECK(listing() == before);
}

TEST_CASE("a run that cannot write its results fails without leaving partial files") {
  TempDir dir;
  const std::string blocker = dir.write("blocker", "a file where the output folder should go");
  const Result r = safestreet("run " + town(dir) + " --quiet --out " + blocker + "/out");
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.output, Catch::Contains("blocker"));
  CHECK(slurp(blocker) == "a file where the output folder should go");
}

TEST_CASE(
    "safestreet compare on two single run folders says per KPI how B differs from A, without statistics") {
  TempDir dir;
  const std::string scenario = town(dir, "run: {dt: 1, duration: 1 h, seed: 4}\n",
                                    "plan: {warning_time: 2 min}\n"
                                    "variants:\n"
                                    "  late:\n"
                                    "    description: The warning goes out 10 minutes later.\n"
                                    "    patch: {plan: {warning_time: 12 min}}\n");
  const std::string a = dir.path() + "/a", b = dir.path() + "/b", out = dir.path() + "/pair";
  REQUIRE(safestreet("run " + scenario + " --quiet --out " + a).exit_code == 0);
  REQUIRE(safestreet("run " + scenario + " --variant late --quiet --out " + b).exit_code == 0);

  Result r = safestreet("compare " + a + " " + b);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output,
             Catch::Contains("late, seed 4") && Catch::Contains("The warning goes out 10 minutes later."));
  CHECK_THAT(r.output, Catch::Contains("T90, everyone (h:mm:ss)") && Catch::Contains("+0:10:00") &&
                           Catch::Contains("worse"));
  CHECK_THAT(r.output, Catch::Contains("One run each") && Catch::Contains("no significance"));
  CHECK_THAT(r.output, Catch::Contains("no files written"));
  CHECK_FALSE(
      std::filesystem::exists(std::filesystem::path(a) / "comparison.json"));  // run folders stay as they are

  r = safestreet("compare " + a + " " + b + " --out " + out);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  const std::string json = slurp(out + "/comparison.json");
  CHECK_THAT(json, Catch::Contains("\"format\": \"safestreet-run-pair/1\""));
  CHECK_THAT(slurp(out + "/comparison.csv"), Catch::Contains("overall.t90_s,\"T90, everyone\",s,1,lower,,"));
  CHECK_THAT(slurp(out + "/report.html"),
             Catch::Contains("Two runs compared") && Catch::Contains("class=worse"));
}

TEST_CASE("safestreet run --trajectories writes a micro run's trajectories and walkable area") {
  TempDir dir;
  const std::string school = std::string(SAFESTREET_SOURCE_DIR) + "/scenarios/school_evacuation.yaml";
  const std::string out = dir.path() + "/school";
  const Result r = safestreet("run " + school + " --quiet --trajectories 5 --out " + out);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const std::string traj = slurp(out + "/trajectories.txt");
  CHECK_THAT(traj, Catch::StartsWith("#description: ") && Catch::Contains("#framerate: 5\n") &&
                       Catch::Contains("#ID\tFR\tX\tY\tZ\n"));
  // Rows of five numbers: ID FR X Y Z.
  const std::size_t first = traj.find("\n", traj.find("#ID\tFR")) + 1;
  const std::string row = traj.substr(first, traj.find('\n', first) - first);
  CHECK(std::count(row.begin(), row.end(), '\t') == 4);
  CHECK_THAT(slurp(out + "/walkable.wkt"),
             Catch::StartsWith("POLYGON ((") || Catch::StartsWith("MULTIPOLYGON ((("));
  // Without the option the run folder has neither.
  REQUIRE(safestreet("run " + school + " --quiet --out " + out).exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(out + "/trajectories.txt"));
  CHECK_FALSE(std::filesystem::exists(out + "/walkable.wkt"));
}

TEST_CASE("safestreet run --trajectories refuses a network run and a rate off the steps") {
  TempDir dir;
  const Result net = safestreet("run " + town(dir) + " --quiet --trajectories 1 --out " + dir.path() + "/o");
  CHECK(net.exit_code == 2);
  CHECK_THAT(net.output, Catch::Contains("--trajectories") && Catch::Contains("movement: micro"));
  const std::string school = std::string(SAFESTREET_SOURCE_DIR) + "/scenarios/school_evacuation.yaml";
  const Result odd = safestreet("run " + school + " --quiet --trajectories 3 --out " + dir.path() + "/o");
  CHECK(odd.exit_code == 2);
  CHECK_THAT(odd.output, Catch::Contains("--trajectories") && Catch::Contains("run.dt"));
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/o"));
}
