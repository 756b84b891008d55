// The .po reader (i18n/po_catalog.hpp): what GNU gettext's PO format allows, and a
// clear file:line error for what it does not.
#include <catch2/catch.hpp>

#include <string>

#include "engine/core/input_error.hpp"
#include "i18n/po_catalog.hpp"

using ss::i18n::PoCatalog;

TEST_CASE("a po entry's msgstr is the translation of its msgid") {
  const PoCatalog c = PoCatalog::parse(
      "msgid \"\"\nmsgstr \"Language: de\\n\"\n\n"
      "# translator's comment\n#: gui/panel_layout.cpp:33\nmsgid \"Shelters\"\nmsgstr \"Notunterkünfte\"\n",
      "de.po");
  REQUIRE(c.find("Shelters"));
  CHECK(*c.find("Shelters") == "Notunterkünfte");
  CHECK(c.find("") == nullptr);  // the header is no translation
  CHECK(c.size() == 1);
}

TEST_CASE("po strings continue over several lines and keep their escapes") {
  const PoCatalog c = PoCatalog::parse(
      "msgid \"\"\n\"a \\\"quoted\\\" \"\n\"word\\n\"\nmsgstr \"\"\n\"ein "
      "\\\"zitiertes\\\"\\t\"\n\"Wort\\\\\\n\"\n"
      "\nmsgid \"octal\\101 hex\\x42\"\nmsgstr \"ok\"\n",
      "x.po");
  REQUIRE(c.find("a \"quoted\" word\n"));
  CHECK(*c.find("a \"quoted\" word\n") == "ein \"zitiertes\"\tWort\\\n");
  CHECK(c.find("octalA hexB"));
}

TEST_CASE("fuzzy, obsolete and untranslated po entries are not used") {
  const PoCatalog c = PoCatalog::parse(
      "#, fuzzy\nmsgid \"Play\"\nmsgstr \"Spielen\"\n\n"
      "#~ msgid \"Old\"\n#~ msgstr \"Alt\"\n\n"
      "msgid \"Pause\"\nmsgstr \"\"\n\n"
      "#, c-format\nmsgid \"Step\"\nmsgstr \"Schritt\"\n",
      "x.po");
  CHECK(c.find("Play") == nullptr);
  CHECK(c.find("Old") == nullptr);
  CHECK(c.find("Pause") == nullptr);
  REQUIRE(c.find("Step"));
  CHECK(*c.find("Step") == "Schritt");
}

TEST_CASE("po entries with a context and plural forms") {
  const PoCatalog c = PoCatalog::parse(
      "msgctxt \"button\"\nmsgid \"Open\"\nmsgstr \"Öffnen\"\n\nmsgctxt \"state\"\nmsgid \"Open\"\nmsgstr "
      "\"offen\"\n\n"
      "msgid \"%d team\"\nmsgid_plural \"%d teams\"\nmsgstr[0] \"%d Trupp\"\nmsgstr[1] \"%d Trupps\"\n",
      "x.po");
  CHECK(*c.find("Open", "button") == "Öffnen");
  CHECK(*c.find("Open", "state") == "offen");
  CHECK(c.find("Open") == nullptr);
  CHECK(*c.find("%d team") == "%d Trupp");
}

TEST_CASE("a malformed po line is an error naming the file and line") {
  auto error_of = [](const char* text) {
    try {
      PoCatalog::parse(text, "i18n/de.po");
    } catch (const ss::InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("msgid \"a\"\nmsgstr \"b\"\n\nmsgid a\n") ==
        "i18n/de.po:4: po: expected a string in double quotes, got 'a'");
  CHECK(error_of("msgid \"a\"\nmsgstr \"b\nmsgid \"c\"\n") ==
        "i18n/de.po:2: po: expected a string in double quotes, got '\"b'");
  CHECK(error_of("\n\nmsgstr \"b\"\n") == "i18n/de.po:3: po: msgstr without a msgid before it");
  CHECK(error_of("msgid \"a\"\nmsgstring \"b\"\n").rfind("i18n/de.po:2: po: expected msgctxt, msgid", 0) ==
        0);
  CHECK(error_of("\"stray\"\n") == "i18n/de.po:1: po: a string continues no msgid or msgstr");
  CHECK(error_of("msgid \"a\\q\"\nmsgstr \"b\"\n") == "i18n/de.po:1: po: unknown escape \\q");
}
