// The bundled flood drill as a trainer's laptop runs it: `safestreet drill run` killed
// with SIGKILL half-way, `drill resume` from its journal, and `replay` of the journal
// each give the run folder of the uninterrupted drill, byte for byte.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "tests/cli/process_util.hpp"
#include "tests/drill/drill_test_util.hpp"

namespace {

namespace fs = std::filesystem;
using ss::testing::start_safestreet;
using ss::testing::wait_for;

const std::string kDrill = std::string(SAFESTREET_SOURCE_DIR) + "/scenarios/drills/lauf_flood_drill.yaml";
const std::string kPlayers =
    std::string(SAFESTREET_SOURCE_DIR) + "/scenarios/drills/lauf_flood_drill_players.csv";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int exit_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

TEST_CASE("the bundled drill killed half-way resumes from its journal to the uninterrupted drill's outputs") {
  const fs::path dir = fs::temp_directory_path() / ("ss_drill_kill_test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path log = dir / "log.txt";

  REQUIRE(exit_code(wait_for(
              start_safestreet({"drill", "run", kDrill, "--players", kPlayers, "--journal",
                                (dir / "whole.jsonl").string(), "--out", (dir / "whole").string(), "--quiet"},
                               log))) == 0);
  const auto expected = ss::testing::run_files(dir / "whole");
  REQUIRE(expected.count("summary.json") == 1);

  // Paced at 1,000 simulated seconds a wall second, the three hours take at least 10.8 s;
  // killed once the inject at 1:00:00 is journaled.
  const fs::path journal = dir / "killed.jsonl";
  const pid_t pid =
      start_safestreet({"drill", "run", kDrill, "--players", kPlayers, "--journal", journal.string(), "--out",
                        (dir / "killed").string(), "--quiet", "--speed", "1000"},
                       log);
  const auto t0 = std::chrono::steady_clock::now();
  while (read(journal).find("\"id\":\"M08\"") == std::string::npos &&
         std::chrono::steady_clock::now() - t0 < std::chrono::minutes(5))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ::kill(pid, SIGKILL);
  const int status = wait_for(pid);
  REQUIRE(WIFSIGNALED(status));             // killed mid-way, not finished
  CHECK_FALSE(fs::exists(dir / "killed"));  // no half a run folder
  const std::string before = read(journal);
  CHECK(before.find("drill_end") == std::string::npos);

  REQUIRE(exit_code(wait_for(start_safestreet(
              {"drill", "resume", journal.string(), "--out", (dir / "resumed").string(), "--quiet"}, log))) ==
          0);
  CHECK(ss::testing::run_files(dir / "resumed") == expected);
  const std::string after = read(journal);
  CHECK(after.compare(0, before.rfind('\n') + 1, before, 0, before.rfind('\n') + 1) == 0);  // appended to
  CHECK(after.find("\"event\":\"resumed\"") != std::string::npos);
  CHECK(after.find("drill_end") != std::string::npos);

  // The completed journal replays to the same outputs.
  REQUIRE(exit_code(wait_for(start_safestreet(
              {"replay", journal.string(), "--out", (dir / "replayed").string(), "--quiet"}, log))) == 0);
  CHECK(ss::testing::run_files(dir / "replayed") == expected);
  fs::remove_all(dir);
}

TEST_CASE("drill commands refuse bad input with exit code 2 and the place of the problem") {
  const fs::path dir = fs::temp_directory_path() / ("ss_drill_cli_test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path log = dir / "log.txt";
  std::ofstream(dir / "j.jsonl") << "{\"event\":\"note\",\"step\":1}\n";
  CHECK(exit_code(wait_for(start_safestreet(
            {"replay", (dir / "j.jsonl").string(), "--out", (dir / "o").string()}, log))) == 2);
  CHECK_THAT(read(log), Catch::Contains("j.jsonl:1: a journal starts with its drill_start event"));
  CHECK(exit_code(wait_for(start_safestreet(
            {"drill", "run", kDrill, "--journal", (dir / "j.jsonl").string(), "--out", (dir / "o").string()},
            log))) == 2);
  CHECK_THAT(read(log), Catch::Contains("a journal is already there"));
  CHECK(exit_code(wait_for(start_safestreet({"drill", "check", kDrill, "--players", kPlayers}, log))) == 0);
  fs::remove_all(dir);
}
