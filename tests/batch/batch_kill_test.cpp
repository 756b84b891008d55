// A batch's run killed the hard way, as an out-of-memory killer or an impatient user
// would: it is reported with its variant, seed and why, the other runs go on, and
// the batch run again redoes only it. Real processes of the built `safestreet`,
// found through /proc as a user would find them with ps.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/batch/batch_test_util.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using ss::testing::read_file;
using ss::testing::safestreet;
using ss::testing::TempDir;
using ss::testing::test_town;
using Result = ss::testing::CommandResult;

// Starts `safestreet ARGS` with stdout and stderr into `log` and `extra_env` added
// to the environment; returns its pid.
pid_t start(const std::vector<std::string>& args, const fs::path& log,
            const std::vector<std::string>& extra_env = {}) {
  std::vector<std::string> all{SAFESTREET_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv, envp;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env(extra_env);
  for (char** e = environ; *e; ++e) env.emplace_back(*e);
  for (std::string& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
  posix_spawn_file_actions_adddup2(&fa, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, SAFESTREET_BINARY, &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  REQUIRE(rc == 0);
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return status;
}

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

// Live processes with an argument equal to `arg` (or, with `prefix`, starting with
// it), from /proc/<pid>/cmdline. A zombie has an empty command line and is not
// listed: it runs no more.
std::vector<pid_t> processes_with_arg(const std::string& arg, bool prefix) {
  std::vector<pid_t> pids;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/proc", ec)) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string cmdline = read_file(e.path() / "cmdline");
    for (std::size_t at = 0; at < cmdline.size();) {
      const std::size_t end = std::min(cmdline.find('\0', at), cmdline.size());
      const std::string a = cmdline.substr(at, end - at);
      if (a == arg || (prefix && a.rfind(arg, 0) == 0)) {
        pids.push_back(static_cast<pid_t>(std::stol(name)));
        break;
      }
      at = end + 1;
    }
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

}  // namespace

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
  const pid_t batch = start(args, log);
  // The run as ps shows it: `safestreet run ... --out DIR/late_warning/seed-2 --quiet`.
  const std::string target = (out / "late_warning" / "seed-2").string();
  std::vector<pid_t> found;
  REQUIRE(wait_until(
      [&] {
        found = processes_with_arg(target, false);
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

  const Result again = safestreet(command_line(args), dir);
  INFO(again.output);
  CHECK(again.code == 0);
  CHECK_THAT(again.output, Catch::Contains("5 already finished, 1 to run"));
  CHECK(finished_runs(out).size() == 6);
  CHECK(read_file(out / "failed_runs.csv") == kFailedRunsHeader);
  CHECK(missing_runs(out) == nlohmann::json::array());
  CHECK_THAT(read_file(out / "report.html"), !Catch::Contains("Missing runs"));
}
