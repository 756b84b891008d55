// The fire service's dispatch (FireHazard::service_dispatch): which appliance goes to
// which incident, and its drive over the lanes as dispatch knows them, re-planned
// where a crew meets an obstruction nobody knew of.
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

void FireHazard::service_dispatch(const Model& model, const SimState& s, FireRun& f, double t_end) const {
  FireServiceRun& r = f.service;
  const FireServiceDesc& d = desc_.service;
  const FireServiceParams& p = d.params;
  const StreetGraph& g = model.world.streets;
  const ServiceView view{model, desc_, service_, course_};
  const double dt = model.run.dt;

  // 1. Dispatch: incidents whose alarm has come and that still want appliances, by
  // life risk (people at home who cannot leave alone), then spread risk (unburnt
  // neighbours of its burning buildings), then alarm time.
  // Dispatch is tried again only when something changed: an alarm came, an appliance
  // came free, a tender was called for.
  bool changed = r.retry_dispatch;
  for (const FireIncident& inc : r.incidents)
    changed = changed || (inc.alarm <= t_end && inc.alarm > t_end - dt);
  for (const ApplianceRun& ap : r.appliances)
    changed = changed || (ap.free_at <= t_end && ap.free_at > t_end - dt);
  r.retry_dispatch = false;
  std::vector<std::tuple<long, long, double, std::size_t>> waiting;
  for (std::size_t k = 0; k < r.incidents.size() && changed; ++k) {
    const FireIncident& inc = r.incidents[k];
    if (inc.closed || inc.requested.empty() || inc.alarm > t_end) continue;
    long life = 0, spread = 0;
    for (const std::uint32_t b : inc.members) {
      for (std::uint32_t q = residents_offset_[b]; q < residents_offset_[b + 1]; ++q)
        life += waiting_at_home(s, r, residents_[q].index()) ? 1 : 0;
      if (!burning_at(f, course_, b, t_end)) continue;
      const FireNeighbours& nb = desc_.neighbours;
      for (std::uint32_t q = nb.offset[b]; q < nb.offset[b + 1]; ++q)
        spread += std::isnan(f.spread.ignited[nb.to[q]]) ? 1 : 0;
    }
    waiting.emplace_back(-life, -spread, inc.alarm, k);
  }
  std::sort(waiting.begin(), waiting.end());
  std::vector<float> et, truth;
  std::vector<Source> src;
  std::vector<std::uint32_t> path;
  DriveField fld;
  for (const auto& w : waiting) {
    const std::size_t k = std::get<3>(w);
    FireIncident& inc = r.incidents[k];
    std::uint32_t target = inc.origin;  // the first of its buildings still burning
    for (const std::uint32_t b : inc.members)
      if (burning_at(f, course_, b, t_end)) {
        target = b;
        break;
      }
    std::vector<std::uint8_t> still;
    for (const std::uint8_t entry : inc.requested) {
      const std::uint8_t kind = entry & 0x7F;  // high bit: requested beyond the first alarm
      // The appliance of this kind that would be there first: one drive field from all
      // free ones, each starting at its own time (turnout included).
      std::int32_t best = -1;
      double best_t = kInf;
      std::vector<std::uint8_t> done_types;
      for (std::size_t a = 0; a < r.appliances.size(); ++a) {
        const ApplianceRun& first = r.appliances[a];
        const ApplianceType& ty = d.types[first.type];
        if (static_cast<std::uint8_t>(ty.kind) != kind ||
            std::find(done_types.begin(), done_types.end(), first.type) != done_types.end())
          continue;
        done_types.push_back(first.type);
        src.clear();
        for (std::size_t q = 0; q < r.appliances.size(); ++q) {
          const ApplianceRun& ap = r.appliances[q];
          if (ap.type != first.type || ap.task >= 0 || ap.free_at > t_end || !ap.node.valid()) continue;
          const FireStation& st = d.stations[ap.station];
          const double turnout = ap.manned ? 0.0 : (p.night ? st.turnout_night : st.turnout_day);
          src.push_back({ap.node, std::max(inc.alarm, ap.free_at) + turnout, static_cast<std::int32_t>(q)});
        }
        if (src.empty()) continue;
        view.edge_times(r, ty, inc.alarm, et);
        drive_field(g, et, src, fld);
        const ServiceView::Choice c = view.choose(target, ty, et, r, fld, ty.kind == ApplianceKind::Ladder);
        if (c.ok && c.arrive < best_t) {
          best_t = c.arrive;
          best = fld.origin[c.end.index()];
        }
      }
      if (best < 0) {
        // Wait for one to come free, unless the service has none of this kind at all.
        bool exists = false;
        for (const ApplianceRun& ap : r.appliances)
          exists = exists || static_cast<std::uint8_t>(d.types[ap.type].kind) == kind;
        if (exists) still.push_back(entry);
        continue;
      }
      // Send it: drive the route known at dispatch; a street found blocked on the way
      // becomes known to everyone (radio) and the crew re-plans from where it is.
      ApplianceRun& ap = r.appliances[static_cast<std::size_t>(best)];
      const ApplianceType& ty = d.types[ap.type];
      const bool ladder = ty.kind == ApplianceKind::Ladder;
      ApplianceTask task;
      task.incident = static_cast<std::uint32_t>(k);
      task.appliance = static_cast<std::uint32_t>(best);
      task.building = target;
      task.dispatched = std::max(inc.alarm, ap.free_at);
      task.first_alarm = (entry & 0x80) == 0;
      const FireStation& st = d.stations[ap.station];
      task.turnout = ap.manned ? 0.0 : (p.night ? st.turnout_night : st.turnout_day);
      double now = task.dispatched + task.turnout;
      NodeId at = ap.node;
      ap.path.assign(1, at);
      ap.path_time.assign(1, static_cast<float>(now));
      ServiceView::Choice ch;
      auto plan = [&]() {
        view.edge_times(r, ty, now, et);
        drive_field(g, et, {{at, now, 0}}, fld);
        ch = view.choose(target, ty, et, r, fld, ladder);
        if (ch.ok) view.path_to(fld, ch.end, path);
      };
      plan();
      view.edge_times(r, ty, kInf, truth);
      task.planned_drive = ch.ok ? ch.arrive - ch.stop.cost - now : kInf;
      bool arrived = false;
      std::size_t step = 0;
      for (int guard = 0; guard < 100000 && ch.ok; ++guard) {
        if (step < path.size()) {
          const std::size_t e = path[step];
          if (!std::isfinite(truth[e])) {  // blocked, and they did not know
            r.known_since[e] = std::min(r.known_since[e], now);
            ++task.reroutes;
            plan();
            step = 0;
            continue;
          }
          now += et[e];
          at = g.other_end(EdgeId{e}, at);
          ap.path.push_back(at);
          ap.path_time.push_back(static_cast<float>(now));
          ++step;
          continue;
        }
        // At the end of the stop's street: the last part of it.
        const Stop& sp = ch.stop;
        const std::size_t e = sp.edge;
        if (!std::isfinite(truth[e])) {
          r.known_since[e] = std::min(r.known_since[e], now);
          ++task.reroutes;
          plan();
          step = 0;
          continue;
        }
        const double len = std::max(1e-9, static_cast<double>(g.edge_length[e]));
        const double frac = std::clamp(sp.offset / len, 0.0, 1.0);
        now += (g.edge_from[e] == at ? frac : 1.0 - frac) * et[e];
        task.stop = sp.point;
        task.stop_node = frac < 0.5 ? g.edge_from[e] : g.edge_to[e];
        task.hose = ladder ? 0.0 : sp.dist;
        task.hose_lay_delay = ladder ? 0.0 : sp.cost;
        task.ladder_position = ch.ladder_position;
        if (ch.beyond_hose && !ladder) task.note = "beyond_hose";
        arrived = true;
        break;
      }
      if (!arrived) {
        task.note = "no_route";
        task.drive = now - task.dispatched - task.turnout;
        ap.node = at;
        ap.free_at = now;
        r.tasks.push_back(task);
        continue;  // it stays where it got stuck, available again
      }
      task.arrived = now;
      task.drive = now - task.dispatched - task.turnout;
      ap.path.push_back(task.stop_node);
      ap.path_time.push_back(static_cast<float>(now));
      ap.stop = task.stop;
      ap.task = static_cast<std::int32_t>(r.tasks.size());
      ap.free_at = kInf;
      r.tasks.push_back(task);
    }
    inc.requested = std::move(still);
  }
}

}  // namespace ss
