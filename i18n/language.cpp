#include "i18n/language.hpp"

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "i18n/catalogs.hpp"
#include "i18n/po_catalog.hpp"

namespace ss::i18n {
namespace {

// Set once at startup, before threads start; atomic so a late reader is still defined.
std::atomic<Language> g_language{Language::En};

const PoCatalog* catalog(Language l) {
  // Parsed on first use, once (a function-local static is initialised thread-safely).
  static const PoCatalog zh = PoCatalog::parse(po_text(Language::ZhCn), po_file_name(Language::ZhCn));
  static const PoCatalog de = PoCatalog::parse(po_text(Language::De), po_file_name(Language::De));
  switch (l) {
    case Language::ZhCn: return &zh;
    case Language::De: return &de;
    case Language::En: break;
  }
  return nullptr;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

}  // namespace

const char* code(Language l) {
  switch (l) {
    case Language::ZhCn: return "zh-CN";
    case Language::De: return "de";
    case Language::En: break;
  }
  return "en";
}

const char* native_name(Language l) {
  switch (l) {
    case Language::ZhCn: return "简体中文";
    case Language::De: return "Deutsch";
    case Language::En: break;
  }
  return "English";
}

std::optional<Language> parse_language(std::string_view c) {
  if (c == "en") return Language::En;
  if (c == "zh-CN") return Language::ZhCn;
  if (c == "de") return Language::De;
  return std::nullopt;
}

std::string unknown_language_message(std::string_view c) {
  return "--lang: unknown language '" + std::string(c) +
         "': choose en (English), zh-CN (简体中文) or de (Deutsch)";
}

std::optional<Language> language_of_locale(std::string_view locale) {
  // language[_territory][.codeset][@modifier] (POSIX.1-2017, 8.2).
  const std::string name = lower(locale.substr(0, locale.find_first_of(".@")));
  const std::string lang = name.substr(0, name.find_first_of("_-"));
  const std::string rest = name.size() > lang.size() ? name.substr(lang.size() + 1) : "";
  if (lang == "de") return Language::De;
  if (lang == "zh" && (rest == "cn" || rest == "sg" || rest == "hans")) return Language::ZhCn;
  if (lang == "en") return Language::En;
  return std::nullopt;
}

Language language_from_environment(const char* lc_all, const char* lc_messages, const char* lang) {
  for (const char* v : {lc_all, lc_messages, lang})
    if (v && *v) return language_of_locale(v).value_or(Language::En);
  return Language::En;
}

Language choose_language(const std::string& lang_flag) {
  if (!lang_flag.empty()) {
    const auto l = parse_language(lang_flag);
    if (!l) throw std::invalid_argument(unknown_language_message(lang_flag));
    return *l;
  }
  return language_from_environment(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
}

void set_language(Language l) { g_language.store(l); }
Language language() { return g_language.load(); }

const char* tr(Language l, const char* english) {
  const PoCatalog* cat = catalog(l);
  if (!cat) return english;
  const std::string* s = cat->find(english);
  return s ? s->c_str() : english;
}

const char* tr(const char* english) { return tr(language(), english); }
std::string tr(const std::string& english) { return tr(english.c_str()); }

std::string fill(const std::string& pattern, std::initializer_list<std::string> args) {
  std::string s;
  auto next = args.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] == 's' && next != args.end()) {
      s += *next++;
      ++i;
    } else {
      s += pattern[i];
    }
  }
  return s;
}

const char* ui(const char* english_label) {
  const Language l = language();
  if (l == Language::En) return english_label;
  static std::mutex mutex;
  // Keyed by language and label; node-based, so the strings handed out stay put.
  static std::unordered_map<std::string, std::string> labels;
  const std::string key = std::string(code(l)) + '\n' + english_label;
  const std::lock_guard lock(mutex);
  auto it = labels.find(key);
  if (it == labels.end()) {
    const std::string_view label(english_label);
    const std::string visible(label.substr(0, label.find("##")));
    const std::string id(label.substr(0, label.find("###")) == label ? label
                                                                     : label.substr(label.find("###") + 3));
    it = labels.emplace(key, std::string(tr(l, visible.c_str())) + "###" + id).first;
  }
  return it->second.c_str();
}

}  // namespace ss::i18n
