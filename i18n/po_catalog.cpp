#include "i18n/po_catalog.hpp"

#include <cctype>
#include <vector>

#include "engine/core/input_error.hpp"

namespace ss::i18n {
namespace {

struct Entry {
  std::string ctxt, id, str;
  bool has_id = false, fuzzy = false, plural = false;
  int line = 0;
};

// The keyword a string currently continues.
enum class Part { None, Ctxt, Id, IdPlural, Str, StrPlural };

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A quoted C string ("..." with escapes) standing alone on the rest of the line.
std::string unquote(std::string_view s, const std::string& file, int line) {
  auto bad = [&](const std::string& what) { return InputError(file, line, "po", what); };
  if (s.size() < 2 || s.front() != '"' || s.back() != '"')
    throw bad("expected a string in double quotes, got '" + std::string(s) + "'");
  std::string out;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') throw bad("a double quote inside a string must be written \\\"");
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (i + 2 >= s.size()) throw bad("a string ends in a lone backslash");
    const char e = s[++i];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'v': out.push_back('\v'); break;
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '?': out.push_back('?'); break;
      case 'x': {
        int v = 0, n = 0;
        while (i + 2 < s.size() && n < 2 && hex_value(s[i + 1]) >= 0) v = v * 16 + hex_value(s[++i]), ++n;
        if (n == 0) throw bad("\\x without hex digits");
        out.push_back(static_cast<char>(v));
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int v = e - '0', n = 1;
          while (i + 2 < s.size() && n < 3 && s[i + 1] >= '0' && s[i + 1] <= '7')
            v = v * 8 + (s[++i] - '0'), ++n;
          out.push_back(static_cast<char>(v));
        } else {
          throw bad(std::string("unknown escape \\") + e);
        }
    }
  }
  return out;
}

}  // namespace

PoCatalog PoCatalog::parse(std::string_view text, const std::string& file) {
  PoCatalog cat;
  Entry cur;
  Part part = Part::None;
  bool next_fuzzy = false;

  auto finish = [&] {
    // Skipped as gettext does: the header, fuzzy (unchecked) translations, untranslated
    // entries. msgstr[0] stands for a plural entry: the catalogs' languages have no
    // plural forms that the code asks for (docs/i18n.md).
    if (cur.has_id && !cur.id.empty() && !cur.fuzzy && !cur.str.empty())
      cat.entries_[{cur.ctxt, cur.id}] = cur.str;
    cur = Entry{};
    part = Part::None;
  };

  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::string_view raw =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    std::string_view line = trim(raw);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line = trim(line.substr(3));  // UTF-8 BOM
    if (line.empty()) {
      if (cur.has_id) finish();
      part = Part::None;
      continue;
    }
    if (line.front() == '#') {
      // "#~" obsolete entries are dropped whole, like any other comment.
      if (line.substr(0, 2) == "#,") {
        if (cur.has_id) finish();
        if (line.find("fuzzy") != std::string_view::npos) next_fuzzy = true;
      }
      continue;
    }
    if (line.front() == '"') {
      const std::string piece = unquote(line, file, line_no);
      switch (part) {
        case Part::Ctxt: cur.ctxt += piece; break;
        case Part::Id: cur.id += piece; break;
        case Part::IdPlural: break;
        case Part::Str: cur.str += piece; break;
        case Part::StrPlural: break;
        case Part::None: throw InputError(file, line_no, "po", "a string continues no msgid or msgstr");
      }
      continue;
    }
    const std::size_t sp = line.find_first_of(" \t");
    const std::string_view key = line.substr(0, sp);
    const std::string_view rest = sp == std::string_view::npos ? std::string_view{} : trim(line.substr(sp));
    if (key == "msgctxt" || (key == "msgid" && part != Part::Ctxt)) {
      // A new entry starts: the previous one (if any) is complete.
      if (cur.has_id) finish();
      cur.fuzzy = next_fuzzy;
      next_fuzzy = false;
      cur.line = line_no;
    }
    if (key == "msgctxt") {
      cur.ctxt = unquote(rest, file, line_no);
      part = Part::Ctxt;
    } else if (key == "msgid") {
      cur.id = unquote(rest, file, line_no);
      cur.has_id = true;
      part = Part::Id;
    } else if (key == "msgid_plural") {
      if (!cur.has_id) throw InputError(file, line_no, "po", "msgid_plural without a msgid before it");
      unquote(rest, file, line_no);
      cur.plural = true;
      part = Part::IdPlural;
    } else if (key == "msgstr") {
      if (!cur.has_id) throw InputError(file, line_no, "po", "msgstr without a msgid before it");
      cur.str = unquote(rest, file, line_no);
      part = Part::Str;
    } else if (key.substr(0, 7) == "msgstr[" && key.back() == ']') {
      if (!cur.plural) throw InputError(file, line_no, "po", std::string(key) + " without a msgid_plural");
      const std::string s = unquote(rest, file, line_no);
      if (key == "msgstr[0]") {
        cur.str = s;
        part = Part::Str;
      } else {
        part = Part::StrPlural;
      }
    } else {
      throw InputError(file, line_no, "po",
                       "expected msgctxt, msgid, msgid_plural, msgstr, a \"string\" or a # comment, got '" +
                           std::string(line.substr(0, 40)) + "'");
    }
  }
  if (cur.has_id) finish();
  return cat;
}

const std::string* PoCatalog::find(std::string_view msgid, std::string_view msgctxt) const {
  const auto it = entries_.find(std::pair<std::string, std::string>(msgctxt, msgid));
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace ss::i18n
