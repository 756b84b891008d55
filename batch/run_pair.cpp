#include "batch/run_pair.hpp"

#include <cstdio>
#include <stdexcept>

#include "batch/comparison_files.hpp"
#include "batch/kpi_labels.hpp"
#include "batch/report_parts.hpp"
#include "output/format.hpp"

namespace ss::batch {
namespace fs = std::filesystem;
namespace {

using ojson = nlohmann::ordered_json;

ojson num(const std::optional<double>& v) { return v ? ojson(*v) : ojson(nullptr); }

PairSide side(const RunRecord& r, const std::string& description, const char* letter) {
  PairSide s{r.scenario, r.variant, description, r.seed, {}};
  s.curve.variant = std::string(letter) + ": " + r.variant + " (seed " + std::to_string(r.seed) + ")";
  for (const CurvePoint& p : r.curve) {
    s.curve.time_s.push_back(p.time_s);
    s.curve.mean.push_back(p.sheltered_share);
  }
  s.curve.min = s.curve.max = s.curve.mean;
  return s;
}

const KpiValue* find(const RunRecord& r, const std::string& key) {
  for (const KpiValue& k : r.kpis)
    if (k.key == key) return &k;
  return nullptr;
}

}  // namespace

std::vector<std::string> pair_notes(const PairSide& a, const PairSide& b, i18n::Language l) {
  using i18n::fill;
  std::vector<std::string> n;
  n.push_back(
      tr(l,
         "One run each: there is no spread to test against, so no intervals and no significance. Better "
         "and worse only say which way a difference goes once it reaches the practical threshold; part of "
         "it may be chance. Run `safestreet batch` with several seeds to know."));
  if (a.scenario != b.scenario)
    n.push_back(fill(tr(l,
                        "Different scenarios ('%s' and '%s'): the differences include everything that "
                        "differs between the two files."),
                     {a.scenario, b.scenario}));
  if (a.seed == b.seed)
    n.push_back(fill(tr(l,
                        "Both runs use seed %s (common random numbers): residents draw the same speeds and "
                        "delays in both, so within this one draw the differences come from the plan."),
                     {std::to_string(a.seed)}));
  else
    n.push_back(fill(tr(l,
                        "Different seeds (%s and %s): part of every difference comes from the random "
                        "draws, not from the plan."),
                     {std::to_string(a.seed), std::to_string(b.seed)}));
  if (a.scenario == b.scenario && a.variant == b.variant && a.seed == b.seed)
    n.push_back(
        tr(l,
           "Same scenario, variant and seed: the runs should be identical; a difference means another "
           "SafeStreet version or changed input files."));
  return n;
}

RunPair compare_two_runs(const RunRecord& a, const RunRecord& b, const std::string& description_a,
                         const std::string& description_b) {
  RunPair p{side(a, description_a, "A"), side(b, description_b, "B"), {}, {}};
  p.notes = pair_notes(p.a, p.b, i18n::Language::En);
  auto add = [&](const KpiValue& k) {
    for (const PairRow& row : p.kpis)
      if (row.key == k.key) return;
    PairRow row{k.key,        k.better,     k.conditional_on,  std::nullopt,
                std::nullopt, std::nullopt, Verdict::NotTested};
    if (const KpiValue* x = find(a, k.key)) row.a = x->value;
    if (const KpiValue* x = find(b, k.key)) row.b = x->value;
    if (row.a && row.b) row.difference = *row.b - *row.a;
    row.verdict = judge_single(row.difference, k.better, describe_kpi(k.key).threshold);
    p.kpis.push_back(std::move(row));
  };
  for (const KpiValue& k : a.kpis) add(k);
  for (const KpiValue& k : b.kpis) add(k);
  for (PairRow& row : p.kpis) {
    if (row.conditional_on.empty()) continue;
    std::optional<double> moved;
    for (const PairRow& d : p.kpis)
      if (d.key == row.conditional_on) moved = d.difference;
    row.verdict = judge_conditional(row.verdict, moved, describe_kpi(row.conditional_on).threshold);
  }
  return p;
}

ojson run_pair_json(const RunPair& p) {
  auto side_json = [](const PairSide& s) {
    return ojson{{"scenario", s.scenario},
                 {"variant", s.variant},
                 {"description", s.description.empty() ? ojson(nullptr) : ojson(s.description)},
                 {"seed", s.seed}};
  };
  ojson j;
  j["format"] = "safestreet-run-pair/1";
  j["method"] =
      "one run each: difference = B - A per KPI, no statistics; better or worse for the user once the "
      "difference reaches the unit's practical threshold; KPIs over a part of the population "
      "(conditional_on) "
      "are not comparable while that part differs";
  ojson thresholds;
  for (Unit u : {Unit::Seconds, Unit::Share, Unit::Metres, Unit::SquareMetres, Unit::Count, Unit::Ratio})
    thresholds[unit_symbol(u)] = practical_threshold(u);
  j["practical_thresholds"] = std::move(thresholds);
  j["a"] = side_json(p.a);
  j["b"] = side_json(p.b);
  j["notes"] = p.notes;
  ojson kpis = ojson::array();
  for (const PairRow& r : p.kpis) {
    const KpiInfo info = describe_kpi(r.key);
    kpis.push_back({{"kpi", r.key},
                    {"label", info.words},
                    {"unit", unit_symbol(info.unit)},
                    {"practical_threshold", info.threshold},
                    {"better", to_string(r.better)},
                    {"conditional_on", r.conditional_on.empty() ? ojson(nullptr) : ojson(r.conditional_on)},
                    {"a", num(r.a)},
                    {"b", num(r.b)},
                    {"difference", num(r.difference)},
                    {"verdict", to_string(r.verdict)}});
  }
  j["kpis"] = std::move(kpis);
  ojson curves = ojson::array();
  for (const PairSide* s : {&p.a, &p.b})
    curves.push_back(
        {{"run", s->curve.variant}, {"time_s", s->curve.time_s}, {"sheltered_share", s->curve.mean}});
  j["curves"] = std::move(curves);
  return j;
}

std::string run_pair_csv(const RunPair& p) {
  output::CsvWriter w;
  for (const char* h : {"kpi", "label", "unit", "practical_threshold", "better", "conditional_on", "a", "b",
                        "difference", "verdict"})
    w.text(h);
  w.end_row();
  for (const PairRow& r : p.kpis) {
    const KpiInfo info = describe_kpi(r.key);
    w.text(r.key).text(info.words).text(unit_symbol(info.unit)).num(info.threshold);
    w.text(to_string(r.better)).text(r.conditional_on);
    for (const auto& v : {r.a, r.b, r.difference}) {
      if (v)
        w.num(*v);
      else
        w.text("");
    }
    w.text(to_string(r.verdict));
    w.end_row();
  }
  return w.take();
}

void write_run_pair(const fs::path& dir, const RunPair& p) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create '" + dir.string() + "': " + ec.message());
  write_file_atomically(dir / "comparison.json", run_pair_json(p).dump(2) + "\n");
  write_file_atomically(dir / "comparison.csv", run_pair_csv(p));
  write_file_atomically(dir / "report.html", run_pair_html(p, i18n::language()));
}

