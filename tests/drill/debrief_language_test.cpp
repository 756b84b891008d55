// The after-action report in the planners' language (--lang de / zh-CN): headings,
// table heads, legends and words translated, numbers with the language's decimal sign,
// `<html lang>` set; journal texts, roles and names as the drill wrote them; English
// exactly as before.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "drill/debrief.hpp"
#include "drill/debrief_html.hpp"
#include "drill/debrief_injects.hpp"
#include "drill/decision_values.hpp"
#include "drill/drill_runner.hpp"
#include "tests/drill/drill_test_util.hpp"

using ss::i18n::Language;

namespace {

// The small town with one inject answered by the operations lead and one skipped.
struct SmallDrill {
  ss::testing::TempDir dir;
  ss::drill::Debrief debrief;
  SmallDrill() {
    ss::testing::drill_town(dir);
    dir.write("msel.csv",
              "id,time,kind,target,text,role,expected,if,status\n"
              "M1,0:01:00,close_road,\"11.2815, 49.5100\",The street is flooded,operations,Send teams round "
              "it,,\n"
              "M2,0:05:00,message,radio,Press enquiry,press officer,Give the count,,skip\n");
    dir.write("players.csv",
              "time,role,action,target,reason\n"
              "0:02:30,operations,door_knock,\"11.2806, 49.5103\",Check the house by the water\n");
    ss::drill::DrillRequest req;
    req.drill_file = dir.write("drill.yaml", "name: test drill\nscenario: town.yaml\nmsel: msel.csv\n");
    req.players_file = dir.path() + "/players.csv";
    req.journal = dir.path() + "/journal.jsonl";
    req.out = dir.path() + "/out";
    req.version = "test";
    ss::drill::run_drill(req);
    ss::drill::DebriefRequest dr;
    dr.journal = req.journal;
    dr.map_times = {600.0};
    debrief = ss::drill::collect_debrief(dr);
  }
  [[nodiscard]] std::string html(Language l) const {
    return ss::drill::debrief_html(debrief, ss::drill::inject_table(debrief), "", l);
  }
};

}  // namespace

TEST_CASE("the after-action report in German: headings, legends and words translated, decimal comma") {
  const SmallDrill drill;
  const std::string de = drill.html(Language::De);
  CHECK_THAT(de, Catch::Contains("<html lang=\"de\">"));
  CHECK_THAT(de, Catch::Contains("<h1>Einsatznachbesprechung: test drill</h1>"));
  CHECK_THAT(de, Catch::Contains("<h2>Kennzahlen und Planziele</h2>"));
  CHECK_THAT(de, Catch::Contains("<h2>Einspielungen: erwartet und tatsächlich</h2>"));
  CHECK_THAT(de, Catch::Contains("<th>was die Übenden taten</th>"));
  CHECK_THAT(de, Catch::Contains("● Einspielung ausgelöst"));
  CHECK_THAT(de, Catch::Contains("Einspielungen</text>"));  // the timeline's lane
  CHECK_THAT(de, Catch::Contains("übersprungen"));          // M2's status
  CHECK_THAT(de, Catch::Contains("; beantwortet M1 ("));
  CHECK_THAT(de, Catch::Contains("Wasser 0,1–0,5 m"));  // decimal comma in the legend
  // Shares with the decimal comma: "1.234 von 2.000 (61,7 %)", "93,4 %".
  CHECK(std::regex_search(de, std::regex("[0-9],[0-9] %")));
  CHECK_THAT(de, Catch::Contains(" von "));
  CHECK_THAT(de, Catch::Contains("in Sicherheit, ") && Catch::Contains(" unterwegs, "));  // map caption
  // The players' and the script's own words stay as written.
  CHECK_THAT(de, Catch::Contains("Send teams round it") && Catch::Contains("The street is flooded"));
  CHECK_THAT(de, !Catch::Contains("After-action report") && !Catch::Contains("Key figures"));
}

TEST_CASE("the after-action report in Simplified Chinese, with the machine attributes unchanged") {
  const SmallDrill drill;
  const std::string zh = drill.html(Language::ZhCn);
  CHECK_THAT(zh, Catch::Contains("<html lang=\"zh-CN\">"));
  CHECK_THAT(zh, Catch::Contains("<h1>演练复盘报告：test drill</h1>"));
  CHECK_THAT(zh, Catch::Contains("<h2>关键指标与预案目标</h2>"));
  CHECK_THAT(zh, Catch::Contains("<h2>情景注入：预期与实际</h2>"));
  CHECK_THAT(zh, Catch::Contains("水深 0.1–0.5 m"));  // Chinese keeps the decimal point (GB/T 15835)
  // data-* attributes are for machines: the same keys and plain numbers in every language.
  const std::string en = drill.html(Language::En);
  for (const char* attr : {"data-kpi=\"overall.t90_s\"", "data-map-time=\"600\"", "data-inject=\"M1\""}) {
    CHECK_THAT(zh, Catch::Contains(attr));
    CHECK_THAT(en, Catch::Contains(attr));
  }
}

TEST_CASE("the after-action report in English is the report as it always was") {
  const SmallDrill drill;
  const std::string en = drill.html(Language::En);
  CHECK(en == ss::drill::debrief_html(drill.debrief, ss::drill::inject_table(drill.debrief), ""));
  CHECK_THAT(en, Catch::Contains("<html lang=\"en\"><head>"));
  CHECK_THAT(en, Catch::Contains("<h2>Injects: expected and actual</h2>"));
  CHECK_THAT(en, Catch::Contains("<td>M2</td><td>0:05:00</td><td>skipped by script</td>"));
  CHECK_THAT(en, Catch::Contains("water 0.1–0.5 m"));
  CHECK_FALSE(std::regex_search(en, std::regex("[0-9],[0-9] %")));
}

TEST_CASE("a decision's worth in German and Chinese, with the decimal comma in German") {
  ss::drill::ValueFigures drill, without;
  drill.t90 = 3600.0 + 240.0;
  without.t90 = 3600.0;
  drill.safe = 912;
  without.safe = 900;
  drill.in_water = 10;
  without.in_water = 130;
  drill.danger = 5;
  without.danger = 4;
  drill.danger_rating = without.danger_rating = 0.75;
  CHECK(ss::drill::worth_in_words(drill, without, 0.1, Language::De) ==
        "kostete 0:04:00 bei T90, brachte 12 Personen mehr in Sicherheit, bewahrte 120 Personen vor Wasser ≥ "
        "0,1 m und brachte 1 Person mehr in gefährliches Wasser (Gefahrenwert ≥ 0,75)");
  CHECK(ss::drill::worth_in_words(drill, without, 0.1, Language::ZhCn) ==
        "使 T90 推迟 0:04:00，使多 12 人到达安全地点，使 120 人免于水深 ≥ 0.1 m 的水，并使多 1 "
        "人陷入危险水域（危险"
        "等级 ≥ 0.75）");
  CHECK(ss::drill::worth_in_words(drill, without, 0.1, Language::En) ==
        ss::drill::worth_in_words(drill, without, 0.1));
}
