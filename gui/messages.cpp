#include "gui/messages.hpp"

#include <chrono>
#include <iostream>

namespace ss::gui {
namespace {
double wall_now() {
  static const auto start = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

double Messages::clock() { return wall_now(); }

void Messages::info(std::string text) {
  std::cerr << "safestreet-gui: " << text << '\n';
  lines_.push_back({wall_now(), false, std::move(text), MessageKind::Gui});
}

void Messages::note(std::string text) {
  std::cerr << "safestreet-gui: " << text << '\n';
  lines_.push_back({wall_now(), false, std::move(text), MessageKind::Note});
}

void Messages::problem(std::string text) {
  std::cerr << "safestreet-gui: " << text << '\n';
  lines_.push_back({wall_now(), false, std::move(text), MessageKind::Problem});
}

void Messages::error(std::string text) {
  std::cerr << "safestreet-gui: error: " << text << '\n';
  banner_ = text;
  ++errors_;
  ++unclaimed_;
  lines_.push_back({wall_now(), true, std::move(text), MessageKind::Error});
}

int Messages::take_errors() {
  const int n = unclaimed_;
  unclaimed_ = 0;
  return n;
}

}  // namespace ss::gui
