#pragma once
// The scene being watched: the immutable model, the one Simulation over it, and the
// background load of the next scene. The GUI reads sim().state() every frame and
// keeps no copy of it.
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/simulation.hpp"
#include "engine/core/snapshot_store.hpp"
#include "engine/world/spatial_index.hpp"
#include "gui/scene_source.hpp"

namespace ss::gui {

struct AdvanceResult {
  std::uint64_t steps = 0;
  double wall_s = 0.0;  // time spent stepping
  bool capped = false;  // stopped by the frame budget before catching up
};

// One stage of loading a scene, as the loading screen, the log and dump_ui show it.
struct LoadStage {
  std::string name;
  double start = 0.0;     // s after the load started
  double seconds = -1.0;  // s it took; < 0 while it is still running
};

// The stages of the load in progress, written by the loading thread as each starts
// and read by the UI thread each frame.
class LoadProgress {
 public:
  void begin(std::string stage);
  // The stages so far; the last has seconds < 0 while it runs.
  [[nodiscard]] std::vector<LoadStage> snapshot() const;
  // Ends the last stage (the load finished or failed).
  void finish();

 private:
  mutable std::mutex mutex_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::vector<LoadStage> stages_;
};

class Session {
 public:
  Session() = default;
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Starts loading `src` in the background; the current scene stays on screen until
  // the new one is ready. `seed` empty: the scenario's own seed. Everything but the
  // map's GPU layers is built on the loading thread: the files read, the model
  // assembled, the street index and the run's first state.
  void load(SceneSource src, std::optional<std::uint64_t> seed);
  [[nodiscard]] bool loading() const { return pending_.valid(); }
  [[nodiscard]] const SceneSource& loading_source() const { return pending_source_; }
  // The load in progress: its stages so far and the s since it started.
  [[nodiscard]] std::vector<LoadStage> loading_stages() const;
  [[nodiscard]] double loading_seconds() const;
  // The stages of the load that produced the scene on screen (or of the last failed
  // load), each with its time; the caller may add its own (the map layers).
  [[nodiscard]] const std::vector<LoadStage>& last_load() const { return last_load_; }
  void add_load_stage(LoadStage stage) { last_load_.push_back(std::move(stage)); }

  struct PollResult {
    bool loaded = false;
    std::string error;   // non-empty when the load failed
    double seconds = 0;  // load time
  };
  // Call once a frame: installs a finished load.
  PollResult poll();

  [[nodiscard]] bool ready() const { return sim_ != nullptr; }
  // A fresh run of the same model with `seed`.
  void restart(std::uint64_t seed);
  [[nodiscard]] std::uint64_t seed() const { return seed_; }
  [[nodiscard]] std::uint64_t generation() const { return generation_; }  // bumps on each new model
  [[nodiscard]] const SceneSource& source() const { return source_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::vector<std::string>& variants() const { return variants_; }
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& inputs() const { return inputs_; }
  [[nodiscard]] const std::vector<std::string>& problems() const { return problems_; }
  [[nodiscard]] const std::vector<std::string>& notes() const { return notes_; }

  [[nodiscard]] const Model& model() const { return *model_; }
  [[nodiscard]] const Simulation& sim() const { return *sim_; }
  [[nodiscard]] const SimState& state() const { return sim_->state(); }
  [[nodiscard]] const EdgeIndex& streets() const { return streets_; }
  [[nodiscard]] const std::vector<std::uint32_t>& group_sizes() const { return group_sizes_; }

  // Advances simulated time by wall_dt × speed in fixed engine steps (speed = inf:
  // as fast as the budget allows), never past `stop_at` s, spending at most
  // `budget_s` of wall time so the window stays responsive. Leftover time is
  // dropped when capped rather than owed, so a slow machine does not spiral.
  AdvanceResult advance(double wall_dt, double speed, double budget_s, double stop_at);
  void step();
  bool apply(const Intervention& iv);
  // Back (or forward) to simulated time `time_s` within the time reached so far
  // (engine/core/snapshot_store.hpp); the timeline scrubber and the script's `jump`.
  JumpResult jump(double time_s);
  // The run's snapshots, its furthest time and its decisions for the timeline.
  [[nodiscard]] const SnapshotStore& history() const { return history_; }

  // Drill mode (gui/drill_mode.hpp) hears of every step and every intervention applied:
  // `after_step` runs after each engine step (true: stop advancing for this frame),
  // `applied` after each intervention the engine took through apply().
  std::function<bool(Simulation&)> after_step;
  std::function<void(const Intervention&)> applied;
  // The run itself, for drill mode's own injects and its rebuild from a journal.
  [[nodiscard]] Simulation* simulation() { return sim_.get(); }

 private:
  // What the loading thread hands over: the scene and what is derived from it.
  struct Prepared {
    LoadedScene scene;
    EdgeIndex streets;
    std::vector<std::uint32_t> group_sizes;
    std::uint64_t seed = 1;
    std::unique_ptr<Simulation> sim;
  };
  static Prepared prepare(const SceneSource& src, std::optional<std::uint64_t> seed, LoadProgress& progress);
  void install(Prepared p);

  std::unique_ptr<Model> model_;
  std::unique_ptr<Simulation> sim_;
  SnapshotStore history_;  // every step goes through it, so any time reached can be shown again
  EdgeIndex streets_;
  std::vector<std::uint32_t> group_sizes_;  // residents per reporting group, (GroupIndex::kCount)
  SceneSource source_;
  std::string name_;
  std::vector<std::string> variants_;
  std::vector<std::pair<std::string, std::string>> inputs_;
  std::vector<std::string> problems_;
  std::vector<std::string> notes_;
  std::uint64_t seed_ = 1;
  std::uint64_t generation_ = 0;
  double debt_ = 0.0;  // s of simulated time owed to the wall clock

  std::future<Prepared> pending_;
  SceneSource pending_source_;
  std::shared_ptr<LoadProgress> progress_;  // shared with the loading thread
  std::chrono::steady_clock::time_point load_start_;
  std::vector<LoadStage> last_load_;
};

}  // namespace ss::gui
