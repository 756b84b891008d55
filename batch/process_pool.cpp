#include "batch/process_pool.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "batch/run_record.hpp"
#include "engine/core/input_error.hpp"
#include "output/format.hpp"

extern char** environ;

namespace ss::batch {
namespace fs = std::filesystem;
namespace {

// Signal handlers may only touch lock-free atomics / sig_atomic_t (C++20 [support.signal]).
volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_stop_signal(int sig) { g_signal = sig; }

struct Running {
  pid_t pid = 0;
  std::size_t index = 0;  // into specs
  std::chrono::steady_clock::time_point start{};
  bool timed_out = false;  // SIGKILL sent for running over the run timeout
};

// This process's environment with kBatchParentEnv set to its pid, for its runs.
std::vector<std::string> run_environment() {
  const std::string prefix = std::string(kBatchParentEnv) + "=";
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e)
    if (std::strncmp(*e, prefix.c_str(), prefix.size()) != 0) env.emplace_back(*e);
  env.push_back(prefix + std::to_string(::getpid()));
  return env;
}

// The last line that starts with "error:" (what `safestreet run` prints), else the
// last non-empty line of the log.
std::string error_from_log(const fs::path& log) {
  std::ifstream in(log);
  std::string line, last, last_error;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    last = line;
    if (line.rfind("error:", 0) == 0) last_error = line.substr(6 + (line.size() > 6 && line[6] == ' '));
  }
  return !last_error.empty() ? last_error : last;
}

pid_t spawn_run(const std::string& exe, const std::string& scenario, const RunSpec& spec,
                std::vector<std::string>& env, int flood_threads) {
  std::error_code ec;
  fs::create_directories(spec.dir.parent_path(), ec);
  if (ec)
    throw std::runtime_error("cannot create '" + spec.dir.parent_path().string() + "': " + ec.message());
  std::vector<std::string> args{exe};
  if (!spec.command.empty()) {
    args.insert(args.end(), spec.command.begin(), spec.command.end());
  } else {
    args.insert(args.end(), {"run", scenario});
    if (spec.variant != kBaseVariant) args.insert(args.end(), {"--variant", spec.variant});
    args.insert(args.end(), {"--seed", std::to_string(spec.seed), "--out", spec.dir.string(), "--quiet",
                             "--flood-threads", std::to_string(std::max(1, flood_threads))});
  }
  std::vector<char*> argv, envp;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (std::string& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDERR_FILENO, spec.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0666);
  posix_spawn_file_actions_adddup2(&files, STDERR_FILENO, STDOUT_FILENO);
  // The child starts with default SIGINT/SIGTERM dispositions whatever ours are.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  // posix_spawn rather than fork, after which the batch could tie the child to itself
  // (prctl) before exec: glibc's posix_spawn does not copy this process's memory,
  // which MPI libraries with registered (RDMA) memory need. The run ties itself to
  // the batch instead (end_with_batch_parent).
  const int rc = posix_spawn(&pid, exe.c_str(), &files, &attr, argv.data(), envp.data());
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&files);
  if (rc != 0) throw std::runtime_error("cannot start '" + exe + "': " + std::strerror(rc));
  return pid;
}

// What a run killed mid-write leaves: its staging folder DIR.tmp-<pid> (see
// output/staged_directory.hpp) and a half-moved DIR.old-<pid>.
void remove_staging(const RunSpec& spec, pid_t pid) {
  std::error_code ec;
  fs::remove_all(spec.dir.string() + ".tmp-" + std::to_string(pid), ec);
  fs::remove_all(spec.dir.string() + ".old-" + std::to_string(pid), ec);
}

}  // namespace

InterruptGuard::InterruptGuard() {
  g_signal = 0;
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

InterruptGuard::~InterruptGuard() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

void end_with_batch_parent() {
  const char* text = std::getenv(kBatchParentEnv);
  if (!text) return;
  const std::string_view value(text);
  long parent = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parent);
  if (ec != std::errc() || end != value.data() + value.size() || parent < 1)
    throw InputError(
        "environment", 0, kBatchParentEnv,
        "expected the process id of the batch that started this run, got \"" + std::string(value) + "\"");
  if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
    throw std::runtime_error(std::string("cannot tie this run to its batch (prctl): ") +
                             std::strerror(errno));
  // The batch may have ended before prctl: the run then has another parent already.
  if (::getppid() != static_cast<pid_t>(parent)) {
    std::cerr << "error: the batch that started this run (" << kBatchParentEnv << "=" << parent
              << ") has ended\n";
    ::raise(SIGKILL);
  }
}

std::string timeout_reason(double run_timeout_s) {
  return "timed out after " + output::format_number(run_timeout_s) + " s";
}

bool InterruptGuard::stop_requested() { return g_signal != 0; }
int InterruptGuard::signal_received() { return g_signal; }

std::string own_executable() {
  std::error_code ec;
  const fs::path p = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot find the safestreet executable (/proc/self/exe): " + ec.message());
  return p.string();
}

double estimate_eta(double mean_s, std::size_t not_started, const std::vector<double>& elapsed,
                    std::size_t jobs) {
  double work = mean_s * static_cast<double>(not_started);
  for (const double e : elapsed) work += std::max(0.0, mean_s - e);
  const std::size_t busy =
      std::min(std::max<std::size_t>(jobs, 1), std::max<std::size_t>(not_started + elapsed.size(), 1));
  return work / static_cast<double>(busy);
}

int flood_threads_per_run(std::size_t jobs, unsigned hardware_threads) {
  const std::size_t share = static_cast<std::size_t>(hardware_threads) / std::max<std::size_t>(jobs, 1);
  return static_cast<int>(std::clamp<std::size_t>(share, 1, 256));
}

