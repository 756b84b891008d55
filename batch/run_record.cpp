#include "batch/run_record.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace ss::batch {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSummaryFormat = "safestreet-run-summary/1";

[[noreturn]] void bad(const std::string& file, const std::string& field, const std::string& what) {
  throw std::runtime_error(file + ": field '" + field + "': " + what);
}

const nlohmann::json& member(const nlohmann::json& j, const char* key, const std::string& file,
                             const std::string& path) {
  const std::string field = path.empty() ? key : path + "." + key;
  if (!j.is_object() || !j.contains(key)) bad(file, field, "missing");
  return j.at(key);
}

std::optional<double> number_or_null(const nlohmann::json& j, const char* key, const std::string& file,
                                     const std::string& path) {
  const nlohmann::json& v = member(j, key, file, path);
  if (v.is_null()) return std::nullopt;
  if (!v.is_number()) bad(file, path + "." + key, "expected a number or null");
  return v.get<double>();
}

// T50/T90/T95/T100 and the sheltered share of one evacuation block. summary.json
// writes a share of 0 for a block without residents (output/summary.cpp); a share of
// nobody is undefined, so it becomes null here.
void evacuation_kpis(const nlohmann::json& e, const std::string& prefix, const std::string& file,
                     std::vector<KpiValue>& out) {
  for (const char* t : {"t50_s", "t90_s", "t95_s", "t100_s"})
    out.push_back({prefix + "." + t, number_or_null(e, t, file, prefix), Better::Lower});
  std::optional<double> share = number_or_null(e, "safe_share", file, prefix);
  const bool nobody =
      e.contains("residents") && e["residents"].is_number() && e["residents"].get<double>() == 0.0;
  if (nobody) share.reset();
  out.push_back({prefix + ".safe_share", share, Better::Higher});
}

// One evacuation block per zone; zone names need not be unique (output/summary.cpp),
// so a repeated name gets its zone id: "by_zone.Z-1-2", "by_zone.Mitte #4".
void zone_kpis(const nlohmann::json& zones, const std::string& file, std::vector<KpiValue>& out) {
  if (!zones.is_array()) bad(file, "by_zone", "expected a list");
  std::map<std::string, int> uses;
  for (const auto& z : zones)
    if (z.is_object() && z.contains("zone") && z["zone"].is_string()) ++uses[z["zone"].get<std::string>()];
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const std::string path = "by_zone[" + std::to_string(i) + "]";
    const nlohmann::json& name = member(zones[i], "zone", file, path);
    if (!name.is_string()) bad(file, path + ".zone", "expected text");
    std::string key = "by_zone." + name.get<std::string>();
    if (uses[name.get<std::string>()] > 1) key += " #" + std::to_string(i);
    evacuation_kpis(zones[i], key, file, out);
  }
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error(p.string() + ": cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split_csv_line(const std::string& line) {
  // timeline.csv holds numbers and column names; zone names with commas are quoted
  // (RFC 4180), so honour quotes.
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
        cells.back() += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        cells.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.emplace_back();
    } else if (c != '\r') {
      cells.back() += c;
    }
  }
  return cells;
}

std::vector<CurvePoint> read_curve(const fs::path& file, double residents) {
  std::istringstream in(read_text(file));
  std::string line;
  if (!std::getline(in, line)) throw std::runtime_error(file.string() + ": empty, expected a header row");
  const auto header = split_csv_line(line);
  std::size_t time_col = header.size(), safe_col = header.size();
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "time_s") time_col = i;
    if (header[i] == "sheltered") safe_col = i;
  }
  if (time_col == header.size()) bad(file.string(), "time_s", "column missing");
  if (safe_col == header.size()) bad(file.string(), "sheltered", "column missing");
  std::vector<CurvePoint> curve;
  for (int row = 2; std::getline(in, line); ++row) {
    if (line.empty()) continue;
    const auto cells = split_csv_line(line);
    try {
      curve.push_back(
          {std::stod(cells.at(time_col)), residents > 0 ? std::stod(cells.at(safe_col)) / residents : 0.0});
    } catch (const std::exception&) {
      throw std::runtime_error(file.string() + ": line " + std::to_string(row) +
                               ": time_s or sheltered is not a number");
    }
  }
  return curve;
}

}  // namespace

const char* to_string(Better b) { return b == Better::Lower ? "lower" : "higher"; }

