#include "engine/plan/targets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "engine/core/display_text.hpp"
#include "engine/plan/warning.hpp"

namespace ss {
namespace {

void fill(std::vector<double>& times, std::uint32_t tasks, ResponseStats& out) {
  std::sort(times.begin(), times.end());
  out.tasks = tasks;
  out.arrived = static_cast<std::uint32_t>(times.size());
  if (times.empty()) return;
  out.mean = std::accumulate(times.begin(), times.end(), 0.0) / static_cast<double>(times.size());
  // Over the arrived tasks: a distribution of the response times that happened.
  out.p50 = rank_quantile(times, times.size(), 0.5);
  out.p90 = rank_quantile(times, times.size(), 0.9);
  out.max = times.back();
}

// Households (by their id) of residents for whom `bad(i)` holds.
void collect_missed(const Model& model, const SimState& s, auto bad, TargetResult& out) {
  const Households& h = s.warn.households;
  for (std::size_t hh = 0; hh < h.count(); ++hh) {
    bool miss = false;
    for (std::uint32_t k = h.offset[hh]; k < h.offset[hh + 1] && !miss; ++k) miss = bad(h.members[k].index());
    if (!miss) continue;
    ++out.missed_count;
    const std::size_t first = h.members[h.offset[hh]].index();
    const HouseholdId id = model.population.household[first];
    out.missed.push_back({id.valid() ? id.value : static_cast<std::uint32_t>(first), model.home_zone[first]});
  }
  std::sort(out.missed.begin(), out.missed.end(),
            [](const MissedHousehold& a, const MissedHousehold& b) { return a.household < b.household; });
  if (out.missed.size() > kListedMissed) out.missed.resize(kListedMissed);
}

}  // namespace

std::optional<double> rank_quantile(const std::vector<double>& sorted, std::size_t total, double share) {
  if (total == 0) return std::nullopt;
  const auto k = static_cast<std::size_t>(std::ceil(share * static_cast<double>(total) - 1e-9));
  if (k == 0 || k > sorted.size()) return std::nullopt;
  return sorted[k - 1];
}

ResponseMetrics response_metrics(const Model& model, const SimState& s) {
  ResponseMetrics m;
  std::vector<double> all;
  std::array<std::vector<double>, kTeamKindCount> by_kind;
  std::array<std::vector<double>, 2> by_task;
  std::array<std::uint32_t, 2> task_count{};
  std::vector<std::vector<double>> by_zone(model.world.zone_count());
  std::vector<std::uint32_t> zone_count(by_zone.size(), 0);
  std::array<std::uint32_t, kTeamKindCount> kind_count{};
  for (const Task& task : s.response.tasks) {
    const auto tk = static_cast<std::size_t>(task.kind);
    ++task_count[tk];
    ++zone_count[task.zone.index()];
    if (std::isnan(task.arrived)) continue;
    const double rt = static_cast<double>(task.arrived) - task.created;
    const auto kind = static_cast<std::size_t>(model.plan.response.teams[task.team.index()].kind);
    ++kind_count[kind];
    all.push_back(rt);
    by_kind[kind].push_back(rt);
    by_task[tk].push_back(rt);
    by_zone[task.zone.index()].push_back(rt);
  }
  fill(all, static_cast<std::uint32_t>(s.response.tasks.size()), m.overall);
  for (std::size_t k = 0; k < kTeamKindCount; ++k) fill(by_kind[k], kind_count[k], m.by_team_kind[k]);
  for (std::size_t k = 0; k < 2; ++k) fill(by_task[k], task_count[k], m.by_task_kind[k]);
  m.by_zone.resize(by_zone.size());
  for (std::size_t z = 0; z < by_zone.size(); ++z) fill(by_zone[z], zone_count[z], m.by_zone[z]);
  return m;
}

const char* to_string(TargetStatus s) {
  switch (s) {
    case TargetStatus::Open: return "open";
    case TargetStatus::Met: return "met";
    case TargetStatus::Missed: return "missed";
  }
  return "?";
}

std::vector<TargetResult> evaluate_targets(const Model& model, const SimState& s, bool finished) {
  std::vector<TargetResult> out;
  const Population& pop = model.population;
  const std::size_t n = pop.size();
  const double now = s.time(model.run.dt);
  for (const PlanTarget& target : model.plan.targets) {
    TargetResult r;
    r.target = target;
    const double origin = target.after_warning ? model.plan.warning_time : 0.0;
    const double limit = target.minutes * 60.0;  // s
    const double deadline = origin + limit;
    // A target with a deadline is judged once the deadline has passed or the run has
    // ended, whichever comes first.
    const bool judged = finished || now >= deadline;
    auto settle = [&](bool ok) {
      r.status = ok ? TargetStatus::Met : judged ? TargetStatus::Missed : TargetStatus::Open;
    };
    switch (target.kind) {
      case TargetKind::VulnerableReachedWithin: {
        r.unit = "min";
        double worst = 0.0;
        std::uint64_t late = 0;
        for (std::size_t i = 0; i < n; ++i) {
          if (!needs_help(pop, i)) continue;
          ++r.of;
          const float reached = s.response.reached[i];
          if (std::isnan(reached)) continue;
          ++r.reached;
          worst = std::max(worst, reached - origin);
          late += reached - origin > limit ? 1 : 0;
        }
        const bool all = r.reached == r.of;
        if (all) r.measured = worst / 60.0;
        if (r.of == 0) {
          // Nobody needs help: nothing to judge before the run has ended.
          r.status = finished ? TargetStatus::Met : TargetStatus::Open;
          r.detail = "no resident needs help";
        } else if (late > 0) {
          r.status = TargetStatus::Missed;  // someone was reached after the deadline: final
        } else {
          // Everyone reached within the limit is final; otherwise open until the deadline.
          settle(all);
        }
        if (r.of > 0) {
          r.detail = format_share(r.reached, r.of) + " needing help reached";
          if (r.reached > 0) r.detail += ", the last after " + format_clock(worst);
        }
        collect_missed(
            model, s,
            [&](std::size_t i) { return needs_help(pop, i) && !(s.response.reached[i] - origin <= limit); },
            r);
        break;
      }
      case TargetKind::ShareSafeWithin:
      case TargetKind::WarnedWithin: {
        r.unit = "share";
        const bool safe = target.kind == TargetKind::ShareSafeWithin;
        auto ok = [&](std::size_t i) {
          return safe ? s.status[i] == Status::Sheltered && s.arrival_time[i] <= deadline
                      : s.warned_time[i] <= deadline;
        };
        for (std::size_t i = 0; i < n; ++i) r.reached += ok(i) ? 1 : 0;
        r.of = n;
        r.measured = n ? static_cast<double>(r.reached) / static_cast<double>(n) : 0.0;
        if (n == 0) {
          r.status = finished ? TargetStatus::Met : TargetStatus::Open;
          r.detail = "no residents";
        } else {
          // A resident counted as safe may still have to leave a shelter a hazard
          // reaches, so the share is judged at the deadline; warnings never un-happen,
          // so a warning share reached early is met at once.
          const bool reached = *r.measured >= target.share;
          if (safe)
            r.status = judged ? (reached ? TargetStatus::Met : TargetStatus::Missed) : TargetStatus::Open;
          else
            settle(reached);
          r.detail =
              format_share(r.reached, r.of) + (safe ? " safe" : " warned") + " by " + format_clock(deadline);
        }
        collect_missed(
            model, s, [&](std::size_t i) { return !ok(i); }, r);
        break;
      }
      case TargetKind::NoShelterOverCapacity: {
        r.unit = "ratio";
        double worst = 0.0;
        std::size_t fullest = model.world.shelters.size();
        std::int32_t fullest_peak = 0;
        for (std::size_t k = 0; k < model.world.shelters.size(); ++k) {
          std::int32_t peak = s.occupancy[k];
          for (const auto& row : s.records.occupancy_series) peak = std::max(peak, row[k]);
          const double ratio = static_cast<double>(peak) / model.world.shelters[k].capacity;
          if (fullest == model.world.shelters.size() || ratio > worst) {
            worst = ratio;
            fullest = k;
            fullest_peak = peak;
          }
        }
        r.measured = worst;
        // Over capacity once is over capacity: missed at once; within capacity is
        // only known at the end of the run.
        r.status = worst > 1.0 ? TargetStatus::Missed : finished ? TargetStatus::Met : TargetStatus::Open;
        if (fullest < model.world.shelters.size()) {
          char ratio[32];
          std::snprintf(ratio, sizeof ratio, "%.2f", worst);
          const ShelterSite& site = model.world.shelters[fullest];
          r.detail = "fullest shelter " + site.name + ": " + ratio + " of its capacity (" +
                     format_count(static_cast<std::uint64_t>(std::max(0, fullest_peak))) + " of " +
                     format_count(static_cast<std::uint64_t>(std::max(0, site.capacity))) + ")";
        } else {
          r.detail = "no shelters";
        }
        break;
      }
      case TargetKind::ResponseWithin: {
        r.unit = "min";
        std::vector<double> times;
        for (const Task& task : s.response.tasks) {
          if (std::isnan(task.arrived)) continue;
          const double rt = static_cast<double>(task.arrived) - task.created;
          times.push_back(rt);
          r.reached += rt <= limit ? 1 : 0;
        }
        r.of = s.response.tasks.size();
        std::sort(times.begin(), times.end());
        // Over all tasks: one never reached counts as later than any.
        const auto q = rank_quantile(times, s.response.tasks.size(), target.share);
        if (q) r.measured = *q / 60.0;
        // New tasks can arise until the run ends, so the share is judged then.
        const bool ok = s.response.tasks.empty() || (q && *q <= limit);
        r.status = finished ? (ok ? TargetStatus::Met : TargetStatus::Missed) : TargetStatus::Open;
        r.detail = r.of == 0 ? std::string("no tasks")
                             : format_share(r.reached, r.of) + " tasks reached within " + format_clock(limit);
        std::vector<std::uint8_t> late(s.warn.households.count(), 0);
        for (const Task& task : s.response.tasks)
          if (!(static_cast<double>(task.arrived) - task.created <= limit))
            late[s.warn.households.of_resident[task.first.index()]] = 1;
        collect_missed(
            model, s, [&](std::size_t i) { return late[s.warn.households.of_resident[i]] != 0; }, r);
        break;
      }
      case TargetKind::HazardKpiAtMost: {
        // The figure as the hazard reports it now, judged at the end of the run; one
        // that does not apply (NaN, or a hazard the scenario does not have) cannot be
        // missed.
        const bool seconds = target.kpi.size() > 2 && target.kpi.compare(target.kpi.size() - 2, 2, "_s") == 0;
        r.unit = seconds ? "min" : "count";
        bool ok = true;
        r.detail = "does not apply to this run";
        const std::size_t dot = target.kpi.find('.');
        for (std::size_t k = 0; k < model.hazards.size() && dot != std::string::npos; ++k) {
          if (model.hazards[k]->name() != std::string_view(target.kpi).substr(0, dot)) continue;
          std::vector<HazardKpi> kpis;
          model.hazards[k]->kpis(model, s, s.hazards[k].get(), kpis);
          for (const HazardKpi& v : kpis) {
            if (v.name != target.kpi.substr(dot + 1) || std::isnan(v.value)) continue;
            r.measured = seconds ? v.value / 60.0 : v.value;
            ok = v.value <= target.at_most;
            char buf[64];
            std::snprintf(buf, sizeof buf, "%g", v.value);
            r.detail = target.kpi + " = " + (seconds ? format_clock(v.value) : std::string(buf));
          }
        }
        r.status = finished ? (ok ? TargetStatus::Met : TargetStatus::Missed) : TargetStatus::Open;
        break;
      }
    }
    r.met = r.status == TargetStatus::Met;
    out.push_back(std::move(r));
  }
  return out;
}

std::string target_text(const PlanTarget& t) {
  std::string what = to_string(t.kind);
  char buf[96];
  if (t.kind == TargetKind::HazardKpiAtMost) {
    const bool seconds = t.kpi.size() > 2 && t.kpi.compare(t.kpi.size() - 2, 2, "_s") == 0;
    if (seconds) return t.kpi + " at most " + format_clock(t.at_most);
    std::snprintf(buf, sizeof buf, " at most %g", t.at_most);
    return t.kpi + buf;
  }
  if (t.kind == TargetKind::NoShelterOverCapacity) return what;
  // Response times count from each task's creation; the other deadlines from the
  // warning or the start.
  std::string within = format_clock(60.0 * t.minutes);
  if (t.kind != TargetKind::ResponseWithin) within += t.after_warning ? " after warning" : " after start";
  if (t.kind == TargetKind::VulnerableReachedWithin) return what + " " + within;
  std::snprintf(buf, sizeof buf, " %g %% within ", 100.0 * t.share);
  return what + buf + within;
}

}  // namespace ss
