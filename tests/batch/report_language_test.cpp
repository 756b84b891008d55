// The batch report and the report of two runs in the planners' language (--lang de /
// zh-CN): headings, table heads, verdicts, legends, axis labels and units translated,
// numbers with the language's decimal sign, `<html lang>` set; the fire service's rows
// in words of the language; comparison.json / .csv and the English report unchanged.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "batch/comparison.hpp"
#include "batch/comparison_files.hpp"
#include "batch/kpi_labels.hpp"
#include "batch/report_html.hpp"
#include "batch/run_pair.hpp"

using namespace ss::batch;
using ss::i18n::Language;

namespace {

// A run of the fire scenario: T90, the safe share, the first engine's time from the
// call and the buildings ignited (the fire service's rows of the report).
RunRecord fire_run(const std::string& variant, std::uint64_t seed, double t90_s, double safe_share,
                   double first_engine_s, double ignited) {
  RunRecord r;
  r.scenario = "town";
  r.variant = variant;
  r.seed = seed;
  r.kpis = {{"overall.t90_s", t90_s, Better::Lower},
            {"overall.safe_share", safe_share, Better::Higher},
            {"fire.first_engine_s", first_engine_s, Better::Lower},
            {"fire.buildings_ignited", ignited, Better::Lower},
            {"flood.max_depth_m", 0.42, Better::Lower}};
  r.curve = {{0, 0.0}, {90, safe_share}};
  r.source = variant + "/seed-" + std::to_string(seed);
  return r;
}

// Base and blocked lanes, four seeds: the first engine 2 minutes later, more buildings.
Comparison lanes_batch() {
  std::vector<RunRecord> runs;
  for (std::uint64_t s = 1; s <= 4; ++s) {
    const double noise = 5.0 * static_cast<double>(s % 3);
    runs.push_back(fire_run("base", s, 1800 + noise, 0.934, 458 + noise, 61.5 + static_cast<double>(s)));
    runs.push_back(
        fire_run("lanes_blocked", s, 1830 + noise, 0.912, 578 + 2 * noise, 70.5 + static_cast<double>(s)));
  }
  return compare_runs(runs);
}

bool decimal_comma(const std::string& html) { return std::regex_search(html, std::regex("[0-9],[0-9] ?%")); }

}  // namespace

TEST_CASE("the batch report in German: headings, verdicts, fire service rows and the decimal comma") {
  const Comparison c = lanes_batch();
  const std::string de = report_html(c, Language::De);
  CHECK_THAT(de, Catch::Contains("<html lang=de>"));
  CHECK_THAT(de, Catch::Contains("<h1>Planvarianten im Vergleich: town</h1>"));
  CHECK_THAT(de, Catch::Contains("<h2>Evakuierungskurven</h2>") && Catch::Contains("<h2>Kennzahlen</h2>") &&
                     Catch::Contains("<h2>Planziele</h2>") && Catch::Contains("<h2>Varianten</h2>"));
  CHECK_THAT(de, Catch::Contains("<th>Variante</th><th>Beschreibung</th><th>Läufe</th>"));
  CHECK_THAT(de, Catch::Contains("T90, alle (h:mm:ss)"));
  CHECK_THAT(de, Catch::Contains("sicher in einer Notunterkunft, alle (%)"));
  CHECK_THAT(de, Catch::Contains("Brand: erstes Löschfahrzeug (h:mm:ss)"));
  CHECK_THAT(de, Catch::Contains("Brand: entzündete Gebäude (Anzahl)"));
  CHECK_THAT(de, Catch::Contains("Hochwasser: maximale Wassertiefe (m)"));
  CHECK_THAT(de, Catch::Contains("<b>93,4 %</b>") && Catch::Contains("<b>0,42 m</b>"));
  CHECK_THAT(de, Catch::Contains("−2,2 Pp."));  // the paired difference of the safe share
  CHECK_THAT(de, Catch::Contains("▼ schlechter"));
  CHECK_THAT(de, Catch::Contains(">Zeit seit Beginn (min)</text>") &&
                     Catch::Contains(">untergebrachte Bewohner</text>"));
  CHECK_THAT(de, Catch::Contains("0,1 Pp. für Anteile") && Catch::Contains("1 cm für Längen"));
  CHECK(decimal_comma(de));
  // Names, keys and the machine files are as they were.
  CHECK_THAT(de, Catch::Contains("<code>fire.first_engine_s</code>") && Catch::Contains("lanes_blocked"));
  CHECK(comparison_csv(c).find("Löschfahrzeug") == std::string::npos);
}

