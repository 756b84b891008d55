#pragma once
// What the GUI tells the user: an error banner in the window and a log of GUI
// events (loads, failures, exports). Each line is also written to stderr so
// scripted runs leave a trace. Engine interventions have their own journal.
#include <cstdint>
#include <string>
#include <vector>

namespace ss::gui {

// What a GUI message is about, for the event log's filters (gui/event_log.hpp).
enum class MessageKind : std::uint8_t {
  Gui,      // loads, screenshots, exports: the session's own doings
  Note,     // the scenario import's notes (OSM ways dropped, fuel classes found)
  Problem,  // the scenario's problems (cut-off homes, too little capacity): the run
            // differs from what it asks for; logged with the warnings, no banner
  Error,    // something the user asked for failed; also shown as the banner
};

struct LogLine {
  double wall = 0.0;  // s since the GUI started
  bool error = false;
  std::string text;
  MessageKind kind = MessageKind::Gui;
};

class Messages {
 public:
  // s since the GUI's first message: the clock LogLine::wall is on.
  static double clock();
  void info(std::string text);
  void note(std::string text);     // an import note: logged apart from the session's doings
  void problem(std::string text);  // a scenario problem: with the warnings, no banner
  void error(std::string text);
  [[nodiscard]] const std::vector<LogLine>& lines() const { return lines_; }
  // The latest error, shown as a banner until dismissed.
  [[nodiscard]] const std::string& banner() const { return banner_; }
  void dismiss_banner() { banner_.clear(); }
  [[nodiscard]] int error_count() const { return errors_; }
  // For scripts that expect an error: claims the errors since the last claim and
  // returns how many there were. Unclaimed errors make a scripted run fail.
  int take_errors();
  [[nodiscard]] int unclaimed_errors() const { return unclaimed_; }

 private:
  std::vector<LogLine> lines_;
  std::string banner_;
  int errors_ = 0;
  int unclaimed_ = 0;
};

}  // namespace ss::gui
