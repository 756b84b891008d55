// `safestreet compare DIR...`: rebuilds comparison.json, comparison.csv and
// report.html from run folders, e.g. to merge batches or shards run on different
// machines.
#include <iostream>

#include "batch/comparison.hpp"
#include "batch/comparison_files.hpp"
#include "batch/run_record.hpp"
#include "batch/summary_table.hpp"
#include "cli/commands.hpp"
#include "engine/core/input_error.hpp"

namespace ss::cli {

int compare_command(const CompareOptions& opt) {
  if (opt.dirs.empty()) throw InputError("command line", 0, "DIR", "name at least one batch folder");
  std::vector<batch::RunRecord> records;
  std::size_t unreadable = 0;
  for (const std::string& dir : opt.dirs) {
    std::vector<std::filesystem::path> runs;
    try {
      runs = batch::find_run_folders(dir);
    } catch (const std::runtime_error& e) {
      throw InputError(dir, 0, "DIR", e.what());
    }
    for (const auto& run : runs) {
      try {
        records.push_back(batch::read_run_folder(run));
      } catch (const std::exception& e) {
        std::cerr << "warning: left out: " << e.what() << "\n";
        ++unreadable;
      }
    }
  }
  if (records.empty()) throw InputError(opt.dirs.front(), 0, "DIR", "no finished run folders (<variant>/seed-<S>/summary.json)");
  const std::size_t read = records.size();
  const batch::Comparison c = batch::compare_runs(std::move(records));
  for (const std::string& d : c.duplicates) std::cerr << "duplicate run left out: " << d << "\n";
  const std::string out = opt.out.empty() ? opt.dirs.front() : opt.out;
  batch::write_comparison(out, c);
  if (!opt.quiet) {
    std::cout << read << " runs read from " << opt.dirs.size() << " folder(s)";
    if (unreadable) std::cout << ", " << unreadable << " unreadable";
    std::cout << "\n";
    batch::print_summary_table(std::cout, c);
    std::cout << "results          " << out << "/comparison.csv, comparison.json, report.html\n";
  }
  return unreadable ? kExitProblems : kExitOk;
}

}  // namespace ss::cli
