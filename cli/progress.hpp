#pragma once
// A one-line progress bar on a terminal (stderr); silent when stderr is not a tty.
#include <chrono>
#include <string>

#include "engine/core/display_text.hpp"

namespace ss::cli {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  // fraction in [0,1]; label is shown after the bar. Redraws at most 10 times a second.
  void update(double fraction, const std::string& label);
  void finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

using ss::format_clock;  // h:mm:ss, engine/core/display_text.hpp

}  // namespace ss::cli
