#include "cli/plan_report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

#include "engine/core/display_text.hpp"
#include "engine/plan/responders.hpp"
#include "engine/plan/targets.hpp"
#include "i18n/language.hpp"
#include "i18n/number_format.hpp"

namespace ss::cli {
// Counts and shares as the planners' language writes them (English: as display_text).
using i18n::format_count;
using i18n::format_share;

namespace {

std::string clock_or_dash(const std::optional<double>& s) { return s ? format_clock(*s) : std::string("-"); }

}  // namespace

std::string row_label(const char* shown) { return pad_display(shown, 17); }

void print_plan_summary(const Model& model, const SimState& state, bool finished) {
  std::uint64_t warned = 0;
  for (const float t : state.warned_time) warned += std::isnan(t) ? 0 : 1;
  std::printf("%s%s\n", row_label(tr("warned")).c_str(),
              format_share(warned, model.population.size()).c_str());
  if (model.plan.response.teams.empty() && model.plan.targets.empty()) return;
  const ResponseMetrics r = response_metrics(model, state);
  std::printf(tr("%s%zu teams, %s tasks reached; response P50/P90/max %s / %s / %s\n"),
              row_label(tr("responders")).c_str(), model.plan.response.teams.size(),
              format_share(r.overall.arrived, r.overall.tasks).c_str(), clock_or_dash(r.overall.p50).c_str(),
              clock_or_dash(r.overall.p90).c_str(), clock_or_dash(r.overall.max).c_str());
  for (std::size_t k = 0; k < kTeamKindCount; ++k) {
    const ResponseStats& s = r.by_team_kind[k];
    if (s.tasks == 0) continue;
    std::printf(tr("  %-14s %u tasks, P50/P90/max %s / %s / %s\n"), to_string(static_cast<TeamKind>(k)),
                s.tasks, clock_or_dash(s.p50).c_str(), clock_or_dash(s.p90).c_str(),
                clock_or_dash(s.max).c_str());
  }
  const auto& offers = model.plan.response.mutual_aid;
  for (std::size_t o = 0; o < offers.size(); ++o) {
    const double asked = o < state.response.aid_requested.size() ? state.response.aid_requested[o] : NAN;
    if (std::isnan(asked)) {
      std::printf(tr("  mutual aid     %s: not requested\n"), offers[o].name.c_str());
      continue;
    }
    const double ready = mutual_aid_ready(model, state, o);
    std::printf(tr("  mutual aid     %s: requested at %s, ready at %s\n"), offers[o].name.c_str(),
                format_clock(asked).c_str(), format_clock(ready).c_str());
  }
  for (const TeamId t : teams_without_reachable_task(model, state)) {
    const Team& team = model.plan.response.teams[t.index()];
    std::printf(tr("  warning: %s (%s) took no task: from %s on, every open task of its roles lay beyond the "
                   "streets open to it\n"),
                team.name.c_str(), to_string(team.mode),
                format_clock(state.response.teams[t.index()].unreachable_since).c_str());
  }
  const std::vector<TargetResult> targets = evaluate_targets(model, state, finished);
  std::size_t met = 0, open = 0;
  for (const TargetResult& t : targets) met += t.met ? 1 : 0, open += t.status == TargetStatus::Open ? 1 : 0;
  if (!targets.empty())
    std::printf(tr("%s%zu of %zu met%s\n"), row_label(tr("targets")).c_str(), met, targets.size(),
                open ? (", " + std::to_string(open) + tr(" still open")).c_str() : "");
  for (const TargetResult& t : targets) {
    std::string status = to_string(t.status);
    for (char& c : status) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string line = "  " + pad_display(status, 7) + target_text(t.target) + ": " + t.detail;
    if (t.missed_count > 0) line += "; " + format_count(t.missed_count) + tr(" households missed it");
    std::printf("%s\n", line.c_str());
  }
}

}  // namespace ss::cli
