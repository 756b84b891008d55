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
#include "i18n/number_format.hpp"
#include "output/summary.hpp"

namespace ss::drill {
namespace {

using batch::html_escape;
using i18n::fill;
using i18n::Language;

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

std::string event_name(const DebriefEvent& ev, Language l) {
  const nlohmann::json& j = ev.journal.data;
  const std::string& type = ev.journal.type;
  if (type == "inject") return fill(tr(l, "inject %s (%s)"), {text_of(j, "id"), text_of(j, "kind")});
  if (type == "decision") return fill(tr(l, "decision (%s)"), {text_of(j, "kind")});
  if (type == "trainer") return fill(tr(l, "trainer: %s %s"), {text_of(j, "action"), text_of(j, "id")});
  if (type == "clock")
    return fill(tr(l, "clock: %s"), {text_of(j, "action")}) +
           (j.contains("speed") ? " ×" + text_of(j, "speed") : "");
  if (type == "note") return tr(l, "note");
  if (type == "drill_start") return tr(l, "drill started");
  if (type == "resumed") return tr(l, "drill resumed");
  if (type == "drill_end") return tr(l, "drill ended");
  return type;
}

std::string event_what(const DebriefEvent& ev, Language l) {
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
  if (type == "drill_start") return fill(tr(l, "%s on %s"), {text_of(j, "name"), text_of(j, "scenario")});
  if (type == "resumed") return fill(tr(l, "after journal line %s"), {text_of(j, "after_line")});
  return {};
}

// An inject's status as the journal writes it (fired, held, skipped, not_fired) in the
// report's language; English keeps the journal's word.
std::string inject_status(const std::string& status, Language l) {
  if (l == Language::En) return status;
  if (status == "fired") return tr(l, "fired");
  if (status == "held") return tr(l, "held");
  if (status == "skipped") return tr(l, "skipped");
  if (status == "not_fired") return tr(l, "not fired");
  return status;
}

std::string event_status(const DebriefEvent& ev, Language l) {
  const nlohmann::json& j = ev.journal.data;
  const std::string& type = ev.journal.type;
  if (type == "inject") {
    std::string s = inject_status(text_of(j, "status"), l);
    if (j.contains("by")) s += fill(tr(l, " by %s"), {text_of(j, "by")});
    if (j.contains("condition"))
      s += fill(tr(l, "; condition %s: %s"), {text_of(j, "condition"), text_of(j, "measured")});
    return s;
  }
  if (type == "decision")
    return j.contains("reason_not_applied")
               ? fill(tr(l, "not applied: %s"), {text_of(j, "reason_not_applied")})
               : tr(l, "applied");
  if (type == "trainer") return text_of(j, "result");
  return {};
}

std::string figure_row(const std::vector<batch::KpiValue>& kpis, const std::string& key,
                       const std::string& words, Language l) {
  for (const batch::KpiValue& k : kpis)
    if (k.key == key) {
      const batch::KpiInfo info = batch::describe_kpi(key, l);
      return "<tr><td>" + html_escape(words.empty() ? info.words : words) + "</td><td data-kpi=\"" + key +
             "\" data-value=\"" + (k.value ? exact(*k.value) : "") + "\">" +
             (k.value ? batch::format_value(info.unit, *k.value, l) : std::string(tr(l, "not reached"))) +
             "</td></tr>\n";
    }
  return {};
}

// A resident status in words: the engine's name in English (as the report always
// showed it), the status's words in the other languages.
std::string status_words(Status st, Language l) {
  if (l == Language::En) return to_string(st);
  switch (st) {
    case Status::Unaware: return tr(l, "not yet warned");
    case Status::Preparing: return tr(l, "preparing");
    case Status::Moving: return tr(l, "moving");
    case Status::WaitingForHelp: return tr(l, "waiting for help");
    case Status::Stranded: return tr(l, "stranded");
    default: return to_string(st);
  }
}

// A target's status in capitals: "MET", "MISSED", "OPEN".
std::string target_status(TargetStatus st, Language l) {
  switch (st) {
    case TargetStatus::Met: return tr(l, "MET");
    case TargetStatus::Missed: return tr(l, "MISSED");
    case TargetStatus::Open: return tr(l, "OPEN");
  }
  return to_string(st);
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

std::string debrief_html(const Debrief& d, const InjectTable& injects, const std::string& values_section,
                         Language l) {
  const Model& model = d.run.assembly->model;
  const SimState& s = d.run.sim->state();
  auto count = [l](std::uint64_t n) { return i18n::format_count(n, l); };
  const std::string title = fill(tr(l, "After-action report: %s"), {d.drill_name});
  std::string h = std::string("<!DOCTYPE html>\n<html lang=\"") + i18n::code(l) +
                  "\"><head><meta charset=\"utf-8\">\n<title>" + html_escape(title) + "</title>\n" +
                  batch::report_style() + kStyle + "</head><body>\n";
  h += "<h1>" + html_escape(title) + "</h1>\n<p class=meta>" +
       fill(tr(l, "Journal %s; scenario %s"),
            {"<code>" + html_escape(d.journal) + "</code>", "<code>" + html_escape(d.scenario) + "</code>"}) +
       (d.variant.empty() ? "" : fill(tr(l, ", variant %s"), {html_escape(d.variant)})) +
       fill(tr(l, ", seed %s; %s simulated in steps of %s s."),
            {std::to_string(d.seed), format_clock(s.time(model.run.dt)),
             i18n::localize_number(exact(model.run.dt), l)}) +
       " " + tr(l, "Everything here comes from replaying the journal, which gives the drill's run exactly.") +
       "</p>\n";
  bool ended = false;
  for (const DebriefEvent& ev : d.events) ended = ended || ev.journal.type == "drill_end";
  if (!d.dropped.empty())
    h += "<p class=warn>" +
         fill(tr(l, "The journal's last line was cut short and left out: %s"), {html_escape(d.dropped)}) +
         "</p>\n";
  if (!ended)
    h += "<p class=warn>" +
         fill(tr(l,
                 "The journal has no end: the drill was stopped at %s; from there the simulation ran on "
                 "its own."),
              {format_clock(d.events.back().t)}) +
         "</p>\n";

  // Key figures and targets.
  const nlohmann::json summary = debrief_summary(d);
  const std::vector<batch::KpiValue> kpis = batch::kpis_from_summary(summary, d.journal);
  h += std::string("<h2>") + tr(l, "Key figures and the plan's targets") +
       "</h2>\n<table class=figures><tr><th>" + tr(l, "figure") + "</th><th>" + tr(l, "drill") +
       "</th></tr>\n";
  for (const char* key :
       {"overall.t50_s", "overall.t90_s", "overall.t95_s", "overall.t100_s", "overall.safe_share"})
    h += figure_row(kpis, key, "", l);
  const RunMetrics m = compute_metrics(model, s);
  h += std::string("<tr><td>") + tr(l, "safe (in shelters, at assembly areas, upstairs)") +
       "</td><td data-kpi=\"safe\" data-value=\"" + std::to_string(m.overall.safe) + "\">" +
       i18n::format_share(m.overall.safe, m.overall.residents, l) + "</td></tr>\n";
  h += std::string("<tr><td>") + tr(l, "not safe at the end") +
       "</td><td data-kpi=\"not_safe\" data-value=\"" + std::to_string(m.overall.residents - m.overall.safe) +
       "\">" + count(m.overall.residents - m.overall.safe) + "</td></tr>\n";
  for (std::size_t o = 0; o < kOutcomeCount; ++o) {
    const Outcome out = static_cast<Outcome>(o);
    if (is_safe(out) || m.overall.by_outcome[o] == 0) continue;
    const std::string key = std::string("outcome.") + to_string(out);
    // In English the engine's outcome name, as the report always showed it.
    const std::string words =
        l == Language::En ? std::string(to_string(out)) : batch::describe_kpi(key, l).words;
    h += figure_row(kpis, key, fill(tr(l, "  of them: %s"), {words}), l);
  }
  h += figure_row(kpis, "shelters.filled", tr(l, "shelters that filled up"), l);
  for (const char* key : {"flood.residents_in_water", "flood.residents_stranded",
                          "flood.residents_reached_at_home", "response.p90_s"})
    h += figure_row(kpis, key, "", l);
  h += "</table>\n";
  const std::vector<TargetResult> targets = evaluate_targets(model, s, true);
  if (!targets.empty()) {
    h += std::string("<h3>") + tr(l, "Targets") + "</h3><table class=targets><tr><th>" + tr(l, "status") +
         "</th><th>" + tr(l, "target") + "</th><th>" + tr(l, "measured") + "</th></tr>\n";
    for (const TargetResult& t : targets) {
      std::string detail = t.detail;
      if (t.missed_count > 0) detail += fill(tr(l, "; %s households missed it"), {count(t.missed_count)});
      h += "<tr><td class=" + std::string(to_string(t.status)) + ">" + target_status(t.status, l) +
           "</td><td>" + html_escape(target_text(t.target)) + "</td><td>" + html_escape(detail) +
           "</td></tr>\n";
    }
    h += "</table>\n";
  }

  // Timeline.
  h += std::string("<h2>") + tr(l, "Timeline") + "</h2>\n<p class=legend><span>" + tr(l, "● inject fired") +
       "</span><span>" + tr(l, "○ held or not fired") + "</span><span>" + tr(l, "× skipped") +
       "</span><span style=\"color:#E69F00\">" + tr(l, "■ decision (line: the inject it answered)") +
       "</span><span>" + tr(l, "◆ trainer, clock, note") + "</span><span style=\"color:#0072B2\">" +
       tr(l, "— share of residents safe") + "</span></p>\n";
  h += timeline_svg(d, injects, l);
  h += "<table class=timeline-table><tr>";
  for (const char* head : {tr_noop("simulated"), tr_noop("wall clock"), tr_noop("event"), tr_noop("role"),
                           tr_noop("what"), tr_noop("status"), tr_noop("reason"), tr_noop("consequences")})
    h += std::string("<th>") + tr(l, head) + "</th>";
  h += "</tr>\n";
  for (std::size_t k = 0; k < d.events.size(); ++k) {
    const DebriefEvent& ev = d.events[k];
    const nlohmann::json& j = ev.journal.data;
    std::string status = event_status(ev, l);
    for (const DecisionMatch& dm : injects.decisions)
      if (dm.event == k)
        status += dm.inject ? fill(tr(l, "; answers %s (%s)"), {injects.rows[*dm.inject].id, dm.rule})
                            : std::string(tr(l, "; own initiative"));
    std::string conseq;
    for (const std::string& c : ev.consequences) conseq += "<div>" + html_escape(c) + "</div>";
    const std::string cls = ev.journal.type == "clock" ? "trainer" : ev.journal.type;
    h += "<tr class=\"" + cls + "\" data-line=\"" + std::to_string(ev.journal.line) + "\"><td>" +
         (ev.journal.type == "drill_start" ? std::string("0:00:00") : format_clock(ev.t)) + "</td><td>" +
         html_escape(wall_time(ev.wall)) + "</td><td>" + html_escape(event_name(ev, l)) + "</td><td>" +
         html_escape(text_of(j, "role")) + "</td><td>" + html_escape(event_what(ev, l)) + "</td><td>" +
         html_escape(status) + "</td><td>" + html_escape(text_of(j, "reason")) + "</td><td class=conseq>" +
         conseq + "</td></tr>\n";
  }
  h += "</table>\n";

  // Injects: expected against actual.
  h += std::string("<h2>") + tr(l, "Injects: expected and actual") + "</h2>\n<p class=meta>" +
       tr(l,
          "A decision answers the latest fired inject that acted on the same street, shelter, team, zone or "
          "household; otherwise the latest inject fired to the decision's role; otherwise it was the "
          "players' own initiative. Time taken: from the inject to the first decision that answered it.") +
       "</p>\n<table class=injects><tr>";
  for (const char* head :
       {tr_noop("inject"), tr_noop("due"), tr_noop("status"), tr_noop("role"), tr_noop("what came in"),
        tr_noop("expected"), tr_noop("what the players did"), tr_noop("time taken")})
    h += std::string("<th>") + tr(l, head) + "</th>";
  h += "</tr>\n";
  for (const InjectRow& r : injects.rows) {
    std::string did;
    for (const std::size_t e : r.decisions) {
      const nlohmann::json& j = d.events[e].journal.data;
      did += "<div>" + format_clock(d.events[e].t) + " " + html_escape(text_of(j, "role")) + ": " +
             html_escape(text_of(j, "kind")) + " " + html_escape(text_of(j, "target")) +
             (j.contains("reason") ? " — " + html_escape(text_of(j, "reason")) : "") + "</div>";
    }
    if (did.empty())
      did =
          "<span class=na>" + std::string(r.fired ? tr(l, "no decision") : tr(l, "not received")) + "</span>";
    std::string status = inject_status(r.status, l) + (r.by.empty() ? "" : fill(tr(l, " by %s"), {r.by}));
    if (r.fired && std::abs(*r.fired - r.due) > 0.5 * model.run.dt)
      status += fill(tr(l, " at %s"), {format_clock(*r.fired)});
    if (!r.condition.empty()) status += "; " + r.condition + ": " + r.measured;
    h += "<tr data-inject=\"" + html_escape(r.id) + "\"><td>" + html_escape(r.id) + "</td><td>" +
         format_clock(r.due) + "</td><td>" + html_escape(status) + "</td><td>" + html_escape(r.role) +
         "</td><td>" + html_escape(r.text) + "</td><td>" + html_escape(r.expected) + "</td><td>" + did +
         "</td><td data-response=\"" + (r.response ? exact(*r.response) : "") + "\">" +
         (r.response ? format_clock(*r.response) : "-") + "</td></tr>\n";
  }
  std::size_t own = 0;
  for (const DecisionMatch& dm : injects.decisions) own += dm.inject ? 0 : 1;
  h += "</table>\n<p class=meta>" +
       fill(tr(l, "%s decisions, %s of them on the players' own initiative."),
            {std::to_string(injects.decisions.size()), std::to_string(own)}) +
       "</p>\n";

  // Maps.
  h += std::string("<h2>") + tr(l, "Maps") + "</h2>\n<p class=legend>";
  for (const Status st :
       {Status::Unaware, Status::Preparing, Status::Moving, Status::WaitingForHelp, Status::Stranded})
    h += "<span><span class=swatch style=\"background:" + std::string(status_colour(st)) + "\"></span>" +
         status_words(st, l) + "</span>";
  auto swatch = [](const char* colour, const std::string& text) {
    return std::string("<span><span class=swatch style=\"background:") + colour + "\"></span>" + text +
           "</span>";
  };
  h += swatch("#D55E00", tr(l, "road closed")) +
       swatch("#0072B2", tr(l, "closed by water (dashed); shelter fill")) +
       swatch("#9ecae1", fill(tr(l, "water %s"), {i18n::localize_number("0.1–0.5 m", l)})) +
       swatch("#4292c6", i18n::localize_number("0.5–1 m", l)) +
       swatch("#08519c", fill(tr(l, "over %s"), {"1 m"})) + "</p>\n<p class=meta>" +
       tr(l,
          "Residents not yet safe, one dot per 40 m square and status (area by the count); shelters with "
          "occupancy / capacity, crossed out when closed.") +
       "</p>\n";
  h += map_defs_svg(model) + "<div class=maps>\n";
  for (const MapFrame& f : d.maps) {
    auto n = [&f](Status st) { return f.by_status[static_cast<std::size_t>(st)]; };
    h += "<figure data-map-time=\"" + exact(f.time) + "\">" + map_svg(model, f) + "<figcaption>" +
         fill(tr(l, "%s: %s safe, %s on the way, %s at home, %s waiting for help, %s stranded"),
              {format_clock(f.time), count(n(Status::Sheltered)), count(n(Status::Moving)),
               count(n(Status::Unaware) + n(Status::Preparing)), count(n(Status::WaitingForHelp)),
               count(n(Status::Stranded))}) +
         "</figcaption></figure>\n";
  }
  h += "</div>\n" + values_section + "</body></html>\n";
  return h;
}

}  // namespace ss::drill
