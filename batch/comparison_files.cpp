#include "batch/comparison_files.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "batch/kpi_labels.hpp"
#include "batch/report_html.hpp"
#include "batch/variant_descriptions.hpp"
#include "output/format.hpp"

namespace ss::batch {
namespace fs = std::filesystem;
namespace {

using ojson = nlohmann::ordered_json;

ojson num(const std::optional<double>& v) { return v ? ojson(*v) : ojson(nullptr); }

ojson stats_json(const SampleStats& s) {
  return {{"n", s.n},
          {"mean", num(s.mean)},
          {"sd", num(s.sd)},
          {"ci_low", num(s.ci_low)},
          {"ci_high", num(s.ci_high)},
          {"min", num(s.min)},
          {"max", num(s.max)}};
}

void cells(output::CsvWriter& w, const std::optional<double>& v) {
  if (v)
    w.num(*v);
  else
    w.text("");
}

}  // namespace

ojson practical_thresholds() {
  ojson t;
  for (Unit u : {Unit::Seconds, Unit::Share, Unit::Metres, Unit::SquareMetres, Unit::Count, Unit::Ratio})
    t[unit_symbol(u)] = practical_threshold(u);
  return t;
}

ojson comparison_json(const Comparison& c) {
  ojson j;
  j["format"] = "safestreet-comparison/2";
  j["scenario"] = c.scenario;
  j["confidence"] = kConfidence;
  j["method"] =
      "mean ± Student t interval over seeds; difference from base: paired t over seeds both ran "
      "(common random numbers); runs without a value (e.g. T100 not reached) are counted, not averaged; "
      "a difference is better or worse only when its interval excludes zero and it reaches the unit's "
      "practical threshold; KPIs over a part of the population (conditional_on) are not ranked and are "
      "not comparable while that part differs";
  j["practical_thresholds"] = practical_thresholds();
  j["variants"] = c.variants;
  ojson descriptions = ojson::object();
  for (const std::string& v : c.variants) {
    const auto d = c.descriptions.find(v);
    descriptions[v] = d != c.descriptions.end() ? ojson(d->second) : ojson(nullptr);
  }
  j["variant_descriptions"] = std::move(descriptions);
  j["seeds"] = c.seeds;
  ojson missing = ojson::array();
  for (const RunKey& k : c.missing) missing.push_back({{"variant", k.variant}, {"seed", k.seed}});
  j["missing_runs"] = std::move(missing);
  ojson kpis = ojson::array();
  for (const KpiComparison& k : c.kpis) {
    const KpiInfo info = describe_kpi(k.key);
    ojson row;
    row["kpi"] = k.key;
    row["label"] = info.words;
    row["unit"] = unit_symbol(info.unit);
    row["practical_threshold"] = info.threshold;
    row["better"] = to_string(k.better);
    row["conditional_on"] = k.conditional_on.empty() ? ojson(nullptr) : ojson(k.conditional_on);
    ojson vs = ojson::array();
    for (const VariantKpi& v : k.variants) {
      ojson e;
      e["variant"] = v.variant;
      e["runs"] = v.runs;
      e.update(stats_json(v.stats));
      e["rank"] = v.rank > 0 ? ojson(v.rank) : ojson(nullptr);
      if (!k.conditional_on.empty()) e["denominator_mean"] = num(v.denominator_mean);
      if (v.vs_base) {
        ojson d = stats_json(v.vs_base->diff);
        d["excludes_zero"] = v.vs_base->excludes_zero;
        d["exact"] = v.vs_base->exact;
        d["verdict"] = to_string(v.verdict);
        e["diff_vs_base"] = std::move(d);
      } else {
        e["diff_vs_base"] = nullptr;
      }
      vs.push_back(std::move(e));
    }
    row["variants"] = std::move(vs);
    kpis.push_back(std::move(row));
  }
  j["kpis"] = std::move(kpis);
  ojson curves = ojson::array();
  for (const VariantCurve& cv : c.curves)
    curves.push_back({{"variant", cv.variant},
                      {"time_s", cv.time_s},
                      {"sheltered_share_mean", cv.mean},
                      {"sheltered_share_min", cv.min},
                      {"sheltered_share_max", cv.max}});
  j["curves"] = std::move(curves);
  j["duplicates"] = c.duplicates;
  return j;
}

std::string comparison_csv(const Comparison& c) {
  output::CsvWriter w;
  for (const char* h : {"kpi",
                        "label",
                        "unit",
                        "practical_threshold",
                        "better",
                        "conditional_on",
                        "variant",
                        "runs",
                        "n",
                        "mean",
                        "sd",
                        "ci_low",
                        "ci_high",
                        "min",
                        "max",
                        "rank",
                        "denominator_mean",
                        "diff_n",
                        "diff_mean",
                        "diff_ci_low",
                        "diff_ci_high",
                        "diff_excludes_zero",
                        "diff_exact",
                        "verdict"})
    w.text(h);
  w.end_row();
  for (const KpiComparison& k : c.kpis) {
    const KpiInfo info = describe_kpi(k.key);
    for (const VariantKpi& v : k.variants) {
      w.text(k.key).text(info.words).text(unit_symbol(info.unit)).num(info.threshold);
      w.text(to_string(k.better)).text(k.conditional_on);
      w.text(v.variant).num(v.runs).num(v.stats.n);
      for (const auto& x :
           {v.stats.mean, v.stats.sd, v.stats.ci_low, v.stats.ci_high, v.stats.min, v.stats.max})
        cells(w, x);
      if (v.rank > 0)
        w.num(v.rank);
      else
        w.text("");
      cells(w, v.denominator_mean);
      if (v.vs_base) {
        w.num(v.vs_base->diff.n);
        cells(w, v.vs_base->diff.mean);
        cells(w, v.vs_base->diff.ci_low);
        cells(w, v.vs_base->diff.ci_high);
        w.num(v.vs_base->excludes_zero).num(v.vs_base->exact).text(to_string(v.verdict));
      } else {
        for (int i = 0; i < 7; ++i) w.text("");
      }
      w.end_row();
    }
  }
  return w.take();
}

void write_file_atomically(const fs::path& path, const std::string& content) {
  const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw std::runtime_error("cannot write '" + tmp.string() + "'");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw std::runtime_error("cannot rename '" + tmp.string() + "' to '" + path.string() + "'");
  }
}

