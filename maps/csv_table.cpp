#include "maps/csv_table.hpp"

#include <stdexcept>

namespace ss::maps {

namespace {
char detect_delimiter(const std::string& text, std::size_t start) {
  int comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (std::size_t i = start; i < text.size() && (quoted || (text[i] != '\n' && text[i] != '\r')); ++i) {
    const char c = text[i];
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && c == ',')
      ++comma;
    else if (!quoted && c == ';')
      ++semi;
    else if (!quoted && c == '\t')
      ++tab;
  }
  if (semi > comma && semi >= tab) return ';';
  if (tab > comma && tab > semi) return '\t';
  return ',';
}
}  // namespace

CsvTable parse_csv(const std::string& text) {
  CsvTable t;
  std::size_t i = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // UTF-8 byte order mark
  t.delimiter = detect_delimiter(text, i);
  int line = 1;
  std::vector<std::vector<std::string>> records;
  std::vector<int> record_line;
  while (i < text.size()) {
    const int start_line = line;
    std::vector<std::string> cells(1);
    bool any = false;  // a record with only an empty cell is a blank line
    while (i < text.size()) {
      const char c = text[i];
      if (c == '"' && cells.back().empty()) {
        // Quoted field: runs to the next lone quote; "" is a literal quote.
        ++i;
        while (true) {
          if (i >= text.size())
            throw std::runtime_error("line " + std::to_string(start_line) + ": unterminated quote");
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              cells.back().push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          cells.back().push_back(text[i++]);
        }
        any = true;
      } else if (c == t.delimiter) {
        cells.emplace_back();
        any = true;
        ++i;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        ++i;
        ++line;
        break;
      } else {
        cells.back().push_back(c);
        any = true;
        ++i;
      }
    }
    if (!any) continue;
    records.push_back(std::move(cells));
    record_line.push_back(start_line);
  }
  if (records.empty()) return t;
  t.header = std::move(records[0]);
  for (std::size_t r = 1; r < records.size(); ++r) {
    records[r].resize(t.header.size());
    t.rows.push_back({record_line[r], std::move(records[r])});
  }
  return t;
}

}  // namespace ss::maps
