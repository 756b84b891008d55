#pragma once
// The planners' language: English, Simplified Chinese or German, for what people read
// (the GUI, the run printout, briefing maps, reports). Files stay English: scenario
// keys, CSV and JSON keys, GeoPackage layers and field names (docs/i18n.md).
//
// The language is chosen once at startup (set_language, from --lang or the locale in
// the environment) before any thread starts, and then only read. tr() looks English
// text up in the catalogs compiled into the program from i18n/*.po, so no system
// locale needs to be installed.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace ss::i18n {

enum class Language : std::uint8_t { En, ZhCn, De };

// "en", "zh-CN", "de": the codes --lang takes and docs/i18n.md lists.
const char* code(Language l);
// The language's own name, for a menu: "English", "简体中文", "Deutsch".
const char* native_name(Language l);

// A --lang value: exactly one of "en", "zh-CN", "de" (nullopt otherwise).
std::optional<Language> parse_language(std::string_view code);
// The error for a --lang value parse_language refused, listing the three.
std::string unknown_language_message(std::string_view code);

// A POSIX locale name (zh_CN.UTF-8, de_DE@euro, de, C): Simplified Chinese for zh_CN,
// zh_SG and zh_Hans, German for de and de_XX; nullopt for every other (English then).
std::optional<Language> language_of_locale(std::string_view locale);
// The language the locale environment asks for: the first set, non-empty of LC_ALL,
// LC_MESSAGES and LANG decides, as POSIX orders them (nullptr for unset); English when
// that one names no language of ours.
Language language_from_environment(const char* lc_all, const char* lc_messages, const char* lang);
// --lang when given (throws std::invalid_argument with unknown_language_message),
// else the process environment's locale variables.
Language choose_language(const std::string& lang_flag);

// The language tr() translates into; English until set_language is called.
void set_language(Language l);
Language language();

// `english` in the current language: the catalog's msgstr for it, or `english` itself
// when the catalog has none. The pointer stays valid for the life of the program.
const char* tr(const char* english);
std::string tr(const std::string& english);
// The same in a named language, whatever the current one is.
const char* tr(Language l, const char* english);

// Marks a text in a table for translation where it is defined; it is translated
// where shown, with tr(). The catalog test finds texts by tr(, ui( and tr_noop(.
constexpr const char* tr_noop(const char* english) { return english; }

// `pattern` with each "%s" replaced by the next of `args`, in order ("%%" stays as
// it is): texts longer than a printf buffer (scenario names) with the translation's
// word order.
std::string fill(const std::string& pattern, std::initializer_list<std::string> args);

// A Dear ImGui label: the visible text translated, the widget id its English text
// ("翻译###English"), so ids stay the same in every language and two labels that read
// alike in translation stay two widgets. "Close##road" shows tr("Close") and keeps
// "Close##road" as its id. In English the label is returned unchanged.
const char* ui(const char* english_label);

}  // namespace ss::i18n

namespace ss {
using i18n::tr;
using i18n::tr_noop;
using i18n::ui;
}  // namespace ss
