#include "cli/plan_report.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "engine/plan/targets.hpp"

namespace ss::cli {
namespace {

std::string minutes(const std::optional<double>& s) {
  if (!s) return "  -  ";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *s / 60.0);
  return buf;
}

}  // namespace

void print_plan_summary(const Model& model, const SimState& state) {
  std::size_t warned = 0;
  for (const float t : state.warned_time) warned += std::isnan(t) ? 0 : 1;
  const double n = static_cast<double>(model.population.size());
  std::printf("warned           %zu (%.1f %%)\n", warned, n > 0 ? 100.0 * static_cast<double>(warned) / n : 0.0);
  if (model.plan.response.teams.empty() && model.plan.targets.empty()) return;
  const ResponseMetrics r = response_metrics(model, state);
  std::printf("responders       %zu teams, %u tasks, %u reached; response P50/P90/max %s / %s / %s min\n",
              model.plan.response.teams.size(), r.overall.tasks, r.overall.arrived, minutes(r.overall.p50).c_str(),
              minutes(r.overall.p90).c_str(), minutes(r.overall.max).c_str());
  for (std::size_t k = 0; k < kTeamKindCount; ++k) {
    const ResponseStats& s = r.by_team_kind[k];
    if (s.tasks == 0) continue;
    std::printf("  %-14s %u tasks, P50/P90/max %s / %s / %s min\n", to_string(static_cast<TeamKind>(k)), s.tasks,
                minutes(s.p50).c_str(), minutes(s.p90).c_str(), minutes(s.max).c_str());
  }
  const std::vector<TargetResult> targets = evaluate_targets(model, state);
  std::size_t met = 0;
  for (const TargetResult& t : targets) met += t.met ? 1 : 0;
  if (!targets.empty()) std::printf("targets          %zu of %zu met\n", met, targets.size());
  for (const TargetResult& t : targets) {
    std::string what = to_string(t.target.kind);
    char buf[96];
    if (t.target.kind == TargetKind::HazardKpiAtMost) {
      what = t.target.kpi;
      const bool seconds = t.unit == "min";
      std::snprintf(buf, sizeof buf, " at most %g %s", seconds ? t.target.at_most / 60.0 : t.target.at_most, t.unit.c_str());
      what += buf;
    } else if (t.target.kind != TargetKind::NoShelterOverCapacity) {
      if (t.target.kind == TargetKind::VulnerableReachedWithin)
        std::snprintf(buf, sizeof buf, " %.0f min", t.target.minutes);
      else
        std::snprintf(buf, sizeof buf, " %.0f %% in %.0f min", 100.0 * t.target.share, t.target.minutes);
      what += buf;
    }
    if (t.measured) std::snprintf(buf, sizeof buf, "%.3g %s", *t.measured, t.unit.c_str());
    else std::snprintf(buf, sizeof buf, t.target.kind == TargetKind::HazardKpiAtMost ? "n/a" : "never");
    if (t.target.kind == TargetKind::HazardKpiAtMost)
      std::printf("  %-6s %s: measured %s\n", t.met ? "MET" : "MISSED", what.c_str(), buf);
    else
      std::printf("  %-6s %s: measured %s; %zu households missed it\n", t.met ? "MET" : "MISSED", what.c_str(), buf,
                  t.missed_count);
  }
}

}  // namespace ss::cli