std::vector<RunResult> run_processes(const std::string& exe, const std::string& scenario,
                                     const std::vector<RunSpec>& specs, std::size_t jobs,
                                     std::optional<double> run_timeout_s,
                                     const std::function<void(const PoolProgress&)>& on_progress,
                                     int flood_threads) {
  std::vector<std::string> env = run_environment();
  return run_pool(specs, jobs, run_timeout_s, on_progress,
                  [&](const RunSpec& spec) { return spawn_run(exe, scenario, spec, env, flood_threads); });
}

pid_t fork_run(const RunSpec& spec, const std::function<int()>& body) {
  std::error_code ec;
  fs::create_directories(spec.dir.parent_path(), ec);
  if (ec)
    throw std::runtime_error("cannot create '" + spec.dir.parent_path().string() + "': " + ec.message());
  // Nothing buffered may be written twice, once by each process.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("cannot start a run (fork): ") + std::strerror(errno));
  if (pid > 0) return pid;
  // The child: what posix_spawn and end_with_batch_parent() do for a started run.
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent) ::_exit(1);
  ::prctl(PR_SET_NAME, "safestreet-run");  // what ps -e and top show for it (15 characters at most)
  const int in = ::open("/dev/null", O_RDONLY);
  const int log = ::open(spec.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if (in < 0 || log < 0 || ::dup2(in, STDIN_FILENO) < 0 || ::dup2(log, STDERR_FILENO) < 0 ||
      ::dup2(log, STDOUT_FILENO) < 0)
    ::_exit(1);
  ::close(in);
  ::close(log);
  int code = 1;  // failed; `body` reports its errors itself, this is the last resort
  try {
    code = body();
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  // No exit handlers or static destructors: they belong to the batch process.
  ::_exit(code);
}

std::vector<RunResult> run_pool(const std::vector<RunSpec>& specs, std::size_t jobs,
                                std::optional<double> run_timeout_s,
                                const std::function<void(const PoolProgress&)>& on_progress,
                                const std::function<pid_t(const RunSpec&)>& launch) {
  using clock = std::chrono::steady_clock;
  if (jobs == 0) jobs = 1;
  std::vector<RunResult> results(specs.size());
  std::vector<Running> running;
  std::size_t next = 0;
  PoolProgress progress;
  progress.total = specs.size();
  double finished_seconds = 0;  // summed over successful runs, for the ETA
  std::size_t finished_ok = 0;
  auto report = [&] {
    progress.running = running.size();
    if (finished_ok > 0) {
      std::vector<double> elapsed;
      const auto now = clock::now();
      for (const Running& r : running)
        elapsed.push_back(std::chrono::duration<double>(now - r.start).count());
      progress.eta_s = estimate_eta(finished_seconds / static_cast<double>(finished_ok), specs.size() - next,
                                    elapsed, jobs);
    }
    if (on_progress) on_progress(progress);
  };
  auto last_report = clock::now();

  while (next < specs.size() || !running.empty()) {
    const bool stopping = InterruptGuard::stop_requested();
    if (stopping) {
      for (const Running& r : running) ::kill(r.pid, SIGTERM);
    } else {
      while (next < specs.size() && running.size() < jobs) {
        results[next].spec = specs[next];
        running.push_back({launch(specs[next]), next, clock::now()});
        ++next;
        report();
      }
    }
    if (stopping && next < specs.size()) {
      for (; next < specs.size(); ++next) {
        results[next].spec = specs[next];
        results[next].interrupted = true;
        results[next].error = "not started: batch interrupted";
      }
    }
    if (run_timeout_s && !stopping) {
      // SIGKILL at once, without a SIGTERM first: a run has nothing to save (its
      // outputs are staged, and published only whole) and no handler that would make
      // SIGTERM end it differently; the batch removes its staging folder below.
      const auto now = clock::now();
      for (Running& r : running)
        if (!r.timed_out && std::chrono::duration<double>(now - r.start).count() > *run_timeout_s) {
          ::kill(r.pid, SIGKILL);
          r.timed_out = true;
        }
    }
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, WNOHANG);
    if (pid <= 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (clock::now() - last_report > std::chrono::milliseconds(200)) {
        last_report = clock::now();
        report();
      }
      continue;
    }
    const auto it =
        std::find_if(running.begin(), running.end(), [&](const Running& r) { return r.pid == pid; });
    if (it == running.end()) continue;  // not one of ours
    RunResult& res = results[it->index];
    res.seconds = std::chrono::duration<double>(clock::now() - it->start).count();
    res.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    std::error_code ec;
    if (res.ok) {
      fs::remove(res.spec.log, ec);
      finished_seconds += res.seconds;
      ++finished_ok;
    } else {
      remove_staging(res.spec, pid);
      res.interrupted = stopping;
      res.timed_out = it->timed_out && !stopping;
      if (res.timed_out) {
        res.error = timeout_reason(*run_timeout_s);
      } else if (WIFSIGNALED(status)) {
        res.error = std::string("killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
                    strsignal(WTERMSIG(status)) + ")";
        const std::string logged = error_from_log(res.spec.log);
        if (!logged.empty() && !stopping) res.error += ": " + logged;
      } else {
        res.error = error_from_log(res.spec.log);
        if (res.error.empty()) res.error = "exit code " + std::to_string(WEXITSTATUS(status));
      }
      if (stopping)
        fs::remove(res.spec.log, ec);  // an interrupted run is redone, not a failure to explain
      else
        ++progress.failed;
    }
    ++progress.done;
    running.erase(it);
    report();
  }
  return results;
}

}  // namespace ss::batch
