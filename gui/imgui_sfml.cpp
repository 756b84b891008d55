#include "gui/imgui_sfml.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <SFML/Window/Clipboard.hpp>

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <stdexcept>
#include <string>

namespace ss::gui {
namespace {

void map_keys(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
  io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
  io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
  io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
  io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
  io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
  io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
  io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
  io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
  io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
  io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
  io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::BackSpace;
  io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
  io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
  io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
  io.KeyMap[ImGuiKey_KeyPadEnter] = sf::Keyboard::Enter;
  io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
  io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
  io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
  io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
  io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
  io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
}

int button_index(sf::Mouse::Button b) {
  switch (b) {
    case sf::Mouse::Left: return 0;
    case sf::Mouse::Right: return 1;
    case sf::Mouse::Middle: return 2;
    default: return -1;
  }
}

const char* clipboard_get(void*) {
  // sf::Clipboard returns a temporary; ImGui wants a pointer that outlives the call.
  static std::string text;
  text = sf::Clipboard::getString().toAnsiString();
  return text.c_str();
}
void clipboard_set(void*, const char* text) {
  sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::strlen(text)));
}

}  // namespace

ImGuiSfml::ImGuiSfml(sf::RenderWindow& window) : window_(window) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // No imgui.ini: the layout is set by the app each start, so screenshots and
  // scripted runs look the same on every machine.
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.BackendPlatformName = "safestreet_sfml";
  io.GetClipboardTextFn = clipboard_get;
  io.SetClipboardTextFn = clipboard_set;
  map_keys(io);
  if (!window_.setActive(true)) throw std::runtime_error("cannot activate the window's OpenGL context");
  // GLSL 1.30 is OpenGL 3.0: the lowest the backend supports, and what Mesa's
  // software renderer offers under Xvfb in a compatibility context.
  if (!ImGui_ImplOpenGL3_Init("#version 130")) {
    ImGui::DestroyContext();
    throw std::runtime_error("Dear ImGui could not initialise OpenGL 3 (GLSL 1.30 needed)");
  }
  // Now rather than lazily in the first frame, so set_font() always replaces the
  // one font texture instead of racing the backend to create it.
  if (!ImGui_ImplOpenGL3_CreateDeviceObjects()) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
    throw std::runtime_error("Dear ImGui could not create its OpenGL shaders and buffers");
  }
}

FontReport ImGuiSfml::set_font(const std::string& file, float scale, const std::string& cjk_file,
                               std::string_view cjk_text) {
  FontReport r = build_ui_font(file, scale, cjk_file, cjk_text);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  if (!ImGui_ImplOpenGL3_CreateFontsTexture())
    throw std::runtime_error("cannot upload the font atlas to OpenGL");
  return r;
}

ImGuiSfml::~ImGuiSfml() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiSfml::process_event(const sf::Event& e) {
  ImGuiIO& io = ImGui::GetIO();
  switch (e.type) {
    case sf::Event::MouseMoved:
      io.MousePos = ImVec2(static_cast<float>(e.mouseMove.x), static_cast<float>(e.mouseMove.y));
      break;
    case sf::Event::MouseButtonPressed: {
      const int b = button_index(e.mouseButton.button);
      if (b >= 0) {
        io.MouseDown[b] = true;
        pressed_this_frame_[b] = true;
        release_pending_[b] = false;
      }
      break;
    }
    case sf::Event::MouseButtonReleased: {
      const int b = button_index(e.mouseButton.button);
      if (b < 0) break;
      if (pressed_this_frame_[b])
        release_pending_[b] = true;
      else
        io.MouseDown[b] = false;
      break;
    }
    case sf::Event::MouseWheelScrolled:
      if (e.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel)
        io.MouseWheel += e.mouseWheelScroll.delta;
      else
        io.MouseWheelH += e.mouseWheelScroll.delta;
      break;
    case sf::Event::TextEntered:
      // Control characters arrive as key events; only printable text goes in.
      if (e.text.unicode >= 32 && e.text.unicode != 127) io.AddInputCharacter(e.text.unicode);
      break;
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased: {
      const bool down = e.type == sf::Event::KeyPressed;
      // sf::Keyboard::Unknown is -1; every other code is below sf::Keyboard::KeyCount
      // (101), well inside ImGui 1.86's 512 KeysDown.
      static_assert(static_cast<std::size_t>(sf::Keyboard::KeyCount) <= IM_ARRAYSIZE(io.KeysDown));
      if (e.key.code != sf::Keyboard::Unknown) io.KeysDown[e.key.code] = down;
      io.KeyCtrl = e.key.control;
      io.KeyShift = e.key.shift;
      io.KeyAlt = e.key.alt;
      io.KeySuper = e.key.system;
      break;
    }
    case sf::Event::LostFocus: io.AddFocusEvent(false); break;
    case sf::Event::GainedFocus: io.AddFocusEvent(true); break;
    case sf::Event::MouseLeft: io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); break;
    default: break;
  }
}

void ImGuiSfml::new_frame(float dt) {
  ImGuiIO& io = ImGui::GetIO();
  const sf::Vector2u size = window_.getSize();
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  io.DeltaTime = std::max(dt, 1e-4f);
  // Releases held back last frame take effect now that ImGui has seen the press.
  for (int b = 0; b < 3; ++b) {
    if (release_pending_[b] && !pressed_this_frame_[b]) {
      io.MouseDown[b] = false;
      release_pending_[b] = false;
    }
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  for (bool& p : pressed_this_frame_) p = false;
}

void ImGuiSfml::render() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace ss::gui
