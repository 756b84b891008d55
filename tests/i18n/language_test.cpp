// Choosing the language (--lang, the locale) and looking texts up (i18n/language.hpp),
// and numbers as each language writes them (i18n/number_format.hpp).
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "i18n/language.hpp"
#include "i18n/number_format.hpp"

using namespace ss::i18n;

namespace {
// Restores English after a test that switches the language.
struct LanguageGuard {
  explicit LanguageGuard(Language l) { set_language(l); }
  ~LanguageGuard() { set_language(Language::En); }
};
}  // namespace

TEST_CASE("the language option takes en, zh-CN and de and names the three when it is anything else") {
  CHECK(parse_language("en") == Language::En);
  CHECK(parse_language("zh-CN") == Language::ZhCn);
  CHECK(parse_language("de") == Language::De);
  CHECK_FALSE(parse_language("fr"));
  CHECK_FALSE(parse_language("zh"));
  CHECK_THROWS_WITH(choose_language("fr"),
                    "--lang: unknown language 'fr': choose en (English), zh-CN (简体中文) or de (Deutsch)");
  CHECK(choose_language("de") == Language::De);
}

TEST_CASE("the locale picks the language: LC_ALL before LC_MESSAGES before LANG") {
  CHECK(language_of_locale("zh_CN.UTF-8") == Language::ZhCn);
  CHECK(language_of_locale("zh_SG") == Language::ZhCn);
  CHECK(language_of_locale("de_DE.UTF-8") == Language::De);
  CHECK(language_of_locale("de_AT@euro") == Language::De);
  CHECK(language_of_locale("de") == Language::De);
  CHECK(language_of_locale("en_GB.UTF-8") == Language::En);
  CHECK_FALSE(language_of_locale("zh_TW.UTF-8"));  // Traditional Chinese: not ours
  CHECK_FALSE(language_of_locale("C"));
  CHECK(language_from_environment("de_DE.UTF-8", "zh_CN.UTF-8", "en_US.UTF-8") == Language::De);
  CHECK(language_from_environment("", "zh_CN.UTF-8", "de_DE.UTF-8") == Language::ZhCn);
  CHECK(language_from_environment(nullptr, nullptr, "de_CH.UTF-8") == Language::De);
  CHECK(language_from_environment(nullptr, nullptr, "fr_FR.UTF-8") == Language::En);
  CHECK(language_from_environment("C", nullptr, "de_DE.UTF-8") == Language::En);  // LC_ALL set decides
  CHECK(language_from_environment(nullptr, nullptr, nullptr) == Language::En);
}

TEST_CASE("tr returns the catalog's translation, or the English text it has none for") {
  CHECK(std::string(tr(Language::ZhCn, "Shelters")) == "避难所");
  CHECK(std::string(tr(Language::De, "Shelters")) == "Notunterkünfte");
  CHECK(std::string(tr(Language::En, "Shelters")) == "Shelters");
  CHECK(std::string(tr(Language::De, "a text no catalog has")) == "a text no catalog has");
  const LanguageGuard de(Language::De);
  CHECK(std::string(tr("Key figures")) == "Kennzahlen");
  CHECK(tr(std::string("Key figures")) == "Kennzahlen");
}

TEST_CASE("an ImGui label keeps its English id in every language") {
  {
    const LanguageGuard zh(Language::ZhCn);
    CHECK(std::string(ui("Restart")) == "重新开始###Restart");
    CHECK(std::string(ui("Play##play")) == "播放###Play##play");
    CHECK(ui("Restart") == ui("Restart"));  // one string per label, kept
  }
  CHECK(std::string(ui("Play##play")) == "Play##play");  // English: unchanged
}

TEST_CASE("fill puts texts into a translation's word order") {
  CHECK(fill("%s von %s", {"3", "5"}) == "3 von 5");
  CHECK(fill("%s / %s（%s）", {"a", "b"}) == "a / b（%s）");  // more %s than texts: kept
  CHECK(fill("100 %% of %s", {"x"}) == "100 %% of x");
  CHECK(format_share(3, 4, Language::De) == "3 von 4 (75,0 %)");
  CHECK(format_share(24997, 25000, Language::En) == "24,997 of 25,000 (>99.9 %)");
  CHECK(format_share(0, 0, Language::ZhCn) == "0 / 0");
}

TEST_CASE("numbers follow the language: decimal comma and thousands point in German") {
  CHECK(format_number(12345.678, 1, Language::En) == "12,345.7");
  CHECK(format_number(12345.678, 1, Language::ZhCn) == "12,345.7");
  CHECK(format_number(12345.678, 1, Language::De) == "12.345,7");
  CHECK(format_number(-0.04, 1, Language::De) == "0,0");
  CHECK(format_number(-1234567, 0, Language::De) == "-1.234.567");
  CHECK(format_count(24997, Language::De) == "24.997");
  CHECK(format_count(24997, Language::En) == "24,997");
  CHECK(format_percent(0.125, Language::De) == "12,5 %");
  CHECK(format_distance(850.0, Language::De) == "850 m");
  CHECK(format_distance(1260.0, Language::De) == "1,3 km");
  CHECK(format_distance(1260.0, Language::En) == "1.3 km");
}
