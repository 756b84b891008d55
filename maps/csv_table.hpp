#pragma once
// A small RFC 4180 CSV reader that remembers the line each row starts on, so
// errors in registries can name the line a user sees in an editor. GDAL's CSV
// driver does not expose line numbers when quoted fields span lines.
#include <string>
#include <vector>

namespace ss::maps {

struct CsvTable {
  char delimiter = ',';
  std::vector<std::string> header;
  struct Row {
    int line = 0;                    // 1-based line of the row's first character
    std::vector<std::string> cells;  // same count as header (missing cells empty)
  };
  std::vector<Row> rows;
};

// Parses CSV text. The delimiter (',', ';' or tab) is the one found most often in
// the header line outside quotes. Handles a UTF-8 BOM, CRLF line ends, quoted
// fields with "" escapes and embedded line breaks; blank lines are skipped.
// Throws std::runtime_error("line N: ...") on an unterminated quote.
CsvTable parse_csv(const std::string& text);

}  // namespace ss::maps
