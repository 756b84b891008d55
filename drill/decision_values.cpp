#include "drill/decision_values.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>

#include "batch/svg_chart.hpp"
#include "engine/core/display_text.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "i18n/number_format.hpp"

namespace ss::drill {

using i18n::fill;
using i18n::Language;

namespace {

using batch::html_escape;

std::string text_of(const nlohmann::json& j, const char* key) {
  if (!j.contains(key)) return {};
  return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

std::string people(std::uint64_t n, Language l) {
  return fill(n == 1 ? tr(l, "%s person") : tr(l, "%s people"), {i18n::format_count(n, l)});
}
std::string more_people(std::uint64_t n, Language l) {
  return fill(n == 1 ? tr(l, "%s more person") : tr(l, "%s more people"), {i18n::format_count(n, l)});
}

std::string exact(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string depth_text(double m, Language l = Language::En) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g m", m);
  return i18n::localize_number(buf, l);
}

// Joins phrases as "a, b and c".
std::string join(const std::vector<std::string>& parts, Language l) {
  std::string s;
  for (std::size_t k = 0; k < parts.size(); ++k)
    s += std::string(k == 0 ? "" : k + 1 == parts.size() ? tr(l, " and ") : tr(l, ", ")) + parts[k];
  return s;
}

}  // namespace

double exposed_depth(const Model& model) {
  const FloodHazard* f = find_flood(model);
  return f ? f->desc().people.exposed_depth : 0.0;
}

ValueFigures value_figures(const nlohmann::json& s) {
  ValueFigures f;
  const nlohmann::json& o = s.at("overall");
  if (o.contains("t90_s") && o["t90_s"].is_number()) f.t90 = o["t90_s"].get<double>();
  f.safe = o.at("safe").get<std::uint64_t>();
  f.not_safe = o.at("residents").get<std::uint64_t>() - f.safe;
  if (s.contains("flood")) {
    const nlohmann::json& e = s["flood"].at("overall");
    f.in_water = e.at("in_water").get<std::uint64_t>();
    f.in_deep = e.at("in_deep_water").get<std::uint64_t>();
    f.deep_water = s["flood"].at("deep_water_m").get<double>();
    std::uint64_t danger = 0;
    const nlohmann::json& classes = e.at("ever_in_class");
    std::size_t k = 0;
    for (auto it = classes.begin(); it != classes.end(); ++it, ++k)
      if (k >= 1) danger += it.value().get<std::uint64_t>();  // class 0 is "low"
    f.danger = danger;
    const nlohmann::json& limits = s["flood"].at("hazard_class_limits");
    if (limits.is_array() && !limits.empty()) f.danger_rating = limits[0].get<double>();
  }
  return f;
}

std::vector<ValueRun> plan_value_runs(const Debrief& d, const std::filesystem::path& work_dir) {
  std::vector<ValueRun> runs;
  ValueRun all;
  all.label = "without any of the players' decisions";
  all.dir = work_dir / "without-all";
  runs.push_back(all);
  for (std::size_t k = 0; k < d.events.size(); ++k) {
    const DebriefEvent& ev = d.events[k];
    if (ev.journal.type != "decision" || ev.journal.interventions.empty()) continue;
    const nlohmann::json& j = ev.journal.data;
    ValueRun r;
    r.line = ev.journal.line;
    r.event = k;
    r.label = format_clock(ev.t) + " " + text_of(j, "role") + ": " + text_of(j, "kind") + " " +
              text_of(j, "target");
    r.dir = work_dir / ("without-line-" + std::to_string(r.line));
    runs.push_back(r);
  }
  return runs;
}

void run_value_runs(std::vector<ValueRun>& runs, const std::string& exe, const std::string& journal,
                    std::size_t jobs, const std::function<void(const batch::PoolProgress&)>& on_progress) {
  std::vector<batch::RunSpec> specs;
  for (const ValueRun& r : runs) {
    batch::RunSpec spec;
    spec.variant = r.line == 0 ? "without-all" : "without-line-" + std::to_string(r.line);
    spec.dir = r.dir;
    spec.log = r.dir.string() + ".log";
    spec.command = {"replay", journal, "--out", r.dir.string(), "--quiet"};
    if (r.line == 0)
      spec.command.push_back("--without-decisions");
    else
      spec.command.insert(spec.command.end(), {"--without-decision", std::to_string(r.line)});
    specs.push_back(std::move(spec));
  }
  const std::vector<batch::RunResult> results =
      batch::run_processes(exe, "", specs, jobs, std::nullopt, on_progress);
  for (std::size_t k = 0; k < runs.size(); ++k) {
    ValueRun& r = runs[k];
    r.seconds = results[k].seconds;
    r.ok = results[k].ok;
    r.error = results[k].error;
    if (!r.ok) continue;
    const std::filesystem::path file = r.dir / "summary.json";
    std::ifstream in(file);
    try {
      r.figures = value_figures(nlohmann::json::parse(in));
    } catch (const std::exception& e) {
      r.ok = false;
      r.error = file.string() + ": " + e.what();
    }
  }
}

std::string worth_in_words(const ValueFigures& drill, const ValueFigures& without, double exposed_depth,
                           Language l) {
  std::vector<std::string> parts;
  if (drill.t90 && without.t90) {
    const double dt = *drill.t90 - *without.t90;
    if (std::abs(dt) >= 0.5)
      parts.push_back(dt > 0 ? fill(tr(l, "cost %s of T90"), {format_clock(dt)})
                             : fill(tr(l, "brought T90 %s earlier"), {format_clock(-dt)}));
  } else if (drill.t90 && !without.t90) {
    parts.push_back(fill(tr(l, "made 90 % safe at all (by %s)"), {format_clock(*drill.t90)}));
  } else if (!drill.t90 && without.t90) {
    parts.push_back(
        fill(tr(l, "kept 90 % from being safe (it was at %s without)"), {format_clock(*without.t90)}));
  }
  const auto ds = static_cast<std::int64_t>(drill.safe) - static_cast<std::int64_t>(without.safe);
  if (ds > 0)
    parts.push_back(fill(tr(l, "brought %s to safety"), {more_people(static_cast<std::uint64_t>(ds), l)}));
  if (ds < 0)
    parts.push_back(fill(tr(l, "left %s not safe"), {more_people(static_cast<std::uint64_t>(-ds), l)}));
  // Kept out of (fewer) or put in (more) water of a kind, drill minus re-run.
  auto water_change = [&](std::int64_t d, const std::string& water) {
    if (d < 0)
      parts.push_back(fill(tr(l, "kept %s out of %s"), {people(static_cast<std::uint64_t>(-d), l), water}));
    if (d > 0)
      parts.push_back(fill(tr(l, "put %s in %s"), {more_people(static_cast<std::uint64_t>(d), l), water}));
  };
  if (drill.in_water && without.in_water)
    water_change(static_cast<std::int64_t>(*drill.in_water) - static_cast<std::int64_t>(*without.in_water),
                 fill(tr(l, "water ≥ %s"), {depth_text(exposed_depth, l)}));
  if (drill.in_deep && without.in_deep)
    water_change(static_cast<std::int64_t>(*drill.in_deep) - static_cast<std::int64_t>(*without.in_deep),
                 fill(tr(l, "%s of water"), {depth_text(drill.deep_water, l)}));
  if (drill.danger && without.danger) {
    char hr[32];
    std::snprintf(hr, sizeof hr, "%g", drill.danger_rating);
    water_change(static_cast<std::int64_t>(*drill.danger) - static_cast<std::int64_t>(*without.danger),
                 fill(tr(l, "dangerous water (hazard rating ≥ %s)"), {i18n::localize_number(hr, l)}));
  }
  if (parts.empty()) return tr(l, "changed none of these figures");
  return join(parts, l);
}

std::string values_section_html(const Debrief& d, const ValueFigures& drill,
                                const std::vector<ValueRun>& runs, Language l) {
  const double depth = exposed_depth(d.run.assembly->model);
  std::string h = std::string("<h2>") + tr(l, "What each decision was worth") + "</h2>\n<p class=meta>" +
                  tr(l,
                     "The drill replayed from its journal without any of the players' decisions, and without "
                     "each decision in turn: the same scenario, seed and injects (common random numbers), so "
                     "every difference below is the decision's doing. Differences are the drill minus the "
                     "re-run: what making the decision changed.") +
                  "</p>\n<ul class=worth>\n";
  for (const ValueRun& r : runs) {
    if (!r.ok) {
      h += "<li class=warn>" +
           fill(tr(l, "%s: the re-run failed: %s"), {html_escape(r.label), html_escape(r.error)}) + "</li>\n";
      continue;
    }
    const std::string what = r.line == 0 ? std::string(tr(l, "The players' decisions together"))
                                         : fill(tr(l, "The decision at %s,"), {r.label});
    h += "<li data-line=\"" + std::to_string(r.line) + "\">" + html_escape(what) + " " +
         html_escape(worth_in_words(drill, r.figures, depth, l)) + tr(l, ".") + "</li>\n";
  }
  h += std::string("</ul>\n<table class=values><tr><th>") + tr(l, "run") + "</th><th>T90</th><th>" +
       tr(l, "safe") + "</th><th>" + tr(l, "not safe") + "</th>";
  const bool flood = drill.in_water.has_value();
  if (flood) {
    char hr[32];
    std::snprintf(hr, sizeof hr, "%g", drill.danger_rating);
    h += "<th>" + fill(tr(l, "in water ≥ %s"), {depth_text(depth, l)}) + "</th><th>" +
         fill(tr(l, "in water ≥ %s"), {depth_text(drill.deep_water, l)}) + "</th><th>" +
         fill(tr(l, "in water of hazard rating ≥ %s"), {i18n::localize_number(hr, l)}) + "</th>";
  }
  h += std::string("<th>") + tr(l, "re-run wall time") + "</th></tr>\n";
  auto cells = [&](const ValueFigures& f, const ValueFigures* base) {
    auto diff = [&](std::int64_t v) {
      if (!base) return std::string{};
      return std::string(" <span class=na>(") +
             (v > 0   ? "+"
              : v < 0 ? "−"
                      : "±") +
             i18n::format_count(static_cast<std::uint64_t>(std::llabs(v)), l) + ")</span>";
    };
    std::string c = "<td data-kpi=\"t90\" data-value=\"" + (f.t90 ? exact(*f.t90) : "") + "\">" +
                    (f.t90 ? format_clock(*f.t90) : std::string(tr(l, "not reached")));
    if (base && f.t90 && base->t90) {
      const double v = *f.t90 - *base->t90;
      c += " <span class=na>(" +
           std::string(v > 0   ? "+"
                       : v < 0 ? "−"
                               : "±") +
           format_clock(std::abs(v)) + ")</span>";
    }
    c += "</td><td data-kpi=\"safe\" data-value=\"" + std::to_string(f.safe) + "\">" +
         i18n::format_count(f.safe, l) +
         diff(base ? static_cast<std::int64_t>(f.safe) - static_cast<std::int64_t>(base->safe) : 0) + "</td>";
    c += "<td data-kpi=\"not_safe\" data-value=\"" + std::to_string(f.not_safe) + "\">" +
         i18n::format_count(f.not_safe, l) +
         diff(base ? static_cast<std::int64_t>(f.not_safe) - static_cast<std::int64_t>(base->not_safe) : 0) +
         "</td>";
    if (flood) {
      const std::uint64_t w = f.in_water.value_or(0), g = f.danger.value_or(0), d = f.in_deep.value_or(0);
      c += "<td data-kpi=\"in_water\" data-value=\"" + std::to_string(w) + "\">" + i18n::format_count(w, l) +
           diff(base ? static_cast<std::int64_t>(w) - static_cast<std::int64_t>(base->in_water.value_or(0))
                     : 0) +
           "</td><td data-kpi=\"in_deep_water\" data-value=\"" + std::to_string(d) + "\">" +
           i18n::format_count(d, l) +
           diff(base ? static_cast<std::int64_t>(d) - static_cast<std::int64_t>(base->in_deep.value_or(0))
                     : 0) +
           "</td><td data-kpi=\"danger\" data-value=\"" + std::to_string(g) + "\">" +
           i18n::format_count(g, l) +
           diff(base ? static_cast<std::int64_t>(g) - static_cast<std::int64_t>(base->danger.value_or(0))
                     : 0) +
           "</td>";
    }
    return c;
  };
  h += std::string("<tr data-run=\"drill\"><td>") + tr(l, "the drill, every decision made") + "</td>" +
       cells(drill, nullptr) + "<td></td></tr>\n";
  for (const ValueRun& r : runs) {
    if (!r.ok) continue;
    h += "<tr data-run=\"" +
         std::string(r.line == 0 ? "without-all" : "without-line-" + std::to_string(r.line)) + "\"><td>" +
         html_escape(r.line == 0 ? std::string(tr(l, "without any of the players' decisions"))
                                 : fill(tr(l, "without %s"), {r.label})) +
         "</td>" + cells(r.figures, &drill) + "<td>" +
         i18n::localize_number(exact(std::round(r.seconds * 10.0) / 10.0), l) + " s</td></tr>\n";
  }
  return h + "</table>\n<p class=meta>" + tr(l, "In brackets: the re-run minus the drill.") + "</p>\n";
}

}  // namespace ss::drill
