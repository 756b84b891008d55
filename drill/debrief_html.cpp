#include "drill/debrief_html.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "batch/kpi_labels.hpp"
#include "batch/report_parts.hpp"
#include "batch/run_record.hpp"
#include "batch/svg_chart.hpp"
#include "drill/debrief_svg.hpp"
#include "engine/core/display_text.hpp"
#include "engine/core/metrics.hpp"
#include "engine/plan/targets.hpp"
#include "output/summary.hpp"

namespace ss::drill {
namespace {

using batch::html_escape;

std::string text_of(const nlohmann::json& j, const char* key) {
  if (!j.contains(key)) return {};
  return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

// A number as data for machines (data-value attributes): every digit that matters.
std::string exact(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// "2026-12-05T09:30:00.123Z" → "09:30:00" (the debrief's day is the journal's).
std::string wall_time(const std::string& wall) { return wall.size() >= 19 ? wall.substr(11, 8) : wall; }

const char* kStyle = R"(<style>
.timeline, .map { width: 100%; height: auto; border: 1px solid #ddd; }
.map { max-width: 660px; }
.maps { display: flex; flex-wrap: wrap; gap: 16px; }
.maps figure { margin: 0; flex: 1 1 600px; max-width: 660px; }
tr.inject td:first-child { border-left: 4px solid #000; }
tr.decision td:first-child { border-left: 4px solid #E69F00; }
tr.trainer td:first-child { border-left: 4px solid #777; }
tr.note td:first-child { border-left: 4px solid #56B4E9; }
td.conseq { font-size: 12px; color: #333; } td.conseq div { margin: 1px 0; }
.met { color: #0072B2; font-weight: bold; } .missed { color: #D55E00; font-weight: bold; }
.open { color: #666; font-weight: bold; } .warn { color: #D55E00; }
.legend span { margin-right: 14px; font-size: 12px; white-space: nowrap; }
</style>
)";

std::string event_name(const DebriefEvent& ev) {
  const nlohmann::json& j = ev.journal.data;
  const std::string& type = ev.journal.type;
  if (type == "inject") return "inject " + text_of(j, "id") + " (" + text_of(j, "kind") + ")";
  if (type == "decision") return "decision (" + text_of(j, "kind") + ")";
  if (type == "trainer") return "trainer: " + text_of(j, "action") + " " + text_of(j, "id");
  if (type == "clock")
    return "clock: " + text_of(j, "action") + (j.contains("speed") ? " ×" + text_of(j, "speed") : "");
  if (type == "note") return "note";
  if (type == "drill_start") return "drill started";
  if (type == "resumed") return "drill resumed";
  if (type == "drill_end") return "drill ended";
  return type;
}

std::string event_what(const DebriefEvent& ev) {
  const nlohmann::json& j = ev.journal.data;
  const std::string& type = ev.journal.type;
  if (type == "inject") {
    std::string s = text_of(j, "text");
    if (!text_of(j, "target").empty() && text_of(j, "kind") != "message")
      s += " [" + text_of(j, "target") + "]";
    return s;
  }
  if (type == "decision") return text_of(j, "target");
  if (type == "note") return text_of(j, "text");
  if (type == "drill_start") return text_of(j, "name") + " on " + text_of(j, "scenario");
  if (type == "resumed") return "after journal line " + text_of(j, "after_line");
  return {};
}

std::string event_status(const DebriefEvent& ev) {
  const nlohmann::json& j = ev.journal.data;
  const std::string& type = ev.journal.type;
  if (type == "inject") {
    std::string s = text_of(j, "status");
    if (j.contains("by")) s += " by " + text_of(j, "by");
    if (j.contains("condition"))
      s += "; condition " + text_of(j, "condition") + ": " + text_of(j, "measured");
    return s;
  }
  if (type == "decision")
    return j.contains("reason_not_applied") ? "not applied: " + text_of(j, "reason_not_applied") : "applied";
  if (type == "trainer") return text_of(j, "result");
  return {};
}

std::string figure_row(const std::vector<batch::KpiValue>& kpis, const std::string& key,
                       const std::string& words) {
  for (const batch::KpiValue& k : kpis)
    if (k.key == key) {
      const batch::KpiInfo info = batch::describe_kpi(key);
      return "<tr><td>" + html_escape(words.empty() ? info.words : words) + "</td><td data-kpi=\"" + key +
             "\" data-value=\"" + (k.value ? exact(*k.value) : "") + "\">" +
             (k.value ? batch::format_value(info.unit, *k.value) : "not reached") + "</td></tr>\n";
    }
  return {};
}

}  // namespace

nlohmann::json debrief_summary(const Debrief& d) {
  const Model& model = d.run.assembly->model;
  const SimState& s = d.run.sim->state();
  output::RunInfo info;
  info.scenario_path = d.scenario;
  info.variant = d.variant;
  info.version = d.version;
  return nlohmann::json::parse(output::summary_json(model, s, compute_metrics(model, s), info).dump());
}

std::string debrief_html(const Debrief& d, const InjectTable& injects, const std::string& values_section) {
  const Model& model = d.run.assembly->model;
  const SimState& s = d.run.sim->state();
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>After-action report: " +
      html_escape(d.drill_name) + "</title>\n" + batch::report_style() + kStyle + "</head><body>\n";
  h += "<h1>After-action report: " + html_escape(d.drill_name) + "</h1>\n<p class=meta>Journal <code>" +
       html_escape(d.journal) + "</code>; scenario <code>" + html_escape(d.scenario) + "</code>" +
       (d.variant.empty() ? "" : ", variant " + html_escape(d.variant)) + ", seed " + std::to_string(d.seed) +
       "; " + format_clock(s.time(model.run.dt)) + " simulated in steps of " + exact(model.run.dt) +
       " s. Everything here comes from replaying the journal, which gives the drill's run exactly.</p>\n";
  bool ended = false;
  for (const DebriefEvent& ev : d.events) ended = ended || ev.journal.type == "drill_end";
  if (!d.dropped.empty())
    h += "<p class=warn>The journal's last line was cut short and left out: " + html_escape(d.dropped) +
         "</p>\n";
  if (!ended)
    h += "<p class=warn>The journal has no end: the drill was stopped at " + format_clock(d.events.back().t) +
         "; from there the simulation ran on its own.</p>\n";

  // Key figures and targets.
  const nlohmann::json summary = debrief_summary(d);
  const std::vector<batch::KpiValue> kpis = batch::kpis_from_summary(summary, d.journal);
  h += "<h2>Key figures and the plan's targets</h2>\n<table "
       "class=figures><tr><th>figure</th><th>drill</th></tr>\n";
  for (const char* key :
       {"overall.t50_s", "overall.t90_s", "overall.t95_s", "overall.t100_s", "overall.safe_share"})
    h += figure_row(kpis, key, "");
  const RunMetrics m = compute_metrics(model, s);
  h += "<tr><td>safe (in shelters, at assembly areas, upstairs)</td><td data-kpi=\"safe\" data-value=\"" +
       std::to_string(m.overall.safe) + "\">" + format_share(m.overall.safe, m.overall.residents) +
       "</td></tr>\n";
  h += "<tr><td>not safe at the end</td><td data-kpi=\"not_safe\" data-value=\"" +
       std::to_string(m.overall.residents - m.overall.safe) + "\">" +
       format_count(m.overall.residents - m.overall.safe) + "</td></tr>\n";
  for (std::size_t o = 0; o < kOutcomeCount; ++o) {
    const Outcome out = static_cast<Outcome>(o);
    if (is_safe(out) || m.overall.by_outcome[o] == 0) continue;
    h += figure_row(kpis, std::string("outcome.") + to_string(out),
                    std::string("  of them: ") + to_string(out));
  }
  h += figure_row(kpis, "shelters.filled", "shelters that filled up");
  for (const char* key : {"flood.residents_in_water", "flood.residents_stranded",
                          "flood.residents_reached_at_home", "response.p90_s"})
    h += figure_row(kpis, key, "");
  h += "</table>\n";
  const std::vector<TargetResult> targets = evaluate_targets(model, s, true);
  if (!targets.empty()) {
    h += "<h3>Targets</h3><table class=targets><tr><th>status</th><th>target</th><th>measured</th></tr>\n";
    for (const TargetResult& t : targets) {
      std::string status = to_string(t.status);
      for (char& c : status) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      std::string detail = t.detail;
      if (t.missed_count > 0) detail += "; " + format_count(t.missed_count) + " households missed it";
      h += "<tr><td class=" + std::string(to_string(t.status)) + ">" + status + "</td><td>" +
           html_escape(target_text(t.target)) + "</td><td>" + html_escape(detail) + "</td></tr>\n";
    }
    h += "</table>\n";
  }

  // Timeline.
  h +=
      "<h2>Timeline</h2>\n<p class=legend><span>● inject fired</span><span>○ held or not fired</span><span>× "
      "skipped</span><span style=\"color:#E69F00\">■ decision (line: the inject it answered)</span><span>◆ "
      "trainer, "
      "clock, note</span><span style=\"color:#0072B2\">— share of residents safe</span></p>\n";
  h += timeline_svg(d, injects);
  h += "<table class=timeline-table><tr><th>simulated</th><th>wall "
       "clock</th><th>event</th><th>role</th><th>what</th>"
       "<th>status</th><th>reason</th><th>consequences</th></tr>\n";
  for (std::size_t k = 0; k < d.events.size(); ++k) {
    const DebriefEvent& ev = d.events[k];
    const nlohmann::json& j = ev.journal.data;
    std::string status = event_status(ev);
    for (const DecisionMatch& dm : injects.decisions)
      if (dm.event == k)
        status += dm.inject ? "; answers " + injects.rows[*dm.inject].id + " (" + dm.rule + ")"
                            : "; own initiative";
    std::string conseq;
    for (const std::string& c : ev.consequences) conseq += "<div>" + html_escape(c) + "</div>";
    const std::string cls = ev.journal.type == "clock" ? "trainer" : ev.journal.type;
    h += "<tr class=\"" + cls + "\" data-line=\"" + std::to_string(ev.journal.line) + "\"><td>" +
         (ev.journal.type == "drill_start" ? std::string("0:00:00") : format_clock(ev.t)) + "</td><td>" +
         html_escape(wall_time(ev.wall)) + "</td><td>" + html_escape(event_name(ev)) + "</td><td>" +
         html_escape(text_of(j, "role")) + "</td><td>" + html_escape(event_what(ev)) + "</td><td>" +
         html_escape(status) + "</td><td>" + html_escape(text_of(j, "reason")) + "</td><td class=conseq>" +
         conseq + "</td></tr>\n";
  }
  h += "</table>\n";

  // Injects: expected against actual.
  h += "<h2>Injects: expected and actual</h2>\n<p class=meta>A decision answers the latest fired inject that "
       "acted "
       "on the same street, shelter, team, zone or household; otherwise the latest inject fired to the "
       "decision's "
       "role; otherwise it was the players' own initiative. Time taken: from the inject to the first "
       "decision that "
       "answered it.</p>\n<table class=injects><tr><th>inject</th><th>due</th><th>status</th><th>role</th>"
       "<th>what came in</th><th>expected</th><th>what the players did</th><th>time taken</th></tr>\n";
  for (const InjectRow& r : injects.rows) {
    std::string did;
    for (const std::size_t e : r.decisions) {
      const nlohmann::json& j = d.events[e].journal.data;
      did += "<div>" + format_clock(d.events[e].t) + " " + html_escape(text_of(j, "role")) + ": " +
             html_escape(text_of(j, "kind")) + " " + html_escape(text_of(j, "target")) +
             (j.contains("reason") ? " — " + html_escape(text_of(j, "reason")) : "") + "</div>";
    }
    if (did.empty())
      did = r.fired ? "<span class=na>no decision</span>" : "<span class=na>not received</span>";
    std::string status = r.status + (r.by.empty() ? "" : " by " + r.by);
    if (r.fired && std::abs(*r.fired - r.due) > 0.5 * model.run.dt) status += " at " + format_clock(*r.fired);
    if (!r.condition.empty()) status += "; " + r.condition + ": " + r.measured;
    h += "<tr data-inject=\"" + html_escape(r.id) + "\"><td>" + html_escape(r.id) + "</td><td>" +
         format_clock(r.due) + "</td><td>" + html_escape(status) + "</td><td>" + html_escape(r.role) +
         "</td><td>" + html_escape(r.text) + "</td><td>" + html_escape(r.expected) + "</td><td>" + did +
         "</td><td data-response=\"" + (r.response ? exact(*r.response) : "") + "\">" +
         (r.response ? format_clock(*r.response) : "-") + "</td></tr>\n";
  }
  std::size_t own = 0;
  for (const DecisionMatch& dm : injects.decisions) own += dm.inject ? 0 : 1;
  h += "</table>\n<p class=meta>" + std::to_string(injects.decisions.size()) + " decisions, " +
       std::to_string(own) + " of them on the players' own initiative.</p>\n";

  // Maps.
  h += "<h2>Maps</h2>\n<p class=legend>";
  for (const Status st :
       {Status::Unaware, Status::Preparing, Status::Moving, Status::WaitingForHelp, Status::Stranded})
    h += "<span><span class=swatch style=\"background:" + std::string(status_colour(st)) + "\"></span>" +
         to_string(st) + "</span>";
  h += "<span><span class=swatch style=\"background:#D55E00\"></span>road closed</span><span><span "
       "class=swatch "
       "style=\"background:#0072B2\"></span>closed by water (dashed); shelter fill</span><span><span "
       "class=swatch "
       "style=\"background:#9ecae1\"></span>water 0.1–0.5 m</span><span><span class=swatch "
       "style=\"background:#4292c6\"></span>0.5–1 m</span><span><span class=swatch "
       "style=\"background:#08519c\"></span>"
       "over 1 m</span></p>\n<p class=meta>Residents not yet safe, one dot per 40 m square and status (area "
       "by the "
       "count); shelters with occupancy / capacity, crossed out when closed.</p>\n";
  h += map_defs_svg(model) + "<div class=maps>\n";
  for (const MapFrame& f : d.maps)
    h += "<figure data-map-time=\"" + exact(f.time) + "\">" + map_svg(model, f) + "<figcaption>" +
         format_clock(f.time) + ": " +
         format_count(f.by_status[static_cast<std::size_t>(Status::Sheltered)]) + " safe, " +
         format_count(f.by_status[static_cast<std::size_t>(Status::Moving)]) + " on the way, " +
         format_count(f.by_status[static_cast<std::size_t>(Status::Unaware)] +
                      f.by_status[static_cast<std::size_t>(Status::Preparing)]) +
         " at home, " + format_count(f.by_status[static_cast<std::size_t>(Status::WaitingForHelp)]) +
         " waiting for help, " + format_count(f.by_status[static_cast<std::size_t>(Status::Stranded)]) +
         " stranded</figcaption></figure>\n";
  h += "</div>\n" + values_section + "</body></html>\n";
  return h;
}

}  // namespace ss::drill