std::vector<KpiValue> kpis_from_summary(const nlohmann::json& s, const std::string& file) {
  std::vector<KpiValue> out;
  evacuation_kpis(member(s, "overall", file, ""), "overall", file, out);
  const nlohmann::json& groups = member(s, "by_group", file, "");
  if (!groups.is_object()) bad(file, "by_group", "expected an object");
  for (const auto& [name, g] : groups.items()) evacuation_kpis(g, "by_group." + name, file, out);
  if (s.contains("by_zone")) zone_kpis(s["by_zone"], file, out);
  const nlohmann::json& outcomes = member(s, "by_outcome", file, "");
  if (!outcomes.is_object()) bad(file, "by_outcome", "expected an object");
  for (const auto& [name, v] : outcomes.items()) {
    if (name == "sheltered") continue;  // the complement of the others, already in safe_share
    if (!v.is_number()) bad(file, "by_outcome." + name, "expected a number");
    out.push_back({"outcome." + name, v.get<double>(), Better::Lower});
  }
  const nlohmann::json& shelters = member(s, "shelters", file, "");
  if (!shelters.is_array()) bad(file, "shelters", "expected a list");
  double filled = 0;
  for (const auto& sh : shelters)
    if (sh.is_object() && sh.contains("full_time_s") && !sh["full_time_s"].is_null()) filled += 1;
  out.push_back({"shelters.filled", filled, Better::Lower});
  // Each shelter's peak load as a share of its capacity: where a variant moves the
  // crowd. Lower is better (room to spare); a shelter of no capacity has no share.
  std::map<std::string, int> uses;
  for (const auto& sh : shelters)
    if (sh.is_object() && sh.contains("name") && sh["name"].is_string())
      ++uses[sh["name"].get<std::string>()];
  for (std::size_t i = 0; i < shelters.size(); ++i) {
    const nlohmann::json& sh = shelters[i];
    const std::string path = "shelters[" + std::to_string(i) + "]";
    const nlohmann::json& name = member(sh, "name", file, path);
    if (!name.is_string()) bad(file, path + ".name", "expected text");
    const std::optional<double> capacity = number_or_null(sh, "capacity", file, path);
    const std::optional<double> peak = number_or_null(sh, "peak_occupancy", file, path);
    std::string key = "shelter." + name.get<std::string>();
    if (uses[name.get<std::string>()] > 1) key += " #" + std::to_string(i);
    std::optional<double> share;
    if (capacity && peak && *capacity > 0) share = *peak / *capacity;
    out.push_back({key + ".peak_share", share, Better::Lower});
  }
  // Means over the residents who reached a shelter (engine/core/metrics.cpp): with
  // nobody sheltered the summary writes 0, which is no mean at all.
  const nlohmann::json& overall = s.at("overall");
  const bool nobody_safe =
      overall.contains("safe") && overall["safe"].is_number() && overall["safe"].get<double>() == 0;
  for (const char* k : {"mean_travel_time_s", "mean_distance_m"}) {
    std::optional<double> v = number_or_null(s, k, file, "");
    if (nobody_safe) v.reset();
    out.push_back({k, v, Better::Lower, "overall.safe_share"});
  }
  // The plan section (present when the scenario has a plan): responder response
  // times and each target met or missed. Targets are named by kind and position.
  if (s.contains("plan") && s["plan"].is_object()) {
    const nlohmann::json& plan = s["plan"];
    if (plan.contains("responders") && plan["responders"].contains("response_time")) {
      const nlohmann::json& rt = plan["responders"]["response_time"];
      // Over the tasks a team reached: conditional on the share reached.
      for (const char* k : {"mean_s", "p50_s", "p90_s", "max_s"})
        out.push_back({std::string("response.") + k,
                       number_or_null(rt, k, file, "plan.responders.response_time"), Better::Lower,
                       "response.reached_share"});
      const double tasks = number_or_null(rt, "tasks", file, "plan.responders.response_time").value_or(0.0);
      const double arrived =
          number_or_null(rt, "arrived", file, "plan.responders.response_time").value_or(0.0);
      if (tasks > 0) out.push_back({"response.reached_share", arrived / tasks, Better::Higher});
    }
    if (plan.contains("targets") && plan["targets"].is_array()) {
      double met = 0;
      for (std::size_t i = 0; i < plan["targets"].size(); ++i) {
        const nlohmann::json& t = plan["targets"][i];
        const std::string path = "plan.targets[" + std::to_string(i) + "]";
        const nlohmann::json& kind = member(t, "kind", file, path);
        const nlohmann::json& ok = member(t, "met", file, path);
        if (!kind.is_string() || !ok.is_boolean()) bad(file, path, "expected {kind: text, met: true|false}");
        met += ok.get<bool>() ? 1 : 0;
        out.push_back({"target." + std::to_string(i + 1) + "_" + kind.get<std::string>() + ".met",
                       ok.get<bool>() ? 1.0 : 0.0, Better::Higher});
      }
      out.push_back({"targets.met", met, Better::Higher});
    }
  }
  // Every hazard's own key figures (summary "hazards": [{name, kpis: [{name, value,
  // better}]}]), named <hazard>.<kpi>: a new hazard's figures reach comparisons as they are.
  if (s.contains("hazards") && s["hazards"].is_array()) {
    for (std::size_t i = 0; i < s["hazards"].size(); ++i) {
      const nlohmann::json& h = s["hazards"][i];
      const std::string path = "hazards[" + std::to_string(i) + "]";
      const nlohmann::json& name = member(h, "name", file, path);
      const nlohmann::json& kpis = member(h, "kpis", file, path);
      if (!name.is_string() || !kpis.is_array()) bad(file, path, "expected {name: text, kpis: [...]}");
      for (std::size_t k = 0; k < kpis.size(); ++k) {
        const std::string kp = path + ".kpis[" + std::to_string(k) + "]";
        const nlohmann::json& kn = member(kpis[k], "name", file, kp);
        const nlohmann::json& better = member(kpis[k], "better", file, kp);
        if (!kn.is_string() || !better.is_string())
          bad(file, kp, "expected {name: text, value, better: lower|higher}");
        out.push_back({name.get<std::string>() + "." + kn.get<std::string>(),
                       number_or_null(kpis[k], "value", file, kp),
                       better.get<std::string>() == "higher" ? Better::Higher : Better::Lower});
      }
    }
  }
  return out;
}

