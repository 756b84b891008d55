// The trajectory files of a micro run measured as a researcher would: the flow at a
// measurement line by the N-t method (JPSreport method A; PedPy's compute_n_t), from
// the very text trajectories.txt holds, against the model's own exit count.
#include <algorithm>
#include <cmath>
#include <map>

#include "engine/scenes/micro_builders.hpp"
#include "verify/tests.hpp"

namespace ss::verify {

std::vector<double> line_crossings(const output::TrajectoryFile& traj, Vec2 a, Vec2 b) {
  std::map<std::int64_t, std::vector<const output::TrajectoryRow*>> by_id;
  for (const output::TrajectoryRow& r : traj.rows) by_id[r.id].push_back(&r);
  const Vec2 ab = b - a;
  const double len2 = dot(ab, ab);
  std::vector<double> out;
  for (auto& [id, rows] : by_id) {
    std::sort(rows.begin(), rows.end(), [](const auto* p, const auto* q) { return p->frame < q->frame; });
    for (std::size_t k = 1; k < rows.size(); ++k) {
      if (rows[k]->frame != rows[k - 1]->frame + 1) continue;  // left the scene in between
      const Vec2 p{rows[k - 1]->x, rows[k - 1]->y}, q{rows[k]->x, rows[k]->y};
      const double sp = ab.x * (p.y - a.y) - ab.y * (p.x - a.x);
      const double sq = ab.x * (q.y - a.y) - ab.y * (q.x - a.x);
      if ((sp < 0.0) == (sq < 0.0) || sp == sq) continue;
      // Where the step meets the line, as a share of a-b: on the segment or not.
      const Vec2 x = p + (q - p) * (sp / (sp - sq));
      const double u = dot(x - a, ab) / len2;
      if (u < 0.0 || u > 1.0) continue;
      out.push_back(static_cast<double>(rows[k]->frame) / traj.framerate);
      break;
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result trajectory_flow(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("Trajectories"), mc);
  // One IMO 4 layout at 10 frames per s (one per 0.1 s step); the measurement line
  // is the door's inner edge (x = 8.0 m, the channel's entrance), 0.7 m before the
  // model counts a person out (kExitWalkOn past the exit line in the channel's middle).
  Model m = imo_4_micro_room(o.seed);
  builders::instant_departure(m);
  m.run.duration = 600.0;
  m.run.trajectory_framerate = 10.0;
  calibrate(m, o);
  m.finalize();
  Simulation sim(m, o.seed);
  run(sim);
  const std::vector<double> arrivals = arrival_times(sim.state());
  const output::TrajectoryFile traj =
      output::parse_trajectory_txt(output::trajectory_txt(sim.state(), "IMO 4 room"));
  const std::vector<double> crossed = line_crossings(traj, {8.0, 2.0}, {8.0, 3.0});
  const double model_flow = flow_10_90(arrivals, 100), nt_flow = flow_10_90(crossed, 100);
  const double diff = model_flow > 0.0 ? nt_flow / model_flow - 1.0 : 1.0;
  r.measured = fmt("N-t %.3f P/s (%zu crossings, %.0f fps) vs exit count %.3f P/s (%zu out): %+.1f %%",
                   nt_flow, crossed.size(), traj.framerate, model_flow, arrivals.size(), 100.0 * diff);
  r.criterion = "every person crosses once; flows (10-90 %) within 3 %";
  r.pass = crossed.size() == arrivals.size() && arrivals.size() == 100 && std::fabs(diff) <= 0.03;
  r.values = {{"flow_nt_p_per_s", nt_flow},
              {"flow_exit_count_p_per_s", model_flow},
              {"crossings", static_cast<double>(crossed.size())},
              {"arrived", static_cast<double>(arrivals.size())}};
  return r;
}

}  // namespace ss::verify
