// `safestreet batch`: every plan variant × seed of a scenario as separate runs, K at
// a time (or spread over MPI ranks), then the comparison of the variants.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>

#include "batch/comparison.hpp"
#include "batch/comparison_files.hpp"
#include "batch/failed_runs.hpp"
#include "batch/map_comparison.hpp"
#include "batch/mpi_batch.hpp"
#include "batch/process_pool.hpp"
#include "batch/run_pipeline.hpp"
#include "batch/run_plan.hpp"
#include "batch/run_record.hpp"
#include "batch/summary_table.hpp"
#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "engine/core/input_error.hpp"
#include "i18n/error_text.hpp"
#include "output/format.hpp"

namespace ss::cli {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ','))
    if (!part.empty()) parts.push_back(part);
  return parts;
}

// "--shard i/N" with 0 <= i < N.
std::pair<std::size_t, std::size_t> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  try {
    if (slash == std::string::npos) throw std::invalid_argument(text);
    const long i = std::stol(text.substr(0, slash)), n = std::stol(text.substr(slash + 1));
    if (i < 0 || n < 1 || i >= n) throw std::out_of_range(text);
    return {static_cast<std::size_t>(i), static_cast<std::size_t>(n)};
  } catch (const std::logic_error&) {
    throw InputError("command line", 0, "--shard",
                     "expected i/N with 0 <= i < N (e.g. 0/4), got \"" + text + "\"");
  }
}

// "--run-timeout SECONDS": a positive, finite number of seconds.
double parse_run_timeout(const std::string& text) {
  double seconds = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(seconds) ||
      seconds <= 0)
    throw InputError("command line", 0, "--run-timeout",
                     "expected a positive number of seconds (e.g. 600 or 0.5), got \"" + text + "\"");
  return seconds;
}

std::string progress_label(const batch::PoolProgress& p) {
  std::string s = std::to_string(p.done) + "/" + std::to_string(p.total) + " done, " +
                  std::to_string(p.running) + " running, " + std::to_string(p.failed) + " failed";
  if (p.eta_s >= 0) s += ", ETA " + format_clock(p.eta_s);
  return s;
}

// Records of the finished runs among `runs`; unreadable ones are reported and left out.
std::vector<batch::RunRecord> read_records(const batch::BatchPlan& plan,
                                           const std::vector<batch::RunSpec>& runs) {
  std::vector<batch::RunRecord> records;
  for (const batch::RunSpec& r : runs) {
    if (!batch::is_complete_run(r.dir, plan.scenario_name, r.variant, r.seed)) continue;
    try {
      records.push_back(batch::read_run_folder(r.dir));
    } catch (const std::exception& e) {
      std::cerr << "warning: left out of the comparison: " << e.what() << "\n";
    }
  }
  return records;
}

// What comparison.gpkg needs of the finished runs among `runs` (their results.gpkg);
// a run whose file cannot be read is reported and left out of it.
std::vector<batch::RunMap> read_maps(const batch::BatchPlan& plan, const std::vector<batch::RunSpec>& runs) {
  std::vector<batch::RunMap> maps;
  for (const batch::RunSpec& r : runs) {
    if (!batch::is_complete_run(r.dir, plan.scenario_name, r.variant, r.seed)) continue;
    try {
      maps.push_back(batch::read_run_map(r.dir, r.variant, r.seed, r.variant == batch::kBaseVariant));
    } catch (const std::exception& e) {
      std::cerr << "warning: left out of " << batch::kComparisonGpkg << ": " << e.what() << "\n";
    }
  }
  return maps;
}

// Every rank's maps on rank 0 (the others get none), as JSON text like their records.
std::vector<batch::RunMap> gather_maps(std::vector<batch::RunMap> mine, const batch::MpiSession* mpi) {
  if (!mpi) return mine;
  nlohmann::json list = nlohmann::json::array();
  for (const batch::RunMap& m : mine) list.push_back(batch::run_map_json(m));
  std::vector<batch::RunMap> all;
  for (const std::string& part : mpi->gather_text(list.dump()))
    for (const auto& m : nlohmann::json::parse(part)) all.push_back(batch::run_map_from_json(m));
  return all;
}

// Every rank's failed runs on rank 0 (the others get their own), in the plan's order.
std::vector<batch::FailedRun> all_failures(const batch::BatchPlan& plan, std::vector<batch::FailedRun> mine,
                                           const batch::MpiSession* mpi) {
  if (!mpi) return mine;
  std::vector<batch::FailedRun> all;
  for (const std::string& part : mpi->gather_text(batch::failed_runs_json(mine).dump())) {
    const std::vector<batch::FailedRun> theirs = batch::failed_runs_from_json(nlohmann::json::parse(part));
    all.insert(all.end(), theirs.begin(), theirs.end());
  }
  auto position = [&](const batch::FailedRun& f) {
    return std::find_if(plan.runs.begin(), plan.runs.end(),
                        [&](const batch::RunSpec& r) { return r.variant == f.variant && r.seed == f.seed; }) -
           plan.runs.begin();
  };
  std::stable_sort(all.begin(), all.end(), [&](const batch::FailedRun& a, const batch::FailedRun& b) {
    return position(a) < position(b);
  });
  return all;
}

