#include "drill/debrief.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "drill/drill_runner.hpp"
#include "engine/core/display_text.hpp"
#include "engine/hazards/flood/flood_hazard.hpp"
#include "output/tables.hpp"

namespace ss::drill {
namespace {

using Kind = Intervention::Kind;

bool is_road(Kind k) { return k == Kind::CloseRoad || k == Kind::OpenRoad; }
bool is_shelter(Kind k) { return k == Kind::CloseShelter || k == Kind::OpenShelter; }
bool is_task(Kind k) { return k == Kind::AddAssistTask || k == Kind::AddDoorKnockTask; }

std::string subject(const Model& model, const Intervention& iv) {
  const std::string n = std::to_string(iv.target);
  switch (iv.kind) {
    case Kind::CloseRoad:
    case Kind::OpenRoad: return "edge " + n;
    case Kind::CloseShelter:
    case Kind::OpenShelter: return "shelter " + n;
    case Kind::DelayTeam: return "team " + n;
    case Kind::BroadcastWarning: return "zone " + n;
    case Kind::AddAssistTask:
    case Kind::AddDoorKnockTask:
      return iv.target < model.population.size()
                 ? "household " + std::to_string(model.population.household[iv.target].value)
                 : "resident " + n;
    case Kind::StartFire: return "building " + n;
    case Kind::RequestMutualAid: return "mutual aid " + n;
  }
  return n;
}

// Where a resident not yet safe is: on the micro model's plane, along their street
// (straight between its end nodes: a map at town scale shows no more), or at home.
Vec2 resident_place(const Model& model, const SimState& s, std::size_t i) {
  if (!s.position.empty()) return s.position[i];
  const StreetGraph& g = model.world.streets;
  const EdgeId e = s.edge[i];
  if (!e.valid() || !s.toward[i].valid()) return model.population.home[i];
  const NodeId to = s.toward[i];
  const NodeId from = g.edge_from[e.index()] == to ? g.edge_to[e.index()] : g.edge_from[e.index()];
  const float len = g.edge_length[e.index()];
  const double f = len > 0.0f ? std::clamp(static_cast<double>(s.remaining[i] / len), 0.0, 1.0) : 0.0;
  const Vec2 a = g.node_pos[to.index()], b = g.node_pos[from.index()];
  return {a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f};
}

std::vector<WaterRun> water_runs(const Model& model, const SimState& s) {
  std::vector<WaterRun> out;
  const FloodHazard* flood = find_flood(model);
  const FloodRun* run = find_flood_run(model, s);
  if (!flood || !run) return out;
  const FloodGrid& g = flood->desc().grid;
  const std::vector<double>& h = run->field.h;
  if (h.size() != g.size()) return out;
  auto band_of = [&](std::size_t c) {
    if (g.blocked[c]) return -1;
    int b = -1;
    for (int k = 0; k < 3; ++k)
      if (h[c] >= kWaterBands[k]) b = k;
    return b;
  };
  for (int iy = 0; iy < g.ny; ++iy) {
    int ix = 0;
    while (ix < g.nx) {
      const std::size_t c0 = static_cast<std::size_t>(iy) * static_cast<std::size_t>(g.nx);
      const int b = band_of(c0 + static_cast<std::size_t>(ix));
      int end = ix + 1;
      while (end < g.nx && band_of(c0 + static_cast<std::size_t>(end)) == b) ++end;
      if (b >= 0)
        out.push_back({static_cast<float>(g.origin.x + ix * g.cell),
                       static_cast<float>(g.origin.x + end * g.cell),
                       static_cast<float>(g.origin.y + iy * g.cell),
                       static_cast<float>(g.origin.y + (iy + 1) * g.cell), static_cast<std::uint8_t>(b)});
      ix = end;
    }
  }
  return out;
}

MapFrame capture_frame(const Model& model, const SimState& s, double time) {
  MapFrame f;
  f.time = time;
  f.step = s.step;
  std::map<std::tuple<long, long, int>, std::uint32_t> cells;
  for (std::size_t i = 0; i < s.status.size(); ++i) {
    ++f.by_status[static_cast<std::size_t>(s.status[i])];
    if (s.status[i] == Status::Sheltered) continue;
    const Vec2 p = resident_place(model, s, i);
    ++cells[{std::lround(std::floor(p.x / kMapCell)), std::lround(std::floor(p.y / kMapCell)),
             static_cast<int>(s.status[i])}];
  }
  for (const auto& [key, count] : cells)
    f.residents.push_back({static_cast<float>((static_cast<double>(std::get<0>(key)) + 0.5) * kMapCell),
                           static_cast<float>((static_cast<double>(std::get<1>(key)) + 0.5) * kMapCell),
                           static_cast<Status>(std::get<2>(key)), count});
  f.closed = s.edge_closed;
  f.water_closed = s.hazard_effects.any() ? s.hazard_effects.closed[0] : std::vector<std::uint8_t>{};
  f.occupancy = s.occupancy;
  f.shelter_closed = s.shelter_closed;
  f.shelter_full = s.shelter_full;
  f.water = water_runs(model, s);
  return f;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What the event's interventions changed, read from the state right after the step that
// applied them (`t`: the event's time).
std::vector<std::string> consequences(const Model& model, const SimState& s,
                                      const std::vector<Intervention>& ivs, double t) {
  std::vector<std::string> out;
  const StreetGraph& g = model.world.streets;
  // Road interventions of one kind grouped by street name; "closed by the water": for
  // adults walking (the flood's closures per mover class, engine/hazards/hazard.hpp).
  for (const Kind k : {Kind::CloseRoad, Kind::OpenRoad}) {
    std::map<std::string, std::pair<std::size_t, std::size_t>> streets;  // name → (segments, under water)
    for (const Intervention& iv : ivs) {
      if (iv.kind != k || iv.target >= g.edge_name.size()) continue;
      const std::string name = g.edge_name[iv.target].empty() ? "an unnamed street" : g.edge_name[iv.target];
      auto& [segments, wet] = streets[name];
      ++segments;
      wet += s.hazard_effects.closed_for(EdgeId{iv.target}, MoverClass::Adult) ? 1 : 0;
    }
    for (const auto& [name, c] : streets) {
      std::string line = std::string(k == Kind::CloseRoad ? "closed " : "reopened ") + name + " (" +
                         plural(c.first, "segment", "segments") + ")";
      if (c.second > 0) line += ", " + std::to_string(c.second) + " of them closed by the water";
      out.push_back(line);
    }
  }
  for (const Intervention& iv : ivs) {
    if (is_road(iv.kind)) continue;
    const std::string name = output::intervention_target_name(model, iv);
    if (is_shelter(iv.kind) && iv.target < s.occupancy.size()) {
      const ShelterSite& site = model.world.shelters[iv.target];
      const bool closed = s.shelter_closed[iv.target] != 0;
      out.push_back(name +
                    (iv.kind == Kind::CloseShelter ? " closed"
                     : closed                      ? " still closed"
                                                   : " open again") +
                    ": " + std::to_string(s.occupancy[iv.target]) + " inside, capacity " +
                    std::to_string(site.capacity) + (s.shelter_full[iv.target] ? ", full" : ""));
    } else if (iv.kind == Kind::DelayTeam && iv.target < s.response.teams.size()) {
      const TeamState& ts = s.response.teams[iv.target];
      out.push_back(name + " held " + format_clock(iv.value) + ": " + to_string(ts.stage) +
                    (ts.stage == TeamStage::Mobilising ? " until " + format_clock(ts.stage_end) : ""));
    } else if (iv.kind == Kind::BroadcastWarning) {
      std::size_t residents = 0, before = 0, now = 0;
      for (std::size_t i = 0; i < model.home_zone.size(); ++i) {
        if (model.home_zone[i].index() != iv.target) continue;
        ++residents;
        const float w = s.warned_time[i];
        if (std::isnan(w)) continue;
        if (w < t - 0.5 * model.run.dt)
          ++before;
        else if (s.warn.source[i] == WarnSource::Inject)
          ++now;
      }
      out.push_back("zone " + name + ": " + std::to_string(now) + " of " + std::to_string(residents) +
                    " residents warned now, " + std::to_string(before) + " had been warned before");
    } else if (iv.kind == Kind::StartFire) {
      out.push_back("fire started in " + name);
    } else if (iv.kind == Kind::RequestMutualAid && iv.target < s.response.aid_requested.size()) {
      const double asked = s.response.aid_requested[iv.target];
      if (asked < t - 0.5 * model.run.dt) {
        out.push_back(name + " had been requested at " + format_clock(asked) +
                      "; asking again changes nothing");
      } else {
        const auto& teams = model.plan.response.teams;
        const auto n = std::ranges::count_if(
            teams, [&](const Team& team) { return team.aid == static_cast<std::int32_t>(iv.target); });
        double ready = 0.0;
        for (std::size_t k = 0; k < teams.size() && k < s.response.teams.size(); ++k)
          if (teams[k].aid == static_cast<std::int32_t>(iv.target)) ready = s.response.teams[k].stage_end;
        out.push_back(name + ": " + std::to_string(n) + (n == 1 ? " team" : " teams") +
                      " on the way, ready at " + format_clock(ready));
      }
    }
  }
  return out;
}

// What the teams made of the tasks an event created, by the end of the run.
void task_outcomes(const Model& model, const SimState& s, DebriefEvent& ev) {
  for (const Intervention& iv : ev.journal.interventions) {
    if (!is_task(iv.kind) || iv.target >= model.population.size()) continue;
    const HouseholdId hh = model.population.household[iv.target];
    const TaskKind kind = iv.kind == Kind::AddAssistTask ? TaskKind::Assist : TaskKind::DoorKnock;
    const Task* task = nullptr;
    for (const Task& k : s.response.tasks)
      if (k.from_inject && k.kind == kind && k.household == hh &&
          std::abs(k.created - ev.t) <= 2.0 * model.run.dt)
        task = &k;
    std::string line =
        std::string(to_string(kind)) + " task for household " + std::to_string(hh.value) + ": ";
    if (!task) {
      line += "not created (an open task for the household was already there)";
    } else if (std::isnan(task->dispatched)) {
      line += "no team was dispatched by the end";
    } else {
      line += "team dispatched " + format_clock(task->dispatched);
      if (!std::isnan(task->arrived)) {
        line += ", on site " + format_clock(task->arrived);
        if (task->team.valid() && task->team.index() < model.plan.response.teams.size())
          line += " (" + model.plan.response.teams[task->team.index()].name + ")";
      } else {
        line += ", not on site by the end";
      }
      if (task->carried > 0 && task->shelter.valid())
        line += ", " + std::to_string(task->carried) + " taken to " +
                model.world.shelters[task->shelter.index()].name;
      if (task->failed) line += ", no accessible shelter could be reached";
    }
    ev.consequences.push_back(line);
  }
}

}  // namespace

std::vector<double> default_map_times(double duration) {
  // 30 min: the interval a tabletop drill's situation reports usually come at.
  double every = 1800.0;
  while (duration / every > 8.0) every += 1800.0;
  std::vector<double> out;
  for (double t = every; t <= duration + 1e-9; t += every) out.push_back(t);
  if (out.empty()) out.push_back(duration);
  return out;
}

Debrief collect_debrief(const DebriefRequest& req) {
  Debrief d;
  d.journal = req.journal;
  const JournalRead j = read_journal(req.journal);
  d.dropped = j.dropped;
  const nlohmann::json& start = j.events.front().data;
  d.drill_name = start.value("name", std::string{});
  d.scenario = start.value("scenario", std::string{});
  d.variant = start.value("variant", std::string{});
  d.version = start.value("version", std::string{});
  d.seed = start.value("seed", std::uint64_t{0});
  for (const JournalEvent& e : j.events) {
    DebriefEvent ev;
    ev.journal = e;
    ev.t = e.data.value("t", 0.0);
    ev.wall = e.data.value("wall", std::string{});
    d.events.push_back(std::move(ev));
  }
  // Steps after which events' consequences are read: their interventions go in at the
  // next step's inject phase.
  std::map<std::uint64_t, std::vector<std::size_t>> after;
  for (std::size_t k = 0; k < d.events.size(); ++k)
    if (!d.events[k].journal.interventions.empty()) after[d.events[k].journal.step + 1].push_back(k);
  std::vector<double> times = req.map_times;
  std::sort(times.begin(), times.end());
  std::size_t next_map = 0;
  bool sized = false;

  DrillRequest r;
  r.journal = req.journal;
  r.hooks.stepped = [&](const Simulation& sim) {
    const Model& model = sim.model();
    const SimState& s = sim.state();
    if (!sized) {
      sized = true;
      if (times.empty()) times = default_map_times(model.run.duration);
    }
    if (const auto it = after.find(s.step); it != after.end())
      for (const std::size_t k : it->second)
        d.events[k].consequences = consequences(model, s, d.events[k].journal.interventions, d.events[k].t);
    while (next_map < times.size() && sim.time() + 0.5 * model.run.dt >= times[next_map])
      d.maps.push_back(capture_frame(model, s, times[next_map++]));
    if (req.stepped) req.stepped(sim);
  };
  DrillOutcome o = replay_journal(r);
  d.run = std::move(o.run);
  d.warnings = std::move(o.warnings);
  const Model& model = d.run.assembly->model;
  const SimState& s = d.run.sim->state();
  if (times.empty()) times = default_map_times(model.run.duration);
  // Times past a run that ended early are drawn as it ended.
  while (next_map < times.size()) d.maps.push_back(capture_frame(model, s, times[next_map++]));
  for (DebriefEvent& ev : d.events) {
    std::set<std::string> seen;
    for (const Intervention& iv : ev.journal.interventions)
      if (seen.insert(subject(model, iv)).second) ev.subjects.push_back(subject(model, iv));
    task_outcomes(model, s, ev);
  }
  return d;
}

}  // namespace ss::drill
