#pragma once
// Runs a batch's runs as child processes (`safestreet run ...`), K at a time. A run
// that crashes, fails, is killed or runs over its time only ends itself; its stderr
// is kept in its log file so the batch can report why. Runs end with the batch: a
// batch killed with SIGKILL leaves none behind (end_with_batch_parent()).
#include <sys/types.h>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "batch/run_plan.hpp"

namespace ss::batch {

struct RunResult {
  RunSpec spec;
  bool ok = false;
  bool interrupted = false;  // stopped by the batch on SIGINT/SIGTERM, not failed
  bool timed_out = false;    // killed by the batch after the run timeout: failed
  std::string error;         // why it failed: the last error line of its log, the signal or the timeout
  double seconds = 0;        // wall-clock
};

// Seconds left for a pool of `jobs` workers: runs not started take `mean_s` each, a
// running one what is left of `mean_s` after its `elapsed` (at least nothing), all
// shared over the workers that can still be busy. Between finished runs it counts down
// with the running runs' elapsed time, so a progress line never stands still.
double estimate_eta(double mean_s, std::size_t not_started, const std::vector<double>& elapsed,
                    std::size_t jobs);

struct PoolProgress {
  std::size_t total = 0, done = 0, running = 0, failed = 0;
  double eta_s = -1;  // estimated seconds left; < 0 while unknown
};

// Installs SIGINT and SIGTERM handlers for its lifetime that only raise a flag
// (stop_requested()), so the batch can stop launching, end its children and keep
// every finished run. The previous handlers come back on destruction.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  [[nodiscard]] static bool stop_requested();
  [[nodiscard]] static int signal_received();  // 0 when none
};

// The safestreet executable to start runs with (this process's own binary).
std::string own_executable();

// The environment variable through which a batch gives its runs its own pid.
inline constexpr const char* kBatchParentEnv = "SAFESTREET_BATCH_PARENT";

// Called by `safestreet run` before anything else. When the run was started by a
// batch (kBatchParentEnv holds the batch's pid), the kernel is asked to SIGKILL it
// when the batch process ends (prctl PR_SET_PDEATHSIG), and it ends at once if the
// batch has already ended (it then has another parent). So a batch killed with
// SIGKILL leaves no run behind that would go on writing into the batch folder while
// the resumed batch redoes that run. Throws ss::InputError for a value that is not a
// pid.
void end_with_batch_parent();

// "timed out after 0.05 s": the reason a run over its time is reported with.
std::string timeout_reason(double run_timeout_s);

// Flood-solver threads for each of `jobs` runs side by side on a machine with
// `hardware_threads`: the threads shared out, at least 1, so that the runs together
// do not ask for more threads than the machine has.
int flood_threads_per_run(std::size_t jobs, unsigned hardware_threads);

// Runs every spec with `exe run SCENARIO [--variant V] --seed S --out DIR --quiet
// --flood-threads T` (or its own RunSpec::command),
// at most `jobs` at a time, creating DIR's parent first. Returns one result per spec
// in the order given (interrupted runs included). A run still going `run_timeout_s`
// seconds (wall clock) after it started is killed with SIGKILL and fails with
// timeout_reason() (no limit when empty). On a stop request it launches no more
// runs, sends SIGTERM to the running ones, waits for them and removes their staging
// folders; so it does for a run that failed or timed out. `on_progress` is called
// after every change and about every 0.2 s. A run's log file is deleted when it
// succeeds.
// The pool itself: runs every spec in a process that `launch` starts (and returns the
// pid of), as run_processes describes.
std::vector<RunResult> run_pool(const std::vector<RunSpec>& specs, std::size_t jobs,
                                std::optional<double> run_timeout_s,
                                const std::function<void(const PoolProgress&)>& on_progress,
                                const std::function<pid_t(const RunSpec&)>& launch);

// Starts spec's run as a forked copy of this process that calls `body` and exits with
// its return value: stdin from /dev/null, stdout and stderr into spec.log, default
// SIGINT/SIGTERM, killed when this process ends (as end_with_batch_parent()). The
// child has this process's memory, so a model loaded here once serves every run
// (copy-on-write). Only for a process without other threads and without MPI (see
// run_processes).
pid_t fork_run(const RunSpec& spec, const std::function<int()>& body);

std::vector<RunResult> run_processes(const std::string& exe, const std::string& scenario,
                                     const std::vector<RunSpec>& specs, std::size_t jobs,
                                     std::optional<double> run_timeout_s,
                                     const std::function<void(const PoolProgress&)>& on_progress,
                                     int flood_threads = 1);

}  // namespace ss::batch
