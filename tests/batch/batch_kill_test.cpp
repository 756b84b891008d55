// A batch stopped the hard way, as a power cut, an out-of-memory killer or an
// impatient user would: the whole batch killed with SIGKILL mid-way, one of its runs
// killed with SIGKILL, a run that cannot finish within --run-timeout. The batch
// resumes without redoing finished runs and ends with the comparison, byte for byte,
// of a batch never stopped; its runs end with it; a run lost to a kill or a timeout
// is reported with its variant, seed and why, and the other runs go on. Real
// processes of the built `safestreet`, found through /proc by the log file each run
// writes to, as a user would find them with lsof.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "maps/gdal_support.hpp"
#include "tests/batch/batch_test_util.hpp"
#include "tests/cli/process_util.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using ss::testing::read_file;
using ss::testing::safestreet;
using ss::testing::TempDir;
using ss::testing::test_town;
using ss::testing::wait_for;
using Result = ss::testing::CommandResult;

// A variant no test can wait for: 3000 residents, ten times the shelters' room, so
// the run goes on to its end, stepped every millisecond for 2 h of simulated time:
// 7.2 million steps, minutes of work on any machine (the town's base plan: 3600
// steps for 300 residents, well under a second).
constexpr const char* kSlowVariant =
    "  slow:\n"
    "    description: Far more work than a test can wait for.\n"
    "    patch: {run: {dt: 0.001, duration: 2 h}, population: {synthesize: {total: 3000, seed: 3}}}\n";

std::string command_line(const std::vector<std::string>& args) {
  std::string s;
  for (const std::string& a : args) s += (s.empty() ? "" : " ") + a;
  return s;
}

// Polls `done` every 2 ms for at most `limit`; true when it became true.
bool wait_until(const std::function<bool()>& done, std::chrono::duration<double> limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(2ms);
  }
  return true;
}

// Live processes whose stderr is the file `log` (or, with `prefix`, a file whose path
// starts with it), from /proc/<pid>/fd/2: a batch's run writes its stderr into its log
// file DIR/<variant>/seed-<S>.log, whether the batch started it as `safestreet run`
// or forked it (its command line is then the batch's). A zombie has no open files and
// is not listed: it runs no more.
std::vector<pid_t> runs_logging_to(const std::string& log, bool prefix) {
  std::vector<pid_t> pids;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/proc", ec)) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::error_code gone;
    const std::string target = fs::read_symlink(e.path() / "fd" / "2", gone).string();
    if (gone) continue;
    if (target == log || (prefix && target.rfind(log, 0) == 0))
      pids.push_back(static_cast<pid_t>(std::stol(name)));
  }
  return pids;
}

// The finished runs of a batch folder, "variant/seed-S" → their summary.json (a run
// folder appears whole, see output/staged_directory.hpp).
std::map<std::string, std::string> finished_runs(const fs::path& out) {
  std::map<std::string, std::string> runs;
  std::error_code ec;
  for (const auto& variant : fs::directory_iterator(out, ec)) {
    if (!variant.is_directory()) continue;
    for (const auto& run : fs::directory_iterator(variant.path(), ec)) {
      const fs::path summary = run.path() / "summary.json";
      const std::string name = run.path().filename().string();
      if (name.find('.') == std::string::npos && fs::is_regular_file(summary, ec))
        runs[variant.path().filename().string() + "/" + name] = read_file(summary);
    }
  }
  return runs;
}

// Anything under `out` that a process killed mid-write leaves: staging folders
// (seed-S.tmp-PID, seed-S.old-PID) and temporary files (comparison.json.tmp-PID).
std::vector<std::string> leftovers(const fs::path& out) {
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    const std::string name = e.path().filename().string();
    if (name.find(".tmp-") != std::string::npos || name.find(".old-") != std::string::npos)
      names.push_back(e.path().lexically_relative(out).string());
  }
  return names;
}

nlohmann::json missing_runs(const fs::path& out) {
  return nlohmann::json::parse(read_file(out / "comparison.json"))["missing_runs"];
}

constexpr const char* kFailedRunsHeader = "variant,seed,reason,log\n";

