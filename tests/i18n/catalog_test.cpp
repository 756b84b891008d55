// Every text the code shows through tr(), ui() or the GUI's legend table has a
// translation in each catalog (i18n/zh_CN.po, i18n/de.po), with the same printf
// conversions in the same order, so no string is left in English silently and no
// translation can make printf read the wrong argument.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gui/legend.hpp"
#include "i18n/catalogs.hpp"
#include "i18n/po_catalog.hpp"

namespace fs = std::filesystem;
using namespace ss::i18n;

namespace {

// A C string literal's text: the escapes the sources use (\" \\ \n \t \xNN \uNNNN).
std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char e = s[++i];
    if (e == 'n')
      out.push_back('\n');
    else if (e == 't')
      out.push_back('\t');
    else if (e == 'x') {
      std::size_t n = 0;
      const int v = std::stoi(s.substr(i + 1, 2), &n, 16);
      out.push_back(static_cast<char>(v));
      i += n;
    } else if (e == 'u') {
      const unsigned cp = static_cast<unsigned>(std::stoul(s.substr(i + 1, 4), nullptr, 16));
      i += 4;
      if (cp < 0x80)
        out.push_back(static_cast<char>(cp));
      else if (cp < 0x800)
        out.push_back(static_cast<char>(0xC0 | (cp >> 6))),
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      else
        out.push_back(static_cast<char>(0xE0 | (cp >> 12))),
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F))),
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else
      out.push_back(e);
  }
  return out;
}

// Texts worth translating: two letters in a row once printf conversions are taken out
// ("20-40 %", "1 m" and "%s" read the same in every language).
bool has_words(const std::string& s) {
  static const std::regex conv("%[-+#0]*[0-9]*(\\.[0-9]+)?(hh|h|ll|l|z|j|t|L)?[a-zA-Z]");
  static const std::regex words("[A-Za-z]{2}");
  return std::regex_search(std::regex_replace(s, conv, ""), words);
}

// Every text passed as a literal to tr("..."), tr(l, "...") (a named language) or
// ui("...") (its visible part, before "##") in the sources that show text to people; a
// literal split over adjacent pieces ("..." "...") is joined, as the compiler does.
std::set<std::string> texts_in_sources() {
  std::set<std::string> out;
  const std::regex call(
      "\\b(tr|ui|tr_noop)\\(\\s*(?:[A-Za-z_][A-Za-z0-9_:]*\\s*,\\s*)?((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)\\)");
  const std::regex piece("\"((?:[^\"\\\\]|\\\\.)*)\"");
  for (const char* dir : {"gui", "cli", "maps", "output", "drill", "batch"}) {
    const fs::path root = fs::path(SAFESTREET_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& f : fs::recursive_directory_iterator(root)) {
      const std::string ext = f.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp") continue;
      std::ifstream in(f.path());
      std::stringstream ss;
      ss << in.rdbuf();
      const std::string text = ss.str();
      for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) {
        const std::string pieces = (*it)[2].str();
        std::string s;
        for (std::sregex_iterator p(pieces.begin(), pieces.end(), piece); p != end; ++p)
          s += unescape((*p)[1].str());
        if ((*it)[1].str() == "ui") s = s.substr(0, s.find("##"));
        out.insert(s);
      }
    }
  }
  return out;
}

// The printf conversions of a text, in order (%% included; no ' ' flag: "90 % safe"
// is not a conversion).
std::vector<std::string> conversions(const std::string& s) {
  static const std::regex conv("%[-+#0]*[0-9]*(\\.[0-9]+)?(hh|h|ll|l|z|j|t|L)?[diouxXeEfFgGcsp%]");
  std::vector<std::string> out;
  for (std::sregex_iterator it(s.begin(), s.end(), conv), end; it != end; ++it) out.push_back(it->str());
  return out;
}

}  // namespace

TEST_CASE("the sources ask for texts through tr and ui") {
  const auto texts = texts_in_sources();
  CHECK(texts.count("Key figures") == 1);                         // gui/panel_layout.cpp
  CHECK(texts.count("Play") == 1);                                // "Play##play" in gui/panel_control.cpp
  CHECK(texts.count("Key figures and the plan's targets") == 1);  // tr(l, "...") in drill/debrief_html.cpp
  // Pieces joined: the legend's last sentence spans several literals in batch/report_parts.cpp.
  bool joined = false;
  for (const std::string& t : texts)
    joined = joined || t.find("(a late warning reaches fewer tasks and is then quicker") != std::string::npos;
  CHECK(joined);
  CHECK(texts.size() > 150);
}

TEST_CASE("every text the code shows has a translation in each catalog") {
  std::set<std::string> texts = texts_in_sources();
  for (const ss::gui::LegendEntry& e : ss::gui::kLegend) {
    texts.insert(e.label);
    texts.insert(ss::gui::legend_title(e.layer));
  }
  for (const Language l : {Language::ZhCn, Language::De}) {
    const PoCatalog cat = PoCatalog::parse(po_text(l), po_file_name(l));
    for (const std::string& t : texts) {
      if (!has_words(t)) continue;
      INFO(po_file_name(l) << " has no translation of \"" << t << "\"");
      CHECK(cat.find(t) != nullptr);
    }
  }
}

TEST_CASE("each translation has its English text's printf conversions in the same order") {
  for (const Language l : {Language::ZhCn, Language::De}) {
    const PoCatalog cat = PoCatalog::parse(po_text(l), po_file_name(l));
    CHECK(cat.size() > 150);
    for (const auto& [key, str] : cat.entries()) {
      INFO(po_file_name(l) << ": \"" << key.second << "\" -> \"" << str << "\"");
      CHECK(conversions(key.second) == conversions(str));
    }
  }
}

TEST_CASE("the conversion check tells a swapped or dropped argument") {
  CHECK(conversions("%s of %zu") != conversions("%zu von %s"));
  CHECK(conversions("%d full") != conversions("voll"));
  CHECK(conversions("90 % safe") == conversions("90 % in Sicherheit"));
  CHECK_FALSE(has_words("20-40 %"));
  CHECK(has_words("%s residents"));
}