// Starts the batch's runs as forked copies of this process, which loads each variant's
// model once (when its first run starts) and keeps it while runs of it are still to
// start: a town's map import is then paid once per variant, not once per run. A run
// is still a process of its own (a crash, a timeout or a kill ends only it), and its
// outputs are those of `safestreet run` on the same scenario, variant and seed: the
// same run_command on a model assembled by the same code.
class ForkLauncher {
 public:
  ForkLauncher(const batch::BatchPlan& plan, const std::vector<batch::RunSpec>& runs, int flood_threads)
      : plan_(plan), flood_threads_(flood_threads) {
    for (const batch::RunSpec& r : runs) ++to_start_[r.variant];
  }

  pid_t operator()(const batch::RunSpec& spec) {
    RunOptions opt;
    opt.scenario = plan_.scenario_path;
    opt.variant = spec.variant == batch::kBaseVariant ? std::string() : spec.variant;
    opt.seed = spec.seed;
    opt.out = spec.dir.string();
    opt.quiet = true;
    opt.flood_threads = std::max(1, flood_threads_);
    const Loaded loaded = load(opt);  // a copy: the last run of a variant lets the model go
    if (--to_start_[spec.variant] == 0) loaded_.erase(spec.variant);
    return batch::fork_run(spec, [&] {
      if (!loaded.error.empty()) {  // as `safestreet run` would have failed, in the run's log
        std::cerr << "error: " << loaded.error << "\n";
        return loaded.exit_code;
      }
      opt.preloaded = loaded.scenario;
      return with_error_reporting([&] { return run_command(opt); });
    });
  }

 private:
  struct Loaded {
    std::shared_ptr<const batch::LoadedScenario> scenario;
    std::string error;  // why it could not be loaded
    int exit_code = kExitOk;
  };

  Loaded& load(const RunOptions& opt) {
    const auto [it, fresh] = loaded_.try_emplace(opt.variant.empty() ? batch::kBaseVariant : opt.variant);
    if (!fresh) return it->second;
    try {
      batch::RunRequest req;
      req.scenario = opt.scenario;
      req.variant = opt.variant;
      req.flood_threads = opt.flood_threads;  // a setting of the model: as `run --flood-threads` sets it
      it->second.scenario = std::make_shared<const batch::LoadedScenario>(batch::load_run_scenario(req));
    } catch (const InputError& e) {
      it->second.error = i18n::error_text(e);  // as with_error_reporting prints it
      it->second.exit_code = kExitBadInput;
    } catch (const std::exception& e) {
      it->second.error = i18n::error_text(e);
      it->second.exit_code = kExitFailure;
    }
    return it->second;
  }

  const batch::BatchPlan& plan_;
  int flood_threads_ = 1;  // each run's flood-solver threads (batch::flood_threads_per_run)
  std::map<std::string, std::size_t> to_start_;  // runs not yet started, by variant
  std::map<std::string, Loaded> loaded_;         // by variant
};

