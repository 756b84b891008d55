#include "drill/debrief_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "batch/svg_chart.hpp"
#include "engine/core/display_text.hpp"

namespace ss::drill {
namespace {

using batch::html_escape;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}
std::string num1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Map coordinates: metres from the west and north edges of the street network (SVG's y
// grows downward), rounded to the metre.
struct Frame {
  Box box;
  [[nodiscard]] std::string x(double v) const { return num(v - box.min.x); }
  [[nodiscard]] std::string y(double v) const { return num(box.max.y - v); }
};

// Appends "M x y" (a polyline's first point) or "L x y" to a path's data.
void add_point(std::string& d, bool first, const Frame& f, Vec2 p) {
  d += first ? 'M' : 'L';
  d += f.x(p.x);
  d += ' ';
  d += f.y(p.y);
}

Frame map_frame(const Model& model) {
  Box b = model.world.streets.node_pos.empty() ? Box{{0, 0}, {1, 1}} : model.world.bounds;
  if (b.empty()) b = Box{{0, 0}, {1, 1}};
  const double pad = 60.0;  // m, room for the outermost shelters' marks
  return {{{b.min.x - pad, b.min.y - pad}, {b.max.x + pad, b.max.y + pad}}};
}

// An inject's mark on the timeline: its MSEL id, "T<row>" for the trainer's own.
std::string inject_label(const std::string& id) {
  const std::string prefix = "trainer-row-";
  if (id.rfind(prefix, 0) != 0) return id;
  std::string label = "T";
  label += id.substr(prefix.size());
  return label;
}

// Water depth bands, light to dark: ColorBrewer "Blues" (Brewer 2003) 3-class scheme.
const char* kWaterColour[3] = {"#9ecae1", "#4292c6", "#08519c"};

}  // namespace

const char* status_colour(Status s) {
  switch (s) {
    case Status::Unaware: return "#CC79A7";
    case Status::Preparing: return "#E69F00";
    case Status::Moving: return "#009E73";
    case Status::Sheltered: return "#0072B2";
    case Status::WaitingForHelp: return "#D55E00";
    case Status::Stranded: return "#000000";
  }
  return "#999999";
}

std::string map_defs_svg(const Model& model) {
  const Frame f = map_frame(model);
  const StreetGraph& g = model.world.streets;
  std::string d;
  for (std::size_t e = 0; e < g.edge_from.size(); ++e) {
    const auto pts = g.shape(EdgeId{e});
    for (std::size_t k = 0; k < pts.size(); ++k) add_point(d, k == 0, f, pts[k]);
  }
  return "<svg width=\"0\" height=\"0\" style=\"position:absolute\"><defs><path id=\"streets\" d=\"" + d +
         "\" fill=\"none\"/></defs></svg>\n";
}

std::string map_svg(const Model& model, const MapFrame& fr) {
  const Frame f = map_frame(model);
  const StreetGraph& g = model.world.streets;
  std::string s = "<svg class=\"map\" viewBox=\"0 0 " + num(f.box.width()) + " " + num(f.box.height()) +
                  "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"map at " +
                  format_clock(fr.time) + "\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  for (const WaterRun& w : fr.water)
    s += "<rect x=\"" + f.x(w.x0) + "\" y=\"" + f.y(w.y1) + "\" width=\"" + num(w.x1 - w.x0) +
         "\" height=\"" + num(w.y1 - w.y0) + "\" fill=\"" + kWaterColour[w.band] + "\"/>";
  s += "\n<use href=\"#streets\" stroke=\"#b0b0b0\" stroke-width=\"4\"/>\n";
  auto edges = [&](const std::vector<std::uint8_t>& on, const char* style) {
    std::string d;
    for (std::size_t e = 0; e < on.size() && e < g.edge_from.size(); ++e) {
      if (!on[e]) continue;
      const auto pts = g.shape(EdgeId{e});
      for (std::size_t k = 0; k < pts.size(); ++k) add_point(d, k == 0, f, pts[k]);
    }
    if (!d.empty()) s += "<path d=\"" + d + "\" fill=\"none\" " + style + "/>\n";
  };
  edges(fr.water_closed, "stroke=\"#0072B2\" stroke-width=\"7\" stroke-dasharray=\"14 8\"");
  edges(fr.closed, "stroke=\"#D55E00\" stroke-width=\"12\"");
  for (const MapDots& dot : fr.residents) {
    // Area proportional to the count: one resident a 4 m dot, a full square at about 100.
    const double r = 4.0 * std::sqrt(static_cast<double>(dot.count));
    s += "<circle cx=\"" + f.x(dot.x) + "\" cy=\"" + f.y(dot.y) + "\" r=\"" +
         num1(std::min(r, 0.6 * kMapCell)) + "\" fill=\"" + status_colour(dot.status) +
         "\" fill-opacity=\"0.8\"/>";
  }
  s += "\n";
  for (std::size_t k = 0; k < model.world.shelters.size() && k < fr.occupancy.size(); ++k) {
    const ShelterSite& site = model.world.shelters[k];
    const double cap = std::max(1, site.capacity);
    const double fill = std::clamp(static_cast<double>(fr.occupancy[k]) / cap, 0.0, 1.0);
    const double half = 35.0;  // m: the mark's half side, readable at town scale
    const std::string x0 = f.x(site.pos.x - half), y0 = f.y(site.pos.y + half);
    s += "<rect x=\"" + x0 + "\" y=\"" + y0 + "\" width=\"" + num(2 * half) + "\" height=\"" + num(2 * half) +
         "\" fill=\"#ffffff\" stroke=\"#000\" stroke-width=\"6\"/>";
    s += "<rect x=\"" + x0 + "\" y=\"" + num(std::stod(y0) + 2 * half * (1.0 - fill)) + "\" width=\"" +
         num(2 * half) + "\" height=\"" + num(2 * half * fill) + "\" fill=\"#0072B2\"/>";
    if (k < fr.shelter_closed.size() && fr.shelter_closed[k])
      s += "<path d=\"M" + x0 + " " + y0 + "l" + num(2 * half) + " " + num(2 * half) + "m0 -" +
           num(2 * half) + "l-" + num(2 * half) + " " + num(2 * half) +
           "\" stroke=\"#D55E00\" stroke-width=\"10\"/>";
    // Named only when something happens there: a town has dozens of car parks and halls.
    const bool closed = k < fr.shelter_closed.size() && fr.shelter_closed[k];
    if (fr.occupancy[k] > 0 || closed)
      s += "<text x=\"" + f.x(site.pos.x + half + 8) + "\" y=\"" + f.y(site.pos.y - 15) +
           "\" font-size=\"48\" fill=\"#000\" stroke=\"#fff\" stroke-width=\"10\" paint-order=\"stroke\">" +
           html_escape(site.name) + " " + std::to_string(fr.occupancy[k]) + "/" +
           std::to_string(site.capacity) + "</text>";
  }
  s += "\n<text x=\"30\" y=\"110\" font-size=\"100\" font-weight=\"bold\">" + format_clock(fr.time) +
       "</text>\n";
  return s + "</svg>\n";
}

std::string timeline_svg(const Debrief& d, const InjectTable& injects, i18n::Language l) {
  const Model& model = d.run.assembly->model;
  const SimState& st = d.run.sim->state();
  const double end = std::max(model.run.duration, st.time(model.run.dt));
  // Lanes: the sheltered curve's band, injects, then one lane per role that decided,
  // then the trainer's actions and notes.
  std::vector<std::string> roles;
  for (const DecisionMatch& m : injects.decisions) {
    const std::string role = d.events[m.event].journal.data.value("role", std::string{});
    if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
  }
  const double left = 170, right = 30, top = 20, curve_h = 120, lane_h = 34;
  const double width = 1100, plot_w = width - left - right;
  const double lanes_top = top + curve_h + 20;
  const double height = lanes_top + lane_h * static_cast<double>(roles.size() + 2) + 40;
  auto x = [&](double t) { return left + plot_w * std::clamp(t / end, 0.0, 1.0); };
  auto lane_y = [&](std::size_t k) { return lanes_top + lane_h * (static_cast<double>(k) + 0.5); };
  std::string s = "<svg class=\"timeline\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                  "\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"12\">\n";
  // Time grid every 15 min (every 30 min past three hours).
  const double every = end > 3 * 3600.0 + 1 ? 1800.0 : 900.0;
  for (double t = 0; t <= end + 1e-9; t += every)
    s += "<line x1=\"" + num1(x(t)) + "\" x2=\"" + num1(x(t)) + "\" y1=\"" + num(top) + "\" y2=\"" +
         num(height - 30) + "\" stroke=\"#e4e4e4\"/><text x=\"" + num1(x(t)) + "\" y=\"" + num(height - 12) +
         "\" text-anchor=\"middle\" fill=\"#555\">" + format_clock(t).substr(0, format_clock(t).size() - 3) +
         "</text>";
  // Sheltered share.
  std::string pts;
  const double residents = std::max<double>(1.0, static_cast<double>(model.population.size()));
  for (const TimelineRow& row : st.records.timeline)
    pts +=
        num1(x(row.time)) + "," +
        num1(top + curve_h * (1.0 - row.by_status[static_cast<std::size_t>(Status::Sheltered)] / residents)) +
        " ";
  s += "<rect x=\"" + num(left) + "\" y=\"" + num(top) + "\" width=\"" + num(plot_w) + "\" height=\"" +
       num(curve_h) + "\" fill=\"none\" stroke=\"#ccc\"/>";
  s += "<polyline points=\"" + pts + "\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\"/>";
  s += "<text x=\"" + num(left - 8) + "\" y=\"" + num(top + 12) + "\" text-anchor=\"end\">" +
       html_escape(tr(l, "100 % safe")) + "</text>";
  s += "<text x=\"" + num(left - 8) + "\" y=\"" + num(top + curve_h) + "\" text-anchor=\"end\">0 %</text>\n";
  auto lane_label = [&](std::size_t k, const std::string& text) {
    s += "<text x=\"" + num(left - 8) + "\" y=\"" + num1(lane_y(k) + 4) + "\" text-anchor=\"end\">" +
         html_escape(text) + "</text><line x1=\"" + num(left) + "\" x2=\"" + num(width - right) + "\" y1=\"" +
         num1(lane_y(k)) + "\" y2=\"" + num1(lane_y(k)) + "\" stroke=\"#ddd\"/>";
  };
  lane_label(0, tr(l, "injects"));
  for (std::size_t r = 0; r < roles.size(); ++r) lane_label(r + 1, roles[r]);
  lane_label(roles.size() + 1, tr(l, "trainer, notes"));
  // Injects: filled when fired, open when held, crossed when skipped, grey when not fired.
  for (const InjectRow& row : injects.rows) {
    const double t = row.fired.value_or(row.due);
    const std::string cx = num1(x(t)), cy = num1(lane_y(0));
    if (row.status == "fired")
      s += "<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"6\" fill=\"#000\"/>";
    else if (row.status == "held")
      s += "<circle cx=\"" + cx + "\" cy=\"" + cy +
           "\" r=\"6\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"2\"/>";
    else if (row.status == "skipped")
      s += "<path d=\"M" + num1(x(t) - 5) + " " + num1(lane_y(0) - 5) +
           "l10 10m0 -10l-10 10\" stroke=\"#777\" "
           "stroke-width=\"2\"/>";
    else
      s += "<circle cx=\"" + cx + "\" cy=\"" + cy +
           "\" r=\"6\" fill=\"#fff\" stroke=\"#999\" stroke-width=\"2\"/>";
    s += "<text x=\"" + cx + "\" y=\"" + num1(lane_y(0) - 10) +
         "\" text-anchor=\"middle\" font-size=\"10\">" + html_escape(inject_label(row.id)) + "</text>";
  }
  // Decisions, with a line back to the inject they answered.
  for (const DecisionMatch& m : injects.decisions) {
    const DebriefEvent& ev = d.events[m.event];
    const std::string role = ev.journal.data.value("role", std::string{});
    const std::size_t lane =
        1 + static_cast<std::size_t>(std::find(roles.begin(), roles.end(), role) - roles.begin());
    if (m.inject) {
      const InjectRow& row = injects.rows[*m.inject];
      s += "<line x1=\"" + num1(x(row.fired.value_or(row.due))) + "\" y1=\"" + num1(lane_y(0)) + "\" x2=\"" +
           num1(x(ev.t)) + "\" y2=\"" + num1(lane_y(lane)) + "\" stroke=\"#E69F00\" stroke-width=\"1.5\"/>";
    }
    s += "<rect x=\"" + num1(x(ev.t) - 6) + "\" y=\"" + num1(lane_y(lane) - 6) +
         "\" width=\"12\" height=\"12\" fill=\"#E69F00\" stroke=\"#000\"/>";
  }
  for (const DebriefEvent& ev : d.events) {
    const std::string& type = ev.journal.type;
    if (type != "trainer" && type != "clock" && type != "note") continue;
    s += "<path d=\"M" + num1(x(ev.t)) + " " + num1(lane_y(roles.size() + 1) - 7) +
         "l6 7l-6 7l-6 -7z\" fill=\"";
    s += type == "note" ? "#56B4E9" : "#777";
    s += "\"/>";
  }
  return s + "</svg>\n";
}

}  // namespace ss::drill
