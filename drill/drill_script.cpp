#include "drill/drill_script.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "drill/script_text.hpp"
#include "engine/core/input_error.hpp"
#include "maps/csv_table.hpp"
#include "scenarios/loader/yaml_reader.hpp"

namespace ss::drill {
namespace {

namespace fs = std::filesystem;
using scenarios::detail::Field;

// The MSEL's columns (docs/drills.md "The exercise script").
const std::vector<std::string> kMselColumns = {"id",   "time",     "kind", "target", "text",
                                               "role", "expected", "if",   "status"};

// One MSEL row whatever it was written in: its cells by column name, and how a problem
// in a column is named (CSV: row and column number; YAML: the item's field path).
struct RowCells {
  int line = 0;
  std::function<std::optional<std::string>(const std::string&)> cell;
  std::function<std::string(const std::string&)> where;
  std::function<int(const std::string&)> line_of;
};

MselInject read_msel_row(const RowCells& r, Problems& p) {
  MselInject m;
  m.line = r.line;
  m.target_where = r.where("target");
  m.if_where = r.where("if");
  auto get = [&](const char* col) { return trim(r.cell(col).value_or("")); };
  auto bad = [&](const char* col, const std::string& msg) { p.add(r.line_of(col), r.where(col), msg); };
  m.id = get("id");
  if (m.id.empty()) bad("id", "missing: every inject needs an id (e.g. M01)");
  const std::string at = get("time");
  if (at.empty())
    bad("time", "missing: give the simulated time, e.g. 0:45:00 or \"45 min\"");
  else if (const auto t = parse_time(at); !t || *t < 0.0)
    bad("time", "'" + at + "' is not a time such as 0:45:00, \"45 min\" or 2700");
  else
    m.at = *t;
  m.action.kind = get("kind");
  m.action.target = get("target");
  if (m.action.kind.empty())
    bad("kind", "missing: give one of " + inject_kind_names());
  else if (std::string err = parse_action(m.action); !err.empty())
    bad(err.rfind("kind:", 0) == 0 ? "kind" : "target", err.substr(err.find(':') + 2));
  m.text = get("text");
  if (m.text.empty()) bad("text", "missing: the text the players receive");
  m.role = get("role");
  if (m.role.empty()) bad("role", "missing: who receives the inject (a role, e.g. incident commander)");
  m.expected = get("expected");
  if (const std::string c = get("if"); !c.empty()) {
    if (std::string err = parse_condition(c, m.condition); !err.empty()) bad("if", err);
  }
  const std::string st = get("status");
  if (st.empty() || st == "scripted")
    m.status = MselInject::Status::Scripted;
  else if (st == "hold")
    m.status = MselInject::Status::Hold;
  else if (st == "skip")
    m.status = MselInject::Status::Skip;
  else
    bad("status", "'" + st + "' is not one of scripted, hold, skip");
  return m;
}

// Checks the ids are unique, then sorts by time (stable: rows of one time in file order).
void finish_msel(std::vector<MselInject>& msel, Problems& p) {
  for (std::size_t i = 0; i < msel.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (!msel[i].id.empty() && msel[i].id == msel[j].id)
        p.add(msel[i].line, msel[i].where + " id",
              "id '" + msel[i].id + "' is used twice (also on line " + std::to_string(msel[j].line) + ")");
  std::stable_sort(msel.begin(), msel.end(),
                   [](const MselInject& a, const MselInject& b) { return a.at < b.at; });
}

std::string read_text_file(const std::string& path, const std::string& what) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw InputError(path, 0, "", what + " not found");
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  if (!in) throw InputError(path, 0, "", "cannot read the " + what);
  return s.str();
}

maps::CsvTable read_csv(const std::string& path, const std::string& what) {
  const std::string text = read_text_file(path, what);
  try {
    return maps::parse_csv(text);
  } catch (const std::runtime_error& e) {  // "line N: ..."
    throw InputError(path, 0, "", e.what());
  }
}

// A CSV's header against the known columns: unknown ones are problems (with a hint).
std::vector<int> column_index(const maps::CsvTable& t, const std::vector<std::string>& known, Problems& p) {
  std::vector<int> index(known.size(), -1);
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    const std::string h = trim(t.header[c]);
    const auto it = std::find(known.begin(), known.end(), h);
    if (it == known.end())
      p.add(1, "column " + std::to_string(c + 1),
            "unknown column '" + h + "'" + scenarios::detail::did_you_mean(h, known));
    else
      index[static_cast<std::size_t>(it - known.begin())] = static_cast<int>(c);
  }
  return index;
}

RowCells csv_row(const maps::CsvTable& t, std::size_t r, const std::vector<std::string>& known,
                 const std::vector<int>& index) {
  RowCells rc;
  rc.line = t.rows[r].line;
  const auto col = [&known, &index](const std::string& name) {
    const auto it = std::find(known.begin(), known.end(), name);
    return index[static_cast<std::size_t>(it - known.begin())];
  };
  rc.cell = [&t, r, col](const std::string& name) -> std::optional<std::string> {
    const int c = col(name);
    if (c < 0) return std::nullopt;
    return t.rows[r].cells[static_cast<std::size_t>(c)];
  };
  rc.where = [r, col](const std::string& name) {
    const int c = col(name);
    return "row " + std::to_string(r + 1) + ", column " + (c >= 0 ? std::to_string(c + 1) + " " : "") + "(" +
           name + ")";
  };
  const int line = rc.line;
  rc.line_of = [line](const std::string&) { return line; };
  return rc;
}

std::vector<MselInject> read_msel_csv(const std::string& path, Problems& p) {
  const maps::CsvTable t = read_csv(path, "exercise script (MSEL)");
  const std::vector<int> index = column_index(t, kMselColumns, p);
  for (const char* need : {"id", "time", "kind", "target", "text", "role"})
    if (index[static_cast<std::size_t>(std::find(kMselColumns.begin(), kMselColumns.end(), need) -
                                       kMselColumns.begin())] < 0)
      p.add(1, "header", std::string("no '") + need + "' column");
  p.throw_if_any();  // rows cannot be read without their columns
  std::vector<MselInject> out;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    MselInject m = read_msel_row(csv_row(t, r, kMselColumns, index), p);
    m.where = "row " + std::to_string(r + 1);
    out.push_back(std::move(m));
  }
  p.rows = t.rows.size();
  return out;
}

