// The after-action report of the bundled flood drill as a trainer makes it: the drill
// run headless, `safestreet report` on its journal; the page holds the timeline, the
// inject table, the figures against the targets, the maps and what each decision was
// worth, with numbers equal to the runs they come from. A bad journal is refused with
// its line named and leaves the previous report as it was.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/cli/process_util.hpp"

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

int run(const std::vector<std::string>& args, const fs::path& log) {
  const int status = wait_for(start_safestreet(args, log));
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// As the report writes numbers for machines (data-value): %.10g.
std::string exact(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

double t90_of(const fs::path& run_dir) {
  return nlohmann::json::parse(read(run_dir / "summary.json"))["overall"]["t90_s"].get<double>();
}

// The data-value of `kpi` in the values table's row `run`.
std::string value_in_row(const std::string& html, const std::string& run, const std::string& kpi) {
  const std::size_t row = html.find("<tr data-run=\"" + run + "\">");
  if (row == std::string::npos) return "no row " + run;
  const std::size_t end = html.find("</tr>", row);
  const std::string tr = html.substr(row, end - row);
  std::smatch m;
  if (!std::regex_search(tr, m, std::regex("data-kpi=\"" + kpi + "\" data-value=\"([^\"]*)\"")))
    return "no " + kpi;
  return m[1];
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the bundled drill's after-action report shows the drill and what each decision was worth") {
  const fs::path dir = fs::temp_directory_path() / ("ss_drill_report_test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path log = dir / "log.txt";
  const fs::path journal = dir / "drill.jsonl";
  REQUIRE(run({"drill", "run", kDrill, "--players", kPlayers, "--journal", journal.string(), "--out",
               (dir / "drill").string(), "--quiet"},
              log) == 0);
  const fs::path report = dir / "report.html";
  REQUIRE(run({"report", journal.string(), "--out", report.string(), "--jobs", "2"}, log) == 0);
  const std::string html = read(report);
  INFO(read(log));

  // The timeline: one row per journal line, every kind of event.
  std::size_t lines = 0;
  std::vector<std::string> decision_lines, without_decisions;
  {
    std::ifstream in(journal);
    std::string line;
    while (std::getline(in, line)) {
      ++lines;
      if (line.find("\"event\":\"decision\"") != std::string::npos)
        decision_lines.push_back(std::to_string(lines));
      else
        without_decisions.push_back(line);
    }
  }
  REQUIRE(decision_lines.size() == 6);
  CHECK(count(html, "<tr class=\"") == lines);
  CHECK_THAT(html, Catch::Contains("inject M02 (close_road)"));
  CHECK_THAT(html, Catch::Contains("decision (door_knock)"));
  CHECK_THAT(html, Catch::Contains("clock: speed"));
  CHECK_THAT(html, Catch::Contains("Bertleinschule closed: "));
  CHECK_THAT(html, Catch::Contains("<svg class=\"timeline\""));

  // The inject table: expected against what the players did, and how long they took.
  const std::size_t m01 = html.find("<tr data-inject=\"M01\">");
  REQUIRE(m01 != std::string::npos);
  const std::string m01_row = html.substr(m01, html.find("</tr>", m01) - m01);
  CHECK_THAT(m01_row, Catch::Contains("Warn the riverside zones early"));
  CHECK_THAT(m01_row, Catch::Contains("incident commander: broadcast Z-2-0"));
  CHECK_THAT(m01_row, Catch::Contains("data-response=\"120\">0:02:00"));
  CHECK_THAT(html,
             Catch::Contains("<tr data-inject=\"M13\"><td>M13</td><td>2:00:00</td><td>skipped by trainer"));

  // Figures against the targets, as the drill's own run folder has them.
  CHECK_THAT(html, Catch::Contains("data-kpi=\"overall.t90_s\" data-value=\"" + exact(t90_of(dir / "drill")) +
                                   "\""));
  CHECK_THAT(html, Catch::Contains("<table class=targets>"));
  CHECK(count(html, "<td class=met>MET</td>") + count(html, "<td class=missed>MISSED</td>") >= 1);

  // Maps every 30 min of the three hours, with the water drawn.
  CHECK(count(html, "<svg class=\"map\"") == 6);
  CHECK(count(html, "<figure data-map-time=\"") == 6);
  CHECK_THAT(html, Catch::Contains("fill=\"#08519c\""));

  // The decisions' values: the drill's row is the drill's run; the run without any
  // decision equals a replay of the journal with its decision lines taken out.
  CHECK(value_in_row(html, "drill", "t90") == exact(t90_of(dir / "drill")));
  {
    std::ofstream out(dir / "no-decisions.jsonl");
    for (const std::string& l : without_decisions) out << l << "\n";
  }
  REQUIRE(run({"replay", (dir / "no-decisions.jsonl").string(), "--out", (dir / "no-decisions").string(),
               "--quiet"},
              log) == 0);
  const nlohmann::json none = nlohmann::json::parse(read(dir / "no-decisions" / "summary.json"));
  CHECK(value_in_row(html, "without-all", "t90") == exact(none["overall"]["t90_s"].get<double>()));
  CHECK(value_in_row(html, "without-all", "safe") == std::to_string(none["overall"]["safe"].get<int>()));
  CHECK(value_in_row(html, "without-all", "in_water") ==
        std::to_string(none["flood"]["overall"]["in_water"].get<int>()));
  CHECK(value_in_row(html, "without-all", "in_deep_water") ==
        std::to_string(none["flood"]["overall"]["in_deep_water"].get<int>()));
  for (const std::string& line : decision_lines)
    CHECK(value_in_row(html, "without-line-" + line, "t90").rfind("no ", 0) != 0);
  CHECK(count(html, "<li data-line=\"") == 7);  // without all, and without each of the six decisions
  fs::remove_all(dir);
}

TEST_CASE("a report from a bad journal names the line and leaves the previous report") {
  const fs::path dir = fs::temp_directory_path() / ("ss_drill_report_bad-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path log = dir / "log.txt";
  const fs::path journal = dir / "bad.jsonl";
  {
    std::ofstream out(journal);
    out << "{\"event\":\"drill_start\",\"wall\":\"2026-12-05T09:00:00.000Z\",\"version\":\"0.1.0\",\"drill\":"
           "\"d.yaml\","
           "\"players\":\"\",\"scenario\":\"s.yaml\",\"variant\":\"\",\"seed\":1,\"dt\":1,\"inputs\":[]}\n"
           "{\"event\":\"note\",\"wall\":\"2026-12-05T09:00:01.000Z\",\"step\":5,\n"
           "{\"event\":\"drill_end\",\"wall\":\"2026-12-05T09:00:02.000Z\",\"step\":10,\"t\":10}\n";
  }
  const fs::path report = dir / "report.html";
  { std::ofstream(report) << "the previous report"; }
  CHECK(run({"report", journal.string(), "--out", report.string()}, log) == 2);
  CHECK_THAT(read(log), Catch::Contains("error: " + journal.string() + ":2: "));
  CHECK(read(report) == "the previous report");
  fs::remove_all(dir);
}
