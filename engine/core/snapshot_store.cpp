#include "engine/core/snapshot_store.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "engine/core/state_hash.hpp"

namespace ss {
namespace {

std::size_t live_count(const std::vector<JournalEntry>& journal) {
  return static_cast<std::size_t>(
      std::count_if(journal.begin(), journal.end(), [](const JournalEntry& e) { return !e.scripted; }));
}

}  // namespace

SnapshotStore::SnapshotStore(SnapshotSettings settings) : settings_(settings) {}

void SnapshotStore::reset(const Simulation& sim) {
  const double dt = sim.model().run.dt;
  interval_steps_ =
      std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(settings_.interval / dt)));
  snapshots_.clear();
  live_.clear();
  const SimState& s = sim.state();
  for (const JournalEntry& e : s.records.journal)
    if (!e.scripted) live_.push_back(e);
  cursor_ = live_.size();
  seen_ = s.records.journal.size();
  furthest_ = s.step;
  snapshots_.push_back({s.step, state_bytes(s), s});
}

std::uint64_t SnapshotStore::bytes() const {
  std::uint64_t b = 0;
  for (const Snapshot& s : snapshots_) b += s.bytes;
  return b;
}

void SnapshotStore::sync(const Simulation& sim) {
  const SimState& s = sim.state();
  const auto& journal = s.records.journal;
  for (; seen_ < journal.size(); ++seen_) {
    const JournalEntry& e = journal[seen_];
    if (e.scripted) continue;
    if (s.step < furthest_ || cursor_ < live_.size()) {
      // A new decision behind the furthest point: the run's future is another one.
      // Snapshots at this step were taken before it and stay valid.
      live_.resize(cursor_);
      const auto later = std::find_if(snapshots_.begin(), snapshots_.end(),
                                      [&](const Snapshot& x) { return x.step > s.step; });
      snapshots_.erase(later, snapshots_.end());
      furthest_ = s.step;
    }
    live_.push_back(e);
    cursor_ = live_.size();
  }
}

void SnapshotStore::reapply_due(Simulation& sim) {
  const SimState& s = sim.state();
  while (cursor_ < live_.size() && live_[cursor_].step <= s.step) {
    [[maybe_unused]] const bool ok = sim.apply(live_[cursor_].intervention);
    assert(ok && "an intervention journaled on this branch applies again");
    ++cursor_;
    seen_ = s.records.journal.size();
  }
}

void SnapshotStore::take_snapshot_if_due(const Simulation& sim) {
  const SimState& s = sim.state();
  if (s.step % interval_steps_ != 0 || (!snapshots_.empty() && snapshots_.back().step >= s.step)) return;
  snapshots_.push_back({s.step, state_bytes(s), s});
  if (static_cast<double>(bytes()) > settings_.memory_limit) thin();
}

void SnapshotStore::thin() {
  while (snapshots_.size() > 1 && static_cast<double>(bytes()) > settings_.memory_limit) {
    interval_steps_ *= 2;
    std::erase_if(snapshots_,
                  [&](const Snapshot& x) { return x.step != 0 && x.step % interval_steps_ != 0; });
  }
}

void SnapshotStore::step(Simulation& sim) {
  sync(sim);
  reapply_due(sim);
  sim.step();
  furthest_ = std::max(furthest_, sim.state().step);
  take_snapshot_if_due(sim);
}

JumpResult SnapshotStore::jump(Simulation& sim, double time_s) {
  sync(sim);
  JumpResult r;
  const double dt = sim.model().run.dt;
  const double want = time_s / dt;  // steps; NaN and negative times go to the start
  const std::uint64_t target = !(want > 0.0) ? 0
                               : want >= static_cast<double>(furthest_)
                                   ? furthest_
                                   : static_cast<std::uint64_t>(std::llround(want));
  r.from_step = sim.state().step;
  r.restored_step = r.from_step;
  auto last = std::upper_bound(snapshots_.begin(), snapshots_.end(), target,
                               [](std::uint64_t t, const Snapshot& x) { return t < x.step; });
  assert(last != snapshots_.begin() && "the first snapshot is at the run's first step");
  const Snapshot& from = *std::prev(last);
  if (!(r.from_step <= target && r.from_step >= from.step)) {
    sim.restore(from.state);
    r.restored = true;
    r.restored_step = from.step;
    cursor_ = live_count(from.state.records.journal);
    seen_ = from.state.records.journal.size();
  }
  const std::size_t before = cursor_;
  while (sim.state().step < target) {
    reapply_due(sim);
    sim.step();
    ++r.steps;
  }
  reapply_due(sim);  // those that came in at the target step itself
  r.reapplied = cursor_ - before;
  r.to_step = sim.state().step;
  return r;
}

}  // namespace ss
