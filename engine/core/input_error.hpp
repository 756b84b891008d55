#pragma once
// The one exception type for bad input: it names where the problem came from
// (file, line, field) so a user can fix it. Thrown at API boundaries only
// (scenario loading, map import, model assembly), never inside a step.
#include <stdexcept>
#include <string>
#include <string_view>

namespace ss {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, int line, std::string field, std::string message)
      : std::runtime_error(format(file, line, field, message)),
        file_(std::move(file)),
        line_(line),
        field_(std::move(field)),
        message_(std::move(message)) {}

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] int line() const { return line_; }  // 1-based; 0 when unknown
  [[nodiscard]] const std::string& field() const { return field_; }
  [[nodiscard]] const std::string& message() const { return message_; }

 private:
  static std::string format(const std::string& file, int line, const std::string& field,
                            const std::string& message) {
    // Appends piecewise: g++ 12 warns falsely (-Wrestrict) on chained operator+.
    std::string s;
    s.append(file.empty() ? std::string_view("<input>") : std::string_view(file));
    if (line > 0) s.append(":").append(std::to_string(line));
    if (!field.empty()) s.append(": ").append(field);
    s.append(": ").append(message);
    return s;
  }
  std::string file_;
  int line_;
  std::string field_;
  std::string message_;
};

}  // namespace ss
