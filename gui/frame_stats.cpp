#include "gui/frame_stats.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace ss::gui {

const char* to_string(Phase p) {
  switch (p) {
    case Phase::Input: return "input";
    case Phase::Simulation: return "simulation";
    case Phase::Layers: return "layers";
    case Phase::ImGuiBuild: return "imgui_build";
    case Phase::MapDraw: return "map_draw";
    case Phase::ImGuiRender: return "imgui_render";
    case Phase::Display: return "display";
  }
  return "?";
}

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(v.size() - 1);
  return v[static_cast<std::size_t>(pos + 0.5)];
}

namespace {
template <class F>
double column_quantile(const std::vector<FrameRecord>& frames, double q, F get) {
  std::vector<double> v;
  v.reserve(frames.size());
  for (const FrameRecord& r : frames) v.push_back(get(r));
  return quantile(std::move(v), q);
}
}  // namespace

double FrameStats::frame_quantile(double q) const {
  return column_quantile(frames_, q, [](const FrameRecord& r) { return r.frame_ms; });
}
double FrameStats::phase_quantile(Phase p, double q) const {
  const auto k = static_cast<std::size_t>(p);
  return column_quantile(frames_, q, [k](const FrameRecord& r) { return r.phase_ms[k]; });
}
double FrameStats::phase_cpu_quantile(Phase p, double q) const {
  const auto k = static_cast<std::size_t>(p);
  return column_quantile(frames_, q, [k](const FrameRecord& r) { return r.phase_cpu_ms[k]; });
}
double FrameStats::cpu_quantile(double q) const {
  return column_quantile(frames_, q, [](const FrameRecord& r) { return r.cpu_ms; });
}

void FrameStats::write_csv(const std::string& path) const {
  std::ofstream f(path);
  if (!f) throw std::runtime_error("cannot write frame statistics to " + path);
  f << "frame,frame_ms,cpu_ms";
  for (std::size_t k = 0; k < kPhaseCount; ++k) f << ',' << to_string(static_cast<Phase>(k)) << "_ms";
  for (std::size_t k = 0; k < kPhaseCount; ++k) f << ',' << to_string(static_cast<Phase>(k)) << "_cpu_ms";
  f << ",sim_time,steps\n";
  char buf[64];
  for (std::size_t i = 0; i < frames_.size(); ++i) {
    const FrameRecord& r = frames_[i];
    f << i;
    std::snprintf(buf, sizeof buf, ",%.3f,%.3f", r.frame_ms, r.cpu_ms);
    f << buf;
    for (const float p : r.phase_ms) {
      std::snprintf(buf, sizeof buf, ",%.3f", p);
      f << buf;
    }
    for (const float p : r.phase_cpu_ms) {
      std::snprintf(buf, sizeof buf, ",%.3f", p);
      f << buf;
    }
    std::snprintf(buf, sizeof buf, ",%.1f,%u\n", r.sim_time, r.steps);
    f << buf;
  }
  if (!f) throw std::runtime_error("cannot write frame statistics to " + path);
}

std::string FrameStats::summary() const {
  if (frames_.empty()) return "frame_ms: no frames\n";
  char buf[256];
  std::snprintf(buf, sizeof buf, "frame_ms median=%.2f p95=%.2f max=%.2f cpu_median=%.2f frames=%zu\n",
                frame_quantile(0.5), frame_quantile(0.95), frame_quantile(1.0), cpu_quantile(0.5),
                frames_.size());
  std::string out = buf;
  out += "phase_ms median/p95:";
  for (std::size_t k = 0; k < kPhaseCount; ++k) {
    const auto p = static_cast<Phase>(k);
    std::snprintf(buf, sizeof buf, " %s=%.2f/%.2f", to_string(p), phase_quantile(p, 0.5),
                  phase_quantile(p, 0.95));
    out += buf;
  }
  out += "\nphase_cpu_ms median:";
  for (std::size_t k = 0; k < kPhaseCount; ++k) {
    const auto p = static_cast<Phase>(k);
    std::snprintf(buf, sizeof buf, " %s=%.2f", to_string(p), phase_cpu_quantile(p, 0.5));
    out += buf;
  }
  out += '\n';
  return out;
}

}  // namespace ss::gui
