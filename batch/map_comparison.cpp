#include "batch/map_comparison.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "batch/kpi_labels.hpp"
#include "batch/run_record.hpp"
#include "batch/stats.hpp"
#include "batch/verdict.hpp"

namespace ss::batch {
namespace fs = std::filesystem;
namespace {

// What each layer reads from results.gpkg (docs/results.md) and compares. Homes:
// the median time to safety as written, and the share safe from `not_safe`.
const maps::ResultsLayerRequest kHomesRead{"homes", "address", {"safe_median_min", "not_safe"}};
const maps::ResultsLayerRequest kZonesRead{"zones", "name", {"t50_min", "t90_min", "t95_min", "safe_share"}};

struct Measure {
  maps::ComparedMeasure out;
  Better better = Better::Lower;
};

std::vector<Measure> measures_of(const std::string& kind) {
  if (kind == "homes")
    return {{{"safe_median_min", true}, Better::Lower}, {{"safe_share", false}, Better::Higher}};
  return {{{"t50_min", true}, Better::Lower},
          {{"t90_min", true}, Better::Lower},
          {{"t95_min", true}, Better::Lower},
          {{"safe_share", false}, Better::Higher}};
}

// A feature's measures (measures_of order) from the fields read.
std::vector<std::optional<double>> measures(const std::string& kind, const maps::ResultsFeature& f) {
  if (kind != "homes") return f.values;
  std::optional<double> share;
  if (f.residents > 0 && f.values.size() > 1 && f.values[1])
    share = (f.residents - *f.values[1]) / static_cast<double>(f.residents);
  return {f.values.empty() ? std::nullopt : f.values[0], share};
}

const maps::ResultsLayer& layer_of(const RunMap& r, const std::string& kind) {
  return kind == "homes" ? r.homes : r.zones;
}

// One run's features by key (the first of a repeated key wins).
std::unordered_map<std::string, std::size_t> index_of(const maps::ResultsLayer& l) {
  std::unordered_map<std::string, std::size_t> idx;
  for (std::size_t i = 0; i < l.features.size(); ++i) idx.emplace(l.features[i].key, i);
  return idx;
}

// Differences are judged as the batch report judges its KPIs (batch/verdict.hpp): with
// two or more seeds by the paired interval and the practical threshold (kpi_labels.hpp,
// 1 s for times, here in minutes); with one seed by the single-seed thresholds.
Verdict judge(const PairedDifference& d, const Measure& m, bool single_seed) {
  if (single_seed)
    return judge_single(d.diff.mean, m.better, m.out.minutes ? kSingleSeedMinutes : kSingleSeedShare);
  const double threshold =
      m.out.minutes ? practical_threshold(Unit::Seconds) / 60.0 : practical_threshold(Unit::Share);
  return judge_paired(d, m.better, threshold);
}

struct VariantRuns {
  std::vector<const RunMap*> runs;  // by seed
  std::vector<std::unordered_map<std::string, std::size_t>> index;
};

maps::ComparedLayer compare_layer(const std::string& kind, const std::string& variant, const VariantRuns& own,
                                  const VariantRuns& base, const maps::ResultsLayer& shapes) {
  const bool is_base = variant == kBaseVariant;
  const std::vector<Measure> ms = measures_of(kind);
  maps::ComparedLayer layer;
  layer.name = kind + "_" + variant;
  layer.kind = kind;
  layer.variant = variant;
  layer.base = is_base;
  layer.name_field = kind == "homes" ? kHomesRead.name_field : kZonesRead.name_field;
  for (const Measure& m : ms) layer.measures.push_back(m.out);

  // The base run of each of the variant's seeds (null where it failed).
  std::vector<std::size_t> base_of(own.runs.size(), SIZE_MAX);
  std::size_t pairs = 0;
  for (std::size_t i = 0; i < own.runs.size(); ++i)
    for (std::size_t j = 0; j < base.runs.size(); ++j)
      if (base.runs[j]->seed == own.runs[i]->seed) {
        base_of[i] = j;
        ++pairs;
      }
  const bool single_seed = pairs == 1;

  auto values_in = [&](const VariantRuns& vr, std::size_t run, const std::string& key) {
    const auto at = vr.index[run].find(key);
    if (at == vr.index[run].end()) return std::optional<std::vector<std::optional<double>>>();
    return std::optional(measures(kind, layer_of(*vr.runs[run], kind).features[at->second]));
  };
  for (const maps::ResultsFeature& shape : shapes.features) {
    maps::ComparedFeature cf;
    cf.geometry = shape.geometry;
    cf.name = shape.name;
    cf.residents = shape.residents;
    // Per run of the variant (and of the base with the same seed): the feature's measures.
    std::vector<std::optional<std::vector<std::optional<double>>>> mine, theirs;
    for (std::size_t i = 0; i < own.runs.size(); ++i) {
      mine.push_back(values_in(own, i, shape.key));
      theirs.push_back(base_of[i] == SIZE_MAX ? std::nullopt : values_in(base, base_of[i], shape.key));
      cf.seeds += mine.back().has_value();
    }
    std::vector<std::optional<double>> base_all;  // every base run's, for the base mean
    bool any_worse = false, any_better = false;
    for (std::size_t k = 0; k < ms.size(); ++k) {
      maps::ComparedValue v;
      std::vector<double> present;
      std::vector<std::optional<double>> var_k, base_k;
      for (std::size_t i = 0; i < mine.size(); ++i) {
        var_k.push_back(mine[i] ? (*mine[i])[k] : std::nullopt);
        base_k.push_back(theirs[i] ? (*theirs[i])[k] : std::nullopt);
        if (var_k.back()) present.push_back(*var_k.back());
      }
      v.mean = sample_stats(present).mean;
      if (!is_base) {
        std::vector<double> base_present;
        for (std::size_t j = 0; j < base.runs.size(); ++j)
          if (const auto b = values_in(base, j, shape.key); b && (*b)[k]) base_present.push_back(*(*b)[k]);
        v.base_mean = sample_stats(base_present).mean;
        const PairedDifference d = paired_difference(var_k, base_k);
        v.diff = d.diff.mean;
        v.diff_low = d.diff.ci_low;
        v.diff_high = d.diff.ci_high;
        v.paired = static_cast<int>(d.diff.n);
        const Verdict verdict = judge(d, ms[k], single_seed);
        v.change = to_string(verdict);
        any_worse = any_worse || verdict == Verdict::Worse;
        any_better = any_better || verdict == Verdict::Better;
      }
      cf.values.push_back(std::move(v));
    }
    // One word for the map: worse where any measure is worse (a quicker median is no
    // comfort where fewer residents are safe), better where one is better and none worse.
    if (!is_base) cf.category = any_worse ? "worse" : any_better ? "better" : "unchanged";
    layer.features.push_back(std::move(cf));
  }
  return layer;
}

std::string to_hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    hex += digits[b >> 4];
    hex += digits[b & 15];
  }
  return hex;
}

