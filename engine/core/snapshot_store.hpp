#pragma once
// Going back in a run: snapshots of the state taken as the run plays, so that any
// simulated time reached so far can be shown again. A jump to time t restores the
// last snapshot at or before t and steps forward to t, applying again, at the steps
// they came in, the outside interventions journaled after that snapshot (the plan's
// scripted injects apply themselves). Runs are deterministic, so the state reached
// is the one the run had at t, bit for bit, and playing on from there repeats the
// run's later interventions at their times: the same run, watched again.
//
// A new outside intervention while the run stands behind the furthest time reached
// starts a new branch, as a replay that takes another decision does: the run's
// later interventions and the snapshots after now are discarded, and the furthest
// time reached becomes now.
//
// Snapshots are whole SimState copies (Simulation::restore's input). They are taken
// every `interval` of simulated time on the steps that are multiples of it; when they
// take more than `memory_limit` bytes together, every other one is dropped and the
// interval doubles, so a long run keeps snapshots spread over all of it within the
// bound (the first, at step 0, is always kept). The GUI's timeline scrubber is the
// user (gui/timeline.cpp); nothing here depends on it.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/core/simulation.hpp"

namespace ss {

struct SnapshotSettings {
  // s of simulated time between snapshots. Measured with bench/bench_scrub on the
  // bundled town (bench/results-scrub.csv, docs/gui.md "Timeline"): a snapshot holds
  // 2.9 MB (12.4 MB with the flood's grids) and takes about 0.2 ms (1 ms) to copy or
  // restore, so a jump's cost is the steps after the snapshot; the median jump takes
  // 5 / 7 / 15 ms of CPU at 1 / 2 / 5 min (30 / 34 / 146 ms with the flood). 2 min
  // holds the town's 3-hour run in 266 MB, half of 1 min's, for about the same jumps.
  double interval = 120.0;
  // Bytes all snapshots together may hold before they are thinned (see above): the
  // flood's 3-hour run (1.1 GB at 2 min) is thinned to one snapshot every 4 min
  // (571 MB) after 2 h 10 min, the town's is not.
  double memory_limit = 768.0 * 1024 * 1024;
};

struct Snapshot {
  std::uint64_t step = 0;
  std::uint64_t bytes = 0;  // state_bytes() of the state
  SimState state;
};

// What a jump did, for the caller to show or measure.
struct JumpResult {
  std::uint64_t from_step = 0;      // the step the run stood at
  std::uint64_t to_step = 0;        // the step it stands at now
  std::uint64_t restored_step = 0;  // the snapshot restored (== from_step when none was)
  bool restored = false;            // false: stepped on from where it stood
  std::uint64_t steps = 0;          // steps taken after the restore
  std::uint64_t reapplied = 0;      // outside interventions applied again on the way
};

class SnapshotStore {
 public:
  explicit SnapshotStore(SnapshotSettings settings = {});

  // Starts over with `sim`'s current state as the first snapshot (a new run or a
  // restart). The store keeps no reference to `sim`.
  void reset(const Simulation& sim);

  // One step of the run: the branch's interventions due now are applied again (after
  // a jump back), the simulation steps, and a snapshot is taken when due.
  void step(Simulation& sim);

  // Jumps to simulated time `time_s`, rounded to the nearest step and clamped to
  // [0, furthest reached]. Stepping on from where the run stands when that is nearer
  // than the last snapshot before the target.
  JumpResult jump(Simulation& sim, double time_s);

  // Takes note of interventions applied to `sim` since the last call (step() and
  // jump() call it first). A new one while the run stands behind the furthest step
  // reached discards the branch's future (see above). Call it after every
  // Simulation::apply so that the furthest time and the marks are current.
  void sync(const Simulation& sim);

  // The furthest step reached on this branch.
  [[nodiscard]] std::uint64_t furthest_step() const { return furthest_; }
  // The branch's outside interventions in the order they came in, those after the
  // step the run stands at included (they apply again when it gets there).
  [[nodiscard]] const std::vector<JournalEntry>& interventions() const { return live_; }
  [[nodiscard]] const std::vector<Snapshot>& snapshots() const { return snapshots_; }
  [[nodiscard]] std::uint64_t bytes() const;  // all snapshots together
  // Steps between snapshots now (the interval, doubled by each thinning).
  [[nodiscard]] std::uint64_t interval_steps() const { return interval_steps_; }
  [[nodiscard]] const SnapshotSettings& settings() const { return settings_; }

 private:
  void take_snapshot_if_due(const Simulation& sim);
  void reapply_due(Simulation& sim);
  void thin();

  SnapshotSettings settings_;
  std::uint64_t interval_steps_ = 1;
  std::vector<Snapshot> snapshots_;  // by step, the first at step 0
  std::vector<JournalEntry> live_;   // the branch's outside interventions, as journaled
  std::size_t cursor_ = 0;           // of live_, those the state on screen has had
  std::size_t seen_ = 0;             // journal entries of the simulation looked at by sync()
  std::uint64_t furthest_ = 0;       // step
};

}  // namespace ss
