// Narrow gaps (micro model): a crowd of young adults leaves through a gap narrower
// than a body, 0.4 and 0.5 m, which people pass by turning sideways; the flows are
// compared with those Kretz, Grünebohm & Schreckenberg measured (2006, J. Stat. Mech.
// P10014, Table 3: 0.4 m 0.88 P/s, 0.5 m 1.02 P/s; ../shared/VERIFICATION.md).
#include <cmath>

#include "engine/scenes/builders.hpp"
#include "engine/scenes/micro_builders.hpp"
#include "verify/tests.hpp"

namespace ss::verify {
namespace {

// The scene. Kretz et al. let a group of students through a bottleneck in a wall
// from a waiting area in front of it; only their flows by width are in the references
// here (VERIFICATION.md), not the outline, the gap's depth or the group's size. So,
// as for the width sweep (bottleneck_widths.cpp): a waiting area 5 m wide holding
// kPersons young adults (age 25, Weidmann free speed) at kDensity, the gap a channel
// as deep as a wall (kDepth) centred in its east side. Assumptions: 3 P/m², the
// "high initial density" of Seyfried et al. 2009, and 60 persons (their run size).
constexpr double kDepth = 0.4;      // m, a wall with a door frame (assumption)
constexpr double kWaitWidth = 5.0;  // m
constexpr double kDensity = 3.0;    // P/m²
constexpr int kPersons = 60;
constexpr int kSeeds = 3;            // mean of three, as the width sweep
constexpr double kTolerance = 0.15;  // as the width sweep (issue 15)

struct Reference {
  double width;  // m
  double flow;   // P/s, Kretz et al. 2006 Table 3
};
constexpr Reference kRefs[] = {{0.4, 0.88}, {0.5, 1.02}};

}  // namespace

BottleneckFlow narrow_gap_flow(double width, const Options& o) {
  const double spacing = 1.0 / std::sqrt(kDensity);
  const int rows = static_cast<int>(std::floor((kWaitWidth - 0.52) / spacing));
  const double depth = std::ceil(static_cast<double>(kPersons) / rows) * spacing + 0.53;
  BottleneckFlow out;
  out.width = width;
  out.persons = kPersons;
  for (int k = 0; k < kSeeds; ++k) {
    Model m = builders::micro_bottleneck(depth, kWaitWidth, width, kDepth);
    Box area;
    area.extend({0.26, 0.26});
    area.extend({depth - 0.26, kWaitWidth - 0.26});
    builders::place_lattice(m, area, kPersons, spacing, 25);
    builders::instant_departure(m);
    m.run.dt = 0.05;
    m.run.duration = 300.0;
    m.finalize();
    Simulation sim(m, o.seed + static_cast<std::uint64_t>(k));
    run(sim);
    std::vector<double> t;
    for (const float a : sim.state().arrival_time)
      if (!std::isnan(a)) t.push_back(a);
    out.arrived += static_cast<int>(t.size());
    out.flow += flow_10_90(t, static_cast<std::size_t>(kPersons)) / kSeeds;
  }
  out.arrived /= kSeeds;
  return out;
}

Result kretz_narrow_gaps(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("Narrow gaps (Kretz 2006)"), mc);
  bool pass = true;
  std::string pts;
  for (const Reference& ref : kRefs) {
    const BottleneckFlow f = narrow_gap_flow(ref.width, o);
    const double rel = (f.flow - ref.flow) / ref.flow;
    pass = pass && f.arrived == f.persons && std::fabs(rel) <= kTolerance;
    pts += fmt("%s%.1f:%.2f/%.2f(%+.0f%%)", pts.empty() ? "" : " ", ref.width, f.flow, ref.flow, 100.0 * rel);
    r.values.emplace_back(fmt("flow_at_%g", ref.width), f.flow);
    r.values.emplace_back(fmt("measured_at_%g", ref.width), ref.flow);
    r.values.emplace_back(fmt("arrived_at_%g", ref.width), f.arrived);
  }
  r.measured = "width:sim/measured P/s " + pts;
  r.criterion = "everyone through; flow (10-90 %, mean of 3 seeds) within 15 % of Kretz et al. 2006";
  r.pass = pass;
  return r;
}

}  // namespace ss::verify