std::string from_hex(const std::string& hex) {
  auto nibble = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    throw std::runtime_error("map comparison: bad hex digit in a geometry");
  };
  if (hex.size() % 2) throw std::runtime_error("map comparison: odd hex geometry");
  std::string bytes(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = static_cast<char>(nibble(hex[2 * i]) * 16 + nibble(hex[2 * i + 1]));
  return bytes;
}

nlohmann::json layer_json(const maps::ResultsLayer& l) {
  nlohmann::json fs = nlohmann::json::array();
  for (const maps::ResultsFeature& f : l.features) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& v : f.values) values.push_back(v ? nlohmann::json(*v) : nlohmann::json(nullptr));
    nlohmann::json j = {{"key", f.key}, {"name", f.name}, {"residents", f.residents}, {"values", values}};
    if (!f.geometry.empty()) j["geometry"] = to_hex(f.geometry);
    fs.push_back(std::move(j));
  }
  return fs;
}

maps::ResultsLayer layer_from_json(const nlohmann::json& j) {
  maps::ResultsLayer l;
  for (const auto& f : j) {
    maps::ResultsFeature rf;
    rf.key = f.at("key").get<std::string>();
    rf.name = f.at("name").get<std::string>();
    rf.residents = f.at("residents").get<int>();
    if (f.contains("geometry")) rf.geometry = from_hex(f["geometry"].get<std::string>());
    for (const auto& v : f.at("values"))
      rf.values.push_back(v.is_null() ? std::nullopt : std::optional<double>(v.get<double>()));
    l.features.push_back(std::move(rf));
  }
  return l;
}

}  // namespace

