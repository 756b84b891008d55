#pragma once
// A GNU gettext catalog (.po file) read into a lookup table: the translation of each
// English text (msgid) into one language (msgstr). Written here rather than taken from
// libintl because gettext looks catalogs up through the system's installed locales,
// which CI machines and many planners' laptops do not have (docs/i18n.md).
//
// What is read (GNU gettext manual, "The Format of PO Files"): msgctxt, msgid,
// msgid_plural, msgstr and msgstr[N], each a string that may continue over several
// lines of "..." pieces; C escapes \n \t \" \\ \r \a \b \f \v and octal/hex; comments
// (#, #., #:, #|). Entries flagged "#, fuzzy", obsolete entries ("#~"), the header
// (empty msgid) and untranslated entries (empty msgstr) are skipped, so the English
// text is shown for them, as gettext does.
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace ss::i18n {

class PoCatalog {
 public:
  // Parses the text of a .po file. `file` names it in errors. Throws ss::InputError
  // (file, line, "po", what is wrong) on a line that is not PO syntax.
  static PoCatalog parse(std::string_view text, const std::string& file);

  // The translation of `msgid` (in context `msgctxt`, "" for none), or nullptr.
  [[nodiscard]] const std::string* find(std::string_view msgid, std::string_view msgctxt = {}) const;
  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  // Every translated entry, keyed by (msgctxt, msgid).
  [[nodiscard]] const std::map<std::pair<std::string, std::string>, std::string, std::less<>>& entries()
      const {
    return entries_;
  }

 private:
  std::map<std::pair<std::string, std::string>, std::string, std::less<>> entries_;
};

}  // namespace ss::i18n
