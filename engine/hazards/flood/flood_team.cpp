#include "engine/hazards/flood/flood_team.hpp"

#include <algorithm>

namespace ss {

FloodTeam::FloodTeam(int members) : members_(std::max(1, members)), barrier_(std::max(1, members)) {
  threads_.reserve(static_cast<std::size_t>(members_ - 1));
  for (int m = 1; m < members_; ++m) threads_.emplace_back([this, m] { work(m); });
}

FloodTeam::~FloodTeam() {
  stop_ = true;
  barrier_.arrive_and_wait();  // releases the members waiting for a job
  for (std::thread& t : threads_) t.join();
}

void FloodTeam::work(int member) {
  for (;;) {
    barrier_.arrive_and_wait();  // start of a job (or the end)
    if (stop_) return;
    (*job_)(member);
    barrier_.arrive_and_wait();  // end of the job
  }
}

void FloodTeam::run(const std::function<void(int)>& fn) {
  job_ = &fn;
  barrier_.arrive_and_wait();
  fn(0);
  barrier_.arrive_and_wait();
  job_ = nullptr;
}

int flood_threads(int setting) {
  if (setting > 0) return setting;
  const unsigned hw = std::thread::hardware_concurrency();
  return std::clamp(static_cast<int>(hw), 1, kMaxAutoFloodThreads);
}

}  // namespace ss