RunMap read_run_map(const fs::path& run_dir, const std::string& variant, std::uint64_t seed,
                    bool with_geometry) {
  maps::RunResultsFile file =
      maps::read_results_gpkg((run_dir / "results.gpkg").string(), {kHomesRead, kZonesRead}, with_geometry);
  RunMap m;
  m.variant = variant;
  m.seed = seed;
  m.crs_wkt = std::move(file.crs_wkt);
  m.homes = std::move(file.layers.at(0));
  m.zones = std::move(file.layers.at(1));
  return m;
}

nlohmann::json run_map_json(const RunMap& m) {
  return {{"variant", m.variant},
          {"seed", m.seed},
          {"crs", m.crs_wkt},
          {"homes", layer_json(m.homes)},
          {"zones", layer_json(m.zones)}};
}

RunMap run_map_from_json(const nlohmann::json& j) {
  RunMap m;
  m.variant = j.at("variant").get<std::string>();
  m.seed = j.at("seed").get<std::uint64_t>();
  m.crs_wkt = j.at("crs").get<std::string>();
  m.homes = layer_from_json(j.at("homes"));
  m.zones = layer_from_json(j.at("zones"));
  return m;
}

MapComparison compare_maps(std::vector<RunMap> runs, const std::vector<std::string>& variants) {
  // Stable: of two runs of the same variant and seed (compare merging folders) the
  // first read counts, as in compare_runs.
  std::stable_sort(runs.begin(), runs.end(), [](const RunMap& a, const RunMap& b) {
    return a.variant != b.variant ? a.variant < b.variant : a.seed < b.seed;
  });
  std::map<std::string, std::vector<const RunMap*>> by_variant;  // by seed
  for (const RunMap& r : runs) {
    std::vector<const RunMap*>& vr = by_variant[r.variant];
    if (!vr.empty() && vr.back()->seed == r.seed) continue;  // a duplicate: the first counts
    vr.push_back(&r);
  }
  const auto base = by_variant.find(kBaseVariant);
  if (base == by_variant.end()) throw std::runtime_error("no run of the base plan finished");
  MapComparison c;
  const RunMap& first = *base->second.front();
  c.crs_wkt = first.crs_wkt;
  for (const std::string kind : {"homes", "zones"}) {
    std::map<std::string, VariantRuns> kind_runs;
    for (const auto& [v, vr] : by_variant) {
      VariantRuns k;
      k.runs = vr;
      for (const RunMap* r : vr) k.index.push_back(index_of(layer_of(*r, kind)));
      kind_runs.emplace(v, std::move(k));
    }
    for (const std::string& v : variants) {
      const auto own = kind_runs.find(v);
      if (own == kind_runs.end()) continue;  // no run of it finished
      c.layers.push_back(
          compare_layer(kind, v, own->second, kind_runs.at(kBaseVariant), layer_of(first, kind)));
    }
  }
  return c;
}

std::string write_map_comparison(const fs::path& dir, std::vector<RunMap> runs,
                                 const std::vector<std::string>& variants) {
  const fs::path path = dir / kComparisonGpkg;
  std::string why;
  if (std::none_of(runs.begin(), runs.end(), [](const RunMap& r) { return r.variant == kBaseVariant; }))
    why = "no run of the base plan finished";
  MapComparison c;
  if (why.empty()) {
    c = compare_maps(std::move(runs), variants);
    if (c.crs_wkt.empty()) why = "the map has no CRS (a micro scenario)";
  }
  if (!why.empty()) {
    std::error_code ec;
    fs::remove(path, ec);  // an older one would not match this comparison
    return "no " + std::string(kComparisonGpkg) + ": " + why;
  }
  maps::write_comparison_gpkg(path.string(), c.crs_wkt, c.layers);
  return path.string();
}

}  // namespace ss::batch
