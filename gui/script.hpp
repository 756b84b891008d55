#pragma once
// Scripted mode for tests and demos: one command per line, run between frames so a
// script drives the real window exactly as a user would (see kUsage for commands).
// Commands that take time (loading, running to a time, frames, screenshots) hold
// the script while frames keep being drawn; the window never blocks.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "gui/app_context.hpp"

namespace ss::gui {

class Script {
 public:
  // Reads the file; throws std::runtime_error naming the file when unreadable.
  static Script from_file(const std::string& path);

  // Runs commands until one has to wait for frames or the script ends.
  void tick(AppContext& ctx);
  [[nodiscard]] bool done() const { return next_ >= lines_.size() && wait_ == Wait::None; }

 private:
  enum class Wait : std::uint8_t { None, Load, RunTo, Frames, Screenshot, FirstEngine };
  void run_line(AppContext& ctx, const std::string& line);
  [[nodiscard]] bool still_waiting(AppContext& ctx);
  [[nodiscard]] bool waiting_for_engine(AppContext& ctx);
  void fail(AppContext& ctx, const std::string& what);

  std::string path_;
  std::vector<std::string> lines_;
  std::size_t next_ = 0;     // next line to run
  std::size_t line_no_ = 0;  // 1-based line being run, for messages
  Wait wait_ = Wait::None;
  double run_to_ = 0.0;  // s
  // run_to_first_engine: the incident (index, -1 the latest), the seconds after its
  // first engine's arrival to stop at, and the latest time to stop anyway.
  std::int32_t incident_ = -1;
  double after_ = 0.0;        // s
  double latest_ = INFINITY;  // s: stop there at the latest
  long frames_left_ = 0;
};

}  // namespace ss::gui
