// `safestreet batch` and `safestreet compare` end to end, as a user runs them: on
// the small test town (tests/batch/town), runs as child processes, then the files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "batch/process_pool.hpp"
#include "tests/batch/batch_test_util.hpp"

namespace fs = std::filesystem;
using ss::testing::TempDir;

namespace {

using ss::testing::read_file;
using ss::testing::safestreet;
using ss::testing::test_town;
using Result = ss::testing::CommandResult;

nlohmann::json summary(const fs::path& run) { return nlohmann::json::parse(read_file(run / "summary.json")); }

// Every KPI a batch compares, without provenance and timing.
nlohmann::json results_of(const nlohmann::json& s) {
  return {s["overall"],   s["by_group"], s["by_outcome"],
          s["by_status"], s["shelters"], s["mean_travel_time_s"]};
}

}  // namespace

TEST_CASE(
    "a batch runs every variant and seed, and identical variants give identical results (common random "
    "numbers)",
    "[batch]") {
  TempDir dir;
  const std::string scen = test_town(dir);
  const std::string out = dir.path() + "/batch";
  const Result r = safestreet("batch " + scen + " --variants base,twin --seeds 3 --jobs 2 --out " + out, dir);
  INFO(r.output);
  REQUIRE(r.code == 0);
  for (const char* v : {"base", "twin"})
    for (int seed = 1; seed <= 3; ++seed)
      CHECK(fs::is_regular_file(fs::path(out) / v / ("seed-" + std::to_string(seed)) / "summary.json"));
  for (const char* f : {"comparison.json", "comparison.csv", "report.html", "batch.json"})
    CHECK(fs::is_regular_file(fs::path(out) / f));
  CHECK_THAT(r.output, Catch::Contains("T90"));  // the table at the end

  for (int seed = 1; seed <= 3; ++seed) {
    const std::string s = "seed-" + std::to_string(seed);
    const nlohmann::json base = summary(fs::path(out) / "base" / s),
                         twin = summary(fs::path(out) / "twin" / s);
    CHECK(base["seed"] == seed);
    CHECK(twin["variant"] == "twin");
    CHECK(results_of(base) == results_of(twin));
  }
  // Different seeds do give different runs, so the equality above means something.
  CHECK(results_of(summary(fs::path(out) / "base/seed-1")) !=
        results_of(summary(fs::path(out) / "base/seed-2")));

  const nlohmann::json c = nlohmann::json::parse(read_file(fs::path(out) / "comparison.json"));
  CHECK(c["variants"] == nlohmann::json({"base", "twin"}));
  // Each variant's description from the scenario file, kept in batch.json for `compare`.
  CHECK(c["variant_descriptions"]["twin"] ==
        "The base plan under another name (a patch that changes nothing).");
  CHECK_THAT(read_file(fs::path(out) / "report.html"), Catch::Contains("The base plan under another name"));
  std::size_t checked = 0;
  for (const auto& kpi : c["kpis"]) {
    const auto& twin = kpi["variants"][1];
    REQUIRE(twin["variant"] == "twin");
    if (twin["diff_vs_base"]["n"] == 0) continue;
    CHECK(twin["diff_vs_base"]["mean"] == 0.0);
    CHECK(twin["diff_vs_base"]["excludes_zero"] == false);
    ++checked;
  }
  CHECK(checked > 10);
}

