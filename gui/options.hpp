#pragma once
// Command line of safestreet-gui.
#include <cstdint>
#include <optional>
#include <string>

namespace ss::gui {

struct Options {
  std::string scenario;  // positional SCENARIO
  std::string variant;
  std::string demo;  // --demo NAME: a built-in scene instead of a file
  std::optional<std::uint64_t> seed;
  std::string script;       // --script FILE
  long frames = -1;         // --frames N: quit after N frames (<0: run until closed)
  std::string screenshot;   // --screenshot FILE: saved from the last frame
  std::string dump_state;   // --dump-state FILE: JSON summary at exit
  double speed = 1.0;       // --speed X (inf for "max")
  bool play = false;        // --play: start running as soon as the scene is loaded
  bool stats = false;       // --stats: print frame-time statistics at exit
  std::string frame_stats;  // --frame-stats FILE: per-frame phase times as CSV at exit (implies --stats)
  unsigned width = 1280, height = 800;
  // --ui-scale X: text and widget size for a projector or a high-density screen,
  // 0.75–3 (gui/ui_fonts.hpp); changeable in the window and by the script's ui_scale.
  float ui_scale = 1.0f;
  std::string font;  // --font FILE: a TrueType font instead of DejaVu Sans
  // --lang en|zh-CN|de: the language of the panels (i18n/language.hpp); empty: the
  // locale's (LC_ALL, LC_MESSAGES, LANG), else English.
  std::string lang;
  std::string cjk_font;  // --cjk-font FILE: the Chinese font for zh-CN instead of Noto Sans CJK
  // Drill mode (gui/drill_mode.hpp, docs/drills.md "In the GUI").
  std::string drill;          // --drill DRILL.yaml
  std::string journal;        // --journal FILE (with --drill)
  std::string resume;         // --resume JOURNAL
  std::string players;        // --players FILE: the roles offered
  bool players_view = false;  // --players-view: the command post's view only
};

extern const char* const kUsage;

// Parses argv. Returns nullopt and sets `error` on bad input; `help` is set for -h.
std::optional<Options> parse_options(int argc, char** argv, std::string& error, bool& help);

}  // namespace ss::gui
