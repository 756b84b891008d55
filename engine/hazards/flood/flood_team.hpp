#pragma once
// A fixed team of threads for the flood solver's row bands. Member 0 is the calling
// thread; the others are started once and wait between jobs. A job runs fn(member)
// on every member at once, and fn may call sync() to wait until every member has
// reached the same point (a barrier): the solver's phases within a sub-step. Which
// member does which band is fixed by the caller, and the work of a band does not
// depend on the member or the timing, so results are the same for every team size
// (docs/flood.md, "Threads").
//
// No new dependency: std::thread and the C++20 std::barrier, which waits in the
// kernel (futex) after a short spin rather than burning a core that the machine's
// other work may need.
#include <barrier>
#include <functional>
#include <thread>
#include <vector>

namespace ss {

class FloodTeam {
 public:
  // Starts members − 1 threads (members ≥ 1).
  explicit FloodTeam(int members);
  ~FloodTeam();
  FloodTeam(const FloodTeam&) = delete;
  FloodTeam& operator=(const FloodTeam&) = delete;

  [[nodiscard]] int size() const { return members_; }
  // Runs fn(member) on every member and returns when all have returned. Every member
  // must call sync() the same number of times.
  void run(const std::function<void(int)>& fn);
  void sync() { barrier_.arrive_and_wait(); }

 private:
  void work(int member);
  int members_ = 1;
  bool stop_ = false;  // set by the destructor before the last start
  const std::function<void(int)>* job_ = nullptr;
  std::barrier<> barrier_;
  std::vector<std::thread> threads_;
};

// Threads a flood uses when its setting is 0 (automatic): the machine's hardware
// threads, at most kMaxAutoFloodThreads (a sub-step streams about 100 bytes a cell;
// beyond a few cores the memory bus, not the arithmetic, sets the pace).
inline constexpr int kMaxAutoFloodThreads = 8;
int flood_threads(int setting);

}  // namespace ss