TEST_CASE("an interrupted batch resumes: only missing or broken runs are redone, with the same result",
          "[batch]") {
  TempDir dir;
  const std::string scen = test_town(dir);
  const std::string out = dir.path() + "/batch";
  const std::string args = "batch " + scen + " --seeds 3 --jobs 2 --out " + out;
  Result r = safestreet(args, dir);
  INFO(r.output);
  REQUIRE(r.code == 0);
  const std::string comparison = read_file(fs::path(out) / "comparison.json");
  const std::string untouched = read_file(fs::path(out) / "late_warning/seed-2/summary.json");

  // As a crash leaves it: one run folder gone, another's summary cut short, and a
  // staging folder of a run that never finished.
  fs::remove_all(fs::path(out) / "twin/seed-3");
  { std::ofstream(fs::path(out) / "base/seed-1/summary.json", std::ios::trunc) << "{\"format\": \"safest"; }
  fs::create_directories(fs::path(out) / "base/seed-2.tmp-999999");

  r = safestreet(args, dir);
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output, Catch::Contains("7 already finished, 2 to run"));
  CHECK(read_file(fs::path(out) / "late_warning/seed-2/summary.json") ==
        untouched);  // not rerun: same wall_seconds
  CHECK(fs::is_regular_file(fs::path(out) / "twin/seed-3/summary.json"));
  CHECK_FALSE(fs::exists(fs::path(out) / "base/seed-2.tmp-999999"));
  CHECK(read_file(fs::path(out) / "comparison.json") == comparison);

  SECTION("compare rebuilds the same comparison from the run folders") {
    const std::string again = dir.path() + "/again";
    r = safestreet("compare " + out + " --out " + again, dir);
    REQUIRE(r.code == 0);
    CHECK(read_file(fs::path(again) / "comparison.json") == comparison);
  }
  SECTION("compare merges batches and reports runs present in both") {
    const std::string other = dir.path() + "/other";
    fs::create_directories(fs::path(other) / "base");
    fs::copy(fs::path(out) / "base/seed-1", fs::path(other) / "base/seed-1");
    r = safestreet("compare " + out + " " + other + " --out " + dir.path() + "/merged", dir);
    CHECK(r.code == 0);
    CHECK_THAT(r.output, Catch::Contains("duplicate run left out: base seed 1"));
    CHECK(read_file(fs::path(dir.path()) / "merged/comparison.json").find("same results") !=
          std::string::npos);
  }
}

TEST_CASE("a failing variant is reported with its error while the other runs complete", "[batch]") {
  TempDir dir;
  // Loads fine, but assembling the model fails: the plan closes a shelter that
  // does not exist.
  const std::string scen = test_town(dir,
                                     "  broken:\n"
                                     "    patch: {plan: {closed_shelters: [Nowhere Hall]}}\n");
  const std::string out = dir.path() + "/batch";
  const Result r =
      safestreet("batch " + scen + " --variants base,broken --seeds 2 --jobs 2 --out " + out, dir);
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK_THAT(r.output, Catch::Contains("failed: broken seed 1") && Catch::Contains("Nowhere Hall"));
  CHECK_THAT(read_file(fs::path(out) / "broken/seed-2.log"), Catch::Contains("Nowhere Hall"));
  CHECK(fs::is_regular_file(fs::path(out) / "base/seed-1/summary.json"));
  CHECK(fs::is_regular_file(fs::path(out) / "base/seed-2/summary.json"));
  CHECK_FALSE(fs::exists(fs::path(out) / "broken/seed-1"));
  const nlohmann::json c = nlohmann::json::parse(read_file(fs::path(out) / "comparison.json"));
  CHECK(c["variants"] == nlohmann::json({"base"}));
}

