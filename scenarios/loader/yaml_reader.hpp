#pragma once
// Checked reading of a YAML tree: every value is read through a Field that knows
// its dotted path and line, so each wrong key, type or value becomes an InputError
// that names file, line and field. Internal to scenarios/ (includes yaml-cpp).
#include <yaml-cpp/yaml.h>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenarios/loader/scenario.hpp"

namespace ss::scenarios::detail {

struct ReadContext {
  std::string file;
  std::string variant;        // applied variant, for messages
  std::set<int> patch_lines;  // lines that came from the variant's patch
  Origins* origins = nullptr;
};

class Field {
 public:
  Field(YAML::Node node, std::string path, ReadContext& ctx, int fallback_line = 0);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] int line() const { return line_; }
  [[nodiscard]] const YAML::Node& node() const { return node_; }
  [[nodiscard]] bool is_map() const { return node_.IsMap(); }
  [[nodiscard]] bool is_sequence() const { return node_.IsSequence(); }
  [[nodiscard]] bool is_scalar() const { return node_.IsScalar(); }
  [[nodiscard]] bool is_null() const { return !node_.IsDefined() || node_.IsNull(); }

  [[noreturn]] void fail(const std::string& message) const;
  [[noreturn]] void fail_at(const std::string& subfield, const std::string& message) const;

  // Maps. check_keys() rejects keys not in `known`, suggesting the closest one.
  void check_keys(std::initializer_list<std::string_view> known) const {
    check_keys(std::span<const std::string_view>(known.begin(), known.size()));
  }
  void check_keys(std::span<const std::string_view> known) const;
  [[nodiscard]] std::optional<Field> get(std::string_view key) const;  // absent or null -> nullopt
  [[nodiscard]] Field need(std::string_view key) const;                // absent -> "missing" error
  [[nodiscard]] std::vector<std::pair<std::string, Field>> entries() const;
  // Sequences (a single scalar is not accepted as a one-element list).
  [[nodiscard]] std::vector<Field> items() const;

  // Scalars.
  [[nodiscard]] std::string text() const;
  [[nodiscard]] double number() const;        // finite
  [[nodiscard]] double positive() const;      // finite, > 0
  [[nodiscard]] double non_negative() const;  // finite, >= 0
  [[nodiscard]] double share() const;         // in [0, 1]
  [[nodiscard]] std::int64_t integer() const;
  [[nodiscard]] std::uint64_t seed() const;  // a whole number >= 0 (a random seed)
  [[nodiscard]] bool boolean() const;
  // Seconds: a number, or "90 s", "30 min", "3 h", "1 d".
  [[nodiscard]] double duration() const;
  // Metres: a number, or "300 m", "1.5 km".
  [[nodiscard]] double length() const;
  // m/s: a number, or "1.4 m/s", "30 km/h".
  [[nodiscard]] double speed() const;
  // Litres: a number, or "2000 l", "2000 L", "4 m3" (or m³).
  [[nodiscard]] double volume() const;
  // L/min: a number, or "800 l/min", "20 l/s", "96 m3/h" (or m³/h).
  [[nodiscard]] double flow() const;
  // Tonnes: a number, or "16 t", "7500 kg".
  [[nodiscard]] double mass() const;
  // Bytes: a size with its unit, "8 GB", "512 MB", "2 GiB" (kB, MB, GB, TB decimal;
  // KiB, MiB, GiB, TiB binary); a bare number is refused (bytes or gigabytes?).
  [[nodiscard]] double bytes() const;

 private:
  void expect_scalar(const char* what) const;
  // A finite quantity of one of `units`; `what` and `examples` for the message.
  [[nodiscard]] double quantity(const char* what, const char* examples,
                                std::initializer_list<std::pair<std::string_view, double>> units) const;
  YAML::Node node_;
  std::string path_;
  ReadContext* ctx_;
  int line_ = 0;
};

// Levenshtein distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The closest of `known` to `key`, or empty when none is plausibly a typo of it.
std::string closest_key(std::string_view key, std::span<const std::string_view> known);
// " (did you mean 'X'?)" with the closest of `known` names to `name`, or empty.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& known);

// Deep merge (RFC 7386 merge-patch semantics on YAML): maps merge key by key
// recursively, sequences and scalars replace, a null removes the key.
void deep_merge(YAML::Node base, const YAML::Node& patch);
// Lines of every node in a tree, to tell whether an error lies in a variant's patch.
void collect_lines(const YAML::Node& node, std::set<int>& lines);

// Parses "<number> <unit>" with the given unit table; nullopt when it does not parse.
std::optional<double> parse_quantity(std::string_view text,
                                     std::initializer_list<std::pair<std::string_view, double>> units);

// Seconds from "90", "90 s", "30 min", "3 h", "1 d" (Field::duration's units);
// nullopt when it does not parse.
std::optional<double> parse_duration(std::string_view text);

// The value of `f` among named options; an unknown one fails naming them all.
template <class E, std::size_t N>
E pick(const Field& f, const std::array<std::pair<std::string_view, E>, N>& options) {
  const std::string v = f.text();
  std::string names;
  for (const auto& [name, value] : options) {
    if (v == name) return value;
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  f.fail("unknown value '" + v + "'; expected one of: " + names);
}

}  // namespace ss::scenarios::detail