// The `seeds` of every feature of a comparison.gpkg layer (empty without the layer).
std::vector<int> seeds_in(const fs::path& gpkg, const char* layer) {
  ss::maps::detail::ensure_gdal_registered();
  ss::maps::detail::DatasetPtr ds{
      static_cast<GDALDataset*>(GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr))};
  std::vector<int> seeds;
  OGRLayer* l = ds ? ds->GetLayerByName(layer) : nullptr;
  if (l)
    for (auto& f : *l) seeds.push_back(f->GetFieldAsInteger("seeds"));
  return seeds;
}

}  // namespace

TEST_CASE(
    "a batch killed with SIGKILL mid-way resumes without redoing finished runs and ends with the same "
    "comparison, byte for byte",
    "[batch]") {
  TempDir dir;
  const std::string scen = test_town(dir);
  const fs::path out = fs::path(dir.path()) / "batch";
  auto command = [&](const fs::path& folder) {
    return std::vector<std::string>{"batch",  scen, "--variants", "base,late_warning", "--seeds", "3",
                                    "--jobs", "2",  "--out",      folder.string()};
  };
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t batch = ss::testing::start_safestreet(command(out), fs::path(dir.path()) / "killed.txt");
  // Killed once a first run is finished, while others are under way.
  REQUIRE(wait_until([&] { return !finished_runs(out).empty(); }, 120s));
  ::kill(batch, SIGKILL);
  const int status = wait_for(batch);
  REQUIRE(WIFSIGNALED(status));  // it had not ended on its own
  // Its runs end with it: none goes on writing into the folder the resumed batch uses.
  CHECK(wait_until([&] { return runs_logging_to(out.string() + "/", true).empty(); }, 5s));
  const std::map<std::string, std::string> before = finished_runs(out);
  std::map<std::string, fs::file_time_type> written;
  for (const auto& [run, summary] : before) written[run] = fs::last_write_time(out / run / "summary.json");
  INFO(before.size() << " of 6 runs finished before the kill; left behind: " << leftovers(out).size());
  REQUIRE(before.size() < 6);  // the kill came mid-way

  const Result resumed = safestreet(command_line(command(out)), dir);
  INFO(resumed.output);
  REQUIRE(resumed.code == 0);
  CHECK_THAT(resumed.output, Catch::Contains(std::to_string(before.size()) + " already finished, " +
                                             std::to_string(6 - before.size()) + " to run"));
  for (const auto& [run, summary] : before) {  // not redone: the same bytes (wall time included), untouched
    CHECK(read_file(out / run / "summary.json") == summary);
    CHECK(fs::last_write_time(out / run / "summary.json") == written[run]);
  }
  CHECK(finished_runs(out).size() == 6);
  CHECK(leftovers(out).empty());
  const double killed_and_resumed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  // The same batch never stopped, in another folder.
  const fs::path whole = fs::path(dir.path()) / "whole";
  const Result r = safestreet(command_line(command(whole)), dir);
  REQUIRE(r.code == 0);
  for (const char* f : {"comparison.json", "comparison.csv", "report.html", "failed_runs.csv"}) {
    INFO(f);
    CHECK(read_file(out / f) == read_file(whole / f));
    CHECK_FALSE(read_file(out / f).empty());
  }
  CHECK(missing_runs(out) == nlohmann::json::array());
  CHECK(read_file(out / "failed_runs.csv") == kFailedRunsHeader);
  WARN("killed after " << before.size() << " runs, then resumed: " << killed_and_resumed
                       << " s; the same batch never stopped: "
                       << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() -
                              killed_and_resumed
                       << " s");
}

