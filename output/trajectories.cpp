#include "output/trajectories.hpp"

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace ss::output {
namespace {

void append_ring(std::string& out, const Ring& r) {
  out += '(';
  char buf[64];
  for (std::size_t i = 0; i <= r.size(); ++i) {  // WKT rings repeat their first vertex
    const Vec2 p = r[i % r.size()];
    std::snprintf(buf, sizeof buf, "%s%.4f %.4f", i ? ", " : "", p.x, p.y);
    out += buf;
  }
  out += ')';
}

}  // namespace

std::string trajectory_txt(const SimState& state, std::string_view description) {
  const TrajectoryRecord& tr = state.records.trajectory;
  if (tr.frames() == 0) return {};
  std::string out;
  out.reserve(tr.points.size() * 40 + 256);
  char buf[128];
  // The header lines PedPy and JPSreport read (framerate) and the FZJ archive's wording.
  out += "#description: ";
  out += description;
  std::snprintf(buf, sizeof buf, "\n#framerate: %g\n", tr.framerate);
  out += buf;
  out +=
      "#geometry: walkable.wkt\n"
      "#ID: the agent ID\n"
      "#FR: the current frame\n"
      "#X,Y,Z: the agents coordinates (in metres)\n"
      "\n"
      "#ID\tFR\tX\tY\tZ\n";
  for (std::size_t f = 0; f < tr.frames(); ++f)
    for (std::uint32_t k = tr.frame_begin[f]; k < tr.frame_begin[f + 1]; ++k) {
      const TrajectoryPoint& p = tr.points[k];
      std::snprintf(buf, sizeof buf, "%u\t%zu\t%.4f\t%.4f\t0.0000\n", p.resident, f, static_cast<double>(p.x),
                    static_cast<double>(p.y));
      out += buf;
    }
  return out;
}

std::string walkable_wkt(const MicroGeometry& g) {
  std::vector<std::vector<const Ring*>> holes(g.walkable.size());
  for (const Ring& o : g.obstacles)
    for (std::size_t k = 0; k < g.walkable.size(); ++k)
      if (!o.empty() && contains(g.walkable[k], o.front())) {
        holes[k].push_back(&o);
        break;
      }
  std::string out = g.walkable.size() == 1 ? "POLYGON " : "MULTIPOLYGON (";
  for (std::size_t k = 0; k < g.walkable.size(); ++k) {
    if (k) out += ", ";
    out += '(';
    append_ring(out, g.walkable[k]);
    for (const Ring* h : holes[k]) {
      out += ", ";
      append_ring(out, *h);
    }
    out += ')';
  }
  if (g.walkable.size() != 1) out += ')';
  out += '\n';
  return out;
}

TrajectoryFile parse_trajectory_txt(std::string_view text) {
  TrajectoryFile file;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.front() == '#') {
      if (const std::size_t k = line.find("framerate"); k != std::string_view::npos) {
        const std::size_t colon = line.find(':', k);
        std::string v(line.substr(colon == std::string_view::npos ? line.size() : colon + 1));
        try {
          file.framerate = std::stod(v);
        } catch (const std::exception&) {
          throw std::runtime_error("line " + std::to_string(line_no) + ": framerate is not a number");
        }
      }
      continue;
    }
    double col[5] = {};
    int n = 0;
    const char* p = line.data();
    const char* e = line.data() + line.size();
    while (p < e && n < 5) {
      while (p < e && (*p == ' ' || *p == '\t')) ++p;
      if (p == e) break;
      const auto [next, ec] = std::from_chars(p, e, col[n]);
      if (ec != std::errc()) break;
      p = next;
      ++n;
    }
    while (p < e && (*p == ' ' || *p == '\t')) ++p;
    if (n < 4 || p != e)
      throw std::runtime_error("line " + std::to_string(line_no) + ": expected ID FR X Y [Z], got '" +
                               std::string(line) + "'");
    file.rows.push_back(
        {static_cast<std::int64_t>(col[0]), static_cast<std::int64_t>(col[1]), col[2], col[3]});
  }
  if (!(file.framerate > 0.0)) throw std::runtime_error("no '#framerate:' line with a positive rate");
  return file;
}

}  // namespace ss::output
