// Bottleneck flow against width (micro model): a crowd of young adults starts at
// high density in a waiting area and leaves through a corridor-like bottleneck, the
// set-up of Seyfried et al. (2009, Transportation Science 43(3)); the flow at each
// width is compared with the measured one (../shared/VERIFICATION.md, "Movement").
#include <algorithm>
#include <cmath>

#include "engine/scenes/builders.hpp"
#include "engine/scenes/micro_builders.hpp"
#include "verify/tests.hpp"

namespace ss::verify {
namespace {

// The scene: a waiting area kWaitDepth deep and kWaitWidth wide, the bottleneck a
// channel of kLength centred in its east side. Seyfried et al. 2009: bottleneck
// 2.8 m long, about 60 participants (students) started at about 3 P/m² in a
// holding area in front of it; the holding area's exact outline is not given in
// VERIFICATION.md, so 5 m × 4 m at 3 P/m² (60 persons) stands for it. Liddle et
// al. (2011, Transportation Research Record 2111; the 0.9–2.5 m series) let about
// 150 people through: the wider bottlenecks get 150 persons in a deeper area.
constexpr double kLength = 2.8;     // m, Seyfried et al. 2009
constexpr double kWaitWidth = 5.0;  // m
constexpr double kDensity = 3.0;    // P/m², "high initial density"

// Persons for a width: 60 (Seyfried) up to 1.2 m, 150 (Liddle) beyond.
int persons_for(double width) { return width <= 1.2 + 1e-9 ? 60 : 150; }

}  // namespace

const std::vector<BottleneckReference>& bottleneck_references() {
  // Flows in P/s. Seyfried 2009 from VERIFICATION.md (its summary table); Liddle et
  // al. 2011 as 150 persons over the first-to-last crossing of their Flow_vs_b_v2.dat
  // (the values JuPedSim's bottleneck validation script compares against: 1.6 m
  // 3.11, 2.0 m 3.91, 2.5 m 5.55 P/s).
  static const std::vector<BottleneckReference> refs = {
      {0.8, 1.29, "Seyfried 2009"}, {0.9, 1.53, "Seyfried 2009"}, {1.0, 1.64, "Seyfried 2009"},
      {1.1, 1.84, "Seyfried 2009"}, {1.2, 2.36, "Seyfried 2009"}, {1.6, 3.11, "Liddle 2011"},
      {2.0, 3.91, "Liddle 2011"},   {2.5, 5.55, "Liddle 2011"},
  };
  return refs;
}

BottleneckFlow waiting_area_flow(double width, int persons, double length, const Options& o,
                                 const MicroParams& params) {
  // Seeds change the start places' order and the drawn free speeds; the flow of one
  // is chaotic (docs/verification.md, IMO 4), the mean of three is not.
  constexpr int kSeeds = 3;
  // A square lattice at kDensity, 0.26 m (a body) clear of the walls, as deep as it
  // takes to hold everyone.
  const double spacing = 1.0 / std::sqrt(kDensity);
  const int rows = static_cast<int>(std::floor((kWaitWidth - 0.52) / spacing));
  const double depth = std::ceil(static_cast<double>(persons) / rows) * spacing + 0.53;
  BottleneckFlow out;
  out.width = width;
  out.persons = persons;
  for (int k = 0; k < kSeeds; ++k) {
    Model m = builders::micro_bottleneck(depth, kWaitWidth, width, length);
    m.params.micro = params;
    Box area;
    area.extend({0.26, 0.26});
    area.extend({depth - 0.26, kWaitWidth - 0.26});
    builders::place_lattice(m, area, persons, spacing, 25);
    builders::instant_departure(m);
    m.run.dt = 0.05;
    m.run.duration = 300.0;
    m.finalize();
    Simulation sim(m, o.seed + static_cast<std::uint64_t>(k));
    run(sim);
    const std::vector<double> t = arrival_times(sim.state());
    out.arrived += static_cast<int>(t.size());
    out.flow += flow_10_90(t, static_cast<std::size_t>(persons)) / kSeeds;
  }
  out.arrived /= kSeeds;
  return out;
}

BottleneckFlow bottleneck_flow(double width, const Options& o) {
  return waiting_area_flow(width, persons_for(width), kLength, o, micro_params(o));
}

Result bottleneck_widths(ModelChoice mc, const Options& o) {
  Result r = make_result(def_of("Bottleneck widths"), mc);
  bool pass = true;
  std::string pts;
  double worst = 0.0;
  for (const BottleneckReference& ref : bottleneck_references()) {
    const BottleneckFlow f = bottleneck_flow(ref.width, o);
    const double rel = (f.flow - ref.flow) / ref.flow;
    worst = std::max(worst, std::fabs(rel));
    pass = pass && f.arrived == f.persons && std::fabs(rel) <= 0.15;
    pts += fmt("%s%.1f:%.2f/%.2f(%+.0f%%)", pts.empty() ? "" : " ", ref.width, f.flow, ref.flow, 100.0 * rel);
    r.values.emplace_back(fmt("flow_at_%g", ref.width), f.flow);
    r.values.emplace_back(fmt("measured_at_%g", ref.width), ref.flow);
    r.values.emplace_back(fmt("persons_at_%g", ref.width), f.persons);
    r.values.emplace_back(fmt("arrived_at_%g", ref.width), f.arrived);
  }
  r.measured = "width:sim/measured P/s " + pts;
  r.criterion = "flow (10-90 %, mean of 3 seeds) within 15 % of measured at every width";
  r.pass = pass;
  r.values.emplace_back("worst_relative_error", worst);
  return r;
}

}  // namespace ss::verify