// An inline MSEL item: the same columns as keys; `if` may also be a map with one key,
// {shelter_full: NAME}, read as "shelter_full: NAME".
std::vector<MselInject> read_msel_yaml(const Field& list, Problems& p) {
  std::vector<MselInject> out;
  const std::vector<Field> items = list.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Field& item = items[i];
    if (!item.is_map()) {
      p.add(item.line(), item.path(), "an inject is a mapping of id, time, kind, target, text, role, ...");
      continue;
    }
    std::vector<std::pair<std::string, int>> lines;
    std::vector<std::pair<std::string, std::string>> cells;
    for (const auto& [key, v] : item.entries()) {
      if (std::find(kMselColumns.begin(), kMselColumns.end(), key) == kMselColumns.end()) {
        p.add(v.line(), v.path(), "unknown key" + scenarios::detail::did_you_mean(key, kMselColumns));
        continue;
      }
      std::string text;
      if (v.is_scalar())
        text = v.node().Scalar();
      else if (key == "if" && v.is_map() && v.node().size() == 1) {
        const auto kv = *v.node().begin();
        text = kv.first.Scalar() + ": " + (kv.second.IsScalar() ? kv.second.Scalar() : std::string("?"));
      } else if (!v.is_null()) {
        p.add(v.line(), v.path(), "must be a single value");
        continue;
      }
      cells.emplace_back(key, text);
      lines.emplace_back(key, v.line());
    }
    RowCells rc;
    rc.line = item.line();
    rc.cell = [cells](const std::string& k) -> std::optional<std::string> {
      for (const auto& [key, v] : cells)
        if (key == k) return v;
      return std::nullopt;
    };
    const std::string path = item.path();
    rc.where = [path](const std::string& k) { return path + "." + k; };
    const int line = item.line();
    rc.line_of = [lines, line](const std::string& k) {
      for (const auto& [key, l] : lines)
        if (key == k) return l;
      return line;
    };
    MselInject m = read_msel_row(rc, p);
    m.where = path;
    out.push_back(std::move(m));
  }
  p.rows = items.size();
  return out;
}

}  // namespace

void Problems::add(int line, std::string field, std::string message) {
  ++total;
  if (items.size() < kMaxListed) items.push_back({line, std::move(field), std::move(message)});
}

void Problems::throw_if_any() const {
  if (total == 0) return;
  if (total == 1) throw InputError(file, items[0].line, items[0].field, items[0].message);
  std::string msg = std::to_string(total) + " problems";
  if (rows > 0) msg += " in " + std::to_string(rows) + " rows";
  msg += ": ";
  for (std::size_t i = 0; i < items.size(); ++i)
    msg += (i ? "; " : "") + std::string("line ") + std::to_string(items[i].line) + " " + items[i].field +
           ": " + items[i].message;
  if (total > items.size()) msg += "; and " + std::to_string(total - items.size()) + " more";
  throw InputError(file, items[0].line, items[0].field, msg);
}

