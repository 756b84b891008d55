#pragma once
// Per-frame timing of the main loop, phase by phase, for --stats and --frame-stats:
// tells engine cost from drawing cost, and drawing submitted by the CPU from the
// rasterising that a software renderer (Mesa llvmpipe under Xvfb) does later.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ss::gui {

enum class Phase : std::uint8_t {
  Input,        // events, scene pickup, script commands
  Simulation,   // engine steps this frame
  Layers,       // resident positions, dot and overlay vertex arrays, flood texture
  ImGuiBuild,   // panels and overlays (ImGui::NewFrame .. last widget)
  MapDraw,      // the map's draw calls (and, when synced, their rasterising)
  ImGuiRender,  // ImGui::Render and its OpenGL draw calls (idem)
  Display,      // screenshot if asked, buffer swap
};
inline constexpr std::size_t kPhaseCount = 7;
const char* to_string(Phase p);

struct FrameRecord {
  float frame_ms = 0;  // wall time of the whole frame
  float cpu_ms = 0;    // process CPU time (all threads, incl. the GL driver's)
  std::array<float, kPhaseCount> phase_ms{};
  std::array<float, kPhaseCount> phase_cpu_ms{};  // process CPU time per phase
  double sim_time = 0;                            // s, after the frame
  std::uint32_t steps = 0;                        // engine steps this frame
};

class FrameStats {
 public:
  void clear() { frames_.clear(); }
  void add(const FrameRecord& r) { frames_.push_back(r); }
  [[nodiscard]] const std::vector<FrameRecord>& frames() const { return frames_; }
  [[nodiscard]] bool empty() const { return frames_.empty(); }

  // q-quantile (0..1, nearest rank) of the frame time, of a phase, of CPU time.
  [[nodiscard]] double frame_quantile(double q) const;
  [[nodiscard]] double phase_quantile(Phase p, double q) const;
  [[nodiscard]] double cpu_quantile(double q) const;
  [[nodiscard]] double phase_cpu_quantile(Phase p, double q) const;

  // One line per frame: frame,frame_ms,cpu_ms,<phase wall ms>,<phase cpu ms>,sim_time,steps. Throws
  // std::runtime_error naming the file when it cannot be written.
  void write_csv(const std::string& path) const;
  // The summary --stats prints: frame median/P95/max, then each phase's median and
  // P95 wall time, then each phase's median CPU time.
  [[nodiscard]] std::string summary() const;

 private:
  std::vector<FrameRecord> frames_;
};

// Nearest-rank quantile of `v` (copied; empty → 0).
double quantile(std::vector<double> v, double q);

}  // namespace ss::gui
