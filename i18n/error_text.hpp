#pragma once
// Error messages in the planners' language, keeping their stable form
// `file:line: field: message`: only the message is translated, file, line and field
// stay as they are, so a message can still be searched for and pointed at.
//
// The 190-odd places that throw ss::InputError write English (the engine and the
// loaders know nothing of languages). Here the English message is matched at display
// time against templates in the catalogs: entries with msgctxt "error" whose msgid has
// "{}" where a name, number or path goes ("unknown key '{}'"), and whose msgstr puts
// them back ("{}" in order, or "{1}", "{2}" to reorder). A template's end may be a
// clause that follows many messages (" (did you mean '{}'?)", "; known keys: {}", " (in
// the patch of variant '{}')"): those are matched from the end and translated on their
// own. A value in quotes ('{}') holds no quote. A message no template covers stays
// English, whole.
#include <exception>
#include <string>
#include <string_view>

#include "i18n/language.hpp"

namespace ss::i18n {

// The catalog context of error templates.
inline constexpr const char* kErrorContext = "error";

// `english` (a message without its file, line and field) in language `l`; `english`
// itself when no template covers it, or in English.
std::string translate_message(std::string_view english, Language l = language());

// What to show for a caught exception: an ss::InputError as file:line: field: and its
// message translated; any other exception's what() translated as a whole if a template
// covers it, else as it is.
std::string error_text(const std::exception& e, Language l = language());

}  // namespace ss::i18n
