// What the fire service reports: key figures for summary.json and batch comparisons,
// and the layers of the run's fire/ folder (lanes, response times, hydrants, hose
// lines, incidents, appliance tasks with every delay and its cause, rescues).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "engine/core/model.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"

namespace ss {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string num(double v, int decimals = 1) {
  if (!std::isfinite(v)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// A CSV cell: quoted when it holds a comma, quote or line break.
std::string cell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (const char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

void FireHazard::service_kpis(const Model& model, const FireRun& f, std::vector<HazardKpi>& out) const {
  const FireServiceRun& r = f.service;
  if (!desc_.service.enabled) return;
  const FireServiceParams& p = desc_.service.params;
  // Times count from the call (detection): the moment the setting's 15-minute target
  // starts (AGBF's Hilfsfrist likewise starts with the call).
  double first_worst = kNaN, alarm_worst = kNaN;
  std::size_t incidents = 0, by_residents = 0, no_engine = 0;
  for (const FireIncident& inc : r.incidents) {
    ++incidents;
    if (inc.put_out_by_residents) {
      ++by_residents;
      continue;
    }
    const double call = inc.ignited + p.detection_delay;
    if (std::isnan(inc.first_engine))
      ++no_engine;
    else
      first_worst =
          std::isnan(first_worst) ? inc.first_engine - call : std::max(first_worst, inc.first_engine - call);
    if (!std::isnan(inc.first_alarm_complete))
      alarm_worst = std::isnan(alarm_worst) ? inc.first_alarm_complete - call
                                            : std::max(alarm_worst, inc.first_alarm_complete - call);
  }
  // A fire no engine reached counts as the whole run (the figure is then a lower bound).
  if (no_engine > 0)
    first_worst =
        model.run.duration - (r.incidents.empty() ? 0.0 : r.incidents.front().ignited + p.detection_delay);
  double detour = 0, hose = 0, water = 0;
  std::size_t reroutes = 0, no_ladder = 0;
  for (const ApplianceTask& t : r.tasks) {
    if (std::isfinite(t.drive) && std::isfinite(t.planned_drive))
      detour += std::max(0.0, t.drive - t.planned_drive);
    hose += t.hose_lay_delay;
    water += t.waiting_for_water;
    reroutes += t.reroutes;
  }
  std::size_t rescued = 0, rescued_in_time = 0;
  for (std::size_t i = 0; i < r.rescued_time.size(); ++i) {
    no_ladder += r.no_ladder[i];
    if (std::isnan(r.rescued_time[i])) continue;
    ++rescued;
    if (std::isnan(f.incapacitated_time[i]) || r.rescued_time[i] < f.incapacitated_time[i]) ++rescued_in_time;
  }
  std::size_t ignited = f.spread.order.size(), extinguished = 0;
  for (const std::uint32_t b : f.spread.order) extinguished += std::isnan(r.controlled[b]) ? 0 : 1;
  std::size_t broken = 0;
  for (const std::uint8_t w : r.hydrant_working) broken += w ? 0 : 1;
  std::size_t drawn = 0;
  for (const Obstruction& o : r.obstructions) drawn += o.known ? 0 : 1;
  out.push_back({"incidents", static_cast<double>(incidents)});
  out.push_back({"fires_put_out_by_residents", static_cast<double>(by_residents), false});
  out.push_back({"first_engine_s", first_worst});
  out.push_back({"first_alarm_complete_s", alarm_worst});
  out.push_back({"buildings_beyond_origin", static_cast<double>(ignited - std::min(ignited, incidents))});
  out.push_back({"buildings_extinguished", static_cast<double>(extinguished), false});
  out.push_back({"detour_s", detour});
  out.push_back({"hose_lay_s", hose});
  out.push_back({"waiting_for_water_s", water});
  out.push_back({"reroutes", static_cast<double>(reroutes)});
  out.push_back({"residents_rescued", static_cast<double>(rescued), false});
  out.push_back({"residents_rescued_before_incapacitation", static_cast<double>(rescued_in_time), false});
  out.push_back({"residents_without_ladder_position", static_cast<double>(no_ladder)});
  out.push_back({"hydrants_out_of_service", static_cast<double>(broken)});
  out.push_back({"lanes_blocked", static_cast<double>(drawn)});
}

void FireHazard::service_layers(const Model& model, const SimState& s, const FireRun& f,
                                std::vector<HazardLayer>& out) const {
  const FireServiceRun& r = f.service;
  const FireServiceDesc& d = desc_.service;
  if (!d.enabled) return;
  const FireServiceParams& p = d.params;
  const StreetGraph& g = model.world.streets;
  const FireLanes& L = service_.lanes;
  const double t_end = s.time(model.run.dt);

  // Every street: clear width as mapped and as it was this run, passable for the first
  // pumper type or not, and why.
  const ApplianceType* pumper = first_pumper(d);
  HazardLayer lanes;
  lanes.kind = HazardLayer::Kind::Lines;
  lanes.file = "lanes.gpkg";
  lanes.name = "fire_lanes";
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    HazardLayer::Line line;
    const auto pts = g.shape(EdgeId{e});
    line.points.assign(pts.begin(), pts.end());
    const bool road = std::isfinite(L.travel_time[e]);
    auto problem = [&](float w, bool closed) { return lane_problem(d, L, g, e, pumper, w, closed); };
    const LaneProblem mapped = problem(L.clear_width[e], L.closed[e] != 0);
    const LaneProblem run = problem(r.true_width[e], r.true_closed[e] != 0);
    std::string why = L.why[e];
    for (const Obstruction& o : r.obstructions)
      if (!o.known && o.edge.index() == e) why += (why.empty() ? "" : ";") + o.kind;
    line.numbers = {{"clear_width_m", road ? L.clear_width[e] : kNaN},
                    {"clear_width_run_m", road ? r.true_width[e] : kNaN},
                    {"passable", mapped == LaneProblem::None ? 1.0 : 0.0},
                    {"passable_run", run == LaneProblem::None ? 1.0 : 0.0},
                    {"osm_id", static_cast<double>(g.edge_source_id[e])}};
    line.texts = {{"highway", to_string(g.edge_kind[e])},
                  {"problem", to_string(mapped)},
                  {"problem_run", to_string(run)},
                  {"why", why}};
    lanes.lines.push_back(std::move(line));
  }
  out.push_back(std::move(lanes));

  // Response: the first pumper to each building from a standing start (turnout,
  // drive, hose), over this run's lanes.
  HazardLayer resp;
  resp.kind = HazardLayer::Kind::Polygons;
  resp.file = "response.gpkg";
  resp.name = "first_engine_response";
  for (std::size_t b = 0; b < r.response_time.size() && b < model.world.buildings.size(); ++b) {
    HazardLayer::Polygon poly;
    poly.outline = model.world.buildings[b].outline;
    const double t = r.response_time[b];
    poly.numbers = {{"response_s", t},
                    {"response_with_call_min", std::isnan(t) ? kNaN : (t + p.call_handling) / 60.0},
                    {"ladder_position", static_cast<double>(service_.ladder_position[b])},
                    {"osm_id", static_cast<double>(model.world.buildings[b].source_id)}};
    resp.polygons.push_back(std::move(poly));
  }
  out.push_back(std::move(resp));

  HazardLayer hyd;
  hyd.kind = HazardLayer::Kind::Points;
  hyd.file = "hydrants.gpkg";
  hyd.name = "hydrants";
  for (std::size_t h = 0; h < d.hydrants.size(); ++h)
    hyd.points.push_back({d.hydrants[h].pos,
                          {{"working", static_cast<double>(r.hydrant_working[h])},
                           {"inspected", d.hydrants[h].working >= 0 ? 1.0 : 0.0}},
                          {{"name", d.hydrants[h].name}}});
  out.push_back(std::move(hyd));

  HazardLayer hoses;
  hoses.kind = HazardLayer::Kind::Lines;
  hoses.file = "hoses.gpkg";
  hoses.name = "hose_lines";
  for (std::size_t q = 0; q < r.tasks.size(); ++q) {
    const ApplianceTask& t = r.tasks[q];
    if (!(t.hose > 0.0) || std::isnan(t.arrived)) continue;
    const Building& bd = model.world.buildings[t.building];
    HazardLayer::Line line;
    line.points = {t.stop, bd.centroid};
    line.numbers = {
        {"task", static_cast<double>(q)}, {"length_m", t.hose}, {"lay_delay_s", t.hose_lay_delay}};
    line.texts = {{"appliance", d.types[r.appliances[t.appliance].type].name}};
    hoses.lines.push_back(std::move(line));
  }
  out.push_back(std::move(hoses));

  HazardLayer inc;
  inc.kind = HazardLayer::Kind::Table;
  inc.file = "incidents.csv";
  inc.header = {"incident",
                "origin_building",
                "osm_id",
                "ignited_s",
                "call_s",
                "alarm_s",
                "first_engine_s",
                "first_engine_after_call_min",
                "first_alarm_complete_s",
                "controlled_s",
                "buildings",
                "put_out_by_residents"};
  for (std::size_t k = 0; k < r.incidents.size(); ++k) {
    const FireIncident& i = r.incidents[k];
    const double call = i.ignited + p.detection_delay;
    inc.rows.push_back(
        {std::to_string(k), std::to_string(i.origin),
         std::to_string(i.origin < model.world.buildings.size() ? model.world.buildings[i.origin].source_id
                                                                : -1),
         num(i.ignited), num(call), num(i.alarm), num(i.first_engine), num((i.first_engine - call) / 60.0, 2),
         num(i.first_alarm_complete), num(i.controlled), std::to_string(i.buildings),
         i.put_out_by_residents ? "1" : "0"});
  }
  out.push_back(std::move(inc));

  // Every appliance's job with its delays and their causes.
  HazardLayer tasks;
  tasks.kind = HazardLayer::Kind::Table;
  tasks.file = "tasks.csv";
  tasks.header = {"task",
                  "incident",
                  "appliance",
                  "type",
                  "kind",
                  "station",
                  "building",
                  "first_alarm",
                  "dispatched_s",
                  "turnout_s",
                  "planned_drive_s",
                  "drive_s",
                  "arrived_s",
                  "delay_detour_s",
                  "reroutes",
                  "hose_m",
                  "delay_hose_lay_s",
                  "water_on_s",
                  "hydrant",
                  "delay_waiting_for_water_s",
                  "rescued",
                  "no_ladder_position",
                  "note"};
  for (std::size_t q = 0; q < r.tasks.size(); ++q) {
    const ApplianceTask& t = r.tasks[q];
    const ApplianceRun& a = r.appliances[t.appliance];
    const ApplianceType& ty = d.types[a.type];
    const double detour = std::isfinite(t.drive) && std::isfinite(t.planned_drive)
                              ? std::max(0.0, t.drive - t.planned_drive)
                              : kNaN;
    tasks.rows.push_back({std::to_string(q),
                          std::to_string(t.incident),
                          std::to_string(t.appliance),
                          cell(ty.name),
                          to_string(ty.kind),
                          cell(d.stations[a.station].name),
                          std::to_string(t.building),
                          t.first_alarm ? "1" : "0",
                          num(t.dispatched),
                          num(t.turnout),
                          num(t.planned_drive),
                          num(t.drive),
                          num(t.arrived),
                          num(detour),
                          std::to_string(t.reroutes),
                          num(t.hose),
                          num(t.hose_lay_delay),
                          num(t.water_on),
                          t.hydrant >= 0 ? cell(d.hydrants[static_cast<std::size_t>(t.hydrant)].name.empty()
                                                    ? std::to_string(t.hydrant)
                                                    : d.hydrants[static_cast<std::size_t>(t.hydrant)].name)
                                         : "",
                          num(t.waiting_for_water),
                          std::to_string(t.rescued),
                          std::to_string(t.no_ladder_position),
                          t.note});
  }
  out.push_back(std::move(tasks));

  // Residents who could not leave alone from a burning building: rescued (before
  // incapacitation or not), no ladder position, or not reached.
  HazardLayer res;
  res.kind = HazardLayer::Kind::Table;
  res.file = "rescues.csv";
  res.header = {"resident", "building", "floor", "rescued_s", "incapacitated_s", "outcome"};
  for (std::size_t i = 0; i < r.rescued_time.size(); ++i) {
    const std::uint32_t b = home_building_[i];
    if (b == kNone || std::isnan(f.spread.ignited[b]) || r.incident_of[b] < 0) continue;
    const bool helpless =
        s.status[i] == Status::WaitingForHelp || !std::isnan(r.rescued_time[i]) || r.no_ladder[i];
    if (!helpless) continue;
    std::string outcome;
    if (!std::isnan(r.rescued_time[i]) && r.rescued_time[i] <= t_end)
      outcome = std::isnan(f.incapacitated_time[i]) || r.rescued_time[i] < f.incapacitated_time[i]
                    ? "rescued"
                    : "rescued_incapacitated";
    else if (r.no_ladder[i])
      outcome = "no_ladder_position";
    else if (!std::isnan(f.incapacitated_time[i]))
      outcome = "incapacitated";
    else
      outcome = "not_reached";
    res.rows.push_back({std::to_string(i), std::to_string(b), std::to_string(service_.floor[i]),
                        num(r.rescued_time[i]), num(f.incapacitated_time[i]), outcome});
  }
  out.push_back(std::move(res));
}

}  // namespace ss