TEST_CASE("the batch report in Simplified Chinese keeps the decimal point") {
  const std::string zh = report_html(lanes_batch(), Language::ZhCn);
  CHECK_THAT(zh, Catch::Contains("<html lang=zh-CN>"));
  CHECK_THAT(zh, Catch::Contains("<h1>预案方案比较：town</h1>"));
  CHECK_THAT(zh, Catch::Contains("<h2>疏散曲线</h2>") && Catch::Contains("<h2>关键指标</h2>"));
  CHECK_THAT(zh, Catch::Contains("T90, 全体 (h:mm:ss)"));
  CHECK_THAT(zh, Catch::Contains("火灾: 首辆消防车到场 (h:mm:ss)") || Catch::Contains("首辆消防车到场"));
  CHECK_THAT(zh, Catch::Contains("▼ 更差"));
  CHECK_THAT(zh, Catch::Contains("<b>93.4 %</b>"));
  CHECK_FALSE(decimal_comma(zh));
}

TEST_CASE("the batch report in English is the report as it always was") {
  const Comparison c = lanes_batch();
  const std::string en = report_html(c, Language::En);
  CHECK(en == report_html(c));
  CHECK_THAT(en,
             Catch::Contains("<html lang=en>") && Catch::Contains("<h1>Plan variants compared: town</h1>"));
  CHECK_THAT(en, Catch::Contains("fire: first engine (h:mm:ss)") && Catch::Contains("<b>93.4 %</b>"));
  CHECK_FALSE(decimal_comma(en));
}

TEST_CASE("two runs compared, in German and Chinese: notes, table heads and numbers") {
  const RunPair p = compare_two_runs(fire_run("base", 1, 1800, 0.934, 458, 61),
                                     fire_run("lanes_blocked", 2, 1830, 0.912, 578, 70), "", "");
  const std::string de = run_pair_html(p, Language::De);
  CHECK_THAT(de, Catch::Contains("<html lang=de>") && Catch::Contains("<h1>Zwei Läufe im Vergleich</h1>"));
  CHECK_THAT(de, Catch::Contains("<th>B − A, für die Betroffenen</th>"));
  CHECK_THAT(de, Catch::Contains("Verschiedene Startwerte (1 und 2)"));
  CHECK_THAT(de, Catch::Contains("A: base (Startwert 1)"));  // the chart's legend
  CHECK_THAT(de, Catch::Contains("<b>93,4 %</b>"));
  CHECK_THAT(de, Catch::Contains("keine Beschreibung gefunden"));
  const std::string zh = run_pair_html(p, Language::ZhCn);
  CHECK_THAT(zh, Catch::Contains("<h1>两次运行比较</h1>") && Catch::Contains("随机种子不同（1 和 2）"));
  // run_pair.json keeps the English notes.
  CHECK(run_pair_json(p)["notes"][1].get<std::string>().rfind("Different seeds (1 and 2)", 0) == 0);
  CHECK(run_pair_html(p, Language::En) == run_pair_html(p));
}

TEST_CASE("KPI words and values in a language, and the same in English as in the files") {
  CHECK(kpi_label("by_group.age_80_plus.t90_s", Language::De) == "T90, 80 Jahre und älter (h:mm:ss)");
  CHECK(kpi_label("by_zone.Z-1-2.safe_share", Language::ZhCn) == "已在避难所安全, 片区 Z-1-2 (%)");
  CHECK(kpi_label("shelter.St. Leonhard.peak_share", Language::De) ==
        "Spitzenbelegung, Notunterkunft St. Leonhard (% der Kapazität)");
  CHECK(format_value(Unit::Share, 0.934, Language::De) == "93,4 %");
  CHECK(format_value(Unit::Metres, 1234.4, Language::De) == "1234 m");
  CHECK(format_value(Unit::Count, 2.5, Language::De) == "2,5");
  CHECK(format_difference(Unit::Share, 0.02, Language::De) == "+2,0 Pp.");
  CHECK(format_value(Unit::Seconds, 1e300 * 1e300, Language::De) == "nie");
  CHECK(kpi_label("fire.first_engine_s") == "fire: first engine (h:mm:ss)");
  CHECK(kpi_label("smoke.first_alarm_s", Language::De) == "smoke: first alarm (h:mm:ss)");  // not listed
}