void print_run_pair(std::ostream& out, const RunPair& p) {
  for (const auto& [letter, s] : {std::pair{"A", &p.a}, std::pair{"B", &p.b}})
    out << letter << "  " << s->variant << ", seed " << s->seed << " (" << s->scenario << ")"
        << (s->description.empty() ? "" : ": " + s->description) << "\n";
  char line[512];
  std::snprintf(line, sizeof line, "%-56s %12s %12s %12s  %s\n", "KPI", "A", "B", "B - A", "B for the user");
  out << line;
  for (const PairRow& r : p.kpis) {
    if (!in_section(r.key, "")) continue;
    const Unit u = describe_kpi(r.key).unit;
    auto text = [&](const std::optional<double>& v) { return v ? format_value(u, *v) : std::string("-"); };
    const std::string diff = r.difference ? format_difference(u, *r.difference) : "-";
    std::string verdict =
        r.verdict == Verdict::NotTested ? "-" : verdict_text(r.verdict, r.key, r.conditional_on);
    if (!r.conditional_on.empty()) verdict += " (" + conditional_scope(r.conditional_on) + ")";
    std::snprintf(line, sizeof line, "%-56s %12s %12s %12s  %s\n", kpi_label(r.key).c_str(),
                  text(r.a).c_str(), text(r.b).c_str(), diff.c_str(), verdict.c_str());
    out << line;
  }
  for (const std::string& n : p.notes) out << "note: " << n << "\n";
}

}  // namespace ss::batch