void remove_stale_temporaries(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> stale;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    const auto tag = name.rfind(".tmp-");
    if (tag == std::string::npos || !e.is_regular_file(ec)) continue;
    const std::string digits = name.substr(tag + 5);
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid > 0 && pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) stale.push_back(e.path());
  }
  for (const fs::path& p : stale) fs::remove(p, ec);
}

void write_comparison(const fs::path& dir, const Comparison& c) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create '" + dir.string() + "': " + ec.message());
  Comparison described = c;
  for (const auto& [variant, text] : find_descriptions(dir)) described.descriptions.emplace(variant, text);
  write_file_atomically(dir / "comparison.json", comparison_json(described).dump(2) + "\n");
  write_file_atomically(dir / "comparison.csv", comparison_csv(described));
  write_file_atomically(dir / "report.html", report_html(described, i18n::language()));
}

std::vector<fs::path> find_run_folders(const fs::path& batch_dir) {
  std::error_code ec;
  if (!fs::is_directory(batch_dir, ec))
    throw std::runtime_error("'" + batch_dir.string() + "' is not a folder");
  std::vector<fs::path> runs;
  for (const auto& variant : fs::directory_iterator(batch_dir)) {
    if (!variant.is_directory()) continue;
    for (const auto& run : fs::directory_iterator(variant.path())) {
      const std::string name = run.path().filename().string();
      if (!run.is_directory() || name.rfind("seed-", 0) != 0 || name.find(".tmp-") != std::string::npos ||
          name.find(".old-") != std::string::npos)
        continue;
      if (fs::is_regular_file(run.path() / "summary.json")) runs.push_back(run.path());
    }
  }
  std::sort(runs.begin(), runs.end());
  return runs;
}

}  // namespace ss::batch
