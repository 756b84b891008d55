#pragma once
// Thin platform glue between an SFML window and Dear ImGui 1.86: SFML events and
// window size go in, ImGui draw data comes out through the stock OpenGL3 backend.
// Kept apart from the panels so the GUI code never touches raw platform input.
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

#include <string>

#include "gui/ui_fonts.hpp"

namespace ss::gui {

class ImGuiSfml {
 public:
  // Creates the ImGui context and initialises the OpenGL3 renderer for `window`,
  // whose GL context must be current. Throws std::runtime_error if GL setup fails.
  explicit ImGuiSfml(sf::RenderWindow& window);
  ~ImGuiSfml();
  ImGuiSfml(const ImGuiSfml&) = delete;
  ImGuiSfml& operator=(const ImGuiSfml&) = delete;

  // Rasterises `file` at the UI scale into ImGui's font atlas and uploads it (the
  // built-in font when the file cannot be read; see FontReport::problem). Call
  // between frames, never between new_frame() and render().
  FontReport set_font(const std::string& file, float scale, const std::string& cjk_file = {},
                      std::string_view cjk_text = {});

  void process_event(const sf::Event& event);
  // Starts an ImGui frame; dt in seconds since the previous frame.
  void new_frame(float dt);
  // Renders the frame's ImGui draw data over whatever SFML drew before.
  void render();

 private:
  sf::RenderWindow& window_;
  // ImGui 1.86 has no input queue: a press and release within one frame would be
  // lost, so a release is held back until the press has been seen for one frame.
  bool pressed_this_frame_[3] = {false, false, false};
  bool release_pending_[3] = {false, false, false};
};

}  // namespace ss::gui
