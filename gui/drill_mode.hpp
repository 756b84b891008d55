#pragma once
// Drill mode of the GUI (docs/drills.md "In the GUI"): `--drill DRILL.yaml` plays a
// tabletop drill live, `--resume JOURNAL` carries one on. The trainer's window is the
// full picture plus the drill panel (the exercise script with each inject's state,
// fire / hold / skip, pause at each inject, run fast to the next inject, unscripted
// injects, the role and reason of the players' decisions); the players' view
// (`--players-view`, or switched in the drill panel) shows only what a command post
// would know. Every event goes to the journal through drill::LiveDrill.
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "drill/live_drill.hpp"
#include "gui/app_context.hpp"

namespace ss::gui {

struct DrillStart {
  std::string drill_file;     // --drill
  std::string journal;        // --journal (default: next to the drill file, by date)
  std::string resume;         // --resume JOURNAL
  std::string players_file;   // --players: the roles offered
  bool players_view = false;  // --players-view
};

class DrillMode {
 public:
  // Reads the drill file (or the journal to resume) and says which scene to load with
  // which seed. Throws InputError naming file, line and field.
  DrillMode(DrillStart start, SceneSource& scene, std::optional<std::uint64_t>& seed);

  // Once the drill's scene is on screen: starts or resumes the drill and hooks it to
  // the session's steps and interventions. Problems are shown as errors; the drill
  // does not start then.
  void begin(AppContext& ctx);
  [[nodiscard]] bool active() const { return active_; }
  // The drill's run has reached its end and the journal is complete: from then on the
  // timeline may go back over it (nothing more is journaled).
  [[nodiscard]] bool ended() const;
  // Every frame: journals changes of the clock (play, pause, speed), ends the fast run
  // at the next inject.
  void frame(AppContext& ctx);

  // The trainer's drill panel (over the bottom of the map) and the players' view
  // (the left side of the window, the sidebars hidden).
  void draw_trainer(AppContext& ctx, float map_x, float map_w, float height);
  // The drill panel's height in a window `height` px high: the map keeps the rest.
  static float trainer_panel_height(float height) { return std::floor(height * 0.42f); }
  void draw_players(AppContext& ctx, float width, float height);
  [[nodiscard]] bool players_view() const { return players_view_; }
  void set_players_view(AppContext& ctx, bool on);

  // The script's drill commands (docs/gui.md): true when `cmd` was one of them.
  bool script_command(AppContext& ctx, const std::string& cmd, const std::vector<std::string>& args);
  // The drill as it stands, as JSON, for scripted tests.
  void dump(AppContext& ctx, const std::string& path) const;

  [[nodiscard]] drill::LiveDrill& live() { return live_; }
  [[nodiscard]] const std::string& role() const;

 private:
  Simulation& sim(AppContext& ctx);
  void report(AppContext& ctx, const std::string& what, const std::string& error);
  void run_fast(AppContext& ctx, double factor);

  DrillStart start_;
  drill::DrillDesc desc_;
  std::optional<drill::JournalRead> resume_from_;
  drill::LiveDrill live_;
  drill::ReportTiming timing_;
  bool active_ = false, tried_ = false, players_view_ = false;
  std::size_t role_ = 0;
  std::string reason_;  // the reason the next decision is stamped with
  bool auto_pause_ = false;
  double fast_factor_ = 8.0;
  double fast_until_ = -1.0;  // s: the fast run ends here; < 0 none
  double normal_speed_ = 1.0;
  bool was_playing_ = false;
  double was_speed_ = 1.0;
  bool applying_ = false;  // the drill's own injects are being applied: not decisions
  // Text typed into the panel.
  char reason_buf_[256] = "";
  char inject_kind_[32] = "message", inject_target_[128] = "", inject_text_[256] = "", inject_role_[64] = "";
  char decide_kind_[32] = "broadcast", decide_target_[128] = "";
  char note_buf_[256] = "";
  std::string last_error_;
  double rebuild_s_ = 0.0;  // wall s the start (a resume: the rebuild from the journal) took
};

}  // namespace ss::gui
