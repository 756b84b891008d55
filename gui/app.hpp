#pragma once
// The application: window, ImGui glue, main loop. One frame = input → scene load
// pickup → script → simulation advance → panels → draw → screenshot → display.
#include <memory>
#include <optional>

#include <SFML/Graphics/RenderWindow.hpp>

#include "gui/app_context.hpp"
#include "gui/imgui_sfml.hpp"
#include "gui/options.hpp"
#include "gui/script.hpp"

namespace ss::gui {

class App {
 public:
  // Opens the window. Throws std::runtime_error when no usable display/GL exists.
  explicit App(Options options);
  // Runs until the window is closed, `quit` is scripted or --frames is reached.
  // Returns the process exit code: 0, or 1 when a scripted run had unexpected errors.
  int run();

 private:
  void frame(float dt);
  // Rebuilds the font atlas and the style at ctx_.ui.wanted_scale (clamped).
  void apply_ui_scale();
  void handle_events();
  void pick_up_loads();
  void advance_simulation(double dt);
  void save_screenshot(const std::string& path);
  void print_stats() const;

  Options options_;
  sf::RenderWindow window_;
  std::unique_ptr<ImGuiSfml> imgui_;
  AppContext ctx_;
  std::optional<Script> script_;
  long frames_ = 0;
  FrameRecord record_;        // the frame being timed
  bool sync_phases_ = false;  // glFinish after GL phases (--frame-stats)
  // "Load to first frame": the load's own time plus the frame that shows it.
  double load_seconds_ = 0.0;
  double loaded_wall_ = 0.0;
  bool first_frame_pending_ = false;
  // Drill mode: the drill's scene and seed, read from the drill file or journal.
  SceneSource drill_scene_;
  std::optional<std::uint64_t> drill_seed_;
};

}  // namespace ss::gui