TEST_CASE("bad batch input is a clear error before any run starts", "[batch]") {
  TempDir dir;
  const std::string scen = test_town(dir, "  typo:\n    patch: {plan: {warning_tim: 5 min}}\n");
  const std::string out = dir.path() + "/batch";
  Result r = safestreet("batch " + scen + " --variants base,nope --out " + out, dir);
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Catch::Contains("--variants") && Catch::Contains("nope") && Catch::Contains("twin"));
  r = safestreet("batch " + scen + " --variants base,typo --out " + out, dir);
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Catch::Contains("warning_tim"));
  r = safestreet("batch " + scen + " --variants base --seeds 0 --out " + out, dir);
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Catch::Contains("--seeds"));
  for (const char* timeout : {"0", "=-1", "=-0.5", "inf", "nan", "1e999", "ten", "5s", "''"}) {
    r = safestreet("batch " + scen + " --variants base --seeds 1 --run-timeout" +
                       (timeout[0] == '=' ? "" : " ") + timeout + " --out " + out,
                   dir);
    INFO(timeout << ": " << r.output);
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Catch::Contains("--run-timeout") && Catch::Contains("positive number of seconds"));
  }
  CHECK_FALSE(fs::exists(out));

  // A folder that holds another scenario's batch.
  fs::create_directories(out);
  std::ofstream(fs::path(out) / "batch.json")
      << R"({"format": "safestreet-batch/1", "scenario": {"name": "Lauf"}})";
  r = safestreet("batch " + scen + " --variants base --seeds 1 --out " + out, dir);
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Catch::Contains("Lauf") && Catch::Contains("another folder"));
  CHECK_FALSE(fs::exists(fs::path(out) / "base"));
}

TEST_CASE("the batch ETA counts down while runs are under way, not only when one finishes") {
  // Runs take 60 s on average; two workers; four runs not started, two running.
  const double at_start = ss::batch::estimate_eta(60.0, 4, {0.0, 0.0}, 2);
  const double later = ss::batch::estimate_eta(60.0, 4, {30.0, 30.0}, 2);
  CHECK(at_start == Approx(180.0));  // (4 × 60 + 2 × 60) / 2
  CHECK(later == Approx(150.0));     // 30 s later, the same runs still under way
  // A run taking longer than the mean adds nothing (never negative).
  CHECK(ss::batch::estimate_eta(60.0, 0, {90.0}, 2) == Approx(0.0));
  // One run left for two workers: it is not shared.
  CHECK(ss::batch::estimate_eta(60.0, 1, {}, 2) == Approx(60.0));
}

TEST_CASE("a batch that loads each variant once writes the same run folders as runs that each load it",
          "[batch]") {
  TempDir dir;
  const std::string scen = test_town(dir);
  const std::string args = "batch " + scen + " --variants base,twin --seeds 2 --jobs 2 -q --out ";
  const Result forked = safestreet(args + dir.path() + "/forked", dir);
  const Result spawned = safestreet(args + dir.path() + "/spawned --load-per-run", dir);
  INFO(forked.output << spawned.output);
  REQUIRE(forked.code == 0);
  REQUIRE(spawned.code == 0);
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir.path() + "/forked")) {
    if (!e.is_regular_file()) continue;
    const fs::path rel = fs::relative(e.path(), dir.path() + "/forked");
    const fs::path other = fs::path(dir.path()) / "spawned" / rel;
    INFO(rel.string());
    REQUIRE(fs::is_regular_file(other));
    if (rel.filename() == "summary.json") {  // the same but for the wall-clock time it took
      nlohmann::json a = summary(e.path().parent_path()), b = summary(other.parent_path());
      CHECK(a["wall_seconds"].is_number());
      a.erase("wall_seconds");
      b.erase("wall_seconds");
      CHECK(a == b);
    } else {
      CHECK(read_file(e.path()) == read_file(other));
    }
    ++files;
  }
  CHECK(files >= 4 * 9);  // every run's folder, and the comparison
}

TEST_CASE("runs of a batch side by side share the machine's threads for their floods") {
  using ss::batch::flood_threads_per_run;
  CHECK(flood_threads_per_run(1, 2) == 2);   // one run at a time: every thread
  CHECK(flood_threads_per_run(2, 2) == 1);   // as many runs as threads: one each
  CHECK(flood_threads_per_run(3, 8) == 2);   // 3 runs x 2 threads <= 8
  CHECK(flood_threads_per_run(16, 8) == 1);  // more runs than threads: never fewer than one
  CHECK(flood_threads_per_run(0, 4) == 4);   // no jobs given counts as one
  CHECK(flood_threads_per_run(2, 0) == 1);   // hardware threads unknown
}
