// `safestreet compare DIR...`: rebuilds comparison.json, comparison.csv and
// report.html from run folders, e.g. to merge batches or shards run on different
// machines; or, given two single run folders (as `safestreet run` writes them), says
// how the two runs differ.
#include <filesystem>
#include <iostream>

#include "batch/comparison.hpp"
#include "batch/comparison_files.hpp"
#include "batch/map_comparison.hpp"
#include "batch/run_pair.hpp"
#include "batch/run_record.hpp"
#include "batch/summary_table.hpp"
#include "batch/variant_descriptions.hpp"
#include "cli/commands.hpp"
#include "engine/core/input_error.hpp"

namespace ss::cli {
namespace fs = std::filesystem;
namespace {

// A folder holding summary.json is one run; any other folder is a batch folder.
bool is_run_folder(const std::string& dir) {
  std::error_code ec;
  return fs::is_regular_file(fs::path(dir) / "summary.json", ec);
}

std::string description_of(const std::string& dir, const std::string& variant) {
  const batch::Descriptions d = batch::find_descriptions(dir);
  const auto it = d.find(variant);
  return it != d.end() ? it->second : std::string();
}

int compare_pair(const CompareOptions& opt) {
  std::vector<batch::RunRecord> runs;
  for (const std::string& dir : opt.dirs) {
    try {
      runs.push_back(batch::read_run_folder(dir));
    } catch (const std::exception& e) {
      throw InputError(dir, 0, "summary.json", e.what());
    }
  }
  const batch::RunPair pair =
      batch::compare_two_runs(runs[0], runs[1], description_of(opt.dirs[0], runs[0].variant),
                              description_of(opt.dirs[1], runs[1].variant));
  if (!opt.out.empty()) batch::write_run_pair(opt.out, pair);
  if (!opt.quiet) {
    batch::print_run_pair(std::cout, pair);
    if (opt.out.empty())
      std::cout << "no files written (give --out DIR for comparison.csv, comparison.json, report.html)\n";
    else
      std::cout << "results          " << opt.out << "/comparison.csv, comparison.json, report.html\n";
  }
  return kExitOk;
}

}  // namespace

int compare_command(const CompareOptions& opt) {
  if (opt.dirs.empty()) throw InputError("command line", 0, "DIR", "name at least one batch or run folder");
  std::size_t run_folders = 0;
  for (const std::string& dir : opt.dirs) run_folders += is_run_folder(dir) ? 1 : 0;
  if (run_folders == 2 && opt.dirs.size() == 2) return compare_pair(opt);
  if (opt.out.empty() && is_run_folder(opt.dirs.front()))
    throw InputError(
        "command line", 0, "--out",
        "name a folder for the comparison; '" + opt.dirs.front() + "' is a run folder and is left as it is");

  std::vector<batch::RunRecord> records;
  std::vector<batch::RunMap> maps;  // for comparison.gpkg
  batch::Descriptions descriptions;
  std::size_t unreadable = 0;
  for (const std::string& dir : opt.dirs) {
    std::vector<fs::path> runs;
    if (is_run_folder(dir)) {
      runs.push_back(dir);
    } else {
      try {
        runs = batch::find_run_folders(dir);
      } catch (const std::runtime_error& e) {
        throw InputError(dir, 0, "DIR", e.what());
      }
    }
    for (const auto& run : runs) {
      try {
        records.push_back(batch::read_run_folder(run));
      } catch (const std::exception& e) {
        std::cerr << "warning: left out: " << e.what() << "\n";
        ++unreadable;
        continue;
      }
      const batch::RunRecord& r = records.back();
      try {
        maps.push_back(batch::read_run_map(run, r.variant, r.seed, r.variant == batch::kBaseVariant));
      } catch (const std::exception& e) {
        std::cerr << "warning: left out of " << batch::kComparisonGpkg << ": " << e.what() << "\n";
      }
    }
    for (const auto& [variant, text] : batch::find_descriptions(dir)) descriptions.emplace(variant, text);
  }
  if (records.empty())
    throw InputError(opt.dirs.front(), 0, "DIR", "no finished run folders (<variant>/seed-<S>/summary.json)");
  const std::size_t read = records.size();
  batch::Comparison c = batch::compare_runs(std::move(records));
  c.descriptions = std::move(descriptions);
  for (const std::string& d : c.duplicates) std::cerr << "duplicate run left out: " << d << "\n";
  const std::string out = opt.out.empty() ? opt.dirs.front() : opt.out;
  batch::write_comparison(out, c);
  const std::string map_file = batch::write_map_comparison(out, std::move(maps), c.variants);
  if (!opt.quiet) {
    std::cout << read << " runs read from " << opt.dirs.size() << " folder(s)";
    if (unreadable) std::cout << ", " << unreadable << " unreadable";
    std::cout << "\n";
    batch::print_summary_table(std::cout, c);
    std::cout << "results          " << out << "/comparison.csv, comparison.json, report.html\n";
    std::cout << "map              " << map_file << "\n";
  }
  return unreadable ? kExitProblems : kExitOk;
}

}  // namespace ss::cli
