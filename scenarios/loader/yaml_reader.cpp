#include "scenarios/loader/yaml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace ss::scenarios::detail {

namespace {

int line_of(const YAML::Node& n) {
  if (!n.IsDefined()) return 0;
  const YAML::Mark m = n.Mark();
  return m.line >= 0 ? m.line + 1 : 0;
}

std::string trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

// A strict number: the whole text must parse, so "12abc" is rejected.
std::optional<double> parse_number(std::string_view text) {
  const std::string t = trim(text);
  if (t.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size()) return std::nullopt;
  return v;
}

// YAML 1.2 core schema spellings of NaN and infinity (yaml.org/spec/1.2.2, 10.2.1.4).
bool is_special_float(std::string_view text) {
  std::string t = trim(text);
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.erase(0, 1);
  for (const char* s : {".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "nan", "inf", "NaN", "Inf"})
    if (t == s) return true;
  return false;
}

std::string join(std::span<const std::string_view> keys) {
  std::string s;
  for (std::string_view k : keys) s += (s.empty() ? "" : ", ") + std::string(k);
  return s;
}

}  // namespace

Field::Field(YAML::Node node, std::string path, ReadContext& ctx, int fallback_line)
    : node_(std::move(node)), path_(std::move(path)), ctx_(&ctx) {
  line_ = line_of(node_);
  if (line_ == 0) line_ = fallback_line;
  if (ctx_->origins && !path_.empty()) ctx_->origins->line_of[path_] = line_;
}

void Field::fail(const std::string& message) const { fail_at("", message); }

void Field::fail_at(const std::string& subfield, const std::string& message) const {
  std::string field = path_;
  if (!subfield.empty()) field += (field.empty() ? "" : ".") + subfield;
  std::string msg = message;
  if (!ctx_->variant.empty() && ctx_->patch_lines.count(line_))
    msg += " (in the patch of variant '" + ctx_->variant + "')";
  throw InputError(ctx_->file, line_, field, msg);
}

void Field::check_keys(std::span<const std::string_view> known) const {
  if (!node_.IsMap()) fail("expected a mapping of keys (known keys: " + join(known) + ")");
  std::set<std::string> seen;
  for (const auto& kv : node_) {
    const std::string key = kv.first.Scalar();
    Field k(kv.first, path_.empty() ? key : path_ + "." + key, *ctx_, line_);
    if (!seen.insert(key).second) k.fail("duplicate key '" + key + "'");
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    const std::string hint = closest_key(key, known);
    k.fail("unknown key '" + key + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
           "; known keys: " + join(known));
  }
}

std::optional<Field> Field::get(std::string_view key) const {
  if (!node_.IsMap()) fail("expected a mapping");
  const YAML::Node child = node_[std::string(key)];
  const std::string p = path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  if (!child.IsDefined() || child.IsNull()) return std::nullopt;
  return Field(child, p, *ctx_, line_);
}

Field Field::need(std::string_view key) const {
  std::optional<Field> f = get(key);
  if (!f) fail_at(std::string(key), "missing required field '" + std::string(key) + "'");
  return *f;
}

std::vector<std::pair<std::string, Field>> Field::entries() const {
  if (!node_.IsMap()) fail("expected a mapping");
  std::vector<std::pair<std::string, Field>> out;
  for (const auto& kv : node_) {
    const std::string key = kv.first.Scalar();
    out.emplace_back(key, Field(kv.second, path_ + "." + key, *ctx_, line_of(kv.first)));
  }
  return out;
}

std::vector<Field> Field::items() const {
  if (!node_.IsSequence()) fail("expected a list");
  std::vector<Field> out;
  for (std::size_t i = 0; i < node_.size(); ++i)
    out.emplace_back(node_[i], path_ + "[" + std::to_string(i) + "]", *ctx_, line_);
  return out;
}

void Field::expect_scalar(const char* what) const {
  if (!node_.IsScalar())
    fail(std::string("expected ") + what + ", got a " + (node_.IsMap() ? "mapping" : "list"));
}

std::string Field::text() const {
  expect_scalar("a text");
  return node_.Scalar();
}

double Field::number() const {
  expect_scalar("a number");
  double v = 0.0;
  try {
    v = node_.as<double>();  // also reads YAML's .nan / .inf, rejected below
  } catch (const YAML::Exception&) {
    fail("expected a number, got '" + node_.Scalar() + "'");
  }
  if (!std::isfinite(v)) fail("must be a finite number, got '" + node_.Scalar() + "'");
  return v;
}

double Field::positive() const {
  const double v = number();
  if (!(v > 0.0)) fail("must be greater than 0, got " + node_.Scalar());
  return v;
}

double Field::non_negative() const {
  const double v = number();
  if (v < 0.0) fail("must not be negative, got " + node_.Scalar());
  return v;
}

double Field::share() const {
  const double v = number();
  if (v < 0.0 || v > 1.0) fail("a share must be between 0 and 1, got " + node_.Scalar());
  return v;
}

std::int64_t Field::integer() const {
  expect_scalar("a whole number");
  const std::string t = trim(node_.Scalar());
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(t.c_str(), &end, 10);
  if (t.empty() || end != t.c_str() + t.size() || errno == ERANGE)
    fail("expected a whole number, got '" + node_.Scalar() + "'");
  return v;
}

std::uint64_t Field::seed() const {
  const std::int64_t s = integer();
  if (s < 0) fail("seed must not be negative");
  return static_cast<std::uint64_t>(s);
}

bool Field::boolean() const {
  expect_scalar("true or false");
  bool v = false;
  if (!YAML::convert<bool>::decode(node_, v)) fail("expected true or false, got '" + node_.Scalar() + "'");
  return v;
}

std::optional<double> parse_duration(std::string_view text) {
  return parse_quantity(text, {{"", 1.0},
                               {"s", 1.0},
                               {"sec", 1.0},
                               {"second", 1.0},
                               {"seconds", 1.0},
                               {"min", 60.0},
                               {"minute", 60.0},
                               {"minutes", 60.0},
                               {"h", 3600.0},
                               {"hour", 3600.0},
                               {"hours", 3600.0},
                               {"d", 86400.0},
                               {"day", 86400.0},
                               {"days", 86400.0}});
}

double Field::duration() const {
  expect_scalar("a duration");
  if (is_special_float(node_.Scalar())) fail("must be a finite duration, got '" + node_.Scalar() + "'");
  const auto v = parse_duration(node_.Scalar());
  if (!v)
    fail("expected a duration such as 90, \"90 s\", \"30 min\" or \"3 h\", got '" + node_.Scalar() + "'");
  if (!std::isfinite(*v)) fail("must be a finite duration, got '" + node_.Scalar() + "'");
  return *v;
}

double Field::length() const {
  expect_scalar("a length");
  if (is_special_float(node_.Scalar())) fail("must be a finite length, got '" + node_.Scalar() + "'");
  const auto v = parse_quantity(node_.Scalar(), {{"", 1.0}, {"m", 1.0}, {"km", 1000.0}});
  if (!v) fail("expected a length such as 300, \"300 m\" or \"1.5 km\", got '" + node_.Scalar() + "'");
  if (!std::isfinite(*v)) fail("must be a finite length, got '" + node_.Scalar() + "'");
  return *v;
}

double Field::quantity(const char* what, const char* examples,
                       std::initializer_list<std::pair<std::string_view, double>> units) const {
  expect_scalar(what);
  const std::string w(what);
  const std::string noun = w.substr(w.find(' ') + 1);  // "a speed" -> "speed"
  if (is_special_float(node_.Scalar())) fail("must be a finite " + noun + ", got '" + node_.Scalar() + "'");
  const auto v = parse_quantity(node_.Scalar(), units);
  if (!v) fail("expected " + w + " such as " + examples + ", got '" + node_.Scalar() + "'");
  if (!std::isfinite(*v)) fail("must be a finite " + noun + ", got '" + node_.Scalar() + "'");
  return *v;
}

double Field::speed() const {
  return quantity("a speed", "1.4, \"1.4 m/s\" or \"30 km/h\"",
                  {{"", 1.0}, {"m/s", 1.0}, {"km/h", 1.0 / 3.6}});
}

double Field::volume() const {
  return quantity("a volume", "2000, \"2000 l\" or \"4 m3\"",
                  {{"", 1.0}, {"l", 1.0}, {"L", 1.0}, {"m3", 1000.0}, {"m³", 1000.0}});
}

double Field::flow() const {
  return quantity("a flow", "800, \"800 l/min\", \"20 l/s\" or \"96 m3/h\"",
                  {{"", 1.0},
                   {"l/min", 1.0},
                   {"L/min", 1.0},
                   {"l/s", 60.0},
                   {"L/s", 60.0},
                   {"m3/h", 1000.0 / 60.0},
                   {"m³/h", 1000.0 / 60.0}});
}

double Field::mass() const {
  return quantity("a mass", "16, \"16 t\" or \"7500 kg\"", {{"", 1.0}, {"t", 1.0}, {"kg", 0.001}});
}

double Field::bytes() const {
  return quantity("a memory size", "\"8 GB\" or \"512 MB\"",
                  {{"B", 1.0},
                   {"kB", 1e3},
                   {"MB", 1e6},
                   {"GB", 1e9},
                   {"TB", 1e12},
                   {"KiB", 1024.0},
                   {"MiB", 1048576.0},
                   {"GiB", 1073741824.0},
                   {"TiB", 1099511627776.0}});
}

std::optional<double> parse_quantity(std::string_view text,
                                     std::initializer_list<std::pair<std::string_view, double>> units) {
  const std::string t = trim(text);
  // Split at the first letter that is not part of a number ("1e3" stays a number).
  std::size_t split = t.size();
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    const bool exponent =
        (c == 'e' || c == 'E') && i > 0 && std::isdigit(static_cast<unsigned char>(t[i - 1])) &&
        i + 1 < t.size() &&
        (std::isdigit(static_cast<unsigned char>(t[i + 1])) || t[i + 1] == '-' || t[i + 1] == '+');
    if (std::isalpha(static_cast<unsigned char>(c)) && !exponent) {
      split = i;
      break;
    }
  }
  std::string number = trim(std::string_view(t).substr(0, split));
  const std::string unit = trim(std::string_view(t).substr(split));
  const std::optional<double> v = parse_number(number);
  if (!v) return std::nullopt;
  for (const auto& [name, factor] : units)
    if (unit == name) return *v * factor;
  return std::nullopt;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

namespace {

template <class Range>
std::string closest(std::string_view key, const Range& known) {
  std::string best;
  std::size_t best_d = std::max<std::size_t>(2, key.size() / 3) + 1;  // plausible typo bound
  for (std::string_view k : known) {
    const std::size_t d = edit_distance(key, k);
    if (d < best_d) {
      best_d = d;
      best = std::string(k);
    }
  }
  return best;
}

}  // namespace

std::string closest_key(std::string_view key, std::span<const std::string_view> known) {
  return closest(key, known);
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& known) {
  const std::string best = closest(name, known);
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

void deep_merge(YAML::Node base, const YAML::Node& patch) {
  for (const auto& kv : patch) {
    const std::string key = kv.first.Scalar();
    const YAML::Node value = kv.second;
    if (value.IsNull()) {
      base.remove(key);
      continue;
    }
    const YAML::Node& const_base = base;  // const lookup: no empty entry is made
    if (!const_base[key].IsDefined()) {
      // A key the base lacks keeps the patch's own key node, so an error about it
      // names its line in the patch (and the variant).
      base.force_insert(kv.first, value);
      continue;
    }
    YAML::Node target = base[key];
    if (target.IsMap() && value.IsMap())
      deep_merge(target, value);
    else
      base[key] = value;
  }
}

void collect_lines(const YAML::Node& node, std::set<int>& lines) {
  if (!node.IsDefined()) return;
  if (const int l = line_of(node); l > 0) lines.insert(l);
  if (node.IsMap()) {
    for (const auto& kv : node) {
      collect_lines(kv.first, lines);
      collect_lines(kv.second, lines);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) collect_lines(item, lines);
  }
}

}  // namespace ss::scenarios::detail
