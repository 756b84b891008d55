#pragma once
// The .po catalogs compiled into the program (i18n/*.po → catalogs_data.cpp, written
// by i18n/embed_po.cmake at build time), so no file can go missing at run time.
#include <string_view>

#include "i18n/language.hpp"

namespace ss::i18n {

// The text of the language's .po file ("" for English, which has none).
std::string_view po_text(Language l);
// Its path in the source tree, for error messages: "i18n/zh_CN.po".
const char* po_file_name(Language l);

}  // namespace ss::i18n
