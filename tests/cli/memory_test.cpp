// The memory a run will take: `check` and `run` estimate it from the assembled model
// (engine/core/memory_estimate.hpp, scenarios/loader/memory_check.hpp); the estimate
// is compared with the peak resident memory of real runs, and a scenario that would
// not fit is refused with the field that drives it, before the memory is taken.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/scenarios/scenario_test_util.hpp"

using ss::testing::TempDir;

namespace {

// A process's peak resident memory is not the program's own under AddressSanitizer
// (its shadow memory and the quarantine of freed blocks add hundreds of MB): the
// sanitizer build (scripts/sanitize.sh) runs these tests for all but the measured peak.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPeakIsTheProgramsOwn = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kPeakIsTheProgramsOwn = false;
#else
constexpr bool kPeakIsTheProgramsOwn = true;
#endif
#else
constexpr bool kPeakIsTheProgramsOwn = true;
#endif

struct Child {
  int exit_code = -1;
  double peak_bytes = 0.0;  // the child's peak resident memory (getrusage ru_maxrss)
  std::string output;       // stdout and stderr
};

// Runs `safestreet args...` as a child process and measures its peak resident memory.
Child safestreet(const TempDir& dir, const std::vector<std::string>& args) {
  const std::string log = dir.path() + "/child.log";
  std::vector<std::string> all{SAFESTREET_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) _exit(126);
    dup2(fd, 1);
    dup2(fd, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  REQUIRE(wait4(pid, &status, 0, &usage) == pid);
  Child c;
  c.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  c.peak_bytes = static_cast<double>(usage.ru_maxrss) * 1024.0;  // Linux: kilobytes
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  c.output = text.str();
  return c;
}

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

// scenarios/lauf.yaml in `dir` with its data paths made absolute and `edits` (text,
// replacement) applied; each text must be there.
std::string lauf_copy(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& edits) {
  std::ifstream in(SAFESTREET_SOURCE_DIR "/scenarios/lauf.yaml");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const std::string data = std::string(SAFESTREET_SOURCE_DIR) + "/data/";
  for (std::size_t at = text.find("../data/"); at != std::string::npos; at = text.find("../data/", at))
    text.replace(at, 8, data);
  for (const auto& [from, to] : edits) {
    const std::size_t at = text.find(from);
    INFO(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  return dir.write("lauf.yaml", text);
}

// A scenario on the bundled town's streets with `rest` (population, zones, run, ...).
std::string on_lauf_streets(const TempDir& dir, const std::string& rest) {
  return dir.write("scenario.yaml",
                   "name: on the town's streets\n"
                   "map: {streets: " SAFESTREET_SOURCE_DIR
                   "/data/lauf-200115.osm.pbf}\n"
                   "shelters:\n"
                   "  list:\n"
                   "    - {name: Hall, lon: 11.2799, lat: 49.5142, capacity: 100000}\n" +
                       rest);
}

// The estimate of a run and what the run took, printed for the record.
void compare(const char* what, double estimate, double measured) {
  if (!kPeakIsTheProgramsOwn) return;
  INFO(what << ": estimate " << estimate / 1e6 << " MB, measured peak " << measured / 1e6 << " MB");
  WARN(what << ": estimate " << estimate / 1e6 << " MB, measured peak " << measured / 1e6 << " MB, ratio "
            << estimate / measured);
  CHECK(estimate >= 0.5 * measured);
  CHECK(estimate <= 2.0 * measured);
}

}  // namespace

TEST_CASE("the memory estimate of the bundled town is within a factor of two of what its run takes") {
  TempDir dir;
  const std::string out = dir.path() + "/run";
  const Child run = safestreet(dir, {"run", SAFESTREET_SOURCE_DIR "/scenarios/lauf.yaml", "--out", out});
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  // The start line says what the run will take.
  CHECK_THAT(run.output, Catch::Contains("3:00:00 in 10,800 steps of 1 s, memory about ") &&
                             Catch::Contains(" MB at the peak (limit "));
  const double estimate =
      read_json(out + "/summary.json")["reports"]["memory"]["estimate_bytes"].get<double>();
  compare("bundled town", estimate, run.peak_bytes);
}

TEST_CASE("the memory estimate follows the population: twenty times the town's residents") {
  TempDir dir;
  // 500,000 residents for six minutes (the warning goes out at five): the residents'
  // arrays, not the program and the map, are most of the memory.
  const std::string scenario =
      lauf_copy(dir, {{"total: 25000", "total: 500000"}, {"duration: 3 h", "duration: 6 min"}});
  const std::string out = dir.path() + "/run";
  const Child run = safestreet(dir, {"run", scenario, "--out", out, "--quiet"});
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  const nlohmann::json memory = read_json(out + "/summary.json")["reports"]["memory"];
  double residents = 0.0;
  for (const auto& p : memory["parts"])
    if (p["what"] == "residents") residents = p["bytes"].get<double>();
  CHECK(residents > 0.5 * memory["estimate_bytes"].get<double>());  // the part the test is about
  compare("town with 500,000 residents", memory["estimate_bytes"].get<double>(), run.peak_bytes);
}

TEST_CASE("check prints the memory estimate and its limit, and --json gives its parts") {
  TempDir dir;
  const std::string scenario = on_lauf_streets(dir,
                                               "population: {synthesize: {total: 1000, seed: 1}}\n"
                                               "run: {duration: 30 min, memory_limit: 3 GB}\n");
  const Child text = safestreet(dir, {"check", scenario});
  INFO(text.output);
  CHECK(text.exit_code != 2);
  CHECK_THAT(text.output, Catch::Contains("memory    about ") && Catch::Contains("(limit 3.0 GB)") &&
                              Catch::Contains("program and map reading 100 MB"));
  const Child json = safestreet(dir, {"check", scenario, "--json"});
  const nlohmann::json j = nlohmann::json::parse(json.output);
  CHECK(j["memory"]["limit_bytes"].get<double>() == 3e9);
  std::vector<std::string> fields;
  for (const auto& p : j["memory"]["parts"]) fields.push_back(p["field"].get<std::string>());
  for (const char* f : {"population", "map.streets", "run.timeline_interval"})
    CHECK(std::find(fields.begin(), fields.end(), f) != fields.end());
}

TEST_CASE("a timeline row every millisecond over a zone every 10 m is refused at run.timeline_interval") {
  TempDir dir;
  // A million rows (the most the loader allows) of about 160,000 zone counts each:
  // over 600 GB, beyond half of any machine this runs on.
  const std::string scenario =
      on_lauf_streets(dir,
                      "population: {synthesize: {total: 1000, seed: 1}}\n"
                      "zones: {grid: 10 m}\n"
                      "run: {dt: 0.001, duration: 1000 s, timeline_interval: 0.001}\n");
  for (const bool run : {false, true}) {
    const Child c = run ? safestreet(dir, {"run", scenario, "--out", dir.path() + "/never"})
                        : safestreet(dir, {"check", scenario});
    INFO(c.output);
    CHECK(c.exit_code == 2);
    CHECK_THAT(c.output, Catch::Contains("scenario.yaml:") &&
                             Catch::Contains("run.timeline_interval: the run would need about ") &&
                             Catch::Contains(" GB of memory, more than the limit of ") &&
                             Catch::Contains("half of this machine's") &&
                             Catch::Contains("most of it is the timeline") &&
                             Catch::Contains("a longer timeline_interval"));
    CHECK((!kPeakIsTheProgramsOwn ||
           c.peak_bytes < 1e9));  // refused from the sizes, nothing of that size taken
  }
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/never"));
}

TEST_CASE(
    "five million residents over a 1 GB limit are refused at population.synthesize.total before they are "
    "drawn") {
  TempDir dir;
  const std::string scenario = on_lauf_streets(dir,
                                               "population: {synthesize: {total: 5000000, seed: 1}}\n"
                                               "run: {duration: 30 min, memory_limit: 1 GB}\n");
  const Child c = safestreet(dir, {"check", scenario});
  INFO(c.output);
  CHECK(c.exit_code == 2);
  CHECK_THAT(c.output, Catch::Contains("population.synthesize.total: the run would need about ") &&
                           Catch::Contains("more than the limit of 1.0 GB (run.memory_limit)") &&
                           Catch::Contains("most of it is the residents") &&
                           Catch::Contains("a smaller population"));
  // Five million profiles alone take 140 MB (28 bytes each); the refusal comes first.
  CHECK((!kPeakIsTheProgramsOwn || c.peak_bytes < 140e6));
}

TEST_CASE("a flood grid finer than the run's memory allows is refused at flood.cell before it is allocated") {
  TempDir dir;
  // 0.5 m cells (the finest the loader takes) over the town and its margin: some 80
  // million cells, about 5 GB, with flood.max_cells raised out of the way, against a
  // run memory limit of 2 GB.
  const std::string scenario = dir.write(
      "scenario.yaml",
      "name: fine flood\n"
      "map: {streets: " SAFESTREET_SOURCE_DIR "/data/lauf-200115.osm.pbf, terrain: " SAFESTREET_SOURCE_DIR
      "/data/N49E011.hgt.zip}\n"
      "population: {synthesize: {total: 1000, seed: 1}}\n"
      "shelters:\n"
      "  list:\n"
      "    - {name: Hall, lon: 11.2799, lat: 49.5142, capacity: 100000}\n"
      "flood:\n"
      "  cell: 0.5 m\n"
      "  max_cells: 1000000000\n"
      "  sources:\n"
      "    - {name: breach, at: {lon: 11.2799, lat: 49.5100}, discharge: {unit: m3/s, values: [[0 s, 5]]}}\n"
      "run: {duration: 30 min, memory_limit: 2 GB}\n");
  const Child c = safestreet(dir, {"check", scenario});
  INFO(c.output);
  CHECK(c.exit_code == 2);
  CHECK_THAT(c.output,
             Catch::Contains("flood.cell: a 0.5 m flood grid of ") &&
                 Catch::Contains("more than the limit of 2.00 GB for the run's memory (run.memory_limit)"));
  CHECK((!kPeakIsTheProgramsOwn || c.peak_bytes < 1e9));
}

TEST_CASE("run.memory_limit takes a size with its unit") {
  TempDir dir;
  for (const char* bad : {"8", "-1 GB", "lots"}) {
    const std::string scenario = on_lauf_streets(
        dir, std::string("population: {synthesize: {total: 10, seed: 1}}\nrun: {memory_limit: ")
                 .append(bad)
                 .append("}\n"));
    const Child c = safestreet(dir, {"check", scenario});
    INFO(bad << ": " << c.output);
    CHECK(c.exit_code == 2);
    CHECK_THAT(c.output, Catch::Contains("run.memory_limit"));
  }
}