TEST_CASE(
    "a run of a batch killed with SIGKILL is reported with its variant and seed, the others finish, and "
    "the batch run again redoes only it",
    "[batch]") {
  TempDir dir;
  const std::string scen = test_town(dir);
  const fs::path out = fs::path(dir.path()) / "batch";
  const std::vector<std::string> args = {"batch",  scen, "--variants", "base,late_warning", "--seeds", "3",
                                         "--jobs", "1",  "--out",      out.string()};
  const fs::path log = fs::path(dir.path()) / "first.txt";
  const pid_t batch = ss::testing::start_safestreet(args, log);
  // The run that writes DIR/late_warning/seed-2.log.
  const std::string target = (out / "late_warning" / "seed-2.log").string();
  std::vector<pid_t> found;
  REQUIRE(wait_until(
      [&] {
        found = runs_logging_to(target, false);
        return !found.empty();
      },
      120s));
  REQUIRE(found.size() == 1);
  REQUIRE(found.front() != batch);
  ::kill(found.front(), SIGKILL);
  const int status = wait_for(batch);
  const std::string output = read_file(log);
  INFO(output);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);  // some runs failed
  CHECK_THAT(output, Catch::Contains("failed: late_warning seed 2: killed by signal 9"));
  CHECK_THAT(output, Catch::Contains("missing runs (not in the comparison): late_warning seed 2\n"));
  CHECK_THAT(output,
             Catch::Contains("1 run(s) failed, listed with why in " + (out / "failed_runs.csv").string()));
  const std::string failed = read_file(out / "failed_runs.csv");
  CHECK_THAT(failed,
             Catch::StartsWith(std::string(kFailedRunsHeader) + "late_warning,2,killed by signal 9") &&
                 Catch::EndsWith(",late_warning/seed-2.log\n"));
  CHECK(std::count(failed.begin(), failed.end(), '\n') == 2);
  CHECK(missing_runs(out) == nlohmann::json::parse(R"([{"variant": "late_warning", "seed": 2}])"));
  CHECK_THAT(read_file(out / "report.html"),
             Catch::Contains("Missing runs, in no figure below: late_warning seed 2"));
  CHECK(finished_runs(out).size() == 5);  // the others carried on
  CHECK(leftovers(out).empty());
  // comparison.gpkg still comes, its late_warning means over the two seeds that finished.
  const std::vector<int> base_seeds = seeds_in(out / "comparison.gpkg", "homes_base"),
                         late_seeds = seeds_in(out / "comparison.gpkg", "homes_late_warning");
  CHECK_FALSE(base_seeds.empty());
  CHECK(late_seeds.size() == base_seeds.size());
  CHECK(std::all_of(base_seeds.begin(), base_seeds.end(), [](int n) { return n == 3; }));
  CHECK(std::all_of(late_seeds.begin(), late_seeds.end(), [](int n) { return n == 2; }));

  const Result again = safestreet(command_line(args), dir);
  INFO(again.output);
  CHECK(again.code == 0);
  CHECK_THAT(again.output, Catch::Contains("5 already finished, 1 to run"));
  CHECK(finished_runs(out).size() == 6);
  CHECK(read_file(out / "failed_runs.csv") == kFailedRunsHeader);
  CHECK(missing_runs(out) == nlohmann::json::array());
  CHECK_THAT(read_file(out / "report.html"), !Catch::Contains("Missing runs"));
  const std::vector<int> all_seeds = seeds_in(out / "comparison.gpkg", "homes_late_warning");
  CHECK_FALSE(all_seeds.empty());
  CHECK(std::all_of(all_seeds.begin(), all_seeds.end(), [](int n) { return n == 3; }));
}