RunRecord read_run_folder(const fs::path& dir) {
  const std::string file = (dir / "summary.json").string();
  nlohmann::json s;
  try {
    s = nlohmann::json::parse(read_text(dir / "summary.json"));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(file + ": not valid JSON (" + e.what() + ")");
  }
  const nlohmann::json& format = member(s, "format", file, "");
  if (format != kSummaryFormat) bad(file, "format", std::string("expected \"") + kSummaryFormat + "\"");
  RunRecord r;
  r.source = dir.string();
  const nlohmann::json& scen = member(member(s, "scenario", file, ""), "name", file, "scenario");
  const nlohmann::json& variant = member(s, "variant", file, "");
  const nlohmann::json& seed = member(s, "seed", file, "");
  const nlohmann::json& residents = member(s, "residents", file, "");
  if (!scen.is_string()) bad(file, "scenario.name", "expected text");
  if (!variant.is_string()) bad(file, "variant", "expected text");
  if (!seed.is_number_unsigned()) bad(file, "seed", "expected a whole number >= 0");
  if (!residents.is_number()) bad(file, "residents", "expected a number");
  r.scenario = scen.get<std::string>();
  r.variant = variant.get<std::string>().empty() ? kBaseVariant : variant.get<std::string>();
  r.seed = seed.get<std::uint64_t>();
  r.kpis = kpis_from_summary(s, file);
  r.curve = read_curve(dir / "timeline.csv", residents.get<double>());
  return r;
}

bool is_complete_run(const fs::path& dir, const std::string& scenario, const std::string& variant,
                     std::uint64_t seed) {
  try {
    const nlohmann::json s = nlohmann::json::parse(read_text(dir / "summary.json"));
    const std::string v = s.at("variant").get<std::string>();
    return s.at("format") == kSummaryFormat && s.at("scenario").at("name") == scenario &&
           (v.empty() ? std::string(kBaseVariant) : v) == variant &&
           s.at("seed").get<std::uint64_t>() == seed && fs::is_regular_file(dir / "timeline.csv");
  } catch (const std::exception&) {
    return false;
  }
}

nlohmann::json to_json(const RunRecord& r) {
  nlohmann::json k = nlohmann::json::array();
  for (const KpiValue& v : r.kpis) {
    nlohmann::json e = {v.key, v.value ? nlohmann::json(*v.value) : nlohmann::json(nullptr),
                        v.better == Better::Higher};
    if (!v.conditional_on.empty()) e.push_back(v.conditional_on);
    k.push_back(std::move(e));
  }
  nlohmann::json c = nlohmann::json::array();
  for (const CurvePoint& p : r.curve) c.push_back({p.time_s, p.sheltered_share});
  return {{"scenario", r.scenario}, {"variant", r.variant}, {"seed", r.seed}, {"kpis", k}, {"curve", c},
          {"source", r.source}};
}

RunRecord record_from_json(const nlohmann::json& j) {
  RunRecord r;
  r.scenario = j.at("scenario").get<std::string>();
  r.variant = j.at("variant").get<std::string>();
  r.seed = j.at("seed").get<std::uint64_t>();
  r.source = j.at("source").get<std::string>();
  for (const auto& k : j.at("kpis")) {
    KpiValue v{k.at(0).get<std::string>(), std::nullopt,
               k.at(2).get<bool>() ? Better::Higher : Better::Lower};
    if (!k.at(1).is_null()) v.value = k.at(1).get<double>();
    if (k.size() > 3) v.conditional_on = k.at(3).get<std::string>();
    r.kpis.push_back(std::move(v));
  }
  for (const auto& p : j.at("curve")) r.curve.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
  return r;
}

}  // namespace ss::batch
