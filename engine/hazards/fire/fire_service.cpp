// The fire service (fire_service.hpp) during a run: incidents from ignitions, what
// the fire service lets spread, and each step's arrivals, water and suppression,
// rescue and the end of incidents. Lanes and the run's start: fire_service_prepare.cpp;
// dispatch and drives: fire_service_dispatch.cpp; shared routing: fire_service_routes.hpp.
#include "engine/hazards/fire/fire_service.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <utility>

#include "engine/core/model.hpp"
#include "engine/core/rng.hpp"
#include "engine/core/sim_state.hpp"
#include "engine/hazards/fire/fire_hazard.hpp"
#include "engine/hazards/fire/fire_service_routes.hpp"

namespace ss {

using namespace fire_service_detail;

const char* to_string(ApplianceKind k) {
  switch (k) {
    case ApplianceKind::Pumper: return "pumper";
    case ApplianceKind::Ladder: return "ladder";
    case ApplianceKind::Tanker: return "tanker";
  }
  return "?";
}

const char* to_string(LaneProblem p) {
  switch (p) {
    case LaneProblem::None: return "";
    case LaneProblem::NotForVehicles: return "not_for_vehicles";
    case LaneProblem::Narrow: return "narrow";
    case LaneProblem::Weight: return "weight";
    case LaneProblem::Height: return "height";
    case LaneProblem::Closed: return "closed";
  }
  return "?";
}

std::vector<ApplianceType> default_appliance_types() {
  return {
      {"HLF 20", ApplianceKind::Pumper, 9, 2000.0, 800.0, 16.0, 3.3, 300.0},
      {"DLK 23/12", ApplianceKind::Ladder, 3, 0.0, 0.0, 16.0, 3.3, 0.0},
      {"TLF 4000", ApplianceKind::Tanker, 3, 4000.0, 800.0, 18.0, 3.3, 300.0},
  };
}

Turnout default_turnout(CrewKind c) {
  return c == CrewKind::Professional ? Turnout{80.0, 80.0} : Turnout{300.0, 240.0};
}

const ApplianceType* first_pumper(const FireServiceDesc& d) {
  for (const ApplianceType& a : d.types)
    if (a.kind == ApplianceKind::Pumper) return &a;
  return nullptr;
}

LaneProblem lane_problem(const FireServiceDesc& d, const FireLanes& lanes, const StreetGraph& g,
                         std::size_t e, const ApplianceType* a, float width, bool closed) {
  if (e >= lanes.travel_time.size() || !std::isfinite(lanes.travel_time[e]))
    return LaneProblem::NotForVehicles;
  if (closed) return LaneProblem::Closed;
  const VehicleWay v = e < g.edge_vehicle.size() ? g.edge_vehicle[e] : VehicleWay{};
  if (width < d.params.min_clear_width || (a && v.maxwidth < a->width)) return LaneProblem::Narrow;
  if (a && v.maxweight < a->weight) return LaneProblem::Weight;
  if (a && v.maxheight < a->height) return LaneProblem::Height;
  return LaneProblem::None;
}

// ---- ignitions -------------------------------------------------------------------

void FireHazard::service_ignited(const SimState& s, FireRun& f, std::uint32_t b, double at) const {
  FireServiceRun& r = f.service;
  if (!desc_.service.enabled || b >= r.incident_of.size()) return;
  const FireServiceParams& p = desc_.service.params;
  const std::uint32_t from = f.spread.caught_from[b];
  if (from != SpreadState::kNoSource && r.incident_of[from] >= 0 &&
      !r.incidents[static_cast<std::size_t>(r.incident_of[from])].closed) {
    FireIncident& inc = r.incidents[static_cast<std::size_t>(r.incident_of[from])];
    r.incident_of[b] = r.incident_of[from];
    inc.members.push_back(b);
    ++inc.buildings;
    return;
  }
  FireIncident inc;
  inc.origin = b;
  inc.ignited = at;
  inc.alarm = at + p.detection_delay + p.call_handling;
  inc.members.push_back(b);
  for (const ApplianceKind k : p.first_alarm) inc.requested.push_back(static_cast<std::uint8_t>(k));
  // A working extinguisher in the building and someone at home: they may put out a
  // fire of their own building while it is still small (before its growth time).
  if (r.extinguisher[b] && from == SpreadState::kNoSource && p.extinguisher_time < course_[b].growth_time) {
    bool home = false;
    for (std::uint32_t k = residents_offset_[b]; k < residents_offset_[b + 1] && !home; ++k) {
      const std::size_t i = residents_[k].index();
      home = !s.edge[i].valid() && s.status[i] != Status::Sheltered && std::isnan(s.arrival_time[i]);
    }
    if (home && uniform01(r.seed, kExtinguisherUse, b, r.incidents.size()) < p.extinguisher_success) {
      r.controlled[b] = static_cast<float>(at + p.extinguisher_time);
      r.extinguished[b] = static_cast<float>(at + 2.0 * p.extinguisher_time);
      inc.put_out_by_residents = true;
      inc.controlled = at + p.extinguisher_time;
      inc.requested.clear();
      inc.closed = true;
    }
  }
  r.incident_of[b] = static_cast<std::int32_t>(r.incidents.size());
  r.incidents.push_back(std::move(inc));
}

bool FireHazard::service_allows(const FireRun& f, const SpreadState::Candidate& c) const {
  const FireServiceRun& r = f.service;
  if (r.controlled.empty()) return true;
  if (c.from != SpreadState::kNoSource && c.time >= r.controlled[c.from])
    return false;                                                          // its source is under control
  if (c.how == 2 && c.time >= r.protected_from[c.building]) return false;  // crews keep it wet
  return true;
}

// ---- the step ----------------------------------------------------------------------

void FireHazard::service_step(const Model& model, const SimState& s, FireRun& f, double t_end) const {
  FireServiceRun& r = f.service;
  const FireServiceDesc& d = desc_.service;
  if (!d.enabled) return;
  const FireServiceParams& p = d.params;
  const StreetGraph& g = model.world.streets;
  const ServiceView view{model, desc_, service_, course_};
  const double dt = model.run.dt;

  service_dispatch(model, s, f, t_end);
  std::vector<float> et;
  std::vector<Source> src;
  DriveField fld;

  // 2. Arrivals: tank water joins the incident's supply, pumpers connect to the
  // nearest working hydrant within reach (else a water tender is called), the
  // first pumper on scene is the first engine.
  for (std::size_t q = 0; q < r.tasks.size(); ++q) {
    ApplianceTask& task = r.tasks[q];
    if (task.on_scene || !(task.arrived <= t_end) || task.note == "no_route") continue;
    task.on_scene = true;
    FireIncident& inc = r.incidents[task.incident];
    const ApplianceType& ty = d.types[r.appliances[task.appliance].type];
    inc.water += ty.water;
    if (ty.kind == ApplianceKind::Pumper) {
      // The first engine on scene is the first pumper that can put water on the fire
      // from where it stopped (one stuck beyond its hose does not count).
      if (task.note.empty() && (std::isnan(inc.first_engine) || task.arrived < inc.first_engine))
        inc.first_engine = task.arrived;
      // Beyond its hose it cannot put water on the fire from where it stands.
      if (task.note.empty()) task.water_on = task.arrived + p.setup_time + task.hose_lay_delay;
      double best = p.hydrant_reach;
      for (std::size_t h = 0; h < d.hydrants.size(); ++h) {
        if (!r.hydrant_working[h]) continue;
        const double dh = distance(d.hydrants[h].pos, task.stop);
        if (dh <= best) {
          best = dh;
          task.hydrant = static_cast<std::int32_t>(h);
        }
      }
      if (task.hydrant >= 0) {
        task.hydrant_on = task.arrived + p.setup_time + best / p.lay_speed;
      } else if (!inc.tanker_requested) {
        inc.tanker_requested = true;
        r.retry_dispatch = true;
        inc.requested.push_back(
            static_cast<std::uint8_t>(0x80 | static_cast<std::uint8_t>(ApplianceKind::Tanker)));
      }
    } else if (ty.kind == ApplianceKind::Tanker) {
      // Its round trip to refill at the nearest working hydrant (by road) and back.
      view.edge_times(r, ty, kInf, et);
      src.clear();
      for (std::size_t h = 0; h < d.hydrants.size(); ++h) {
        if (!r.hydrant_working[h]) continue;
        std::vector<NearEdge> near;
        edges_near(service_, g, d.hydrants[h].pos, p.hydrant_reach, near);
        for (const NearEdge& n : near)
          if (std::isfinite(et[n.edge])) {
            src.push_back({g.edge_from[n.edge], n.dist / p.lay_speed, 0});
            src.push_back({g.edge_to[n.edge], n.dist / p.lay_speed, 0});
          }
      }
      drive_field(g, et, src, fld);
      const double one_way = task.stop_node.valid() ? fld.time[task.stop_node.index()] : kInf;
      if (std::isfinite(one_way) && p.hydrant_flow > 0.0)
        task.shuttle = 2.0 * one_way + ty.water / p.hydrant_flow * 60.0 + 2.0 * p.setup_time;
      task.next_delivery = task.arrived + task.shuttle;
    }
  }

  // 3. Water and suppression, per incident.
  std::fill(r.water_flow.begin(), r.water_flow.end(), 0.0f);
  for (std::size_t k = 0; k < r.incidents.size(); ++k) {
    FireIncident& inc = r.incidents[k];
    if (inc.closed) continue;
    double applied = 0.0;
    for (ApplianceTask& task : r.tasks) {
      if (task.incident != k || !task.on_scene) continue;
      const ApplianceType& ty = d.types[r.appliances[task.appliance].type];
      if (ty.kind == ApplianceKind::Tanker && task.next_delivery <= t_end) {
        inc.water += ty.water;
        task.next_delivery += task.shuttle;
      }
      if (ty.kind != ApplianceKind::Pumper || !(task.water_on <= t_end) || !(ty.flow > 0.0)) continue;
      if (task.hydrant_on <= t_end) {
        applied += std::min(ty.flow, p.hydrant_flow);
        continue;
      }
      const double need = ty.flow * dt / 60.0;  // L this step
      if (inc.water >= need) {
        inc.water -= need;
        applied += ty.flow;
      } else {
        applied += inc.water / (dt / 60.0);
        inc.water = 0.0;
        task.waiting_for_water += dt;
      }
    }
    if (!(applied > 0.0)) continue;
    // Fire flow (NFA): the burning buildings of the incident in ignition order; what a
    // building cannot be given in full goes to keeping its neighbours wet.
    const FireNeighbours& nb = desc_.neighbours;
    for (const std::uint32_t b : inc.members) {
      if (!burning_at(f, course_, b, t_end) || !(applied > 0.0)) continue;
      const double peak = course_[b].peak_hrr;
      const double involved =
          peak > 0.0 ? desc_.buildings[b].floor_area * std::min(1.0, f.hrr(b, t_end, course_) / peak) : 0.0;
      int exposures = 0;
      for (std::uint32_t q = nb.offset[b]; q < nb.offset[b + 1]; ++q)
        exposures += std::isnan(f.spread.ignited[nb.to[q]]) && std::isnan(r.protected_from[nb.to[q]]) ? 1 : 0;
      const double base = p.flow_per_area * involved;
      const double needed = base * (1.0 + p.exposure_charge * std::min(exposures, 4));
      r.water_flow[b] = static_cast<float>(std::min(applied, needed));
      if (applied >= needed) {
        r.controlled[b] = static_cast<float>(t_end);
        r.extinguished[b] = static_cast<float>(t_end + p.knockdown);
        applied -= needed;
        for (std::uint32_t q = nb.offset[b]; q < nb.offset[b + 1]; ++q)
          if (std::isnan(f.spread.ignited[nb.to[q]]) && std::isnan(r.protected_from[nb.to[q]]))
            r.protected_from[nb.to[q]] = static_cast<float>(t_end);
        continue;
      }
      const double per_exposure = p.exposure_charge * base;
      for (std::uint32_t q = nb.offset[b]; q < nb.offset[b + 1] && applied >= per_exposure; ++q) {
        const std::uint32_t n = nb.to[q];
        if (!std::isnan(f.spread.ignited[n]) || !std::isnan(r.protected_from[n])) continue;
        r.protected_from[n] = static_cast<float>(t_end);
        applied -= per_exposure;
      }
      applied = 0.0;  // the rest is spent on a fire it cannot yet hold
    }
  }

  // 4. Rescue of residents who cannot leave alone, from every burning building of an
  // incident: by the stairs while the building is not fully involved, else by
  // portable ladder up to its floors, above that by turntable ladder from a set-up area.
  for (std::size_t k = 0; k < r.incidents.size(); ++k) {
    FireIncident& inc = r.incidents[k];
    if (inc.closed) continue;
    for (ApplianceTask& task : r.tasks) {
      if (task.incident != k || !task.on_scene || task.rescue_free > t_end) continue;
      const ApplianceType& ty = d.types[r.appliances[task.appliance].type];
      if (ty.kind == ApplianceKind::Tanker) continue;
      const bool ladder = ty.kind == ApplianceKind::Ladder;
      // The one with the highest dose first.
      std::int64_t pick = -1;
      double pick_time = 0.0;
      float pick_fed = -1.0f;
      for (const std::uint32_t b : inc.members) {
        if (std::isnan(f.spread.ignited[b]) || f.spread.ignited[b] > t_end || f.out_by(b, t_end, course_))
          continue;
        const bool involved = f.state_of(b, t_end, course_) == BuildingFireState::FullyInvolved;
        for (std::uint32_t q = residents_offset_[b]; q < residents_offset_[b + 1]; ++q) {
          const std::size_t i = residents_[q].index();
          if (!waiting_at_home(s, r, i) || r.no_ladder[i]) continue;
          const int floor = service_.floor[i];
          double time = 0.0;
          if (!involved || floor == 0) {
            if (ladder) continue;
            time = p.rescue_stairs;
          } else if (floor <= p.portable_ladder_floors) {
            if (ladder) continue;
            time = p.rescue_portable_ladder;
          } else {
            if (!ladder) continue;
            if (!task.ladder_position) {
              r.no_ladder[i] = 1;
              ++task.no_ladder_position;
              continue;
            }
            time = p.rescue_aerial_ladder + (task.ladder_set_up ? 0.0 : p.ladder_setup);
          }
          if (f.fed[i] > pick_fed) {
            pick_fed = f.fed[i];
            pick = static_cast<std::int64_t>(i);
            pick_time = time;
          }
        }
      }
      if (pick < 0) continue;
      if (ladder) task.ladder_set_up = true;
      const double done = std::max(t_end, task.rescue_free) + pick_time;
      r.rescued_time[static_cast<std::size_t>(pick)] = static_cast<float>(done);
      task.rescue_free = done;
      ++task.rescued;
    }
  }

  // 5. An incident whose buildings are all out or under control, with no rescue under
  // way, releases its appliances where they stand.
  for (std::size_t k = 0; k < r.incidents.size(); ++k) {
    FireIncident& inc = r.incidents[k];
    if (inc.closed) continue;
    bool done = true;
    double controlled = 0.0;
    for (const std::uint32_t b : inc.members) {
      const bool held = !std::isnan(r.controlled[b]) && r.controlled[b] <= t_end;
      if (!held && !f.out_by(b, t_end, course_)) done = false;
      if (held)
        controlled = std::max(controlled, static_cast<double>(r.controlled[b]));
      else
        controlled = kNaN;
    }
    bool any_task = false;
    for (const ApplianceTask& task : r.tasks)
      if (task.incident == k && task.note != "no_route") {
        any_task = true;
        if (task.rescue_free > t_end || !task.on_scene) done = false;
      }
    if (!done || !any_task) continue;
    inc.closed = true;
    inc.controlled = controlled;
    inc.requested.clear();
    for (const std::uint32_t b : inc.members) {
      const FireNeighbours& nb = desc_.neighbours;
      for (std::uint32_t q = nb.offset[b]; q < nb.offset[b + 1]; ++q)
        if (std::isnan(f.spread.ignited[nb.to[q]])) r.protected_from[nb.to[q]] = kNaNF;
    }
    for (std::size_t q = 0; q < r.tasks.size(); ++q) {
      const ApplianceTask& task = r.tasks[q];
      if (task.incident != k || task.note == "no_route") continue;
      ApplianceRun& ap = r.appliances[task.appliance];
      if (ap.task != static_cast<std::int32_t>(q)) continue;
      ap.task = -1;
      ap.free_at = t_end;
      ap.node = task.stop_node;
      ap.manned = true;
      r.retry_dispatch = true;
    }
  }
  // First alarm complete: every appliance of the first alarm on scene.
  for (std::size_t k = 0; k < r.incidents.size(); ++k) {
    FireIncident& inc = r.incidents[k];
    if (!std::isnan(inc.first_alarm_complete) || inc.put_out_by_residents) continue;
    std::size_t n = 0;
    double last = 0.0;
    for (const ApplianceTask& task : r.tasks)
      if (task.incident == k && task.first_alarm && task.on_scene) {
        ++n;
        last = std::max(last, task.arrived);
      }
    if (n >= p.first_alarm.size()) inc.first_alarm_complete = last;
  }
}

}  // namespace ss
