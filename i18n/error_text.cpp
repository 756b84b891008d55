#include "i18n/error_text.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "engine/core/input_error.hpp"
#include "i18n/catalogs.hpp"
#include "i18n/po_catalog.hpp"

namespace ss::i18n {
namespace {

struct Template {
  std::vector<std::string> pieces;  // the literal text around the placeholders (placeholders + 1)
  std::vector<bool> quoted;         // per placeholder: between single quotes, so it holds none
  std::string translation;
  std::size_t literal = 0;  // characters of literal text: the more, the more specific
  bool clause = false;      // begins with " (", "; " or ", ": may follow another message
};

Template parse_template(const std::string& msgid, const std::string& msgstr) {
  Template t;
  std::size_t from = 0;
  for (std::size_t at = msgid.find("{}"); at != std::string::npos; at = msgid.find("{}", from)) {
    t.pieces.push_back(msgid.substr(from, at - from));
    const bool before = at > 0 && msgid[at - 1] == '\'';
    const bool after = at + 2 < msgid.size() && msgid[at + 2] == '\'';
    t.quoted.push_back(before && after);
    from = at + 2;
  }
  t.pieces.push_back(msgid.substr(from));
  for (const std::string& p : t.pieces) t.literal += p.size();
  t.translation = msgstr;
  t.clause = msgid.rfind(" (", 0) == 0 || msgid.rfind("; ", 0) == 0 || msgid.rfind(", ", 0) == 0;
  return t;
}

// The templates of a language, most specific first; parsed once.
const std::vector<Template>& templates(Language l) {
  auto load = [](Language lang) {
    std::vector<Template> out;
    const PoCatalog cat = PoCatalog::parse(po_text(lang), po_file_name(lang));
    for (const auto& [key, str] : cat.entries())
      if (key.first == kErrorContext) out.push_back(parse_template(key.second, str));
    std::stable_sort(out.begin(), out.end(),
                     [](const Template& a, const Template& b) { return a.literal > b.literal; });
    return out;
  };
  static const std::vector<Template> zh = load(Language::ZhCn), de = load(Language::De), none;
  return l == Language::ZhCn ? zh : l == Language::De ? de : none;
}

// The values of the placeholders when `s` is `t` whole; nullopt when it is not. Values
// are not empty; the leftmost match of each following piece is tried first.
bool match_from(std::string_view s, const Template& t, std::size_t k, std::vector<std::string>& values) {
  if (k + 1 == t.pieces.size()) return s == t.pieces[k];
  const std::string& piece = t.pieces[k];
  if (s.substr(0, piece.size()) != piece) return false;
  s.remove_prefix(piece.size());
  const std::string& next = t.pieces[k + 1];
  const bool last = k + 2 == t.pieces.size();
  for (std::size_t n = 1; n <= s.size(); ++n) {
    const std::string_view value = s.substr(0, n);
    if (t.quoted[k] && value.find('\'') != std::string_view::npos) return false;
    // Only the last value may be a list ("a; b"): an earlier one ends before its "; ".
    if (!last && value.find("; ") != std::string_view::npos) return false;
    const std::string_view rest = s.substr(n);
    if (last ? rest != next : rest.substr(0, next.size()) != next) continue;
    values.emplace_back(value);
    if (match_from(rest, t, k + 1, values)) return true;
    values.pop_back();
  }
  return false;
}

std::string fill_template(const Template& t, const std::vector<std::string>& values, Language l) {
  std::string out;
  const std::string& p = t.translation;
  std::size_t next = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '{') {
      const std::size_t close = p.find('}', i);
      if (close != std::string::npos) {
        const std::string inside = p.substr(i + 1, close - i - 1);
        std::size_t k = next;
        if (!inside.empty() && inside.find_first_not_of("0123456789") == std::string::npos)
          k = static_cast<std::size_t>(std::stoul(inside)) - 1;
        else if (inside.empty())
          ++next;
        else
          k = values.size();  // not a placeholder: copied below
        if (k < values.size()) {
          // A value may be a message of its own ("... : <reason>"): translated if covered.
          out += translate_message(values[k], l);
          i = close;
          continue;
        }
      }
    }
    out += p[i];
  }
  return out;
}

std::optional<std::string> translate_whole(std::string_view s, Language l, bool clauses) {
  for (const Template& t : templates(l)) {
    if (t.clause != clauses) continue;
    std::vector<std::string> values;
    if (match_from(s, t, 0, values)) return fill_template(t, values, l);
  }
  return std::nullopt;
}

std::optional<std::string> translate_covered(std::string_view s, Language l) {
  // A clause at the end first (a value at a template's end would swallow it): the
  // shortest tail a clause template covers, then the rest.
  for (std::size_t at = s.size(); at-- > 1;) {
    const char c = s[at];
    if (c != ' ' && c != ';' && c != ',') continue;
    const auto tail = translate_whole(s.substr(at), l, true);
    if (!tail) continue;
    if (auto head = translate_covered(s.substr(0, at), l)) return *head + *tail;
  }
  if (auto whole = translate_whole(s, l, false)) return whole;
  // A list of problems joined by "; " (the registry's rows): each item covered.
  if (s.find("; ") == std::string_view::npos) return std::nullopt;
  std::string out;
  for (std::size_t from = 0; from <= s.size();) {
    const std::size_t to = std::min(s.find("; ", from), s.size());
    const auto item = translate_whole(s.substr(from, to - from), l, false);
    if (!item) return std::nullopt;
    out += (from == 0 ? "" : "; ") + *item;
    from = to + 2;
  }
  return out;
}

}  // namespace

std::string translate_message(std::string_view english, Language l) {
  if (l == Language::En || english.empty()) return std::string(english);
  return translate_covered(english, l).value_or(std::string(english));
}

std::string error_text(const std::exception& e, Language l) {
  if (const auto* input = dynamic_cast<const InputError*>(&e)) {
    if (l == Language::En) return input->what();
    // The same form as InputError's own, with the message translated.
    return InputError(input->file(), input->line(), input->field(), translate_message(input->message(), l))
        .what();
  }
  return translate_message(e.what(), l);
}

}  // namespace ss::i18n
