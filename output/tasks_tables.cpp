#include "output/tasks_tables.hpp"

#include <algorithm>
#include <cmath>

#include "engine/plan/responders.hpp"
#include "engine/plan/targets.hpp"
#include "output/format.hpp"

namespace ss::output {
namespace {

using ojson = nlohmann::ordered_json;

std::string roles_text(std::uint8_t roles) {
  std::string s;
  for (const auto& [bit, name] : {std::pair{kRoleDoorKnock, "door_knock"}, std::pair{kRoleAssist, "assist"},
                                  std::pair{kRoleMedical, "medical"}, std::pair{kRoleFire, "fire"}})
    if (roles & bit) s.append(s.empty() ? "" : " ").append(name);  // append: g++ 12 -Wrestrict on chained +
  return s;
}

std::uint32_t household_label(const Task& t) {
  return t.household.valid() ? t.household.value : static_cast<std::uint32_t>(t.first.index());
}

ojson opt(const std::optional<double>& v) { return v ? ojson(*v) : ojson(nullptr); }

ojson stats(const ResponseStats& r) {
  return {{"tasks", r.tasks},    {"arrived", r.arrived}, {"mean_s", opt(r.mean)},
          {"p50_s", opt(r.p50)}, {"p90_s", opt(r.p90)},  {"max_s", opt(r.max)}};
}

}  // namespace

std::string tasks_csv(const Model& model, const SimState& state) {
  CsvWriter csv;
  for (const char* h : {"id", "kind", "household", "zone", "vulnerability", "from_inject", "created_s",
                        "dispatched_s", "arrived_s", "response_s", "completed_s", "team", "team_kind",
                        "carried", "shelter", "failed", "water_forecast_s"})
    csv.text(h);
  csv.end_row();
  for (std::size_t k = 0; k < state.response.tasks.size(); ++k) {
    const Task& t = state.response.tasks[k];
    const bool arrived = !std::isnan(t.arrived);
    csv.num(k)
        .text(to_string(t.kind))
        .num(household_label(t))
        .text(model.world.zone_name(t.zone))
        .num(static_cast<unsigned>(t.vulnerability))
        .num(t.from_inject)
        .num(t.created)
        .num(t.dispatched)
        .num(t.arrived)
        .num(arrived ? t.arrived - t.created : std::numeric_limits<float>::quiet_NaN())
        .num(t.completed)
        .text(t.team.valid() ? model.plan.response.teams[t.team.index()].name : std::string{})
        .text(t.team.valid() ? to_string(model.plan.response.teams[t.team.index()].kind) : "")
        .num(t.carried)
        .text(t.shelter.valid() ? model.world.shelters[t.shelter.index()].name : std::string{})
        .num(t.failed)
        .num(std::isfinite(t.hazard_at) ? t.hazard_at : std::numeric_limits<float>::quiet_NaN());
    csv.end_row();
  }
  return csv.take();
}

std::string teams_csv(const Model& model, const SimState& state) {
  CsvWriter csv;
  for (const char* h :
       {"id", "name", "kind", "mode", "members", "roles", "depot_x_m", "depot_y_m", "mobilisation_s", "stage",
        "tasks_done", "people_escorted", "busy_s", "distance_m", "mutual_aid"})
    csv.text(h);
  csv.end_row();
  const auto& teams = model.plan.response.teams;
  for (std::size_t k = 0; k < teams.size() && k < state.response.teams.size(); ++k) {
    const Team& t = teams[k];
    const TeamState& ts = state.response.teams[k];
    const Vec2 depot = model.world.streets.node_pos[t.depot.index()];
    csv.num(k)
        .text(t.name)
        .text(to_string(t.kind))
        .text(to_string(t.mode))
        .num(t.members)
        .text(roles_text(t.roles));
    const auto& offers = model.plan.response.mutual_aid;
    const bool aid = t.aid >= 0 && static_cast<std::size_t>(t.aid) < offers.size();
    // A mutual-aid team's mobilisation is its offer's delay from the request.
    csv.num(depot.x).num(depot.y).num(aid ? offers[t.aid].delay : t.mobilisation).text(to_string(ts.stage));
    csv.num(ts.tasks_done).num(ts.people_escorted).num(ts.busy).num(ts.distance);
    csv.text(aid ? offers[t.aid].name : std::string{});
    csv.end_row();
  }
  return csv.take();
}

WarningCurve warning_curve(const Model& model, const SimState& state) {
  WarningCurve c;
  const auto& channels = model.plan.warning.channels;
  const std::size_t nch = std::max<std::size_t>(1, channels.size());
  // Columns: share, total, one per channel, then the other sources.
  c.header = {"warned_share", "warned_total"};
  for (std::size_t k = 0; k < nch; ++k)
    c.header.push_back("warned_" + column_key(channels.empty() ? "warning" : channels[k].name));
  const WarnSource others[] = {WarnSource::DoorKnock, WarnSource::Neighbours, WarnSource::Hazard,
                               WarnSource::Inject};
  for (const WarnSource s : others) c.header.push_back(std::string("warned_") + to_string(s));
  std::vector<std::vector<float>> times(nch + 4);
  for (std::size_t i = 0; i < state.warned_time.size(); ++i) {
    if (std::isnan(state.warned_time[i]) || i >= state.warn.source.size()) continue;
    const WarnSource s = state.warn.source[i];
    std::size_t col = 0;
    if (s == WarnSource::Channel)
      col = std::min<std::size_t>(state.warn.channel[i], nch - 1);
    else
      col = nch +
            static_cast<std::size_t>(std::find(std::begin(others), std::end(others), s) - std::begin(others));
    if (col < times.size()) times[col].push_back(state.warned_time[i]);
  }
  for (auto& v : times) std::sort(v.begin(), v.end());
  const double n = static_cast<double>(model.population.size());
  for (const TimelineRow& row : state.records.timeline) {
    std::vector<double> r(2, 0.0);
    double total = 0.0;
    for (const auto& v : times) {
      const auto count =
          static_cast<double>(std::upper_bound(v.begin(), v.end(), static_cast<float>(row.time)) - v.begin());
      r.push_back(count);
      total += count;
    }
    r[0] = n > 0 ? total / n : 0.0;
    r[1] = total;
    c.rows.push_back(std::move(r));
  }
  return c;
}

ojson plan_summary_json(const Model& model, const SimState& state, bool finished) {
  ojson j;
  const WarningCurve curve = warning_curve(model, state);
  ojson warned;
  if (!curve.rows.empty())
    for (std::size_t k = 1; k < curve.header.size(); ++k) warned[curve.header[k]] = curve.rows.back()[k];
  j["warning"] = {{"activation_s", model.plan.warning_time}, {"warned_by_end", std::move(warned)}};

  const ResponseMetrics r = response_metrics(model, state);
  ojson kinds, zones = ojson::array(), tasks;
  for (std::size_t k = 0; k < kTeamKindCount; ++k)
    if (r.by_team_kind[k].tasks > 0) kinds[to_string(static_cast<TeamKind>(k))] = stats(r.by_team_kind[k]);
  for (std::size_t z = 0; z < r.by_zone.size(); ++z)
    if (r.by_zone[z].tasks > 0) {
      ojson e = {{"id", z}, {"zone", model.world.zone_name(ZoneId{z})}};
      e.update(stats(r.by_zone[z]));
      zones.push_back(std::move(e));
    }
  for (std::size_t k = 0; k < 2; ++k) tasks[to_string(static_cast<TaskKind>(k))] = stats(r.by_task_kind[k]);
  j["responders"] = {{"teams", model.plan.response.teams.size()},
                     {"response_time", stats(r.overall)},
                     {"by_team_kind", std::move(kinds)},
                     {"by_task_kind", std::move(tasks)},
                     {"by_zone", std::move(zones)}};

  const auto& offers = model.plan.response.mutual_aid;
  if (!offers.empty()) {
    ojson aid = ojson::array();
    for (std::size_t o = 0; o < offers.size(); ++o) {
      std::size_t teams = 0, tasks = 0;
      for (std::size_t k = 0; k < model.plan.response.teams.size(); ++k)
        if (model.plan.response.teams[k].aid == static_cast<std::int32_t>(o)) {
          ++teams;
          tasks += state.response.teams[k].tasks_done;
        }
      std::optional<double> asked, ready;
      if (o < state.response.aid_requested.size() && !std::isnan(state.response.aid_requested[o])) {
        asked = state.response.aid_requested[o];
        ready = mutual_aid_ready(model, state, o);
      }
      aid.push_back({{"name", offers[o].name},
                     {"from", offers[o].from},
                     {"arrives_after_s", offers[o].delay},
                     {"teams", teams},
                     {"requested_s", opt(asked)},
                     {"ready_s", opt(ready)},
                     {"tasks_done", tasks}});
    }
    j["responders"]["mutual_aid"] = std::move(aid);
  }

  ojson idle = ojson::array();
  for (const TeamId t : teams_without_reachable_task(model, state)) {
    const Team& team = model.plan.response.teams[t.index()];
    idle.push_back({{"team", team.name},
                    {"mode", to_string(team.mode)},
                    {"since_s", state.response.teams[t.index()].unreachable_since}});
  }

  ojson targets = ojson::array();
  for (const TargetResult& t : evaluate_targets(model, state, finished)) {
    ojson e = {{"kind", to_string(t.target.kind)}, {"met", t.met}, {"status", to_string(t.status)}};
    if (t.target.kind == TargetKind::HazardKpiAtMost) {
      e["kpi"] = t.target.kpi;
      e["at_most"] = t.target.at_most;
    } else {
      if (t.target.kind != TargetKind::NoShelterOverCapacity) e["minutes"] = t.target.minutes;
      if (t.target.kind != TargetKind::VulnerableReachedWithin &&
          t.target.kind != TargetKind::NoShelterOverCapacity)
        e["share"] = t.target.share;
    }
    e["after"] = t.target.after_warning ? "warning" : "start";
    e["measured"] = opt(t.measured);
    e["unit"] = t.unit;
    if (t.of > 0) e["reached"] = t.reached, e["of"] = t.of;
    e["detail"] = t.detail;
    e["missed_households"] = t.missed_count;
    ojson list = ojson::array();
    for (const MissedHousehold& h : t.missed)
      list.push_back({{"household", h.household}, {"zone", model.world.zone_name(h.zone)}});
    e["missed"] = std::move(list);
    targets.push_back(std::move(e));
  }
  j["targets"] = std::move(targets);
  j["teams_without_reachable_task"] = std::move(idle);
  return j;
}

}  // namespace ss::output