int run_batch(const BatchOptions& opt, const batch::BatchPlan& plan, const batch::MpiSession* mpi,
              std::optional<double> run_timeout_s) {
  std::vector<batch::RunSpec> mine = plan.runs;
  std::optional<std::pair<std::size_t, std::size_t>> shard;
  if (mpi)
    shard = {{static_cast<std::size_t>(mpi->rank()), static_cast<std::size_t>(mpi->size())}};
  else if (!opt.shard.empty())
    shard = parse_shard(opt.shard);
  if (shard) mine = batch::shard_of(plan.runs, shard->first, shard->second);
  const bool lead = !mpi || mpi->rank() == 0;

  batch::claim_output_folder(plan);
  batch::remove_leftovers(mine);
  const std::vector<batch::RunSpec> pending = batch::unfinished_runs(plan, mine);
  const std::size_t jobs = std::max<std::size_t>(1, opt.jobs);
  if (!opt.quiet) {
    std::string who = mpi ? "rank " + std::to_string(mpi->rank()) + "/" + std::to_string(mpi->size()) + ": "
                      : shard ? "shard " + opt.shard + ": "
                              : "";
    const std::string limit =
        run_timeout_s ? ", each within " + output::format_number(*run_timeout_s) + " s" : std::string();
    std::fprintf(
        stderr,
        "%s%zu variants x %zu seeds: %zu runs here, %zu already finished, %zu to run, %zu at a time%s\n",
        who.c_str(), plan.variants.size(), plan.seeds.size(), mine.size(), mine.size() - pending.size(),
        pending.size(), jobs, limit.c_str());
  }

  // The runs side by side share the machine's threads for their floods: with as many
  // jobs as cores each run's flood has one thread. MPI ranks may share a machine
  // without knowing it: their runs use one.
  const int flood_threads = mpi ? 1 : batch::flood_threads_per_run(jobs, std::thread::hardware_concurrency());
  std::vector<batch::RunResult> results;
  int signal = 0;
  {
    batch::InterruptGuard guard;
    ProgressBar bar(!opt.quiet);
    auto progress = [&](const batch::PoolProgress& p) {
      bar.update(p.total ? static_cast<double>(p.done) / p.total : 1.0, progress_label(p));
    };
    // MPI libraries may not survive fork (registered memory): an MPI rank starts its
    // runs with posix_spawn, each loading the scenario itself.
    if (mpi || opt.load_per_run) {
      results = batch::run_processes(batch::own_executable(), plan.scenario_path, pending, jobs,
                                     run_timeout_s, progress, flood_threads);
    } else {
      ForkLauncher launch(plan, pending, flood_threads);
      results = batch::run_pool(pending, jobs, run_timeout_s, progress, std::ref(launch));
    }
    bar.finish();
    signal = batch::InterruptGuard::signal_received();
  }
  long interrupted = 0;
  std::vector<batch::FailedRun> failures;
  for (const batch::RunResult& r : results) {
    if (r.interrupted)
      ++interrupted;
    else if (!r.ok) {
      std::cerr << "failed: " << r.spec.variant << " seed " << r.spec.seed << ": " << r.error
                << " (log: " << r.spec.log.string() << ")\n";
      failures.push_back(
          {r.spec.variant, r.spec.seed, r.error, r.spec.log.lexically_relative(plan.out).string()});
    }
  }
  std::vector<batch::RunRecord> records = read_records(plan, mine);
  std::vector<batch::RunMap> maps =
      gather_maps(shard && !mpi ? std::vector<batch::RunMap>{} : read_maps(plan, mine), mpi);
  long failed = static_cast<long>(failures.size());
  if (mpi) {
    records = mpi->gather(records);
    failed = mpi->sum(failed);
    interrupted = mpi->sum(interrupted);
  }
  failures = all_failures(plan, std::move(failures), mpi);
  if (interrupted > 0) {
    if (lead)
      std::cerr << "interrupted: finished runs are kept; run the same command again to do the remaining "
                << interrupted << "\n";
    return 128 + (signal ? signal : 2);  // shell convention for "ended by signal N"
  }
  if (!lead) return failed ? kExitFailure : kExitOk;
  if (shard && !mpi) {
    std::cout << "shard " << opt.shard << ": " << records.size() << " runs finished in " << plan.out.string()
              << "; merge the shards with `safestreet compare`\n";
    return failed ? kExitFailure : kExitOk;
  }
  // What a batch killed while writing these files left (every rank is past writing
  // batch.json by now).
  batch::remove_stale_temporaries(plan.out);
  batch::write_failed_runs(plan.out, failures);
  const std::string failed_text = std::to_string(failed) + " run(s) failed, listed with why in " +
                                  (plan.out / batch::kFailedRunsFile).string() +
                                  "; the same command again redoes only them\n";
  if (records.empty()) {
    std::cerr << "error: no run finished, so there is nothing to compare\n";
    if (failed) std::cerr << failed_text;
    return kExitFailure;
  }
  std::vector<batch::RunKey> expected;
  for (const batch::RunSpec& r : plan.runs) expected.push_back({r.variant, r.seed});
  const batch::Comparison c = batch::compare_runs(std::move(records), expected);
  batch::write_comparison(plan.out, c);
  const std::string map_file = batch::write_map_comparison(plan.out, std::move(maps), c.variants);
  if (!opt.quiet) {
    batch::print_summary_table(std::cout, c);
    std::cout << "results          " << (plan.out / "comparison.csv").string() << ", report.html\n";
    std::cout << "map              " << map_file << "\n";
  }
  if (failed) std::cerr << failed_text;
  return failed ? kExitFailure : kExitOk;
}

}  // namespace

int batch_command(const BatchOptions& opt) {
  if (opt.mpi && !opt.shard.empty())
    throw InputError("command line", 0, "--shard", "use either --mpi or --shard, not both");
  if (opt.jobs == 0) throw InputError("command line", 0, "--jobs", "at least one job is needed");
  std::vector<std::uint64_t> seeds = opt.seed_list;
  if (seeds.empty()) {
    if (opt.seeds == 0) throw InputError("command line", 0, "--seeds", "at least one seed is needed");
    seeds = batch::seeds_one_to(opt.seeds);
  }
  std::optional<double> run_timeout_s;
  if (opt.run_timeout) run_timeout_s = parse_run_timeout(*opt.run_timeout);
  std::string out = opt.out;
  if (out.empty()) out = "out/" + fs::path(opt.scenario).stem().string() + "-batch";
  // Every input problem is reported here, before MPI starts or any run begins.
  const batch::BatchPlan plan = batch::plan_batch(opt.scenario, split_commas(opt.variants), seeds, out);
  if (!opt.mpi) return run_batch(opt, plan, nullptr, run_timeout_s);

  batch::MpiSession mpi;
  try {
    return run_batch(opt, plan, &mpi, run_timeout_s);
  } catch (const std::exception& e) {
    // Other ranks may be waiting in a collective call: end the whole job.
    std::cerr << "error: rank " << mpi.rank() << ": " << e.what() << "\n";
    mpi.abort(kExitFailure);
  }
}

}  // namespace ss::cli
