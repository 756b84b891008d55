// `safestreet run` killed with SIGKILL at moments spread over a whole run, as a
// laptop's power cut or an impatient user would: the output folder holds a complete
// result (the previous one, or the new one if it had finished) and never half of one,
// and no staging folder stays behind once the next run has started.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli/process_util.hpp"

namespace {

namespace fs = std::filesystem;
using ss::testing::wait_for;

pid_t spawn_run(const std::string& scenario, const fs::path& out, int seed) {
  return ss::testing::start_safestreet(
      {"run", scenario, "--quiet", "--seed", std::to_string(seed), "--out", out.string()}, "/dev/null");
}

// The seed of the complete result in `out`, or -1 when a file is missing or the
// summary cannot be read whole.
int complete_seed(const fs::path& out) {
  for (const char* f :
       {"summary.json", "timeline.csv", "residents.csv", "shelters.csv", "occupancy.csv", "journal.csv"})
    if (!fs::is_regular_file(out / f)) return -1;
  std::ifstream in(out / "summary.json");
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded() || !j.contains("seed")) return -1;
  return j["seed"].get<int>();
}

std::vector<std::string> leftovers(const fs::path& out) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(out.parent_path())) {
    const std::string n = e.path().filename().string();
    if (n != out.filename().string()) names.push_back(n);
  }
  return names;
}

}  // namespace

TEST_CASE(
    "safestreet run killed at any moment leaves the previous complete result or the new one, never half") {
  const std::string scenario = std::string(SAFESTREET_SOURCE_DIR) + "/tests/batch/town/town.yaml";
  const fs::path dir = fs::temp_directory_path() / ("ss_kill_test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path out = dir / "run";
  // A first complete result, and how long a whole run takes here.
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(WEXITSTATUS(wait_for(spawn_run(scenario, out, 1))) == 0);
  const double whole = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  REQUIRE(complete_seed(out) == 1);
  int expected = 1;
  // Kills from a tenth of a run to beyond its end, most of them in its last third where
  // the results are written (the last ones may come after it finished, which must
  // leave the new result).
  constexpr int kKills = 20;
  int finished = 0, left_seen = 0;
  for (int k = 0; k < kKills; ++k) {
    const int seed = 100 + k;
    const pid_t pid = spawn_run(scenario, out, seed);
    const double at = whole * (k < 4 ? 0.1 + 0.15 * k : 0.65 + 0.5 * (k - 4) / (kKills - 4));
    std::this_thread::sleep_for(std::chrono::duration<double>(at));
    ::kill(pid, SIGKILL);
    const int status = wait_for(pid);
    const bool completed = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    INFO("kill " << k << " after " << at << " s of a " << whole << " s run");
    const int got = complete_seed(out);
    left_seen += leftovers(out).empty() ? 0 : 1;
    if (completed) {
      CHECK(got == seed);
      expected = seed, ++finished;
    } else {
      // Killed: either it had already published (then its result is whole) or not.
      CHECK((got == expected || got == seed));
      if (got == seed) expected = seed;
    }
  }
  CHECK(finished < kKills);  // some were killed mid-way: the test tested something
  // The next run clears what the killed ones left beside the folder.
  REQUIRE(WEXITSTATUS(wait_for(spawn_run(scenario, out, 7))) == 0);
  CHECK(complete_seed(out) == 7);
  CHECK(leftovers(out).empty());
  WARN(finished << " of " << kKills << " runs finished before their kill; " << left_seen
                << " kills left a staging folder beside the results, cleared by a later run");
  fs::remove_all(dir);
}