std::optional<double> parse_time(const std::string& text) {
  const std::string t = trim(text);
  if (std::count(t.begin(), t.end(), ':') == 2) {  // h:mm:ss, as the program prints times
    int h = 0, m = 0, s = 0;
    char c1 = 0, c2 = 0, extra = 0;
    std::istringstream in(t);
    if (!(in >> h >> c1 >> m >> c2 >> s) || in >> extra || h < 0 || m < 0 || m > 59 || s < 0 || s > 59)
      return std::nullopt;
    return h * 3600.0 + m * 60.0 + s;
  }
  const auto v = scenarios::detail::parse_duration(t);
  if (!v || !std::isfinite(*v)) return std::nullopt;
  return v;
}

DrillDesc load_drill(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw InputError(path, 0, "", "drill file not found");
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::ParserException& e) {
    throw InputError(path, e.mark.line >= 0 ? e.mark.line + 1 : 0, "", "YAML syntax error: " + e.msg);
  } catch (const YAML::BadFile&) {
    throw InputError(path, 0, "", "cannot read the drill file");
  }
  scenarios::Origins origins;
  origins.file = path;
  scenarios::detail::ReadContext ctx{path, "", {}, &origins};
  const Field r(root, "", ctx, 1);
  if (!r.is_map()) r.fail("a drill file is a mapping: name, scenario, variant, seed, msel");
  r.check_keys({"name", "scenario", "variant", "seed", "msel"});
  DrillDesc d;
  d.file = path;
  // Absolute, so that a journal names files a resume finds from any folder.
  const fs::path dir = fs::absolute(path).parent_path();
  if (auto n = r.get("name")) d.name = n->text();
  const Field sc = r.need("scenario");
  d.scenario = (dir / sc.text()).lexically_normal().string();
  if (!fs::is_regular_file(d.scenario, ec)) sc.fail("scenario file '" + d.scenario + "' not found");
  if (auto v = r.get("variant")) d.variant = v->text();
  if (auto s = r.get("seed")) d.seed = s->seed();
  const Field msel = r.need("msel");
  Problems p;
  if (msel.is_scalar()) {
    d.msel_file = (dir / msel.text()).lexically_normal().string();
    p.file = d.msel_file;
    d.msel = read_msel_csv(d.msel_file, p);
  } else {
    if (!msel.is_sequence()) msel.fail("give a CSV file or a list of injects");
    p.file = path;
    d.msel = read_msel_yaml(msel, p);
  }
  finish_msel(d.msel, p);
  p.throw_if_any();
  return d;
}

std::vector<PlayerRow> load_players(const std::string& path, const DrillDesc& drill) {
  static const std::vector<std::string> kColumns = {"time", "role", "action", "target", "reason"};
  const maps::CsvTable t = read_csv(path, "players file");
  Problems p;
  p.file = path;
  const std::vector<int> index = column_index(t, kColumns, p);
  for (const char* need : {"time", "role", "action"})
    if (index[static_cast<std::size_t>(std::find(kColumns.begin(), kColumns.end(), need) -
                                       kColumns.begin())] < 0)
      p.add(1, "header", std::string("no '") + need + "' column");
  p.throw_if_any();
  std::vector<PlayerRow> out;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const RowCells rc = csv_row(t, r, kColumns, index);
    auto get = [&](const char* col) { return trim(rc.cell(col).value_or("")); };
    auto bad = [&](const char* col, const std::string& msg) { p.add(rc.line, rc.where(col), msg); };
    PlayerRow row;
    row.row = static_cast<int>(r + 1);
    row.line = rc.line;
    row.target_where = rc.where("target");
    const std::string time_text = get("time");
    if (const auto at = parse_time(time_text); !at || *at < 0.0)
      bad("time", "'" + time_text + "' is not a time such as 0:45:00, \"45 min\" or 2700");
    else
      row.at = *at;
    row.role = get("role");
    if (row.role.empty()) bad("role", "missing: who decides (a role, or trainer)");
    row.action = get("action");
    row.target = get("target");
    row.reason = get("reason");
    if (std::string err = parse_player_action(row, drill); !err.empty())
      bad(err.rfind("action:", 0) == 0 ? "action" : "target", err.substr(err.find(':') + 2));
    out.push_back(std::move(row));
  }
  p.rows = t.rows.size();
  p.throw_if_any();
  std::stable_sort(out.begin(), out.end(),
                   [](const PlayerRow& a, const PlayerRow& b) { return a.at < b.at; });
  return out;
}

}  // namespace ss::drill