TEST_CASE(
    "a run over --run-timeout is killed and reported as timed out with its variant and seed, and the "
    "other runs are unaffected",
    "[batch]") {
  TempDir dir;
  const std::string scen = test_town(dir, kSlowVariant);
  const fs::path out = fs::path(dir.path()) / "batch";
  // 5 s: the town's base runs take well under a second (most of it loading and
  // writing), the slow variant minutes.
  const auto t0 = std::chrono::steady_clock::now();
  Result r = safestreet(
      "batch " + scen + " --variants base,slow --seeds 2 --jobs 2 --run-timeout 5 --out " + out.string(),
      dir);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  INFO(r.output);
  CHECK(r.code == 1);
  CHECK(took < 60.0);  // the slow runs were ended, not waited for
  CHECK_THAT(r.output, Catch::Contains("each within 5 s"));
  CHECK_THAT(r.output, Catch::Contains("failed: slow seed 1: timed out after 5 s (log: "));
  CHECK_THAT(r.output, Catch::Contains("failed: slow seed 2: timed out after 5 s (log: "));
  CHECK_THAT(r.output, Catch::Contains("missing runs (not in the comparison): slow seeds 1, 2"));
  CHECK(read_file(out / "failed_runs.csv") == std::string(kFailedRunsHeader) +
                                                  "slow,1,timed out after 5 s,slow/seed-1.log\n"
                                                  "slow,2,timed out after 5 s,slow/seed-2.log\n");
  const nlohmann::json c = nlohmann::json::parse(read_file(out / "comparison.json"));
  CHECK(c["variants"] == nlohmann::json({"base"}));
  CHECK(c["missing_runs"] == nlohmann::json::parse(R"([{"variant": "slow", "seed": 1},
                                                      {"variant": "slow", "seed": 2}])"));
  CHECK(finished_runs(out).size() == 2);  // base, seeds 1 and 2
  CHECK(leftovers(out).empty());
  CHECK(runs_logging_to(out.string() + "/", true).empty());

  // A timeout no run can keep (loading the town alone takes longer): every run
  // fails, and the reason gives the limit as written.
  const fs::path tiny = fs::path(dir.path()) / "tiny";
  r = safestreet("batch " + scen + " --variants base --seeds 1 --run-timeout 0.05 --out " + tiny.string(),
                 dir);
  CHECK(r.code == 1);
  CHECK_THAT(r.output, Catch::Contains("failed: base seed 1: timed out after 0.05 s") &&
                           Catch::Contains("error: no run finished"));
  CHECK(read_file(tiny / "failed_runs.csv") ==
        std::string(kFailedRunsHeader) + "base,1,timed out after 0.05 s,base/seed-1.log\n");
  CHECK(leftovers(tiny).empty());
  WARN("batch with two runs timed out after 5 s: " << took << " s");
}

TEST_CASE("the runs of a batch killed with SIGKILL end with it", "[batch]") {
  TempDir dir;
  const std::string scen = test_town(dir, kSlowVariant);
  const fs::path out = fs::path(dir.path()) / "batch";
  const pid_t batch = ss::testing::start_safestreet(
      {"batch", scen, "--variants", "slow", "--seeds", "2", "--jobs", "2", "--out", out.string()},
      fs::path(dir.path()) / "batch.txt");
  const std::string runs = (out / "slow" / "seed-").string();
  REQUIRE(wait_until([&] { return runs_logging_to(runs, true).size() == 2; }, 120s));
  ::kill(batch, SIGKILL);
  wait_for(batch);
  // Left alone, each would go on for minutes.
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(wait_until([&] { return runs_logging_to(runs, true).empty(); }, 5s));
  WARN("runs ended " << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()
                     << " s after their batch was killed");
  for (const pid_t pid : runs_logging_to(runs, true)) ::kill(pid, SIGKILL);  // a failed check leaves none
}

TEST_CASE("a run started for a batch that has already ended ends at once", "[batch]") {
  TempDir dir;
  const std::string scen = test_town(dir);
  const fs::path out = fs::path(dir.path()) / "run";
  const fs::path log = fs::path(dir.path()) / "run.txt";
  // This test is the run's parent, not process 1: the batch it names has gone.
  int status = wait_for(ss::testing::start_safestreet({"run", scen, "--quiet", "--out", out.string()}, log,
                                                      {"SAFESTREET_BATCH_PARENT=1"}));
  CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));
  CHECK_THAT(read_file(log),
             Catch::Contains("the batch that started this run (SAFESTREET_BATCH_PARENT=1) has ended"));
  CHECK_FALSE(fs::exists(out));

  status = wait_for(ss::testing::start_safestreet({"run", scen, "--quiet", "--out", out.string()}, log,
                                                  {"SAFESTREET_BATCH_PARENT=12x"}));
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 2));
  CHECK_THAT(read_file(log), Catch::Contains("SAFESTREET_BATCH_PARENT") && Catch::Contains("\"12x\""));
  CHECK_FALSE(fs::exists(out));

  // Its own parent's pid: a run as a batch starts it, which goes on to finish.
  status = wait_for(ss::testing::start_safestreet({"run", scen, "--quiet", "--out", out.string()}, log,
                                                  {"SAFESTREET_BATCH_PARENT=" + std::to_string(::getpid())}));
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  CHECK(fs::is_regular_file(out / "summary.json"));
}
