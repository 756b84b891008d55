// The drill journal: JSON lines written whole and fsync'd as events happen, read back
// with their interventions; a last line cut short by a crash is reported and dropped,
// a bad line before it is an error naming it.
#include <catch2/catch.hpp>

#include <string>

#include "drill/journal.hpp"
#include "tests/scenarios/scenario_test_util.hpp"

using ss::drill::JournalWriter;
using ss::drill::parse_journal;
using ss::drill::read_journal;
using ss::testing::TempDir;

namespace {

const std::string kStart =
    R"({"event":"drill_start","drill":"d.yaml","scenario":"s.yaml","variant":"","version":"0.1.0","seed":1,"inputs":[]})"
    "\n";
const std::string kInject =
    R"({"event":"inject","id":"M1","status":"fired","step":60,"t":60.0,"interventions":[{"kind":"close_shelter","target":0,"value":0.0,"note":"M1: roof"}]})"
    "\n";
const std::string kNote = R"({"event":"note","row":2,"step":90,"t":90.0,"text":"checked"})"
                          "\n";

}  // namespace

TEST_CASE("journal events are read back with the interventions they applied and their steps") {
  TempDir dir;
  const std::string path = dir.path() + "/drills/today/j.jsonl";  // its folder is made
  {
    JournalWriter w;
    w.create(path);
    w.write(nlohmann::json::parse(kStart));
    w.write(nlohmann::json::parse(kInject));
  }
  const ss::drill::JournalRead j = read_journal(path);
  REQUIRE(j.events.size() == 2);
  CHECK(j.dropped.empty());
  CHECK(j.events[0].type == "drill_start");
  CHECK(j.events[1].step == 60);
  REQUIRE(j.events[1].interventions.size() == 1);
  CHECK(j.events[1].interventions[0].kind == ss::Intervention::Kind::CloseShelter);
  CHECK(j.events[1].interventions[0].note == "M1: roof");
  CHECK(j.events[1].data["wall"].get<std::string>().size() == 24);  // wall-clock time of each line
  // A new drill never writes over a journal.
  JournalWriter again;
  REQUIRE_THROWS_WITH(again.create(path), Catch::Contains("a journal is already there"));
}

TEST_CASE("a journal a running drill writes cannot be resumed by a second one until the first ends") {
  TempDir dir;
  const std::string path = dir.path() + "/j.jsonl";
  const std::string whole = kStart + kInject;
  {
    JournalWriter running;
    running.create(path);
    running.write(nlohmann::json::parse(kStart));
    JournalWriter second;
    REQUIRE_THROWS_WITH(
        second.reopen(path, whole.size()),
        Catch::Contains("j.jsonl") && Catch::Contains("in use by a drill that is still running"));
  }
  JournalWriter after;  // the first has ended: its lock went with it
  after.reopen(path, read_journal(path).good_bytes);
  after.write(nlohmann::json::parse(kInject));
  CHECK(read_journal(path).events.size() == 2);
}

TEST_CASE(
    "a journal line cut short by a crash is reported with its line and dropped and the events before kept") {
  const std::string whole = kStart + kInject;
  for (std::size_t cut = 1; cut < kNote.size(); cut += 7) {
    INFO("cut after " << cut << " bytes of the last line");
    const ss::drill::JournalRead j = parse_journal(whole + kNote.substr(0, cut), "j.jsonl");
    CHECK(j.events.size() == 2);
    CHECK_THAT(j.dropped, Catch::StartsWith("j.jsonl:3: ") && Catch::Contains("dropped"));
    CHECK(j.good_bytes == whole.size());
  }
  // A whole last line that is not JSON is dropped the same way.
  const ss::drill::JournalRead garbled = parse_journal(whole + "{\"event\":\"note\",\"st\n", "j.jsonl");
  CHECK(garbled.events.size() == 2);
  CHECK_THAT(garbled.dropped, Catch::Contains("j.jsonl:3: not valid JSON"));
}

TEST_CASE("a bad journal line before the last is an error naming its line") {
  REQUIRE_INPUT_ERROR(parse_journal(kStart + "{oops\n" + kNote, "j.jsonl"), "j.jsonl", 2, "",
                      "not valid JSON");
  REQUIRE_INPUT_ERROR(parse_journal(kStart +
                                        R"({"event":"coffee","step":1})"
                                        "\n" +
                                        kNote,
                                    "j.jsonl"),
                      "j.jsonl", 2, "", "unknown event \"coffee\"");
  REQUIRE_INPUT_ERROR(parse_journal(kNote + kStart, "j.jsonl"), "j.jsonl", 1, "",
                      "a journal starts with its drill_start event");
  REQUIRE_INPUT_ERROR(parse_journal(kStart + kNote + kInject + kNote, "j.jsonl"), "j.jsonl", 3, "",
                      "step 60 comes after step 90");
  REQUIRE_INPUT_ERROR(
      parse_journal(
          kStart +
              R"({"event":"inject","step":5,"interventions":[{"kind":"teleport","target":1,"value":0,"note":""}]})"
              "\n" +
              kNote,
          "j.jsonl"),
      "j.jsonl", 2, "", "unknown intervention kind \"teleport\"");
  REQUIRE_INPUT_ERROR(parse_journal("", "j.jsonl"), "j.jsonl", 0, "", "the journal is empty");
}
