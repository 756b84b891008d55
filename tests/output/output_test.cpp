#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/core/simulation.hpp"
#include "engine/scenes/builders.hpp"
#include "engine/scenes/micro_builders.hpp"
#include "output/format.hpp"
#include "output/run_outputs.hpp"
#include "output/staged_directory.hpp"
#include "output/tasks_tables.hpp"

using namespace ss;
namespace fs = std::filesystem;

namespace {

using Table = std::vector<std::vector<std::string>>;

// RFC 4180 reader, enough for the files under test (quoted fields, doubled quotes).
Table parse_csv(const std::string& text) {
  Table rows(1);
  std::string cell;
  bool quoted = false, row_open = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        cell += text[++i];
      else if (c == '"')
        quoted = false;
      else
        cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',' || c == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      row_open = c == ',';
      if (c == '\n') rows.emplace_back();
    } else {
      cell += c;
      row_open = true;
    }
  }
  if (row_open) rows.back().push_back(cell);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t column(const Table& t, const std::string& name) {
  const auto it = std::find(t[0].begin(), t[0].end(), name);
  REQUIRE(it != t[0].end());
  return static_cast<std::size_t>(it - t[0].begin());
}

// A scratch directory removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& tag)
      : path(fs::temp_directory_path() / ("ss_output_test-" + tag + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

// Nothing but `keep` in the directory: no staging or set-aside leftovers.
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A 5 × 5 grid, 50 m blocks, with a small shelter that fills up, a big one, a named
// low-lying zone, a bedridden resident nobody comes for, and a road closed mid-run.
struct Run {
  Model model;
  std::unique_ptr<Simulation> sim;
  Run() {
    model = builders::street_grid(5, 5, 50.0, 3.0);
    builders::add_shelter(model, NodeId{0}, 5, "Schule, Nord");
    builders::add_shelter(model, NodeId{24}, 500, "parking");
    model.world.zones.push_back({"low \"river\" side", Ring{{-1, -1}, {101, -1}, {101, 101}, {-1, 101}}});
    for (int k = 0; k < 25; ++k)
      builders::add_residents(model, {50.0 * (k % 5) + 10.0, 50.0 * (k / 5)}, 2, 15 + 3 * k,
                              k % 7 == 3 ? Mobility::Wheelchair : Mobility::Walks);
    builders::add_residents(model, {60.0, 100.0}, 1, 88, Mobility::Bedridden);
    model.plan.warning_time = 30.0;
    model.run.duration = 2.0 * 3600.0;
    model.finalize();
    sim = std::make_unique<Simulation>(model, 7);
    sim->run_until(120.0);
    REQUIRE(sim->apply({Intervention::Kind::CloseRoad, 12, "flooded, says \"unit 3\""}));
    sim->run_to_end();
  }
  output::RunInfo info() const {
    output::RunInfo i;
    i.scenario_path = "inline/grid.yaml";
    i.scenario_name = "grid";
    i.variant = "base";
    i.version = "0.1.0";
    i.input_checksums = {{"grid.geojson", "sha256:00ff"}};
    i.problems = {"1 resident needs assistance"};
    i.extra = {{"map", {{"nodes", 25}}}};
    i.wall_seconds = 0.25;
    return i;
  }
};

}  // namespace

TEST_CASE("run outputs account for every resident once, with a known outcome") {
  const Run run;
  TempDir tmp("account");
  const fs::path dir = tmp.path / "run";
  output::write_run_outputs(dir, run.model, run.sim->state(), run.info());
  CHECK(entries(dir) == std::vector<std::string>{"journal.csv", "occupancy.csv", "outcomes.csv",
                                                 "residents.csv", "shelters.csv", "summary.json", "tasks.csv",
                                                 "teams.csv", "timeline.csv"});
  CHECK(entries(tmp.path) == std::vector<std::string>{"run"});

  const std::size_t people = run.model.population.size();
  const Table res = parse_csv(slurp(dir / "residents.csv"));
  REQUIRE(res.size() == people + 1);
  CHECK(res[0] == std::vector<std::string>{"id", "age_band", "mobility", "lives_alone", "needs_assistance",
                                           "zone", "warned_s", "start_s", "arrival_s", "distance_m",
                                           "shelter", "outcome"});
  const std::set<std::string> known{"sheltered",        "no_route",      "shelters_full",
                                    "needs_assistance", "time_ran_out",  "refused_not_knocked",
                                    "not_warned",       "assembly_area", "safe_upstairs"};
  const std::size_t outcome = column(res, "outcome"), arrival = column(res, "arrival_s");
  double last_arrival = 0.0;
  std::size_t sheltered = 0;
  for (std::size_t r = 1; r < res.size(); ++r) {
    REQUIRE(res[r].size() == res[0].size());
    CHECK(res[r][0] == std::to_string(r - 1));
    CHECK(known.count(res[r][outcome]) == 1);
    CHECK(res[r][arrival].empty() == (res[r][outcome] != "sheltered"));
    if (res[r][outcome] == "sheltered") {
      ++sheltered;
      last_arrival = std::max(last_arrival, std::stod(res[r][arrival]));
    }
  }
  CHECK(sheltered == people - 1);  // all but the bedridden resident

  const auto summary = nlohmann::json::parse(slurp(dir / "summary.json"));
  for (const char* key :
       {"version",         "scenario",           "variant",     "seed",      "run",        "residents",
        "overall",         "by_group",           "by_zone",     "by_status", "by_outcome", "shelters",
        "route_rebuilds",  "warnings",           "journal",     "inputs",    "problems",   "reports",
        "mean_distance_m", "mean_travel_time_s", "wall_seconds"})
    CHECK(summary.contains(key));
  CHECK(summary["seed"] == 7);
  CHECK(summary["residents"] == people);
  std::size_t by_status = 0, by_outcome = 0;
  for (const auto& [k, v] : summary["by_status"].items()) by_status += v.get<std::size_t>();
  for (const auto& [k, v] : summary["by_outcome"].items()) by_outcome += v.get<std::size_t>();
  CHECK(by_status == people);
  CHECK(by_outcome == people);
  CHECK(summary["by_outcome"]["needs_assistance"] == 1);
  // The same outcomes per zone and group: the bedridden resident is not safe in the
  // zone (60, 100 lies in the first) and the group they belong to; the refused block adds up.
  CHECK(summary["by_zone"][0]["not_safe"]["needs_assistance"] == 1);
  CHECK(summary["by_group"]["mobility_bedridden"]["not_safe"]["needs_assistance"] == 1);
  CHECK(summary["by_group"]["mobility_walks"]["not_safe"]["needs_assistance"] == 0);
  CHECK(summary["refused_not_knocked"]["residents"] == summary["by_outcome"]["refused_not_knocked"]);

  // outcomes.csv: one row overall, one per group, one per zone; each row's outcomes
  // add up to its residents, and agree with residents.csv.
  const Table oc = parse_csv(slurp(dir / "outcomes.csv"));
  REQUIRE(oc.size() == 1 + 1 + GroupIndex::kCount + run.model.world.zone_count());
  CHECK(oc[0][0] == "scope");
  CHECK(oc[0][2] == "residents");
  for (std::size_t r = 1; r < oc.size(); ++r) {
    REQUIRE(oc[r].size() == oc[0].size());
    long sum = 0;
    for (std::size_t c = 3; c < oc[r].size(); ++c) sum += std::stol(oc[r][c]);
    CHECK(sum == std::stol(oc[r][2]));
  }
  CHECK(oc[1][0] == "overall");
  CHECK(std::stoul(oc[1][column(oc, "sheltered")]) == sheltered);
  CHECK(oc.back()[0] == "zone");
  // Not everyone was safe, so T100 was never reached; T95 is the last arrival here.
  CHECK(summary["overall"]["t100_s"].is_null());
  CHECK(summary["overall"]["safe"] == sheltered);
  CHECK(summary["by_zone"][0]["zone"] == "low \"river\" side");
  CHECK(summary["shelters"][0]["full_time_s"].is_number());
  CHECK(summary["journal"][0]["note"] == "flooded, says \"unit 3\"");
  CHECK(summary["reports"]["map"]["nodes"] == 25);
  CHECK(summary["inputs"][0]["checksum"] == "sha256:00ff");
  // Every shelter's arrivals add up to the sheltered residents.
  int arrivals = 0;
  for (const auto& s : summary["shelters"]) arrivals += s["arrivals"].get<int>();
  CHECK(arrivals == static_cast<int>(sheltered));

  const Table journal = parse_csv(slurp(dir / "journal.csv"));
  REQUIRE(journal.size() == 2);
  CHECK(journal[1][column(journal, "kind")] == "close_road");
  CHECK(journal[1][column(journal, "note")] == "flooded, says \"unit 3\"");

  // Per-group and per-zone T100 are reached where the whole group got out: the
  // walkers all did, so their T100 is the last walker's arrival.
  double last_walker = 0.0;
  const std::size_t mobility = column(res, "mobility");
  for (std::size_t r = 1; r < res.size(); ++r)
    if (res[r][mobility] == "walks") last_walker = std::max(last_walker, std::stod(res[r][arrival]));
  CHECK(summary["by_group"]["mobility_walks"]["t100_s"].get<double>() == last_walker);
  CHECK(last_walker <= last_arrival);
}

TEST_CASE("T100 is the last arrival when everyone reaches a shelter") {
  Model model = builders::street_grid(3, 3, 40.0, 3.0);
  builders::add_shelter(model, NodeId{8}, 100, "hall");
  for (int k = 0; k < 9; ++k)
    builders::add_residents(model, {40.0 * (k % 3) + 5.0, 40.0 * (k / 3)}, 3, 20 + 6 * k);
  model.finalize();
  Simulation sim(model, 3);
  sim.run_to_end();
  TempDir tmp("t100");
  output::write_run_outputs(tmp.path / "run", model, sim.state(), {});
  const Table res = parse_csv(slurp(tmp.path / "run" / "residents.csv"));
  double last = 0.0;
  for (std::size_t r = 1; r < res.size(); ++r)
    last = std::max(last, std::stod(res[r][column(res, "arrival_s")]));
  const auto summary = nlohmann::json::parse(slurp(tmp.path / "run" / "summary.json"));
  CHECK(summary["overall"]["safe"] == 27);
  CHECK(summary["overall"]["t100_s"].get<double>() == last);
}

TEST_CASE("the timeline has one row per recorded time and a column per status, group and zone") {
  const Run run;
  TempDir tmp("timeline");
  output::write_run_outputs(tmp.path / "run", run.model, run.sim->state(), run.info());
  const Table t = parse_csv(slurp(tmp.path / "run" / "timeline.csv"));
  const SimState& s = run.sim->state();
  REQUIRE(t.size() == s.records.timeline.size() + 1);
  // ... then the warning curve (share and total warned, one column per source).
  const output::WarningCurve warned = output::warning_curve(run.model, s);
  CHECK(t[0].size() ==
        2 + kStatusCount + GroupIndex::kCount + run.model.world.zone_count() + warned.header.size());
  CHECK(column(t, "warned_share") > 0);
  CHECK(t[0][2] == "unaware");
  CHECK(t[0][column(t, "safe_mobility_wheelchair")] == "safe_mobility_wheelchair");
  CHECK(column(t, "safe_age_80_plus") > 0);
  // Column names carry no spaces, quotes or commas, whatever the zone is called.
  CHECK(column(t, "safe_zone_low_river_side") > 0);
  CHECK(column(t, "safe_zone_outside") > 0);
  for (const std::string& name : t[0]) {
    INFO(name);
    CHECK(name.find_first_of(" \",;") == std::string::npos);
  }
  // Each row's status counts cover the whole population.
  for (std::size_t r = 1; r < t.size(); ++r) {
    std::size_t total = 0;
    for (std::size_t c = 2; c < 2 + kStatusCount; ++c) total += std::stoul(t[r][c]);
    CHECK(total == run.model.population.size());
    CHECK(std::stod(t[r][0]) == s.records.timeline[r - 1].time);
  }
  CHECK(t[2][1] == "1");  // one minute in

  const Table occ = parse_csv(slurp(tmp.path / "run" / "occupancy.csv"));
  REQUIRE(occ.size() == t.size());
  CHECK(occ[0] == std::vector<std::string>{"time_s", "time_min", "Schule, Nord", "parking"});
  CHECK(occ.back()[2] == "5");  // the small shelter filled up

  const Table sh = parse_csv(slurp(tmp.path / "run" / "shelters.csv"));
  REQUIRE(sh.size() == 3);
  CHECK(sh[1][column(sh, "name")] == "Schule, Nord");
  CHECK(sh[1][column(sh, "peak_occupancy")] == "5");
  CHECK_FALSE(sh[1][column(sh, "full_time_s")].empty());
  CHECK(sh[2][column(sh, "full_time_s")].empty());
  CHECK(sh[2][column(sh, "x_m")] == "200");
}

TEST_CASE("writing the same state twice gives byte-identical files") {
  const Run run;
  TempDir tmp("twice");
  output::RunInfo later = run.info();
  later.wall_seconds = 99.5;
  output::write_run_outputs(tmp.path / "a", run.model, run.sim->state(), run.info());
  output::write_run_outputs(tmp.path / "b", run.model, run.sim->state(), later);
  for (const char* f : {"timeline.csv", "residents.csv", "shelters.csv", "occupancy.csv", "journal.csv"})
    CHECK(slurp(tmp.path / "a" / f) == slurp(tmp.path / "b" / f));
  auto a = nlohmann::json::parse(slurp(tmp.path / "a" / "summary.json"));
  auto b = nlohmann::json::parse(slurp(tmp.path / "b" / "summary.json"));
  CHECK(a["wall_seconds"] == 0.25);
  CHECK(b["wall_seconds"] == 99.5);
  a.erase("wall_seconds");
  b.erase("wall_seconds");
  CHECK(a == b);
}

TEST_CASE("writing over an earlier run replaces it whole") {
  const Run run;
  TempDir tmp("replace");
  const fs::path dir = tmp.path / "run";
  fs::create_directories(dir);
  std::ofstream(dir / "stale.txt") << "from an older run\n";
  output::write_run_outputs(dir, run.model, run.sim->state(), run.info());
  CHECK_FALSE(fs::exists(dir / "stale.txt"));
  CHECK(fs::exists(dir / "summary.json"));
  output::write_run_outputs(dir.string() + "/", run.model, run.sim->state(), run.info());  // trailing slash
  CHECK(entries(tmp.path) == std::vector<std::string>{"run"});
}

TEST_CASE("a write that cannot happen throws naming the path and leaves nothing behind") {
  const Run run;
  TempDir tmp("fail");
  // The output directory's parent is a regular file.
  const fs::path blocker = tmp.path / "not_a_dir";
  std::ofstream(blocker) << "x";
  const fs::path dir = blocker / "run";
  CHECK_THROWS_WITH(output::write_run_outputs(dir, run.model, run.sim->state(), run.info()),
                    Catch::Contains(dir.string()));
  // The output path itself is a regular file: it is left untouched.
  const fs::path file = tmp.path / "run_file";
  std::ofstream(file) << "keep me";
  CHECK_THROWS_AS(output::write_run_outputs(file, run.model, run.sim->state(), run.info()),
                  std::runtime_error);
  CHECK(slurp(file) == "keep me");
  CHECK(entries(tmp.path) == std::vector<std::string>{"not_a_dir", "run_file"});
}

TEST_CASE("numbers are written in their shortest exact form, CSV text is quoted only when needed") {
  CHECK(output::format_number(0.1f) == "0.1");
  CHECK(output::format_number(60.0) == "60");
  CHECK(output::format_number(1e6) == "1000000");
  CHECK(output::format_number(std::nan("")).empty());
  CHECK(output::tidy(12.3f) == 12.3);
  CHECK(output::csv_field("plain") == "plain");
  CHECK(output::csv_field("a,b") == "\"a,b\"");
  CHECK(output::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
}

TEST_CASE("names that a spreadsheet would run as formulas are written as text") {
  CHECK(output::csv_field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(output::csv_field("+49 911 123") == "'+49 911 123");
  CHECK(output::csv_field("-Hauptstraße") == "'-Hauptstraße");
  CHECK(output::csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(output::csv_field("Bärenwiese, Süd") == "\"Bärenwiese, Süd\"");
  CHECK(output::csv_field("a-b") == "a-b");  // only a leading sign is a formula
  output::CsvWriter w;
  w.text("=1+1").num(-5).end_row();
  CHECK(w.take() == "'=1+1,-5\n");  // numbers keep their sign
}

TEST_CASE("names become column names without spaces: a warning channel, a zone with quotes") {
  CHECK(output::column_key("cell broadcast") == "cell_broadcast");
  CHECK(output::column_key("loudspeaker car") == "loudspeaker_car");
  CHECK(output::column_key("low \"river\" side") == "low_river_side");
  CHECK(output::column_key("Süd-Ost, Zone 3") == "Süd-Ost_Zone_3");
  CHECK(output::column_key("Z-0-0") == "Z-0-0");
}

TEST_CASE("leftovers of a killed writer are cleared, and a previous result it moved aside is put back") {
  TempDir tmp("killed");
  const fs::path out = tmp.path / "run";
  // A process that has ended: its pid names the leftovers a kill -9 would leave.
  const pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  REQUIRE(dead > 0);
  REQUIRE(::waitpid(dead, nullptr, 0) == dead);
  // It was killed between moving the previous result aside and putting its own in place.
  const fs::path old = tmp.path / ("run.old-" + std::to_string(dead));
  const fs::path staging = tmp.path / ("run.tmp-" + std::to_string(dead));
  fs::create_directories(old);
  std::ofstream(old / "summary.json") << "{\"seed\": 1}";
  fs::create_directories(staging);
  std::ofstream(staging / "summary.json") << "{\"seed\": 2, half";
  {
    output::StagedDirectory next(out);
    // Before anything new is written, the previous complete result is back in place.
    CHECK(fs::exists(out / "summary.json"));
    CHECK_FALSE(fs::exists(old));
    CHECK_FALSE(fs::exists(staging));
  }  // not committed: the previous result stays
  CHECK(entries(tmp.path) == std::vector<std::string>{"run"});
}

TEST_CASE("summary.json of a micro run lists a crowd that stopped with its place") {
  // A room whose 0.56 m way out is checked for 0.51 m bodies and walked by 0.60 m
  // ones (made bigger after the check): they stop at its mouth (x = 5 m).
  Model m =
      builders::micro_area({{{0, 0}, {5, 0}, {5, 2.22}, {9, 2.22}, {9, 2.78}, {5, 2.78}, {5, 5}, {0, 5}}});
  builders::add_exit(m, builders::rect(8.5, 2.22, 9, 2.78), "end");
  Box room;
  room.extend({0.5, 0.5});
  room.extend({4.5, 4.5});
  builders::place_lattice(m, room, 6, 0.8);
  builders::instant_departure(m);
  m.run.duration = 120.0;
  m.finalize();
  m.params.micro.radius_adult = 0.30;
  Simulation sim(m, 1);
  sim.run_to_end();
  TempDir tmp("jam");
  output::write_run_outputs(tmp.path / "run", m, sim.state(), {});
  const nlohmann::json j = nlohmann::json::parse(slurp(tmp.path / "run" / "summary.json"));
  REQUIRE(j["micro"]["jams"].size() == 1);
  const nlohmann::json& jam = j["micro"]["jams"][0];
  CHECK(jam["people"] == 6);
  CHECK(jam["centre_m"][0].get<double>() > 2.5);
  CHECK(jam["centre_m"][0].get<double>() < 5.0);
  CHECK(jam["extent_m"][1][0].get<double>() <= 5.3);
  CHECK(jam["reported_s"].get<double>() - jam["since_s"].get<double>() == Approx(30.0));
  CHECK(j["micro"]["jam_time_s"] == 30.0);
}
